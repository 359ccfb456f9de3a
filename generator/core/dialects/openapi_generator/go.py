"""OpenAPI Generator's ``go`` docs: Go field names (PascalCase), ``Pointer to **X**`` for the
keys that may be missing, ``**NullableString**`` for values that may be null, and a
``## Methods`` section after the table whose ``SetXNil`` methods say which fields may
hold null (all of them do: a field without one may not).

The wire name is lost: PascalCase names stand for keys in any casing, camelCase if the
docs do not vote.
"""

from __future__ import annotations

import re
from typing import Any

from ... import ir
from ...diagnostics import Location
from ...options import AliasRule, Options
from ...page import Page
from ..base import Reading
from ..languages.go import NAMES
from ..languages.go import Go as GoCells
from ..typecells import Grammar, Parsed, primitive
from .dialect import OAGDialect

_POINTER = re.compile(r"^Pointer to\s+")
_NULLABLE = re.compile(r"\bNullable(?P<name>[A-Z]\w*)")
_NULLABLE_TYPES = {
    "String": "string",
    "Bool": "bool",
    "Int": "int",
    "Int32": "int32",
    "Int64": "int64",
    "Float32": "float32",
    "Float64": "float64",
    "Time": "time.Time",
}
"""The nullable wrappers of Go's own types (``NullableString``); ``NullableX`` of a model is ``X``."""


class _Cells(GoCells):
    """Go's cells, and the ``*os.File`` OpenAPI Generator gives a binary property."""

    names = {**NAMES, "os.File": primitive(ir.Kind.BYTES, "*os.File")}


GO = _Cells()
_SET_NIL = re.compile(r"^Set(?P<name>\w+)Nil$")


class Go(OAGDialect):
    name = "openapi-generator-go"
    rule = AliasRule.CAMEL
    sections = frozenset({"methods"})
    echoes = sections  # GetCreatedAt, SetCreatedAt: the Go names again
    signature = re.compile(
        r"Pointer to |\*\*\[\]|\bmap\[|interface\{\}|\*\*(?:int32|int64|float32|float64|time\.Time)\*\*"
        r"|\*\*Nullable[A-Z]"
    )

    def grammar(self, options: Options) -> Grammar:
        return GO

    def parse(self, cell: str, at: Location, reading: Reading) -> Parsed:
        cell = _POINTER.sub("", cell.strip())
        if "Nullable" in cell:
            cell = _NULLABLE.sub(lambda m: _NULLABLE_TYPES.get(m.group("name"), m.group("name")), cell)
        return reading.type_of(cell, at, GO)

    def nullables(self, page: Page) -> frozenset[str] | None:
        if page.section("methods") is None:
            return None
        return frozenset(
            m.group("name") for s in page.sections if s.level == 3 and (m := _SET_NIL.match(s.title.strip()))
        )

    def nullable(
        self, parsed: Parsed, required: bool, said: frozenset[str] | None, shown: str
    ) -> ir.Nullable:
        if said is None:
            return ir.Nullable.UNKNOWN
        return ir.Nullable.YES if shown in said else ir.Nullable.NO

    def default(self, text: str, node: ir.TypeNode) -> Any:
        if text == "{}" and isinstance(node, ir.ArrayOf):
            return []  # Go's empty composite literal
        return super().default(text, node)


DIALECT = Go()
