"""The checked models of a docs tree: what resolving makes, and every output reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import msgspec

from . import ir


class Tree(msgspec.Struct, frozen=True):
    """The checked models of one docs tree, in key order, with an index by key."""

    models: tuple[ir.Model, ...]
    by_key: Mapping[str, ir.Model]
    recursive_aliases: frozenset[str] = frozenset()
    """Union models that refer to themselves through unions only (recursive type aliases)."""

    @classmethod
    def of(cls, models: Iterable[ir.Model]) -> Tree:
        ordered = tuple(sorted(models, key=lambda m: m.key))
        return cls(ordered, MappingProxyType({m.key: m for m in ordered}))

    def target(self, ref: ir.Ref) -> ir.Model:
        assert ref.doc is not None, ref
        return self.by_key[ref.doc]


def tag_values(tree: Tree, field: ir.Field) -> tuple[ir.Scalar, ...]:
    """The values a field can hold, if it can hold only a few known ones (else empty).

    A literal, a union of literals, or a closed enum: a field like that can tell the
    members of a union apart.
    """
    node = field.type
    members = node.members if isinstance(node, ir.UnionOf) else (node,)
    if all(isinstance(m, ir.Literal) for m in members):
        return tuple(m.value for m in members if isinstance(m, ir.Literal))
    if isinstance(node, ir.Ref) and node.doc is not None:
        target = tree.target(node)
        if isinstance(target, ir.EnumModel) and not target.open:
            return tuple(m.value for m in target.members)
    return ()
