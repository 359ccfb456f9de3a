"""OpenAPI Generator's model docs (the ``python`` and ``typescript-axios`` generators).

A page is ``# Name``, a description, then ``## Properties``, a ``Name | Type |
Description | Notes`` table (with or without outer pipes), or ``## Enum``, a bullet list
``` `NAME` (value: `'v'`) ```; then an ``## Example`` and "Back to Model list" links.

The Notes column says ``[optional]``, ``[readonly]`` and ``[default to V]``; an empty
cell means required. ``[default to undefined]`` (typescript-axios) means no default.
Types are bold, links ``[**X**](X.md)`` or ``[**List[X]**](X.md)``, with HTML entities
(``**Array&lt;string&gt;**``). The python generator shows Python names (``var_date`` for
``date``): the wire name is lost; typescript-axios shows wire names. Neither shows nullability.
"""

from __future__ import annotations

import ast
import keyword
import re
from typing import Any

from .. import ir, tsliteral
from ..diagnostics import Diagnostic, DocError, Location, warning
from ..escapes import python_key
from ..markdown import unescape
from ..options import AliasRule
from ..page import BulletList, Code, Page, Paragraph, Table
from ..pysource import clean_text
from .base import Detected, Dialect, Reading
from .languages.python import PYTHON
from .languages.typescript import TypeScript
from .typecells import parse_type


class _TypeScript(TypeScript):
    """typescript-axios's cells: TypeScript, but ``object`` is a free-form value."""

    object_type: ir.TypeNode = ir.ANY


OAG_TYPESCRIPT = _TypeScript()

_HEADER = ("name", "type", "description", "notes")
_ENUM_ITEM = re.compile(r"^`(?P<name>[^`]+)`\s*\(value:\s*`(?P<value>.*)`\)\s*$", re.DOTALL)
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(.)")
_DEFAULT = re.compile(r"\[default to (?P<value>.*)\]\s*$", re.DOTALL)
# The python generator renames fields that clash with Python names: `date` -> `var_date`.
_VAR_PREFIXED = re.compile(r"^var_(?P<name>\w+)$")
_OAG_RESERVED = frozenset(keyword.kwlist) | {
    "date",
    "datetime",
    "float",
    "int",
    "str",
    "bool",
    "list",
    "dict",
    "object",
    "property",
    "self",
    "schema",
    "type",
    "json",
    "copy",
}


class OpenAPIGenerator:
    """The family and its one dialect: the ``python`` and ``typescript-axios`` generators'
    docs, told apart page by page."""

    name = "openapi-generator"
    rule = AliasRule.NONE

    @property
    def dialects(self) -> tuple[Dialect, ...]:
        return (self,)

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        if page.title is None:
            return None
        if page.section("properties") is None and page.section("enum") is None:
            return None
        return Detected(self, True)

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        return [read(page, reading.diagnostics)]


OPENAPI_GENERATOR = OpenAPIGenerator()


def read(page: Page, diagnostics: list[Diagnostic]) -> ir.Model:
    assert page.title is not None
    at = page.at(page.title_line)
    name = page.title.strip().strip("`")
    if not name:
        raise DocError(at, "the heading names no model")
    texts = [_text(b.text) for b in page.intro if isinstance(b, Paragraph)]
    description = "\n\n".join(text for text in texts if text)
    common: dict[str, Any] = {"key": page.rel, "name": name, "description": description, "location": at}
    python = _language(page) == "python"
    properties = page.section("properties")
    if properties is not None:
        return ir.ObjectModel(**common, fields=_fields(page, properties.blocks, python, diagnostics))
    enum = page.section("enum")
    assert enum is not None
    return ir.EnumModel(**common, members=_members(page, enum.blocks, python), open=False)


def _language(page: Page) -> str:
    """``python`` or ``typescript``: what the page's example is written in (else its types)."""
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Code) and block.info in ("python", "typescript"):
                return block.info
    types = " ".join(
        r.cells[1] for s in page.sections for b in s.blocks if isinstance(b, Table) for r in b.rows
    )
    return (
        "python" if re.search(r"\*\*(str|int|float|bool|object)\*\*|List\[|Dict\[", types) else "typescript"
    )


