"""The pages that show no generator: an enum's values, a table of ``**String**``, ``**bool**``
and links (a language of the JVM, or rust, whose optional fields are all ``Option<...>``).

They are read with the names and generics the generators without a mark of their own
write (``String``, ``bool``, ``int``, ``List&lt;X&gt;``, ``Vec<X>``...), with TypeScript's
and JSON's literals, and without escapes; their models vote on wire names with the tree's
most common generator. ``--dialect openapi-generator`` names this dialect: every page is
then read as the family's, each as its generator's (as when no dialect is given).
"""

from __future__ import annotations

from ... import ir
from ...options import Options
from ...page import Page
from ..base import Reading
from ..languages.typescript import NAMES as TS_NAMES
from ..typecells import Grammar, primitive, union_of
from .dialect import OAGDialect

_STR, _INT, _FLOAT, _BOOL = (primitive(k) for k in (ir.Kind.STR, ir.Kind.INT, ir.Kind.FLOAT, ir.Kind.BOOL))


class _Cells(Grammar):
    """typescript-axios's names (``object`` a free-form value), and the JVM's, rust's and
    Python's plain ones."""

    language = "openapi-generator"
    names = {
        **TS_NAMES,
        **dict.fromkeys(("String", "str"), _STR),
        **dict.fromkeys(("bool", "Boolean"), _BOOL),
        **dict.fromkeys(("int", "Integer", "Long", "i32", "i64"), _INT),
        **dict.fromkeys(("float", "double", "Float", "Double", "f32", "f64"), _FLOAT),
        "OffsetDateTime": primitive(ir.Kind.DATETIME),
        "datetime": primitive(ir.Kind.DATETIME),
        "LocalDate": primitive(ir.Kind.DATE),
        "BigDecimal": primitive(ir.Kind.FLOAT, "Decimal"),
    }
    object_type: ir.TypeNode = ir.ANY

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        if base in ("List", "Array", "Vec", "Set") and len(args) == 1:
            return ir.ArrayOf(args[0])
        if base in ("Map", "Dict", "Record", "HashMap") and len(args) == 2:
            return ir.MapOf(args[1])
        if base in ("Option", "Optional") and len(args) == 1:
            return union_of([args[0], primitive(ir.Kind.NONE)])
        return None


CELLS = _Cells()


class Auto(OAGDialect):
    """The pages that show no generator; and, as ``--dialect openapi-generator``, the family's
    pages, each read by the generator that wrote it."""

    name = "openapi-generator"

    def grammar(self, options: Options) -> Grammar:
        return CELLS

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        """A page read by the dialect that wrote it (this one, if it shows none)."""
        from . import OPENAPI_GENERATOR
        from .pages import read

        found = OPENAPI_GENERATOR.detect(page)
        if found is None:
            return []
        return read(page, reading, self) if found.dialect is self else found.dialect.read(page, reading)


DIALECT = Auto()
