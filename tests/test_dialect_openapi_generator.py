"""OpenAPI Generator's docs in every generator language: type cells, what tells the
generators apart, inline enums and defaults, the golden inputs in every style, and the
corpora held to their SDKs' sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, corpus, generated
from sdk_truth.score import score

from generator import Options, generate
from generator.core import ir
from generator.core.diagnostics import Location
from generator.core.dialects import DIALECTS, detect
from generator.core.dialects.base import Reading
from generator.core.dialects.languages.dart import DART
from generator.core.dialects.languages.rust import RUST
from generator.core.dialects.openapi_generator import OPENAPI_GENERATOR, pages
from generator.core.dialects.openapi_generator.dialect import NoDefault, OAGDialect
from generator.core.dialects.typecells import Parsed, parse_type
from generator.core.markdown import parse_page, unescape

AT = Location("x.md", 3)
INPUT = ROOT / "input"
STR, INT, FLOAT, BOOL = (ir.Primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))
NONE = ir.Primitive(ir.Kind.NONE)


def dialect(name: str) -> OAGDialect:
    found = DIALECTS[f"openapi-generator-{name}"]
    assert isinstance(found, OAGDialect)
    return found


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        ("**String**", Parsed(STR)),
        ("Option<**String**>", Parsed(STR, "Option")),
        ("Option<**Vec<String>**>", Parsed(ir.ArrayOf(STR), "Option")),
        ("**i64**", Parsed(INT)),
        ("Option<**f64**>", Parsed(FLOAT, "Option")),
        ("**Vec<Option<i32>>**", Parsed(ir.ArrayOf(ir.UnionOf((INT, NONE))))),
        ("[**models::Tag**](tag.md)", Parsed(ir.Ref("Tag"))),  # the link's target is often wrong
        ("Option<[**Vec<models::Tag>**](tag.md)>", Parsed(ir.ArrayOf(ir.Ref("Tag")), "Option")),
        (
            "[**std::collections::HashMap<String, models::Tag>**](tag.md)",
            Parsed(ir.MapOf(ir.Ref("Tag"))),
        ),
        ("Option<[**serde_json::Value**](.md)>", Parsed(ir.ANY, "Option")),
        ("**Box<models::Tag>**", Parsed(ir.Ref("Tag"))),
    ],
)
def test_rust_cells(cell: str, parsed: Parsed) -> None:
    assert parse_type(cell, AT, RUST) == parsed


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("**String**", STR),
        ("**BuiltList&lt;String&gt;**", ir.ArrayOf(STR)),
        ("[**BuiltMap&lt;String, Tag&gt;**](Tag.md)", ir.MapOf(ir.Ref("Tag", "Tag.md"))),
        ("[**DateTime**](DateTime.md)", ir.Primitive(ir.Kind.DATETIME)),
        ("[**Date**](Date.md)", ir.Primitive(ir.Kind.DATE)),
        ("[**JsonObject**](.md)", ir.ANY),
        ("**double**", FLOAT),
        ("**BuiltSet&lt;int&gt;**", ir.ArrayOf(INT)),
    ],
)
def test_dart_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(unescape(cell), AT, DART).node == node


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("Pointer to **string**", STR),
        ("Pointer to **NullableString**", STR),
        ("**NullableInt64**", INT),
        ("[**NullableOwner**](Owner.md)", ir.Ref("Owner", "Owner.md")),
        ("Pointer to [**[]Tag**](Tag.md)", ir.ArrayOf(ir.Ref("Tag", "Tag.md"))),
        ("Pointer to **map[string]interface{}**", ir.MapOf(ir.ANY)),
        ("Pointer to **time.Time**", ir.Primitive(ir.Kind.DATETIME)),
        ("Pointer to ***os.File**", ir.Primitive(ir.Kind.BYTES, "*os.File")),
    ],
)
def test_go_cells(cell: str, node: ir.TypeNode) -> None:
    assert dialect("go").parse(cell, AT, Reading(Options(), [])).node == node


@pytest.mark.parametrize(
    ("name", "shown", "key"),
    [
        ("python", "var_from", "from"),
        ("python", "_from", "from"),  # swagger-codegen
        ("python", "page_index", "page_index"),
        ("rust", "r#type", "type"),
        ("java", "_object", "object"),
        ("java", "propertyClass", "class"),
        ("kotlin", "propertySize", "size"),
        ("ruby", "_end", "end"),
        ("dart-dio", "required_", "required"),
        ("typescript-fetch", "_class", "class"),
        ("csharp", "VarPet", "Pet"),  # the model is Pet; camelCased by the tree's rule
        ("csharp", "VarOther", "VarOther"),
        ("go", "OwnerId", "OwnerId"),
    ],
)
def test_escapes_undone(name: str, shown: str, key: str) -> None:
    assert dialect(name).key(shown, "Pet")[0] == key


@pytest.mark.parametrize(
    ("name", "written", "node", "value"),
    [
        ("go", '"720h"', STR, "720h"),
        ("go", "{}", ir.ArrayOf(STR), []),
        ("go", "KEYVISIBILITY_PUBLIC", ir.Ref("KeyVisibility"), None),
        ("rust", "720h", STR, "720h"),  # strings are bare
        ("rust", "Wildcard", STR, None),  # an enum variant's name, not the value
        ("rust", "250", INT, 250),
        ("php", "'cat'", STR, "cat"),
        ("ruby", "'KEY_STATUS_ACTIVE'", STR, "KEY_STATUS_ACTIVE"),
        ("csharp", "1M", FLOAT, 1),
        ("csharp", "DetailEnum.Auto", STR, None),
        ("kotlin", "Order.desc", STR, None),
        ("dart-dio", "ListBuilder()", ir.ArrayOf(STR), []),
        ("python", "false", BOOL, False),  # swagger-codegen writes JSON
        ("python", "Zip", ir.Ref("Mode"), None),
        ("python", "'nav'", STR, "nav"),
    ],
)
def test_defaults(name: str, written: str, node: ir.TypeNode, value: Any) -> None:
    try:
        got = dialect(name).default(written, node)
    except NoDefault:
        got = None
    assert got == value


def page(text: str, rel: str = "Pet.md") -> Any:
    return parse_page(text, rel, rel)[0]


TABLE = "Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n"
PAGES = {
    "python": f"# Pet\n\n## Properties\n\n{TABLE}**id** | **int** |  | \n\n## Example\n\n```python\nx = 1\n```\n",
    "typescript-axios": f"# Pet\n\n## Properties\n\n{TABLE}**id** | **number** |  | [default to undefined]\n",
    "typescript-fetch": "# Pet\n\n## Properties\n\nName | Type\n------------ | -------------\n`id` | number\n",
    "go": f"# Pet\n\n## Properties\n\n{TABLE}**Id** | [**Tag**](Tag.md) |  | \n\n## Methods\n\n### GetId\n",
    "java": f"# Pet\n\n## Properties\n\n{TABLE}**id** | **Long** |  | \n",
    "kotlin": f"# Pet\n\n## Properties\n\n{TABLE}**id** | **kotlin.Long** |  | \n",
    "php": f"# # Pet\n\n## Properties\n\n{TABLE}**id** | [**Tag**](Tag.md) |  | \n",
    "ruby": f"# Acme::Pet\n\n## Properties\n\n{TABLE}**id** | [**Tag**](Tag.md) |  | \n",
    "rust": f"# Pet\n\n## Properties\n\n{TABLE}**id** | Option<**String**> |  | [optional]\n",
    "dart-dio": f"# acme.model.Pet\n\n## Properties\n\n{TABLE}**id** | [**Tag**](Tag.md) |  | \n",
    "csharp": f"# Acme.Client.Model.Pet\n\n## Properties\n\n{TABLE}**Id** | [**Tag**](Tag.md) |  | \n",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_generator_is_told_by_its_marks(name: str) -> None:
    found = detect(page(PAGES[name]))
    assert found is not None and (found.dialect.name, found.sure) == (f"openapi-generator-{name}", True)


def test_pages_that_show_no_generator() -> None:
    """An enum's values, a table of ``**String**`` and links: read, not sure which generator."""
    for text in (
        '# Status\n\n## Enum\n\n* `A` (value: `"a"`)\n',
        f"# Pet\n\n## Properties\n\n{TABLE}**id** | **String** |  | \n**tag** | [**Tag**](Tag.md) |  | \n",
    ):
        found = detect(page(text))
        assert found is not None and (found.dialect.name, found.sure) == ("openapi-generator", False)
    api = "# PetApi\n\nMethod | HTTP request | Description\n------------- | ------------- | -------------\n"
    found = detect(page(api))
    assert found is not None and found.dialect.read(page(api), Reading(Options())) == []  # skipped
    assert detect(page("# Notes\n\nSome text.\n")) is not None  # Speakeasy's, not this family's
    assert OPENAPI_GENERATOR.detect(page("# Notes\n\nSome text.\n")) is None


