"""Speakeasy's SDK docs: one page shape (:mod:`.pages`), a dialect per SDK language (:mod:`.dialect`).

A page is the family's if it has a title and model sections (or nothing but a title and an
example); its language is its example's, or the one whose type cells it uses, and
TypeScript (the language whose docs gen-models was first written for) when it shows none.
"""

from __future__ import annotations

from ...page import Page
from ..base import Dialect
from .dialect import Python, SpeakeasyDialect, TypeScript
from .pages import example_language, field_types, is_model_page

SPEAKEASY_TYPESCRIPT = TypeScript()
SPEAKEASY_PYTHON = Python()


class Speakeasy:
    """The family: its dialects, in the order their signatures are tried."""

    dialects: tuple[SpeakeasyDialect, ...] = (SPEAKEASY_PYTHON, SPEAKEASY_TYPESCRIPT)
    fallback = SPEAKEASY_TYPESCRIPT
    """The dialect of a page that shows no language (a heading, an enum's values)."""

    def detect(self, page: Page, only: Dialect | None = None) -> Dialect | None:
        if not is_model_page(page):
            return None
        if only is not None:
            return only
        language = example_language(page)
        by_example = next((d for d in self.dialects if d.language == language), None)
        if by_example is not None:
            return by_example
        cells = field_types(page)
        return next((d for d in self.dialects if d.signature.search(cells)), self.fallback)


SPEAKEASY = Speakeasy()
