"""Input doc formats: each page's dialect is detected (or forced), and the dialect reads it.

:data:`FAMILIES` lists the doc generators gen-models reads, in the order they are asked;
the first whose page shapes a page has says which of its dialects wrote it
(:mod:`.base` declares both interfaces).
"""

from __future__ import annotations

from msgspec.structs import replace

from ..diagnostics import Diagnostic, warning
from ..ir import Model
from ..mentions import mentions
from ..options import AliasRule, Options
from ..page import Page, Table
from .base import Detected, Dialect, Family, Reading
from .openapi_generator import OPENAPI_GENERATOR
from .speakeasy import SPEAKEASY

FAMILIES: tuple[Family, ...] = (
    OPENAPI_GENERATOR,
    SPEAKEASY,
)
"""In detection order: the first family that recognises a page reads it."""
DIALECTS: dict[str, Dialect] = {d.name: d for family in FAMILIES for d in family.dialects}
"""Every dialect by name (the ``--dialect`` values)."""
_FAMILY_OF = {d.name: family for family in FAMILIES for d in family.dialects}
_MODEL_LOOKING = {"fields", "properties", "values", "enum"}


def rules() -> dict[str, AliasRule]:
    """Each dialect's casing rule for docs that do not vote (see :attr:`Dialect.rule`)."""
    return {name: dialect.rule for name, dialect in DIALECTS.items()}


def family_of() -> dict[str, str]:
    """Each dialect's family, by name (a model whose page did not show its dialect records
    its family's name instead: see :class:`~.base.Detected`)."""
    return {name: family.name for name, family in _FAMILY_OF.items()}


def read_models(page: Page, options: Options, diagnostics: list[Diagnostic]) -> list[Model]:
    """The models a page documents; none for a page that is not a model doc (skipped).

    Raises :class:`DocError` for a model doc that cannot be read.
    """
    detected = detect(page, options.dialect)
    if detected is None:
        if _looks_like_a_model(page):
            which = f"the {options.dialect} dialect" if options.dialect else "any dialect gen-models reads"
            diagnostics.append(
                warning(page.at(page.title_line), f"looks like a model doc, but not in {which}: skipped")
            )
        return []
    dialect, sure = detected
    said, reading = mentions(page), Reading(options, diagnostics)
    recorded = dialect.name if sure else _FAMILY_OF[dialect.name].name
    return [replace(m, dialect=recorded, mentions=said) for m in dialect.read(page, reading)]


def detect(page: Page, forced: str | None = None) -> Detected | None:
    """The dialect that wrote a page (or, ``forced``, that dialect if the page has its
    family's shape), None for a page that is no model doc."""
    if forced is not None:
        return _FAMILY_OF[forced].detect(page, only=DIALECTS[forced])
    for family in FAMILIES:
        found = family.detect(page)
        if found is not None:
            return found
    return None


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
