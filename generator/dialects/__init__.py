"""Input doc formats. Each dialect module says which pages are its models and reads them."""

from __future__ import annotations

from ..diagnostics import Diagnostic, DocError
from ..ir import Model
from ..markdown import Page
from . import speakeasy_ts

DIALECTS = (speakeasy_ts,)


def read_models(pages: list[Page], diagnostics: list[Diagnostic]) -> tuple[list[Model], list[Page]]:
    """The models the pages document, and the pages that document none (skipped)."""
    models: list[Model] = []
    skipped: list[Page] = []
    for page in pages:
        dialect = next((d for d in DIALECTS if d.is_model_page(page)), None)
        if dialect is None:
            skipped.append(page)
            continue
        try:
            models.append(dialect.read(page, diagnostics))
        except DocError as exc:
            diagnostics.append(exc.diagnostic)
    return models, skipped
