"""Kotlin type cells, as OpenAPI Generator's ``kotlin`` docs write them: ``**kotlin.String**``,
``**kotlin.collections.List<kotlin.String>**``, ``[**java.math.BigDecimal**](java.math.BigDecimal.md)``,
``[**inline**](#Type)``.

Names are qualified (``kotlin.Int``, ``java.time.OffsetDateTime``; Kotlin's own are read bare too);
``kotlin.collections.List``/``Set``/``Array`` are lists and ``kotlin.collections.Map<K, V>`` a
map (its key type is lost: JSON keys are strings). The generator links some built-in types to
pages that do not exist (``[**kotlin.Any**](.md)``): a known name wins over its link. A ``?``
after a type (nullable) makes it ``T | None``; OpenAPI Generator's docs do not write it.

``[**inline**](#Anchor)`` is an enum declared inline in the property: the cell names no type,
only the page's ``<a id="Anchor">`` section that lists its values (``## Enum: wire_name``).
This grammar reads it as a string marked with the anchor (:func:`inline_enum`), a list of them
when the anchor is ``kotlin.collections.List<...>``; a dialect that reads the page's enum
sections replaces it (:func:`inline_anchor` finds the anchor again).
"""

from __future__ import annotations

from ... import ir
from ..typecells import Grammar, Parser, primitive, union_of

_NONE = primitive(ir.Kind.NONE)
INLINE = "inline"
"""The link text of an inline enum's cell."""
INLINE_NOTE = "inline enum "
"""The start of the note of :func:`inline_enum`'s node; the anchor follows it."""

_QUALIFIED: dict[str, ir.TypeNode] = {
    "kotlin.String": primitive(ir.Kind.STR),
    "kotlin.Char": primitive(ir.Kind.STR, "Char"),
    "kotlin.Int": primitive(ir.Kind.INT),
    "kotlin.Long": primitive(ir.Kind.INT),
    "kotlin.Short": primitive(ir.Kind.INT),
    "kotlin.Byte": primitive(ir.Kind.INT),
    "kotlin.UInt": primitive(ir.Kind.INT),
    "kotlin.ULong": primitive(ir.Kind.INT),
    "java.math.BigInteger": primitive(ir.Kind.INT, "BigInteger"),
    "kotlin.Float": primitive(ir.Kind.FLOAT),
    "kotlin.Double": primitive(ir.Kind.FLOAT),
    "java.math.BigDecimal": primitive(ir.Kind.FLOAT, "Decimal"),
    "kotlin.Boolean": primitive(ir.Kind.BOOL),
    "kotlin.Any": ir.ANY,
    "kotlin.Unit": _NONE,
    "kotlin.Nothing": _NONE,
    "kotlin.ByteArray": primitive(ir.Kind.BYTES, "ByteArray"),
    "java.io.File": primitive(ir.Kind.BYTES, "File"),
    "java.time.OffsetDateTime": primitive(ir.Kind.DATETIME),
    "java.time.LocalDateTime": primitive(ir.Kind.DATETIME, "LocalDateTime"),
    "java.time.Instant": primitive(ir.Kind.DATETIME, "Instant"),
    "kotlinx.datetime.Instant": primitive(ir.Kind.DATETIME, "Instant"),
    "java.time.LocalDate": primitive(ir.Kind.DATE),
    "kotlinx.datetime.LocalDate": primitive(ir.Kind.DATE),
    "java.util.UUID": primitive(ir.Kind.STR, "UUID"),
    "java.net.URI": primitive(ir.Kind.STR, "URI"),
    "java.net.URL": primitive(ir.Kind.STR, "URL"),
}
NAMES: dict[str, ir.TypeNode] = {
    **_QUALIFIED,
    # Kotlin's own types, unqualified (``String``); a bare ``File`` or ``UUID`` is a model's name
    **{name.removeprefix("kotlin."): node for name, node in _QUALIFIED.items() if name.startswith("kotlin.")},
}

_LISTS = frozenset({"List", "MutableList", "Set", "MutableSet", "Array", "Collection", "Iterable"})
_MAPS = frozenset({"Map", "MutableMap", "HashMap", "LinkedHashMap"})
_LIST_ANCHOR = ("kotlin.collections.List<", "List<", "kotlin.collections.Set<", "Set<")


def inline_enum(anchor: str) -> ir.TypeNode:
    """The type of an inline enum's cell ``[**inline**](#Anchor)``, until its values are read:
    a string (a list of strings for a ``kotlin.collections.List<...>`` anchor) marked with the
    anchor (``#Type``) the page's enum section has."""
    node = primitive(ir.Kind.STR, INLINE_NOTE + anchor)
    return ir.ArrayOf(node) if anchor.lstrip("#").startswith(_LIST_ANCHOR) else node


def inline_anchor(node: ir.TypeNode) -> str | None:
    """The anchor (``#Type``) of an :func:`inline_enum` node or of the items of one, else None."""
    if isinstance(node, ir.ArrayOf):
        node = node.item
    if isinstance(node, ir.Primitive) and node.note.startswith(INLINE_NOTE):
        return node.note[len(INLINE_NOTE) :]
    return None


class KotlinParser(Parser):
    """Kotlin's ``T?`` (nullable) after a type."""

    def postfix(self, depth: int) -> ir.TypeNode:
        node = super().postfix(depth)
        while self.take("?"):
            node = union_of([node, _NONE])
        return node


class Kotlin(Grammar):
    language = "kotlin"
    names = NAMES
    lists = _LISTS
    maps = _MAPS

    @property
    def parser(self) -> type[Parser]:
        return KotlinParser

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        if text == INLINE and href.startswith("#"):
            return inline_enum(href)
        return None


KOTLIN = Kotlin()
