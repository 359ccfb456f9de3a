"""Python type cells: ``*Optional[str]*``, ``List[[models.X](x.md)]``, ``Dict[str, *Any*]``,
``Literal["a"]``."""

from __future__ import annotations

from ... import ir
from ..typecells import Grammar, primitive, union_of

# Speakeasy's Python docs link `datetime` fields as [date](...#date-objects) and `date` ones as
# [datetime](...): decoded here unless the dialect asks for the literal reading.
_PYTHON_DATE_DOCS = "docs.python.org/3/library/datetime.html"
_NONE = primitive(ir.Kind.NONE)

NAMES: dict[str, ir.TypeNode] = {
    "str": primitive(ir.Kind.STR),
    "int": primitive(ir.Kind.INT),
    "float": primitive(ir.Kind.FLOAT),
    "bool": primitive(ir.Kind.BOOL),
    "Any": ir.ANY,
    "None": _NONE,
    "bytes": primitive(ir.Kind.BYTES),
    "bytearray": primitive(ir.Kind.BYTES),
    "io.BufferedReader": primitive(ir.Kind.BYTES),
    "datetime": primitive(ir.Kind.DATETIME),
    "date": primitive(ir.Kind.DATE),
    "UUID": primitive(ir.Kind.STR, "UUID"),
    "Decimal": primitive(ir.Kind.FLOAT, "Decimal"),
    "decimal": primitive(ir.Kind.FLOAT, "Decimal"),
    # Response metadata of an SDK, not data.
    "httpx.Response": primitive(ir.Kind.ANY, "httpx.Response"),
}


class Python(Grammar):
    language = "python"
    names = NAMES
    lists = frozenset({"List", "list", "Set", "set", "Sequence"})
    maps = frozenset({"Dict", "dict", "Mapping"})
    wrappers = ("Optional", "Nullable", "OptionalNullable")

    def __init__(self, swap_dates: bool = True) -> None:
        self.swap_dates = swap_dates
        """Read ``[date](...)`` as ``datetime`` and ``[datetime](...)`` as ``date``, as
        Speakeasy's Python docs mean them (``--python-dates corrected``)."""

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if base in self.wrappers and len(args) == 1:
            return union_of([args[0], _NONE])
        if base == "Union":
            return union_of(args)
        if base == "Literal" and all(isinstance(a, ir.Literal) for a in args):
            return union_of(args)
        if base in ("AsyncIterable", "Iterable", "Iterator", "AsyncIterator"):
            return primitive(ir.Kind.BYTES, f"{name}[...]")
        if base in ("EventStream", "EventStreamAsync") and len(args) == 1:
            return ir.ArrayOf(args[0])
        if base == "IO" and args == [NAMES["bytes"]]:
            return NAMES["bytes"]
        return None

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        if text in ("date", "datetime") and _PYTHON_DATE_DOCS in href:
            swapped = {"date": ir.Kind.DATETIME, "datetime": ir.Kind.DATE}
            return primitive(swapped[text] if self.swap_dates else ir.Kind(text))
        return None


PYTHON = Python()
PYTHON_AS_LABELLED = Python(swap_dates=False)
