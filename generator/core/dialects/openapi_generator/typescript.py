"""OpenAPI Generator's TypeScript docs: ``typescript-axios`` (``**Array&lt;string&gt;**``,
``[default to undefined]``) and ``typescript-fetch`` (a ``Name | Type`` table of `` `key` ``
and bare cells, ``Array&lt;string&gt;``, ``{ [key: string]: any; }``).

Both show wire names. typescript-fetch's pages do not say which keys are required (its
Notes column is gone; its example sets every key to ``null``): every key is read as
optional. Neither shows nullability.
"""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ...page import Page, Table
from ..languages.typescript import TYPESCRIPT, TypeScript
from ..typecells import Grammar
from .dialect import OAGDialect

_RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else enum export extends false"
    " finally for function if import in instanceof new null return super switch this throw true try"
    " typeof var void while with as implements interface let package private protected public static"
    " yield await".split()
)
"""The words the TypeScript generators escape with a ``_`` when a property is named so."""


class _TypeScriptNames(OAGDialect):
    """Wire names, but for the reserved words the generators escape: ``_class``."""

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown.startswith("_") and shown[1:] in _RESERVED:
            return shown[1:], ir.WireSource.CONVENTION
        return shown, ir.WireSource.SHOWN


class _AxiosCells(TypeScript):
    """typescript-axios's cells: TypeScript, but ``object`` is a free-form value."""

    object_type: ir.TypeNode = ir.ANY


OAG_TYPESCRIPT = _AxiosCells()


class Axios(_TypeScriptNames):
    """``typescript-axios``: wire names, TypeScript literals."""

    name = "openapi-generator-typescript-axios"
    languages = ("typescript",)
    signature = re.compile(r"\*\*(?:string|number|boolean|any)\*\*|\*\*Array<|\{ \[key: string\]")
    empty_is_opaque = False  # as gen-models has always read them (an object without fields)

    def grammar(self, options: Options) -> Grammar:
        return OAG_TYPESCRIPT


class Fetch(_TypeScriptNames):
    """``typescript-fetch``: wire names, no required flags, ``object`` an object of any values."""

    name = "openapi-generator-typescript-fetch"
    shows_required = False

    def grammar(self, options: Options) -> Grammar:
        return TYPESCRIPT

    def shows(self, page: Page) -> bool:
        """The page's Properties table has two columns, ``Name | Type``."""
        section = page.section("properties")
        table = next((b for b in section.blocks if isinstance(b, Table)), None) if section else None
        return table is not None and [h.strip().lower() for h in table.header] == ["name", "type"]


AXIOS = Axios()
FETCH = Fetch()
