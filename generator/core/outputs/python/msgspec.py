"""msgspec Structs: ``class X(Struct, kw_only=True)``, wire names through ``field(name=...)``.

A key that may be absent is ``T | UnsetType = UNSET`` (a nullable one ``T | None | UnsetType``),
so absent and null stay apart, and ``msgspec.to_builtins`` writes back only what was set.
A required key has no default; a default from the docs is a literal (a list or a map
through ``default_factory``).

msgspec decodes a union only if it can tell the members apart by their JSON type, or by
a tag: a union the docs discriminate becomes ``tag_field=`` / ``tag=`` on its members
(:mod:`.tags`), the tag a ``ClassVar`` on each (msgspec writes the tag, and checks it
when it is there: a member decoded alone, not through its union, may leave it out). A
field of a type msgspec cannot decode (a union of untagged Structs, a recursive alias...)
is decoded as ``Any`` and loaded in ``__post_init__`` by ``_unions``, a module gen-models
writes at the root of the package (:mod:`.unions`), which tries the members in turn
(:mod:`.decodable` says which types need it). A union alias is the union for type
checkers and, at run time, its members as references into its module: read them with
``_unions.load(data, Alias)``.

msgspec keeps no keys a Struct does not declare: a doc's catch-all is a note in the class
docstring, ``--extra allow`` behaves as ``ignore``, and ``--extra forbid`` is
``forbid_unknown_fields=True`` (except on models whose docs allow other keys). A doc that
lists no keys and allows any is a ``dict[str, X]`` alias, which keeps them all. A wire name
msgspec refuses (a backslash, a double quote, a control character) is left out, with a note.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ... import ir, pysource
from ...options import Extra, Options
from ..base import RoundTrip
from . import common
from .annotations import Annotations, is_nullable
from .common import FieldView
from .decodable import decodable
from .module import Module
from .style import PythonStyle
from .tags import tagging

SUPPORT = "_unions"
RESERVED: frozenset[str] = frozenset()
"""Struct's own names are all dunders (``__struct_fields__``...), which attribute names never are."""


class TagView(NamedTuple):
    """A tagged member's tag field: a ``ClassVar`` (msgspec reads and writes the tag itself)."""

    attr: str
    annotation: str
    value: str
    docstring: str


class ClassView(NamedTuple):
    cls: str
    decorator: str
    """``_unions.loads("a", "b")`` for a Struct with fields msgspec decodes as ``Any``, or ""."""
    bases: str
    """``Struct, kw_only=True`` and the other class keywords."""
    docstring: str
    tag: TagView | None
    fields: tuple[FieldView, ...]
    post_init: str
    """The function ``__post_init__`` calls to load those fields, or ""."""
    map: str
    """For a doc that lists no keys and allows any: ``dict[str, X]``, the model's value (an
    alias, not a Struct, which would drop every key); else ""."""
    type_alias: str


class UnionView(NamedTuple):
    cls: str
    value: str
    """The alias's value for type checkers."""
    runtime: str
    """The alias's value at run time: ``_unions.union(__name__, "Member", ...)``."""
    docstring: str
    type_alias: str
    type_checking: str


