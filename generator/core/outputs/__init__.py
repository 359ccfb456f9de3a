"""Outputs: what gen-models generates from the checked models (:mod:`.base` declares the interface).

:data:`OUTPUTS` holds each ``--style`` by its :class:`~generator.core.options.Style`.
"""

from __future__ import annotations

from ..options import DocumentFormat, Options, Style
from .base import FileView, Output
from .openapi import OPENAPI
from .python import PythonModules
from .python.dataclass import STYLE as DATACLASS
from .python.msgspec import STYLE as MSGSPEC
from .python.pydantic import STYLE as PYDANTIC
from .python.typeddict import STYLE as TYPEDDICT

OUTPUTS: dict[Style, Output] = {
    Style.PYDANTIC: PythonModules(PYDANTIC),
    Style.DATACLASS: PythonModules(DATACLASS),
    Style.TYPEDDICT: PythonModules(TYPEDDICT),
    Style.MSGSPEC: PythonModules(MSGSPEC),
    Style.OPENAPI: OPENAPI[DocumentFormat.JSON],
}


def output(options: Options) -> Output:
    """The output a job's options ask for."""
    return OPENAPI[options.document_format] if options.style is Style.OPENAPI else OUTPUTS[options.style]


__all__ = ["OUTPUTS", "FileView", "Output", "output"]
