"""Type cells: the inline markdown around a language's type expression, to IR type nodes.

A cell is inline markdown around a small type language. Emphasis, bold and code markup
are noise; a link carries a reference's target, and its text is a type too::

    TypeScript   *string*[]   Record<string, [components.X](x.md)>   *"failed"* \\| *42*
    Python       *Optional[str]*   List[[models.X](x.md)]   [Nullable[models.X]](x.md)
    OpenAPI Gen. **str**   [**List[X]**](X.md)   **Array&lt;string&gt;**

The tokenizer and the parser are shared; what a name means, which generics exist and how
a language spells its wrappers is a :class:`Grammar`, one per language
(:mod:`generator.core.dialects.languages`). A dialect reads its cells with its language's
grammar.

Python's wrappers say more than a type: ``Optional[X]`` (the key may be absent),
``Nullable[X]`` (the value may be null), ``OptionalNullable[X]``. Outermost, they are
reported as the cell's ``wrapper``; inside a container they make the item nullable.

One module of some 450 lines, on purpose: the grammar, the tokenizer and the parser are one
piece (a grammar hands the parser its class and the parser asks the grammar what each name
and generic means), and a language's grammar subclasses both.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

import msgspec

from .. import ir
from ..diagnostics import TYPE_CELL, DocError, Location

MAX_DEPTH = 64
_NOWHERE = Location("")

_TOKEN = re.compile(
    r"""
    [\s*`]*    # white space and markup: noise, skipped with the token after it
    (?:
      (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.]))
    | (?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)
    | (?P<punct>\[\]|[<>,|()\[\]{}:;?&])
    )?          # none: the end of the text, or a character no token starts with
    """,
    re.VERBOSE,
)
_SIMPLE_LABEL = re.compile(r"\[[^\[\]\\]+\]")
"""A link's label without brackets or backslashes: it ends at the first ``]``."""
_LABEL_MARK = re.compile(r"[\[\]\\]")
_HREF = re.compile(r"\(([^()\s]*)\)")
_ANY = ir.Primitive(ir.Kind.ANY)
_DOTTED_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
_LINK_CELL = re.compile(r"\[([^\[\]\\]+)\]\(([^()\s\\]*)\)((?:\[\])*)")
"""A cell that is one link and perhaps ``[]`` after it, without backslashes."""
_BOOLS = {"true": True, "false": False, "True": True, "False": False}
_CLOSING = {"<": ">", "[": "]"}
"""The brackets around a generic type's arguments."""


class Token(NamedTuple):
    """One token of a cell (a tuple: a cell makes several, and a tuple is cheaper to make)."""

    kind: str
    text: str
    href: str = ""
    offset: int = 0
    """Where the token starts in the text."""


class Parsed(msgspec.Struct, frozen=True):
    node: ir.TypeNode
    wrapper: str | None = None
    """The outermost ``Optional`` / ``Nullable`` / ``OptionalNullable``, if any."""
    warnings: tuple[str, ...] = ()
    """What the cell holds that gen-models typed as ``Any`` (an SDK's own generic type)."""


def primitive(kind: ir.Kind, note: str = "") -> ir.Primitive:
    return ir.Primitive(kind, note)


class Grammar:
    """One language's type cells. The base reads the syntax every language shares (names,
    links, literals, ``A | B``, ``(...)``, ``Name<...>`` or ``Name[...]`` generics); a
    language says what its names and generics mean by overriding :attr:`names` and
    :meth:`generic`, and may take over other pieces.

    Grammars are singletons: parsed cells are cached under them.
    """

    language: str = ""
    names: Mapping[str, ir.TypeNode] = {}
    """Names with a fixed meaning; any other name is a reference to a model doc."""
    object_type: ir.TypeNode = ir.ANY
    """What ``object`` / ``Object`` means."""
    wrappers: tuple[str, ...] = ()
    """Outermost wrappers reported as :attr:`Parsed.wrapper` (Python's ``Optional[...]``)."""
    unlinked_may_be_undocumented: bool = False
    """Whether a bare (unlinked) model name may name a model the docs do not have (docs older
    than their SDK): ``Any`` with a warning when it does, not an error."""

    lists: frozenset[str] = frozenset()
    """Generics of one argument that are JSON arrays (``List``, ``Vec``, ``BuiltSet``)."""
    maps: frozenset[str] = frozenset()
    """Generics of two arguments that are JSON objects, keyed by strings (``Map``, ``Dictionary``)."""

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        """``name<args>`` (``base`` is the name's last part), or None if the language has none
        such. The base reads :attr:`lists` and :attr:`maps`; a language with other generics
        reads those and asks the base for the rest."""
        if base in self.lists and len(args) == 1:
            return ir.ArrayOf(args[0])
        if base in self.maps and len(args) == 2:
            return ir.MapOf(args[1])
        return None

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        """A link whose meaning the language knows from its target (``[date](...python...)``),
        or None to read it as usual."""
        return None

    def prepare(self, cell: str) -> str:
        """The cell in the shared syntax, for a language that writes some of it otherwise
        (``T::Array<X>``, ``?float``): rewritten before it is tokenized."""
        return cell

    @property
    def parser(self) -> type[Parser]:
        """The parser of this language's cells: :class:`Parser`, or a subclass that reads
        more syntax (Go's ``[]T`` and ``map[K]V``) by overriding its methods."""
        return Parser

    # Hashed by identity, in C (an object's own hash): cells are cached under their grammar.
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<{self.language} type cells>"


def tokenize(cell: str, location: Location) -> list[Token]:
    tokens: list[Token] = []
    text = cell.replace("\\|", "|")
    pos = 0
    size = len(text)
    while pos < size:
        m = _TOKEN.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        kind = m.lastgroup
        if kind is None:  # white space and markup to the end, or to a character no token starts
            if m.end() < size:
                raise DocError(location, f"cannot read type {cell!r}: unexpected {text[m.end()]!r}")
            break
        start = m.start(kind)
        if text[start] == "[":
            link = _link_at(text, start)
            if link is not None:
                label, href, end = link
                tokens.append(Token("link", label.strip(" *`"), href, start))
                pos = end
                continue
        tokens.append(Token(kind, m.group(kind), "", start))
        pos = m.end()
    return tokens


def _link_at(text: str, start: int) -> tuple[str, str, int] | None:
    """``[label](href)`` at ``start``, with brackets balanced inside the label."""
    if text.find("](", start + 1) < 0:
        return None  # no label ends in a link target: ``List[str]``
    simple = _SIMPLE_LABEL.match(text, start)
    i = simple.end() - 1 if simple else _label_end(text, start)
    if i is None:
        return None
    m = _HREF.match(text, i + 1)
    if m is None or i == start + 1:
        return None
    return text[start + 1 : i], m.group(1), m.end()


def _label_end(text: str, start: int) -> int | None:
    """Where the ``]`` that closes the ``[`` at ``start`` is (escapes skipped), if anywhere."""
    depth, pos = 0, start
    while (mark := _LABEL_MARK.search(text, pos)) is not None:
        i = mark.start()
        if text[i] == "\\":
            pos = i + 2
            continue
        if text[i] == "[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
        pos = i + 1
    return None


def parse_type(cell: str, location: Location, grammar: Grammar) -> Parsed:
    """Parse a whole Type cell; raise :class:`DocError` naming the cell if it is not a type."""
    try:
        return _parse_type(cell, grammar)
    except DocError as exc:
        raise DocError(location, exc.diagnostic.message, TYPE_CELL) from None


@lru_cache(maxsize=8192)
def _parse_type(cell: str, grammar: Grammar) -> Parsed:
    """:func:`parse_type`, once per distinct cell (docs repeat their type cells; the result
    is immutable and does not depend on where the cell is)."""
    text = grammar.prepare(cell)
    linked = _link_cell(text, grammar)
    if linked is not None:
        return Parsed(linked)
    parser = grammar.parser(tokenize(text, _NOWHERE), cell, _NOWHERE, grammar)
    parsed = parser.top()
    if parser.pos != len(parser.tokens):
        parser.fail(f"unexpected {parser.tokens[parser.pos].text!r}")
    return msgspec.structs.replace(parsed, warnings=tuple(parser.warnings)) if parser.warnings else parsed


def _link_cell(text: str, grammar: Grammar) -> ir.TypeNode | None:
    """The type of a cell that links a name (``[components.X](x.md)[]``), as the parser
    would read it, or None for any other cell. Most cells that are not repeated are these."""
    m = _LINK_CELL.fullmatch(text)
    if m is None:
        return None
    name = m[1].strip(" *`")
    node = grammar.link(name, m[2])
    if node is None:
        if not _DOTTED_NAME.fullmatch(name) or name in grammar.wrappers:
            return None  # a wrapper, or an expression: the parser decides
        if name in ("object", "Object"):
            node = grammar.object_type
        else:
            node = grammar.names[name] if name in grammar.names else ir.Ref(name, m[2] or None)
    for _ in range(len(m[3]) // 2):
        node = ir.ArrayOf(node)
    return node


def literal_value(token_text: str) -> str:
    """A quoted string token to its value; ValueError if its escapes are not valid."""
    quote = token_text[:1]
    if (
        quote in ('"', "'")
        and len(token_text) > 1
        and token_text[-1] == quote
        and quote not in token_text[1:-1]
        and "\\" not in token_text
        and token_text.isprintable()
    ):
        return token_text[1:-1]  # nothing to unescape: what json or Python would read
    try:
        value = json.loads(token_text) if token_text.startswith('"') else ast.literal_eval(token_text)
    except (SyntaxError, MemoryError, RecursionError) as exc:
        raise ValueError(token_text) from exc
    if not isinstance(value, str):
        raise ValueError(token_text)
    return value


def number_value(token_text: str) -> int | float:
    return float(token_text) if any(c in token_text for c in ".eE") else int(token_text)


def number_type(token_text: str) -> ir.TypeNode:
    """A number as a type: ``Literal[42]``; but ``1.5`` is a ``float`` (noted), for Python's
    ``Literal`` holds no floats (and ``1e400`` is no finite number at all)."""
    value = number_value(token_text)
    return ir.Literal(value) if isinstance(value, int) else primitive(ir.Kind.FLOAT, token_text)


class Parser:
    """A recursive-descent parser of one cell's tokens: ``top`` (a wrapper or a type),
    ``union`` (``A | B``), ``postfix`` (``T[]``), ``primary`` (a literal, a link, a name or
    generic, ``(...)``, ``{ [k: K]: V }``). A language with more syntax overrides some."""

    def __init__(self, tokens: list[Token], cell: str, location: Location, grammar: Grammar) -> None:
        self.tokens = tokens
        self.cell = cell
        self.location = location
        self.grammar = grammar
        self.pos = 0
        self.warnings: list[str] = []

    def fail(self, why: str) -> None:
        raise DocError(self.location, f"cannot read type {self.cell!r}: {why}")

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, text: str) -> bool:
        if self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if tok.text == text and tok.kind == "punct":
                self.pos += 1
                return True
        return False

    def expect(self, text: str) -> None:
        if not self.take(text):
            tok = self.peek()
            self.fail(f"expected {text!r}, found {tok.text!r}" if tok else f"expected {text!r} at the end")

    def inner(self, text: str) -> Parser:
        """A parser of a link's label (a type too), whose warnings are this one's."""
        parser = type(self)(tokenize(text, self.location), self.cell, self.location, self.grammar)
        parser.warnings = self.warnings
        return parser

    def top(self) -> Parsed:
        """The cell: a type, perhaps in an outermost wrapper (Python's nullability)."""
        tok = self.peek()
        after = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        wrappers = self.grammar.wrappers
        if tok is not None and tok.kind == "name" and tok.text in wrappers and after and after.text == "[":
            self.pos += 2
            node = self.union(1)
            self.expect("]")
            return Parsed(node, tok.text)
        if tok is not None and tok.kind == "link" and self.pos + 1 == len(self.tokens):
            inner = self.inner(tok.text)
            if inner.tokens and inner.tokens[0].text in wrappers:
                parsed = inner.top()
                if inner.pos == len(inner.tokens):
                    self.pos += 1
                    return Parsed(_relink(parsed.node, tok.href), parsed.wrapper)
        return Parsed(self.union(0))

    def union(self, depth: int) -> ir.TypeNode:
        if depth > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} deep")
        self.take("|")  # a leading bar, as in multi-line unions
        members = [self.postfix(depth)]
        while self.take("|"):
            members.append(self.postfix(depth))
        return union_of(members)

    def postfix(self, depth: int) -> ir.TypeNode:
        node = self.primary(depth)
        while self.take("[]"):
            depth += 1
            if depth > MAX_DEPTH:
                self.fail(f"nested more than {MAX_DEPTH} deep")
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
            return number_type(tok.text)
        if tok.kind == "link":
            return self.linked(tok, depth)
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

    def linked(self, tok: Token, depth: int) -> ir.TypeNode:
        known = self.grammar.link(tok.text, tok.href)
        if known is not None:
            return known
        if _DOTTED_NAME.fullmatch(tok.text):
            return self.named(tok.text, tok.href, depth)
        inner = self.inner(tok.text)
        node = inner.union(depth + 1)
        if inner.pos != len(inner.tokens):
            inner.fail(f"unexpected {inner.tokens[inner.pos].text!r}")
        return _relink(node, tok.href)

    def named(self, name: str, href: str | None, depth: int) -> ir.TypeNode:
        tok = self.peek()
        if tok is not None and tok.kind == "punct" and tok.text in _CLOSING:
            self.pos += 1
            args = [self.union(depth + 1)]
            while self.take(","):
                args.append(self.union(depth + 1))
            self.expect(_CLOSING[tok.text])
            base = name.rsplit(".", 1)[-1]
            node = self.grammar.generic(base, name, args)
            if node is None and any(
                self.grammar.generic(base, name, [_ANY] * n) is not None for n in (1, 2) if n != len(args)
            ):
                self.fail(f"{name}<...> with {len(args)} type(s), a number it does not take")
            if node is None:  # an SDK's own wrapper (a stream, a page, a response), most likely
                self.warnings.append(
                    f"{name}<...> in {self.cell!r} is a generic type gen-models does not know: typed Any"
                )
                return primitive(ir.Kind.ANY, f"{name}<...>")
            return node
        if name in ("object", "Object"):
            return self.grammar.object_type
        names = self.grammar.names
        if name in names:
            return names[name]
        if not href and self.grammar.unlinked_may_be_undocumented:
            return ir.Ref(name, None, missing=primitive(ir.Kind.ANY, name))
        return ir.Ref(name, href or None)

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


def union_of(members: list[ir.TypeNode]) -> ir.TypeNode:
    """A union, flattened and without repeats (by what a node is, not Python's equality:
    ``true`` and ``1`` are two literals); one member is just that member."""
    flat: dict[str, ir.TypeNode] = {}
    for member in members:
        for m in member.members if isinstance(member, ir.UnionOf) else (member,):
            flat.setdefault(repr(m), m)
    found = list(flat.values())
    return found[0] if len(found) == 1 else ir.UnionOf(tuple(found))


def _relink(node: ir.TypeNode, href: str) -> ir.TypeNode:
    """Give the references inside a link's text the link's target."""
    if isinstance(node, ir.Ref):
        return ir.Ref(node.spelling, href)
    if isinstance(node, ir.ArrayOf):
        return ir.ArrayOf(_relink(node.item, href))
    if isinstance(node, ir.MapOf):
        return ir.MapOf(_relink(node.value, href))
    if isinstance(node, ir.UnionOf):
        return ir.UnionOf(tuple(_relink(m, href) for m in node.members))
    return node