def test_a_forced_generator_and_the_family_alias() -> None:
    text = PAGES["java"]
    assert detect(page(text), "openapi-generator-kotlin") == (dialect("kotlin"), True)
    found = detect(page(text), "openapi-generator")
    assert found is not None and found.dialect is dialect("java")


def read(text: str, name: str, rel: str = "Pet.md") -> ir.Model:
    (model,) = pages.read(page(text, rel), Reading(Options()), dialect(name))
    return model


def test_java_inline_enums() -> None:
    text = (
        "# Pet\n\n## Properties\n\n| Name | Type | Description | Notes |\n|------------ | ------------- | --"
        "----------- | -------------|\n|**status** | [**StatusEnum**](#StatusEnum) |  |  [optional] |\n"
        "|**level** | [**LevelEnum**](#LevelEnum) |  |  |\n\n\n\n## Enum: StatusEnum\n\n| Name | Value |\n"
        "|---- | -----|\n| ACTIVE | &quot;active&quot; |\n| GONE | &quot;gone&quot; |\n\n\n\n"
        "## Enum: LevelEnum\n\n| Name | Value |\n|---- | -----|\n| NUMBER_1 | 1 |\n"
    )
    model = read(text, "java")
    assert isinstance(model, ir.ObjectModel)
    assert [f.type for f in model.fields] == [
        ir.UnionOf((ir.Literal("active"), ir.Literal("gone"))),
        ir.Literal(1),
    ]
    assert [f.required for f in model.fields] == [False, True]


