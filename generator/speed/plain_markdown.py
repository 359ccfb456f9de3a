"""Pages in the plain markdown that SDK docs are written in, read without markdown-it.

Generated docs use a small part of markdown: ATX headings, paragraphs, backtick fences,
pipe tables, bullet lists of one-line items and one-paragraph block quotes, most lines
starting in column one (paragraphs and lists may be indented up to 3 spaces, a quote's
paragraph may go on in lazy lines). This reader recognises exactly that and gives up
(returns None) on anything else: a tab, indented code, a nested or ordered list, a quote of
more than a paragraph, HTML, a setext heading, a link
reference definition, a line that could end or start a construct it does not read. The
caller then asks markdown-it, so the plain reader never decides a hard case. Where it
reads a page, it gives what markdown-it gives (the rules below are markdown-it-py's
table, fence, heading, list, block quote and paragraph rules, restricted to the lines accepted);
``tests/test_markdown.py`` holds it to that on every corpus doc and on generated
markdown. It is five to seven times faster than markdown-it's block parser, and a run
that needs no other reader never imports markdown-it. :func:`parse_page` is the faster
drop-in for :func:`generator.core.markdown.parse_page`.
"""

from __future__ import annotations

import re

from ..core.diagnostics import Diagnostic
from ..core.markdown import TRIM, markdown_it_blocks, split_row, too_many_cells
from ..core.page import Block, BulletList, Code, Heading, Page, Paragraph, Row, Table, assemble

