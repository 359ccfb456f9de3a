"""Speakeasy's model pages (``docs/models/**``), in every SDK language and era seen so far.

A model page is ``# Name``, an optional description, an optional ``## Example Usage``
and one of:

* ``## Fields``: a ``Field | Type | Required | Description [| Example]`` table;
* ``## Values``: a ``Name | Value`` table, a code block ``"a" | "b" | Unrecognized<string>``
  (TypeScript) or a bullet list of literals (Python);
* ``## Supported Types``: one ``### `type` `` section per union member.

A page with only a heading (and a description) is a model whose shape the docs lost.
Any other page (SDK operation pages, a retry-config page) is not a model.

What a Fields row means depends on the SDK language (:class:`~.dialect.SpeakeasyDialect`):
its names, its type cells, whether it shows nullability, which row is the catch-all.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from ... import ir
from ...diagnostics import DocError, Location, warning
from ...page import Block, BulletList, Code, Page, Paragraph, Table, index
from ...pysource import clean_text
from ..base import Reading
from ..typecells import Token, literal_value, number_value, tokenize, union_of

if TYPE_CHECKING:
    from .dialect import SpeakeasyDialect

MODEL_SECTIONS = ("fields", "values", "supported types")
_FIELD_HEADER = ("field", "type", "required", "description")
_REQUIRED = {":heavy_check_mark:": True, ":heavy_minus_sign:": False}
# ": warning: ** DEPRECATED **: This will be removed ... as soon as possible.<br/><br/>Deprecated: ..."
_DEPRECATED = re.compile(
    r"^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:?[ \t]*(?P<line>[^\n]*)\n*(?P<rest>.*)$", re.DOTALL
)
_STANDARD_NOTICE = (
    "This will be removed in a future release, please migrate away from it as soon as possible."
)
"""Speakeasy's own words after the banner; any other text there is the API's notice."""
_DEPRECATION_REASON = re.compile(r"^Deprecated:\s*(?P<reason>.+?\.)(?:\s|$)", re.DOTALL)
_EXAMPLE = {
    # The value is the rest of the block, less white space and a ';' at its end: see _example.
    "typescript": re.compile(r"\b(?:let|const)\s+value\s*:\s*(?P<type>[^=]+?)\s*=\s*"),
    "python": re.compile(
        r"^value(?:\s*:\s*(?P<type>[^=\n]+?))?\s*=\s*(?P<value>.+?)\s*$", re.DOTALL | re.MULTILINE
    ),
}
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)(.*?)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\(.)")
_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")
"""A number as JSON writes it: ``01`` is not one (a string, kept as the doc wrote it)."""
_LANGUAGES = {"ts": "typescript"}


def is_model_page(page: Page) -> bool:
    """A page with a title whose sections are model sections (or none at all)."""
    if page.title is None:
        return False
    titles = page.titles()
    if not titles.isdisjoint(MODEL_SECTIONS):
        fields = page.section("fields")
        return fields is None or _field_table(fields.blocks) is not None
    return titles <= {"example usage"}


def read(page: Page, reading: Reading, dialect: SpeakeasyDialect) -> ir.Model:
    """The model a page documents. Raises :class:`DocError` if the page cannot be read."""
    assert page.title is not None
    at = page.at(page.title_line)
    name = clean_heading(page.title)
    if not name:
        raise DocError(at, "the heading names no model")
    description = paragraphs(page.intro)
    examples = _examples(page)
    kinds = [t for t in MODEL_SECTIONS if page.section(t) is not None]
    if len(kinds) > 1:
        both = " and ".join(f"'## {t.title()}'" for t in kinds)
        raise DocError(at, f"a page documents one model, but this one has {both} sections")
    _one_of_each(page)
    common: dict[str, Any] = {
        "key": page.rel,
        "name": name,
        "description": description,
        "location": at,
        "examples": examples,
    }
    if kinds == ["fields"]:
        fields, extra = _fields(page, dialect, reading)
        return ir.ObjectModel(**common, fields=fields, extra=extra)
    if kinds == ["values"]:
        members, is_open = _values(page, dialect)
        return ir.EnumModel(**common, members=members, open=is_open)
    if kinds == ["supported types"]:
        return ir.UnionModel(**common, members=_members(page, dialect, reading))
    reading.diagnostics.append(
        warning(at, f"{name} has no fields, values or member types in its doc: generated as Any")
    )
    return ir.OpaqueModel(**common)


def clean_heading(title: str) -> str:
    return title.replace("~~", "").replace("`", "").replace("\\", "").strip()


def plain(cell: str) -> str:
    """A description cell or paragraph as text: ``<br/>`` becomes a line break, white space
    is normalized as a docstring would keep it, and Speakeasy's ``N/A`` means no text."""
    if "<" in cell:
        cell = _BR.sub("\n", cell)
    text = clean_text(cell)
    return "" if text == "N/A" else text


