"""OpenAPI Generator's model pages, in every generator language seen so far.

A model page is a heading naming the model (``# Pet``; PHP ``# # Pet``, Ruby
``# OryClient::Pet``, dart-dio ``# ory_client.model.Pet``, C# ``# Org.OpenAPITools.Model.Pet``),
a description, and one of:

* ``## Properties``: a ``Name | Type | Description | Notes`` table, with or without outer
  pipes (typescript-fetch: ``Name | Type`` only). Notes say ``[optional]``, ``[readonly]``
  and ``[default to X]`` (with or without spaces between them); an empty Notes cell means
  required. A table without rows is a model whose shape the docs lost (a oneOf, an enum);
* ``## Enum``: a bullet list `` `NAME` (value: `"v"`) `` or (swagger-codegen) a
  ``Name | Type | Value | Description`` table;
* ``## Enum Variants`` (rust): a ``Name | Value`` table;
* ``## Class instance methods`` (ruby): a oneOf's ``openapi_one_of`` list of member classes.

Java and Kotlin document a property's inline enum after the table, in an ``## Enum: X``
section its Type cell links to (``[**StatusEnum**](#StatusEnum)``, ``[**inline**](#Status)``):
Java as a ``Name | Value`` table of members, Kotlin as one row of comma-separated values.

Pages of the generators' API docs (a ``Method | HTTP request | Description`` table) are
skipped. Examples are not read: the generators write placeholders (``null`` for every key).
What each cell means in a generator's language is its dialect's (:class:`~.dialect.OAGDialect`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from ... import ir
from ...diagnostics import Diagnostic, DocError, Location, warning
from ...markdown import unescape
from ...page import BulletList, Code, Page, Paragraph, Section, Table
from ...pysource import clean_text
from ..base import Reading
from ..typecells import number_value, union_of
from .dialect import NoDefault

if TYPE_CHECKING:
    from .dialect import OAGDialect

_HEADER = ("name", "type", "description", "notes")
_SHORT_HEADER = ("name", "type")
_ENUM_TABLE = ("name", "type", "value", "description")
_VALUE_TABLE = ("name", "value")
_API_TABLE = ("method", "http request", "description")
_ENUM_ITEM = re.compile(r"^`(?P<name>[^`]+)`\s*\(value:\s*`(?P<value>.*)`\)\s*$", re.DOTALL)
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ESCAPE = re.compile(r"\\(.)")
_DEFAULT = re.compile(r"\[default to (?P<value>.*)\]\s*$", re.DOTALL)
_INLINE_LINK = re.compile(r"^\[\*\*(?P<label>[^\[\]]*)\*\*\]\(#(?P<anchor>[^()]*)\)$")
_NOTES = re.compile(r"(?:\s*\[[^\[\]]*(?:\[[^\[\]]*\])*[^\[\]]*\]+)*\s*")
"""What a Notes cell holds: ``[optional]``, ``[default to [1, 2]]``... or nothing."""
_EMPTY_LINK = re.compile(r"\[([^\[\]]*)\]\(\.md\)")
_ANCHOR = re.compile(r"^<a\s+(?:id|name)=\"(?P<id>[^\"]*)\"\s*>\s*</a>$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_ONE_OF_ITEM = re.compile(r"^#\s+:'(?P<name>[^'\n]+)',?\s*$", re.MULTILINE)
_ENUM_LINE = re.compile(r"^\s*[*-]\s+(?=`)", re.MULTILINE)
_LIST_ANCHOR = re.compile(r"^(?:kotlin\.collections\.)?(?:List|Array|Set)<")

API = "api"
PROPERTIES = "properties"
ENUM = "enum"
VARIANTS = "enum variants"
ONE_OF = "class instance methods"
MODEL_SECTIONS = (PROPERTIES, ENUM, VARIANTS)


def kind(page: Page) -> str | None:
    """What a page is: an API doc, a model of one of the shapes (the section's name), or
    None for a page of neither shape."""
    if page.title is None:
        return None
    for section in (page.intro, *(s.blocks for s in page.sections)):
        for block in section:
            if isinstance(block, Table) and _header(block, 3) == _API_TABLE:
                return API
    for title in MODEL_SECTIONS:
        if page.section(title) is not None:
            return title
    if page.section(ONE_OF) is not None and _one_of_code(page) is not None:
        return ONE_OF
    return None


def model_name(title: str) -> str:
    """The model's name in a heading, without the generator's namespace: ``# Pet`` (PHP),
    ``OryClient::Pet``, ``ory_client.model.Pet``, ``Org.OpenAPITools.Model.Pet``."""
    name = title.strip().strip("`")
    if name.startswith("#"):
        name = name.lstrip("#").strip()
    if "::" in name:
        name = name.rsplit("::", 1)[-1]
    if "." in name:
        name = name.rsplit(".", 1)[-1]
    return name.strip("` ")


def cells(page: Page) -> tuple[str, str]:
    """The name cells and the type cells of a page's tables, each as one text (HTML
    entities undone): what tells the generators apart, with the page's headings, sections
    and code blocks. An enum table's Type cells are its second column too."""
    names, types = [], []
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Table) and len(block.header) > 1:
                for row in block.rows:
                    names.append(row.cells[0])
                    types.append(row.cells[1] if len(row.cells) > 1 else "")
    return unescape(" ".join(names)), unescape(" ".join(types))


