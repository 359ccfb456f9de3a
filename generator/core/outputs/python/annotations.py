"""Type annotations as source text, and the nullability policy that shapes them."""

from __future__ import annotations

from collections.abc import Iterable

from ... import ir, pysource
from ...options import EnumStyle, Nulls, Options
from ...resolve import tag_values
from . import naming
from .module import Module


def is_nullable(field: ir.Field, options: Options) -> bool:
    """The nullability policy: what the doc says, or for docs that do not say, the option.

    Constants (literal types, union tags) never take null under the lenient policy:
    a tag must stay a literal for the union to be discriminated.
    """
    if field.nullable is ir.Nullable.UNKNOWN:
        if options.nulls is Nulls.STRICT or field.is_tag or isinstance(field.type, ir.Literal):
            return False
        return True
    return field.nullable is ir.Nullable.YES


class Annotations:
    """Type annotations as source text, in the spelling the target Python accepts."""

    def __init__(self, module: Module, options: Options) -> None:
        self.module = module
        self.pep604 = options.target >= (3, 10)
        self.literal_enums = options.enum_style is EnumStyle.LITERAL

    def typing(self, name: str) -> str:
        return self.module.helper("typing", name)

    def type_alias(self) -> str:
        """The local name of ``TypeAlias``; "" before Python 3.10, where an alias is implicit
        (``typing.TypeAlias`` is 3.10's, and the dataclass style takes nothing from outside)."""
        return self.module.helper("typing", "TypeAlias") if self.pep604 else ""

    def type(self, node: ir.TypeNode, quote_refs: bool = False) -> str:
        """An annotation; with ``quote_refs``, a string if it names a model (a forward reference)."""
        text = self._type(node)
        return pysource.string(text) if quote_refs and _names_a_model(node) else text

    def nullable(self, node: ir.TypeNode, quote_refs: bool = False) -> str:
        """The annotation of a value that may also be None."""
        if _accepts_none(node):
            return self.type(node, quote_refs)
        text = self._union([self._type(node), "None"])
        return pysource.string(text) if quote_refs and _names_a_model(node) else text

    def union_of(self, members: Iterable[ir.TypeNode]) -> str:
        """A union as a value evaluated at import time: ``X | Y``, or ``Union[...]`` where a
        member names a model (as a string: models are imported at the module's end). One
        member is just that member."""
        parts = self._members(tuple(members), quote_refs=True)
        if len(parts) == 1:
            # Without ``TypeAlias`` (before 3.10) a string alone is a string, not an alias.
            quoted = parts[0].startswith(('"', "'"))
            return f"{self.typing('Union')}[{parts[0]}]" if quoted and not self.pep604 else parts[0]
        if self.pep604 and not any(p.startswith(('"', "'")) for p in parts):
            return " | ".join(parts)  # no forward reference: ``X | Y`` evaluates
        return f"{self.typing('Union')}[{', '.join(parts)}]"

    def static_union(self, members: Iterable[ir.TypeNode]) -> str:
        """A union that only type checkers read (under ``if TYPE_CHECKING:``, never run): from
        Python 3.10, with ``TypeAlias``, one string where it names a model (the models are
        imported below it); before, :meth:`union_of`'s ``Union["Model", ...]``."""
        members = tuple(members)
        if not self.pep604:
            return self.union_of(members)
        parts = self._members(members, quote_refs=False)
        text = parts[0] if len(parts) == 1 else self._union(parts)
        return pysource.string(text) if any(_names_a_model(m) for m in members) else text

    def tag_literal(self, field: ir.Field) -> str:
        """A union tag field's type: ``Literal[...]`` of its values (enum members, for an enum)."""
        values = tag_values(self.module.tree, field)
        if isinstance(field.type, ir.Ref) and field.type.doc and self.literal_enums:
            return self._type(field.type)  # the enum is a Literal alias already
        if isinstance(field.type, ir.Ref) and field.type.doc:
            enum = self.module.tree.target(field.type)
            assert isinstance(enum, ir.EnumModel)
            local = self.module.model(field.type.doc)
            members = naming.enum_member_names(enum)
            parts = [f"{local}.{members[enum.members.index(m)]}" for m in enum.members if m.value in values]
        else:
            parts = [pysource.literal(v) for v in values]
        return f"{self.typing('Literal')}[{', '.join(parts)}]"

    def _union(self, parts: list[str]) -> str:
        if self.pep604:
            return " | ".join(parts)
        if parts[-1] == "None" and len(parts) == 2:
            return f"{self.typing('Optional')}[{parts[0]}]"
        return f"{self.typing('Union')}[{', '.join(parts)}]"

    def _type(self, node: ir.TypeNode) -> str:
        if isinstance(node, ir.Primitive):
            return self._primitive(node)
        if isinstance(node, ir.Ref):
            assert node.doc is not None, node
            return self.module.model(node.doc)
        if isinstance(node, ir.Literal):
            return f"{self.typing('Literal')}[{pysource.literal(node.value)}]"
        if isinstance(node, ir.ArrayOf):
            return f"list[{self._type(node.item)}]"
        if isinstance(node, ir.MapOf):
            return f"dict[str, {self._type(node.value)}]"
        if isinstance(node, ir.UnionOf):
            if any(isinstance(m, ir.Primitive) and m.kind is ir.Kind.ANY for m in node.members):
                return self.typing("Any")
            return self._union(self._members(node.members, quote_refs=False))
        raise AssertionError(node)

    def _members(self, members: tuple[ir.TypeNode, ...], quote_refs: bool) -> list[str]:
        """Member annotations; literals fold into one ``Literal[...]`` where the first one stands."""
        literals = [pysource.literal(m.value) for m in members if isinstance(m, ir.Literal)]
        parts: list[str] = []
        for m in members:
            if not isinstance(m, ir.Literal):
                part = self.type(m, quote_refs)
                if part not in parts:  # two doc types that are one Python type (``UUID | string``)
                    parts.append(part)
            elif literals:
                parts.append(f"{self.typing('Literal')}[{', '.join(dict.fromkeys(literals))}]")
                literals = []
        return parts

    def _primitive(self, node: ir.Primitive) -> str:
        kind = node.kind
        if kind is ir.Kind.ANY:
            return self.typing("Any")
        if kind is ir.Kind.DATETIME:
            return self.module.helper("datetime", "datetime")
        if kind is ir.Kind.DATE:
            return self.module.helper("datetime", "date")
        # ``_value_``, not ``value``: the same string, without the call of a property
        return "None" if kind is ir.Kind.NONE else str(kind._value_)


