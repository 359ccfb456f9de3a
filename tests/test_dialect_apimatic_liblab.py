"""APIMatic's and liblab's Python docs: type cells, detection, names, several models per page."""

from __future__ import annotations

import collections
import datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest
from helpers import CORPORA, ROOT, corpus, generated

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import Location
from generator.core.dialects import detect
from generator.core.dialects.apimatic import APIMATIC
from generator.core.dialects.languages.python import PYTHON_AS_LABELLED
from generator.core.dialects.liblab import GRAMMAR as LIBLAB_CELLS
from generator.core.dialects.liblab import LIBLAB
from generator.core.dialects.typecells import parse_type
from generator.core.markdown import parse_page
from generator.core.resolve import resolve

INPUT = ROOT / "input"
HERE = Location("test.md", 1)
STR, INT, FLOAT, BOOL = (ir.Primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))
LINK = "../../doc/models/card-brand.md"


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("`str`", STR),
        ("`int`", INT),
        ("`bool`", BOOL),
        ("`float`", FLOAT),
        ("`Any`", ir.ANY),
        ("`datetime`", ir.Primitive(ir.Kind.DATETIME)),
        ("`List[str]`", ir.ArrayOf(STR)),
        ("`List[Any]`", ir.ArrayOf(ir.ANY)),
        ("`Dict[str, int]`", ir.MapOf(INT)),
        ("[`Money`](../../doc/models/money.md)", ir.Ref("Money", "../../doc/models/money.md")),
        (f"[`List[CardBrand]`]({LINK})", ir.ArrayOf(ir.Ref("CardBrand", LINK))),
    ],
)
def test_apimatic_type_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(cell, HERE, PYTHON_AS_LABELLED).node == node


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("str", STR),
        ("int", INT),
        ("float", FLOAT),
        ("bool", BOOL),
        ("dict", ir.MapOf(ir.ANY)),
        ("List[dict]", ir.ArrayOf(ir.MapOf(ir.ANY))),
        ("List[str]", ir.ArrayOf(STR)),
        ("List[BulkId]", ir.ArrayOf(ir.Ref("BulkId", missing=ir.Primitive(ir.Kind.ANY, "BulkId")))),
        ("AccountStatus", ir.Ref("AccountStatus", missing=ir.Primitive(ir.Kind.ANY, "AccountStatus"))),
    ],
)
def test_liblab_type_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(cell, HERE, LIBLAB_CELLS).node == node


@pytest.mark.parametrize(
    ("shown", "example_keys", "key", "source"),
    [
        ("name", {"name"}, "name", ir.WireSource.SHOWN),
        ("mtype", {"type"}, "type", ir.WireSource.CONVENTION),
        ("mtype", set(), "type", ir.WireSource.CONVENTION),  # a reserved word: always
        ("mfrom", set(), "from", ir.WireSource.CONVENTION),
        ("mtype", {"mtype"}, "mtype", ir.WireSource.SHOWN),  # the example says it is the key
        ("min", set(), "min", ir.WireSource.SHOWN),  # not `in` escaped: a word
        ("mode", set(), "mode", ir.WireSource.SHOWN),
        ("line_1", {"line1"}, "line1", ir.WireSource.CONVENTION),  # the example shows the key
        ("line_1", set(), "line_1", ir.WireSource.SHOWN),  # else `address_line_1` would break
        ("address_line_1", {"address_line_1"}, "address_line_1", ir.WireSource.SHOWN),
    ],
)
def test_apimatic_escapes_are_undone(
    shown: str, example_keys: set[str], key: str, source: ir.WireSource
) -> None:
    assert APIMATIC.key(shown, frozenset(example_keys)) == (key, source)