def object_view(model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
    types = Annotations(module, options)
    if model.extra is not None and not model.fields and not _names_a_model(model.extra):
        return _map_view(model, module, types)
    tag = tagging(module.tree).members.get(model.key)
    native = decodable(module.tree, options)
    attrs = common.attribute_names(model, module, RESERVED)
    keywords = ["kw_only=True"]
    if tag is not None:
        keywords += [f"tag_field={pysource.string(tag[0])}", f"tag={pysource.literal(tag[1])}"]
    if options.extra is Extra.FORBID and model.extra is None:
        keywords.append("forbid_unknown_fields=True")
    fields: list[FieldView] = []
    loaded: list[str] = []
    unnamed: list[str] = []
    tag_view = None
    for field, attr in zip(model.fields, attrs):
        if attr != field.name and not nameable(field.name):
            unnamed.append(pysource.literal(field.name))
            continue
        docstring = common.field_doc(common.described(field), options)
        if tag is not None and field.name == tag[0]:
            if "ClassVar" not in module.model_names:  # msgspec knows a ClassVar by its name
                value = pysource.literal(tag[1])
                annotation = f"{module.helper('typing', 'ClassVar')}[{types.typing('Literal')}[{value}]]"
                tag_view = TagView(attr, annotation, value, docstring)
            continue
        value = _value(field, attr, module, options)
        fields.append(FieldView(attr, _annotation(field, types, options), value, docstring))
        if not native.type(field.type):
            loaded.append(attr)
    docstring = model.description
    if model.extra is not None:
        values = common.values_in_words(model.extra, module, options)
        note = (
            f"Keys the docs do not list are allowed too (values: {values});"
            " msgspec drops them when decoding."
        )
        docstring = f"{docstring}\n\n{note}" if docstring else note
    if unnamed:
        note = (
            f"msgspec cannot name a field {', '.join(unnamed)} (a wire name with a backslash, a double "
            "quote or a control character): the key is left out, and dropped when decoding."
        )
        docstring = f"{docstring}\n\n{note}" if docstring else note
    unions = module.support(SUPPORT) if loaded else ""
    return ClassView(
        cls=module.own.cls,
        decorator=f"{unions}.loads({', '.join(map(pysource.string, loaded))})" if loaded else "",
        bases=", ".join([module.helper("msgspec", "Struct"), *keywords]),
        docstring=common.doc(docstring),
        tag=tag_view,
        fields=tuple(fields),
        post_init=f"{unions}.load_fields" if loaded else "",
        map="",
        type_alias="",
    )


def _names_a_model(node: ir.TypeNode) -> bool:
    """A map alias is evaluated at import, before the models it names are imported."""
    return any(isinstance(n, ir.Ref) for n in ir.walk(node))


def _map_view(model: ir.ObjectModel, module: Module, types: Annotations) -> ClassView:
    """A doc of no fields whose keys are all other keys: a map, which keeps them."""
    assert model.extra is not None
    note = "The docs list no keys, and allow any: a map."
    docstring = f"{model.description}\n\n{note}" if model.description else note
    return ClassView(
        cls=module.own.cls,
        decorator="",
        bases="",
        docstring=common.doc(docstring),
        tag=None,
        fields=(),
        post_init="",
        map=f"dict[str, {types.type(model.extra)}]",
        type_alias=types.type_alias(),
    )


def nameable(wire: str) -> bool:
    """msgspec takes the wire name as a field's name (it refuses ``\\``, ``"`` and controls)."""
    return not any(c in '\\"' or c < " " for c in wire)


def _annotation(field: ir.Field, types: Annotations, options: Options) -> str:
    """The type, ``| None`` if the value may be null, ``| UnsetType`` if the key may be absent."""
    none = is_nullable(field, options) or (field.default is not None and field.default.value is None)
    text = types.nullable(field.type) if none else types.type(field.type)
    if field.required or field.default is not None:
        return text
    unset = types.module.helper("msgspec", "UnsetType")
    return f"{text} | {unset}" if types.pep604 else f"{types.typing('Union')}[{text}, {unset}]"


def _value(field: ir.Field, attr: str, module: Module, options: Options) -> str:
    """What follows ``=``: a default, ``UNSET``, or ``field(...)`` with the wire name."""
    keywords = []
    if field.default is not None:
        value = field.default.value
        if isinstance(value, (list, dict)):
            factory = type(value).__name__ if not value else f"lambda: {pysource.literal(value)}"
            keywords.append(f"default_factory={factory}")
        else:
            keywords.append(f"default={common.default_value(field, module, options)}")
    elif not field.required:
        keywords.append(f"default={module.helper('msgspec', 'UNSET')}")
    if attr != field.name:
        keywords.append(f"name={pysource.string(field.name)}")
    elif len(keywords) == 1 and keywords[0].startswith("default="):
        return keywords[0].removeprefix("default=")
    return f"{module.helper('msgspec', 'field')}({', '.join(keywords)})" if keywords else ""


def union_view(model: ir.UnionModel, module: Module, options: Options) -> UnionView:
    types = Annotations(module, options)
    note = _union_note(model, module, options)
    docstring = f"{model.description}\n\n{note}" if model.description and note else model.description or note
    members = ", ".join(pysource.string(m) for m in _member_texts(model.members, types))
    return UnionView(
        cls=module.own.cls,
        value=_static(model, types),
        runtime=f"{module.support(SUPPORT)}.union(__name__, {members})",
        docstring=common.doc(docstring),
        type_alias=types.type_alias(),
        type_checking=module.helper("typing", "TYPE_CHECKING"),
    )


def _static(model: ir.UnionModel, types: Annotations) -> str:
    """The union for type checkers (under ``if TYPE_CHECKING:``, never run: no member
    needs quotes)."""
    return types.static_union(model.members)


def _member_texts(members: tuple[ir.TypeNode, ...], types: Annotations) -> list[str]:
    """Each member's annotation; literals fold into one ``Literal[...]`` where the first stands."""
    literals = [pysource.literal(m.value) for m in members if isinstance(m, ir.Literal)]
    texts = []
    for member in members:
        if not isinstance(member, ir.Literal):
            texts.append(types.type(member))
        elif literals:
            texts.append(f"{types.typing('Literal')}[{', '.join(literals)}]")
            literals = []
    return texts


def _union_note(model: ir.UnionModel, module: Module, options: Options) -> str:
    """What the docstring says when msgspec cannot decode the union by itself."""
    refused = tagging(module.tree).refused.get(model.key)
    if refused is not None:
        assert model.discriminator is not None
        return (
            f"The docs tell the members apart by `{model.discriminator.field}`, but msgspec cannot tag "
            f"them ({refused}): a field of this type is loaded by trying the members in turn."
        )
    if decodable(module.tree, options).type(ir.Ref(model.name, doc=model.key)):
        return ""
    return (
        "msgspec cannot tell these members apart by itself: a field of this type is loaded "
        "by trying the members in turn."
    )


class Msgspec(PythonStyle):
    name = "msgspec"
    reserved = RESERVED
    support = (SUPPORT,)

    def object_view(self, model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
        return object_view(model, module, options)

    def union_view(self, model: ir.UnionModel, module: Module, options: Options) -> UnionView:
        return union_view(model, module, options)

    def round_trip(self, model: ir.Model, module: Any, cls: str, options: Options) -> RoundTrip:
        """``msgspec.convert`` (through ``_unions.load``, which is ``msgspec.convert`` wherever
        msgspec can decode the type: Structs, enums) then ``msgspec.to_builtins``."""
        import msgspec

        from . import unions

        target = getattr(module, cls)
        return lambda v: msgspec.to_builtins(unions.load(v, target))


STYLE = Msgspec()
