"""Markdown files to pages (:mod:`generator.core.page`), through markdown-it-py.

This module knows markdown, not any SDK's doc conventions. markdown-it's token stream is
turned into pages; markdown-it is imported only when a page is read. (The speed layer's
plain reader, :mod:`generator.speed.plain_markdown`, reads the subset SDK docs are
written in faster, into the same pages.)
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, DocError, Location, warning
from .page import Block, BulletList, Code, Heading, Page, Paragraph, Row, Table, assemble

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def unescape(text: str) -> str:
    """Character references (``&lt;``, ``&#124;``) as markdown renders them; the html module
    is imported only when a text has one (only OpenAPI Generator's docs write them)."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


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


def parse_page(text: str, path: str, rel: str) -> tuple[Page, list[Diagnostic]]:
    """Split one markdown file into a page. Never raises on any text."""
    diagnostics: list[Diagnostic] = []
    items = markdown_it_blocks(text, path, diagnostics)
    return assemble(path, rel, items), diagnostics


@functools.cache
def markdown_it() -> MarkdownIt:
    """The parser: block structure only (pages keep the raw inline markdown of cells and
    paragraphs, so markdown-it need not parse inline content)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")


def markdown_it_blocks(text: str, path: str, diagnostics: list[Diagnostic]) -> list[Heading | Block]:
    """The headings and blocks of any markdown, through markdown-it's token stream."""
    tokens = markdown_it().parse(text.replace("\x00", "\ufffd"))
    source_lines = _LINE_END.split(text)  # markdown-it's lines
    items: list[Heading | Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = _line(tok)
        if tok.type == "heading_open":
            items.append(Heading(int(tok.tag[1:]), tokens[i + 1].content, line))
            i += 3
            continue
        if tok.type == "paragraph_open":
            items.append(Paragraph(tokens[i + 1].content, line))
            i += 3
            continue
        if tok.type in ("fence", "code_block"):
            items.append(Code(tok.info.strip(), tok.content, line))
        elif tok.type == "table_open":
            table, i = _table(tokens, i, source_lines, path, diagnostics)
            items.append(table)
        elif tok.type == "bullet_list_open":
            bullets, i = _bullets(tokens, i)
            items.append(BulletList(bullets, line))
        i += 1
    return items


_LINE_END = re.compile(r"\r\n?|\n")


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
                cells_written = len(split_row(source_lines[row_line - 1])) if row_line else 0
                if cells_written > len(header):
                    diagnostics.append(too_many_cells(path, row_line, cells_written, len(header)))
        i += 1
    return Table(tuple(header), tuple(rows), _line(tokens[start])), i


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


# markdown-it-py's mdTrim: JavaScript's String.prototype.trim without U+FEFF.
TRIM = (
    "\t\n\x0b\x0c\r \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def split_row(row: str) -> list[str]:
    """markdown-it's cells of a table row: split at unescaped pipes (``\\|`` is a pipe in
    the cell), without the empty cells outside the first and last pipe."""
    cells = escaped_split(row.strip(TRIM))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def escaped_split(row: str) -> list[str]:
    """markdown-it's ``escapedSplit`` (a table row into cells), without its loop over every
    character: a pipe not right after a backslash splits; ``\\|`` becomes ``|``.
    ``tests/test_markdown.py`` checks it against the original."""
    if "\\|" not in row:
        return row.split("|")
    return [part.replace("\\|", "|") for part in _UNESCAPED_PIPE.split(row)]


def too_many_cells(path: str, line: int, cells: int, width: int) -> Diagnostic:
    """Markdown drops cells beyond the header's count; say so rather than lose text silently."""
    return warning(
        Location(path, line),
        f"table row has {cells} cells but the table has {width} columns;"
        " text after the last column is dropped (escape '|' inside cells as '\\|')",
    )