def paragraphs(blocks: tuple[Block, ...]) -> str:
    texts = [plain(b.text) for b in blocks if isinstance(b, Paragraph)]
    return "\n\n".join(text for text in texts if text)


def _one_of_each(page: Page) -> None:
    """A model section, and its table, appear once: a second one would be dropped unread."""
    seen: dict[str, int] = {}
    for section in page.sections:
        title = section.title.strip().lower()
        if section.level == 2 and title in MODEL_SECTIONS:
            if title in seen:
                raise DocError(
                    page.at(section.line),
                    f"a second '## {section.title.strip()}' section (the first is at line {seen[title]}):"
                    " a page documents one model",
                )
            seen[title] = section.line
            tables = [b for b in section.blocks if isinstance(b, Table)]
            if len(tables) > 1:
                raise DocError(
                    page.at(tables[1].line),
                    f"a second table in '## {section.title.strip()}' (the first is at line {tables[0].line})",
                )


def _field_table(blocks: tuple[Block, ...]) -> Table | None:
    for block in blocks:
        if isinstance(block, Table):
            header = tuple([h.strip().lower() for h in block.header[:4]])
            return block if header == _FIELD_HEADER else None
    return None


def _fields(
    page: Page, dialect: SpeakeasyDialect, reading: Reading
) -> tuple[tuple[ir.Field, ...], ir.TypeNode | None]:
    section = page.section("fields")
    assert section is not None
    table = _field_table(section.blocks)
    if table is None:
        raise DocError(
            page.at(section.line), "the Fields section has no Field | Type | Required | Description table"
        )
    fields, extra, extra_line = [], None, 0
    grammar = dialect.grammar(reading.options)
    for row in table.rows:
        at = Location(page.path, row.line)
        name_cell, type_cell, required_cell, description_cell = row.cells[:4]
        name = field_name(name_cell, at)
        parsed = reading.type_of(type_cell, at, grammar)
        if dialect.is_catch_all(name, parsed):
            if extra_line:
                raise DocError(at, f"{name!r} is listed twice (first at line {extra_line})")
            extra = parsed.node.value if isinstance(parsed.node, ir.MapOf) else ir.ANY
            extra_line = row.line
            continue
        required = _REQUIRED.get(required_cell.strip())
        if required is None:
            raise DocError(
                at,
                f"Required cell {required_cell!r} of field {name!r} is neither :heavy_check_mark:"
                " nor :heavy_minus_sign:",
            )
        description, deprecated = _deprecation(plain(description_cell), "~~" in name_cell)
        key, source = dialect.key(name)
        fields.append(
            ir.Field(
                name=key,
                type=parsed.node,
                required=required,
                nullable=dialect.nullable(parsed),
                description=description,
                location=at,
                shown=name,
                wire_source=source,
                default=dialect.default(parsed),
                deprecated=deprecated,
            )
        )
    return tuple(fields), extra


def _deprecation(description: str, struck: bool) -> tuple[str, str | None]:
    """The description without Speakeasy's deprecation banner, and the deprecation notice."""
    deprecated: str | None = "" if struck else None
    m = _DEPRECATED.match(description) if description.startswith(":") else None
    if m:
        description = m.group("rest").strip()
        notice = m.group("line").strip().removeprefix(_STANDARD_NOTICE).strip()
        reason = _DEPRECATION_REASON.match(description)
        deprecated = notice or (reason.group("reason") if reason else (deprecated or ""))
    return description, deprecated


