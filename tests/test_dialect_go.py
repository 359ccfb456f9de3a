"""Speakeasy's Go docs (``speakeasy-go``) and the Go type-cell grammar: cells, pointers,
detection, union members shown only as Go code, and the golden input in every style."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest
from helpers import ROOT, Generated, corpus, generated, mypy, pyright
from hypothesis import given
from hypothesis import strategies as st

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import DocError, Location
from generator.core.dialects import detect
from generator.core.dialects.base import Reading
from generator.core.dialects.languages.go import GO, POINTER, is_pointer
from generator.core.dialects.speakeasy.go import DIALECT as SPEAKEASY_GO
from generator.core.dialects.speakeasy.pages import field_types, is_model_page
from generator.core.dialects.typecells import Parsed, parse_type
from generator.core.markdown import parse_page
from generator.core.page import Page

AT = Location("x.md", 3)
INPUT = ROOT / "input" / "speakeasy_go"
STYLES = ("pydantic", "dataclass", "typeddict")
STR, INT, FLOAT, BOOL = (ir.Primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))
DATETIME, DATE = ir.Primitive(ir.Kind.DATETIME), ir.Primitive(ir.Kind.DATE)
X = "../../models/components/x.md"
OTHER_SPEAKEASY_CORPORA = (
    "intuned-ts",
    "intuned-ts-2024",
    "intuned-ts-2025",
    "dub-ts",
    "gusto-ts",
    "dub-py",
    "mistral-py",
    "glean-py",
    "glean-java",
    "plex-csharp",
    "dub-php",
    "dub-ruby",
)


# --- cells ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        # the newer docs: code spans, the pointer inside
        ("`string`", Parsed(STR)),
        ("`*string`", Parsed(STR, POINTER)),
        ("`int64`", Parsed(INT)),
        ("`*int64`", Parsed(INT, POINTER)),
        ("`int`", Parsed(INT)),
        ("`float64`", Parsed(FLOAT)),
        ("`*float64`", Parsed(FLOAT, POINTER)),
        ("`bool`", Parsed(BOOL)),
        ("`*bool`", Parsed(BOOL, POINTER)),
        ("`any`", Parsed(ir.ANY)),
        ("[]`string`", Parsed(ir.ArrayOf(STR))),
        ("[]`byte`", Parsed(ir.Primitive(ir.Kind.BYTES, "[]byte"))),
        ("map[string]`string`", Parsed(ir.MapOf(STR))),
        ("map[string]`any`", Parsed(ir.MapOf(ir.ANY))),
        ("map[string][]`string`", Parsed(ir.MapOf(ir.ArrayOf(STR)))),
        # the older docs: emphasis, a pointer's * before it
        ("*string*", Parsed(STR)),
        ("**string*", Parsed(STR, POINTER)),
        ("*int*", Parsed(INT)),
        ("**int*", Parsed(INT, POINTER)),
        ("*int64*", Parsed(INT)),
        ("**int64*", Parsed(INT, POINTER)),
        ("**float32*", Parsed(FLOAT, POINTER)),
        ("*bool*", Parsed(BOOL)),
        ("**bool*", Parsed(BOOL, POINTER)),
        ("*any*", Parsed(ir.ANY)),
        ("[]*string*", Parsed(ir.ArrayOf(STR))),
        ("[]*int64*", Parsed(ir.ArrayOf(INT))),
        ("map[string]*any*", Parsed(ir.MapOf(ir.ANY))),
        ("map[string][]*string*", Parsed(ir.MapOf(ir.ArrayOf(STR)))),
        ("*io.ReadCloser*", Parsed(ir.Primitive(ir.Kind.BYTES, "io.ReadCloser"))),
        # links: a model, a pointer to one, a slice of them
        ("[components.X](../../models/components/x.md)", Parsed(ir.Ref("components.X", X))),
        ("[*components.X](../../models/components/x.md)", Parsed(ir.Ref("components.X", X), POINTER)),
        ("[][components.X](../../models/components/x.md)", Parsed(ir.ArrayOf(ir.Ref("components.X", X)))),
        ("[]`[components.X](../../models/components/x.md)`", Parsed(ir.ArrayOf(ir.Ref("components.X", X)))),
        (
            "map[string][components.X](../../models/components/x.md)",
            Parsed(ir.MapOf(ir.Ref("components.X", X))),
        ),
        (
            "map[string][][components.X](../../models/components/x.md)",
            Parsed(ir.MapOf(ir.ArrayOf(ir.Ref("components.X", X)))),
        ),
        # the standard library and Speakeasy's own types
        ("[time.Time](https://pkg.go.dev/time#Time)", Parsed(DATETIME)),
        ("[*time.Time](https://pkg.go.dev/time#Time)", Parsed(DATETIME, POINTER)),
        ("[types.Date](../../types/date.md)", Parsed(DATE)),
        ("[*types.Date](../../types/date.md)", Parsed(DATE, POINTER)),
        (
            "[*http.Response](https://pkg.go.dev/net/http#Response)",
            Parsed(ir.Primitive(ir.Kind.ANY, "http.Response"), POINTER),
        ),
        ("interface{}", Parsed(ir.ANY)),
        ("map[string]interface{}", Parsed(ir.MapOf(ir.ANY))),
        ("*big.Int*", Parsed(ir.Primitive(ir.Kind.INT, "big.Int"))),
        ("*decimal.Big*", Parsed(ir.Primitive(ir.Kind.FLOAT, "Decimal"))),
        # union members, as their Go code names them
        ("[]string", Parsed(ir.ArrayOf(STR))),
        ("components.LinkSchema", Parsed(ir.Ref("components.LinkSchema"))),
        ("[]components.AnalyticsOS", Parsed(ir.ArrayOf(ir.Ref("components.AnalyticsOS")))),
    ],
)
def test_go_cells(cell: str, parsed: Parsed) -> None:
    assert parse_type(cell, AT, GO) == parsed


@pytest.mark.parametrize(
    ("cell", "pointer"),
    [
        ("`*string`", True),
        ("`string`", False),
        ("**string*", True),
        ("*string*", False),
        ("[*components.X](x.md)", True),
        ("[components.X](x.md)", False),
        ("[]*string*", False),
        ("[][components.X](x.md)", False),
        ("map[string]*any*", False),
        ("**string**", False),  # bold, not a pointer
    ],
)
def test_the_outermost_pointer(cell: str, pointer: bool) -> None:
    assert is_pointer(cell) is pointer


@pytest.mark.parametrize("cell", ["map[string", "[]", "map[]`string`", "`string` `int`", "[]["])
def test_cells_that_are_no_type(cell: str) -> None:
    with pytest.raises(DocError) as exc:
        parse_type(cell, AT, GO)
    assert exc.value.diagnostic.location == AT


@given(st.text(alphabet="[]*`map()string{}interface.x|, ", max_size=40))
def test_any_cell_is_a_type_or_a_located_error(cell: str) -> None:
    try:
        parse_type(cell, AT, GO)
    except DocError as exc:
        assert exc.diagnostic.location == AT


def test_deep_cells_are_errors_not_crashes() -> None:
    for cell in ("[]" * 3000 + "string", "map[string]" * 3000 + "string", "*" * 3000 + "string"):
        try:
            parse_type(cell, AT, GO)
        except DocError:
            pass


# --- the dialect ------------------------------------------------------------------------


def test_a_pointer_may_be_null_a_value_not_a_container_unknown() -> None:
    assert SPEAKEASY_GO.nullable(Parsed(STR, POINTER)) is ir.Nullable.YES
    assert SPEAKEASY_GO.nullable(Parsed(STR)) is ir.Nullable.NO
    assert SPEAKEASY_GO.nullable(Parsed(ir.Ref("components.X"))) is ir.Nullable.NO
    assert SPEAKEASY_GO.nullable(Parsed(ir.ArrayOf(STR))) is ir.Nullable.UNKNOWN
    assert SPEAKEASY_GO.nullable(Parsed(ir.MapOf(STR))) is ir.Nullable.UNKNOWN
    assert SPEAKEASY_GO.nullable(Parsed(ir.ANY)) is ir.Nullable.UNKNOWN


def test_go_names_are_keys_after_the_camel_rule() -> None:
    assert SPEAKEASY_GO.rule.value == "camel"
    assert SPEAKEASY_GO.key("RefererURL") == ("RefererURL", ir.WireSource.SHOWN)
    assert SPEAKEASY_GO.key("DeviceQueryParameter") == ("DeviceQueryParameter", ir.WireSource.SHOWN)


@pytest.mark.parametrize(
    "cells",
    [
        "`*string` `string`",
        "`int64`",
        "`float64`",
        "map[string]`string`",
        "[]`string`",
        "[][components.Tag](../../models/components/tag.md)",
        "[*components.Owner](../../models/components/owner.md)",
        "**string* *string*",
        "**bool*",
        "[]*string*",
        "*int64*",
        "map[string]*any*",
        "[time.Time](https://pkg.go.dev/time#Time)",
        # *string* (not Python), *int* (not TypeScript), components.X (not PHP, C#, Java, Ruby)
        "[components.Protocol](../../models/components/protocol.md) *string* *int* *bool*",
    ],
)
def test_cells_only_go_writes(cells: str) -> None:
    assert SPEAKEASY_GO.signature.search(cells)


@pytest.mark.parametrize(
    "cells",
    [
        "`string`",  # other languages' union headings
        "`bool` `int`",
        "*string*",  # TypeScript's, PHP's, C#'s
        "*string* *int*",  # PHP's, C#'s
        "*bool* *str* List[[components.LinkTagSchema](../../models/components/linktagschema.md)]",
        "*string*[] [components.X](x.md)[]",
        "*string*[][]",
        "Record<string, *any*>",
        "*Optional[str]*",
        "List\\<*String*>",
        "Dictionary<String, List<*string*>>",
        "array<string, *string*>",
        "T::Hash[Symbol, *::String*]",
    ],
)
def test_cells_others_write(cells: str) -> None:
    assert not SPEAKEASY_GO.signature.search(cells)


def _page(path: Path, root: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"), str(path), path.relative_to(root).as_posix())[0]


def test_the_golden_pages_are_detected() -> None:
    found = {}
    for path in sorted(INPUT.rglob("*.md")):
        detected = detect(_page(path, INPUT))
        found[path.relative_to(INPUT).as_posix()] = detected and (detected.dialect.name, detected.sure)
    assert found.pop("models/operations/option.md") is None  # the SDK's options: no model
    # a Values table without an example shows no language: the family's fallback reads it
    # (the pipeline reads it again as the tree's most common dialect of the family)
    assert found.pop("models/components/level.md") == ("speakeasy-typescript", False)
    assert set(found.values()) == {("speakeasy-go", True)}


# --- the golden docs --------------------------------------------------------------------


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Generated]:
    cache: dict[str, Generated] = {}

    def get(style: str = "pydantic") -> Generated:
        if style not in cache:
            cache[style] = generated(INPUT, tmp_path_factory.mktemp(f"go-{style}"), style=style)
        return cache[style]

    return get


def _model(gen: Generated, name: str) -> ir.Model:
    return next(m for m in gen.plan.tree.models if m.name == name)


def _fields(gen: Generated, name: str) -> dict[str, ir.Field]:
    model = _model(gen, name)
    assert isinstance(model, ir.ObjectModel)
    return {f.shown: f for f in model.fields}


def test_golden_reads_without_a_warning(golden: Callable[[str], Generated]) -> None:
    gen = golden("pydantic")
    assert not gen.plan.diagnostics
    assert gen.plan.stats.docs == 10 and gen.plan.stats.models == 9
    assert {m.dialect for m in gen.plan.tree.models} == {"speakeasy-go"}


def test_golden_fields_are_read_as_the_sdk_means_them(golden: Callable[[str], Generated]) -> None:
    gen = golden("pydantic")
    pet = _fields(gen, "Pet")
    assert {s: (f.name, f.required, f.nullable) for s, f in pet.items() if s != "LegacyCode"} == {
        "ID": ("id", True, ir.Nullable.NO),
        "Name": ("name", True, ir.Nullable.NO),
        "Nickname": ("nickname", True, ir.Nullable.YES),  # a required pointer: null allowed
        "ExternalID": ("externalId", True, ir.Nullable.YES),  # acronyms camel-cased
        "Breed": ("breed", False, ir.Nullable.UNKNOWN),  # optional: a pointer either way
        "Age": ("age", True, ir.Nullable.NO),
        "Weight": ("weight", False, ir.Nullable.UNKNOWN),
        "Vaccinated": ("vaccinated", False, ir.Nullable.UNKNOWN),
        "PhotoURL": ("photoUrl", False, ir.Nullable.UNKNOWN),
        "CreatedAt": ("createdAt", True, ir.Nullable.NO),
        "BirthDate": ("birthDate", False, ir.Nullable.UNKNOWN),
        "Status": ("status", True, ir.Nullable.NO),
        "Owner": ("owner", False, ir.Nullable.UNKNOWN),
        "Tags": ("tags", True, ir.Nullable.UNKNOWN),  # a slice is nil or not
        "Aliases": ("aliases", False, ir.Nullable.UNKNOWN),
        "Labels": ("labels", False, ir.Nullable.UNKNOWN),
        "Avatar": ("avatar", False, ir.Nullable.UNKNOWN),
        "Notes": ("notes", False, ir.Nullable.UNKNOWN),
    }
    assert [pet[s].type for s in ("Age", "Weight", "CreatedAt", "BirthDate", "Avatar", "Notes")] == [
        INT,
        FLOAT,
        DATETIME,
        DATE,
        ir.Primitive(ir.Kind.BYTES, "[]byte"),
        ir.ANY,
    ]
    assert pet["Labels"].type == ir.MapOf(STR)
    assert pet["Tags"].type == ir.ArrayOf(
        ir.Ref("components.Tag", "../../models/components/tag.md", "models/components/tag.md")
    )
    assert pet["LegacyCode"].deprecated == "Use `id` instead."
    pet_model = _model(gen, "Pet")
    assert isinstance(pet_model, ir.ObjectModel) and pet_model.extra == ir.ANY  # AdditionalProperties
    # the older docs: no pointer on a required key, so its nullability is unknown
    owner = _fields(gen, "Owner")
    assert {s: (f.name, f.required, f.nullable) for s, f in owner.items() if s in ("AccountID", "Email")} == {
        "AccountID": ("accountId", True, ir.Nullable.UNKNOWN),
        "Email": ("email", False, ir.Nullable.UNKNOWN),
    }
    assert owner["Preferences"].type == ir.MapOf(ir.ArrayOf(STR))
    response = _fields(gen, "GetPetResponse")
    assert response["RawResponse"].type == ir.Primitive(ir.Kind.ANY, "http.Response")
    assert _fields(gen, "NotFoundError")["DocURL"].name == "docUrl"


def test_golden_union_members_come_from_their_go_code(golden: Callable[[str], Generated]) -> None:
    union = _model(golden("pydantic"), "PetOrError")
    assert isinstance(union, ir.UnionModel)
    assert union.members == (
        ir.Ref("components.Pet", None, "models/components/pet.md"),
        STR,
        ir.ArrayOf(INT),
        ir.Ref("sdkerrors.NotFoundError", None, "models/sdkerrors/notfounderror.md"),
    )


def test_golden_enum_members_lose_their_type_name(golden: Callable[[str], Generated]) -> None:
    status = _model(golden("pydantic"), "PetStatus")
    assert isinstance(status, ir.EnumModel)
    assert [(m.name, m.value) for m in status.members] == [
        ("Available", "available"),
        ("Pending", "pending"),
        ("Adopted", "adopted"),
    ]
    assert golden("pydantic").module("models.components").PetStatus.AVAILABLE.value == "available"
    # a Values table without an example does not show its language: read again as the tree's
    level = _model(golden("pydantic"), "Level")
    assert isinstance(level, ir.EnumModel) and level.dialect == "speakeasy-go"
    assert [(m.name, m.value) for m in level.members] == [("Zero", 0), ("One", 1), ("Two", 2)]


def test_golden_models_validate(golden: Callable[[str], Generated]) -> None:
    models = golden("pydantic").module("models.components")
    data = {
        "id": "pet_1",
        "name": "Rex",
        "nickname": None,
        "externalId": "e-1",
        "age": 4,
        "createdAt": "2024-01-01T00:00:00Z",
        "status": "available",
        "tags": [{"id": 1, "name": "good"}],
        "clinic": "north",
    }
    pet = models.Pet.model_validate(data)
    assert (pet.nickname, pet.external_id, pet.created_at.year) == (None, "e-1", 2024)
    assert pet.model_extra == {"clinic": "north"}
    with pytest.raises(pydantic.ValidationError):  # required, and not a pointer: never null
        models.Pet.model_validate({**data, "age": None})
    with pytest.raises(pydantic.ValidationError):  # required
        models.Pet.model_validate({k: v for k, v in data.items() if k != "externalId"})
    dumped = pet.model_dump(by_alias=True, exclude_none=True, mode="json")
    assert dumped["externalId"] == "e-1" and "nickname" not in dumped
    owner = models.Owner.model_validate(
        {"accountId": 7, "firstName": "Ann", "joinedAt": "2020-02-02T00:00:00Z"}
    )
    assert owner.joined_at == datetime.datetime(2020, 2, 2, tzinfo=datetime.timezone.utc)


def test_golden_dataclass_and_typeddict(golden: Callable[[str], Generated]) -> None:
    pet = golden("dataclass").module("models.components").Pet
    made = pet.from_dict(
        {
            "id": "p",
            "name": "Rex",
            "nickname": None,
            "externalId": None,
            "age": 1,
            "createdAt": "2024-01-01T00:00:00Z",
            "status": "pending",
            "tags": [],
        }
    )
    assert (made.external_id, made.tags) == (None, [])
    typed = golden("typeddict").module("models.components").Pet
    assert typed.__required_keys__ == {
        "id",
        "name",
        "nickname",
        "externalId",
        "age",
        "createdAt",
        "status",
        "tags",
    }


@pytest.mark.typecheck
@pytest.mark.parametrize("style", STYLES)
def test_golden_output_type_checks(style: str, golden: Callable[[str], Generated]) -> None:
    gen = golden(style)
    assert gen.import_all() > 9
    result = mypy(style, gen)
    assert result.returncode == 0, result.stdout
    checked = pyright(gen)
    assert checked.returncode == 0, checked.stdout


# --- the corpora ------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize("name", OTHER_SPEAKEASY_CORPORA)
def test_no_page_of_another_speakeasy_language_looks_like_go(name: str) -> None:
    root = corpus(name)
    for path in root.rglob("*.md"):
        page = _page(path, root)
        if is_model_page(page):
            assert not SPEAKEASY_GO.signature.search(field_types(page)), path


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["dub-go", "plex-go"])
def test_every_go_page_reads_as_go(name: str) -> None:
    root = corpus(name)
    read = 0
    for path in sorted(root.rglob("*.md")):
        page = _page(path, root)
        if is_model_page(page):
            reading = Reading(Options())
            read += len(SPEAKEASY_GO.read(page, reading))
            assert not reading.diagnostics or all(not d.is_error for d in reading.diagnostics)
    assert read == len(list(root.rglob("*.md"))) - 1  # all but the SDK's options page


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "sure", "unsure"),
    # not shown (the pipeline reads them again as the tree's dialect, Go): dub-go's Fields
    # tables of `string`, `bool` and links only (51); plex-go's Values tables without an example
    # (104), empty Fields tables (18) and Fields tables of *string* only (9)
    [("dub-go", 405, 51), ("plex-go", 963, 131)],
)
def test_go_pages_are_detected_as_go(name: str, sure: int, unsure: int) -> None:
    root = corpus(name)
    found = {True: 0, False: 0}
    for path in sorted(root.rglob("*.md")):
        detected = detect(_page(path, root))
        if detected is not None:
            found[detected.dialect is SPEAKEASY_GO] += 1
    assert (found[True], found[False]) == (sure, unsure)


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "models"), [("dub-go", 281), ("plex-go", 988)])
def test_go_corpora_against_their_sdk(name: str, models: int) -> None:
    from sdk_truth.score import score

    src = corpus(name)
    plan = generate(src, Options())
    assert not plan.diagnostics
    assert {m.dialect for m in plan.tree.models} == {"speakeasy-go"}
    assert plan.stats.models == plan.stats.docs - 1  # all but the SDK's options page
    result = score(name, plan.tree.models, str(src))
    assert result.matched_models == result.models == models
    assert not result.unmatched_fields
    assert result.wire_share >= result.best_rule[1]
    assert result.required_share >= 0.995
