"""Markdown files to pages: a title, an intro and sections of blocks, each with its line.

This module knows markdown, not any SDK's doc conventions: it turns markdown-it-py's
token stream into small frozen records that the dialects read. Table cells and
paragraphs keep their raw inline markdown (links, emphasis, code spans), because
that is where the docs put their meaning.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Union

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .diagnostics import Diagnostic, DocError, Location, warning


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Code:
    info: str
    text: str
    line: int
    """The line of the opening fence; the code starts on the next one."""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Paragraph, ...]
    line: int


Block = Union[Paragraph, Table, Code, BulletList]


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    title: str
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """One markdown file, split at its headings."""

    path: str
    """The path as diagnostics show it."""
    rel: str
    """The path relative to the source root, with forward slashes."""
    title: str | None
    title_line: int
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    def at(self, line: int) -> Location:
        return Location(self.path, line)

    def section(self, title: str, level: int = 2) -> Section | None:
        for section in self.sections:
            if section.level == level and section.title.strip().lower() == title.lower():
                return section
        return None


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _escaped_split(string: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (a table row into cells), without its loop over every
    character: a pipe not right after a backslash splits; ``\\|`` becomes ``|``.
    ``tests/test_units.py`` checks it against the original."""
    if "\\|" not in string:
        return string.split("|")
    return [part.replace("\\|", "|") for part in _UNESCAPED_PIPE.split(string)]


_TABLE_RULE = importlib.import_module("markdown_it.rules_block.table")
MARKDOWN_IT_ESCAPED_SPLIT = _TABLE_RULE.escapedSplit
setattr(_TABLE_RULE, "escapedSplit", _escaped_split)

# Block structure only: pages keep the raw inline markdown of cells and paragraphs,
# so markdown-it need not parse inline content (the dialects read it themselves).
_PARSER = MarkdownIt("commonmark").enable("table").disable("inline")


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM); anything else is an error naming the file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocError(
            Location(path, line), f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|.*$")
_PAD_BEFORE = re.compile(r" {2,}\|")
_PAD_AFTER = re.compile(r"(?<!\\)\| {2,}")
_LONG_RULE = re.compile(r"-{4,}")


def _unpad(m: re.Match[str]) -> str:
    """A table row without the padding SDK docs put around every cell: markdown ignores it,
    but its table parser reads it character by character (4,000 docs can weigh 56 MB)."""
    row = _PAD_AFTER.sub("| ", _PAD_BEFORE.sub(" |", m.group()))
    return _LONG_RULE.sub("---", row) if set(row) <= set("|-: \t") else row


def parse_page(text: str, path: str, rel: str) -> tuple[Page, list[Diagnostic]]:
    """Split one markdown file into a page. Never raises on any text."""
    tokens = _PARSER.parse(_TABLE_ROW.sub(_unpad, text.replace("\x00", "\ufffd")))
    source_lines = text.splitlines()
    diagnostics: list[Diagnostic] = []
    title: str | None = None
    title_line = 0
    intro: list[Block] = []
    sections: list[Section] = []
    current: list[Block] = intro
    heading: tuple[int, str, int] | None = None

    def close_section() -> None:
        if heading is not None:
            sections.append(Section(heading[0], heading[1], heading[2], tuple(current)))

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = _line(tok)
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
            content = tokens[i + 1].content
            if level == 1 and title is None and not sections:
                title, title_line = content, line
                current = intro
                heading = None
            else:
                close_section()
                heading = (level, content, line)
                current = []
            i += 3
            continue
        if tok.type == "paragraph_open":
            current.append(Paragraph(tokens[i + 1].content, line))
            i += 3
            continue
        if tok.type in ("fence", "code_block"):
            current.append(Code(tok.info.strip(), tok.content, line))
        elif tok.type == "table_open":
            table, end = _table(tokens, i, source_lines, path, diagnostics)
            current.append(table)
            i = end
        elif tok.type == "bullet_list_open":
            items, end = _bullets(tokens, i)
            current.append(BulletList(items, line))
            i = end
        i += 1
    close_section()
    return Page(path, rel, title, title_line, tuple(intro), tuple(sections)), diagnostics


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 0


def _table(
    tokens: list[Token], start: int, source_lines: list[str], path: str, diagnostics: list[Diagnostic]
) -> tuple[Table, int]:
    header: list[str] = []
    rows: list[Row] = []
    cells: list[str] = []
    row_line = 0
    in_head = False
    i = start
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            cells, row_line = [], _line(tok)
        elif tok.type == "inline":
            cells.append(tok.content.strip())
        elif tok.type == "tr_close":
            if in_head:
                header = cells
            else:
                rows.append(Row(tuple(cells), row_line))
                _check_width(source_lines, row_line, len(header), path, diagnostics)
        i += 1
    return Table(tuple(header), tuple(rows), _line(tokens[start])), i


def _check_width(
    source_lines: list[str], line: int, width: int, path: str, diagnostics: list[Diagnostic]
) -> None:
    """Markdown drops cells beyond the header's count; say so rather than lose text silently."""
    if not 0 < line <= len(source_lines):
        return
    raw = source_lines[line - 1].strip()
    parts = _UNESCAPED_PIPE.split(raw)
    if raw.startswith("|"):
        parts = parts[1:]
    if raw.endswith("|") and not raw.endswith("\\|"):
        parts = parts[:-1]
    if len(parts) > width:
        diagnostics.append(
            warning(
                Location(path, line),
                f"table row has {len(parts)} cells but the table has {width} columns;"
                " text after the last column is dropped (escape '|' inside cells as '\\|')",
            )
        )


def _bullets(tokens: list[Token], start: int) -> tuple[tuple[Paragraph, ...], int]:
    items: list[Paragraph] = []
    depth = 0
    i = start
    while True:
        tok = tokens[i]
        if tok.type == "bullet_list_open":
            depth += 1
        elif tok.type == "bullet_list_close":
            depth -= 1
            if depth == 0:
                return tuple(items), i
        elif tok.type == "inline" and depth == 1:
            items.append(Paragraph(tok.content, _line(tok)))
        i += 1
