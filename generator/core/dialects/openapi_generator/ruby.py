"""OpenAPI Generator's ``ruby`` docs: ``# OryClient::Pet`` headings, Ruby attribute names
(snake_case; ``_end`` for the reserved ``end``), ``**Array&lt;String&gt;**``,
``**Hash&lt;String, X&gt;**``, ``**Time**`` cells, a ``ruby`` example; a oneOf's page lists
its member classes (``openapi_one_of``).

The wire name is lost (snake_case names stand for keys in any casing: the tree's vote
decides); nullability is not shown.
"""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ..languages.ruby import RUBY
from ..typecells import Grammar
from .dialect import OAGDialect

_KEYWORDS = frozenset(
    "alias and begin break case class def defined do else elsif end ensure false for if in module next"
    " nil not or redo rescue retry return self super then true undef unless until when while yield".split()
)


class Ruby(OAGDialect):
    name = "openapi-generator-ruby"
    languages = ("ruby",)
    title = re.compile(r"^\w+(?:::\w+)*::\w+$")
    signature = re.compile(r"\bHash<|\*\*Time\*\*|\bArray<[A-Z]")

    def grammar(self, options: Options) -> Grammar:
        return RUBY

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        if shown.startswith("_") and shown[1:] in _KEYWORDS:
            return shown[1:], ir.WireSource.CONVENTION  # `_end`: `end` is reserved
        return shown, ir.WireSource.SHOWN


DIALECT = Ruby()
