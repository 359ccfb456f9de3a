"""Speakeasy's PHP docs (``docs/Models/<Group>/<Name>.md``): PHP property names and types.

A Fields row shows the PHP property (``trackConversion``, the API's own key for a camelCase
API), its PHP type (:mod:`..languages.php`) and whether the API requires it. A union's field
links the union's doc with its members as the label
(``[string\\|array\\|null](../../Models/Operations/TagIds.md)``). A union's doc lists
``### `Components\\X` `` members with the member's PHP code, whose ``@var`` says what a bare
``array`` heading does not (``array<string>``): the ``@var`` is read.

What the pages lose:

* the wire name of a snake_case key (``utmSource`` for ``utm_source``): the tree's vote,
  from the docs' own mentions, recovers what it can;
* nullability: ``?T`` (``*?string*``, ``[?Components\\Link](..)``, a ``null`` member) is
  shown on optional keys only, where PHP writes it for the property's null default, and a
  required key that may be null is shown without it (``*string*`` for ``?string``). So no
  cell says whether a value may be null: the ``--nulls`` policy decides.

The SDK escapes no names (``$end``, ``$object`` are valid properties): a shown name is the key.
"""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ...page import Page
from ..base import Reading
from ..languages.php import PHP
from ..typecells import Grammar
from .dialect import SpeakeasyDialect
from .pages import with_member_types

_VAR = re.compile(r"@var\s+(?P<type>\S[^\n*]*?)\s*(?:\*/|$)", re.MULTILINE)
"""A union member's type in its PHP code: ``@var array<string>``."""


class Php(SpeakeasyDialect):
    """PHP property names (the API's keys, mostly); nullability never shown (``?T`` only on
    optional keys, which PHP writes for their null default)."""

    name = "speakeasy-php"
    language = "php"
    signature = re.compile(
        r"\*\?\w+\*"  # *?string*
        r"|\[\??(?:Components|Operations|Errors|Shared)\\\w"  # [Components\X](..), [?Components\X](..)
        r"|\?(?:Components|Operations|Errors|Shared)\\"  # `?Components\X`
        r"|\barray<"  # array<*string*>, array<string, *mixed*>
        r"|\*mixed\*"
        r"|\\(?:Psr|Brick|DateTime)\b|\]\(https://www\.php(?:-fig)?\.(?:org|net)/"  # \DateTime, php.net
        r"|\[\w+(?:\|\w+)+\]\("  # [string|array](../../Models/Operations/Domains.md)
    )
    """Only PHP writes ``?`` before a type, backslash-namespaced names, ``array<``, ``*mixed*``,
    PSR / Brick classes and a union's members as a link's label. Its ``*string*``, ``*int*``,
    ``*float*`` and ``*bool*`` are other languages' too (C#, Go, Python, TypeScript): a page of
    nothing else does not show its language, and is read as the tree's."""

    def grammar(self, options: Options) -> Grammar:
        return PHP

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        return super().read(with_member_types(page, _VAR), reading)


DIALECT = Php()
