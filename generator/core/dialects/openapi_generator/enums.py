"""OpenAPI Generator's enums: an ``## Enum`` page's members (a bullet list, swagger-codegen's
table, rust's ``## Enum Variants``, python-prior's ``must be one of [...]``), and the inline
enums Java and Kotlin document after a model's table (``## Enum: X``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ... import ir
from ...diagnostics import DocError, Location
from ...markdown import unescape
from ...page import BulletList, Code, Page, Paragraph, Section, Table
from ..typecells import number_value, union_of
from .tables import header, shown

if TYPE_CHECKING:
    from .dialect import OAGDialect

VARIANTS = "enum variants"
PROPERTIES = "properties"
_ENUM_TABLE = ("name", "type", "value", "description")
_VALUE_TABLE = ("name", "value")
_ENUM_ITEM = re.compile(r"^`(?P<name>[^`]+)`\s*\(value:\s*`(?P<value>.*)`\)\s*$", re.DOTALL)
_ANCHOR = re.compile(r"^<a\s+(?:id|name)=\"(?P<id>[^\"]*)\"\s*>\s*</a>$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_ENUM_LINE = re.compile(r"^\s*[*-]\s+(?=`)", re.MULTILINE)
_LIST_ANCHOR = re.compile(r"^(?:kotlin\.collections\.)?(?:List|Array|Set)<")
_INLINE_LINK = re.compile(r"^\[\*\*(?P<label>[^\[\]]*)\*\*\]\(#(?P<anchor>[^()]*)\)$")


class _InlineEnum(NamedTuple):
    values: tuple[ir.Literal, ...]
    shown: str
    """The property it belongs to, as Kotlin names it in its one row ("" for Java's)."""


def inline_enums(page: Page) -> dict[str, _InlineEnum]:
    """The ``## Enum: X`` sections, by their title's name, their anchor and (Kotlin) the
    property they belong to."""
    found: dict[str, _InlineEnum] = {}
    previous: Section | None = None
    for section in page.sections:
        title = section.title.strip()
        if section.level == 2 and title.lower().startswith("enum:"):
            table = next((b for b in section.blocks if isinstance(b, Table)), None)
            if table is not None and header(table, 2) == _VALUE_TABLE and table.rows:
                enum = _inline_enum(table)
                for key in (title[5:], _anchor(previous), enum.shown):
                    if key:
                        found.setdefault(_norm(key), enum)
        previous = section
    return found


def _anchor(section: Section | None) -> str:
    """The ``<a id="X"></a>`` that ends a section (Kotlin's anchor for the next one)."""
    if section is None or not section.blocks or not isinstance(section.blocks[-1], Paragraph):
        return ""
    m = _ANCHOR.match(section.blocks[-1].text.strip())
    return m.group("id") if m else ""


def _norm(key: str) -> str:
    return unescape(key).strip().strip("`").lower()


def _inline_enum(table: Table) -> _InlineEnum:
    cells = [[unescape(c).strip() for c in row.cells[:2]] for row in table.rows]
    if len(cells) == 1 and not cells[0][1].startswith('"'):
        # Kotlin: one row, the property and its values: ``| status | active, inactive |``
        parts = [p.strip() for p in cells[0][1].split(",")]
        numeric = all(_NUMBER.fullmatch(p) for p in parts)
        values = tuple(ir.Literal(number_value(p) if numeric else p) for p in parts if p)
        return _InlineEnum(values, cells[0][0].strip("`"))
    literals = []
    for _, value in cells:  # Java: a member a row, ``| ACTIVE | "active" |``
        literals.append(ir.Literal(_value(value)))
    return _InlineEnum(tuple(literals), "")


def _value(written: str) -> str | int | float:
    if _NUMBER.fullmatch(written):
        return number_value(written)
    if len(written) > 1 and written[0] == written[-1] and written[0] in "\"'":
        return written[1:-1]
    return written


def inline_type(cell: str, shown: str, enums: dict[str, _InlineEnum]) -> ir.TypeNode | None:
    """The type of a property whose Type cell links to an inline enum (``[**inline**](#X)``)."""
    m = _INLINE_LINK.match(cell.strip())
    if m is None:
        return None
    anchor = m.group("anchor")
    enum = enums.get(_norm(anchor)) or enums.get(_norm(shown))
    if enum is None:
        return None
    node = union_of(list(enum.values))
    label = m.group("label")
    listed = _LIST_ANCHOR.match(anchor if label == "inline" else label)
    return ir.ArrayOf(node) if listed else node


def members(page: Page, section: Section, dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
    for block in section.blocks:
        if isinstance(block, BulletList) and block.items:
            return _bullets(page, block.items, dialect)
        if isinstance(block, Code) and not block.info and _ENUM_LINE.search(block.text):
            # Kotlin indents its items four spaces: markdown reads a code block.
            lines = block.text.split("\n")
            items = [
                Paragraph(_ENUM_LINE.sub("", t), block.line + 1 + i) for i, t in enumerate(lines) if t.strip()
            ]
            return _bullets(page, tuple(items), dialect)
        if isinstance(block, Table):
            columns = header(block, 4)
            if columns == _ENUM_TABLE:
                return _enum_table(page, block, dialect)
            if columns[:2] == _VALUE_TABLE:
                return _variants(page, block)
    if section.title.strip().lower() == VARIANTS:
        return ()
    raise DocError(page.at(page.title_line), "the Enum section lists no values")


def _bullets(page: Page, items: tuple[Paragraph, ...], dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
    """`` `NAME` (value: `'value'`) `` items."""
    members = []
    for item in items:
        at = page.at(item.line)
        m = _ENUM_ITEM.match(unescape(item.text.strip()))
        if m is None:
            raise DocError(at, f"cannot read enum value {item.text!r}: expected `NAME` (value: `'value'`)")
        members.append(
            ir.EnumMember(
                m.group("name"),
                member_value(m.group("value"), dialect, at),
                at,
                python_name=dialect.member_names_are_python,
            )
        )
    return tuple(members)


def _enum_table(page: Page, table: Table, dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
    """swagger-codegen's ``| **NAME** | **str** | "value" | description |`` rows."""
    members = []
    for row in table.rows:
        at = page.at(row.line)
        name, value = shown(row.cells[0]), unescape(row.cells[2]).strip() if len(row.cells) > 2 else ""
        members.append(
            ir.EnumMember(
                name or None,
                member_value(value, dialect, at),
                at,
                python_name=dialect.member_names_are_python,
            )
        )
    if not members:
        raise DocError(page.at(table.line), "the Enum table has no rows")
    return tuple(members)


def _variants(page: Page, table: Table) -> tuple[ir.EnumMember, ...]:
    """rust's ``| Name | value |`` rows: the values unquoted (all numbers: numbers)."""
    rows = [(unescape(r.cells[0]).strip(), unescape(r.cells[1]).strip(), page.at(r.line)) for r in table.rows]
    numeric = bool(rows) and all(_NUMBER.fullmatch(v) for _, v, _ in rows)
    return tuple(ir.EnumMember(n or None, number_value(v) if numeric else v, at) for n, v, at in rows)


_ONE_OF_VALUES = re.compile(r"^must be one of \[(?P<values>.*)\]\s*$")


def simple_enum(page: Page, dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
    """python-prior's enum page: one ``value`` property whose Notes say ``must be one of
    ["a", "b", ]``; its members (none for any other page)."""
    section = page.section(PROPERTIES)
    table = next((b for b in section.blocks if isinstance(b, Table)), None) if section else None
    if table is None or len(table.rows) != 1 or len(table.rows[0].cells) < 4:
        return ()
    row = table.rows[0]
    m = _ONE_OF_VALUES.match(unescape(row.cells[3]).strip())
    if shown(row.cells[0]) != "value" or m is None:
        return ()
    at = page.at(row.line)
    try:
        values = dialect.literal(f"[{m.group('values')}]")
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        raise DocError(at, f"cannot read the values {m.group('values')!r}") from None
    if not isinstance(values, list) or not values:
        raise DocError(at, f"cannot read the values {m.group('values')!r}")
    return tuple(ir.EnumMember(None, member_value(repr(v), dialect, at), at) for v in values)


def member_value(written: str, dialect: OAGDialect, at: Location) -> str | int | float:
    try:
        value = dialect.literal(written)
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        raise DocError(at, f"cannot read enum value {written!r}") from None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise DocError(at, f"enum value {written!r} is not a string or a number")
    return value
