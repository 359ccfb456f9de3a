"""An oracle that only accepts is easy to fool: probe every object model negatively.

For every object doc of every corpus: the generated model's fields, requiredness and
coarse types match the doc's table (read here with a reader of its own, not
gen-models'); a valid value validates, and dropping a required key, giving a scalar
field a wrong type, or an enum field an unknown value is rejected.
"""

from __future__ import annotations

import datetime
import enum
import re
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pydantic
import pytest
from helpers import TS_CORPORA, Generated, corpus
from typing_extensions import TypeAliasType

pytestmark = pytest.mark.corpus

WRONG_SCALAR = {"not": ["a scalar"]}
BOGUS = "bogus-enum-value-2f9c"


def table_rows(path: Path) -> list[tuple[str, str, bool]]:
    """(wire name, Type cell, required) of a doc's Fields table, by plain text splitting."""
    rows, in_fields = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            in_fields = line.strip() == "## Fields"
        elif in_fields and line.startswith("|") and not re.fullmatch(r"[|\-\s]+", line):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if cells[0] != "Field":
                rows.append(
                    (cells[0].replace("~~", "").strip("`"), cells[1], cells[2] == ":heavy_check_mark:")
                )
    return rows


def strip_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007 - built at run time
    return annotation


def coarse_match(cell: str, annotation: Any) -> bool:
    """Does an annotation fit a TypeScript Type cell, coarsely (outermost shape, model names)?"""
    cell = cell.replace("\\|", "|")
    origin = typing.get_origin(annotation)
    if cell.endswith("[]"):
        return origin is list
    if cell.startswith("Record<"):
        return origin is dict
    if "|" in cell:
        return origin in (typing.Union, types.UnionType)
    simple = {"*string*": str, "*number*": float, "*boolean*": bool}
    if cell in simple:
        return annotation is simple[cell]
    if cell == "*any*":
        return annotation is Any
    if re.fullmatch(r'\*(".*"|true|false|\d+)\*', cell):
        return origin is typing.Literal
    if "Global_Objects/Date" in cell:
        return annotation is datetime.datetime
    ref = re.fullmatch(r"\[?\*?(?:\w+\.)?(\w+)\*?\]?(?:\(.*\))?", cell)
    assert ref, cell
    name = ref.group(1)
    if origin is typing.Literal:  # a union's tag: the literal of the enum's members
        return all(isinstance(a, enum.Enum) and type(a).__name__ == name for a in typing.get_args(annotation))
    return getattr(annotation, "__name__", None) == name or annotation is Any


def sample(annotation: Any, depth: int = 0, namespace: dict[str, Any] | None = None) -> Any:
    """A valid wire value for an annotation, made from the annotation alone."""
    annotation = strip_none(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, typing.ForwardRef):
        assert namespace is not None
        return sample(eval(annotation.__forward_arg__, namespace), depth, namespace)
    if isinstance(annotation, TypeAliasType):
        return sample(annotation.__value__, depth, vars(sys.modules[annotation.__module__]))
    if origin is typing.Annotated:
        return sample(typing.get_args(annotation)[0], depth, namespace)
    if origin is typing.Literal:
        value = typing.get_args(annotation)[0]
        return value.value if isinstance(value, enum.Enum) else value
    if origin in (typing.Union, types.UnionType):
        return sample(typing.get_args(annotation)[0], depth, namespace)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation)).value
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        if depth > 8:
            raise RecursionError
        annotation.model_rebuild()
        return {
            info.alias or name: sample(info.annotation, depth + 1)
            for name, info in annotation.model_fields.items()
            if info.is_required()
        }
    return {
        str: "x",
        float: 1.5,
        int: 1,
        bool: True,
        datetime.datetime: "2024-01-01T00:00:00Z",
        datetime.date: "2024-01-01",
        bytes: "eA==",
    }.get(annotation)


def probes(model: type[pydantic.BaseModel]) -> list[tuple[str, dict[str, Any], bool]]:
    """(what, value, should it validate) for one model."""
    base = sample(model)
    out: list[tuple[str, dict[str, Any], bool]] = [("a valid value", base, True)]
    for name, info in model.model_fields.items():
        wire = info.alias or name
        inner = strip_none(info.annotation)
        if info.is_required():
            out.append((f"without required {wire!r}", {k: v for k, v in base.items() if k != wire}, False))
        if inner in (str, float, bool, int):
            out.append((f"{wire!r} of a wrong type", {**base, wire: WRONG_SCALAR}, False))
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            is_open = "_missing_" in vars(inner)
            out.append((f"{wire!r} outside its enum", {**base, wire: BOGUS}, is_open))
    return out


def object_models(gen: Generated) -> list[tuple[str, type[pydantic.BaseModel]]]:
    found = []
    for path in sorted(gen.root.rglob("*.py")):
        if path.name.startswith("_"):
            continue
        dotted = ".".join(path.relative_to(gen.root).with_suffix("").parts)
        module = gen.module(dotted)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, pydantic.BaseModel)
                and value.__module__ == module.__name__
            ):
                found.append((dotted, value))
    return found


@pytest.mark.parametrize("name", TS_CORPORA)
def test_models_match_their_doc_tables(name: str, generate_corpus: Callable[[str, str], Generated]) -> None:
    gen = generate_corpus(name, "pydantic")
    checked = 0
    for dotted, model in object_models(gen):
        first_line = (gen.root / (dotted.replace(".", "/") + ".py")).read_text().splitlines()[0]
        source = re.fullmatch(r"# Generated by gen-models from (.+)\.", first_line)
        assert source, first_line
        rows = table_rows(corpus(name) / source.group(1))
        model.model_rebuild()
        fields = {info.alias or n: info for n, info in model.model_fields.items()}
        assert [r[0] for r in rows] == list(fields), dotted
        for wire, cell, required in rows:
            info = fields[wire]
            assert info.is_required() == required, (dotted, wire)
            assert coarse_match(cell, strip_none(info.annotation)), (dotted, wire, cell, info.annotation)
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("name", TS_CORPORA)
def test_models_reject_what_their_docs_forbid(
    name: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    gen = generate_corpus(name, "pydantic")
    data = generate_corpus(name, "dataclass")
    structs = generate_corpus(name, "msgspec")
    counts = {True: 0, False: 0}
    for dotted, model in object_models(gen):
        dataclass_model = getattr(data.module(dotted), model.__name__)
        struct = getattr(structs.module(dotted), model.__name__)
        # msgspec reads a tagged Struct's tag itself, and lets it be absent when the Struct
        # is decoded alone (not as a member of its union): the one probe it accepts.
        tag = getattr(getattr(struct, "__struct_config__", None), "tag_field", None)
        for what, value, valid in probes(model):
            counts[valid] += 1
            try:
                model.model_validate(value)
                pydantic_ok = True
            except pydantic.ValidationError:
                pydantic_ok = False
            try:
                dataclass_model.from_dict(value)
                dataclass_ok = True
            except ValueError:
                dataclass_ok = False
            try:
                msgspec.convert(value, type=struct)
                msgspec_ok = True
            except msgspec.ValidationError:
                msgspec_ok = False
            assert pydantic_ok == valid, f"pydantic {dotted}.{model.__name__}: {what}: {value!r:.200}"
            assert dataclass_ok == valid, f"dataclass {dotted}.{model.__name__}: {what}: {value!r:.200}"
            lenient = tag is not None and what == f"without required {tag!r}"
            assert msgspec_ok == (
                valid or lenient
            ), f"msgspec {dotted}.{model.__name__}: {what}: {value!r:.200}"
    assert counts[False] > 300 and counts[True] > 100, counts
