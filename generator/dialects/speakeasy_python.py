"""Speakeasy's Python SDK docs: Python names, ``Optional``/``Nullable`` wrappers (see :mod:`.speakeasy`)."""

from __future__ import annotations

from .. import ir
from ..config import Dialect, Options
from ..diagnostics import Diagnostic
from ..page import Page
from ..typeexpr import Flavor
from . import speakeasy

DIALECT = Dialect.SPEAKEASY_PYTHON


def claims(page: Page, forced: bool = False) -> bool:
    model, flavor = speakeasy.model_page_flavor(page)
    return model and (forced or flavor is Flavor.PYTHON)


def read(page: Page, diagnostics: list[Diagnostic], options: Options) -> ir.Model:
    return speakeasy.read(page, diagnostics, Flavor.PYTHON, options)