def test_kotlin_inline_enums_and_keyword_names() -> None:
    text = (
        "# Pet\n\n## Properties\n| Name | Type | Description | Notes |\n| ------------ | ------------- | -----"
        "-------- | ------------- |\n| **&#x60;object&#x60;** | [**inline**](#&#x60;Object&#x60;) |  |  |\n"
        "| **moods** | [**inline**](#kotlin.collections.List&lt;Moods&gt;) |  |  [optional] |\n\n\n"
        '<a id="`Object`"></a>\n## Enum: object\n| Name | Value |\n| ---- | ----- |\n'
        '| &#x60;object&#x60; | pet |\n\n\n<a id="kotlin.collections.List<Moods>"></a>\n## Enum: moods\n'
        "| Name | Value |\n| ---- | ----- |\n| moods | happy, sleepy |\n"
    )
    model = read(text, "kotlin")
    assert isinstance(model, ir.ObjectModel)
    assert [(f.shown, f.name, f.type) for f in model.fields] == [
        ("object", "object", ir.Literal("pet")),
        ("moods", "moods", ir.ArrayOf(ir.UnionOf((ir.Literal("happy"), ir.Literal("sleepy"))))),
    ]


def test_kotlin_enum_items_indented_as_code() -> None:
    text = '# Kind\n\n## Enum\n\n\n    * `cat` (value: `"cat"`)\n\n    * `dog` (value: `"dog"`)\n\n'
    model = read(text, "kotlin")
    assert isinstance(model, ir.EnumModel) and [m.value for m in model.members] == ["cat", "dog"]


