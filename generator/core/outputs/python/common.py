"""The views every style shares: enums, opaque models, fields, headers and docstrings."""

from __future__ import annotations

import functools
from typing import NamedTuple

from ... import ir, pysource
from ...options import EnumStyle, Options
from ...resources import HEADER
from . import naming
from .annotations import Annotations
from .module import Imports, Module


class FieldView(NamedTuple):
    """One attribute (or TypedDict key): ``attr: annotation = value`` and its docstring."""

    attr: str
    annotation: str
    value: str
    docstring: str


class EnumView(NamedTuple):
    cls: str
    bases: str
    docstring: str
    members: tuple[tuple[str, str], ...]
    """(member name, value literal)."""
    open: bool
    value_type: str
    """What unknown values of an open enum must be (``str``, ``int``, ``(str, int, float)``)."""
    new_member: str
    """The expression that makes a member for an unknown value."""
    missing_type: str
    """The return annotation of ``_missing_``: quoted where annotations are evaluated (the
    class is not defined yet when it is read)."""


class AliasView(NamedTuple):
    """A type alias: an opaque model (``Any``) or a union."""

    cls: str
    value: str
    docstring: str
    type_alias: str
    """The local name of ``TypeAlias``."""


class ModuleView(NamedTuple):
    """What every template gets: the header lines, the imports and the model's view."""

    header: tuple[str, ...]
    imports: Imports
    model: object


def header(source: str | None) -> tuple[str, ...]:
    origin = f" from {pysource.comment(source)}" if source else ""
    return (f"{HEADER}{origin}.", "Do not edit: change the docs and run gen-models again.")


def doc(text: str) -> str:
    return pysource.docstring(text) if text else ""


def field_doc(text: str, options: Options) -> str:
    """An attribute's docstring, unless ``--no-field-docstrings``."""
    return doc(text) if options.field_docstrings else ""


def described(field: ir.Field, default: bool = False) -> str:
    """A field's description, led by what the style cannot say in code: that it is deprecated
    or read-only, and (with ``default``) its default."""
    notes = []
    if field.deprecated is not None and not field.description.startswith("Deprecated"):
        notes.append(f"Deprecated: {field.deprecated}" if field.deprecated else "Deprecated.")
    if field.read_only:
        notes.append("Read-only: set by the server.")
    if default and field.default is not None:
        notes.append(f"Default: {pysource.literal(field.default.value)}.")
    return "\n\n".join(notes + ([field.description] if field.description else []))


def values_in_words(node: ir.TypeNode, module: Module, options: Options) -> str:
    """A type as a docstring names it (``dict[str, Y]``): from a scratch module, so that
    naming it imports nothing into this one."""
    scratch = Module(module.tree, module.names, module.tree.by_key[module.own_key], module.postponed)
    return Annotations(scratch, options).type(node)


def default_value(field: ir.Field, module: Module, options: Options) -> str:
    """A field's default as Python: the enum member for a member's value (``Status.SOLD``,
    the enum imported at the module's top), else the value's literal (an enum of
    ``--enum-style literal`` is its values)."""
    assert field.default is not None
    value = field.default.value
    if field.default.member and options.enum_style is EnumStyle.ENUM:
        nodes = field.type.members if isinstance(field.type, ir.UnionOf) else (field.type,)
        for node in nodes:
            if isinstance(node, ir.Ref) and node.doc is not None:
                enum = module.tree.target(node)
                if isinstance(enum, ir.EnumModel):
                    names = naming.enum_member_names(enum)
                    member = next(n for m, n in zip(enum.members, names) if m.value == value)
                    return f"{module.model_now(enum.key)}.{member}"
    return pysource.literal(value)


def attribute_names(model: ir.ObjectModel, module: Module, reserved: frozenset[str]) -> list[str]:
    """Python attribute names for a model's fields: snake_case, safe, distinct, in doc order.

    The names are :func:`generator.naming.attribute_name`'s with the style's reserved
    names and the module's model names avoided. A name made with the reserved names
    alone (cached: they are the style's) stands unless it is a model name, for avoiding
    more names can only change a name that is one of them.
    """
    models = module.model_names
    attrs = []
    for field in model.fields:
        attr = _attribute_name(field.shown, reserved)
        attrs.append(naming.attribute_name(field.shown, reserved | models) if attr in models else attr)
    if len(set(attrs)) < len(attrs) or not (reserved.isdisjoint(attrs) and models.isdisjoint(attrs)):
        return naming.unique(attrs, reserved | models)
    return attrs  # distinct and free already: naming.unique would keep them as they are


@functools.lru_cache(maxsize=65536)
def _attribute_name(wire: str, reserved: frozenset[str]) -> str:
    return naming.attribute_name(wire, reserved)


def enum_view(model: ir.EnumModel, module: Module, options: Options) -> EnumView:
    value_type = enum_value_type(model)
    names = naming.enum_member_names(model)
    members = tuple((n, pysource.literal(m.value)) for n, m in zip(names, model.members))
    own = module.own.cls
    enum = module.helper("enum", "Enum")
    mixed = value_type == MIXED
    return EnumView(
        cls=own,
        # Values of several types (``"low"``, ``1``): a plain Enum keeps each value's type.
        bases=enum if mixed else f"{value_type}, {enum}",
        docstring=doc(model.description),
        members=members,
        open=model.open,
        value_type="(str, int, float)" if mixed else value_type,
        new_member="object.__new__(cls)" if mixed else f"{value_type}.__new__(cls, value)",
        missing_type=_missing_type(own, module, options) if model.open else "",
    )


def _missing_type(own: str, module: Module, options: Options) -> str:
    """The return annotation of an open enum's ``_missing_``: the class or None, quoted unless
    annotations are postponed (the class is not defined yet where it is read)."""
    text = f"{own} | None" if options.target >= (3, 10) else f"{module.helper('typing', 'Optional')}[{own}]"
    return text if module.postponed else pysource.string(text)


def literal_enum_view(model: ir.EnumModel, module: Module, options: Options) -> AliasView:
    """``--enum-style literal``: ``Color = Literal["red", "blue"]`` (an open enum adds ``| str``)."""
    types = Annotations(module, options)
    value = f"{types.typing('Literal')}[{', '.join(pysource.literal(m.value) for m in model.members)}]"
    if model.open:
        value_type = enum_value_type(model)
        others = "str, int, float" if value_type == MIXED else value_type
        value = (
            f"{value} | {others.replace(', ', ' | ')}"
            if types.pep604
            else f"{types.typing('Union')}[{value}, {others}]"
        )
    return AliasView(
        cls=module.own.cls, value=value, docstring=doc(model.description), type_alias=types.type_alias()
    )


MIXED = "mixed"


def enum_value_type(model: ir.EnumModel) -> str:
    """``str``, ``int`` or ``float``: the type of an enum's values (and of unknown ones, if
    open); :data:`MIXED` for strings and numbers together."""
    if all(isinstance(m.value, int) for m in model.members):
        return "int"
    if all(isinstance(m.value, (int, float)) for m in model.members):
        return "float"
    return "str" if all(isinstance(m.value, str) for m in model.members) else MIXED


def opaque_view(model: ir.OpaqueModel, module: Module, options: Options) -> AliasView:
    note = "The docs do not say what this model holds: any value is accepted."
    text = f"{model.description}\n\n{note}" if model.description else note
    return AliasView(
        cls=module.own.cls,
        value=module.helper("typing", "Any"),
        docstring=doc(text),
        type_alias=Annotations(module, options).type_alias(),
    )
