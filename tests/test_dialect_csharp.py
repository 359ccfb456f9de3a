"""C#: the type-cell grammar (Speakeasy's and OpenAPI Generator's csharp cells) and Speakeasy's
C# docs (``speakeasy-csharp``): cells, detection, and the golden input in every style."""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest
from helpers import CORPORA, ROOT, Generated, generated

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import DocError, Location
from generator.core.dialects import detect
from generator.core.dialects.languages.csharp import CSHARP
from generator.core.dialects.speakeasy.csharp import DIALECT as SPEAKEASY_CSHARP
from generator.core.dialects.speakeasy.pages import field_types, is_model_page
from generator.core.dialects.typecells import parse_type
from generator.core.markdown import parse_page
from generator.core.page import Page

INPUT = ROOT / "input" / "speakeasy_csharp"
HERE = Location("cell.md", 1)
STR, INT, FLOAT, BOOL = (ir.Primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))
NONE = ir.Primitive(ir.Kind.NONE)
DECIMAL = ir.Primitive(ir.Kind.FLOAT, "Decimal")
MS = "https://learn.microsoft.com/en-us/dotnet/api"


def speakeasy(cell: str) -> ir.TypeNode:
    return parse_type(cell, HERE, SPEAKEASY_CSHARP.grammar(Options())).node


def csharp(cell: str) -> ir.TypeNode:
    return parse_type(cell, HERE, CSHARP).node


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("*string*", STR),
        ("*long*", INT),
        ("*int*", INT),
        ("*bool*", BOOL),
        ("*float*", FLOAT),
        ("*double*", FLOAT),
        ("*decimal*", DECIMAL),
        ("*BigInteger*", ir.Primitive(ir.Kind.INT, "BigInteger")),
        ("*object*", ir.ANY),
        ("*byte[]*", ir.Primitive(ir.Kind.BYTES, "byte[]")),
        ("[Crop](../../Models/Components/Crop.md)", ir.Ref("Crop", "../../Models/Components/Crop.md")),
        (
            "[Models.Components.Format](../../Models/Components/Format.md)",
            ir.Ref("Models.Components.Format", "../../Models/Components/Format.md"),
        ),
        (
            "List<[Pivot](../../Models/Components/Pivot.md)>",
            ir.ArrayOf(ir.Ref("Pivot", "../../Models/Components/Pivot.md")),
        ),
        (
            "List<[Models.Components.Device](../../Models/Components/Device.md)>",
            ir.ArrayOf(ir.Ref("Models.Components.Device", "../../Models/Components/Device.md")),
        ),
        ("List<*string*>", ir.ArrayOf(STR)),
        ("List<*long*>", ir.ArrayOf(INT)),
        ("Dictionary<String, List<*string*>>", ir.MapOf(ir.ArrayOf(STR))),
        ("Dictionary<String, *object*>", ir.MapOf(ir.ANY)),
        (
            "Dictionary<String, List<[Bike](../../Models/Shared/Bike.md)>>",
            ir.MapOf(ir.ArrayOf(ir.Ref("Bike", "../../Models/Shared/Bike.md"))),
        ),
        (
            f"[HttpResponseMessage]({MS}/system.net.http.httpresponsemessage?view=net-5.0)",
            ir.Primitive(ir.Kind.ANY, "HttpResponseMessage"),
        ),
        (f"[DateTime]({MS}/system.datetime?view=net-5.0)", ir.Primitive(ir.Kind.DATETIME)),
        ("[LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)", ir.Primitive(ir.Kind.DATE)),
        (
            "Dictionary<String, [LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)>",
            ir.MapOf(ir.Primitive(ir.Kind.DATE)),
        ),
        # A model of the tree whose name a .NET type has is still the model.
        (
            "[DateTime](../../Models/Shared/DateTime.md)",
            ir.Ref("DateTime", "../../Models/Shared/DateTime.md"),
        ),
        ("[Object](../../Models/Shared/Object.md)", ir.Ref("Object", "../../Models/Shared/Object.md")),
    ],
)
def test_speakeasy_cells(cell: str, node: ir.TypeNode) -> None:
    assert speakeasy(cell) == node