def field_name(cell: str, at: Location) -> str:
    text = cell.strip().replace("~~", "").strip()
    if len(text) > 1 and text[0] == text[-1] == "`" and "`" not in text[1:-1]:
        name = text[1:-1].strip()  # `name`, as most cells say it: what _CODE_SPAN would find
    else:
        m = _CODE_SPAN.fullmatch(text)
        name = m.group(2).strip() if m else _ESCAPE.sub(r"\1", text).strip("*_ ")
    if not name:
        raise DocError(at, f"Field cell {cell!r} names no field")
    return name


def _values(page: Page, dialect: SpeakeasyDialect) -> tuple[tuple[ir.EnumMember, ...], bool]:
    section = page.section("values")
    assert section is not None
    is_open = any(isinstance(b, Paragraph) and "open enum" in b.text.lower() for b in section.blocks)
    for block in section.blocks:
        if isinstance(block, Table):
            return _value_table(page, block, dialect), is_open
        if isinstance(block, Code):
            members, unrecognized = _value_code(page, block)
            return members, is_open or unrecognized
        if isinstance(block, BulletList):
            return _value_bullets(page, block), is_open
    raise DocError(page.at(section.line), "the Values section lists no values")


def _value_table(page: Page, table: Table, dialect: SpeakeasyDialect) -> tuple[ir.EnumMember, ...]:
    header = tuple(h.strip().lower() for h in table.header)
    if header[:2] != ("name", "value"):
        raise DocError(
            page.at(table.line), f"the Values table has columns {table.header!r}, not Name | Value"
        )
    raw = []
    for row in table.rows:
        at = page.at(row.line)
        raw.append((field_name(row.cells[0], at), row.cells[1].strip().strip("`"), at))
    if not raw:
        raise DocError(page.at(table.line), "the Values table has no rows")
    numeric = all(_NUMBER.fullmatch(v) for _, v, _ in raw) and not _string_example(page)
    own_names = dialect.member_names_are_python
    return tuple(
        ir.EnumMember(name, number_value(v) if numeric else v, at, python_name=own_names)
        for name, v, at in raw
    )


def _value_bullets(page: Page, bullets: BulletList) -> tuple[ir.EnumMember, ...]:
    """Python's ``- `"QUEUED"` `` items: each a Python literal."""
    members = []
    for item in bullets.items:
        at = page.at(item.line)
        text = item.text.strip().strip("`").strip()
        try:
            value = number_value(text) if _NUMBER.fullmatch(text) else literal_value(text)
        except ValueError:
            raise DocError(at, f"cannot read enum value {item.text!r}") from None
        members.append(ir.EnumMember(None, value, at))
    return tuple(members)


def _value_code(page: Page, code: Code) -> tuple[tuple[ir.EnumMember, ...], bool]:
    """TypeScript's ``"a" | "b" | Unrecognized<string>``."""
    at = page.at(code.line + 1)
    members: list[ir.EnumMember] = []
    is_open = False
    tokens = tokenize(code.text, at)
    expect_value = True
    line_at, counted = at, 0  # the place of the token, and the offset its line was counted to
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "punct" and tok.text == "|":
            expect_value = True
            i += 1
            continue
        newlines = code.text.count("\n", counted, tok.offset)
        if newlines:  # values on one line share its place
            line_at = page.at(line_at.line + newlines)
        counted = tok.offset
        if not expect_value:
            raise DocError(line_at, f"expected '|' between enum values, found {tok.text!r}")
        if tok.kind == "string":
            try:
                members.append(ir.EnumMember(None, literal_value(tok.text), line_at))
            except ValueError:
                raise DocError(line_at, f"bad string literal {tok.text}") from None
        elif tok.kind == "number":
            members.append(ir.EnumMember(None, number_value(tok.text), line_at))
        elif tok.kind == "name" and tok.text == "Unrecognized" and _is_unrecognized(tokens, i):
            is_open = True
            i += 3
        else:
            raise DocError(line_at, f"cannot read enum value {tok.text!r}")
        expect_value = False
        i += 1
    if not members:
        raise DocError(at, "the Values code block lists no values")
    return tuple(members), is_open


