"""Speakeasy's Java docs (``speakeasy-java``), and the Java and Kotlin type-cell grammars that
OpenAPI Generator's java and kotlin docs are read with too."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest
from helpers import CORPORA, ROOT, Generated, corpus, generated, mypy, pyright
from hypothesis import given
from hypothesis import strategies as st

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import DocError, Location
from generator.core.dialects import detect
from generator.core.dialects.languages.java import JAVA
from generator.core.dialects.languages.kotlin import KOTLIN, inline_anchor, inline_enum
from generator.core.dialects.speakeasy.java import DIALECT as SPEAKEASY_JAVA
from generator.core.dialects.speakeasy.pages import field_types, is_model_page
from generator.core.dialects.typecells import Grammar, Parsed, parse_type
from generator.core.markdown import parse_page, unescape
from generator.core.page import Page

AT = Location("x.md", 3)
INPUT = ROOT / "input" / "speakeasy_java"
PYTHON_STYLES = ("pydantic", "dataclass", "typeddict")
STR, INT, FLOAT, BOOL = (ir.Primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))
NONE = ir.Primitive(ir.Kind.NONE)
DATETIME, DATE = ir.Primitive(ir.Kind.DATETIME), ir.Primitive(ir.Kind.DATE)
DECIMAL = ir.Primitive(ir.Kind.FLOAT, "Decimal")
ORACLE = "https://docs.oracle.com/en/java/javase/11/docs/api/java.base/java/time"
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
    "plex-csharp",
    "dub-php",
    "dub-ruby",
)
"""The Speakeasy corpora of other SDK languages: no page of theirs may look like Java's."""


