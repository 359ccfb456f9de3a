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
from typing import TYPE_CHECKING, Any

from ... import ir
from ...diagnostics import Diagnostic, DocError, Location, warning
from ...markdown import unescape
from ...page import Code, Page, Paragraph, Table
from ..base import Reading
from . import enums
from .dialect import NoDefault
from .enums import PROPERTIES, VARIANTS
from .tables import header, shown, text

if TYPE_CHECKING:
    from .dialect import OAGDialect

_HEADER = ("name", "type", "description", "notes")
_SHORT_HEADER = ("name", "type")
_API_TABLE = ("method", "http request", "description")
_DEFAULT = re.compile(r"\[default to (?P<value>.*)\]\s*$", re.DOTALL)
_NOTES = re.compile(r"(?:\s*\[[^\[\]]*(?:\[[^\[\]]*\])*[^\[\]]*\]+)*\s*")
"""What a Notes cell holds: ``[optional]``, ``[default to [1, 2]]``... or nothing."""
_EMPTY_LINK = re.compile(r"\[([^\[\]]*)\]\(\.md\)")
_ONE_OF_ITEM = re.compile(r"^#\s+:'(?P<name>[^'\n]+)',?\s*$", re.MULTILINE)

API = "api"
ENUM = "enum"
ONE_OF = "class instance methods"
MODEL_SECTIONS = (PROPERTIES, ENUM, VARIANTS)


def kind(page: Page) -> str | None:
    """What a page is: an API doc, a model of one of the shapes (the section's name), or
    None for a page of neither shape."""
    if page.title is None:
        return None
    for section in (page.intro, *(s.blocks for s in page.sections)):
        for block in section:
            if isinstance(block, Table) and header(block, 3) == _API_TABLE:
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
        simple = enums.simple_enum(page, dialect)
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
    members = enums.members(page, section, dialect)
    if not members:
        return [ir.OpaqueModel(**common)]  # a rust oneOf: its variants are not listed
    return [ir.EnumModel(**common, members=members, open=False)]


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
    if table is None or (header(table, 4) != _HEADER and not short):
        raise DocError(
            page.at(page.title_line), "the Properties section has no Name | Type | Description | Notes table"
        )
    diagnostics = reading.diagnostics
    listed = enums.inline_enums(page) if "](#" in _type_cells(table) else {}
    said = dialect.nullables(page)
    fields = []
    extra: ir.TypeNode | None = None
    for row in table.rows:
        at = page.at(row.line)
        cells = [c.strip() for c in row.cells[:4]] + [""] * (4 - len(row.cells[:4]))
        name_cell, type_cell, description_cell, notes = cells
        name = shown(name_cell)
        if not name:
            raise DocError(at, f"Name cell {name_cell!r} names no property")
        cell = unescape(type_cell)
        if "](.md)" in cell:
            cell = _EMPTY_LINK.sub(r"\1", cell)  # a link to no page: `[**kotlin.Any**](.md)`
        inline = enums.inline_type(cell, name, listed) if listed else None
        parsed = dialect.parse(cell, at, reading) if inline is None else None
        node = inline if inline is not None else parsed.node if parsed is not None else ir.ANY
        if name == _OTHER_KEYS:
            extra = node
            continue
        key, source = dialect.key(name, model)
        # A Notes cell that holds no notes is a description's text after a '|' the generator
        # did not escape: the row's own notes are lost, and whether the key is required.
        required = dialect.shows_required and "[optional]" not in notes and bool(_NOTES.fullmatch(notes))
        fields.append(
            ir.Field(
                name=key,
                type=node,
                required=required,
                nullable=(
                    dialect.nullable(parsed, required, said, name)
                    if parsed is not None
                    else ir.Nullable.UNKNOWN
                ),
                description=text(description_cell),
                location=at,
                shown=name,
                wire_source=source,
                default=_default(notes, node, dialect, at, diagnostics),
                read_only="[readonly]" in notes,
            )
        )
    return tuple(fields), extra


def _type_cells(table: Table) -> str:
    return " ".join(row.cells[1] for row in table.rows if len(row.cells) > 1)


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
