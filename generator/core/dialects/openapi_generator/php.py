"""OpenAPI Generator's ``php`` docs: ``# # Pet`` headings (in ``docs/Model/``), PHP property
names (camelCase), ``**\\DateTime**``, ``[**\\Ory\\Client\\Model\\X[]**](X.md)``,
``**array<string,mixed>**`` cells.

The wire name is lost (camelCase names stand for keys in any casing: the tree's vote
decides); nullability is not shown.
"""

from __future__ import annotations

import re

from ...options import Options
from ..languages.php import PHP
from ..typecells import Grammar
from .dialect import OAGDialect


class Php(OAGDialect):
    name = "openapi-generator-php"
    title = re.compile(r"^#\s*\S")
    signature = re.compile(r"\\[A-Z]|\*\*mixed\*\*|\barray<")

    def grammar(self, options: Options) -> Grammar:
        return PHP


DIALECT = Php()
