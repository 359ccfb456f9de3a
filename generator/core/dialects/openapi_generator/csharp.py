"""OpenAPI Generator's ``csharp`` docs: ``# Org.OpenAPITools.Model.Pet`` headings (in
``docs/models/``), C# property names (PascalCase; ``VarPet`` for a ``pet`` property of the
model ``Pet``), ``**List&lt;string&gt;**``, ``**Dictionary&lt;string, Object&gt;**`` cells,
C# defaults (``1M``, ``DetailEnum.Auto``).

The wire name is lost: PascalCase names stand for keys in any casing, camelCase if the
docs do not vote. Inline enums are lost (their cells say ``string``); nullability is not shown.
"""

from __future__ import annotations

import re
from typing import Any

from ... import ir
from ...options import AliasRule, Options
from ..languages.csharp import CSHARP
from ..typecells import Grammar
from .dialect import OAGDialect

_NUMBER_SUFFIX = re.compile(r"^(?P<number>-?\d+(?:\.\d+)?)[MmDdFfLl]$")
"""A C# number literal with its type's suffix: ``1M`` (decimal), ``0.5D``."""


class CSharp(OAGDialect):
    name = "openapi-generator-csharp"
    rule = AliasRule.CAMEL
    title = re.compile(r"^\w+(?:\.\w+)*\.Model\.\w+$")
    signature = re.compile(
        r"\bDictionary<|\*\*(?:decimal|long|double)\*\*|\bList<(?:string|int|long|bool|decimal|float|double)\b"
    )

    def grammar(self, options: Options) -> Grammar:
        return CSHARP

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown == f"Var{model}":
            return model, ir.WireSource.CONVENTION  # a property named as its class
        return shown, ir.WireSource.SHOWN

    def default(self, text: str, node: ir.TypeNode) -> Any:
        m = _NUMBER_SUFFIX.match(text)
        return super().default(m.group("number") if m else text, node)


DIALECT = CSharp()
