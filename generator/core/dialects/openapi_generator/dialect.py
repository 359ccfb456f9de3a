"""What an OpenAPI Generator page means in one generator's language.

An :class:`OAGDialect` is one generator's reading of the family's page shapes
(:mod:`.pages`): the grammar of its type cells (and what it writes around them, such as Go's
``Pointer to``), how it escapes names that its language reserves, what its cells and pages
say about nullability, how it writes defaults and enum values, and what only its pages show
(how the family, the package's ``OpenAPIGenerator``, tells the generators apart). Each
generator is a module of this package (:mod:`.python`, :mod:`.go`, ...).
"""

from __future__ import annotations

import re
from typing import Any

from ... import ir, tsliteral
from ...diagnostics import Location
from ...options import AliasRule, Options
from ...page import Page
from ..base import Reading
from ..typecells import Grammar, Parsed

NEVER = re.compile(r"(?!)")
CONSTANT = re.compile(r"^[A-Za-z_$\\][\w$.:\\]*(?:\(\))?$")
"""A constant's name, as a default names it: ``Order.desc``, ``\\Acme\\Status::ACTIVE``."""


class NoDefault(Exception):
    """A default the doc writes in its language's own terms (an enum member's name), which
    says no JSON value: the field gets no default, and no warning."""


class OAGDialect:
    """One OpenAPI Generator language's docs; the base is what every language shares."""

    name = ""
    """``openapi-generator-<generator>``: the ``--dialect`` value."""
    rule = AliasRule.NONE
    echoes: frozenset[str] = frozenset()
    languages: tuple[str, ...] = ()
    """The info strings of the code blocks only this generator's pages hold (``python``)."""
    title = NEVER
    """The heading shape only this generator writes (Ruby's ``OryClient::X``)."""
    sections: frozenset[str] = frozenset()
    """Level-2 sections only this generator's pages have (lower case: Go's ``methods``)."""
    signature = NEVER
    """Type cells only this generator writes (HTML entities undone)."""
    names = NEVER
    """Name cells only this generator writes (Rust's raw identifiers: ``**r#type**``)."""
    shows_required = True
    """The Notes column says ``[optional]`` for the keys that are not required."""
    member_names_are_python = False
    """Enum member names are the Python SDK's own (kept as they are, if safe)."""
    empty_is_opaque = True
    """A page whose Properties table has no rows documents a model whose shape the docs lost
    (a oneOf, an enum): Any, not an object without fields."""

    def grammar(self, options: Options) -> Grammar:
        raise NotImplementedError

    def shows(self, page: Page) -> bool:
        """The page has a shape only this generator writes (typescript-fetch's two columns)."""
        return False

    def parse(self, cell: str, at: Location, reading: Reading) -> Parsed:
        """A Type cell (HTML entities undone) as a type (:meth:`Reading.type_of`: ``Any``,
        with the error said, if it is none)."""
        return reading.type_of(cell, at, self.grammar(reading.options))

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        """The key a field's shown name stands for (the generator's escapes undone), before
        the tree's casing rule; ``model`` is the model's name."""
        return shown, ir.WireSource.SHOWN

    def nullables(self, page: Page) -> frozenset[str] | None:
        """The shown names of the fields a page says may be null, if its pages say so
        outside the type cells (Go's ``SetXNil`` methods); None if they do not."""
        return None

    def nullable(
        self, parsed: Parsed, required: bool, said: frozenset[str] | None, shown: str
    ) -> ir.Nullable:
        """Whether a field's value may be null: what its cell (``parsed``) and the page's
        :meth:`nullables` (``said``) say."""
        if parsed.wrapper:
            return ir.Nullable.YES
        if said is not None:
            return ir.Nullable.YES if shown in said else ir.Nullable.NO
        return ir.Nullable.UNKNOWN

    def literal(self, text: str) -> Any:
        """A default or an enum value as the doc writes it (HTML entities undone); ValueError
        (or :class:`NoDefault`) if it is not one."""
        return tsliteral.parse(text)

    def default(self, text: str, node: ir.TypeNode) -> Any:
        """A ``[default to X]`` note's value for a field of type ``node``; :class:`NoDefault`
        for the name of a constant (an enum member: ``StatusEnum.ACTIVE``, ``KEY_STATUS_ACTIVE``),
        whose value the doc does not give."""
        try:
            return self.literal(text)
        except ValueError:
            if CONSTANT.match(text):
                raise NoDefault(text) from None
            raise

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        from .pages import read

        return read(page, reading, self)

    def __repr__(self) -> str:
        return f"<dialect {self.name}>"