def _names_a_model(node: ir.TypeNode) -> bool:
    """Some node of the type tree is a :class:`~generator.ir.Ref`."""
    if isinstance(node, ir.Ref):
        return True
    if isinstance(node, ir.ArrayOf):
        return _names_a_model(node.item)
    if isinstance(node, ir.MapOf):
        return _names_a_model(node.value)
    if isinstance(node, ir.UnionOf):
        return any(_names_a_model(m) for m in node.members)
    return False


def _accepts_none(node: ir.TypeNode) -> bool:
    if isinstance(node, ir.Primitive):
        return node.kind in (ir.Kind.ANY, ir.Kind.NONE)
    if isinstance(node, ir.UnionOf):
        return any(_accepts_none(m) for m in node.members)
    return False


def takes_none(field: ir.Field, options: Options) -> bool:
    """An attribute's type includes None if the field may be null, or may be absent
    (its default is None): pydantic and dataclasses cannot tell absent from null."""
    if field.default is not None:
        return is_nullable(field, options) or field.default.value is None
    return is_nullable(field, options) or not field.required


def attribute_annotation(
    field: ir.Field, types: Annotations, options: Options, tags_as_literals: bool
) -> str:
    """The annotation of a class attribute (pydantic, dataclass) for a field."""
    if field.is_tag and tags_as_literals and field.must_send:
        return types.tag_literal(field)
    if takes_none(field, options):
        return types.nullable(field.type)
    return types.type(field.type)
