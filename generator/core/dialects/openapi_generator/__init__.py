"""OpenAPI Generator's model docs (and swagger-codegen's, its ancestor's): one page shape
(:mod:`.pages`), a dialect per generator language (:mod:`.dialect`).

A page is the family's if it has a title and a ``## Properties``, ``## Enum``,
``## Enum Variants`` or (ruby) oneOf ``## Class instance methods`` section; the pages of
the generators' API docs are the family's too, and read as no model (skipped). Which
generator wrote a page is told, page by page, by what only that generator writes, in this
order: the heading (PHP's ``# # Pet``, Ruby's ``OryClient::Pet``, dart-dio's
``ory_client.model.Pet``, C#'s ``Org.OpenAPITools.Model.Pet``), the table's shape
(typescript-fetch's two columns), a section (Go's ``## Methods``, rust's ``## Enum Variants``),
an example's language, then the type and name cells. A page that shows none of these
(an enum's values, a table of links and ``**String**``) is read by :mod:`.auto`, and not
sure: its model votes on wire names with the tree's most common generator.

``--dialect openapi-generator`` reads every page as this family's, telling the generators
apart as above; ``--dialect openapi-generator-<generator>`` reads every page as that one's.
"""

from __future__ import annotations

from ...page import Code, Page
from ..base import Detected, Dialect
from . import pages
from .auto import DIALECT as AUTO
from .csharp import DIALECT as CSHARP
from .dart import DIALECT as DART
from .dialect import OAGDialect
from .go import DIALECT as GO
from .java import DIALECT as JAVA
from .kotlin import DIALECT as KOTLIN
from .php import DIALECT as PHP
from .python import DIALECT as PYTHON
from .ruby import DIALECT as RUBY
from .rust import DIALECT as RUST
from .typescript import AXIOS, FETCH, OAG_TYPESCRIPT

__all__ = ["OAG_TYPESCRIPT", "OPENAPI_GENERATOR", "OpenAPIGenerator"]


class OpenAPIGenerator:
    """The family: its generators, in the order their cells' signatures are tried."""

    name = "openapi-generator"
    languages: tuple[OAGDialect, ...] = (
        KOTLIN,
        RUST,
        GO,
        DART,
        PHP,
        RUBY,
        CSHARP,
        JAVA,
        PYTHON,
        FETCH,
        AXIOS,
    )
    """In the order their signatures are tried (the most particular first)."""
    fallback = AUTO
    """The dialect of a page that shows no generator."""

    @property
    def dialects(self) -> tuple[Dialect, ...]:
        return (AUTO, *self.languages)

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        shape = pages.kind(page)
        if shape is None:
            return None
        if only is not None and only is not AUTO:
            return Detected(only, True)
        found = self.writer(page)
        return Detected(found, True) if found is not None else Detected(self.fallback, shape == pages.API)

    def writer(self, page: Page) -> OAGDialect | None:
        """The generator whose marks a page shows, if any."""
        assert page.title is not None
        title = page.title.strip()
        for dialect in self.languages:
            if dialect.title.search(title):
                return dialect
        for dialect in self.languages:
            if dialect.shows(page):
                return dialect
        titles = page.titles()
        for dialect in self.languages:
            if not dialect.sections.isdisjoint(titles):
                return dialect
        for section in page.sections:
            for block in section.blocks:
                if isinstance(block, Code) and block.info:
                    found = next((d for d in self.languages if block.info in d.languages), None)
                    if found is not None:
                        return found
        names, types = pages.cells(page)
        by_type = next((d for d in self.languages if d.signature.search(types)), None)
        return by_type or next((d for d in self.languages if d.names.search(names)), None)


OPENAPI_GENERATOR = OpenAPIGenerator()
