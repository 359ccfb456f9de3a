"""Java type cells: ``*Optional\\<Long>*``, ``List\\<[X](x.md)>``, ``Map\\<String, *Object*>``,
``*byte[]*`` (Speakeasy), ``**List<String>**``, ``[**Map<String, X>**](X.md)`` (OpenAPI Generator).

Speakeasy escapes the angle brackets of generics in its markdown (``\\<``, and ``\\\\<`` one level
down: ``Map\\<String, List\\\\<[X](x.md)>>``); OpenAPI Generator writes them as HTML entities,
which its dialect unescapes before the cell reaches this grammar. Both spell Java's own types:
boxed and primitive numbers (``Long``, ``long``), ``Object``, ``byte[]``, ``java.time`` dates,
``BigDecimal``, ``UUID``, ``URI``, ``File``.

Speakeasy's wrappers say more than a type: ``Optional<X>`` (the key may be absent) and
``JsonNullable<X>`` (the value may be null, or the key absent). Outermost, they are reported as
the cell's :attr:`~generator.core.dialects.typecells.Parsed.wrapper` (``JsonNullable`` when
either of two nested wrappers is one); inside a container ``Optional<X>`` is ``X`` and
``JsonNullable<X>`` is ``X | None``. ``HttpResponse<InputStream>``, the SDK's raw HTTP
response, is no data: ``Any``.

What the cells lose: a ``Map``'s key type (JSON keys are strings), the width of a number
(``int``/``long``/``BigInteger`` are all ``int``; ``float``/``double``/``BigDecimal`` all
``float``, the latter noted ``Decimal``).
"""

from __future__ import annotations

import re

from ... import ir
from ..typecells import Grammar, Parsed, Parser, Token, primitive, union_of

_NONE = primitive(ir.Kind.NONE)
_BYTES = primitive(ir.Kind.BYTES, "byte[]")
_ESCAPED_BRACKET = re.compile(r"\\+(?=[<>])")
"""Speakeasy's markdown escapes of ``<`` (one backslash, or two inside a generic)."""

_NAMES_BY_PACKAGE: dict[str, dict[str, ir.TypeNode]] = {
    "java.lang": {
        "String": primitive(ir.Kind.STR),
        "Character": primitive(ir.Kind.STR, "Character"),
        "Integer": primitive(ir.Kind.INT),
        "Long": primitive(ir.Kind.INT),
        "Short": primitive(ir.Kind.INT),
        "Byte": primitive(ir.Kind.INT),
        "Float": primitive(ir.Kind.FLOAT),
        "Double": primitive(ir.Kind.FLOAT),
        "Boolean": primitive(ir.Kind.BOOL),
        "Object": ir.ANY,
        "Void": _NONE,
    },
    "java.math": {
        "BigInteger": primitive(ir.Kind.INT, "BigInteger"),
        "BigDecimal": primitive(ir.Kind.FLOAT, "Decimal"),
    },
    "java.time": {
        "OffsetDateTime": primitive(ir.Kind.DATETIME),
        "ZonedDateTime": primitive(ir.Kind.DATETIME, "ZonedDateTime"),
        "LocalDateTime": primitive(ir.Kind.DATETIME, "LocalDateTime"),
        "Instant": primitive(ir.Kind.DATETIME, "Instant"),
        "LocalDate": primitive(ir.Kind.DATE),
    },
    "java.util": {
        "Date": primitive(ir.Kind.DATETIME, "java.util.Date"),
        "UUID": primitive(ir.Kind.STR, "UUID"),
    },
    "java.net": {"URI": primitive(ir.Kind.STR, "URI"), "URL": primitive(ir.Kind.STR, "URL")},
    "java.io": {
        "File": primitive(ir.Kind.BYTES, "File"),
        "InputStream": primitive(ir.Kind.BYTES, "InputStream"),
    },
}
_PRIMITIVES: dict[str, ir.TypeNode] = {
    "char": primitive(ir.Kind.STR, "char"),
    "int": primitive(ir.Kind.INT),
    "long": primitive(ir.Kind.INT),
    "short": primitive(ir.Kind.INT),
    "byte": primitive(ir.Kind.INT),
    "float": primitive(ir.Kind.FLOAT),
    "double": primitive(ir.Kind.FLOAT),
    "boolean": primitive(ir.Kind.BOOL),
    "void": _NONE,
    "Any": ir.ANY,  # OpenAPI Generator's java docs: an array of untyped items (``List<Any>``)
}
NAMES: dict[str, ir.TypeNode] = {
    **_PRIMITIVES,
    **{name: node for names in _NAMES_BY_PACKAGE.values() for name, node in names.items()},
    **{
        f"{package}.{name}": node
        for package, names in _NAMES_BY_PACKAGE.items()
        for name, node in names.items()
    },
}
_MODEL_DOC = re.compile(r"(?:^|/)(?P<name>[^/#]+)\.md(?:#.*)?$")
"""A link to a model doc (``../../models/components/File.md``), not to Java's documentation."""


