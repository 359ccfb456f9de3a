"""APIMatic's model docs for its Python SDKs (``doc/models/<kebab-name>.md``).

An object page is ``# Words Of The Name``, a description, perhaps
``*This model accepts additional fields of type Any.*``, then ``## Structure`` (a paragraph
naming the class: `` `PaymentTokenStatus` ``), ``## Fields`` (a ``Name | Type | Tags |
Description`` table) and ``## Example (as JSON)`` (a JSON value) or ``## Example`` (Python
code). An enum page has ``## Enumeration`` (the class) and a ``## Fields`` table of member
names (``Name | Description`` or just ``Name``).

Names are the Python SDK's attribute names (snake_case); the JSON example shows the keys on
the wire, and is read as a mention of them (:mod:`generator.core.mentions`) and as an
example (made a Python literal: an example in Python is wire data, not translated). APIMatic
escapes reserved words with a leading ``m`` (``mtype`` for ``type``, ``mfrom`` for ``from``)
and puts ``_`` before digits (``line_1`` for ``line1``): :meth:`APIMaticPython.key` undoes
an escape where the example shows the key, and ``m`` before a Python keyword or ``type``
always. Tags say ``Required`` or ``Optional``,
``Read-only``, ``Nullable``, ``Constant`` (the description's ``**Value**``) and
``Deprecated``; a description may end with ``**Default**: `value` `` and
``**Constraints**: ...``. Type cells are Python (``str``, ``List[str]``,
``[`List[CardBrand]`](../../doc/models/card-brand.md)``); links point to ``../../doc/models``
(``doc``, not ``docs``), so they are resolved by the class name their text spells, which is
why a model's name is its class (the heading's words are not a Python name).

What the docs lose: nullability (only a ``Nullable`` tag says a value may be null; a
required field without it may not be), and enum values where the spec renamed the members
(``AVS_A`` is ``"A"``; only APIMatic's own ``ENUM_`` before a digit is undone): enums are
therefore open, taking the values the docs do not list.
"""

from __future__ import annotations

import ast
import json
import keyword
import re
from typing import Any

from .. import ir
from ..diagnostics import Diagnostic, DocError, Location, warning
from ..options import AliasRule
from ..page import Block, Code, Page, Paragraph, Section, Table
from ..pysource import clean_text
from .base import Detected, Dialect, Reading
from .languages.python import PYTHON_AS_LABELLED
from .typecells import Parsed

_FIELD_HEADER = ("name", "type", "tags", "description")
_CLASS = re.compile(r"^`(?P<name>[A-Za-z_]\w*)`$")
_EXTRA = re.compile(r"^\*This model accepts additional fields of type (?P<type>.+?)\.\*$", re.DOTALL)
_CATCH_ALL = "additional_properties"
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_NOTE = re.compile(r"^\*\*(?P<label>Default|Value|Constraints)\*\*:\s*(?P<rest>.*)$", re.DOTALL)
_CODE_VALUE = re.compile(r"^`(?P<value>[^`]*)`\s*$")
_DIGIT_UNDERSCORE = re.compile(r"_(?=\d)")
_ENUM_ESCAPE = re.compile(r"^ENUM_(?=\d)")
# Reserved words APIMatic escapes with a leading `m` (`mtype`, `mfrom`). Not `in`: `min` is a word.
_M_ESCAPED = (frozenset(keyword.kwlist) | {"type"}) - {"in"}
# Type cells only Python writes, and cells of APIMatic's other SDK languages (TypeScript's
# `string \| undefined`, Java's `List<String>`, PHP's `?string`, Go's `*models.X`, Ruby's `Integer`).
_PYTHON_CELL = re.compile(r"`(?:str|int|float|bool|Any|datetime|date|object)`|\b(?:List|Dict)\[")
_OTHER_CELL = re.compile(
    r"<|\?|\[\]|\*|\b(?:string|number|boolean|undefined|unknown|String|Integer|Long|Boolean|Double"
    r"|Object|array|mixed|map|Hash|Array|TrueClass|bigint|void)\b"
)
_PYTHON_NAME = re.compile(r"`[a-z0-9]+_[a-z0-9_]+`")
"""A snake_case attribute name (APIMatic's TypeScript, Java, C# and PHP docs camelCase them)."""
_NAME_LINK = re.compile(r"\[`?[A-Za-z_]\w*`?\]\([^()]*\)")
"""A link to a model by its class name (which may be any word: ``Object``, ``Hash``)."""
_KNOWN_TAGS = {"required", "optional", "read-only", "nullable", "constant", "deprecated"}


