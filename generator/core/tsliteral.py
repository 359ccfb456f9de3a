"""TypeScript value literals (as the docs' examples write them) to Python data.

Objects, arrays, strings, numbers, ``true``/``false``/``null``/``undefined``,
``new Date("...")`` and ``new RFCDate("...")`` (their strings) and ``123n``. Anything
else is an error saying what.
"""

from __future__ import annotations

import json
import re
from typing import Any

_TOKEN = re.compile(
    r"""
    (?P<ws>(?:\s+|//[^\n]*|/\*.*?\*/)+)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.)*`)
  | (?P<number>-?(?:0[xX][0-9a-fA-F]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?)n?)
  | (?P<name>[A-Za-z_$][\w$]*)
  | (?P<punct>[{}\[\](),:])
    """,
    re.VERBOSE | re.DOTALL,
)
_MAX_DEPTH = 200


class LiteralError(ValueError):
    pass


def parse(text: str) -> Any:
    tokens = [(m.lastgroup, m.group()) for m in _scan(text) if m.lastgroup != "ws"]
    parser = _Parser(tokens)
    value = parser.value(0)
    if parser.pos != len(tokens):
        raise LiteralError(f"unexpected {tokens[parser.pos][1]!r} after the value")
    return value


def _scan(text: str) -> list[re.Match[str]]:
    out = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise LiteralError(f"cannot read {text[pos:pos + 20]!r}")
        out.append(m)
        pos = m.end()
    return out


def _string(token: str) -> str:
    if token[0] == '"':
        return str(json.loads(token))
    body = token[1:-1]
    if token[0] == "'":
        body = body.replace("\\'", "'").replace('"', '\\"')
    return str(json.loads(f'"{body}"'))


def _number(token: str) -> int | float:
    token = token.replace("_", "").rstrip("n")
    if token.lstrip("-").lower().startswith("0x"):
        return int(token, 16)
    return float(token) if any(c in token for c in ".eE") else int(token)


class _Parser:
    def __init__(self, tokens: list[tuple[str | None, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def next(self) -> tuple[str | None, str]:
        if self.pos >= len(self.tokens):
            raise LiteralError("the value ends early")
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text: str) -> None:
        kind, tok = self.next()
        if tok != text:
            raise LiteralError(f"expected {text!r}, found {tok!r}")

    def peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise LiteralError("nested too deep")
        kind, tok = self.next()
        if kind == "string":
            return _string(tok)
        if kind == "number":
            return _number(tok)
        if kind == "name":
            return self.name(tok)
        if tok == "{":
            return self.object(depth)
        if tok == "[":
            return self.array(depth)
        raise LiteralError(f"unexpected {tok!r}")

    def name(self, tok: str) -> Any:
        if tok in ("true", "false"):
            return tok == "true"
        if tok in ("null", "undefined"):
            return None
        if tok == "new" and self.peek() in ("Date", "RFCDate"):
            _, cls = self.next()
            self.expect("(")
            kind, arg = self.next()
            self.expect(")")
            if kind != "string":
                raise LiteralError(f"new {cls}(...) without a string")
            return _string(arg)
        raise LiteralError(f"{tok!r} has no JSON value")

    def object(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while self.peek() != "}":
            kind, key = self.next()
            if kind == "string":
                key = _string(key)
            elif kind not in ("name", "number"):
                raise LiteralError(f"unexpected {key!r} where a key belongs")
            self.expect(":")
            out[key] = self.value(depth + 1)
            if self.peek() != "}":
                self.expect(",")
        self.next()
        return out

    def array(self, depth: int) -> list[Any]:
        out = []
        while self.peek() != "]":
            out.append(self.value(depth + 1))
            if self.peek() != "]":
                self.expect(",")
        self.next()
        return out
