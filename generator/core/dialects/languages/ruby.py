"""Ruby type cells: Speakeasy's Sorbet signatures and OpenAPI Generator's Ruby classes.

Speakeasy (Sorbet): ``*T.nilable(::String)*``, ``*T::Boolean*``, ``T::Array<*::String*>``
(the docs write angle brackets where Sorbet writes square ones), ``T::Hash[Symbol, *::String*]``,
``[T.nilable(Models::Operations::X)](..)``, and a union linked to its doc:
``[T.nilable(T.any(::String, T::Array[::String]))](../../models/operations/tagids.md)``.
OpenAPI Generator (bold, HTML entities undone): ``**String**``, ``**Time**``,
``**Array<Array<Integer>>**``, ``[**Hash<String, IdentityCredentials>**](..)``.

Sorbet's syntax is rewritten into the shared one before a cell is read (:meth:`Ruby.prepare`):
``::`` separates names like a dot (a leading one goes), a call ``T.nilable(X)`` is a generic
``T.nilable[X]``, and a model's module is its docs' directory (``Models::Shared::X`` is
``Models.shared.X``, found in ``models/shared/``). An outermost ``T.nilable`` is the cell's
wrapper (the value may be nil); inside a container it makes the item nullable.

A link whose label is a union (``T.any(...)``) points to the union's doc, which Speakeasy's
Ruby docs leave empty (a heading and a description): the label, which names the members,
is read instead, its references by name.
"""

from __future__ import annotations

import re

from ... import ir
from ..typecells import Grammar, primitive, union_of

NILABLE = "T.nilable"
_NONE = primitive(ir.Kind.NONE)

NAMES: dict[str, ir.TypeNode] = {
    "String": primitive(ir.Kind.STR),
    "Symbol": primitive(ir.Kind.STR, "Symbol"),
    "Integer": primitive(ir.Kind.INT),
    "Float": primitive(ir.Kind.FLOAT),
    "Numeric": primitive(ir.Kind.FLOAT),
    "BigDecimal": primitive(ir.Kind.FLOAT, "Decimal"),
    "T.Boolean": primitive(ir.Kind.BOOL),
    "Boolean": primitive(ir.Kind.BOOL),
    "TrueClass": primitive(ir.Kind.BOOL),
    "FalseClass": primitive(ir.Kind.BOOL),
    "T.untyped": ir.ANY,
    "NilClass": _NONE,
    "nil": _NONE,
    "DateTime": primitive(ir.Kind.DATETIME),
    "Time": primitive(ir.Kind.DATETIME),
    "Date": primitive(ir.Kind.DATE),
    "File": primitive(ir.Kind.BYTES, "File"),
    "IO": primitive(ir.Kind.BYTES, "IO"),
    "StringIO": primitive(ir.Kind.BYTES, "StringIO"),
    "Hash": ir.MapOf(ir.ANY),
    "Array": ir.ArrayOf(ir.ANY),
    # Runtime objects of an SDK, not data.
    "Faraday.Response": primitive(ir.Kind.ANY, "Faraday::Response"),
}

_SCOPE = re.compile(r"(?<=\w)::(?=\w)")
"""``Models::Shared::X``: a dot (a leading ``::``, the root scope of ``::String``, goes)."""
_MODULE = re.compile(r"\bModels\.([A-Z]\w*)\.(?=[A-Za-z_])")
"""A model's module, whose docs are in its lower-cased directory (``models/shared/``)."""
_CALL = re.compile(r"\bT\.\w+\(")
"""A Sorbet call whose parentheses hold types: ``T.nilable(``, ``T.any(``."""
_UNION_LINK = re.compile(r"\[(?=(?:T\.nilable\()?T\.any\()")
"""A link whose label is a union (``[T.any(...)](...)``, perhaps nilable)."""
_BRACKETS = {"(": ")", "[": "]", "<": ">"}


class Ruby(Grammar):
    language = "ruby"
    names = NAMES
    lists = frozenset({"Array", "Set", "Enumerable"})
    maps = frozenset({"Hash"})
    wrappers = (NILABLE,)

    def prepare(self, cell: str) -> str:
        text = cell.replace("\\|", "|")
        if "::" in text:
            text = _SCOPE.sub(".", text).replace("::", "")
            text = _MODULE.sub(lambda m: f"Models.{m[1].lower()}.", text)
        if "T.any(" in text and "[" in text:
            text = _unlink_unions(text)
        if "(" in text and "T." in text:
            text = _calls_as_generics(text)
        return text

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if name == NILABLE and len(args) == 1:
            return union_of([args[0], _NONE])
        if name in ("T.any", "T.all"):
            return union_of(args)
        return None


def _closing(text: str, start: int) -> int | None:
    """Where the bracket that closes the one at ``start`` is (``()``, ``[]``, ``<>`` nested)."""
    stack = [_BRACKETS[text[start]]]
    for i in range(start + 1, len(text)):
        c = text[i]
        if c in _BRACKETS:
            stack.append(_BRACKETS[c])
        elif c in ")]>":
            if c != stack[-1]:
                return None
            stack.pop()
            if not stack:
                return i
    return None


def _unlink_unions(text: str) -> str:
    """``[T.any(A, B)](../union.md)`` -> ``T.any(A, B)``: the members, not the empty doc."""
    out, pos = [], 0
    for m in _UNION_LINK.finditer(text):
        if m.start() < pos:
            continue
        end = _closing(text, m.start())
        if end is None or not text.startswith("](", end):
            continue
        href_end = _closing(text, end + 1)
        if href_end is None:
            continue
        out.append(text[pos : m.start()])
        out.append(text[m.start() + 1 : end])
        pos = href_end + 1
    out.append(text[pos:])
    return "".join(out)


def _calls_as_generics(text: str) -> str:
    """``T.nilable(X)`` -> ``T.nilable[X]``, the parentheses of every Sorbet call."""
    chars = list(text)
    for m in _CALL.finditer(text):
        open_at = m.end() - 1
        close_at = _closing(text, open_at)
        if close_at is not None:
            chars[open_at], chars[close_at] = "[", "]"
    return "".join(chars)


RUBY = Ruby()
