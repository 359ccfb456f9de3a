"""Speakeasy's SDK docs: one page shape (:mod:`.pages`), a dialect per SDK language (:mod:`.dialect`).

A page is the family's if it has a title and model sections (or nothing but a title and an
example); its language is its example's, or the one whose type cells it uses, and
TypeScript (the language whose docs gen-models was first written for) when it shows none.
"""

from __future__ import annotations

from ...page import Page
from ..base import Detected, Dialect
from .csharp import DIALECT as CSHARP
from .dialect import SpeakeasyDialect
from .go import DIALECT as GO
from .java import DIALECT as JAVA
from .pages import example_language, field_types, is_model_page
from .php import DIALECT as PHP
from .python import DIALECT as PYTHON
from .ruby import DIALECT as RUBY
from .typescript import DIALECT as TYPESCRIPT


class Speakeasy:
    """The family: its dialects, in the order their signatures are tried."""

    name = "speakeasy"
    # One module each, in the order their signatures are tried (the most particular first).
    dialects: tuple[SpeakeasyDialect, ...] = (
        JAVA,
        CSHARP,
        PHP,
        RUBY,
        PYTHON,
        GO,
        TYPESCRIPT,
    )
    fallback = TYPESCRIPT
    """The dialect of a page that shows no language (a heading, an enum's values)."""

    def detect(self, page: Page, only: Dialect | None = None) -> Detected | None:
        if not is_model_page(page):
            return None
        if only is not None:
            return Detected(only, True)
        language = example_language(page, [d.language for d in self.dialects])
        by_example = next((d for d in self.dialects if d.language == language), None)
        if by_example is not None:
            return Detected(by_example, True)
        cells = field_types(page)
        by_cells = next((d for d in self.dialects if d.signature.search(cells)), None)
        return Detected(by_cells, True) if by_cells is not None else Detected(self.fallback, False)


SPEAKEASY = Speakeasy()
