"""Input doc formats: each file's dialect is detected (or forced), and the dialect reads it.

A dialect module has ``DIALECT`` (its :class:`~generator.config.Dialect`), ``claims(page)``
(is this page one of its model docs?) and ``read(page, diagnostics, options)``.
"""

from __future__ import annotations

from msgspec.structs import replace

from ..config import Dialect, Options
from ..diagnostics import Diagnostic, warning
from ..ir import Model
from ..mentions import mentions
from ..page import Page, Table
from . import openapi_generator, speakeasy_python, speakeasy_typescript

# In detection order: the first that claims a page reads it.
DIALECTS = (openapi_generator, speakeasy_python, speakeasy_typescript)
_BY_NAME = {d.DIALECT: d for d in DIALECTS}
_MODEL_LOOKING = {"fields", "properties", "values", "enum"}


def read_model(page: Page, options: Options, diagnostics: list[Diagnostic]) -> Model | None:
    """The model a page documents, or None for a page that is not a model doc (skipped).

    Raises :class:`DocError` for a model doc that cannot be read.
    """
    forced = options.dialect is not None
    candidates = (_BY_NAME[options.dialect],) if options.dialect else DIALECTS
    dialect = next((d for d in candidates if d.claims(page, forced=forced)), None)
    if dialect is None:
        if _looks_like_a_model(page):
            which = (
                f"the {options.dialect.value} dialect" if options.dialect else "any dialect gen-models reads"
            )
            diagnostics.append(
                warning(page.at(page.title_line), f"looks like a model doc, but not in {which}: skipped")
            )
        return None
    model: Model = dialect.read(page, diagnostics, options)
    return replace(model, dialect=dialect.DIALECT.value, mentions=mentions(page))


def _looks_like_a_model(page: Page) -> bool:
    """A titled page with a table under a model-ish section, other than Speakeasy's helper pages."""
    for section in page.sections:
        if section.level == 2 and section.title.strip().lower() in _MODEL_LOOKING:
            tables = [b for b in section.blocks if isinstance(b, Table)]
            helper = tables and [h.strip().lower() for h in tables[0].header] == [
                "name",
                "type",
                "description",
                "example",
            ]
            if tables and not helper:
                return page.title is not None
    return False
