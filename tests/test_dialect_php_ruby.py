"""Speakeasy's PHP and Ruby docs (``speakeasy-php``, ``speakeasy-ruby``), and the PHP and Ruby
type cells, which OpenAPI Generator's ``php`` and ``ruby`` docs write too."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import CORPORA, ROOT, generated
from sdk_truth import truth
from sdk_truth.score import docs_root, score

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import DocError, Location
from generator.core.dialects import detect
from generator.core.dialects.base import Reading
from generator.core.dialects.languages.php import BARE_ARRAY, PHP
from generator.core.dialects.languages.ruby import RUBY
from generator.core.dialects.speakeasy import SPEAKEASY
from generator.core.dialects.speakeasy.dialect import SpeakeasyDialect
from generator.core.dialects.speakeasy.pages import field_types, is_model_page
from generator.core.dialects.speakeasy.php import DIALECT as SPEAKEASY_PHP
from generator.core.dialects.speakeasy.ruby import DIALECT as SPEAKEASY_RUBY
from generator.core.dialects.typecells import Grammar, Parsed, parse_type
from generator.core.markdown import parse_page, unescape
from generator.core.page import Page

AT = Location("x.md", 3)
STR, INT = ir.Primitive(ir.Kind.STR), ir.Primitive(ir.Kind.INT)
FLOAT, BOOL = ir.Primitive(ir.Kind.FLOAT), ir.Primitive(ir.Kind.BOOL)
NONE = ir.Primitive(ir.Kind.NONE)
DATETIME, DATE = ir.Primitive(ir.Kind.DATETIME), ir.Primitive(ir.Kind.DATE)
PSR = "https://www.php-fig.org/psr/psr-7/#33-psrhttpmessageresponseinterface"
PYTHON_STYLES = ("pydantic", "dataclass", "typeddict")
PHP_INPUT = ROOT / "input" / "speakeasy_php"
RUBY_INPUT = ROOT / "input" / "speakeasy_ruby"
SPEAKEASY_CORPORA = (
    "intuned-ts",
    "intuned-ts-2024",
    "intuned-ts-2025",
    "dub-ts",
    "gusto-ts",
    "dub-py",
    "mistral-py",
    "glean-py",
    "dub-go",
    "plex-go",
    "glean-java",
    "plex-csharp",
    "dub-php",
    "dub-ruby",
)


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        # Speakeasy
        ("*string*", Parsed(STR)),
        ("*?string*", Parsed(STR, "?")),
        ("*?float*", Parsed(FLOAT, "?")),
        ("*?bool*", Parsed(BOOL, "?")),
        ("*int*", Parsed(INT)),
        ("*mixed*", Parsed(ir.ANY)),
        (
            "[Components\\Continent](../../Models/Components/Continent.md)",
            Parsed(ir.Ref("Components.Continent", "../../Models/Components/Continent.md")),
        ),
        (
            "[?Components\\Region](../../Models/Components/Region.md)",
            Parsed(ir.Ref("Components.Region", "../../Models/Components/Region.md"), "?"),
        ),
        (
            "array<[Components\\LinkTagSchema](../../Models/Components/LinkTagSchema.md)>",
            Parsed(
                ir.ArrayOf(ir.Ref("Components.LinkTagSchema", "../../Models/Components/LinkTagSchema.md"))
            ),
        ),
        ("array<*string*>", Parsed(ir.ArrayOf(STR))),
        ("array<string, *mixed*>", Parsed(ir.MapOf(ir.ANY))),
        ("array<string, *string*>", Parsed(ir.MapOf(STR))),
        # A union's doc, linked with its members as the label: the doc (null makes it nullable).
        (
            "[string\\|array\\|null](../../Models/Operations/TagIds.md)",
            Parsed(ir.Ref("TagIds", "../../Models/Operations/TagIds.md"), "?"),
        ),
        (
            "[string\\|array](../../Models/Operations/Domains.md)",
            Parsed(ir.Ref("Domains", "../../Models/Operations/Domains.md")),
        ),
        (
            "[Components\\AnalyticsCount\\|array\\|null](../../Models/Operations/Body.md)",
            Parsed(ir.Ref("Body", "../../Models/Operations/Body.md"), "?"),
        ),
        (
            "array<[Components\\Fields1\\|Components\\Fields2](../../Models/Components/Fields.md)>",
            Parsed(ir.ArrayOf(ir.Ref("Fields", "../../Models/Components/Fields.md"))),
        ),
        (
            f"[\\Psr\\Http\\Message\\ResponseInterface]({PSR})",
            Parsed(ir.Primitive(ir.Kind.ANY, "ResponseInterface")),
        ),
        ("\\DateTime", Parsed(DATETIME)),
        ("[\\DateTime](https://www.php.net/manual/en/class.datetime.php)", Parsed(DATETIME)),
        ("\\Brick\\DateTime\\LocalDate", Parsed(DATE)),
        ("\\Brick\\Math\\BigDecimal", Parsed(ir.Primitive(ir.Kind.FLOAT, "Decimal"))),
        # A union member's @var, fully qualified: found by its namespace's last part.
        (
            "array<\\Dub\\Models\\Components\\AnalyticsCities>",
            Parsed(ir.ArrayOf(ir.Ref("Dub.Models.Components.AnalyticsCities"))),
        ),
        ("string|null", Parsed(STR, "?")),
        ("array<?string>", Parsed(ir.ArrayOf(ir.UnionOf((STR, NONE))))),
        ("array", Parsed(BARE_ARRAY)),
        ("array<int, *string*>", Parsed(ir.ArrayOf(STR))),
        # OpenAPI Generator (bold, HTML entities undone by its dialect)
        ("**string**", Parsed(STR)),
        ("**int**", Parsed(INT)),
        ("**bool**", Parsed(BOOL)),
        ("**float**", Parsed(FLOAT)),
        ("**object**", Parsed(ir.ANY)),
        ("**mixed**", Parsed(ir.ANY)),
        ("**\\DateTime**", Parsed(DATETIME)),
        ("**string[]**", Parsed(ir.ArrayOf(STR))),
        ("**int[][]**", Parsed(ir.ArrayOf(ir.ArrayOf(INT)))),
        ("**array&lt;string,mixed&gt;**", Parsed(ir.MapOf(ir.ANY))),
        ("**array&lt;string,string&gt;**", Parsed(ir.MapOf(STR))),
        ("[**\\Ory\\Client\\Model\\X**](X.md)", Parsed(ir.Ref("Ory.Client.Model.X", "X.md"))),
        ("[**\\Ory\\Client\\Model\\X[]**](X.md)", Parsed(ir.ArrayOf(ir.Ref("Ory.Client.Model.X", "X.md")))),
        (
            "[**array&lt;string,\\Ory\\Client\\Model\\IdentityCredentials&gt;**](IdentityCredentials.md)",
            Parsed(ir.MapOf(ir.Ref("Ory.Client.Model.IdentityCredentials", "IdentityCredentials.md"))),
        ),
        ("**\\SplFileObject**", Parsed(ir.Primitive(ir.Kind.BYTES, "SplFileObject"))),
    ],
)
def test_php_type_cells(cell: str, parsed: Parsed) -> None:
    assert parse_type(unescape(cell), AT, PHP) == parsed


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        # Speakeasy (Sorbet)
        ("*::String*", Parsed(STR)),
        ("*T.nilable(::String)*", Parsed(STR, "T.nilable")),
        ("*T.nilable(::Float)*", Parsed(FLOAT, "T.nilable")),
        ("*T::Boolean*", Parsed(BOOL)),
        ("*T.nilable(T::Boolean)*", Parsed(BOOL, "T.nilable")),
        ("*::Float*", Parsed(FLOAT)),
        ("*::Integer*", Parsed(INT)),
        ("*::Object*", Parsed(ir.ANY)),
        ("*T.nilable(::Object)*", Parsed(ir.ANY, "T.nilable")),
        ("T::Array<*::String*>", Parsed(ir.ArrayOf(STR))),
        ("T::Hash[Symbol, *::String*]", Parsed(ir.MapOf(STR))),
        ("T::Hash[Symbol, *::Object*]", Parsed(ir.MapOf(ir.ANY))),
        (
            "[Models::Errors::Error](../../models/errors/error.md)",
            Parsed(ir.Ref("Models.errors.Error", "../../models/errors/error.md")),
        ),
        (
            "[T.nilable(Models::Operations::RequestBody)](../../models/operations/requestbody.md)",
            Parsed(
                ir.Ref("Models.operations.RequestBody", "../../models/operations/requestbody.md"), "T.nilable"
            ),
        ),
        (
            "T::Array<[Models::Shared::LinkTagSchema](../../models/shared/linktagschema.md)>",
            Parsed(ir.ArrayOf(ir.Ref("Models.shared.LinkTagSchema", "../../models/shared/linktagschema.md"))),
        ),
        (
            "T::Hash[Symbol, [Models::Shared::Tag](../../models/shared/tag.md)]",
            Parsed(ir.MapOf(ir.Ref("Models.shared.Tag", "../../models/shared/tag.md"))),
        ),
        # A union linked to its (empty) doc: its members, by name.
        (
            "[T.nilable(T.any(::String, T::Array[::String]))](../../models/operations/tagids.md)",
            Parsed(ir.UnionOf((STR, ir.ArrayOf(STR))), "T.nilable"),
        ),
        (
            "[T.any(Models::Shared::One, Models::Shared::Two)](../../models/shared/event.md)",
            Parsed(ir.UnionOf((ir.Ref("Models.shared.One"), ir.Ref("Models.shared.Two")))),
        ),
        (
            "T::Array<[T.any(Models::Shared::Fields1, Models::Shared::Four)](../../models/shared/fields_.md)>",
            Parsed(ir.ArrayOf(ir.UnionOf((ir.Ref("Models.shared.Fields1"), ir.Ref("Models.shared.Four"))))),
        ),
        ("T::Array<T.nilable(::String)>", Parsed(ir.ArrayOf(ir.UnionOf((STR, NONE))))),
        ("::DateTime", Parsed(DATETIME)),
        ("::Date", Parsed(DATE)),
        ("::Object", Parsed(ir.ANY)),
        ("::BigDecimal", Parsed(ir.Primitive(ir.Kind.FLOAT, "Decimal"))),
        # OpenAPI Generator (bold, HTML entities undone by its dialect)
        ("**String**", Parsed(STR)),
        ("**Time**", Parsed(DATETIME)),
        ("**Object**", Parsed(ir.ANY)),
        ("**Integer**", Parsed(INT)),
        ("**Boolean**", Parsed(BOOL)),
        ("**Float**", Parsed(FLOAT)),
        ("**Date**", Parsed(DATE)),
        ("**File**", Parsed(ir.Primitive(ir.Kind.BYTES, "File"))),
        ("**Array&lt;String&gt;**", Parsed(ir.ArrayOf(STR))),
        ("**Array&lt;Array&lt;Integer&gt;&gt;**", Parsed(ir.ArrayOf(ir.ArrayOf(INT)))),
        ("**Hash&lt;String, Object&gt;**", Parsed(ir.MapOf(ir.ANY))),
        (
            "[**Hash&lt;String, IdentityCredentials&gt;**](IdentityCredentials.md)",
            Parsed(ir.MapOf(ir.Ref("IdentityCredentials", "IdentityCredentials.md"))),
        ),
        ("[**Array&lt;X&gt;**](X.md)", Parsed(ir.ArrayOf(ir.Ref("X", "X.md")))),
        ("[**X**](X.md)", Parsed(ir.Ref("X", "X.md"))),
    ],
)
def test_ruby_type_cells(cell: str, parsed: Parsed) -> None:
    assert parse_type(unescape(cell), AT, RUBY) == parsed


@pytest.mark.parametrize(
    ("cell", "grammar"),
    [
        ("array<*string*", PHP),
        ("*?*", PHP),
        ("array<*string*, *int*, *bool*>", PHP),
        ("T::Array<*::String*", RUBY),
        ("*T.nilable(::String*", RUBY),
        ("Crystalline::Nilable.new(::String)", RUBY),
    ],
)
def test_bad_php_and_ruby_cells_are_located_errors(cell: str, grammar: Grammar) -> None:
    with pytest.raises(DocError) as caught:
        parse_type(cell, AT, grammar)
    assert str(caught.value.diagnostic).startswith(f"x.md:3: error: cannot read type {cell!r}")


@pytest.mark.parametrize(
    ("cells", "dialect"),
    [
        ("*string* *?string* *?float*", SPEAKEASY_PHP),
        ("*string* [Components\\Link](../../Models/Components/Link.md)", SPEAKEASY_PHP),
        ("*string* *int* [\\Psr\\Http\\Message\\ResponseInterface](" + PSR + ")", SPEAKEASY_PHP),
        ("array<*string*>", SPEAKEASY_PHP),
        ("[string|array](../../Models/Operations/Domains.md)", SPEAKEASY_PHP),
        ("[\\DateTime](https://www.php.net/manual/en/class.datetime.php)", SPEAKEASY_PHP),
        ("*::String* *::Float*", SPEAKEASY_RUBY),
        ("*T::Boolean*", SPEAKEASY_RUBY),
        ("T::Hash[Symbol, *::String*]", SPEAKEASY_RUBY),
        ("[Models::Errors::Error](../../models/errors/error.md)", SPEAKEASY_RUBY),
    ],
)
def test_signatures(cells: str, dialect: SpeakeasyDialect) -> None:
    found = [d for d in SPEAKEASY.dialects if d.signature.search(cells)]
    assert found[:1] == [dialect]


@pytest.mark.parametrize(
    "cells",
    [
        "*string*",  # TypeScript's, Go's, C#'s too
        "*string* *int*",  # Go's, C#'s too
        "*string* *bool*",
        "*float*",  # Python's
        "*string* *float*",  # C#'s too
        "*string* *float* List<[Tag](../../Models/Components/Tag.md)>",  # C#'s
        "*str* *float*",
        "*Optional[str]*",
        "Record<string, *any*>",
        "map[string]*string*",
    ],
)
def test_the_signatures_leave_alone_what_others_write(cells: str) -> None:
    assert not SPEAKEASY_PHP.signature.search(cells)
    assert not SPEAKEASY_RUBY.signature.search(cells)


@pytest.mark.parametrize(("shown", "key"), [("end_", "end"), ("fields_", "fields"), ("id", "id"), ("_", "_")])
def test_ruby_escapes_are_undone(shown: str, key: str) -> None:
    assert SPEAKEASY_RUBY.key(shown)[0] == key
    assert SPEAKEASY_PHP.key(shown) == (shown, ir.WireSource.SHOWN)


def _page(path: Path, root: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"), str(path), path.relative_to(root).as_posix())[0]


def test_a_php_union_member_is_its_var() -> None:
    """``### `array` `` says no more than "a list or a map"; the member's ``@var`` says what of."""
    path = PHP_INPUT / "Models" / "Components" / "TagIds.md"
    page = _page(path, PHP_INPUT)
    (model,) = SPEAKEASY_PHP.read(page, Reading(Options()))
    assert isinstance(model, ir.UnionModel)
    assert model.members == (STR, ir.ArrayOf(STR))


