"""Speakeasy's TypeScript docs: TypeScript property names, nullability never shown."""

from __future__ import annotations

import re

from ...options import Options
from ..languages.typescript import TYPESCRIPT
from ..typecells import Grammar
from .dialect import SpeakeasyDialect


class TypeScript(SpeakeasyDialect):
    """TypeScript property names (the keys of camelCase APIs, camelCased keys of snake_case
    ones); nullability never shown."""

    name = "speakeasy-typescript"
    language = "typescript"
    catch_all = "additionalProperties"
    signature = re.compile(r"\*(number|boolean|any)\*|Record<|\]\[\]|\*\[\]")
    """Cells only TypeScript writes (not ``*string*``: Go, C# and PHP write it too)."""

    def grammar(self, options: Options) -> Grammar:
        return TYPESCRIPT


DIALECT = TypeScript()