class APIMaticPython:
    """The family and its one dialect: APIMatic's Python SDK docs (its other languages' pages,
    which have the same shape, are left alone)."""

    name = "apimatic-python"
    rule = AliasRule.NONE
    echoes: frozenset[str] = frozenset()
    """Python attribute names are snake_case; APIs documented so are mostly snake_case too
    (the JSON examples vote otherwise for a camelCase API)."""

    @property
    def dialects(self) -> tuple[Dialect, ...]:
        return (self,)

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        if page.title is None or _kind(page) is None:
            return None
        if only is not None:
            return Detected(self, True)
        cells = _type_cells(page)
        if _OTHER_CELL.search(_NAME_LINK.sub("", cells)):
            return None  # another SDK language's page
        return Detected(self, bool(_PYTHON_CELL.search(cells) or _PYTHON_NAME.search(_name_cells(page))))

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        return [_read(page, reading)]

    def key(self, shown: str, example_keys: frozenset[str]) -> tuple[str, ir.WireSource]:
        """The key a Python attribute name stands for: the name, or an APIMatic escape undone
        (``mtype`` -> ``type``; ``line_1`` -> ``line1`` where the example shows ``line1``)."""
        if shown in example_keys:
            return shown, ir.WireSource.SHOWN
        unescaped = shown[1:] if shown[:1] == "m" and shown[1:] in _M_ESCAPED else None
        joined = _DIGIT_UNDERSCORE.sub("", shown)
        for candidate in (unescaped, joined):
            if candidate and candidate != shown and candidate in example_keys:
                return candidate, ir.WireSource.CONVENTION
        if unescaped is not None:
            return unescaped, ir.WireSource.CONVENTION
        return shown, ir.WireSource.SHOWN

    def __repr__(self) -> str:
        return f"<dialect {self.name}>"


APIMATIC = APIMaticPython()


def _kind(page: Page) -> str | None:
    """``object`` or ``enum``: which of APIMatic's page shapes this is, if either."""
    fields = page.section("fields")
    table = _table(fields.blocks) if fields is not None else None
    if table is None:
        return None
    header = tuple(h.strip().lower() for h in table.header)
    if page.section("structure") is not None and header[:4] == _FIELD_HEADER:
        return "object"
    if page.section("enumeration") is not None and header and header[0] == "name" and "type" not in header:
        return "enum"
    return None


def _table(blocks: tuple[Block, ...]) -> Table | None:
    return next((b for b in blocks if isinstance(b, Table)), None)


def _name_cells(page: Page) -> str:
    fields = page.section("fields")
    table = _table(fields.blocks) if fields is not None else None
    return " ".join(r.cells[0] for r in table.rows if r.cells) if table is not None else ""


def _type_cells(page: Page) -> str:
    """The Type cells of an object page's Fields table (an enum page has none)."""
    fields = page.section("fields")
    table = _table(fields.blocks) if fields is not None else None
    if table is None or tuple(h.strip().lower() for h in table.header[:2]) != _FIELD_HEADER[:2]:
        return ""
    return " ".join(r.cells[1] for r in table.rows if len(r.cells) > 1)


def _class_name(page: Page, section: Section | None) -> str | None:
    """The class the Structure (or Enumeration) section names."""
    for block in section.blocks if section is not None else ():
        if isinstance(block, Paragraph):
            m = _CLASS.match(block.text.strip())
            if m:
                return m.group("name")
    return None


