"""The cells of OpenAPI Generator's tables as text: HTML entities and backslash escapes undone."""

from __future__ import annotations

import re

from ...markdown import unescape
from ...page import Table
from ...pysource import clean_text

_ESCAPE = re.compile(r"\\(.)")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def text(cell: str) -> str:
    """OpenAPI Generator escapes quotes twice (``\\&#39;``): HTML entities, then backslashes.
    ``<br/>`` is a line break, as in Speakeasy's docs."""
    plain = unescape(cell)
    if "\\" in plain:
        plain = _ESCAPE.sub(r"\1", plain)
    if "<" in plain:
        plain = _BR.sub("\n", plain)
    return clean_text(plain)


def header(table: Table, size: int) -> tuple[str, ...]:
    return tuple(h.strip().lower() for h in table.header[:size])


def shown(cell: str) -> str:
    """``**name**``, `` `name` ``, Kotlin's ``**&#x60;object&#x60;**``: the name."""
    name = unescape(cell)
    if "\\" in name:
        name = _ESCAPE.sub(r"\1", name)
    return name.strip("*` ")
