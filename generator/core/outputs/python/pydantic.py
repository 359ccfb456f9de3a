"""Pydantic v2 models: the reference style.

Object docs become ``BaseModel`` classes whose attributes are snake_case with the wire
name as alias (``populate_by_name`` accepts both). Unions become ``TypeAliasType``
aliases, usable with ``pydantic.TypeAdapter`` and discriminated where the docs allow.
"""

from __future__ import annotations

from typing import NamedTuple

from ... import ir, pysource
from ...options import Options
from . import common, naming
from .annotations import Annotations, attribute_annotation
from .common import FieldView
from .module import Module
from .style import PythonStyle

RESERVED = naming.PYDANTIC_RESERVED


class ClassView(NamedTuple):
    cls: str
    base: str
    docstring: str
    config: str
    """The ``ConfigDict(...)`` expression."""
    fields: tuple[FieldView, ...]


class UnionView(NamedTuple):
    cls: str
    value: str
    """The alias's value: ``Union[...]``, perhaps ``Annotated`` with a discriminator."""
    docstring: str
    alias_type: str
    """The local name of ``TypeAliasType``."""
    recursive: bool
    """The alias refers to itself through aliases only: type checkers get a plain alias."""
    type_checking: str
    type_alias: str
    static_value: str
    """What type checkers read of a recursive alias (:meth:`Annotations.static_union`)."""


def object_view(model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
    types = Annotations(module, options)
    attrs = common.attribute_names(model, module, RESERVED)
    docstrings = options.field_docstrings
    fields = [
        FieldView(
            attr,
            attribute_annotation(field, types, options, tags_as_literals=True),
            _value(field, attr, module, options),
            common.doc(field.description) if docstrings else "",
        )
        for field, attr in zip(model.fields, attrs)
    ]
    extra = options.extra.value
    if model.extra is not None:
        # The doc lists the type of other keys' values: pydantic keeps them, and validates
        # them when the type says more than Any. Pydantic wants exactly ``dict[str, X]``
        # there, which pyright reports as an override of ``dict[str, Any] | None``: the
        # ecosystem's practice is to silence that one check, which is what the file does.
        extra = "allow"
        if model.extra != ir.Primitive(ir.Kind.ANY):
            annotation = f"dict[str, {types.type(model.extra)}]"
            value = f"{module.helper('pydantic', 'Field')}(init=False)"
            fields.append(FieldView("__pydantic_extra__", annotation, value, ""))
            module.type_checker_comment("pyright: reportIncompatibleVariableOverride=false")
    config = [f"populate_by_name=True, extra={pysource.string(extra)}"]
    if any(a.startswith("model_") for a in attrs):
        config.append("protected_namespaces=()")
    return ClassView(
        cls=module.own.cls,
        base=module.helper("pydantic", "BaseModel"),
        docstring=common.doc(model.description),
        config=f"{module.helper('pydantic', 'ConfigDict')}({', '.join(config)})",
        fields=tuple(fields),
    )


def _value(field: ir.Field, attr: str, module: Module, options: Options) -> str:
    """An attribute's value: its default alone, or ``Field(...)`` when there is more to say."""
    if field.default is not None:
        default = common.default_value(field, module, options)
    else:
        default = "" if field.required else "None"
    more = []
    if attr != field.name:
        more.append(f"alias={pysource.string(field.name)}")
    if field.description:
        more.append(f"description={pysource.string(field.description)}")
    if field.deprecated is not None:
        more.append(f"deprecated={pysource.string(field.deprecated) if field.deprecated else 'True'}")
    if field.read_only:
        more.append('json_schema_extra={"readOnly": True}')
    if not more:
        return default
    kwargs = ", ".join([f"default={default}", *more] if default else more)
    return f"{module.helper('pydantic', 'Field')}({kwargs})"


def union_view(model: ir.UnionModel, module: Module, options: Options) -> UnionView:
    types = Annotations(module, options)
    value = types.union_of(model.members)
    if model.discriminator is not None:
        tag = pysource.string(_tag_attribute(model, module))
        annotated, field = module.helper("typing", "Annotated"), module.helper("pydantic", "Field")
        value = f"{annotated}[{value}, {field}(discriminator={tag})]"
    recursive = model.key in module.tree.recursive_aliases
    return UnionView(
        cls=module.own.cls,
        value=value,
        docstring=common.doc(model.description),
        alias_type=module.helper(
            "typing_extensions" if options.target < (3, 12) else "typing", "TypeAliasType"
        ),
        recursive=recursive,
        type_checking=module.helper("typing", "TYPE_CHECKING") if recursive else "",
        type_alias=types.type_alias() if recursive else "",
        static_value=types.static_union(model.members) if recursive else "",
    )


def _tag_attribute(model: ir.UnionModel, module: Module) -> str:
    """The attribute name of the tag field: the discriminator pydantic wants."""
    assert model.discriminator is not None
    member = module.tree.by_key[model.discriminator.values[0][0]]
    assert isinstance(member, ir.ObjectModel)
    attrs = common.attribute_names(member, Module(module.tree, module.names, member), RESERVED)
    return next(a for f, a in zip(member.fields, attrs) if f.name == model.discriminator.field)


class Pydantic(PythonStyle):
    name = "pydantic"
    reserved = RESERVED

    def object_view(self, model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
        return object_view(model, module, options)

    def union_view(self, model: ir.UnionModel, module: Module, options: Options) -> UnionView:
        return union_view(model, module, options)


STYLE = Pydantic()