APIMATIC_PAGE = """
# Card Details

A card.

## Structure

`CardDetails`

## Fields

| Name | Type | Tags | Description |
|  --- | --- | --- | --- |
| `mtype` | `str` | Required | The card's type. |
| `brand` | [`CardBrand`](../../doc/models/card-brand.md) | Optional | - |

## Example (as JSON)

```json
{
  "type": "type0"
}
```
"""
APIMATIC_ENUM = """
# Card Brand

## Enumeration

`CardBrand`

## Fields

| Name | Description |
|  --- | --- |
| `VISA` | Visa. |
| `ENUM_3_D` | Three-D. |
"""
APIMATIC_TYPESCRIPT = """
# Line Item

## Structure

`LineItem`

## Fields

| Name | Type | Tags | Description |
|  --- | --- | --- | --- |
| `accountCode` | `string \\| undefined` | Optional | See Accounts |
"""
LIBLAB_PAGE = """# AccountBulkRequest

**Properties**

| Name    | Type                   | Required | Description |
| :------ | :--------------------- | :------- | :---------- |
| request | List[BulkId]           | ❌       |             |
| type\\_  | AccountBulkRequestType | ✅       | The kind.   |

# AccountBulkRequestType

**Properties**

| Name   | Type | Required | Description |
| :----- | :--- | :------- | :---------- |
| GET    | str  | ✅       | "GET"       |
| DELETE | str  | ✅       | "delete"    |

# ChangeElementKey_1

**Properties**

| Name | Type | Required | Description |
| :--- | :--- | :------- | :---------- |
| id\\_ | str  | ❌       |             |

# AccountExpression
"""
SPEAKEASY_PAGE = """# Status

## Fields

| Field | Type | Required | Description |
| ----- | ---- | -------- | ----------- |
| `id` | *str* | :heavy_check_mark: | N/A |
"""


def page_of(text: str, rel: str = "page.md") -> Any:
    return parse_page(text, rel, rel)[0]


@pytest.mark.parametrize(
    ("text", "dialect", "sure"),
    [
        (APIMATIC_PAGE, "apimatic-python", True),
        (APIMATIC_ENUM, "apimatic-python", False),  # an enum page shows no language
        (APIMATIC_TYPESCRIPT, None, None),  # APIMatic's TypeScript docs: not read as Python
        (LIBLAB_PAGE, "liblab-python", True),
        (SPEAKEASY_PAGE, "speakeasy-python", True),
        ("# AccountExpression\n", "speakeasy-typescript", False),  # a title alone: Speakeasy's fallback
    ],
)
def test_detection(text: str, dialect: str | None, sure: bool | None) -> None:
    found = detect(page_of(text))
    assert (found.dialect.name, found.sure) == (dialect, sure) if found else dialect is None


def test_an_apimatic_page_is_its_class() -> None:
    [model] = APIMATIC.read(page_of(APIMATIC_PAGE, "card-details.md"), reading())
    assert (
        isinstance(model, ir.ObjectModel) and model.name == "CardDetails" and model.key == "card-details.md"
    )
    kind, brand = model.fields
    assert (kind.name, kind.shown, kind.wire_source, kind.required, kind.nullable) == (
        "type",
        "mtype",
        ir.WireSource.CONVENTION,
        True,
        ir.Nullable.NO,
    )
    assert (brand.required, brand.nullable, brand.description) == (False, ir.Nullable.UNKNOWN, "")
    assert [(e.code, e.language) for e in model.examples] == [("{'type': 'type0'}", "python")]
    [enum] = APIMATIC.read(page_of(APIMATIC_ENUM, "card-brand.md"), reading())
    assert isinstance(enum, ir.EnumModel)
    assert [(m.name, m.value) for m in enum.members] == [("VISA", "VISA"), ("ENUM_3_D", "3_D")]


def test_a_liblab_page_of_several_models() -> None:
    diagnostics: list[Any] = []
    models = LIBLAB.read(page_of(LIBLAB_PAGE, "models/AccountBulkRequest.md"), reading(diagnostics))
    assert [(m.key, m.name, type(m).__name__) for m in models] == [
        ("models/AccountBulkRequest.md#AccountBulkRequest", "AccountBulkRequest", "ObjectModel"),
        ("models/AccountBulkRequest.md#AccountBulkRequestType", "AccountBulkRequestType", "EnumModel"),
        ("models/AccountBulkRequest.md#ChangeElementKey_1", "ChangeElementKey1", "ObjectModel"),
        ("models/AccountBulkRequest.md#AccountExpression", "AccountExpression", "OpaqueModel"),
    ]
    request, kind, key, _ = models
    assert isinstance(request, ir.ObjectModel) and isinstance(kind, ir.EnumModel)
    assert [(f.name, f.shown, f.required, f.wire_source) for f in request.fields] == [
        ("request", "request", False, ir.WireSource.SHOWN),
        ("type", "type_", True, ir.WireSource.CONVENTION),
    ]
    assert [(m.name, m.value) for m in kind.members] == [("GET", "GET"), ("DELETE", "delete")]
    assert ["AccountExpression has no properties" in d.message for d in diagnostics] == [True]
    [single] = LIBLAB.read(
        page_of("# Tag\n\n**Properties**\n\n" + LIBLAB_PAGE.split("**Properties**")[1].split("\n# ")[0]),
        reading(),
    )
    assert single.key == "page.md"  # a page of one model is keyed by its path