def _read(page: Page, reading: Reading) -> ir.Model:
    assert page.title is not None
    at = page.at(page.title_line)
    kind = _kind(page)
    if kind is None:
        raise DocError(at, "not an APIMatic model page: no Structure or Enumeration with a Fields table")
    section = page.section("structure" if kind == "object" else "enumeration")
    name = _class_name(page, section)
    if name is None:
        assert section is not None
        raise DocError(page.at(section.line), f"the {section.title} section names no class (`ClassName`)")
    description, extra_cell = _description(page.intro)
    common: dict[str, Any] = {"key": page.rel, "name": name, "description": description, "location": at}
    fields_section = page.section("fields")
    assert fields_section is not None
    table = _table(fields_section.blocks)
    assert table is not None
    if kind == "enum":
        # The page lists the members' names only; a value is its name in 87% of paypal's
        # (1,700 of 1,945: `UPC_A` is "UPC-A", `CHALLENGEREQUIRED` is "C"). Open, so that the
        # API's other values still load (and dump back as they came).
        return ir.EnumModel(**common, members=_members(page, table), open=True)
    example, keys = _example(page, name)
    extra = reading.type_of(extra_cell, at, PYTHON_AS_LABELLED).node if extra_cell else None
    fields, row_extra = _fields(page, table, keys, reading)
    return ir.ObjectModel(
        **common, examples=example, fields=fields, extra=row_extra if row_extra is not None else extra
    )


def _text(cell: str) -> str:
    """A description as text: ``<br>`` is a line break, and APIMatic's ``-`` means none."""
    if "<" in cell:
        cell = _BR.sub("\n", cell)
    cleaned = clean_text(cell)
    return "" if cleaned == "-" else cleaned


def _description(intro: tuple[Block, ...]) -> tuple[str, str | None]:
    """The intro's text, and the type of the additional fields it says the model accepts."""
    texts, extra = [], None
    for block in intro:
        if isinstance(block, Paragraph):
            m = _EXTRA.match(block.text.strip())
            if m:
                extra = m.group("type")
            elif block.text.strip():
                texts.append(_text(block.text))
    return "\n\n".join(t for t in texts if t), extra


def _example(page: Page, name: str) -> tuple[tuple[ir.Example, ...], frozenset[str]]:
    """The JSON example (as an example, and its top-level keys: the model's wire names)."""
    for section in page.sections:
        if not section.title.lower().startswith("example"):
            continue
        for block in section.blocks:
            if isinstance(block, Code) and block.info == "json":
                try:
                    value = json.loads(block.text)
                except (ValueError, RecursionError):
                    return (), frozenset()
                keys = frozenset(value) if isinstance(value, dict) else frozenset()
                # As a Python literal: an example in Python is read as the wire's data.
                example = ir.Example(repr(value), name, page.at(block.line + 1), "python")
                return (example,), keys
    return (), frozenset()


def _fields(
    page: Page, table: Table, example_keys: frozenset[str], reading: Reading
) -> tuple[tuple[ir.Field, ...], ir.TypeNode | None]:
    diagnostics = reading.diagnostics
    fields, extra = [], None
    for row in table.rows:
        at = page.at(row.line)
        cells = [c.strip() for c in row.cells[:4]] + [""] * (4 - len(row.cells[:4]))
        name_cell, type_cell, tags_cell, description_cell = cells
        shown = name_cell.strip("`* ").replace("\\_", "_")
        if not shown:
            raise DocError(at, f"Name cell {name_cell!r} names no field")
        parsed = reading.type_of(type_cell, at, PYTHON_AS_LABELLED)
        if shown == _CATCH_ALL and isinstance(parsed.node, ir.MapOf):
            extra = parsed.node.value
            continue
        tags = {t.strip().lower() for t in tags_cell.split(",") if t.strip()}
        if "required" not in tags and "optional" not in tags:
            raise DocError(
                at, f"Tags cell {tags_cell!r} of field {shown!r} says neither Required nor Optional"
            )
        unknown = sorted(tags - _KNOWN_TAGS)
        if unknown:
            diagnostics.append(
                warning(at, f"tag {unknown[0]!r} of field {shown!r} is not one gen-models reads")
            )
        paragraphs, notes = _notes(description_cell)
        used = "Value" if "constant" in tags and "Value" in notes else "Default"
        node, default = _value(parsed, notes.get(used), used == "Value", at, diagnostics)
        for label, note in notes.items():
            if default is None or label != used:
                paragraphs.append(f"{label}: {note}")  # not read: the text says it
        description = _text("<br><br>".join(paragraphs))
        key, source = APIMATIC.key(shown, example_keys)
        fields.append(
            ir.Field(
                name=key,
                type=node,
                required="required" in tags,
                nullable=_nullable(tags),
                description=description,
                location=at,
                shown=shown,
                wire_source=source,
                default=default,
                read_only="read-only" in tags,
                deprecated="" if "deprecated" in tags else None,
            )
        )
    return tuple(fields), extra


