"""Rust type cells, as OpenAPI Generator's ``rust`` docs write them: ``Option<**String**>``,
``Option<[**Vec<models::X>**](x.md)>``, ``[**std::collections::HashMap<String, models::X>**](x.md)``,
``[**serde_json::Value**](.md)``, ``**i64**``.

``Option<...>`` outermost is reported as the cell's wrapper (the field's value may be
missing or null: which, the dialect decides with the Notes column); inside a container it
makes the item nullable. Paths are Rust's (``models::X``, ``std::collections::HashMap``):
``models::`` is dropped and ``::`` read as ``.``. The links are decoration: their targets
are often the model's file name with a lower-case first letter (``identityCredentials.md``
for ``IdentityCredentials.md``), so a linked model is found by its name instead.
"""

from __future__ import annotations

import re

from ... import ir
from ..typecells import Grammar, Parsed, Parser, primitive, union_of

_LINK = re.compile(r"\[((?:\*\*)?[^\[\]()]*?(?:\*\*)?)\]\([^()\s]*\)")
"""A link whose label holds no brackets: ``[**models::X**](x.md)`` -> its label."""
_NONE = primitive(ir.Kind.NONE)
_INT = primitive(ir.Kind.INT)
_FLOAT = primitive(ir.Kind.FLOAT)

NAMES: dict[str, ir.TypeNode] = {
    "String": primitive(ir.Kind.STR),
    "str": primitive(ir.Kind.STR),
    "char": primitive(ir.Kind.STR),
    "bool": primitive(ir.Kind.BOOL),
    **{f"{sign}{bits}": _INT for sign in "iu" for bits in ("8", "16", "32", "64", "128", "size")},
    "f32": _FLOAT,
    "f64": _FLOAT,
    "serde_json.Value": ir.ANY,
    "serde_json.Map": ir.MapOf(ir.ANY),
    "uuid.Uuid": primitive(ir.Kind.STR, "uuid::Uuid"),
    "std.path.PathBuf": primitive(ir.Kind.BYTES, "std::path::PathBuf"),
    "reqwest.Response": primitive(ir.Kind.ANY, "reqwest::Response"),
}

_LISTS = frozenset({"Vec", "VecDeque", "HashSet", "BTreeSet", "IndexSet"})
_MAPS = frozenset({"HashMap", "BTreeMap", "IndexMap"})
_BOXES = frozenset({"Box", "Rc", "Arc"})


class RustParser(Parser):
    """Reads an outermost ``Option<...>`` as the cell's wrapper."""

    def top(self) -> Parsed:
        tok = self.peek()
        after = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        if tok is not None and tok.kind == "name" and tok.text == "Option" and after and after.text == "<":
            start = self.pos
            self.pos += 2
            node = self.union(1)
            self.expect(">")
            if self.pos == len(self.tokens):
                return Parsed(node, "Option")
            self.pos = start  # ``Option<X>`` is only part of the cell: read it as a type
        return super().top()


class Rust(Grammar):
    language = "rust"
    names = NAMES
    lists = _LISTS
    maps = _MAPS
    wrappers = ("Option",)

    def prepare(self, cell: str) -> str:
        if "](" in cell:
            cell = _LINK.sub(r"\1", cell)
        if "::" in cell:
            cell = cell.replace("models::", "").replace("::", ".")
        return cell

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if base == "Option" and len(args) == 1:
            return union_of([args[0], _NONE])
        if base in _BOXES and len(args) == 1:
            return args[0]
        return None

    @property
    def parser(self) -> type[Parser]:
        return RustParser


RUST = Rust()
