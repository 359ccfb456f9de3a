"""Speakeasy's SDK docs (``docs/models/**``), TypeScript and Python, every era seen so far.

A model page is ``# Name``, an optional description, an optional ``## Example Usage``
and one of:

* ``## Fields``: a ``Field | Type | Required | Description [| Example]`` table;
* ``## Values``: a ``Name | Value`` table, a code block ``"a" | "b" | Unrecognized<string>``
  (TypeScript) or a bullet list of literals (Python);
* ``## Supported Types``: one ``### `type` `` section per union member.

A page with only a heading (and a description) is a model whose shape the docs lost.
Any other page (SDK operation pages, a retry-config page) is not a model.

The two languages differ in what a Fields row says. TypeScript shows wire names and never
nullability; Python shows Python names (the wire name is lost) and says ``Optional[X]``
(may be absent), ``Nullable[X]`` (may be null) or ``OptionalNullable[X]``, and gives
``Literal["x"]`` constants their value as default.
"""

from __future__ import annotations

import re
from typing import Any

from .. import ir
from ..config import Options, PythonDates
from ..diagnostics import Diagnostic, DocError, Location, warning
from ..page import Block, BulletList, Code, Page, Paragraph, Table
from ..pysource import clean_text
from ..typeexpr import Flavor, Token, literal_value, number_value, parse_type, tokenize, union_of

MODEL_SECTIONS = ("fields", "values", "supported types")
_FIELD_HEADER = ("field", "type", "required", "description")
_REQUIRED = {":heavy_check_mark:": True, ":heavy_minus_sign:": False}
# ": warning: ** DEPRECATED **: This will be removed ... as soon as possible.<br/><br/>Deprecated: ..."
_DEPRECATED = re.compile(r"^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:?[^\n]*\n*(?P<rest>.*)$", re.DOTALL)
_DEPRECATION_REASON = re.compile(r"^Deprecated:\s*(?P<reason>.+?\.)(?:\s|$)", re.DOTALL)
_EXAMPLE = {
    "typescript": re.compile(
        r"\b(?:let|const)\s+value\s*:\s*(?P<type>[^=]+?)\s*=\s*(?P<value>.*?);?\s*$", re.DOTALL
    ),
    "python": re.compile(
        r"^value(?:\s*:\s*(?P<type>[^=\n]+?))?\s*=\s*(?P<value>.+?)\s*$", re.DOTALL | re.MULTILINE
    ),
}
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_PYTHON_EXTRA = "__pydantic_extra__"


def is_model_page(page: Page) -> bool:
    """A page with a title whose sections are model sections (or none at all)."""
    if page.title is None:
        return False
    titles = {s.title.strip().lower() for s in page.sections if s.level == 2}
    if titles & set(MODEL_SECTIONS):
        fields = page.section("fields")
        return fields is None or _field_table(fields.blocks) is not None
    return titles <= {"example usage"}


def read(page: Page, diagnostics: list[Diagnostic], flavor: Flavor, options: Options) -> ir.Model:
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
    common: dict[str, Any] = {
        "key": page.rel,
        "name": name,
        "description": description,
        "location": at,
        "examples": examples,
    }
    if kinds == ["fields"]:
        fields, extra = _fields(page, flavor, options)
        return ir.ObjectModel(**common, fields=fields, extra=extra)
    if kinds == ["values"]:
        members, is_open = _values(page, flavor)
        return ir.EnumModel(**common, members=members, open=is_open)
    if kinds == ["supported types"]:
        return ir.UnionModel(**common, members=_members(page, flavor, options))
    diagnostics.append(
        warning(at, f"{name} has no fields, values or member types in its doc: generated as Any")
    )
    return ir.OpaqueModel(**common)


def clean_heading(title: str) -> str:
    return title.replace("~~", "").replace("`", "").replace("\\", "").strip()


def plain(cell: str) -> str:
    """A description cell or paragraph as text: ``<br/>`` becomes a line break, white space
    is normalized as a docstring would keep it, and Speakeasy's ``N/A`` means no text."""
    text = clean_text(_BR.sub("\n", cell))
    return "" if text == "N/A" else text


def paragraphs(blocks: tuple[Block, ...]) -> str:
    return "\n\n".join(plain(b.text) for b in blocks if isinstance(b, Paragraph) and plain(b.text))


def _field_table(blocks: tuple[Block, ...]) -> Table | None:
    for block in blocks:
        if isinstance(block, Table):
            header = tuple(h.strip().lower() for h in block.header)
            return block if header[:4] == _FIELD_HEADER else None
    return None


def _fields(page: Page, flavor: Flavor, options: Options) -> tuple[tuple[ir.Field, ...], ir.TypeNode | None]:
    section = page.section("fields")
    assert section is not None
    table = _field_table(section.blocks)
    if table is None:
        raise DocError(
            page.at(section.line), "the Fields section has no Field | Type | Required | Description table"
        )
    fields, extra = [], None
    swap_dates = options.python_dates is PythonDates.CORRECTED
    for row in table.rows:
        at = page.at(row.line)
        name_cell, type_cell, required_cell, description_cell = row.cells[:4]
        name = field_name(name_cell, at)
        parsed = parse_type(type_cell, at, flavor, swap_dates)
        if flavor is Flavor.PYTHON and name == _PYTHON_EXTRA:
            extra = parsed.node.value if isinstance(parsed.node, ir.MapOf) else ir.ANY
            continue
        required = _REQUIRED.get(required_cell.strip())
        if required is None:
            raise DocError(
                at,
                f"Required cell {required_cell!r} of field {name!r} is neither :heavy_check_mark: nor :heavy_minus_sign:",
            )
        description, deprecated = _deprecation(plain(description_cell), "~~" in name_cell)
        python = flavor is Flavor.PYTHON
        fields.append(
            ir.Field(
                name=name,
                type=parsed.node,
                required=required,
                nullable=_nullable(parsed.wrapper) if python else ir.Nullable.UNKNOWN,
                description=description,
                location=at,
                attr=name if python else None,
                wire_known=not python,
                default=(
                    ir.Default(parsed.node.value) if python and isinstance(parsed.node, ir.Literal) else None
                ),
                deprecated=deprecated,
            )
        )
    return tuple(fields), extra


