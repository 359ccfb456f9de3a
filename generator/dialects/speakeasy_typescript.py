"""Speakeasy's TypeScript SDK docs: wire names, nullability never shown (see :mod:`.speakeasy`)."""

from __future__ import annotations

from .. import ir
from ..config import Dialect, Options
from ..diagnostics import Diagnostic
from ..page import Page
from ..typeexpr import Flavor
from . import speakeasy

DIALECT = Dialect.SPEAKEASY_TYPESCRIPT


def claims(page: Page, forced: bool = False) -> bool:
    """Speakeasy's model page; TypeScript unless the page shows Python (pages that show
    neither, such as a heading-only page, read the same in both)."""
    model, flavor = speakeasy.model_page_flavor(page)
    return model and (forced or flavor is not Flavor.PYTHON)


def read(page: Page, diagnostics: list[Diagnostic], options: Options) -> ir.Model:
    return speakeasy.read(page, diagnostics, Flavor.TYPESCRIPT, options)