@pytest.mark.parametrize(
    ("heading", "node"),
    [
        ("Str", STR),
        ("Integer", INT),
        ("Int32", INT),
        ("Number", FLOAT),
        ("Float32", FLOAT),
        ("Boolean", BOOL),
        ("Bigint", ir.Primitive(ir.Kind.INT, "BigInteger")),
        ("Decimal", DECIMAL),
        ("Bike", ir.Ref("Bike")),
        ("ArrayOfBike", ir.ArrayOf(ir.Ref("Bike"))),
        ("ArrayOfStr", ir.ArrayOf(STR)),
        ("MapOfArrayOfNumber", ir.MapOf(ir.ArrayOf(FLOAT))),
    ],
)
def test_speakeasy_union_variant_names(heading: str, node: ir.TypeNode) -> None:
    """A ``## Supported Types`` heading is a union class's variant name, not a type."""
    assert speakeasy(heading) == node


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("**string**", STR),
        ("**int**", INT),
        ("**long**", INT),
        ("**bool**", BOOL),
        ("**decimal**", DECIMAL),
        ("**float**", FLOAT),
        ("**double**", FLOAT),
        ("**Object**", ir.ANY),
        ("**List<string>**", ir.ArrayOf(STR)),
        ("**List<int>**", ir.ArrayOf(INT)),
        (
            "**List<CreateChatCompletionRequest.ModalitiesEnum>**",
            ir.ArrayOf(ir.Primitive(ir.Kind.STR, "CreateChatCompletionRequest.ModalitiesEnum")),
        ),
        ("**Dictionary<string, Object>**", ir.MapOf(ir.ANY)),
        ("**Dictionary<string, int>**", ir.MapOf(INT)),
        ("**List<Dictionary<string, decimal>>**", ir.ArrayOf(ir.MapOf(DECIMAL))),
        ("[**List<AdminApiKey>**](AdminApiKey.md)", ir.ArrayOf(ir.Ref("AdminApiKey", "AdminApiKey.md"))),
        ("[**AdminApiKeyOwner**](AdminApiKeyOwner.md)", ir.Ref("AdminApiKeyOwner", "AdminApiKeyOwner.md")),
        ("**AuditLogEventType**", ir.Ref("AuditLogEventType")),
        ("**DateTime**", ir.Primitive(ir.Kind.DATETIME)),
        ("**DateTimeOffset**", ir.Primitive(ir.Kind.DATETIME)),
        ("**DateOnly**", ir.Primitive(ir.Kind.DATE)),
        ("**System.IO.Stream**", ir.Primitive(ir.Kind.BYTES, "System.IO.Stream")),
        ("**FileParameter**", ir.Primitive(ir.Kind.BYTES, "FileParameter")),
        ("**byte[]**", ir.Primitive(ir.Kind.BYTES, "byte[]")),
        ("**Guid**", ir.Primitive(ir.Kind.STR, "Guid")),
        ("**string[]**", ir.ArrayOf(STR)),
        ("**int?**", ir.UnionOf((INT, NONE))),
        ("**Nullable<long>**", ir.UnionOf((INT, NONE))),
        ("**List<string?>**", ir.ArrayOf(ir.UnionOf((STR, NONE)))),
    ],
)
def test_openapi_generator_csharp_cells(cell: str, node: ir.TypeNode) -> None:
    assert csharp(cell) == node


@pytest.mark.parametrize("cell", ["Dictionary<String>", "List<*string*", "*string* *long*"])
def test_cells_that_are_no_type(cell: str) -> None:
    with pytest.raises(DocError, match="cannot read type"):
        csharp(cell)


def test_a_generic_the_language_does_not_have_is_any_with_a_warning() -> None:
    parsed = parse_type("Frob<*string*>", HERE, CSHARP)
    assert parsed.node == ir.Primitive(ir.Kind.ANY, "Frob<...>")
    assert parsed.warnings and "Frob<...>" in parsed.warnings[0]


