"""TypeScript type cells: ``*string*[]``, ``Record<string, X>``, ``{ [k: string]: T }``, ``"a" | 1``."""

from __future__ import annotations

import re

from ... import ir
from ..typecells import Grammar, primitive, union_of

_RFCDATE_PAGE = re.compile(r"(?:^|/)rfcdate\.md(?:#.*)?$")
"""Speakeasy's TypeScript docs link a calendar date to their RFCDate page, whatever the
link's text says (``[Date](../../types/rfcdate.md)``); a ``Date`` linked to MDN is an instant."""

NAMES: dict[str, ir.TypeNode] = {
    "string": primitive(ir.Kind.STR),
    "number": primitive(ir.Kind.FLOAT),
    "integer": primitive(ir.Kind.INT),
    "boolean": primitive(ir.Kind.BOOL),
    "any": ir.ANY,
    "unknown": primitive(ir.Kind.ANY, "unknown"),
    "null": primitive(ir.Kind.NONE),
    "undefined": primitive(ir.Kind.NONE),
    "Date": primitive(ir.Kind.DATETIME),
    "RFCDate": primitive(ir.Kind.DATE),
    "bigint": primitive(ir.Kind.INT, "bigint"),
    "Uint8Array": primitive(ir.Kind.BYTES, "Uint8Array"),
    "ArrayBuffer": primitive(ir.Kind.BYTES, "ArrayBuffer"),
    "Blob": primitive(ir.Kind.BYTES, "Blob"),
    "File": primitive(ir.Kind.BYTES, "File"),
    "Buffer": primitive(ir.Kind.BYTES, "Buffer"),
    # Runtime objects of an SDK, not data: kept, typed honestly as Any.
    "Response": primitive(ir.Kind.ANY, "Response"),
    "Request": primitive(ir.Kind.ANY, "Request"),
    "Headers": primitive(ir.Kind.ANY, "Headers"),
}


class TypeScript(Grammar):
    language = "typescript"
    names = NAMES
    lists = frozenset({"Array", "ReadonlyArray", "Set"})
    maps = frozenset({"Record"})
    object_type: ir.TypeNode = ir.MapOf(ir.ANY)  # TypeScript's `object`: some object

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if base in ("ReadableStream", "AsyncIterable", "Iterable"):
            return primitive(ir.Kind.BYTES, f"{name}<...>")
        if base in ("EventStream", "EventStreamAsync") and len(args) == 1:
            return ir.ArrayOf(args[0])  # a stream of events, as data: the list of them
        if base in ("Promise", "Unrecognized") and len(args) == 1:
            return args[0]
        if base == "Literal" and all(isinstance(a, ir.Literal) for a in args):
            return union_of(args)
        return None

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        if text in ("Date", "RFCDate") and _RFCDATE_PAGE.search(href):
            return NAMES["RFCDate"]
        return None


TYPESCRIPT = TypeScript()