def test_rust_variants_and_a_oneof_that_lost_them() -> None:
    text = "# Status\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Active | active |\n| Gone | gone |\n"
    model = read(text, "rust")
    assert isinstance(model, ir.EnumModel) and [m.value for m in model.members] == ["active", "gone"]
    empty = read("# Animal\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n", "rust")
    assert isinstance(empty, ir.OpaqueModel)


def test_swagger_codegen_enum_tables() -> None:
    text = (
        "\ufeff# Mode\nHow to wrap.\n\n## Enum\nName | Type | Value | Description\n------------ | ------------- "
        '| ------------- | -------------\n**NOWRAP** | **str** | "NoWrap" | None\n**BYWORDS** | **str** | "ByWords" | Words\n'
    )
    model = read(text.removeprefix("\ufeff"), "python")
    assert isinstance(model, ir.EnumModel) and model.description == "How to wrap."
    assert [(m.name, m.value) for m in model.members] == [("NOWRAP", "NoWrap"), ("BYWORDS", "ByWords")]


def test_go_nullability_from_its_methods() -> None:
    text = (
        f"# Pet\n\n## Properties\n\n{TABLE}**Name** | **string** |  | \n**Nick** | Pointer to **NullableString** |  |"
        " [optional] \n**Owner** | [**NullableOwner**](Owner.md) |  | \n\n## Methods\n\n### SetNickNil\n\n"
        "### SetOwnerNil\n"
    )
    model = read(text, "go")
    assert isinstance(model, ir.ObjectModel)
    assert [(f.required, f.nullable) for f in model.fields] == [
        (True, ir.Nullable.NO),
        (False, ir.Nullable.YES),
        (True, ir.Nullable.YES),
    ]


def test_rust_option_on_a_required_field_is_nullable() -> None:
    text = f"# Pet\n\n## Properties\n\n{TABLE}**a** | **String** |  | \n**b** | Option<**String**> |  | \n**c** | Option<**String**> |  | [optional]\n"
    model = read(text, "rust")
    assert isinstance(model, ir.ObjectModel)
    assert [f.nullable for f in model.fields] == [ir.Nullable.NO, ir.Nullable.YES, ir.Nullable.UNKNOWN]


def test_a_notes_cell_lost_to_an_unescaped_pipe_says_nothing() -> None:
    text = f"# Pet\n\n## Properties\n\n{TABLE}**a** | **kotlin.String** | before <| after |> rest |  [optional] |\n"
    model = read(text, "kotlin")
    assert isinstance(model, ir.ObjectModel) and model.fields[0].required is False


def test_ruby_oneof_members() -> None:
    text = (
        "# Acme::Animal\n\n## Class instance methods\n\n### `openapi_one_of`\n\n#### Example\n\n```ruby\n"
        "Acme::Animal.openapi_one_of\n# =>\n# [\n#   :'Cat',\n#   :'Array<String>'\n# ]\n```\n"
    )
    model = read(text, "ruby")
    assert isinstance(model, ir.UnionModel) and model.name == "Animal"
    assert model.members == (ir.Ref("Cat"), ir.ArrayOf(STR))


def test_typescript_fetch_shows_no_required_keys() -> None:
    model = read(PAGES["typescript-fetch"], "typescript-fetch")
    assert isinstance(model, ir.ObjectModel) and [(f.name, f.required) for f in model.fields] == [
        ("id", False)
    ]


GOLDEN = ["go", "java", "kotlin", "php", "ruby", "rust", "dart_dio", "typescript_fetch", "csharp"]