@pytest.mark.parametrize(
    "cells",
    [
        "Dictionary<String, *object*>",
        "List<*string*>",
        "[Crop](../../Models/Components/Crop.md)",
        "[Models.Components.Format](../../Models/Components/Format.md)",
        f"[HttpResponseMessage]({MS}/system.net.http.httpresponsemessage)",
        "[LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)",
        "*decimal*",
        "*object*",
        "*string* *long*",
        "*double* *string*",
    ],
)
def test_cells_only_csharp_writes(cells: str) -> None:
    assert SPEAKEASY_CSHARP.signature.search(cells)


@pytest.mark.parametrize(
    "cells",
    [
        "*string* *number* Record<string, *any*>",  # TypeScript
        "*Optional[str]* List[[models.X](../models/x.md)]",  # Python
        "List\\<*String*> *long* Map\\<String, *Object*>",  # Java
        "*long* *double* *byte[]*",  # Java's too
        "**string* []*string* map[string]*any* [*components.X](../../models/components/x.md)",  # Go
        "*?string* array<*string*> [Components\\LinkSchema](../../Models/Components/LinkSchema.md)",  # PHP
        "*string* *int* *bool*",  # Go, PHP, C#: no telling
    ],
)
def test_cells_others_write(cells: str) -> None:
    assert not SPEAKEASY_CSHARP.signature.search(cells)


def test_the_golden_pages_are_detected() -> None:
    found = {}
    for path in sorted(INPUT.rglob("*.md")):
        page, _ = parse_page(path.read_text(encoding="utf-8"), str(path), path.relative_to(INPUT).as_posix())
        detected = detect(page)
        assert detected is not None
        found[path.stem] = (detected.dialect.name, detected.sure)
    # An enum's Values table shows no language: it falls back, not sure.
    assert found.pop("PlantKind") == found.pop("Priority") == ("speakeasy-typescript", False)
    assert set(found.values()) == {("speakeasy-csharp", True)}


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Generated]:
    cache: dict[str, Generated] = {}

    def get(style: str) -> Generated:
        if style not in cache:
            cache[style] = generated(INPUT, tmp_path_factory.mktemp(f"cs-{style}"), style=style)
        return cache[style]

    return get


def test_golden_reads_without_a_warning() -> None:
    plan = generate(INPUT)
    assert plan.diagnostics == ()
    assert (plan.stats.docs, plan.stats.models, plan.stats.skipped, plan.stats.guesses) == (8, 8, 0, 0)
    fields = {
        (m.name, f.shown): f for m in plan.tree.models if isinstance(m, ir.ObjectModel) for f in m.fields
    }
    assert fields["Plant", "HeightCm"].name == "heightCm"  # camelCased, as the docs' prose spells it
    assert fields["Bed", "BedValue"].name == "bedValue"  # a C# rename, kept as shown
    assert fields["Plant", "Colour"].deprecated == "Use Tags instead."
    assert all(f.nullable is ir.Nullable.UNKNOWN for f in fields.values())
    assert fields["ListPlantsResponse", "RawResponse"].type == ir.Primitive(
        ir.Kind.ANY, "HttpResponseMessage"
    )
    plant = next(m for m in plan.tree.models if m.name == "Plant")
    assert isinstance(plant, ir.ObjectModel) and plant.extra == ir.ANY  # AdditionalProperties
    assert "AdditionalProperties" not in {f.shown for f in plant.fields}
    soil = next(m for m in plan.tree.models if m.name == "Soil")
    assert isinstance(soil, ir.UnionModel) and len(soil.members) == 4


