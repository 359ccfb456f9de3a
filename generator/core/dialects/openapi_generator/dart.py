"""OpenAPI Generator's ``dart-dio`` docs (built_value): ``# ory_client.model.Pet`` headings,
a ``## Load the model package`` code block, Dart property names (``required_`` for
``required``), ``BuiltList&lt;X&gt;`` and ``BuiltMap&lt;String, X&gt;`` cells.

Nullability is not shown; the names are camelCased keys (the tree's vote decides).
"""

from __future__ import annotations

import re
from typing import Any

from ... import ir
from ...options import Options
from ..languages.dart import DART
from ..typecells import Grammar
from .dialect import OAGDialect

_ESCAPED = re.compile(r"^(?P<name>[A-Za-z]\w*?[A-Za-z0-9])_$")
"""Dart's escape of a reserved word: ``required_``, ``class_``."""
_BUILDERS = {"ListBuilder()": list, "SetBuilder()": list, "MapBuilder()": dict}
"""built_value's empty collections: a default of none of their items."""


class Dart(OAGDialect):
    name = "openapi-generator-dart-dio"
    languages = ("dart",)
    title = re.compile(r"^[a-z_][a-z0-9_]*\.model\.\w+$")
    signature = re.compile(r"\bBuilt(?:List|Map|Set)<|\bJsonObject\b")

    def grammar(self, options: Options) -> Grammar:
        return DART

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        m = _ESCAPED.match(shown)
        return (m.group("name"), ir.WireSource.CONVENTION) if m else (shown, ir.WireSource.SHOWN)

    def default(self, text: str, node: ir.TypeNode) -> Any:
        if text in _BUILDERS:
            return _BUILDERS[text]()
        return super().default(text, node)


DIALECT = Dart()
