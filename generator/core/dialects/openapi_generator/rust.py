"""OpenAPI Generator's ``rust`` docs: Rust field names (``r#type``), ``Option<**X**>``,
``## Enum Variants`` tables.

``Option<X>`` on a required field (an empty Notes cell) means the value may be null; on an
optional one it means only that the key may be missing (a nullable optional field is
``Option<Option<X>>`` in the SDK, but the docs show ``Option<X>`` for both). Enum-typed
fields show their enum's Rust type (``String``), and their defaults the variant's name
(``Wildcard`` for ``"wildcard"``): such defaults are dropped.
"""

from __future__ import annotations

import re
from typing import Any

from ... import ir, tsliteral
from ...options import Options
from ..languages.rust import RUST
from ..typecells import Grammar, Parsed
from .dialect import NoDefault, OAGDialect

_VARIANT = re.compile(r"^(?:[A-Z][a-z0-9]+)+$")
"""A Rust enum variant's name (``Wildcard``, ``ClientSecretBasic``): a default that names one."""


class Rust(OAGDialect):
    name = "openapi-generator-rust"
    sections = frozenset({"enum variants"})
    signature = re.compile(r"Option<|Vec<|models::|serde_json::|std::|\*\*[iuf](?:8|16|32|64|128|size)\*\*")
    names = re.compile(r"\br#\w")

    def grammar(self, options: Options) -> Grammar:
        return RUST

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown.startswith("r#") and len(shown) > 2:
            return shown[2:], ir.WireSource.CONVENTION  # a raw identifier: `r#type`
        return shown, ir.WireSource.SHOWN

    def nullable(
        self, parsed: Parsed, required: bool, said: frozenset[str] | None, shown: str
    ) -> ir.Nullable:
        if not required:
            return ir.Nullable.UNKNOWN
        return ir.Nullable.YES if parsed.wrapper == "Option" else ir.Nullable.NO

    def default(self, text: str, node: ir.TypeNode) -> Any:
        if isinstance(node, ir.Primitive) and node.kind is ir.Kind.STR and text[:1] not in "\"'":
            if _VARIANT.match(text):
                raise NoDefault(text)
            return text  # strings are written bare: `[default to 720h]`
        try:
            return tsliteral.parse(text)
        except tsliteral.LiteralError:
            raise NoDefault(text) from None


DIALECT = Rust()
