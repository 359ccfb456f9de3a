"""Standard-library dataclasses with generated ``from_dict`` / ``to_dict``.

No run-time dependency: loading and dumping go through ``_serde.py``, a small module
gen-models writes at the root of the output package. ``from_dict`` checks what it
loads (types, required keys, enum values) and ``to_dict`` writes back what was read:
an optional field is written when it is not None or was present in the loaded data.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ... import ir, pysource
from ...options import EnumStyle, Options
from ..base import RoundTrip
from . import common, naming
from .annotations import Annotations, takes_none
from .common import FieldView
from .module import Module
from .naming import ModelNames
from .style import PythonStyle

RESERVED = naming.DATACLASS_RESERVED
SUPPORT = "_serde"


class ObjectNames(NamedTuple):
    """Local names of the helpers the object template spells out (attributes, not keys:
    Jinja reads ``n.Any`` as an attribute first, and a dict's key only after an exception)."""

    Any: str
    ClassVar: str
    Mapping: str
    field: str


class UnionNames(NamedTuple):
    """Local names of the helpers the union template spells out."""

    Any: str
    cast: str


class ClassView(NamedTuple):
    cls: str
    decorator: str
    docstring: str
    fields: tuple[FieldView, ...]
    loads: tuple[tuple[str, str], ...]
    """(attribute, expression that loads it from ``data``), for ``from_dict``."""
    wire_names: str
    """A dict literal: attribute name -> wire name."""
    required: str
    """A frozenset literal of the attributes ``to_dict`` always writes."""
    extra: tuple[str, str, str] | None
    """For docs that allow other keys: (attribute, annotation, codec of their values)."""
    serde: str
    names: ObjectNames


class UnionView(NamedTuple):
    cls: str
    value: str
    docstring: str
    type_alias: str
    loader: str
    """The name of the module-level function that loads the union."""
    load: str
    """The expression of the loading codec."""
    dumper: str
    serde: str
    names: UnionNames


def object_view(model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
    types = Annotations(module, options)
    serde = module.support(SUPPORT)
    codecs = Codecs(module, options)
    attrs = common.attribute_names(model, module, RESERVED)
    make = module.helper("dataclasses", "field")
    docstrings = options.field_docstrings
    fields, loads, wire_names, required = [], [], [], []
    for field, attr in zip(model.fields, attrs):
        none = takes_none(field, options)
        annotation = types.nullable(field.type) if none else types.type(field.type)  # no tag literals
        default = "None" if field.default is None else common.default_value(field, module, options)
        if field.must_send:
            value = ""
        elif field.default is not None and isinstance(field.default.value, (list, dict)):
            empty = {"[]": "list", "{}": "dict"}.get(default)  # the type itself makes an empty one
            value = f"{make}(default_factory={empty or f'lambda: {default}'})"
        else:
            value = default
        fields.append(
            FieldView(attr, annotation, value, common.doc(common.described(field)) if docstrings else "")
        )
        wire = pysource.string(field.name)
        if field.must_send:
            call = f"required(data, {wire}, {codecs.of(field.type, nullable=none)})"
        elif field.default is None:
            call = f"optional(data, {wire}, {codecs.of(field.type)})"
        else:
            call = f"defaulted(data, {wire}, {codecs.of(field.type, nullable=none)}, {default})"
        loads.append((attr, f"{serde}.{call}"))
        key = pysource.string(attr)
        wire_names.append(f"{key}: {wire}")
        if field.required:
            required.append(key)
    extra = None
    if model.extra is not None:
        extra_attr = naming.unique(["additional_properties"], set(attrs) | RESERVED)[0]
        extra = (extra_attr, f"dict[str, {types.type(model.extra)}]", codecs.of(model.extra))
    if options.target < (3, 10):  # no kw_only: fields without defaults first
        order = sorted(range(len(fields)), key=lambda i: not model.fields[i].must_send)
        fields = [fields[i] for i in order]
    return ClassView(
        cls=module.own.cls,
        decorator=module.helper("dataclasses", "dataclass")
        + ("(kw_only=True)" if options.target >= (3, 10) else ""),
        docstring=common.doc(model.description),
        fields=tuple(fields),
        loads=tuple(loads),
        wire_names="{" + ", ".join(wire_names) + "}",
        required=f"frozenset({{{', '.join(required)}}})" if required else "frozenset()",
        extra=extra,
        serde=serde,
        names=ObjectNames(*_names(module, ObjectNames._fields)),
    )


def union_view(model: ir.UnionModel, module: Module, options: Options) -> UnionView:
    types = Annotations(module, options)
    serde = module.support(SUPPORT)
    if model.discriminator is not None:
        cases: list[str] = []
        for key, values in model.discriminator.values:
            cases.extend(f"{pysource.literal(v)}: {module.model(key)}.from_dict" for v in values)
        load = f"{serde}.tagged({pysource.string(model.discriminator.field)}, {{{', '.join(cases)}}})"
    else:
        load = Codecs(module, options).of(ir.UnionOf(model.members))
    return UnionView(
        cls=module.own.cls,
        value=types.union_of(model.members),
        docstring=common.doc(model.description),
        type_alias=Annotations(module, options).type_alias(),
        loader=loader_name(module.own.cls),
        load=load,
        dumper=dumper_name(module.own.cls),
        serde=serde,
        names=UnionNames(*_names(module, UnionNames._fields)),
    )


def _snake(cls: str) -> str:
    return naming.snake_case(cls) or "union"


def loader_name(cls: str) -> str:
    """The function that loads a union from wire data: ``Fields`` -> ``fields_from_dict``."""
    return f"{_snake(cls)}_from_dict"


def dumper_name(cls: str) -> str:
    return f"{_snake(cls)}_to_dict"


class Codecs:
    """Expressions of functions (in ``_serde``) that load wire data of a given type."""

    _PRIMITIVES = {
        ir.Kind.STR: "string",
        ir.Kind.INT: "integer",
        ir.Kind.FLOAT: "number",
        ir.Kind.BOOL: "boolean",
        ir.Kind.ANY: "anything",
        ir.Kind.BYTES: "binary",
        ir.Kind.DATETIME: "date_time",
        ir.Kind.DATE: "date_only",
        ir.Kind.NONE: "null",
    }
    _ENUM_VALUES = {"str": "string", "int": "integer", "float": "number", common.MIXED: "anything"}

    def __init__(self, module: Module, options: Options) -> None:
        self.module = module
        self.serde = module.support(SUPPORT)
        self.literal_enums = options.enum_style is EnumStyle.LITERAL

    def of(self, node: ir.TypeNode, nullable: bool = False) -> str:
        text = self._codec(node)
        return f"{self.serde}.nullable({text})" if nullable else text

    def _codec(self, node: ir.TypeNode) -> str:
        serde = self.serde
        if isinstance(node, ir.Primitive):
            return f"{serde}.{self._PRIMITIVES[node.kind]}"
        if isinstance(node, ir.Literal):
            return f"{serde}.literal({pysource.literal(node.value)})"
        if isinstance(node, ir.ArrayOf):
            return f"{serde}.list_of({self._codec(node.item)})"
        if isinstance(node, ir.MapOf):
            return f"{serde}.map_of({self._codec(node.value)})"
        if isinstance(node, ir.UnionOf):
            return f"{serde}.one_of({', '.join(self._codec(m) for m in node.members)})"
        assert node.doc is not None
        module = self.module
        target = module.tree.by_key[node.doc]
        if isinstance(target, ir.ObjectModel):
            return f"{module.model(node.doc)}.from_dict"
        if isinstance(target, ir.EnumModel) and self.literal_enums:
            if target.open:
                return f"{serde}.{self._ENUM_VALUES[common.enum_value_type(target)]}"
            return f"{serde}.literal({', '.join(pysource.literal(m.value) for m in target.members)})"
        if isinstance(target, ir.EnumModel):
            return module.model(node.doc)
        if isinstance(target, ir.UnionModel):
            cls = module.names[node.doc].cls
            return (
                loader_name(cls)
                if node.doc == module.own_key
                else module.from_model(node.doc, loader_name(cls))
            )
        return f"{serde}.anything"


_HELPERS = {
    "Any": "typing",
    "ClassVar": "typing",
    "cast": "typing",
    "Mapping": "collections.abc",
    "field": "dataclasses",
}


def _names(module: Module, wanted: tuple[str, ...]) -> list[str]:
    """Local names of the helpers a template spells out itself."""
    return [module.helper(_HELPERS[name], name) for name in wanted]


class Dataclasses(PythonStyle):
    name = "dataclass"
    reserved = RESERVED
    support = (SUPPORT,)

    def object_view(self, model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
        return object_view(model, module, options)

    def union_view(self, model: ir.UnionModel, module: Module, options: Options) -> UnionView:
        return union_view(model, module, options)

    def exports(self, model: ir.Model, names: ModelNames) -> tuple[str, ...]:
        """A union's module also has its loading and dumping functions."""
        if isinstance(model, ir.UnionModel):
            return (names.cls, loader_name(names.cls), dumper_name(names.cls))
        return (names.cls,)

    def round_trip(self, model: ir.Model, module: Any, cls: str, options: Options) -> RoundTrip:
        """``from_dict`` then ``to_dict``; an enum's value, a union's functions."""
        target = getattr(module, cls)
        if isinstance(model, ir.ObjectModel):
            return lambda v: target.from_dict(v).to_dict()
        if isinstance(model, ir.EnumModel) and options.enum_style is EnumStyle.LITERAL:
            return lambda v: _member_of(v, model)
        if isinstance(model, ir.EnumModel):
            return lambda v: target(v).value
        if isinstance(model, ir.UnionModel):
            load = getattr(module, loader_name(cls))
            dump = getattr(module, dumper_name(cls))
            return lambda v: dump(load(v))
        return lambda v: v


def _member_of(value: Any, model: ir.EnumModel) -> Any:
    if not model.open and value not in [m.value for m in model.members]:
        raise ValueError(f"{value!r} is not one of the enum's values")
    return value


STYLE = Dataclasses()