def _doc_name(href: str) -> str | None:
    """The name of the model doc a link targets (its file's stem), if it targets one."""
    m = _MODEL_DOC.search(href)
    return m.group("name") if m else None


_LISTS = frozenset(
    {"List", "ArrayList", "LinkedList", "Collection", "Set", "HashSet", "LinkedHashSet", "Iterable"}
)
_MAPS = frozenset({"Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap"})
_RESPONSES = frozenset({"HttpResponse", "CompletableFuture"})
"""The SDK's runtime objects: the raw HTTP response (and a pending one), no data."""
_NULLABLE = "JsonNullable"
_OPTIONAL = "Optional"


class JavaParser(Parser):
    """Java's syntax beyond the shared one: wrappers in ``<...>`` (not Python's ``[...]``),
    ``byte[]`` (bytes, not a list of numbers) and ``? extends X`` wildcards. A link's label is
    read knowing its target: the model doc it links is the model its label names, even one
    named like a Java type (glean's ``[Optional<File>](.../File.md)``)."""

    doc_href: str | None = None
    """The target of the link whose label this parser reads, if any."""

    def top(self) -> Parsed:
        wrappers: list[str] = []
        while self._at_wrapper():
            tok = self.peek()
            assert tok is not None
            wrappers.append(tok.text)
            self.pos += 2
        if wrappers:
            node = self.union(len(wrappers))
            for _ in wrappers:
                self.expect(">")
            return Parsed(node, _NULLABLE if _NULLABLE in wrappers else wrappers[0])
        tok = self.peek()
        if tok is not None and tok.kind == "link" and self.pos + 1 == len(self.tokens):
            inner = self._label(tok)
            if inner._at_wrapper():  # ``[Optional<X>](x.md)``: a wrapper, outermost
                parsed = inner.top()
                if inner.pos == len(inner.tokens):
                    self.pos += 1
                    return parsed
        return super().top()

    def linked(self, tok: Token, depth: int) -> ir.TypeNode:
        known = self.grammar.link(tok.text, tok.href)
        if known is not None:
            return known
        inner = self._label(tok)
        node = inner.union(depth + 1)
        if inner.pos != len(inner.tokens):
            inner.fail(f"unexpected {inner.tokens[inner.pos].text!r}")
        return node

    def named(self, name: str, href: str | None, depth: int) -> ir.TypeNode:
        tok = self.peek()
        generic = tok is not None and tok.kind == "punct" and tok.text in ("<", "[")
        if self.doc_href is not None and not generic:
            if name not in self.grammar.names or name == _doc_name(self.doc_href):
                return ir.Ref(name, href or self.doc_href)
        return super().named(name, href, depth)

    def _label(self, tok: Token) -> JavaParser:
        inner = self.inner(tok.text)
        assert isinstance(inner, JavaParser)
        inner.doc_href = tok.href
        return inner

    def _at_wrapper(self) -> bool:
        if self.pos + 1 >= len(self.tokens):
            return False
        tok, after = self.tokens[self.pos], self.tokens[self.pos + 1]
        return (
            tok.kind == "name"
            and tok.text in self.grammar.wrappers
            and after.kind == "punct"
            and after.text == "<"
        )

    def primary(self, depth: int) -> ir.TypeNode:
        tok = self.peek()
        after = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        if tok is not None and tok.kind == "name" and tok.text == "byte" and after and after.text == "[]":
            self.pos += 2
            return _BYTES
        if tok is not None and tok.kind == "punct" and tok.text == "?":
            self.pos += 1  # a wildcard: ``?``, ``? extends X``, ``? super X``
            bound = self.peek()
            if bound is not None and bound.kind == "name" and bound.text in ("extends", "super"):
                self.pos += 1
                node = self.union(depth + 1)
                return node if bound.text == "extends" else ir.ANY
            return ir.ANY
        return super().primary(depth)


class Java(Grammar):
    language = "java"
    names = NAMES
    lists = _LISTS
    maps = _MAPS
    wrappers = (_OPTIONAL, _NULLABLE)

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        if text in NAMES and text == _doc_name(href):  # a model named like a Java type: ``File``
            return ir.Ref(text, href)
        return None

    def prepare(self, cell: str) -> str:
        return _ESCAPED_BRACKET.sub("", cell) if "\\" in cell else cell

    @property
    def parser(self) -> type[Parser]:
        return JavaParser

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if base == _OPTIONAL and len(args) == 1:
            return args[0]
        if base == _NULLABLE and len(args) == 1:
            return union_of([args[0], _NONE])
        if base in _RESPONSES:
            spelled = "InputStream" if args == [NAMES["InputStream"]] else "..."
            return primitive(ir.Kind.ANY, f"{name}<{spelled}>")
        return None


JAVA = Java()