def read(page: Page, reading: Reading, dialect: OAGDialect) -> list[ir.Model]:
    """The models a page documents (one; none for an API doc). Raises :class:`DocError` if
    the page cannot be read."""
    shape = kind(page)
    if shape == API or shape is None:
        return []
    assert page.title is not None
    at = page.at(page.title_line)
    name = model_name(page.title)
    if not name:
        raise DocError(at, "the heading names no model")
    texts = [text(b.text) for b in page.intro if isinstance(b, Paragraph)]
    description = "\n\n".join(t for t in texts if t)
    common: dict[str, Any] = {"key": page.rel, "name": name, "description": description, "location": at}
    if shape == PROPERTIES:
        simple = _simple_enum(page, dialect)
        if simple:
            return [ir.EnumModel(**common, members=simple, open=False)]
        fields, extra = _fields(page, name, dialect, reading)
        if not fields and extra is None and dialect.empty_is_opaque:
            return [ir.OpaqueModel(**common)]
        return [ir.ObjectModel(**common, fields=fields, extra=extra)]
    if shape == ONE_OF:
        return [ir.UnionModel(**common, members=_one_of(page, dialect, reading))]
    section = page.section(shape)
    assert section is not None
    members = _members(page, section, dialect)
    if not members:
        return [ir.OpaqueModel(**common)]  # a rust oneOf: its variants are not listed
    return [ir.EnumModel(**common, members=members, open=False)]


def text(cell: str) -> str:
    """OpenAPI Generator escapes quotes twice (``\\&#39;``): HTML entities, then backslashes.
    ``<br/>`` is a line break, as in Speakeasy's docs."""
    plain = unescape(cell)
    if "\\" in plain:
        plain = _ESCAPE.sub(r"\1", plain)
    if "<" in plain:
        plain = _BR.sub("\n", plain)
    return clean_text(plain)


def _header(table: Table, size: int) -> tuple[str, ...]:
    return tuple(h.strip().lower() for h in table.header[:size])


_OTHER_KEYS = "any string name"
"""python-prior's row for the keys a model does not list (``additionalProperties``)."""


