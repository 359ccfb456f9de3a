"""Go type cells: ``*string*``, `` `*string` ``, ``[]*string*``, ``map[string][]*string*``,
``[*components.X](x.md)``, ``[][components.X](x.md)``, ``[time.Time](https://pkg.go.dev/time#Time)``.

Go writes its type constructors before the type: ``[]T`` (a slice), ``map[K]V`` (a map)
and ``*T`` (a pointer). The shared tokenizer takes ``*`` for emphasis and drops it, which
is right inside a cell: a pointer to ``T`` holds a ``T``. The outermost pointer says
something, though (a required key whose value is a pointer may be null), so
:meth:`Go.prepare` wraps a cell that starts with one in :data:`POINTER` before the
cell is tokenized, and the cell's :attr:`~generator.core.dialects.typecells.Parsed.wrapper`
tells the dialect.

Speakeasy writes a pointer in two spellings: inside a code span (`` `*string` ``, the
newer docs) and as a ``*`` before an emphasised name (``**string*``, the older ones:
``*string*`` is then a plain ``string``); a linked model's pointer is in the link's text
(``[*components.X](x.md)``).
"""

from __future__ import annotations

import re

from ... import ir
from ..typecells import MAX_DEPTH, Grammar, Parser, primitive

POINTER = "$pointer"
"""The wrapper :meth:`Go.prepare` puts around a cell whose outermost type is a pointer
(``$`` makes it a name no Go type has)."""

_BYTES = primitive(ir.Kind.BYTES, "[]byte")
_INT = primitive(ir.Kind.INT)
_FLOAT = primitive(ir.Kind.FLOAT)

NAMES: dict[str, ir.TypeNode] = {
    "string": primitive(ir.Kind.STR),
    "bool": primitive(ir.Kind.BOOL),
    **{name: _INT for name in ("int", "int8", "int16", "int32", "int64", "rune")},
    **{name: _INT for name in ("uint", "uint8", "uint16", "uint32", "uint64", "byte")},
    "float32": _FLOAT,
    "float64": _FLOAT,
    "any": ir.ANY,
    "time.Time": primitive(ir.Kind.DATETIME),
    "types.Date": primitive(ir.Kind.DATE),
    "big.Int": primitive(ir.Kind.INT, "big.Int"),
    "big.Float": primitive(ir.Kind.FLOAT, "Decimal"),
    "decimal.Big": primitive(ir.Kind.FLOAT, "Decimal"),
    "json.RawMessage": primitive(ir.Kind.ANY, "json.RawMessage"),
    # A stream of the body's bytes.
    "io.Reader": primitive(ir.Kind.BYTES, "io.Reader"),
    "io.ReadCloser": primitive(ir.Kind.BYTES, "io.ReadCloser"),
    # Runtime objects of an SDK, not data: kept, typed honestly as Any.
    "http.Response": primitive(ir.Kind.ANY, "http.Response"),
    "http.Request": primitive(ir.Kind.ANY, "http.Request"),
    "http.Header": primitive(ir.Kind.ANY, "http.Header"),
}

_EMPTY_INTERFACE = re.compile(r"\binterface\s*\{\s*\}")
_LEADING_STARS = re.compile(r"^\*+")
_TRAILING_STARS = re.compile(r"\*+$")


def is_pointer(cell: str) -> bool:
    """The cell's outermost type is a pointer: `` `*T` ``, ``**T*`` (a ``*`` before
    emphasis), ``[*T](...)``."""
    text = cell.strip().replace("`", "")
    if text.startswith("[*"):
        return True
    lead = _LEADING_STARS.match(text)
    trail = _TRAILING_STARS.search(text)
    return lead is not None and len(lead.group()) > (len(trail.group()) if trail else 0)


class GoParser(Parser):
    """Reads Go's prefix constructors too: ``[]T`` and ``map[K]V``."""

    def primary(self, depth: int) -> ir.TypeNode:
        if depth > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} deep")
        tok = self.peek()
        if tok is not None and tok.kind == "punct" and tok.text == "[]":
            self.pos += 1
            item = self.peek()
            if item is not None and item.kind == "name" and item.text in ("byte", "uint8"):
                self.pos += 1
                return _BYTES
            return ir.ArrayOf(self.primary(depth + 1))
        after = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        if tok is not None and tok.kind == "name" and tok.text == "map" and after and after.text == "[":
            self.pos += 2
            self.union(depth + 1)  # the key: JSON's keys are strings
            self.expect("]")
            return ir.MapOf(self.primary(depth + 1))
        return super().primary(depth)


class Go(Grammar):
    language = "go"
    names = NAMES
    wrappers = (POINTER,)

    def prepare(self, cell: str) -> str:
        if "interface" in cell:
            cell = _EMPTY_INTERFACE.sub("any", cell)
        return f"{POINTER}[{cell}]" if is_pointer(cell) else cell

    @property
    def parser(self) -> type[Parser]:
        return GoParser


GO = Go()
