"""Which types msgspec decodes by itself, by msgspec's own rules for unions.

A union decodes only if its members differ in JSON type: at most one str-like member
(``str`` and string literals together, or one of ``bytes``, ``datetime``, ``date``, one
enum of strings), one int-like member, one array, and one object, unless every object is
a Struct tagged by the same field with distinct tags. msgspec reads no float literal nor
float enum, and no recursive alias (before Python 3.12's ``type``). A field whose type
breaks a rule is decoded as ``Any`` and loaded by ``_unions`` (:mod:`.unions`).
"""

from __future__ import annotations

from typing import NamedTuple

from ... import ir
from ...options import EnumStyle, Options
from ...resolve import Tree
from .tags import Tagging, tagging


class _Groups(NamedTuple):
    """The members of a union by the JSON type they decode from."""

    strings: set[str]
    integers: set[str]
    arrays: set[ir.TypeNode]
    objects: set[str]
    tags: list[str | int]


class Decodable:
    """Answers for one tree: does msgspec decode this type by itself?"""

    def __init__(self, tree: Tree, tags: Tagging, literal_enums: bool) -> None:
        self.tree = tree
        self.tags = tags
        self.literal_enums = literal_enums
        self._aliases: dict[str, bool] = {}

    def type(self, node: ir.TypeNode) -> bool:
        if isinstance(node, ir.Primitive):
            return True
        if isinstance(node, ir.Literal):
            return not isinstance(node.value, float)
        if isinstance(node, ir.ArrayOf):
            return self.type(node.item)
        if isinstance(node, ir.MapOf):
            return self.type(node.value)
        if isinstance(node, ir.UnionOf):
            return self._union(node.members, ())
        assert node.doc is not None
        target = self.tree.by_key[node.doc]
        if isinstance(target, ir.EnumModel):
            return bool(_enum_kind(target))
        if isinstance(target, ir.UnionModel):
            return self._alias(target, ())
        return True

    def _alias(self, union: ir.UnionModel, seen: tuple[str, ...]) -> bool:
        if union.key not in self._aliases:
            recursive = union.key in seen or union.key in self.tree.recursive_aliases
            self._aliases[union.key] = not recursive and self._union(union.members, seen + (union.key,))
        return self._aliases[union.key]

    def _union(self, members: tuple[ir.TypeNode, ...], seen: tuple[str, ...]) -> bool:
        groups = _Groups(set(), set(), set(), set(), [])
        for member in members:
            if not self._member(member, groups, seen):
                return False
        singles = (groups.strings, groups.integers, groups.arrays, groups.objects)
        return all(len(g) <= 1 for g in singles) and len(set(map(repr, groups.tags))) == len(groups.tags)

    def _member(self, node: ir.TypeNode, groups: _Groups, seen: tuple[str, ...]) -> bool:
        """Put a member in its group; False if msgspec cannot decode it at all."""
        if isinstance(node, ir.UnionOf):
            return all(self._member(m, groups, seen) for m in node.members)
        if not isinstance(node, ir.Ref):
            _group(node, groups)
            return self.type(node)
        assert node.doc is not None
        target = self.tree.by_key[node.doc]
        if isinstance(target, ir.UnionModel):
            if target.key in seen or target.key in self.tree.recursive_aliases:
                return False
            return all(self._member(m, groups, seen + (target.key,)) for m in target.members)
        if isinstance(target, ir.EnumModel):
            kind = _enum_kind(target)
            if not kind:
                return False
            same = "str" if kind == "str" else "int"  # a Literal alias joins str / int
            (groups.strings if kind == "str" else groups.integers).add(
                same if self.literal_enums else target.key
            )
        elif isinstance(target, ir.ObjectModel):
            tag = self.tags.members.get(target.key)
            groups.objects.add(f"tagged by {tag[0]}" if tag else target.key)
            if tag:
                groups.tags.append(tag[1])
        return True


def _group(node: ir.TypeNode, groups: _Groups) -> None:
    if isinstance(node, ir.Primitive):
        if node.kind is ir.Kind.STR:
            groups.strings.add("str")
        elif node.kind in (ir.Kind.BYTES, ir.Kind.DATETIME, ir.Kind.DATE):
            groups.strings.add(node.kind.value)
        elif node.kind is ir.Kind.INT:
            groups.integers.add("int")
    elif isinstance(node, ir.Literal):
        if isinstance(node.value, str):
            groups.strings.add("str")
        elif isinstance(node.value, int) and not isinstance(node.value, bool):
            groups.integers.add("int")
    elif isinstance(node, ir.ArrayOf):
        groups.arrays.add(node)
    elif isinstance(node, ir.MapOf):
        groups.objects.add("dict")


def _enum_kind(model: ir.EnumModel) -> str:
    """``str`` or ``int`` if msgspec reads the enum's values (all strings, or all integers), else ""."""
    values = [m.value for m in model.members]
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return ""


_CACHE: list[tuple[Tree, bool, Decodable]] = []


def decodable(tree: Tree, options: Options) -> Decodable:
    """The answers for a tree (kept for the last few trees: a run asks once per model)."""
    literal = options.enum_style is EnumStyle.LITERAL
    for known, style, found in _CACHE:
        if known is tree and style == literal:
            return found
    found = Decodable(tree, tagging(tree), literal)
    _CACHE[:] = [(tree, literal, found), *_CACHE[:3]]
    return found
