"""liblab's model docs for its Python SDKs (``docs/models/<Name>.md``).

A file documents its model and then the enums and models that model uses, each a section
``# Name``, a description, a bold ``**Properties**`` line and a ``Name | Type | Required |
Description`` table (``✅``/``❌``)::

    # AccountBulkRequest            # an object: its fields
    | type\\_ | AccountBulkRequestType | ❌ | |
    # AccountBulkRequestType        # an enum: each member's value is its description
    | GET | str | ✅ | "GET" |
    # AccountExpression             # a union: the heading alone

A file of one section is one model (key: the file's path); in a file of several, each
section is a model keyed ``<path>#<Name>``. Names and types are bare: Python attribute
names, markdown-escaped (``type\\_``: the SDK's ``type_`` for the key ``type``; liblab's
Python escapes append ``_``), and Python types (``str``, ``List[BulkId]``, ``dict``), model
names unlinked (resolved by name, the model in the same file first).

What the docs lose: the wire names (liblab snake_cases them: ``accountId`` is shown
``account_id``, ``Result`` is ``result``), nullability, a union's members, and enum member
descriptions. They may be older than the SDK (fields and models it no longer has).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from .. import ir
from ..diagnostics import DocError, warning
from ..escapes import python_key
from ..options import AliasRule
from ..page import Block, Page, Paragraph, Table
from ..pysource import clean_text
from .base import Detected, Dialect, Reading
from .languages.python import NAMES, Python
from .typecells import literal_value, number_value

_PROPERTIES = "**Properties**"
_HEADER = ("name", "type", "required", "description")
_REQUIRED = {"✅": True, "❌": False}
_ESCAPE = re.compile(r"\\(.)")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_LITERAL = re.compile(r'^(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)$')
_ENUM_TYPES = {"str", "int", "float"}
_PYTHON_CELL = re.compile(r"^(?:str|int|float|bool|dict|list|Any|(?:List|Dict|Union|Optional)\[.*)$")
_PYTHON_NAME = re.compile(r"[a-z0-9]_[a-z0-9]|\\_$")
"""A snake_case attribute name, or an escaped one (``type\\_``): liblab's other languages camelCase."""
_OTHER_CELL = re.compile(
    r"<|\?|\[\]|\*|^(?:string|number|boolean|String|Integer|Long|Boolean|Double|unknown)$"
)


class _Grammar(Python):
    """liblab's Python cells: bare ``dict`` and ``list`` are a JSON object and array of anything."""

    language = "python"
    names = {**NAMES, "dict": ir.MapOf(ir.ANY), "list": ir.ArrayOf(ir.ANY)}
    unlinked_may_be_undocumented = True  # docs older than the SDK name models they lack


GRAMMAR = _Grammar(swap_dates=False)


class _Section(NamedTuple):
    """One ``# Name`` section of a page: a model."""

    heading: str
    """The heading's text, without markup (the key's anchor)."""
    line: int
    blocks: tuple[Block, ...]

    @property
    def name(self) -> str:
        """The model's name: liblab's class names have no ``_`` (``# ChangeElementKey_1``
        documents ``ChangeElementKey1``, as the type cells call it)."""
        joined = self.heading.replace("_", "")
        underscored = "_" in self.heading and joined.isidentifier() and self.heading[:1].isupper()
        return joined if underscored else self.heading


class LiblabPython:
    """The family and its one dialect: liblab's Python SDK docs."""

    name = "liblab-python"
    rule = AliasRule.CAMEL
    """liblab snake_cases the keys of the (mostly camelCase) APIs it documents; the docs
    rarely spell a key, so this is the rule when they do not vote."""
    echoes: frozenset[str] = frozenset()

    @property
    def dialects(self) -> tuple[Dialect, ...]:
        return (self,)

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        if page.title is None:
            return None
        tables = [t for s in _sections(page) if (t := _properties(s.blocks)) is not None]
        if only is not None and (tables or _headings_only(page)):
            return Detected(self, True)
        if not tables:
            return None
        cells = [r.cells[1].strip() for t in tables for r in t.rows if len(r.cells) > 1]
        if any(_OTHER_CELL.search(c) for c in cells):
            return None  # liblab's docs of another SDK language
        names = [r.cells[0].strip() for t in tables for r in t.rows if r.cells]
        python = any(_PYTHON_CELL.match(c) for c in cells) or any(_PYTHON_NAME.search(n) for n in names)
        return Detected(self, python)

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        sections = list(_sections(page))
        several = len(sections) > 1
        return [_read(page, s, several, reading) for s in sections]

    def __repr__(self) -> str:
        return f"<dialect {self.name}>"


LIBLAB = LiblabPython()


def _headings_only(page: Page) -> bool:
    """Nothing but ``# Name`` headings and text: liblab's unions (and other formats' pages)."""
    blocks = [*page.intro, *(b for s in page.sections for b in s.blocks)]
    return all(s.level == 1 for s in page.sections) and all(isinstance(b, Paragraph) for b in blocks)