@pytest.mark.parametrize("style", ["pydantic", "dataclass", "typeddict"])
@pytest.mark.parametrize("lang", GOLDEN)
def test_golden_inputs_generate_and_import(lang: str, style: str, tmp_path: Path) -> None:
    gen = generated(INPUT / f"openapi_generator_{lang}", tmp_path, style=style)
    # A default naming an enum member whose value the docs do not give (a Kotlin or C# enum
    # typed String, a Dart enum page without values, a Rust variant) is dropped, and said.
    unknown = {
        "kotlin": "Order.desc",
        "rust": "Available",
        "dart_dio": "PetStatus.available",
        "csharp": "DetailEnum.Auto",
    }
    assert [d.message.split("'")[1] for d in gen.plan.diagnostics] == (
        [unknown[lang]] if lang in unknown else []
    )
    assert all("names a member whose value the docs do not give" in d.message for d in gen.plan.diagnostics)
    assert gen.import_all() == len(gen.plan.files)
    assert gen.plan.stats.skipped == (0 if lang in ("php", "csharp") else 1)  # the API doc


def fields(lang: str, model: str = "Pet", rel: str = "Pet.md") -> dict[str, ir.Field]:
    tree = generate(INPUT / f"openapi_generator_{lang}").tree
    found = next(m for m in tree.models if m.key == rel)
    assert isinstance(found, ir.ObjectModel) and found.name == model
    return {f.shown: f for f in found.fields}


def test_golden_go() -> None:
    pet = fields("go")
    assert (pet["Owner"].required, pet["Owner"].nullable) == (True, ir.Nullable.YES)
    assert (pet["Nickname"].required, pet["Nickname"].nullable) == (False, ir.Nullable.YES)
    assert pet["Name"].nullable is ir.Nullable.NO and pet["Id"].type == INT
    assert pet["Tags"].default == ir.Default([]) and pet["Species"].default == ir.Default("cat")
    # PETSTATUS_AVAILABLE: the member of PetStatus whose value ends the constant's name.
    assert pet["Status"].default == ir.Default("available", member=True)
    assert {f.name for f in fields("go", "Tag", "Tag.md").values()} == {"tag_name", "color_code", "value"}


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("**str, none_type**", ir.UnionOf((STR, ir.Primitive(ir.Kind.NONE)))),
        ("**[str]**", ir.ArrayOf(STR)),
        ("[**[Tag]**](Tag.md)", ir.ArrayOf(ir.Ref("Tag", "Tag.md"))),
        ("**{str: (int,)}**", ir.MapOf(INT)),
        ("**{str: (bool, date, datetime, dict, float, int, list, str, none_type)}**", ir.MapOf(ir.ANY)),
        ("**bool, date, datetime, dict, float, int, list, str, none_type**", ir.ANY),
    ],
)
def test_python_prior_cells(cell: str, node: ir.TypeNode) -> None:
    """The older python generator (python-prior): tuples of types, ``[X]``, ``{K: V}``."""
    from generator.core.dialects.openapi_generator.python import CELLS

    assert parse_type(cell, AT, CELLS).node == node


def test_golden_python_prior(tmp_path: Path) -> None:
    gen = generated(INPUT / "openapi_generator_python_prior", tmp_path)
    assert not gen.plan.diagnostics and gen.import_all() == len(gen.plan.files)
    by_name = {m.name: m for m in gen.plan.tree.models}
    status, pet = by_name["PetStatus"], by_name["Pet"]
    assert isinstance(status, ir.EnumModel) and [m.value for m in status.members] == [
        "available",
        "pending",
        "sold",
    ]
    assert isinstance(pet, ir.ObjectModel) and pet.extra == ir.ANY  # the "any string name" row
    assert "any string name" not in {f.shown for f in pet.fields}
    data = {"name": "Rex", "photo_urls": [], "nickname": None, "status": "sold", "colour": "brown"}
    assert gen.round_trip("Pet.md", data) == data


def test_golden_rust() -> None:
    pet = fields("rust")
    assert pet["r#type"].name == "type" and pet["r#type"].required
    assert pet["nickname"].nullable is ir.Nullable.YES and pet["id"].nullable is ir.Nullable.NO
    assert pet["species"].default == ir.Default("cat food") and pet["status"].default is None
    assert pet["tags"].type == ir.ArrayOf(ir.Ref("Tag", None, "Tag.md"))