def _nullable(tags: set[str]) -> ir.Nullable:
    """A ``Nullable`` tag says so; the SDK refuses None for a required field without one, and
    does not say for an optional one."""
    if "nullable" in tags:
        return ir.Nullable.YES
    return ir.Nullable.NO if "required" in tags else ir.Nullable.UNKNOWN


def _notes(cell: str) -> tuple[list[str], dict[str, str]]:
    """A description cell's paragraphs, less its ``**Default**`` and ``**Value**`` ones, and
    those by label."""
    kept, notes = [], {}
    for part in re.split(r"<br\s*/?>\s*<br\s*/?>", cell, flags=re.IGNORECASE):
        m = _NOTE.match(part.strip())
        if m and m.group("label") != "Constraints":
            notes[m.group("label")] = m.group("rest").strip()
        else:
            kept.append(part)
    return kept, notes


def _value(
    parsed: Parsed, note: str | None, constant: bool, at: Location, diagnostics: list[Diagnostic]
) -> tuple[ir.TypeNode, ir.Default | None]:
    """The field's type and default, from its ``**Default**`` (or a ``Constant``'s ``**Value**``,
    a literal type). A default is kept where it is a value of the field's primitive type (an
    enum's member is not data gen-models writes as a default)."""
    if note is None:
        return parsed.node, None
    m = _CODE_VALUE.match(note)
    value: object = None
    if m is not None:
        try:
            value = ast.literal_eval(m.group("value"))
        except (ValueError, SyntaxError, RecursionError, MemoryError):
            m = None
    if m is None:
        diagnostics.append(
            warning(at, f"{'value' if constant else 'default'} {note!r} is not a value gen-models can read")
        )
        return parsed.node, None
    if not isinstance(value, (str, int, float, bool)):
        return parsed.node, None  # a list or a map: said in the text
    if constant:
        return ir.Literal(value), ir.Default(value)
    return parsed.node, ir.Default(value) if _fits(parsed.node, value) else None


def _fits(node: ir.TypeNode, value: str | int | float | bool) -> bool:
    """The value is one of the type's (a primitive's)."""
    if not isinstance(node, ir.Primitive):
        return False
    if node.kind is ir.Kind.ANY:
        return True
    if isinstance(value, bool):
        return node.kind is ir.Kind.BOOL
    if isinstance(value, int):
        return node.kind in (ir.Kind.INT, ir.Kind.FLOAT)
    if isinstance(value, float):
        return node.kind is ir.Kind.FLOAT
    return node.kind is ir.Kind.STR


def _members(page: Page, table: Table) -> tuple[ir.EnumMember, ...]:
    """The member names; the value is the name, but for APIMatic's ``ENUM_`` before a digit."""
    members = []
    for row in table.rows:
        at = page.at(row.line)
        name = row.cells[0].strip().strip("`").replace("\\_", "_").strip() if row.cells else ""
        if not name:
            raise DocError(at, "an enum row names no member")
        members.append(ir.EnumMember(name, _ENUM_ESCAPE.sub("", name), at, python_name=True))
    if not members:
        raise DocError(page.at(table.line), "the Fields table lists no enum members")
    return tuple(members)