def _sections(page: Page) -> Iterator[_Section]:
    """The page's ``# Name`` sections: the title's, then each level-1 heading's (deeper
    headings belong to the section above them)."""
    if page.title is None:
        return
    name, line, blocks = page.title, page.title_line, list(page.intro)
    for section in page.sections:
        if section.level == 1:
            yield _Section(_clean(name), line, tuple(blocks))
            name, line, blocks = section.title, section.line, []
        blocks.extend(section.blocks)
    yield _Section(_clean(name), line, tuple(blocks))


def _clean(heading: str) -> str:
    return _unescape(heading.replace("`", "")).strip()


def _unescape(cell: str) -> str:
    return _ESCAPE.sub(r"\1", cell) if "\\" in cell else cell


def _properties(blocks: tuple[Block, ...]) -> Table | None:
    """The table after the ``**Properties**`` line, if it has liblab's columns."""
    after = False
    for block in blocks:
        if isinstance(block, Paragraph):
            after = block.text.strip() == _PROPERTIES
        elif isinstance(block, Table) and after:
            header = tuple(h.strip().lower() for h in block.header[:4])
            return block if header == _HEADER else None
    return None


def _text(cell: str) -> str:
    """A description: markdown escapes undone (liblab escapes ``<``, ``(``, ``*``...),
    ``<br />`` a line break."""
    cell = _unescape(cell)
    if "<" in cell:
        cell = _BR.sub("\n", cell)
    return clean_text(cell)


def _read(page: Page, section: _Section, several: bool, reading: Reading) -> ir.Model:
    at = page.at(section.line)
    if not section.heading:
        raise DocError(at, "the heading names no model")
    texts = [
        _text(b.text) for b in section.blocks if isinstance(b, Paragraph) and b.text.strip() != _PROPERTIES
    ]
    key = f"{page.rel}#{re.sub(r'[/#]', '_', section.heading)}" if several else page.rel
    common: dict[str, Any] = {
        "key": key,
        "name": section.name,
        "description": "\n\n".join(t for t in texts if t),
        "location": at,
    }
    has_properties = any(isinstance(b, Paragraph) and b.text.strip() == _PROPERTIES for b in section.blocks)
    table = _properties(section.blocks)
    if table is None:
        if has_properties:
            raise DocError(at, "the Properties table has no Name | Type | Required | Description columns")
        why = "has no properties in its doc (a union's members are not listed): generated as Any"
        reading.diagnostics.append(warning(at, f"{section.name} {why}"))
        return ir.OpaqueModel(**common)
    rows = [[c.strip() for c in r.cells[:4]] for r in table.rows]
    if rows and all(_is_member(cells) for cells in rows):
        return ir.EnumModel(**common, members=_members(page, table), open=False)
    return ir.ObjectModel(**common, fields=_fields(page, table, reading))


def _is_member(cells: list[str]) -> bool:
    """An enum's row: a value of type ``str`` (or a number), required, described by its value."""
    return len(cells) == 4 and cells[1] in _ENUM_TYPES and cells[2] == "✅" and bool(_LITERAL.match(cells[3]))


def _members(page: Page, table: Table) -> tuple[ir.EnumMember, ...]:
    members = []
    for row in table.rows:
        at = page.at(row.line)
        name, value = _unescape(row.cells[0].strip()), row.cells[3].strip()
        try:
            parsed: str | int | float = literal_value(value) if value.startswith('"') else number_value(value)
        except ValueError:
            try:  # a markdown escape (``"\*"``), not a JSON one
                parsed = literal_value(_unescape(value))
            except ValueError:
                raise DocError(at, f"cannot read enum value {value!r}") from None
        members.append(ir.EnumMember(name, parsed, at, python_name=True))
    return tuple(members)


def _fields(page: Page, table: Table, reading: Reading) -> tuple[ir.Field, ...]:
    fields = []
    for row in table.rows:
        at = page.at(row.line)
        name_cell, type_cell, required_cell, description_cell = (c.strip() for c in row.cells[:4])
        shown = _unescape(name_cell).strip("`* ")
        if not shown:
            raise DocError(at, f"Name cell {name_cell!r} names no field")
        required = _REQUIRED.get(required_cell)
        if required is None:
            raise DocError(at, f"Required cell {required_cell!r} of field {shown!r} is neither ✅ nor ❌")
        key = python_key(shown)
        fields.append(
            ir.Field(
                name=key or shown,
                type=reading.type_of(_unescape(type_cell), at, GRAMMAR).node,
                required=required,
                nullable=ir.Nullable.UNKNOWN,
                description=_text(description_cell),
                location=at,
                shown=shown,
                wire_source=ir.WireSource.CONVENTION if key else ir.WireSource.SHOWN,
            )
        )
    return tuple(fields)