def test_golden_java() -> None:
    pet = fields("java")
    assert pet["status"].type == ir.UnionOf(tuple(ir.Literal(v) for v in ("available", "pending", "sold")))
    assert pet["_object"].name == "object" and pet["propertyClass"].name == "class"
    assert pet["photoUrls"].name == "photo_urls"  # the docs' vote: `photo_urls`, `owner_id`
    assert pet["weight"].type == ir.Primitive(ir.Kind.FLOAT, "Decimal")
    assert pet["count"].default == ir.Default(250) and pet["owner"].read_only


def test_golden_php() -> None:
    pet = fields("php", rel="Model/Pet.md")
    assert pet["tags"].type == ir.ArrayOf(ir.Ref("Acme.Client.Model.Tag", "Tag.md", "Model/Tag.md"))
    assert pet["born"].type == ir.Primitive(ir.Kind.DATETIME) and pet["species"].default == ir.Default("cat")
    tree = generate(INPUT / "openapi_generator_php").tree
    assert isinstance(tree.by_key["Model/PetStatus.md"], ir.OpaqueModel)  # an enum whose values are lost


def test_golden_kotlin_dart_ruby_fetch_csharp() -> None:
    kotlin = fields("kotlin")
    assert kotlin["object"].type == ir.Literal("pet") and kotlin["propertySize"].name == "size"
    assert kotlin["order"].default is None and kotlin["limit"].default == ir.Default(20)
    dart = fields("dart_dio")
    assert dart["required_"].name == "required" and dart["tags"].default == ir.Default([])
    ruby = fields("ruby")
    assert ruby["_end"].name == "end" and ruby["species"].default == ir.Default("cat")
    animal = generate(INPUT / "openapi_generator_ruby").tree.by_key["Animal.md"]
    assert isinstance(animal, ir.UnionModel) and len(animal.members) == 3
    fetch = fields("typescript_fetch")
    assert fetch["_class"].name == "class" and not any(f.required for f in fetch.values())
    csharp = fields("csharp")
    assert csharp["VarPet"].name == "pet" and csharp["Weight"].default == ir.Default(1.5)
    assert csharp["Alive"].required and csharp["Detail"].default is None


# The corpora: (docs, API docs skipped, pages not sure of their generator at most).
CORPUS_SHAPES = {
    "ory-go-oag": (384, 15, 18),
    "ory-java-oag": (374, 15, 100),
    "openai-kotlin-oag": (505, 20, 51),
    "ory-php-oag": (384, 0, 0),
    "ory-ruby-oag": (384, 15, 0),
    "ory-rust-oag": (384, 15, 27),
    "ory-dart-oag": (295, 13, 0),
    "ory-tsfetch-oag": (384, 15, 0),
    "openai-csharp-oag": (505, 0, 0),
    "aspose-pdf-py-swagger": (301, 1, 4),
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(CORPUS_SHAPES))
def test_corpora_read_every_model_and_skip_api_docs(name: str) -> None:
    models, skipped, unsure = CORPUS_SHAPES[name]
    plan = generate(corpus(name))
    assert not [d for d in plan.diagnostics if d.is_error]
    assert (plan.stats.models, plan.stats.skipped) == (models, skipped)
    recorded = [m.dialect for m in plan.tree.models]
    assert recorded.count("openapi-generator") <= unsure
    assert len({d for d in recorded if d != "openapi-generator"}) == 1


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(CORPUS_SHAPES))
def test_corpora_against_their_sdks(name: str) -> None:
    src = corpus(name)
    result = score(name, generate(src).tree.models, str(src))
    assert result.matched_models == result.models > 200
    if name != "ory-tsfetch-oag":  # its pages do not say which keys are required
        assert result.required_share >= 0.995
    assert result.wire_share >= result.best_rule[1]
