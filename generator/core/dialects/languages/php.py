"""PHP type cells, as Speakeasy and OpenAPI Generator write them.

Speakeasy: ``*?string*``, ``[?Components\\Region](..)``, ``array<[Components\\X](..)>``,
``array<string, *mixed*>``, ``\\DateTime``, ``[\\Psr\\Http\\Message\\ResponseInterface](https://...)``,
and a union's doc linked with its members as the label: ``[string\\|array\\|null](../TagIds.md)``.
OpenAPI Generator (bold, HTML entities undone): ``**int[][]**``, ``**array<string,mixed>**``,
``[**\\Ory\\Client\\Model\\X[]**](X.md)``, ``**\\SplFileObject**``.

A leading ``?`` (or a ``|null`` member) makes the value nullable: outermost it is reported as
the cell's wrapper ``?``, inside a container it makes the item nullable. A namespaced name
(``Components\\X``, ``\\Ory\\Client\\Model\\X``) is a model named by its last part, looked up
in the docs' directory of its namespace's last part (``Components``) when it is not linked.
PHP's ``array`` without its item type is a list or a map, and says no more.
"""

from __future__ import annotations

import posixpath
import re

from ... import ir
from ..typecells import Grammar, Parsed, Parser, primitive, union_of

NULLABLE = "?"
"""The wrapper of a nullable cell (``?T``, ``T|null``)."""
_NONE = primitive(ir.Kind.NONE)
BARE_ARRAY = ir.UnionOf((ir.ArrayOf(ir.ANY), ir.MapOf(ir.ANY)))
"""A bare ``array``: PHP's one container is a list or a map."""

NAMES: dict[str, ir.TypeNode] = {
    "string": primitive(ir.Kind.STR),
    "int": primitive(ir.Kind.INT),
    "integer": primitive(ir.Kind.INT),
    "float": primitive(ir.Kind.FLOAT),
    "double": primitive(ir.Kind.FLOAT),
    "number": primitive(ir.Kind.FLOAT),
    "bool": primitive(ir.Kind.BOOL),
    "boolean": primitive(ir.Kind.BOOL),
    "mixed": ir.ANY,
    "null": _NONE,
    "array": BARE_ARRAY,
    "DateTime": primitive(ir.Kind.DATETIME),
    "DateTimeInterface": primitive(ir.Kind.DATETIME),
    "DateTimeImmutable": primitive(ir.Kind.DATETIME),
    "Brick.DateTime.LocalDate": primitive(ir.Kind.DATE),
    "Brick.Math.BigDecimal": primitive(ir.Kind.FLOAT, "Decimal"),
    "Brick.Math.BigInteger": primitive(ir.Kind.INT, "BigInteger"),
    "SplFileObject": primitive(ir.Kind.BYTES, "SplFileObject"),
    "Psr.Http.Message.StreamInterface": primitive(ir.Kind.BYTES, "StreamInterface"),
    # Runtime objects of an SDK, not data.
    "Psr.Http.Message.ResponseInterface": primitive(ir.Kind.ANY, "ResponseInterface"),
    "Closure": primitive(ir.Kind.ANY, "Closure"),
    "callable": primitive(ir.Kind.ANY, "callable"),
}

_UNION_LINK = re.compile(r"\[(?P<label>[^\[\]()]*\|[^\[\]()]*)\]\((?P<href>[^()\s]+\.md(?:#[^()\s]*)?)\)")
"""A link to a union's doc whose label lists its members: ``[string|array|null](../TagIds.md)``."""
_NULLABLE_LINK = re.compile(r"\[([\s*`]*)\?")
"""``[?X](...)``: a nullable reference, whose ``?`` is moved before the link."""
_NAMESPACE = re.compile(r"(?P<before>\w?)\\(?=[A-Za-z])")
"""A namespace separator (``Components\\X``), or a fully qualified name's leading one (``\\DateTime``)."""
_ESCAPED = re.compile(r"\\([^A-Za-z0-9\s])")
_NULL_MEMBER = re.compile(r"(?:^|\|)[\s*`]*null[\s*`]*(?:\||$)")


class PhpParser(Parser):
    """The shared parser, with PHP's ``?T`` (nullable) and ``T|null`` reported as the ``?``
    wrapper outermost."""

    def top(self) -> Parsed:
        if self.take(NULLABLE):
            return Parsed(self.postfix(1), NULLABLE)
        node = self.union(0)
        if isinstance(node, ir.UnionOf) and _NONE in node.members:
            rest = [m for m in node.members if m != _NONE]
            if rest:
                return Parsed(union_of(rest), NULLABLE)
        return Parsed(node)

    def primary(self, depth: int) -> ir.TypeNode:
        if self.take(NULLABLE):
            return union_of([self.postfix(depth), _NONE])
        return super().primary(depth)


class Php(Grammar):
    language = "php"
    names = NAMES
    wrappers = (NULLABLE,)

    def prepare(self, cell: str) -> str:
        """Into the shared syntax: ``\\|`` is a bar; a union's doc linked with its members as
        the label is that doc (``?`` before it if one member is ``null``); ``[?X](..)`` is
        ``?[X](..)``; namespaces are dotted (``Components.X``, ``DateTime``)."""
        text = cell.replace("\\|", "|")
        if "|" in text and "](" in text:
            text = _UNION_LINK.sub(_union_doc, text)
        if "[" in text and "?" in text:
            text = _NULLABLE_LINK.sub(r"?[\1", text)
        if "\\" in text:
            text = _NAMESPACE.sub(lambda m: m["before"] + "." if m["before"] else "", text)
            text = _ESCAPED.sub(r"\1", text)
        return text

    @property
    def parser(self) -> type[Parser]:
        return PhpParser

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        if base in ("array", "list", "iterable") and name == base:
            if len(args) == 1:
                return ir.ArrayOf(args[0])
            if len(args) == 2:
                key = args[0]
                is_list = isinstance(key, ir.Primitive) and key.kind is ir.Kind.INT
                return ir.ArrayOf(args[1]) if is_list else ir.MapOf(args[1])
        return None


def _union_doc(m: re.Match[str]) -> str:
    href = m["href"]
    name = posixpath.basename(href.split("#", 1)[0])[: -len(".md")]
    if not name:
        return m.group(0)
    nullable = NULLABLE if _NULL_MEMBER.search(m["label"]) else ""
    return f"{nullable}[{name}]({href})"


PHP = Php()
