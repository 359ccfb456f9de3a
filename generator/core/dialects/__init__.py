"""Input doc formats: each page's dialect is detected (or forced), and the dialect reads it.

:data:`FAMILIES` lists the doc generators gen-models reads, in the order they are asked;
the first whose page shapes a page has says which of its dialects wrote it
(:mod:`.base` declares both interfaces).
"""

from __future__ import annotations

from msgspec.structs import replace

from ..diagnostics import UNREAD_DIALECT, Diagnostic, DocError, warning
from ..ir import Model
from ..mentions import mentions
from ..options import AliasRule, Options
from ..page import Page, Table
from .apimatic import APIMATIC
from .base import Detected, Dialect, Family, Reading
from .liblab import LIBLAB
from .openapi_generator import OPENAPI_GENERATOR
from .speakeasy import SPEAKEASY

FAMILIES: tuple[Family, ...] = (
    OPENAPI_GENERATOR,
    LIBLAB,  # before Speakeasy, which takes a page with a title and no `##` section for its own
    SPEAKEASY,
    APIMATIC,
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


def read_models(
    page: Page, options: Options, diagnostics: list[Diagnostic], dialect: str | None = None
) -> tuple[list[Model], str | None]:
    """The models a page documents (none for a page that is not a model doc: skipped), and
    the name of its family if the page did not show which of the family's dialects wrote it
    (its models were read by the family's fallback: the pipeline reads such pages again with
    the tree's most common dialect of the family). ``dialect`` (or ``options.dialect``): read
    the page as that one.

    Raises :class:`DocError` for a model doc that cannot be read.
    """
    detected = detect(page, dialect or options.dialect)
    if detected is None:
        if _looks_like_a_model(page):
            which = f"the {options.dialect} dialect" if options.dialect else "any dialect gen-models reads"
            diagnostics.append(
                warning(
                    page.at(page.title_line),
                    f"looks like a model doc, but not in {which}: skipped",
                    UNREAD_DIALECT,
                )
            )
        return [], None
    found, sure = detected
    family = None if sure else _FAMILY_OF[found.name].name
    said, reading = mentions(page, found.echoes), Reading(options, diagnostics)
    try:
        models = found.read(page, reading)
    except DocError as exc:
        exc.family = family  # a guess that failed: read again as the tree's dialect (the pipeline)
        raise
    return [replace(m, dialect=family or found.name, mentions=said) for m in models], family


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