# --- Java cells -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        # Speakeasy: brackets escaped once, twice one level down
        ("*Optional\\<Long>*", Parsed(INT, "Optional")),
        ("*Optional\\<String>*", Parsed(STR, "Optional")),
        ("*Optional\\<Boolean>*", Parsed(BOOL, "Optional")),
        ("*Optional\\<Double>*", Parsed(FLOAT, "Optional")),
        ("*Optional\\<Object>*", Parsed(ir.ANY, "Optional")),
        ("*JsonNullable\\<String>*", Parsed(STR, "JsonNullable")),
        (
            "[Optional\\<Person>](../../models/components/Person.md)",
            Parsed(ir.Ref("Person", "../../models/components/Person.md"), "Optional"),
        ),
        ("[JsonNullable\\<Owner>](../Owner.md)", Parsed(ir.Ref("Owner", "../Owner.md"), "JsonNullable")),
        (f"[JsonNullable\\<OffsetDateTime>]({ORACLE}/OffsetDateTime.html)", Parsed(DATETIME, "JsonNullable")),
        ("*Optional\\<JsonNullable\\<String>>*", Parsed(STR, "JsonNullable")),
        (
            "List\\<[FacetFilter](../x/FacetFilter.md)>",
            Parsed(ir.ArrayOf(ir.Ref("FacetFilter", "../x/FacetFilter.md"))),
        ),
        ("List\\<*String*>", Parsed(ir.ArrayOf(STR))),
        ("List\\<*long*>", Parsed(ir.ArrayOf(INT))),
        ("Map\\<String, *String*>", Parsed(ir.MapOf(STR))),
        ("Map\\<String, *Object*>", Parsed(ir.MapOf(ir.ANY))),
        ("Map\\<String, *long*>", Parsed(ir.MapOf(INT))),
        (
            "Map\\<String, List\\\\<[FacetResult](../f/FacetResult.md)>>",
            Parsed(ir.MapOf(ir.ArrayOf(ir.Ref("FacetResult", "../f/FacetResult.md")))),
        ),
        ("*String*", Parsed(STR)),
        ("*int*", Parsed(INT)),
        ("*long*", Parsed(INT)),
        ("*double*", Parsed(FLOAT)),
        ("*float*", Parsed(FLOAT)),
        ("*boolean*", Parsed(BOOL)),
        ("*BigInteger*", Parsed(ir.Primitive(ir.Kind.INT, "BigInteger"))),
        ("*BigDecimal*", Parsed(DECIMAL)),
        ("*byte[]*", Parsed(ir.Primitive(ir.Kind.BYTES, "byte[]"))),
        (f"[OffsetDateTime]({ORACLE}/OffsetDateTime.html)", Parsed(DATETIME)),
        (f"[LocalDate]({ORACLE}/LocalDate.html)", Parsed(DATE)),
        (
            "[HttpResponse\\<InputStream>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)",
            Parsed(ir.Primitive(ir.Kind.ANY, "HttpResponse<InputStream>")),
        ),
        ("Object", Parsed(ir.ANY)),
        ("*Object*", Parsed(ir.ANY)),
        (
            "[ConnectorType](../../models/components/ConnectorType.md)",
            Parsed(ir.Ref("ConnectorType", "../../models/components/ConnectorType.md")),
        ),
        # older generator versions did not escape the brackets
        ("*Optional<String>*", Parsed(STR, "Optional")),
        (
            "List<[SimpleObject](../../models/shared/SimpleObject.md)>",
            Parsed(ir.ArrayOf(ir.Ref("SimpleObject", "../../models/shared/SimpleObject.md"))),
        ),
        ("Map<String, *Long*>", Parsed(ir.MapOf(INT))),
        # inside a container, Optional is its type and JsonNullable its type or null
        ("List\\<Optional\\<String>>", Parsed(ir.ArrayOf(STR))),
        ("List\\<JsonNullable\\<String>>", Parsed(ir.ArrayOf(ir.UnionOf((STR, NONE))))),
        # union members' headings
        ("String", Parsed(STR)),
        (
            "[`MyObject`](../../models/shared/MyObject.md)",
            Parsed(ir.Ref("MyObject", "../../models/shared/MyObject.md")),
        ),
        ("Optional<? extends List<String>>", Parsed(ir.ArrayOf(STR), "Optional")),
        # a model named like a Java type links its own doc (glean's File)
        (
            "List\\<[File](../../models/components/File.md)>",
            Parsed(ir.ArrayOf(ir.Ref("File", "../../models/components/File.md"))),
        ),
        ("[Optional\\<File>](../File.md)", Parsed(ir.Ref("File", "../File.md"), "Optional")),
        ("*File*", Parsed(ir.Primitive(ir.Kind.BYTES, "File"))),
        ("String[]", Parsed(ir.ArrayOf(STR))),
    ],
)
def test_speakeasy_java_cells(cell: str, parsed: Parsed) -> None:
    assert parse_type(cell, AT, JAVA) == parsed


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("**String**", STR),
        ("**OffsetDateTime**", DATETIME),
        ("**LocalDate**", DATE),
        ("**Object**", ir.ANY),
        ("**Integer**", INT),
        ("**Long**", INT),
        ("**Boolean**", BOOL),
        ("**byte[]**", ir.Primitive(ir.Kind.BYTES, "byte[]")),
        ("**List&lt;String&gt;**", ir.ArrayOf(STR)),
        ("**List&lt;byte[]&gt;**", ir.ArrayOf(ir.Primitive(ir.Kind.BYTES, "byte[]"))),
        ("**List&lt;List&lt;Integer&gt;&gt;**", ir.ArrayOf(ir.ArrayOf(INT))),
        ("**List&lt;Any&gt;**", ir.ArrayOf(ir.ANY)),
        ("**Map&lt;String, String&gt;**", ir.MapOf(STR)),
        ("**Map&lt;String, Object&gt;**", ir.MapOf(ir.ANY)),
        (
            "[**Map&lt;String, IdentityCredentials&gt;**](IdentityCredentials.md)",
            ir.MapOf(ir.Ref("IdentityCredentials", "IdentityCredentials.md")),
        ),
        ("[**List&lt;UiText&gt;**](UiText.md)", ir.ArrayOf(ir.Ref("UiText", "UiText.md"))),
        ("**Set&lt;String&gt;**", ir.ArrayOf(STR)),
        ("**UUID**", ir.Primitive(ir.Kind.STR, "UUID")),
        ("**BigDecimal**", DECIMAL),
        ("**File**", ir.Primitive(ir.Kind.BYTES, "File")),
        ("**URI**", ir.Primitive(ir.Kind.STR, "URI")),
        ("**KeyVisibility**", ir.Ref("KeyVisibility")),
        ("[**StateEnum**](#StateEnum)", ir.Ref("StateEnum", "#StateEnum")),
        ("**java.time.OffsetDateTime**", DATETIME),
    ],
)
def test_openapi_generator_java_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(unescape(cell), AT, JAVA) == Parsed(node)


