"""OpenAPI Generator's ``java`` docs: Java field names (camelCase; ``_object`` and
``propertyClass`` for the reserved ``object`` and ``class``), ``**List&lt;String&gt;**``
cells, inline enums linked to ``## Enum: XEnum`` sections after the table.

The wire name is lost (camelCase names stand for keys in any casing: the tree's vote
decides); nullability is not shown.
"""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ..languages.java import JAVA
from ..typecells import Grammar
from .dialect import OAGDialect

_RESERVED = re.compile(r"^_(?P<name>[a-z]\w*)$")
"""The java generator's escape of a reserved word: ``_object``, ``_default``."""
_RENAMED = {"propertyClass": "class"}


class Java(OAGDialect):
    name = "openapi-generator-java"
    names = re.compile(r"\*\*(?:_[a-z]\w*|propertyClass)\*\*")
    signature = re.compile(
        r"\*\*(?:List|Map|Set)<|\*\*byte\[\]\*\*|\[\*\*\w+Enum\*\*\]\(#"
        r"|\*\*(?:OffsetDateTime|LocalDate|BigDecimal|Boolean|Integer|Long|Double|Float|Object|UUID|URI)\*\*"
    )

    def grammar(self, options: Options) -> Grammar:
        return JAVA

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown in _RENAMED:
            return _RENAMED[shown], ir.WireSource.CONVENTION
        m = _RESERVED.match(shown)
        return (m.group("name"), ir.WireSource.CONVENTION) if m else (shown, ir.WireSource.SHOWN)


DIALECT = Java()