@pytest.mark.parametrize(
    ("root", "dialect", "unsure"),
    [
        (PHP_INPUT, SPEAKEASY_PHP, {"Color.md", "AccessLevel.md", "Code.md", "Point.md"}),
        (RUBY_INPUT, SPEAKEASY_RUBY, {"color.md", "accesslevel.md", "tagids.md"}),
    ],
)
def test_golden_pages_are_detected(root: Path, dialect: SpeakeasyDialect, unsure: set[str]) -> None:
    """Pages that show their language are the dialect's; enums and an empty union show none."""
    for path in sorted(root.rglob("*.md")):
        found = detect(_page(path, root))
        assert found is not None, path
        assert (found.dialect, found.sure) == (
            (dialect, True) if path.name not in unsure else (SPEAKEASY.fallback, False)
        ), path


def _fields(plan_models: tuple[ir.Model, ...], key: str) -> dict[str, ir.Field]:
    model = next(m for m in plan_models if m.key == key)
    assert isinstance(model, ir.ObjectModel)
    return {f.shown: f for f in model.fields}


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_golden_php(style: str, tmp_path: Path) -> None:
    gen = generated(PHP_INPUT, tmp_path, style=style)
    assert not gen.plan.diagnostics
    assert gen.import_all() == len(gen.plan.files)
    models = gen.plan.tree.models
    assert {m.dialect for m in models} == {"speakeasy-php"}  # enums vote with the tree
    f = _fields(models, "Models/Components/Bookmark.md")
    assert (f["id"].name, f["id"].required, f["id"].type) == ("id", True, STR)
    assert f["createdAt"].name == "createdAt" and f["createdAt"].type == DATETIME
    assert f["dueOn"].type == DATE and not f["dueOn"].required
    # PHP shows `?` on optional keys only: nullability is never shown.
    assert {x.nullable for x in f.values()} == {ir.Nullable.UNKNOWN}
    assert f["score"].type == FLOAT and not f["score"].required
    assert f["object"].name == "object"
    assert isinstance(f["tagIds"].type, ir.Ref) and f["tagIds"].type.doc == "Models/Components/TagIds.md"
    assert (
        f["geo"].type == ir.MapOf(STR)
        and f["metadata"].type == ir.MapOf(ir.ANY)
        and f["extra"].type == ir.ANY
    )
    assert f["folderId"].deprecated == "Use `folder` instead."
    assert isinstance(f["tags"].type, ir.ArrayOf)
    raw = _fields(models, "Models/Operations/GetBookmarkResponse.md")["rawResponse"]
    assert raw.type == ir.Primitive(ir.Kind.ANY, "ResponseInterface")
    target = next(m for m in models if m.key == "Models/Components/Target.md")
    assert isinstance(target, ir.UnionModel)
    assert [m.doc for m in target.members if isinstance(m, ir.Ref)] == [
        "Models/Components/Folder.md",
        "Models/Components/Point.md",
    ]
    code = _fields(models, "Models/Errors/NotFound.md")["code"].type
    assert isinstance(code, ir.Ref) and code.doc == "Models/Errors/Code.md"


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_golden_ruby(style: str, tmp_path: Path) -> None:
    gen = generated(RUBY_INPUT, tmp_path, style=style)
    assert [d.message for d in gen.plan.diagnostics] == [
        "TagIds has no fields, values or member types in its doc: generated as Any"
    ]
    assert gen.import_all() == len(gen.plan.files)
    models = gen.plan.tree.models
    f = _fields(models, "models/shared/bookmark.md")
    # The docs mention `visitCount` and `docUrl`: the tree votes camel.
    assert f["visit_count"].name == "visitCount" and f["created_at"].name == "createdAt"
    assert (f["end_"].name, f["end_"].wire_source) == ("end", ir.WireSource.CONVENTION)
    assert (f["title"].required, f["title"].nullable) == (True, ir.Nullable.YES)
    assert (f["id"].required, f["id"].nullable) == (True, ir.Nullable.NO)
    assert (f["score"].required, f["score"].nullable) == (False, ir.Nullable.UNKNOWN)
    assert f["folders"].nullable is ir.Nullable.UNKNOWN  # a container's nil is not shown
    assert f["created_at"].type == DATETIME and f["due_on"].type == DATE
    assert f["is_archived"].type == BOOL and f["visit_count"].type == INT
    assert (
        f["tag_ids"].type == ir.UnionOf((STR, ir.ArrayOf(STR)))
        and f["tag_ids"].nullable is ir.Nullable.UNKNOWN
    )
    target = f["target"].type
    assert isinstance(target, ir.UnionOf)
    assert [m.doc for m in target.members if isinstance(m, ir.Ref)] == [
        "models/shared/folder.md",
        "models/operations/folder.md",
    ]
    assert f["folder"].nullable is ir.Nullable.YES and f["folder_id"].deprecated == "Use `folder` instead."
    folder = _fields(models, "models/shared/folder.md")
    assert folder["fields_"].name == "fields"


