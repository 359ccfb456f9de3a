"""What a dialect is: the declared interface every input doc format implements.

A **family** is a doc generator's page shapes (Speakeasy's ``## Fields`` tables, OpenAPI
Generator's ``## Properties``); a **dialect** is a family's docs for one SDK language
(Speakeasy's TypeScript docs, its Python docs). A family recognises its pages and says
which of its dialects wrote each (from the page's type cells); the dialect reads the page
into the intermediate model, with its language's type grammar
(:mod:`generator.core.dialects.languages`) and its rules for names, nullability,
requiredness and examples.

Adding a dialect is a module in this package and an entry in its family (or, for a new
family, in :data:`generator.core.dialects.FAMILIES`), with its tests: nothing outside
``dialects/`` changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from .. import ir
from ..diagnostics import Diagnostic, DocError, Location, warning
from ..ir import ANY
from ..options import AliasRule, Options
from ..page import Page
from .typecells import Grammar, Parsed, parse_type


@dataclass
class Reading:
    """What a dialect reads a page with: the job's options, and where warnings go."""

    options: Options
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def type_of(self, cell: str, at: Location, grammar: Grammar) -> Parsed:
        """A Type cell's type; one that cannot be read is ``Any``, with the error said (the
        run still fails unless ``--keep-going``: the rest of the page is read for its errors)."""
        try:
            parsed = parse_type(cell, at, grammar)
        except DocError as exc:
            self.diagnostics.append(exc.diagnostic)
            return Parsed(ANY)
        self.diagnostics.extend(warning(at, text) for text in parsed.warnings)
        return parsed


class Dialect(Protocol):
    """One doc format of one SDK language."""

    @property
    def name(self) -> str:
        """The ``--dialect`` value (``speakeasy-typescript``); models record it."""

    @property
    def rule(self) -> AliasRule:
        """The casing rule that turns this dialect's names into keys when the docs do not
        vote (:mod:`generator.core.wirenames`): ``none`` where the names shown are usually
        the keys, ``camel`` for languages that PascalCase them (Go, C#)."""

    @property
    def echoes(self) -> frozenset[str]:
        """Sections (level-2 titles, lower case) the generator writes from the names shown
        (Go's ``methods``: ``GetCreatedAt``): no evidence of the wire names (:mod:`..mentions`)."""

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        """The models a page of this dialect documents (most pages document one; a page of
        several gives each the key ``<path>#<name>``); :class:`DocError` if it cannot be read."""


class Detected(NamedTuple):
    dialect: Dialect
    sure: bool
    """The page shows its language (an example's code, a type cell only it writes); else
    the family's fallback reads it, and the model votes on wire names with the tree's
    most common dialect of the family."""


class Family(Protocol):
    """A doc generator's page shapes, in the SDK languages it writes docs for."""

    @property
    def name(self) -> str:
        """``speakeasy``, ``openapi-generator``."""

    @property
    def dialects(self) -> tuple[Dialect, ...]:
        """Its dialects (their names are ``--dialect`` values)."""

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        """The dialect that wrote this page, if it is one of this family's model pages
        (``only``: read it as that dialect if the page has this family's shape at all)."""