def test_golden_pydantic(golden: Callable[[str], Generated]) -> None:
    models = golden("pydantic").module("Models.Components")
    plant = models.Plant.model_validate(
        {
            "id": 1,
            "name": "Basil",
            "kind": "herb",
            "edible": True,
            "updatedAt": "2024-04-01T10:00:00Z",
            "plantedOn": "2024-03-01",
            "heightCm": 12.5,
            "beds": [{"bedId": "b1", "sensors": {"t": 20.5}}],
            "soil": ["loam", "sand"],
            "priority": 2,
            "anything": {"else": 1},
        }
    )
    assert plant.kind is models.PlantKind.HERB and plant.priority is models.Priority.TWO
    assert plant.planted_on == datetime.date(2024, 3, 1) and plant.height_cm == 12.5
    assert isinstance(plant.updated_at, datetime.datetime)
    assert plant.beds[0].bed_id == "b1" and plant.soil == ["loam", "sand"]
    assert plant.model_extra == {"anything": {"else": 1}}
    fields = models.Plant.model_fields
    assert fields["id"].is_required() and fields["updated_at"].is_required()
    assert not fields["height_cm"].is_required() and not fields["photo"].is_required()
    with pytest.raises(pydantic.ValidationError):  # a required key missing
        models.Plant.model_validate(
            {"name": "Basil", "kind": "herb", "edible": True, "updatedAt": "2024-04-01"}
        )


def test_golden_dataclass_and_typeddict(golden: Callable[[str], Generated]) -> None:
    data = golden("dataclass").module("Models.Requests")
    request = data.ListPlantsRequest.from_dict({"gardenId": 7, "clientIdentifier": "c", "ids": [1, 2]})
    assert request.garden_id == 7 and request.ids == [1, 2]
    assert request.to_dict() == {"gardenId": 7, "clientIdentifier": "c", "ids": [1, 2]}
    with pytest.raises(ValueError, match="gardenId"):
        data.ListPlantsRequest.from_dict({})
    typed = golden("typeddict").module("Models.Components")
    assert typed.Plant.__required_keys__ == {"id", "name", "kind", "edible", "updatedAt"}
    assert typed.Bed.__required_keys__ == {"bedId"}


def _pages(name: str) -> list[tuple[Path, Page]]:
    root = CORPORA / name / "docs"
    pages = []
    for path in sorted(root.rglob("*.md")):
        page, _ = parse_page(path.read_text(encoding="utf-8"), str(path), path.relative_to(root).as_posix())
        pages.append((path, page))
    return pages


OTHER_SPEAKEASY = (
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
    "dub-php",
    "dub-ruby",
)


@pytest.mark.corpus
@pytest.mark.parametrize("name", OTHER_SPEAKEASY)
def test_no_other_speakeasy_page_looks_csharp(name: str) -> None:
    for path, page in _pages(name):
        if is_model_page(page):
            assert not SPEAKEASY_CSHARP.signature.search(field_types(page)), path


@pytest.mark.corpus
def test_plex_csharp_as_csharp(tmp_path: Path) -> None:
    """Every doc of plex-csharp is a model, read as C# without a warning. (Without
    ``--dialect``, 49 pages whose cells are only ``*string*``, ``*int*``, ``*bool*``, a lone
    ``*long*`` or ``*double*`` show no language, and other dialects' signatures claim some.)"""
    source = CORPORA / "plex-csharp" / "docs"
    plan = generate(source, Options(dialect="speakeasy-csharp"))
    assert plan.diagnostics == ()
    assert len(plan.tree.models) == len(list(source.rglob("*.md")))
    detected = [detect(page) for _, page in _pages("plex-csharp")]
    sure = sum(1 for d in detected if d is not None and d.dialect is SPEAKEASY_CSHARP and d.sure)
    assert sure >= 720


_OAG_CELL = re.compile(r"^\*\*[^|]*\*\* \| (?P<type>[^|]+?) \|", re.MULTILINE)


@pytest.mark.corpus
def test_every_openai_csharp_oag_cell_reads() -> None:
    """The OpenAPI Generator csharp cells of a real tree (entities unescaped, as that dialect does)."""
    cells: set[str] = set()
    for path in (CORPORA / "openai-csharp-oag" / "docs").rglob("*.md"):
        cells.update(html.unescape(m["type"]) for m in _OAG_CELL.finditer(path.read_text(encoding="utf-8")))
    assert len(cells) > 200
    kinds = {type(csharp(cell)).__name__ for cell in cells}
    assert kinds == {"Primitive", "Ref", "ArrayOf", "MapOf"}