# Characters that make a line mean something this reader does not model (tabs expand to
# columns, CR and the rest end lines or count as white space in some rules), or that
# markdown-it rewrites (NUL).
_UNREAD_CHARACTERS = re.compile("[\x00-\x08\t\x0b-\x1f\x7f\x85\ufeff\u2028\u2029]")
_UNREAD_ASCII = bytes(c for c in range(0x80) if _UNREAD_CHARACTERS.match(chr(c)))
_UNREAD_OTHERS = "\x85\ufeff\u2028\u2029"
_HEADING = re.compile(r"(#{1,6})(?: +(.*))?")
# The lines that start an HTML block (markdown-it's html_block rule, CommonMark's seven
# kinds); any other line that starts with '<' is a paragraph's (``<a id="X"></a>``).
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|"
    "head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_ATTRIBUTE = r"""(?:\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\s*=\s*(?:[^"'=<>`\x00-\x20]+|'[^']*'|"[^"]*"))?)"""
_HTML_STARTS = (
    re.compile(r"<(?a:(script|pre|style|textarea))(?=(\s|>|$))", re.IGNORECASE),
    re.compile(r"<!--|<\?|<![A-Za-z]|<!\[CDATA\["),
    re.compile(f"</?(?a:({_BLOCK_TAGS}))(?=(\\s|/?>|$))", re.IGNORECASE),
    re.compile(f"(?:<[A-Za-z][A-Za-z0-9\\-]*{_ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9\\-]*\\s*>)\\s*$"),
)
_FENCE = re.compile(r"(`{3,})([^`]*)")
_ORDERED_ITEM = re.compile(r"[0-9]{1,9}[.)](?: |$)")
_THEMATIC_BREAK = re.compile(r"([-*_])(?: *\1){2,} *")
_ITEM = re.compile(r"( {0,3})([-*+]) (\S.*)")
_DELIMITER_STARTS = frozenset("|-:")
_FENCE_STARTS = frozenset("` ")
_UNDERLINE_CHARACTERS = "|-:= "
_ALIGNMENT = re.compile(r":?-+:?")
MAX_AUTOCOMPLETED_CELLS = 0x10000  # markdown-it-py's cap on cells a table's short rows add


def read_blocks(text: str, path: str, diagnostics: list[Diagnostic]) -> list[Heading | Block] | None:
    """The headings and blocks of ``text`` in order, or None if it is not plain markdown."""
    if _has_unread_characters(text):
        if "\t" not in text or _has_unread_characters(text.replace("\t", " ")):
            return None
        read = _read_blocks(text, path, diagnostics)
        return read if read is not None and _tabs_only_in_code(text, read) else None
    return _read_blocks(text, path, diagnostics)


def _tabs_only_in_code(text: str, blocks: list[Heading | Block]) -> bool:
    """Whether every tab of ``text`` is in the body of a fenced code block (Go's examples
    are indented with tabs), where it is text, as markdown-it keeps it."""
    bodies: set[int] = set()
    for block in blocks:
        if isinstance(block, Code):
            bodies.update(range(block.line, block.line + block.text.count("\n")))
    return all(
        i in bodies and not line.lstrip(" ").startswith(("`", "~"))
        for i, line in enumerate(text.split("\n"))
        if "\t" in line
    )


def _read_blocks(text: str, path: str, diagnostics: list[Diagnostic]) -> list[Heading | Block] | None:
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    items: list[Heading | Block] = []
    count = len(lines)
    i = 0
    while i < count:
        line = lines[i]
        below = lines[i + 1] if i + 1 < count else ""
        read: tuple[Heading | Block, int] | None
        if not line or line[0].isspace():
            text = line.lstrip(" ")
            if not text:
                i += 1  # blank
                continue
            indent = len(line) - len(text)
            if items and isinstance(items[-1], BulletList) and indent >= _inside(lines, items[-1]):
                return None  # below a list and blank lines, a line indented so far is its last item's
            if _item(line) and not (below[:1] in _DELIMITER_STARTS and _table_header(lines, i)):
                read = _bullets(lines, i)  # indented 1 to 3 spaces (OpenAPI Generator's `` - **Accept**: x``)
            elif indent > 3 or not _paragraph_line(text) or below[:1] in _DELIMITER_STARTS:
                return None  # indented code, or a block this reader does not read
            else:
                read = _paragraph(lines, i)  # indented 1 to 3 spaces (Go's method docs)
        elif below[:1] in _DELIMITER_STARTS and (header := _table_header(lines, i)):
            read = _table(lines, i, header, path, diagnostics)  # markdown-it tries the table rule first
        elif line[0] == "#":
            read = _heading(line, i)
        elif line.startswith("```"):
            read = _fence(lines, i)
        elif line[0] == ">":
            read = _quote(lines, i)
        elif _item(line):
            read = _bullets(lines, i)
        elif _paragraph_line(line):
            read = _paragraph(lines, i)
        else:
            return None
        if read is None:
            return None
        items.append(read[0])
        i = read[1]
    return items


def _has_unread_characters(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_UNREAD_CHARACTERS`: the ASCII ones found by
    deleting them from the UTF-8 bytes (several times faster than a regex search over a
    padded page), the others by ``in``."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _UNREAD_ASCII)) != len(data):
        return True
    return not text.isascii() and any(c in text for c in _UNREAD_OTHERS)


def _blank(line: str) -> bool:
    """An empty line or one of spaces only (the first character says, most of the time)."""
    return not line or (line[0] == " " and not line.strip(" "))


def _starts_block(line: str) -> bool:
    """Whether a line may start a block that ends a paragraph or a table: an indented
    line, a heading, a block quote, a fence, a list item, a thematic break, HTML."""
    first = line[0]
    if first.isspace() or first in "#>":
        return True
    if first in "-*+_":
        return line[1:2] in ("", " ") or _THEMATIC_BREAK.fullmatch(line) is not None
    if first in "`~":
        return line.startswith(first * 3)
    if first == "<":
        return any(start.match(line) for start in _HTML_STARTS)
    return first in "0123456789" and _ORDERED_ITEM.match(line) is not None


def _paragraph_line(line: str) -> bool:
    """Whether a line can start or continue a paragraph and nothing else (a line of only
    '-', '=', '|', ':' and spaces may underline a heading or be a table's delimiter row)."""
    return not _starts_block(line) and line.strip(_UNDERLINE_CHARACTERS) != ""


def _paragraph(lines: list[str], start: int) -> tuple[Paragraph, int] | None:
    end = start + 1
    while end < len(lines) and not _blank(lines[end]) and _continues(lines[end]):
        end += 1
    if end < len(lines) and not _blank(lines[end]) and not _interrupts(lines[end]):
        return None
    joined = "\n".join(lines[start:end])
    if joined[0] == "[" and "]:" in joined:
        return None  # may be a link reference definition
    return Paragraph(joined.strip(TRIM), start + 1), end


def _continues(line: str) -> bool:
    """Whether a line below a paragraph's line continues it: a paragraph line, indented or
    not (an indented one is a lazy continuation: indented code cannot interrupt a paragraph,
    and its text starts nothing else)."""
    return _paragraph_line(line) or (line[0] == " " and _paragraph_line(line.lstrip(" ")))


def _interrupts(line: str) -> bool:
    """Whether a line that ends a paragraph starts a heading, a fence, a block quote or a list
    (a quote this reader cannot read declines the page when it is reached)."""
    if line[0] == "#":
        return _HEADING.fullmatch(line) is not None
    if line.startswith("```"):
        return _FENCE.fullmatch(line) is not None
    return line[0] == ">" or _item(line) is not None


def _quote(lines: list[str], start: int) -> tuple[Paragraph, int] | None:
    """A block quote that is one paragraph, every line ``>`` and paragraph text, then lines
    of paragraph text without ``>`` (lazy ones, that the paragraph goes on with: Rust's
    ``> Type method(x)`` then the method's summary) and a blank line (the method signatures
    of OpenAPI Generator's API pages): its paragraph, as markdown-it reads it in the quote."""
    body = []
    end = start
    while end < len(lines) and lines[end][:1] == ">":
        content = lines[end][1:]
        content = content[1:] if content[:1] == " " else content
        if not content or not _paragraph_line(content):
            return None  # an empty quote line, a nested block, indented or tabbed text
        body.append(content)
        end += 1
    while end < len(lines) and not _blank(lines[end]) and _continues(lines[end]):
        body.append(lines[end])
        end += 1
    if end < len(lines) and not _blank(lines[end]):
        return None  # a block right below, or a line that may be a table's delimiter row
    read = _paragraph(body, 0)
    if read is None or read[1] != len(body):
        return None
    return Paragraph(read[0].text, start + 1), end


def _item(line: str) -> re.Match[str] | None:
    """A list item whose text is a paragraph: up to 3 spaces, a marker, one space, paragraph
    text (the groups: indent, marker, text)."""
    m = _ITEM.fullmatch(line)
    return m if m is not None and _paragraph_line(m[3]) else None


def _bullets(lines: list[str], start: int) -> tuple[BulletList, int] | None:
    """A list whose items are one line each: up to 3 spaces, a marker, one space, paragraph
    text. Blank lines may separate items; the list ends at a blank line followed by anything
    else. An item indented as far as the text of the one above is inside that one: declined."""
    item = _item(lines[start])
    assert item is not None
    marker = item[2]
    items: list[Paragraph] = []
    end = start
    while True:
        items.append(Paragraph(item[3].strip(TRIM), end + 1))
        inside = len(item[1]) + 2  # the column of the item's text: lines indented so far are its
        end += 1
        after = end
        while after < len(lines) and _blank(lines[after]):
            after += 1
        following = _item(lines[after]) if after < len(lines) else None
        if following is not None and following[2] == marker and len(following[1]) < inside:
            end, item = after, following
        elif after > end or after == len(lines):
            return BulletList(tuple(items), start + 1), after
        else:
            return None  # right below an item: a continuation, a nested block, another list


def _inside(lines: list[str], bullets: BulletList) -> int:
    """The column of the text of a list's last item: lines indented as far are inside it."""
    item = _item(lines[bullets.items[-1].line - 1])
    assert item is not None
    return len(item[1]) + 2


def _heading(line: str, index: int) -> tuple[Heading, int] | None:
    """An ATX heading, its closing ``#`` run (after a space) dropped: ``# # Identity`` is
    ``# Identity``, ``## Name ##`` is ``Name``."""
    m = _HEADING.fullmatch(line)
    if m is None:
        return None  # a level beyond 6, or no space after the marks: markdown-it's rules apply
    title = (m[2] or "").rstrip(" ")
    closing = title.rstrip("#")
    if len(closing) < len(title) and (not closing or closing[-1] == " "):
        title = closing
    return Heading(len(m[1]), title.strip(TRIM), index + 1), index + 1


def _fence(lines: list[str], start: int) -> tuple[Code, int] | None:
    m = _FENCE.fullmatch(lines[start])
    if m is None:
        return None
    size = len(m[1])
    for end in range(start + 1, len(lines)):
        line = lines[end]
        if line[:1] not in _FENCE_STARTS:
            continue  # most lines of code: not a closing fence
        code = line.lstrip(" ")
        if not code.startswith("`") or len(line) - len(code) >= 4:
            continue
        marker = len(code) - len(code.lstrip("`"))
        if marker >= size and not code[marker:].strip(" "):
            body = lines[start + 1 : end]
            return Code(m[2].strip(), "\n".join(body) + "\n" if body else "", start + 1), end + 1
    return None  # unclosed: markdown-it closes it at the end of the page


def _row_cells(row: str) -> list[str]:
    """:func:`split_row`, sooner for the usual row: a pipe at each end, and none escaped."""
    if len(row) > 1 and row[0] == "|" == row[-1] and "\\|" not in row:
        return row[1:-1].split("|")
    return split_row(row)


def _table_header(lines: list[str], start: int) -> list[str] | None:
    """The header's cells if a table starts at ``start`` (markdown-it's test: a header row
    with a pipe, then a delimiter row with as many columns), else None."""
    delimiter = lines[start + 1]
    if len(delimiter) < 2 or delimiter[0] not in _DELIMITER_STARTS or delimiter[:2] == "- ":
        return None
    columns = delimiter.split("|")
    aligned = 0
    for i, column in enumerate(columns):
        # only '|', '-', ':' and spaces: each column, less its spaces, is empty or aligns
        column = column.strip(" ")
        if not column:
            if i in (0, len(columns) - 1):
                continue
            return None
        if not _ALIGNMENT.fullmatch(column):
            return None
        aligned += 1
    row = lines[start].strip(TRIM)
    if "|" not in row:
        return None
    header = split_row(row)
    return header if header and len(header) == aligned else None


def _table(
    lines: list[str], start: int, header: list[str], path: str, diagnostics: list[Diagnostic]
) -> tuple[Table, int] | None:
    width = len(header)
    rows: list[Row] = []
    autocompleted = 0
    end = start + 2
    while end < len(lines):
        line = lines[end]
        if not line.startswith("|"):
            if _blank(line):
                break
            if line[0] == " ":
                text = line.lstrip(" ")  # a row indented 1 to 3 spaces (OpenAPI Generator's API pages)
                if len(line) - len(text) > 3 or _starts_block(text):
                    return None
                line = text
            elif _starts_block(line):
                return None  # it may end the table, or not: markdown-it's rules decide
        cells = _row_cells(line)
        if len(cells) != width:
            autocompleted += width - len(cells)
            if autocompleted > MAX_AUTOCOMPLETED_CELLS:
                return None
            if len(cells) > width:
                diagnostics.append(too_many_cells(path, end + 1, len(cells), width))
            cells = (cells + [""] * (width - len(cells)))[:width]
        # markdown-it trims cells of fewer characters than str.strip(), which the dialects want
        rows.append(Row(tuple(map(str.strip, cells)), end + 1))
        end += 1
    return Table(tuple(map(str.strip, header)), tuple(rows), start + 1), end


def parse_page(text: str, path: str, rel: str) -> tuple[Page, list[Diagnostic]]:
    """:func:`generator.core.markdown.parse_page`, by the plain reader where it reads the
    page; markdown-it reads the rest."""
    diagnostics: list[Diagnostic] = []
    items = read_blocks(text, path, diagnostics)
    if items is None:
        diagnostics = []  # what the plain reader said before it gave up
        items = markdown_it_blocks(text, path, diagnostics)
    return assemble(path, rel, items), diagnostics
