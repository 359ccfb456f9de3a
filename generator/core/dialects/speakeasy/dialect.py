"""What a Speakeasy page means in an SDK language: its type cells, names and nullability.

A :class:`SpeakeasyDialect` is one language's reading of Speakeasy's page shapes
(:mod:`.pages`): the grammar of its type cells, the row that stands for a catch-all, what a
field's name and cell say about its key, nullability and default, and the cells only that
language writes (how the family tells the languages apart). Each language is a module
of this package (:mod:`.typescript`, :mod:`.python`, ...).
"""

from __future__ import annotations

import re

from ... import ir
from ...options import AliasRule, Options
from ...page import Page
from ..base import Reading
from ..typecells import Grammar, Parsed


class SpeakeasyDialect:
    """Speakeasy's docs for one SDK language; the base is what every language shares."""

    name = ""
    language = ""
    """The SDK's language, as its docs' code blocks are tagged (``typescript``, ``python``)."""
    rule = AliasRule.NONE
    echoes: frozenset[str] = frozenset()
    catch_all = ""
    """The name of the row that stands for the keys a model does not list (its type is
    theirs), or "" if the language has none."""
    catch_all_is_map = True
    """The catch-all row counts only when typed as a map (TypeScript's ``additionalProperties``
    could be a real key's name otherwise)."""
    member_names_are_python = False
    """Enum member names are the Python SDK's own (kept as they are, if safe)."""
    signature: re.Pattern[str] = re.compile(r"(?!)")
    """Type cells only this language writes: a page that has one is this dialect's."""

    def grammar(self, options: Options) -> Grammar:
        raise NotImplementedError

    def is_catch_all(self, name: str, parsed: Parsed) -> bool:
        return (
            bool(self.catch_all)
            and name == self.catch_all
            and (isinstance(parsed.node, ir.MapOf) or not self.catch_all_is_map)
        )

    def key(self, shown: str) -> tuple[str, ir.WireSource]:
        """The key a field's shown name stands for, before the tree's casing rule."""
        return shown, ir.WireSource.SHOWN

    def nullable(self, parsed: Parsed) -> ir.Nullable:
        return ir.Nullable.UNKNOWN

    def default(self, parsed: Parsed) -> ir.Default | None:
        return None

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        from .pages import read

        return [read(page, reading, self)]

    def __repr__(self) -> str:
        return f"<dialect {self.name}>"
