"""The grammar of a TypeScript-flavoured Type cell, to IR type nodes.

A cell is inline markdown around a small type language::

    *string*                 [components.Status](../components/status.md)
    *string*[][]             Record<string, [components.X](x.md)[]>
    *"failed"*  *true*  *42*  *string* | *number*   { [k: string]: any }
    [Date](https://developer.mozilla.org/...)      ReadableStream<Uint8Array>

Emphasis and code markup are noise here; links carry a reference's target.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass

from . import ir
from .diagnostics import DocError, Location

MAX_DEPTH = 64

_TOKEN = re.compile(
    r"""
    (?P<ws>[\s*`]+)
  | (?P<link>\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\((?P<href>[^()\s]*)\))
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.]))
  | (?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)
  | (?P<punct>\[\]|[<>,|()\[\]{}:;?&])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    href: str = ""
    offset: int = 0
    """Where the token starts in the text."""


# Names with a fixed meaning. Anything else is a reference to another doc.
_BUILTINS: dict[str, ir.TypeNode] = {
    "string": ir.Primitive(ir.Kind.STR),
    "number": ir.Primitive(ir.Kind.FLOAT),
    "integer": ir.Primitive(ir.Kind.INT),
    "int": ir.Primitive(ir.Kind.INT),
    "bigint": ir.Primitive(ir.Kind.INT, "bigint"),
    "boolean": ir.Primitive(ir.Kind.BOOL),
    "any": ir.ANY,
    "unknown": ir.Primitive(ir.Kind.ANY, "unknown"),
    "object": ir.MapOf(ir.ANY),
    "Object": ir.MapOf(ir.ANY),
    "null": ir.Primitive(ir.Kind.NONE),
    "undefined": ir.Primitive(ir.Kind.NONE),
    "Date": ir.Primitive(ir.Kind.DATETIME),
    "RFCDate": ir.Primitive(ir.Kind.DATE),
    "Uint8Array": ir.Primitive(ir.Kind.BYTES, "Uint8Array"),
    "ArrayBuffer": ir.Primitive(ir.Kind.BYTES, "ArrayBuffer"),
    "Blob": ir.Primitive(ir.Kind.BYTES, "Blob"),
    "File": ir.Primitive(ir.Kind.BYTES, "File"),
    "Buffer": ir.Primitive(ir.Kind.BYTES, "Buffer"),
    # Runtime objects of the TypeScript SDK, not data: kept, typed honestly as Any.
    "Response": ir.Primitive(ir.Kind.ANY, "Response"),
    "Request": ir.Primitive(ir.Kind.ANY, "Request"),
    "Headers": ir.Primitive(ir.Kind.ANY, "Headers"),
}
_BOOLS = {"true": True, "false": False}


def tokenize(cell: str, location: Location) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    text = cell.replace("\\|", "|")
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise DocError(location, f"cannot read type {cell!r}: unexpected {text[pos]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws" or kind is None:
            continue
        if kind == "link":
            tokens.append(Token("link", m.group("text").strip(" *`"), m.group("href"), m.start()))
        else:
            tokens.append(Token(kind, m.group(kind), offset=m.start()))
    return tokens


def parse_type(cell: str, location: Location) -> ir.TypeNode:
    """Parse a whole Type cell; raise :class:`DocError` naming the cell if it is not a type."""
    parser = _Parser(tokenize(cell, location), cell, location)
    node = parser.union(0)
    if parser.pos != len(parser.tokens):
        parser.fail(f"unexpected {parser.tokens[parser.pos].text!r}")
    return node


def literal_value(token_text: str) -> str:
    """A quoted string token to its value; ValueError if its escapes are not valid."""
    try:
        value = json.loads(token_text) if token_text.startswith('"') else ast.literal_eval(token_text)
    except (SyntaxError, MemoryError, RecursionError) as exc:
        raise ValueError(token_text) from exc
    if not isinstance(value, str):
        raise ValueError(token_text)
    return value


def number_value(token_text: str) -> int | float:
    return float(token_text) if any(c in token_text for c in ".eE") else int(token_text)


class _Parser:
    def __init__(self, tokens: list[Token], cell: str, location: Location) -> None:
        self.tokens = tokens
        self.cell = cell
        self.location = location
        self.pos = 0

    def fail(self, why: str) -> None:
        raise DocError(self.location, f"cannot read type {self.cell!r}: {why}")

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, text: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.kind == "punct" and tok.text == text:
            self.pos += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.take(text):
            tok = self.peek()
            self.fail(f"expected {text!r}, found {tok.text!r}" if tok else f"expected {text!r} at the end")

    def union(self, depth: int) -> ir.TypeNode:
        if depth > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} deep")
        self.take("|")  # a leading bar, as in multi-line unions
        members = [self.postfix(depth)]
        while self.take("|"):
            members.append(self.postfix(depth))
        flat: list[ir.TypeNode] = []
        for member in members:
            for m in member.members if isinstance(member, ir.UnionOf) else (member,):
                if m not in flat:
                    flat.append(m)
        return flat[0] if len(flat) == 1 else ir.UnionOf(tuple(flat))

    def postfix(self, depth: int) -> ir.TypeNode:
        node = self.primary(depth)
        while self.take("[]"):
            node = ir.ArrayOf(node)
        return node

    def primary(self, depth: int) -> ir.TypeNode:
        tok = self.peek()
        if tok is None:
            self.fail("a type is missing")
            raise AssertionError  # unreachable: fail raises
        self.pos += 1
        if tok.kind == "string":
            try:
                return ir.Literal(literal_value(tok.text))
            except ValueError:
                self.fail(f"bad string literal {tok.text}")
        if tok.kind == "number":
            return ir.Literal(number_value(tok.text))
        if tok.kind == "link":
            return self.named(tok.text, tok.href, depth)
        if tok.kind == "name":
            if tok.text in _BOOLS:
                return ir.Literal(_BOOLS[tok.text])
            return self.named(tok.text, None, depth)
        if tok.text == "(":
            node = self.union(depth + 1)
            self.expect(")")
            return node
        if tok.text == "{":
            return self.index_signature(depth)
        self.fail(f"unexpected {tok.text!r}")
        raise AssertionError

    def named(self, name: str, href: str | None, depth: int) -> ir.TypeNode:
        if self.take("<"):
            args = [self.union(depth + 1)]
            while self.take(","):
                args.append(self.union(depth + 1))
            self.expect(">")
            return self.generic(name, args)
        if href is not None and "[" in name:
            # A link whose text is itself a type ("[Foo[]](foo.md)"): read the text.
            inner = _Parser(tokenize(name, self.location), self.cell, self.location)
            node = inner.union(depth + 1)
            return _relink(node, href)
        if name in _BUILTINS:
            return _BUILTINS[name]
        if not re.fullmatch(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*", name):
            self.fail(f"{name!r} is not a type name")
        return ir.Ref(name, href or None)

    def generic(self, name: str, args: list[ir.TypeNode]) -> ir.TypeNode:
        if name == "Record" and len(args) == 2:
            return ir.MapOf(args[1])
        if name in ("Array", "ReadonlyArray") and len(args) == 1:
            return ir.ArrayOf(args[0])
        if name in ("ReadableStream", "AsyncIterable", "Iterable"):
            return ir.Primitive(ir.Kind.BYTES, f"{name}<...>")
        if name == "Promise" and len(args) == 1:
            return args[0]
        if name == "Unrecognized" and len(args) == 1:
            return args[0]
        self.fail(f"unknown generic type {name}<...>")
        raise AssertionError

    def index_signature(self, depth: int) -> ir.TypeNode:
        """``{ [k: string]: T }``, optionally with a trailing ``;``."""
        self.expect("[")
        key = self.peek()
        if key is None or key.kind != "name":
            self.fail("expected a key name in an index signature")
        self.pos += 1
        self.expect(":")
        self.union(depth + 1)
        self.expect("]")
        self.expect(":")
        value = self.union(depth + 1)
        self.take(";")
        self.expect("}")
        return ir.MapOf(value)


def _relink(node: ir.TypeNode, href: str) -> ir.TypeNode:
    """Give the references inside a link's text the link's target."""
    if isinstance(node, ir.Ref):
        return ir.Ref(node.spelling, href)
    if isinstance(node, ir.ArrayOf):
        return ir.ArrayOf(_relink(node.item, href))
    if isinstance(node, ir.MapOf):
        return ir.MapOf(_relink(node.value, href))
    return node
