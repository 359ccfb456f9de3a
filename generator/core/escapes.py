"""Names that SDK generators escape, and the keys they stand for.

A generator that writes a language's property names must change keys the language cannot
spell or reserves: Speakeasy and liblab append ``_`` to Python keywords and builtins
(``from_``, ``type_``), OpenAPI Generator prefixes ``var_`` (``var_date``), and both spell
``$`` as ``dollar_`` (``dollar_schema``). A dialect undoes its generator's escapes with
these functions; the name it gets is then the key, up to the tree's casing rule
(:mod:`generator.wirenames`).
"""

from __future__ import annotations

import re

_TRAILING = re.compile(r"^(?P<name>[A-Za-z]\w*?[A-Za-z0-9])_$")
_DOLLAR = re.compile(r"^dollar_(?P<name>\w+)$")


def python_key(shown: str) -> str | None:
    """The key a Python SDK's attribute name stands for, if it is an escape:
    ``from_`` -> ``from``, ``dollar_schema`` -> ``$schema``; else None."""
    m = _DOLLAR.match(shown)
    if m:
        return "$" + m.group("name")
    m = _TRAILING.match(shown)
    return m.group("name") if m else None
