"""OpenAPI Generator's ``kotlin`` docs: Kotlin property names (backticked keywords such as
``**&#x60;object&#x60;**``; ``propertySize`` for ``size``), ``**kotlin.String**`` cells,
inline enums (``[**inline**](#Status)``) listed after the table in ``## Enum: status``
sections, one row of comma-separated values each.

The wire name is lost (camelCase names stand for keys in any casing: the tree's vote
decides); nullability is not shown.
"""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ..languages.kotlin import KOTLIN
from ..typecells import Grammar
from .dialect import OAGDialect

_RENAMED = {
    # Names a Kotlin data class cannot have as properties, prefixed with `property`.
    "propertyClass": "class",
    "propertySize": "size",
    "propertyEntries": "entries",
    "propertyKeys": "keys",
    "propertyValues": "values",
}


class Kotlin(OAGDialect):
    name = "openapi-generator-kotlin"
    signature = re.compile(r"\bkotlin\.|\bjava\.(?:math|net|time|io|util)\.|\[\*\*inline\*\*\]\(#")
    names = re.compile(r"\*\*`\w+`\*\*")
    """Kotlin's keywords, escaped in backticks: ``**`object`**``."""

    def grammar(self, options: Options) -> Grammar:
        return KOTLIN

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown in _RENAMED:
            return _RENAMED[shown], ir.WireSource.CONVENTION
        return shown, ir.WireSource.SHOWN


DIALECT = Kotlin()