def reading(diagnostics: list[Any] | None = None) -> Any:
    from generator.core.dialects.base import Reading

    return Reading(Options(), diagnostics if diagnostics is not None else [])


def _object(key: str, name: str, *refs: ir.Ref) -> ir.ObjectModel:
    fields = tuple(
        ir.Field(
            name=f"f{i}",
            type=r,
            required=True,
            nullable=ir.Nullable.NO,
            description="",
            location=HERE,
            shown="x",
        )
        for i, r in enumerate(refs)
    )
    return ir.ObjectModel(key=key, name=name, description="", location=HERE, fields=fields)


def test_links_and_names_find_a_model_on_a_page_of_several() -> None:
    models = [
        _object(
            "a.md#A", "A", ir.Ref("B"), ir.Ref("Other", "b.md#other"), ir.Ref("C", "b.md"), ir.Ref("B", "#b")
        ),
        _object("a.md#B", "B"),
        _object("b.md#Other", "Other"),
        _object("b.md#C", "C"),
        _object("b.md#B", "B"),  # another B: the one on the referring page wins
        _object(
            "c.md", "D", ir.Ref("Other"), ir.Ref("Missing", missing=ir.Primitive(ir.Kind.ANY, "Missing"))
        ),
    ]
    diagnostics: list[Any] = []
    tree = resolve(models, diagnostics)
    a = tree.by_key["a.md#A"]
    assert isinstance(a, ir.ObjectModel)
    assert [f.type.doc for f in a.fields if isinstance(f.type, ir.Ref)] == [
        "a.md#B",
        "b.md#Other",
        "b.md#C",
        "a.md#B",
    ]
    d = tree.by_key["c.md"]
    assert isinstance(d, ir.ObjectModel) and isinstance(d.fields[0].type, ir.Ref)
    assert d.fields[0].type.doc == "b.md#Other"
    # A model such docs (liblab's: older than their SDK) name but do not document is a gap
    # in them, which their dialect allows: Any, with a warning.
    assert d.fields[1].type == ir.Primitive(ir.Kind.ANY, "Missing")
    assert [d.message for d in diagnostics if "Missing" in d.message] == [
        "Missing has no model doc: typed as Any"
    ]


# The golden inputs, in every style.


@pytest.mark.parametrize("style", ["pydantic", "dataclass", "typeddict"])
def test_apimatic_golden_docs(style: str, tmp_path: Path) -> None:
    gen = generated(INPUT / "apimatic_python", tmp_path, style=style)
    assert gen.plan.stats.models == 6 and gen.plan.stats.skipped == 1  # the utility-classes page
    assert not gen.plan.diagnostics
    models = {m.name: m for m in gen.plan.tree.models}
    pet, address = models["Pet"], models["Address"]
    assert isinstance(pet, ir.ObjectModel) and isinstance(address, ir.ObjectModel)
    by_shown = {f.shown: f for f in [*pet.fields, *address.fields]}
    assert {s: by_shown[s].name for s in ("mtype", "line_1", "address_line_3", "mfrom", "min")} == {
        "mtype": "type",
        "line_1": "line1",
        "address_line_3": "address_line_3",
        "mfrom": "from",
        "min": "min",
    }
    assert by_shown["nickname"].nullable is ir.Nullable.YES and by_shown["id"].read_only
    assert by_shown["legacy_code"].deprecated == "" and by_shown["vaccinated"].default == ir.Default(False)
    assert by_shown["status"].default is None and 'Default: `"AVAILABLE"`' in by_shown["status"].description
    module = gen.module("doc.models")
    wire = {"id": 1, "name": "Rex", "type": "DOG", "home": {"line1": "1 Road", "from": "2020"}}
    if style == "pydantic":
        loaded = module.Pet.model_validate(wire)
        assert (
            loaded.mtype is module.PetType.DOG and loaded.home.mfrom == "2020" and loaded.vaccinated is False
        )
        assert loaded.model_dump(by_alias=True, exclude_unset=True) == wire
        assert module.PetType("3_TOED_SLOTH") is module.PetType.ENUM_3_TOED_SLOTH
        assert module.Order.model_validate({"pet": wire}).kind == "order"  # a constant
        assert module.Tag.model_validate({"label": "l", "x": 1}).model_extra == {"x": 1}
        with pytest.raises(pydantic.ValidationError):
            module.Pet.model_validate({"id": 1, "name": "Rex"})  # type is required
        assert module.Pet.model_fields["listed_at"].annotation == datetime.datetime | None
        from generator.app.verify import check_examples

        report = check_examples(gen.plan, gen.package(), Options())  # JSON examples, in wire names
        assert report.checked == report.passed == 4
    elif style == "dataclass":
        loaded = module.Pet.from_dict(wire)
        assert loaded.mtype is module.PetType.DOG and loaded.to_dict() == {**wire, "vaccinated": False}
    else:
        assert module.Pet.__required_keys__ == {"id", "name", "type"}


