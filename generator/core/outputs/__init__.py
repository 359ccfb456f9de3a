"""Outputs: what gen-models generates from the checked models (:mod:`.base` declares the interface).

:data:`OUTPUTS` names the module of each ``--style`` by its
:class:`~generator.core.options.Style`; :func:`output` imports only the one a run asks for
(a Python style's module holds its ``STYLE``; another kind of output, its ``OUTPUT``).
"""

from __future__ import annotations

import functools
import importlib

from ..options import Options, Style
from .base import FileView, Output

OUTPUTS: dict[Style, str] = {
    Style.PYDANTIC: ".python.pydantic",
    Style.DATACLASS: ".python.dataclass",
    Style.TYPEDDICT: ".python.typeddict",
    Style.MSGSPEC: ".python.msgspec",
    Style.OPENAPI: ".openapi",
}


def output(options: Options) -> Output:
    """The output a job's options ask for."""
    if options.style is Style.OPENAPI:
        from .openapi import OPENAPI

        return OPENAPI[options.document_format]
    return _python_modules(options.style)


@functools.cache
def _python_modules(style: Style) -> Output:
    from .python import PythonModules

    return PythonModules(importlib.import_module(OUTPUTS[style], __package__).STYLE)


__all__ = ["OUTPUTS", "FileView", "Output", "output"]