def _nullable(wrapper: str | None) -> ir.Nullable:
    return ir.Nullable.YES if wrapper in ("Nullable", "OptionalNullable") else ir.Nullable.NO


def _deprecation(description: str, struck: bool) -> tuple[str, str | None]:
    """The description without Speakeasy's deprecation banner, and the deprecation notice."""
    deprecated: str | None = "" if struck else None
    m = _DEPRECATED.match(description)
    if m:
        description = m.group("rest").strip()
        reason = _DEPRECATION_REASON.match(description)
        deprecated = reason.group("reason") if reason else (deprecated or "")
    return description, deprecated


def field_name(cell: str, at: Location) -> str:
    text = cell.strip().replace("~~", "").strip()
    m = re.fullmatch(r"(`+)(.*?)\1", text, re.DOTALL)
    name = m.group(2).strip() if m else re.sub(r"\\(.)", r"\1", text).strip("*_ ")
    if not name:
        raise DocError(at, f"Field cell {cell!r} names no field")
    return name


def _values(page: Page, flavor: Flavor) -> tuple[tuple[ir.EnumMember, ...], bool]:
    section = page.section("values")
    assert section is not None
    is_open = any(isinstance(b, Paragraph) and "open enum" in b.text.lower() for b in section.blocks)
    for block in section.blocks:
        if isinstance(block, Table):
            return _value_table(page, block, flavor), is_open
        if isinstance(block, Code):
            members, unrecognized = _value_code(page, block)
            return members, is_open or unrecognized
        if isinstance(block, BulletList):
            return _value_bullets(page, block), is_open
    raise DocError(page.at(section.line), "the Values section lists no values")


def _value_table(page: Page, table: Table, flavor: Flavor) -> tuple[ir.EnumMember, ...]:
    header = tuple(h.strip().lower() for h in table.header)
    if header[:2] != ("name", "value"):
        raise DocError(
            page.at(table.line), f"the Values table has columns {table.header!r}, not Name | Value"
        )
    raw = [
        (field_name(r.cells[0], page.at(r.line)), r.cells[1].strip().strip("`"), r.line) for r in table.rows
    ]
    if not raw:
        raise DocError(page.at(table.line), "the Values table has no rows")
    numeric = all(re.fullmatch(r"-?\d+(\.\d+)?", v) for _, v, _ in raw) and not _string_example(page)
    python = flavor is Flavor.PYTHON
    return tuple(
        ir.EnumMember(name, number_value(v) if numeric else v, page.at(line), python_name=python)
        for name, v, line in raw
    )


def _value_bullets(page: Page, bullets: BulletList) -> tuple[ir.EnumMember, ...]:
    """Python's ``- `"QUEUED"` `` items: each a Python literal."""
    members = []
    for item in bullets.items:
        at = page.at(item.line)
        text = item.text.strip().strip("`").strip()
        try:
            value = number_value(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else literal_value(text)
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
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line_at = page.at(code.line + 1 + code.text.count("\n", 0, tok.offset))
        if tok.kind == "punct" and tok.text == "|":
            expect_value = True
            i += 1
            continue
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


def _members(page: Page, flavor: Flavor, options: Options) -> tuple[ir.TypeNode, ...]:
    section = page.section("supported types")
    assert section is not None
    members = []
    swap_dates = options.python_dates is PythonDates.CORRECTED
    for sub in page.sections[page.sections.index(section) + 1 :]:
        if sub.level <= 2:
            break
        if sub.level == 3:
            parsed = parse_type(sub.title.strip().strip("`"), page.at(sub.line), flavor, swap_dates)
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
            language = {"ts": "typescript"}.get(block.info, block.info) if isinstance(block, Code) else ""
            if isinstance(block, Code) and language in _EXAMPLE:
                m = _EXAMPLE[language].search(block.text)
                if m and "/*" not in m.group("value"):
                    line = block.line + 1 + block.text.count("\n", 0, m.start("value"))
                    type_name = (m.group("type") or "").strip() or clean_heading(page.title or "")
                    found.append(ir.Example(m.group("value"), type_name, page.at(line), language))
    return tuple(found)


def _string_example(page: Page) -> bool:
    return any(e.code.lstrip().startswith(("'", '"')) for e in _examples(page))


def evidence(page: Page) -> Flavor | None:
    """Which language a Speakeasy page was written for, if it tells."""
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Code) and block.info in ("python", "typescript", "ts"):
                return Flavor.PYTHON if block.info == "python" else Flavor.TYPESCRIPT
            if isinstance(block, BulletList) and section.title.strip().lower() == "values":
                return Flavor.PYTHON
    fields = page.section("fields")
    table = _field_table(fields.blocks) if fields else None
    cells = " ".join(r.cells[1] for r in table.rows) if table else ""
    cells += " ".join(s.title for s in page.sections if s.level == 3)
    if re.search(
        r"\*(str|int|float|bool|Any)\*|\b(Optional|Nullable|OptionalNullable|List|Dict|Literal)\[|models\.",
        cells,
    ):
        return Flavor.PYTHON
    if re.search(r"\*(string|number|boolean|any)\*|Record<|\]\[\]|\*\[\]", cells):
        return Flavor.TYPESCRIPT
    return None
