"""The msgspec style at run time: Structs load and dump wire data as the docs say.

On the example docs in input/ and on a small tree written here, whose unions msgspec
cannot all decode by itself: a tagged union, unions the docs discriminate that msgspec
cannot tag (a member tagged by two fields, a member with two tag values), an untagged
union of objects, a recursive alias and an inline ``string | Date``.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from helpers import ROOT, Generated, generated

from generator import Extra, Options, Style, generate
from generator.app.verify import verify_examples
from generator.core.options import EnumStyle

DOCS = ROOT / "input" / "speakeasy_ts"
DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"


def _object(name: str, *rows: str) -> str:
    table = "\n".join(rows)
    return f"# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n{table}\n"


def _union(name: str, *members: str) -> str:
    cases = "\n".join(
        f"### `components.{m}`\n\n```typescript\nconst value: components.{m} = {{}};\n```\n" for m in members
    )
    return f"# {name}\n\n## Supported Types\n\n{cases}"


def _ref(name: str) -> str:
    return f"[components.{name}](../../models/components/{name.lower()}.md)"


UNIONS = {
    "cat.md": _object(
        "Cat",
        '| `kind` | *"cat"* | :heavy_check_mark: | N/A |',
        '| `sound` | *"meow"* | :heavy_check_mark: | N/A |',
        "| `lives` | *number* | :heavy_minus_sign: | N/A |",
    ),
    "dog.md": _object(
        "Dog",
        '| `kind` | *"dog"* | :heavy_check_mark: | N/A |',
        "| `goodBoy` | *boolean* | :heavy_minus_sign: | N/A |",
    ),
    "hamster.md": _object("Hamster", '| `kind` | *"hamster"* | :heavy_check_mark: | N/A |'),
    "robot.md": _object("Robot", '| `sound` | *"beep"* | :heavy_check_mark: | N/A |'),
    "mutt.md": _object("Mutt", '| `kind` | *"mutt"* \\| *"mix"* | :heavy_check_mark: | N/A |'),
    "fish.md": _object("Fish", "| `fins` | *number* | :heavy_check_mark: | N/A |"),
    "bird.md": _object(
        "Bird",
        "| `wings` | *number* | :heavy_check_mark: | N/A |",
        "| `name` | *string* | :heavy_minus_sign: | N/A |",
    ),
    "pet.md": _union("Pet", "Dog", "Hamster"),
    "felines.md": _union("Felines", "Cat", "Dog"),
    "noisy.md": _union("Noisy", "Cat", "Robot"),
    "mutts.md": _union("Mutts", "Mutt", "Dog"),
    "animal.md": _union("Animal", "Fish", "Bird"),
    "solo.md": _union("Solo", "Fish"),
    "jsonvalue.md": (DOCS / "models" / "components" / "jsonvalue.md").read_text(),
    "shelter.md": _object(
        "Shelter",
        f"| `pet` | {_ref('Pet')} | :heavy_check_mark: | A tagged union. |",
        f"| `noisy` | {_ref('Noisy')}[] | :heavy_minus_sign: | Cannot be tagged. |",
        f"| `animal` | {_ref('Animal')} | :heavy_minus_sign: | Untagged. |",
        f"| `mutts` | {_ref('Mutts')} | :heavy_minus_sign: | Two tag values. |",
        f"| `data` | {_ref('JsonValue')} | :heavy_minus_sign: | Recursive. |",
        f"| `when` | *string* \\| {DATE} | :heavy_minus_sign: | Two str-like members. |",
        f"| `solo` | {_ref('Solo')} | :heavy_minus_sign: | One member. |",
    ),
}


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Generated]:
    cache: dict[tuple[tuple[str, object], ...], Generated] = {}

    def get(**options: object) -> Generated:
        key = tuple(sorted(options.items()))
        if key not in cache:
            source = options.pop("source", DOCS)
            assert isinstance(source, Path)
            cache[key] = generated(source, tmp_path_factory.mktemp("msgspec"), style="msgspec", **options)
        return cache[key]

    return get


@pytest.fixture(scope="module")
def unions_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    components = root / "models" / "components"
    components.mkdir(parents=True)
    for name, text in UNIONS.items():
        (components / name).write_text(text)
    return root


@pytest.fixture(scope="module")
def shelter(models: Callable[..., Generated], unions_docs: Path) -> Any:
    return models(source=unions_docs).module("models.components")


def test_absent_and_null_stay_apart(models: Callable[..., Generated]) -> None:
    sink = models().module("models.components").KitchenSink
    data = {"name": None, "count": 1.5, "kind": "sink", "enabled": None, "createdAt": "2024-05-01T10:00:00Z"}
    loaded = msgspec.convert(data, type=sink)
    assert loaded.enabled is None and loaded.tags is msgspec.UNSET
    assert loaded.created_at == datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.timezone.utc)
    assert msgspec.to_builtins(loaded) == data
    assert msgspec.json.decode(msgspec.json.encode(loaded), type=sink) == loaded


def test_wire_names_are_field_names(models: Callable[..., Generated]) -> None:
    config = models().module("models.components").Config
    data = {
        "model_config": "a",
        "class": "b",
        "userId": "c",
        "user_id": "d",
        "x-request-id": "e",
        "2fa": True,
    }
    loaded = msgspec.convert(data, type=config)
    assert (loaded.class_, loaded.user_id, loaded.user_id_2, loaded.x_request_id) == ("b", "c", "d", "e")
    assert msgspec.to_builtins(loaded) == data
    assert msgspec.to_builtins(config(class_="x")) == {"class": "x"}


def test_what_the_docs_forbid_is_rejected(models: Callable[..., Generated]) -> None:
    components = models().module("models.components")
    operations = models().module("models.operations")
    with pytest.raises(msgspec.ValidationError, match="missing required field `name`"):
        msgspec.convert({"count": 1, "kind": "sink"}, type=components.KitchenSink)
    with pytest.raises(msgspec.ValidationError, match="Expected `float | null`"):
        msgspec.convert({"name": "n", "count": "1", "kind": "sink"}, type=components.KitchenSink)
    with pytest.raises(msgspec.ValidationError, match="Invalid enum value 'brand-new'"):
        msgspec.convert({"component": "brand-new"}, type=operations.Status)
    with pytest.raises(msgspec.ValidationError):  # a literal never takes null
        msgspec.convert({"name": "n", "count": 1, "kind": None}, type=components.KitchenSink)


def test_enums_open_and_closed(models: Callable[..., Generated]) -> None:
    operations = models().module("models.operations")
    code = operations.ResponseBodyCode
    assert msgspec.convert("timeout", type=code) is code.TIMEOUT
    assert msgspec.convert("brand-new", type=code).value == "brand-new"
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert(42, type=code)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert("brand-new", type=operations.ResponseBodyCategory)
    literal = models(enum_style=EnumStyle.LITERAL).module("models.operations")
    assert msgspec.convert("brand-new", type=literal.ResponseBodyCode) == "brand-new"
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert("brand-new", type=literal.ResponseBodyCategory)


def test_a_discriminated_union_is_tagged(models: Callable[..., Generated]) -> None:
    gen = models()
    components = gen.module("models.components")
    unions = gen.module("_unions")
    dog = unions.load({"kind": "dog", "goodBoy": True}, components.Pet)
    assert isinstance(dog, components.Dog) and dog.good_boy is True and dog.kind == "dog"
    assert msgspec.to_builtins(dog) == {"kind": "dog", "goodBoy": True}
    assert components.Dog.__struct_config__.tag_field == "kind"
    with pytest.raises(msgspec.ValidationError):
        unions.load({"kind": "cow"}, components.Pet)


def test_unions_msgspec_cannot_tag_are_tried_in_turn(shelter: Any) -> None:
    data: dict[str, Any] = {
        "pet": {"kind": "hamster"},
        "noisy": [{"kind": "cat", "sound": "meow", "lives": 9}, {"sound": "beep"}],
        "animal": {"wings": 2, "name": "tweety"},
        "mutts": {"kind": "mix"},
        "data": {"a": [1.5, "x", {"b": True}]},
        "when": "2024-01-01T00:00:00Z",
    }
    loaded = msgspec.json.decode(msgspec.json.encode(data), type=shelter.Shelter)
    assert isinstance(loaded.pet, shelter.Hamster)
    assert [type(n) for n in loaded.noisy] == [shelter.Cat, shelter.Robot]
    assert isinstance(loaded.animal, shelter.Bird) and loaded.animal.name == "tweety"
    assert isinstance(loaded.mutts, shelter.Mutt) and loaded.mutts.kind == "mix"
    assert loaded.data == data["data"] and loaded.when == data["when"]
    assert msgspec.to_builtins(loaded) == data
    assert isinstance(
        msgspec.convert({**data, "animal": {"fins": 3}}, type=shelter.Shelter).animal, shelter.Fish
    )
    solo = msgspec.convert({**data, "solo": {"fins": 1}}, type=shelter.Shelter).solo  # msgspec reads it
    assert isinstance(solo, shelter.Fish)
    built = shelter.Shelter(pet=shelter.Dog(), animal=shelter.Fish(fins=1))  # instances pass through
    assert isinstance(built.animal, shelter.Fish)
    with pytest.raises(msgspec.ValidationError, match="fits no member"):
        msgspec.convert({"pet": {"kind": "dog"}, "animal": {"legs": 4}}, type=shelter.Shelter)
    with pytest.raises(msgspec.ValidationError, match="fits no member"):
        msgspec.convert({"pet": {"kind": "dog"}, "data": {"a": object()}}, type=shelter.Shelter)


def test_tags_msgspec_cannot_express_are_said(models: Callable[..., Generated], unions_docs: Path) -> None:
    root = models(source=unions_docs).root / "models" / "components"
    assert 'tag_field="kind", tag="hamster"' in (root / "hamster.py").read_text()
    assert "tag_field" not in (root / "cat.py").read_text()  # tagged by `kind` and by `sound`
    assert "a member is tagged differently in another union" in (root / "noisy.py").read_text()
    assert "Mutt has 2 tag values" in (root / "mutts.py").read_text()
    assert "msgspec cannot tell these members apart" in (root / "animal.py").read_text()
    shelter = (root / "shelter.py").read_text()
    assert '@_unions.loads("noisy", "animal", "mutts", "data", "when")' in shelter
    assert "pet: Pet | None\n" in shelter  # msgspec decodes the tagged union itself


def test_catch_alls(models: Callable[..., Generated]) -> None:
    snake = models(
        source=ROOT / "input" / "speakeasy_ts_snake",
        name_map=str(ROOT / "input" / "speakeasy_ts_snake" / "name-map.toml"),
    )
    components = snake.module("models.components")
    assert components.CustomFields == dict[str, float]  # no fields, any key: a map keeps them all
    assert msgspec.convert({"shoeSize": 42}, type=components.CustomFields) == {"shoeSize": 42.0}
    python = models(source=ROOT / "input" / "speakeasy_python").module("models")
    metadata = msgspec.convert({"source": "s", "other": 1}, type=python.Metadata)  # Structs drop the rest
    assert msgspec.to_builtins(metadata) == {"source": "s"}
    assert "msgspec drops them when decoding" in (python.Metadata.__doc__ or "")
    user = models(extra=Extra.FORBID).module("models.components").User
    with pytest.raises(msgspec.ValidationError, match="unknown field `unknown`"):
        msgspec.convert({"id": "a", "unknown": 1}, type=user)


def test_python_docs(models: Callable[..., Generated]) -> None:
    models_ = models(source=ROOT / "input" / "speakeasy_python").module("models")
    data = {"id": "u", "display_name": None, "status": "active", "score": None, "kind": "brand-new"}
    user = msgspec.convert(data, type=models_.User)
    assert user.object == "user" and user.age is msgspec.UNSET and user.score is None
    assert msgspec.to_builtins(user) == {**data, "object": "user"}
    with pytest.raises(msgspec.ValidationError, match="missing required field `display_name`"):
        msgspec.convert({"id": "u", "status": "active"}, type=models_.User)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({**data, "age": None}, type=models_.User)  # may be absent, not null


@pytest.mark.parametrize("first", ["operations", "components", "errors"])
def test_any_import_order_works(models: Callable[..., Generated], first: str) -> None:
    gen = models()
    code = (
        f"import msgspec, {gen.name}.models.{first}, {gen.name}.models.components as c; "
        "u = msgspec.convert({'id': 'x', 'team': {'name': 't', 'lead': {'id': 'y'}}}, type=c.User); "
        "assert u.team.lead.id == 'y'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=gen.base, check=True)


def test_every_module_imports_first(models: Callable[..., Generated], unions_docs: Path) -> None:
    gen = models(source=unions_docs)
    for path in sorted(gen.root.rglob("*.py")):
        dotted = ".".join(path.relative_to(gen.base).with_suffix("").parts).removesuffix(".__init__")
        code = f"import {dotted}, msgspec, {gen.name}.models.components as c; msgspec.json.Decoder(c.Shelter)"
        subprocess.run([sys.executable, "-c", code], cwd=gen.base, check=True)


def test_the_example_docs_verify() -> None:
    for source, options in [
        ("speakeasy_ts", Options(style=Style.MSGSPEC)),
        ("speakeasy_ts", Options(style=Style.MSGSPEC, enum_style=EnumStyle.LITERAL)),
        (
            "speakeasy_ts_snake",
            Options(style=Style.MSGSPEC, name_map=str(ROOT / "input/speakeasy_ts_snake/name-map.toml")),
        ),
    ]:
        report = verify_examples(ROOT / "input" / source, options)
        assert report.checked >= 4 and report.passed == report.checked, [p for _, p in report.results if p]


def test_target_versions(tmp_path: Path) -> None:
    old = generate(DOCS, Options(style=Style.MSGSPEC, target=(3, 9)))
    sink = old.files["models/components/kitchen_sink.py"]
    assert "Union[Optional[list[str]], UnsetType] = UNSET" in sink and " | " not in sink
    assert "class KitchenSink(Struct, kw_only=True)" in sink  # msgspec's kw_only, not dataclasses'


@pytest.mark.typecheck
@pytest.mark.parametrize("target", [(3, 9), (3, 10), (3, 13)])
def test_generated_code_type_checks(
    models: Callable[..., Generated], unions_docs: Path, target: tuple[int, int], tmp_path: Path
) -> None:
    for gen in (models(target=target), models(source=unions_docs, target=target)):
        config = tmp_path / "mypy.ini"
        config.write_text("[mypy]\nstrict = True\n")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--config-file",
                str(config),
                "--python-version",
                f"{target[0]}.{target[1]}",
                "--cache-dir",
                str(tmp_path / ".mypy_cache"),
                "-p",
                gen.name,
            ],
            cwd=gen.base,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