def _fields(
    page: Page, model: str, dialect: OAGDialect, reading: Reading
) -> tuple[tuple[ir.Field, ...], ir.TypeNode | None]:
    """The Properties table's fields, and the type of other keys' values if it lists them."""
    section = page.section(PROPERTIES)
    assert section is not None
    table = next((b for b in section.blocks if isinstance(b, Table)), None)
    short = table is not None and tuple(h.strip().lower() for h in table.header) == _SHORT_HEADER
    if table is None or (_header(table, 4) != _HEADER and not short):
        raise DocError(
            page.at(page.title_line), "the Properties section has no Name | Type | Description | Notes table"
        )
    diagnostics = reading.diagnostics
    enums = _inline_enums(page) if "](#" in _type_cells(table) else {}
    said = dialect.nullables(page)
    fields = []
    extra: ir.TypeNode | None = None
    for row in table.rows:
        at = page.at(row.line)
        cells = [c.strip() for c in row.cells[:4]] + [""] * (4 - len(row.cells[:4]))
        name_cell, type_cell, description_cell, notes = cells
        shown = _shown(name_cell)
        if not shown:
            raise DocError(at, f"Name cell {name_cell!r} names no property")
        cell = unescape(type_cell)
        if "](.md)" in cell:
            cell = _EMPTY_LINK.sub(r"\1", cell)  # a link to no page: `[**kotlin.Any**](.md)`
        inline = _inline_type(cell, shown, enums) if enums else None
        parsed = dialect.parse(cell, at, reading) if inline is None else None
        node = inline if inline is not None else parsed.node if parsed is not None else ir.ANY
        if shown == _OTHER_KEYS:
            extra = node
            continue
        key, source = dialect.key(shown, model)
        # A Notes cell that holds no notes is a description's text after a '|' the generator
        # did not escape: the row's own notes are lost, and whether the key is required.
        required = dialect.shows_required and "[optional]" not in notes and bool(_NOTES.fullmatch(notes))
        fields.append(
            ir.Field(
                name=key,
                type=node,
                required=required,
                nullable=(
                    dialect.nullable(parsed, required, said, shown)
                    if parsed is not None
                    else ir.Nullable.UNKNOWN
                ),
                description=text(description_cell),
                location=at,
                shown=shown,
                wire_source=source,
                default=_default(notes, node, dialect, at, diagnostics),
                read_only="[readonly]" in notes,
            )
        )
    return tuple(fields), extra


def _type_cells(table: Table) -> str:
    return " ".join(row.cells[1] for row in table.rows if len(row.cells) > 1)


def _shown(cell: str) -> str:
    """``**name**``, `` `name` ``, Kotlin's ``**&#x60;object&#x60;**``: the name."""
    name = unescape(cell)
    if "\\" in name:
        name = _ESCAPE.sub(r"\1", name)
    return name.strip("*` ")


def _default(
    notes: str, node: ir.TypeNode, dialect: OAGDialect, at: Location, diagnostics: list[Diagnostic]
) -> ir.Default | None:
    m = _DEFAULT.search(notes)
    if m is None or m.group("value").strip() == "undefined":
        return None
    written = unescape(m.group("value")).strip()
    try:
        value = dialect.default(written, node)
    except NoDefault:  # a constant's name: an enum member's, found when the enum is known
        return ir.Default(written, named=True)
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        diagnostics.append(warning(at, f"default {written!r} is not a value gen-models can read: no default"))
        return None
    if not isinstance(value, (str, int, float, bool, list, dict)) and value is not None:
        diagnostics.append(warning(at, f"default {written!r} is not JSON data: no default"))
        return None
    if not _fits(value, node):
        diagnostics.append(warning(at, f"default {written!r} is not a value of the field's type: no default"))
        return None
    return ir.Default(value)


_KINDS: dict[ir.Kind, tuple[type, ...]] = {
    ir.Kind.STR: (str,),
    ir.Kind.INT: (int,),
    ir.Kind.FLOAT: (int, float),
    ir.Kind.BOOL: (bool,),
}


def _fits(value: object, node: ir.TypeNode) -> bool:
    """Whether a default can be a value of a field's type, as far as the type says."""
    if isinstance(node, ir.UnionOf):
        return any(_fits(value, member) for member in node.members)
    if isinstance(node, ir.ArrayOf):
        return isinstance(value, list)
    if isinstance(node, ir.MapOf):
        return isinstance(value, dict)
    if isinstance(node, ir.Literal):
        return value == node.value
    if isinstance(node, ir.Primitive) and node.kind in _KINDS:
        kinds = _KINDS[node.kind]
        return isinstance(value, kinds) and (node.kind is ir.Kind.BOOL or not isinstance(value, bool))
    return True