@pytest.mark.parametrize("style", ["pydantic", "dataclass", "typeddict"])
def test_liblab_golden_docs(style: str, tmp_path: Path) -> None:
    gen = generated(INPUT / "liblab_python", tmp_path, style=style)
    keys = {m.key for m in gen.plan.tree.models}
    assert keys == {
        "models/Pet.md#Pet",
        "models/Pet.md#PetType",
        "models/Pet.md#PetStatus",
        "models/Pet.md#PetOwner",
        "models/Tag.md",
        "models/Order.md#Order",
        "models/Order.md#OrderLine_1",
        "models/Order.md#OrderPriority",
        "models/Order.md#OrderPayment",
    }
    assert [d.message for d in gen.plan.diagnostics] == [
        "OrderPayment has no properties in its doc (a union's members are not listed): generated as Any"
    ]
    pet = gen.plan.tree.by_key["models/Pet.md#Pet"]
    assert isinstance(pet, ir.ObjectModel)
    names = {f.shown: f.name for f in pet.fields}
    assert (names["id_"], names["type_"], names["photo_urls"]) == (
        "id",
        "type",
        "photoUrls",
    )  # the docs' vote
    module = gen.module("models")
    wire = {"id": 1, "name": "Rex", "type": "guinea-pig", "attributes": {"a": 1}, "owner": {"personId": "p"}}
    if style == "pydantic":
        loaded = module.Pet.model_validate(wire)
        assert loaded.type is module.PetType.GUINEAPIG and loaded.owner.person_id == "p"
        assert loaded.model_dump(by_alias=True, exclude_unset=True) == wire
        order = module.Order.model_validate(
            {"orderId": "o", "pet": wire, "lines": [{"sku": "s", "quantity": 1}]}
        )
        assert order.lines[0].sku == "s" and module.OrderPriority(2) is module.OrderPriority.HIGH
        with pytest.raises(pydantic.ValidationError):
            module.Order.model_validate({"orderId": "o"})  # pet is required
    elif style == "dataclass":
        assert module.Pet.from_dict(wire).to_dict() == wire
    else:
        assert module.Pet.__required_keys__ == {"id", "name", "type"}


# The shared corpora.

MINE = {"paypal-py-apimatic": "apimatic-python", "boomi-py-liblab": "liblab-python"}


@pytest.mark.corpus
def test_no_page_of_another_corpus_is_taken() -> None:
    for root in sorted(p for p in CORPORA.iterdir() if p.is_dir()):
        for path in sorted((root / "docs").rglob("*.md")):
            page = page_of(path.read_text(encoding="utf-8"), path.name)
            found = [d for d in (APIMATIC.detect(page), LIBLAB.detect(page)) if d is not None]
            if root.name in MINE:
                assert not found or found[0].dialect.name == MINE[root.name], path
            else:
                assert not found, path


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(MINE))
def test_the_corpora_read_as_the_sdk_means_them(name: str) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from sdk_truth.score import score

    plan = generate(corpus(name), Options())
    assert not [d for d in plan.diagnostics if d.is_error]
    dialects = collections.Counter(m.dialect for m in plan.tree.models)
    s = score(name, plan.tree.models, str(corpus(name)))
    assert s.matched_models == s.models > 250 and not s.unmatched_fields
    assert s.wire_share >= s.best_rule[1]
    if name == "paypal-py-apimatic":
        assert dialects == {"apimatic-python": 370}
        assert s.wire_share > 0.998 and s.required_share == 1.0
    else:
        # 67 title-only pages (unions) are Speakeasy's fallback's; the docs are older than the SDK,
        # which made 226 of their required fields optional.
        assert dialects["liblab-python"] == 1336 - 67 and s.required_share > 0.92
