"""Dart type cells, as OpenAPI Generator's ``dart-dio`` (built_value) docs write them:
``**String**``, ``**BuiltList&lt;String&gt;**``, ``[**BuiltMap&lt;String, X&gt;**](X.md)``,
``[**JsonObject**](.md)``, ``[**DateTime**](DateTime.md)`` (the link leads nowhere: a
built-in type has no page)."""

from __future__ import annotations

from ... import ir
from ..typecells import Grammar, primitive

NAMES: dict[str, ir.TypeNode] = {
    "String": primitive(ir.Kind.STR),
    "bool": primitive(ir.Kind.BOOL),
    "int": primitive(ir.Kind.INT),
    "double": primitive(ir.Kind.FLOAT),
    "num": primitive(ir.Kind.FLOAT, "num"),
    "DateTime": primitive(ir.Kind.DATETIME),
    "Date": primitive(ir.Kind.DATE),
    "JsonObject": ir.ANY,
    "dynamic": ir.ANY,
    "Uint8List": primitive(ir.Kind.BYTES, "Uint8List"),
    "MultipartFile": primitive(ir.Kind.BYTES, "MultipartFile"),
}

_LISTS = frozenset({"BuiltList", "BuiltSet", "List", "Set"})
_MAPS = frozenset({"BuiltMap", "Map"})


class Dart(Grammar):
    language = "dart"
    names = NAMES
    lists = _LISTS
    maps = _MAPS


DART = Dart()