# --- the shared corpora ---------------------------------------------------------------------


def _model_pages(name: str) -> list[tuple[str, Page]]:
    root = CORPORA / name / "docs"
    pages = []
    for path in sorted(root.rglob("*.md")):
        page = parse_page(path.read_text(encoding="utf-8", errors="replace"), str(path), path.name)[0]
        if is_model_page(page):
            pages.append((path.relative_to(root).as_posix(), page))
    return pages


@pytest.mark.corpus
@pytest.mark.parametrize("name", SPEAKEASY_CORPORA)
def test_signatures_claim_only_their_corpus(name: str) -> None:
    for dialect, mine in ((SPEAKEASY_PHP, "dub-php"), (SPEAKEASY_RUBY, "dub-ruby")):
        claimed = [rel for rel, page in _model_pages(name) if dialect.signature.search(field_types(page))]
        if name != mine:
            assert not claimed, (dialect.name, claimed[:5])


_SHARED_CELLS = re.compile(r"(?:\s*\*(?:string|int|float|bool)\*)*\s*")
"""A page of nothing but the scalars PHP writes as C#, Go, Python or TypeScript do."""


@pytest.mark.corpus
def test_php_and_ruby_pages_show_their_language() -> None:
    """Every Ruby page with fields shows its language; a PHP page does unless its cells are
    scalars other languages write too. The others show none (the tree's dialect reads them)."""
    for name, dialect in (("dub-php", SPEAKEASY_PHP), ("dub-ruby", SPEAKEASY_RUBY)):
        counts: Counter[str] = Counter()
        for rel, page in _model_pages(name):
            found = detect(page)
            cells = field_types(page)
            if found == (dialect, True):
                counts["mine"] += 1
                continue
            assert found == (SPEAKEASY.fallback, False), (rel, found)
            assert not cells or (name == "dub-php" and _SHARED_CELLS.fullmatch(cells)), (rel, cells)
            counts["shared" if cells else "no cells"] += 1  # else: an enum, an empty union
        assert counts["mine"] > 250 and counts["shared"] < 70, counts


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "dialect"), [(n, d) for n in ("dub-php", "dub-ruby") for d in (None, f"speakeasy-{n[4:]}")]
)
def test_wire_names_required_and_nullable_are_the_sdks(name: str, dialect: str | None) -> None:
    """Detected page by page (pages that do not show their language read as the tree's), or forced."""
    source = CORPORA / name / "docs" / ("Models" if name == "dub-php" else "models")
    plan = generate(source, Options(dialect=dialect))
    assert {m.dialect for m in plan.tree.models} == {f"speakeasy-{name[4:]}"}
    assert not plan.diagnostics or name == "dub-ruby"
    assert all(not d.is_error and "generated as Any" in d.message for d in plan.diagnostics)
    assert plan.stats.models == len(list(source.rglob("*.md")))
    result = score(name, plan.tree.models, str(source))
    assert result.matched_models == result.models > 250
    rule, best = result.best_rule
    assert result.wire_share >= best >= 0.95, (rule, result.wrong[:10])
    assert result.required_share >= 0.995, result.wrong_required[:10]
    # Nullability: where a doc says a value may (not) be null, the SDK agrees.
    prefix = docs_root(name, str(source))
    sdk = {t.doc: {f.shown: f for f in t.fields} for t in truth(name)}
    said: Counter[tuple[str, bool | None]] = Counter()
    for model in plan.tree.models:
        if isinstance(model, ir.ObjectModel) and prefix + model.key in sdk:
            fields = sdk[prefix + model.key]
            for f in model.fields:
                true = fields.get(f.shown)
                if true is not None and true.kind == "json" and f.nullable is not ir.Nullable.UNKNOWN:
                    said[f.nullable.value, true.nullable] += 1
    assert said["yes", False] == said["no", True] == said["yes", None] == said["no", None] == 0, said
    if name == "dub-ruby":
        assert said["yes", True] > 300 and said["no", False] > 800
    else:
        assert not said  # PHP never shows it