def _is_unrecognized(tokens: list[Token], i: int) -> bool:
    texts = [t.text for t in tokens[i + 1 : i + 4]]
    return len(texts) == 3 and texts[0] == "<" and texts[1] in ("string", "number") and texts[2] == ">"


def _members(page: Page, dialect: SpeakeasyDialect, reading: Reading) -> tuple[ir.TypeNode, ...]:
    section = page.section("supported types")
    assert section is not None
    members = []
    grammar = dialect.grammar(reading.options)
    for sub in page.sections[page.sections.index(section) + 1 :]:
        if sub.level <= 2:
            break
        if sub.level == 3:
            parsed = reading.type_of(sub.title.strip().strip("`"), page.at(sub.line), grammar)
            members.append(
                union_of([parsed.node, ir.Primitive(ir.Kind.NONE)]) if parsed.wrapper else parsed.node
            )
    if not members:
        raise DocError(page.at(section.line), "the Supported Types section lists no member types")
    return tuple(members)


def _examples(page: Page) -> tuple[ir.Example, ...]:
    """The literals of ``## Example Usage`` and of each union member's section."""
    found = []
    for section in page.sections:
        for block in section.blocks:
            if not isinstance(block, Code):
                continue
            language = _LANGUAGES.get(block.info, block.info)
            example = _example(language, block.text) if language in _EXAMPLE else None
            if example is not None and "/*" not in example[1]:
                type_name, value, start = example
                line = block.line + 1 + block.text.count("\n", 0, start)
                type_name = (type_name or "").strip() or clean_heading(page.title or "")
                found.append(ir.Example(value, type_name, page.at(line), language))
    return tuple(found)


def _example(language: str, code: str) -> tuple[str | None, str, int] | None:
    """The declared type, the value and where the value starts, of ``value = ...`` in code.

    A TypeScript value runs to the end of the block, less the white space at its end and
    then one ';': what a lazy ``(?P<value>.*?);?\\s*$`` would match, found without
    trying every end."""
    m = _EXAMPLE[language].search(code) if "value" in code else None
    if m is None:
        return None
    if language == "python":
        return m.group("type"), m.group("value"), m.start("value")
    value = code[m.end() :].rstrip()
    return m.group("type"), value[:-1] if value.endswith(";") else value, m.end()


def _string_example(page: Page) -> bool:
    return any(e.code.lstrip().startswith(("'", '"')) for e in _examples(page))


def field_types(page: Page) -> str:
    """The Type cells of a page's Fields table and its union members' headings, as one
    text: what tells the SDK languages apart."""
    fields = page.section("fields")
    table = _field_table(fields.blocks) if fields else None
    cells = " ".join(r.cells[1] for r in table.rows) if table else ""
    return cells + " ".join(s.title for s in page.sections if s.level == 3)


def example_language(page: Page, languages: Collection[str]) -> str | None:
    """The first of ``languages`` that the page's code blocks are tagged with (an example's,
    or the Values'); a Values bullet list is Python's."""
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Code):
                info = _LANGUAGES.get(block.info, block.info)
                if info in languages:
                    return info
            if isinstance(block, BulletList) and section.title.strip().lower() == "values":
                return "python"
    return None


def with_member_types(page: Page, spelled: re.Pattern[str]) -> Page:
    """The page with each union member's heading naming its type as the member's code
    spells it (the ``type`` group of ``spelled``): Go's and PHP's headings are empty, or
    name the type without its package or its items (``array``)."""
    members = page.section("supported types")
    if members is None:
        return page
    sections = list(page.sections)
    for i in range(sections.index(members) + 1, len(sections)):
        sub = sections[i]
        if sub.level <= 2:
            break
        code = next((b for b in sub.blocks if isinstance(b, Code)), None)
        m = spelled.search(code.text) if sub.level == 3 and code is not None else None
        if m is not None:
            sections[i] = replace(sub, title=m.group("type"))
    return replace(page, sections=tuple(sections), by_title=index(sections))