# --- Kotlin cells -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("**kotlin.String**", STR),
        ("**kotlin.Boolean**", BOOL),
        ("**kotlin.Int**", INT),
        ("**kotlin.Long**", INT),
        ("**kotlin.Double**", FLOAT),
        ("**kotlin.Float**", FLOAT),
        ("**kotlin.Any**", ir.ANY),
        ("[**kotlin.Any**](.md)", ir.ANY),
        ("[**java.math.BigDecimal**](java.math.BigDecimal.md)", DECIMAL),
        ("[**java.net.URI**](java.net.URI.md)", ir.Primitive(ir.Kind.STR, "URI")),
        ("**kotlin.collections.List&lt;kotlin.String&gt;**", ir.ArrayOf(STR)),
        ("**kotlin.collections.Map&lt;kotlin.String, kotlin.String&gt;**", ir.MapOf(STR)),
        (
            "**kotlin.collections.List&lt;kotlin.collections.Map&lt;kotlin.String, java.math.BigDecimal&gt;&gt;**",
            ir.ArrayOf(ir.MapOf(DECIMAL)),
        ),
        (
            "[**kotlin.collections.List&lt;ChatCompletionTool&gt;**](ChatCompletionTool.md)",
            ir.ArrayOf(ir.Ref("ChatCompletionTool", "ChatCompletionTool.md")),
        ),
        ("[**kotlin.collections.Map&lt;kotlin.String, kotlin.Any&gt;**](kotlin.Any.md)", ir.MapOf(ir.ANY)),
        ("[**AssistantObject**](AssistantObject.md)", ir.Ref("AssistantObject", "AssistantObject.md")),
        ("java.time.OffsetDateTime", DATETIME),
        ("java.time.LocalDate", DATE),
        ("java.io.File", ir.Primitive(ir.Kind.BYTES, "File")),
        ("kotlin.ByteArray", ir.Primitive(ir.Kind.BYTES, "ByteArray")),
        ("kotlin.String?", ir.UnionOf((STR, NONE))),
    ],
)
def test_kotlin_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(unescape(cell), AT, KOTLIN) == Parsed(node)


@pytest.mark.parametrize(
    ("cell", "anchor", "is_list"),
    [
        ("[**inline**](#Type)", "#Type", False),
        ("[**inline**](#&#x60;Object&#x60;)", "#`Object`", False),
        (
            "[**inline**](#kotlin.collections.List&lt;Modalities&gt;)",
            "#kotlin.collections.List<Modalities>",
            True,
        ),
    ],
)
def test_a_kotlin_inline_enum_is_a_marked_string_until_its_values_are_read(
    cell: str, anchor: str, is_list: bool
) -> None:
    node = parse_type(unescape(cell), AT, KOTLIN).node
    assert node == inline_enum(anchor)
    assert inline_anchor(node) == anchor
    assert isinstance(node, ir.ArrayOf) is is_list
    assert inline_anchor(STR) is None and inline_anchor(ir.Ref("Type")) is None


@pytest.mark.parametrize("grammar", [JAVA, KOTLIN])
@given(st.text(alphabet="<>[]()*\\`|,?. ListMapOptionalJsonNullablebyte", max_size=40))
def test_any_cell_is_a_type_or_a_located_error(grammar: Grammar, cell: str) -> None:
    try:
        parse_type(cell, AT, grammar)
    except DocError as exc:
        assert exc.diagnostic.location == AT


@pytest.mark.parametrize("grammar", [JAVA, KOTLIN])
def test_deep_cells_are_errors_not_crashes(grammar: Grammar) -> None:
    for cell in (
        "Optional\\<" * 300 + "String" + ">" * 300,
        "List<" * 300 + "String" + ">" * 300,
        "? extends " * 3000,
    ):
        with pytest.raises(DocError):
            parse_type(cell, AT, grammar)


# --- the dialect ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "key", "source"),
    [
        ("class_", "class", ir.WireSource.CONVENTION),
        ("default_", "default", ir.WireSource.CONVENTION),
        ("int_", "int", ir.WireSource.CONVENTION),
        ("enum_", "enum", ir.WireSource.CONVENTION),
        ("name_", "name_", ir.WireSource.SHOWN),  # not a keyword: the key has the underscore
        ("createdAt", "createdAt", ir.WireSource.SHOWN),
        ("_", "_", ir.WireSource.SHOWN),
    ],
)
def test_java_keyword_escapes_are_undone(shown: str, key: str, source: ir.WireSource) -> None:
    assert SPEAKEASY_JAVA.key(shown) == (key, source)


