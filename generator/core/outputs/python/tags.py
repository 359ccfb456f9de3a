"""Which discriminated unions become msgspec tagged unions, and each member's tag.

msgspec tags a Struct, not a union: ``class Dog(Struct, tag_field="kind", tag="dog")``
holds for every union the Struct is in, and for the Struct alone. So a union the docs
discriminate (:attr:`generator.core.ir.UnionModel.discriminator`) is tagged only if each
member has one tag value, a string or an integer (msgspec's tags), that is never null,
and no member is tagged differently by another union; the others are refused, with why.
"""

from __future__ import annotations

from typing import NamedTuple

from ... import ir
from ...resolve import Tree

Tag = tuple[str, "str | int"]
"""(the tag field's wire name, the member's tag value)."""


class Tagging(NamedTuple):
    members: dict[str, Tag]
    """Member model key -> its tag."""
    refused: dict[str, str]
    """Discriminated union key -> why msgspec cannot tag it."""


_CACHE: list[tuple[Tree, Tagging]] = []
"""The last trees asked about (a run asks once per model of the same tree)."""


def tagging(tree: Tree) -> Tagging:
    for known, found in _CACHE:
        if known is tree:
            return found
    found = _tagging(tree)
    _CACHE[:] = [(tree, found), *_CACHE[:3]]
    return found


def _tagging(tree: Tree) -> Tagging:
    candidates: dict[str, dict[str, Tag]] = {}
    refused: dict[str, str] = {}
    for union in tree.models:
        if isinstance(union, ir.UnionModel) and union.discriminator is not None:
            tags, why = _tags(tree, union.discriminator)
            if why:
                refused[union.key] = why
            else:
                candidates[union.key] = tags
    while True:  # a member two unions tag differently: neither union is tagged
        seen: dict[str, set[Tag]] = {}
        for tags in candidates.values():
            for member, tag in tags.items():
                seen.setdefault(member, set()).add(tag)
        torn = {member for member, found in seen.items() if len(found) > 1}
        if not torn:
            break
        for key in [k for k, tags in candidates.items() if torn & tags.keys()]:
            refused[key] = "a member is tagged differently in another union"
            del candidates[key]
    members = {member: tag for tags in candidates.values() for member, tag in tags.items()}
    return Tagging(members, refused)


def _tags(tree: Tree, discriminator: ir.Discriminator) -> tuple[dict[str, Tag], str]:
    """Each member's tag, or why msgspec cannot tag the union."""
    tags: dict[str, Tag] = {}
    for key, values in discriminator.values:
        member = tree.by_key[key]
        assert isinstance(member, ir.ObjectModel)
        field = next(f for f in member.fields if f.name == discriminator.field)
        if len(values) != 1:
            return {}, f"{member.name} has {len(values)} tag values, and a Struct has one tag"
        value = values[0]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return {}, f"the tag {value!r} of {member.name} is not a string or an integer"
        if any(c in '\\"' or c < " " for c in discriminator.field):
            return {}, "msgspec cannot name the tag field"
        if field.nullable is ir.Nullable.YES:
            return {}, f"the tag of {member.name} may be null"
        tags[key] = (discriminator.field, value)
    return tags, ""