class _InlineEnum(NamedTuple):
    values: tuple[ir.Literal, ...]
    shown: str
    """The property it belongs to, as Kotlin names it in its one row ("" for Java's)."""


def _inline_enums(page: Page) -> dict[str, _InlineEnum]:
    """The ``## Enum: X`` sections, by their title's name, their anchor and (Kotlin) the
    property they belong to."""
    found: dict[str, _InlineEnum] = {}
    previous: Section | None = None
    for section in page.sections:
        title = section.title.strip()
        if section.level == 2 and title.lower().startswith("enum:"):
            table = next((b for b in section.blocks if isinstance(b, Table)), None)
            if table is not None and _header(table, 2) == _VALUE_TABLE and table.rows:
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


def _inline_type(cell: str, shown: str, enums: dict[str, _InlineEnum]) -> ir.TypeNode | None:
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


def _members(page: Page, section: Section, dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
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
            header = _header(block, 4)
            if header == _ENUM_TABLE:
                return _enum_table(page, block, dialect)
            if header[:2] == _VALUE_TABLE:
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
                _member_value(m.group("value"), dialect, at),
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
        name, value = _shown(row.cells[0]), unescape(row.cells[2]).strip() if len(row.cells) > 2 else ""
        members.append(
            ir.EnumMember(
                name or None,
                _member_value(value, dialect, at),
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


def _simple_enum(page: Page, dialect: OAGDialect) -> tuple[ir.EnumMember, ...]:
    """python-prior's enum page: one ``value`` property whose Notes say ``must be one of
    ["a", "b", ]``; its members (none for any other page)."""
    section = page.section(PROPERTIES)
    table = next((b for b in section.blocks if isinstance(b, Table)), None) if section else None
    if table is None or len(table.rows) != 1 or len(table.rows[0].cells) < 4:
        return ()
    row = table.rows[0]
    m = _ONE_OF_VALUES.match(unescape(row.cells[3]).strip())
    if _shown(row.cells[0]) != "value" or m is None:
        return ()
    at = page.at(row.line)
    try:
        values = dialect.literal(f"[{m.group('values')}]")
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        raise DocError(at, f"cannot read the values {m.group('values')!r}") from None
    if not isinstance(values, list) or not values:
        raise DocError(at, f"cannot read the values {m.group('values')!r}")
    return tuple(ir.EnumMember(None, _member_value(repr(v), dialect, at), at) for v in values)


def _member_value(written: str, dialect: OAGDialect, at: Location) -> str | int | float:
    try:
        value = dialect.literal(written)
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        raise DocError(at, f"cannot read enum value {written!r}") from None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise DocError(at, f"enum value {written!r} is not a string or a number")
    return value


def _one_of_code(page: Page) -> Code | None:
    """Ruby's ``openapi_one_of`` example: the code that lists a oneOf's member classes."""
    for section in page.sections:
        for block in section.blocks:
            if isinstance(block, Code) and ".openapi_one_of" in block.text:
                return block
    return None


def _one_of(page: Page, dialect: OAGDialect, reading: Reading) -> tuple[ir.TypeNode, ...]:
    """The member classes ``openapi_one_of`` lists (``# => [:'A', :'B']``): models, or the
    language's own types (``:'Boolean'``, ``:'Array<String>'``)."""
    code = _one_of_code(page)
    assert code is not None
    at = page.at(code.line)
    names = [m.group("name") for m in _ONE_OF_ITEM.finditer(code.text)]
    if not names:
        raise DocError(at, "the openapi_one_of example lists no member classes")
    return tuple(dialect.parse(name, at, reading).node for name in dict.fromkeys(names))
