"""What the generated models do at run time, on the example docs in input/."""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pytest
from helpers import ROOT, Generated, generated

from generator import Extra, Nulls, generate

DOCS = ROOT / "input" / "speakeasy_ts"


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Generated]:
    cache: dict[tuple[tuple[str, object], ...], Generated] = {}

    def get(**options: object) -> Generated:
        key = tuple(sorted(options.items()))
        if key not in cache:
            cache[key] = generated(DOCS, tmp_path_factory.mktemp("input"), **options)
        return cache[key]

    return get


def test_pages_that_are_not_models_are_skipped_and_counted() -> None:
    plan = generate(DOCS)
    assert plan.stats.skipped == 3  # sdks/links/README.md, lib/utils/retryconfig.md, types/rfcdate.md
    assert plan.stats.docs == plan.stats.models + 3
    assert not any(k.startswith(("sdks/", "lib/", "types/")) for k in (m.key for m in plan.tree.models))


def test_a_doc_with_only_a_heading_is_an_honest_any_with_a_warning(models: Callable[..., Generated]) -> None:
    gen = models()
    assert gen.module("models.components").Blob is Any
    assert any(
        "Blob has no fields" in str(d) and "blob.md:1: warning" in str(d) for d in gen.plan.diagnostics
    )


def test_descriptions_become_docstrings_and_field_descriptions(models: Callable[..., Generated]) -> None:
    sink = models().module("models.components").KitchenSink
    assert inspect.getdoc(sink) == (
        "Every Type cell shape the Speakeasy TypeScript docs use.\nA second line, after a break."
    )
    assert sink.model_fields["count"].description == "A number (JSON numbers: int or float)."
    source = inspect.getsource(sink)
    assert '"""A number (JSON numbers: int or float)."""' in source


def test_wire_names_are_aliases_and_python_names_work_too(models: Callable[..., Generated]) -> None:
    components = models().module("models.components")
    config = components.Config.model_validate(
        {"model_config": "a", "class": "b", "userId": "c", "user_id": "d"}
    )
    assert (config.model_config_, config.class_, config.user_id, config.user_id_2) == ("a", "b", "c", "d")
    assert components.Config(class_="x").class_ == "x"
    dumped = config.model_dump(by_alias=True, exclude_unset=True)
    assert dumped == {"model_config": "a", "class": "b", "userId": "c", "user_id": "d"}


def test_model_names_that_shadow_helpers_work(models: Callable[..., Generated]) -> None:
    components = models().module("models.components")
    field = components.Field.model_validate({"name": "n", "type": "a", "any": {"value": 1}, "list": "s"})
    assert field.type is components.Type.A
    assert field.any == components.Any(value=1)
    assert components.Or(left="x").left == "x"
    assert (models().root / "models" / "components" / "or_.py").exists()
    assert components.Order.__name__ == "Order"


def test_the_same_heading_in_two_directories_is_two_models(models: Callable[..., Generated]) -> None:
    gen = models()
    theirs, mine = gen.module("models.components").Status, gen.module("models.operations").Status
    assert theirs is not mine and issubclass(theirs, str)
    report = gen.module("models.operations").StatusReport.model_validate(
        {"mine": {"component": "active"}, "theirs": "archived"}
    )
    assert isinstance(report.mine, mine) and report.theirs is theirs.ARCHIVED


def test_recursive_models_unions_and_cycles_across_packages(models: Callable[..., Generated]) -> None:
    components = models().module("models.components")
    user = components.User.model_validate(
        {"id": "a", "friends": [{"id": "b"}], "team": {"name": "t", "lead": {"id": "c"}}}
    )
    assert user.friends[0].id == "b" and user.team.lead.id == "c"
    json_value = pydantic.TypeAdapter(components.JsonValue)
    assert json_value.validate_python({"a": [1.5, "x", {"b": True}]}) == {"a": [1.5, "x", {"b": True}]}
    with pytest.raises(pydantic.ValidationError):
        json_value.validate_python({"a": object()})


@pytest.mark.parametrize("first", ["operations", "components", "errors"])
def test_any_import_order_works(models: Callable[..., Generated], first: str) -> None:
    gen = models()
    code = f"import {gen.name}.models.{first}, {gen.name}.models.components as c; c.User.model_validate({{'id': 'x'}})"
    subprocess.run([sys.executable, "-c", code], cwd=gen.base, check=True)


def test_unions_are_discriminated_by_their_tag(models: Callable[..., Generated]) -> None:
    components = models().module("models.components")
    pet = pydantic.TypeAdapter(components.Pet)
    assert isinstance(pet.validate_python({"kind": "dog"}), components.Dog)
    assert isinstance(pet.validate_python({"kind": "cat", "lives": 3}), components.Cat)
    with pytest.raises(
        pydantic.ValidationError, match="union_tag_invalid|does not match any of the expected tags"
    ):
        pet.validate_python({"kind": "cow"})