def test_only_json_nullable_is_nullable() -> None:
    assert SPEAKEASY_JAVA.nullable(Parsed(STR, "JsonNullable")) is ir.Nullable.YES
    assert SPEAKEASY_JAVA.nullable(Parsed(STR, "Optional")) is ir.Nullable.NO
    assert SPEAKEASY_JAVA.nullable(Parsed(STR)) is ir.Nullable.NO


def _page(path: Path, root: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"), str(path), path.relative_to(root).as_posix())[0]


def test_golden_pages_are_detected_as_java() -> None:
    found = {}
    for path in sorted(INPUT.rglob("*.md")):
        detected = detect(_page(path, INPUT))
        assert detected is not None
        found[path.name] = (detected.dialect.name, detected.sure)
    # a Values table shows no language: the family's fallback reads it (the same enum)
    assert found.pop("PetStatus.md") == ("speakeasy-typescript", False)
    assert set(found.values()) == {("speakeasy-java", True)}


@pytest.mark.parametrize(
    ("cells", "java"),
    [
        ("*Optional\\<Long>*", True),
        ("List\\<*String*>", True),
        ("*Optional<String>*", True),  # unescaped: an older generator version
        ("*String* *Boolean*", True),
        ("[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)", True),
        ("*long* [X](../../models/components/X.md)", True),
        ("*long*", False),  # C#'s too: the page shows no language
        ("*long* [X](../../Models/Components/X.md)", False),  # C#'s
        ("*string* Record<string, *any*>", False),
        ("*Optional[str]*", False),
        ("Dictionary<String, *object*>", False),
        ("*::String*", False),
    ],
)
def test_the_signature(cells: str, java: bool) -> None:
    assert bool(SPEAKEASY_JAVA.signature.search(cells)) is java


# --- the golden docs --------------------------------------------------------------------


@pytest.fixture(scope="module")
def java_docs(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Generated]:
    cache: dict[str, Generated] = {}

    def get(style: str = "pydantic") -> Generated:
        if style not in cache:
            cache[style] = generated(INPUT, tmp_path_factory.mktemp(f"java-{style}"), style=style)
        return cache[style]

    return get


def _fields(gen: Generated, name: str) -> dict[str, ir.Field]:
    model = next(m for m in gen.plan.tree.models if m.name == name)
    assert isinstance(model, ir.ObjectModel)
    return {f.shown: f for f in model.fields}


def test_golden_fields_are_read_as_the_sdk_means_them(java_docs: Callable[..., Generated]) -> None:
    gen = java_docs()
    pet = _fields(gen, "Pet")
    assert {
        s: (f.name, f.required, f.nullable)
        for s, f in pet.items()
        if s in ("id", "nickname", "tag", "owner", "class_", "createdAt")
    } == {
        "id": ("id", True, ir.Nullable.NO),
        "nickname": ("nickname", False, ir.Nullable.YES),
        "tag": ("tag", False, ir.Nullable.NO),
        "owner": ("owner", False, ir.Nullable.YES),
        "class_": ("class", False, ir.Nullable.NO),
        "createdAt": ("createdAt", True, ir.Nullable.NO),
    }
    assert pet["class_"].wire_source is ir.WireSource.CONVENTION
    assert pet["legacyCode"].deprecated == "Use id instead."
    assert pet["vaccinations"].type == ir.MapOf(
        ir.ArrayOf(
            ir.Ref(
                "Vaccination", "../../models/components/Vaccination.md", "models/components/Vaccination.md"
            )
        )
    )
    assert (pet["price"].type, pet["avatar"].type, pet["birthDate"].type) == (
        DECIMAL,
        ir.Primitive(ir.Kind.BYTES, "byte[]"),
        DATE,
    )
    assert _fields(gen, "Owner")["default_"].name == "default"
    response = _fields(gen, "GetPetResponse")
    assert response["rawResponse"].type == ir.Primitive(ir.Kind.ANY, "HttpResponse<InputStream>")
    counts = next(m for m in gen.plan.tree.models if m.name == "VisitCounts")
    assert isinstance(counts, ir.ObjectModel) and counts.extra == INT
    assert [f.shown for f in counts.fields] == ["totalVisits", "lastVisitAt"]
    union = next(m for m in gen.plan.tree.models if m.name == "PetOrError")
    assert isinstance(union, ir.UnionModel) and union.members[1:] == (STR, INT)
    assert {m.dialect for m in gen.plan.tree.models} == {"speakeasy-java"}  # PetStatus too: read again


def test_golden_models_validate(java_docs: Callable[..., Generated]) -> None:
    models = java_docs().module("models.components")
    data = {
        "id": 1,
        "name": "Rex",
        "createdAt": "2024-01-01T00:00:00Z",
        "photoUrls": [],
        "class": "mammal",
        "nickname": None,
    }
    pet = models.Pet.model_validate(data)
    assert (pet.class_, pet.nickname, pet.status) == ("mammal", None, None)
    with pytest.raises(pydantic.ValidationError):  # required and not JsonNullable: never null
        models.Pet.model_validate({**data, "name": None})
    with pytest.raises(pydantic.ValidationError):  # required
        models.Pet.model_validate({k: v for k, v in data.items() if k != "createdAt"})
    assert models.VisitCounts.model_validate({"totalVisits": 3, "clinicA": 2}).model_extra == {"clinicA": 2}
    owner = models.Owner.model_validate({"firstName": "Ann", "default": True})
    assert owner.model_dump(by_alias=True, exclude_none=True) == {"firstName": "Ann", "default": True}
    typed = java_docs("typeddict").module("models.components").Pet
    assert typed.__required_keys__ == {"id", "name", "createdAt", "photoUrls"}


@pytest.mark.typecheck
@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_golden_output_type_checks(style: str, java_docs: Callable[..., Generated]) -> None:
    gen = java_docs(style)
    assert gen.import_all() > 5
    result = mypy(style, gen)
    assert result.returncode == 0, result.stdout
    checked = pyright(gen)
    assert checked.returncode == 0, checked.stdout


# --- the corpora ------------------------------------------------------------------------


@pytest.mark.corpus
def test_no_page_of_another_speakeasy_language_looks_like_java() -> None:
    for name in SPEAKEASY_CORPORA:
        root = corpus(name)
        for path in root.rglob("*.md"):
            page = _page(path, root)
            if is_model_page(page):
                cells = field_types(page)
                assert not SPEAKEASY_JAVA.signature.search(cells), (name, path)


@pytest.mark.corpus
def test_glean_java_pages_with_fields_are_java() -> None:
    root = corpus("glean-java")
    unsure = []
    for path in sorted(root.rglob("*.md")):
        page = _page(path, root)
        detected = detect(page)
        assert detected is not None, path
        if detected.dialect is not SPEAKEASY_JAVA:
            cells = field_types(page)
            assert not detected.sure and not re.search(r"\\<|\*String\*", cells), path
            unsure.append(path.name)
    # Values tables (123), headings alone (4), and Fields tables of links only, `*long*` only or no rows
    assert len(unsure) == 141


@pytest.mark.corpus
def test_glean_java_against_its_sdk() -> None:
    from sdk_truth.score import score

    src = corpus("glean-java")
    plan = generate(src, Options())  # pages that show no language are read as the tree's most common
    assert {m.dialect for m in plan.tree.models} == {"speakeasy-java"}
    result = score("glean-java", plan.tree.models, str(src))
    assert result.matched_models == result.models == 543
    assert result.wire_share >= result.best_rule[1]
    assert result.required_share >= 0.995


@pytest.mark.corpus
def test_openai_kotlin_type_cells_all_read() -> None:
    cells = _type_column(CORPORA / "openai-kotlin-oag" / "docs")
    assert len(cells) > 1500
    for path, cell in cells:
        parse_type(unescape(cell), Location(str(path)), KOTLIN)


@pytest.mark.corpus
def test_ory_java_type_cells_all_read() -> None:
    cells = _type_column(CORPORA / "ory-java-oag" / "docs")
    assert len(cells) > 2500
    for path, cell in cells:
        parse_type(unescape(cell), Location(str(path)), JAVA)


def _type_column(docs: Path) -> list[tuple[Path, str]]:
    """The Type cells of OpenAPI Generator's ``Name | Type | Description | Notes`` tables."""
    found = []
    for path in sorted(docs.glob("*.md")):
        in_table = False
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if [c.lower() for c in cells[:2]] == ["name", "type"]:
                in_table = True
            elif not line.startswith("|"):
                in_table = False
            elif in_table and len(cells) >= 4 and not set(cells[1]) <= set("-: "):
                found.append((path, cells[1]))
    return found