def _text(cell: str) -> str:
    """OpenAPI Generator escapes quotes twice (``\\&#39;``): HTML entities, then backslashes.
    ``<br/>`` is a line break, as in Speakeasy's docs."""
    text = unescape(cell)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "<" in text:
        text = _BR.sub("\n", text)
    return clean_text(text)


def _fields(
    page: Page, blocks: tuple[object, ...], python: bool, diagnostics: list[Diagnostic]
) -> tuple[ir.Field, ...]:
    table = next((b for b in blocks if isinstance(b, Table)), None)
    if table is None or tuple(h.strip().lower() for h in table.header)[:4] != _HEADER:
        raise DocError(
            page.at(page.title_line), "the Properties section has no Name | Type | Description | Notes table"
        )
    fields = []
    for row in table.rows:
        at = page.at(row.line)
        name_cell, type_cell, description_cell, notes = (c.strip() for c in row.cells[:4])
        shown = (_ESCAPE.sub(r"\1", name_cell) if "\\" in name_cell else name_cell).strip("*` ")
        if not shown:
            raise DocError(at, f"Name cell {name_cell!r} names no property")
        parsed = parse_type(unescape(type_cell), at, PYTHON if python else OAG_TYPESCRIPT)
        wire, source = shown, ir.WireSource.SHOWN
        if python:
            m = _VAR_PREFIXED.match(shown)
            key = m.group("name") if m and m.group("name") in _OAG_RESERVED else python_key(shown)
            if key is not None:
                wire, source = key, ir.WireSource.CONVENTION
        fields.append(
            ir.Field(
                name=wire,
                type=parsed.node,
                required="[optional]" not in notes,
                nullable=ir.Nullable.YES if parsed.wrapper else ir.Nullable.UNKNOWN,
                description=_text(description_cell),
                location=at,
                shown=shown,
                wire_source=source,
                default=_default(notes, python, at, diagnostics),
                read_only="[readonly]" in notes,
            )
        )
    return tuple(fields)


def _default(notes: str, python: bool, at: Location, diagnostics: list[Diagnostic]) -> ir.Default | None:
    m = _DEFAULT.search(notes)
    if m is None or m.group("value").strip() == "undefined":
        return None
    text = unescape(m.group("value")).strip()
    try:
        value = ast.literal_eval(text) if python else tsliteral.parse(text)
    except (ValueError, SyntaxError, tsliteral.LiteralError, RecursionError, MemoryError):
        diagnostics.append(warning(at, f"default {text!r} is not a value gen-models can read: no default"))
        return None
    if not isinstance(value, (str, int, float, bool, list, dict)) and value is not None:
        diagnostics.append(warning(at, f"default {text!r} is not JSON data: no default"))
        return None
    return ir.Default(value)


def _members(page: Page, blocks: tuple[object, ...], python: bool) -> tuple[ir.EnumMember, ...]:
    bullets = next((b for b in blocks if isinstance(b, BulletList)), None)
    if bullets is None or not bullets.items:
        raise DocError(page.at(page.title_line), "the Enum section lists no values")
    members = []
    for item in bullets.items:
        at = page.at(item.line)
        m = _ENUM_ITEM.match(unescape(item.text.strip()))
        if m is None:
            raise DocError(at, f"cannot read enum value {item.text!r}: expected `NAME` (value: `'value'`)")
        try:
            value = ast.literal_eval(m.group("value")) if python else tsliteral.parse(m.group("value"))
        except (ValueError, SyntaxError, tsliteral.LiteralError):
            raise DocError(at, f"cannot read enum value {m.group('value')!r}") from None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise DocError(at, f"enum value {m.group('value')!r} is not a string or a number")
        members.append(ir.EnumMember(m.group("name"), value, at, python_name=python))
    return tuple(members)