def test_open_enums_accept_unknown_values(models: Callable[..., Generated]) -> None:
    for style in ("pydantic", "dataclass"):
        code = models(style=style).module("models.operations").ResponseBodyCode
        assert code("timeout") is code.TIMEOUT
        assert code("brand-new").value == "brand-new"
        with pytest.raises(ValueError):
            code(42)
    closed = models().module("models.operations").ResponseBodyCategory
    with pytest.raises(ValueError):
        closed("brand-new")


def test_deprecated_fields_are_kept_and_marked(models: Callable[..., Generated]) -> None:
    order = models().module("models.components").Order(id="1", tagId="t")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert order.tag_id == "t"
    assert any("Use `tags` instead." in str(w.message) for w in caught)
    assert (
        type(order).model_fields["tag_id"].description
        == "Deprecated: Use `tags` instead. The unique ID of the tag."
    )


def test_nulls_policy(models: Callable[..., Generated]) -> None:
    data: dict[str, Any] = {"code": "not_found", "message": None, "docUrl": None}
    lenient = models().module("models.errors").NotFoundError
    assert lenient.model_validate(data).message is None
    strict = models(nulls=Nulls.STRICT).module("models.errors").NotFoundError
    with pytest.raises(pydantic.ValidationError):
        strict.model_validate(data)
    with pytest.raises(pydantic.ValidationError):  # a literal never takes null
        lenient.model_validate({"code": None, "message": "m", "docUrl": "u"})
    with pytest.raises(pydantic.ValidationError):  # null is no excuse for a missing key
        lenient.model_validate({"code": "not_found", "message": "m"})


@pytest.mark.parametrize("extra", list(Extra))
def test_the_extra_keys_switch(models: Callable[..., Generated], extra: Extra) -> None:
    user = models(extra=extra).module("models.components").User
    data = {"id": "a", "unknown": 1}
    if extra is Extra.FORBID:
        with pytest.raises(pydantic.ValidationError):
            user.model_validate(data)
    else:
        dumped = user.model_validate(data).model_dump(by_alias=True, exclude_unset=True)
        assert dumped == (data if extra is Extra.ALLOW else {"id": "a"})


def test_typeddict_required_keys_are_right_at_run_time(models: Callable[..., Generated]) -> None:
    gen = models(style="typeddict")
    components = gen.module("models.components")
    assert components.KitchenSink.__required_keys__ == {"name", "count", "kind"}
    assert "createdAt" in components.KitchenSink.__optional_keys__
    assert components.Config.__required_keys__ == frozenset()
    assert {"class", "x-request-id", "userId"} <= components.Config.__optional_keys__
    assert gen.module("models.operations").Team.__required_keys__ == {"name"}
    assert not any("from __future__" in p.read_text() for p in gen.root.rglob("*.py"))


def test_dataclasses_load_and_dump_wire_data(models: Callable[..., Generated]) -> None:
    gen = models(style="dataclass")
    components = gen.module("models.components")
    data = {"id": "u1", "friends": [{"id": "u2"}], "team": {"name": "t", "lead": {"id": "u3"}}}
    user = components.User.from_dict(data)
    assert user.friends[0].id == "u2" and user.team.lead.id == "u3"
    assert user.to_dict() == data
    pet = components.pet_from_dict({"kind": "dog", "goodBoy": True})
    assert isinstance(pet, components.Dog) and pet.kind is components.DogKind.DOG
    assert components.pet_to_dict(pet) == {"kind": "dog", "goodBoy": True}
    with pytest.raises(ValueError, match="missing required key 'id'"):
        components.User.from_dict({"friends": []})


def test_dataclass_style_needs_nothing_outside_the_standard_library(models: Callable[..., Generated]) -> None:
    gen = models(style="dataclass")
    blocker = "import sys; [sys.modules.__setitem__(m, None) for m in ('pydantic', 'typing_extensions')]"
    code = f"{blocker}; import {gen.name}.models.components as c; print(c.User.from_dict({{'id': 'x'}}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=gen.base, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "User(id='x'" in result.stdout


def test_every_file_has_the_header(models: Callable[..., Generated]) -> None:
    for style in ("pydantic", "dataclass", "typeddict"):
        root: Path = models(style=style).root
        for path in root.rglob("*.py"):
            first, second = path.read_text().splitlines()[:2]
            assert first.startswith("# Generated by gen-models"), path
            assert second == "# Do not edit: change the docs and run gen-models again.", path
