"""gen-models: typed Python models from SDK model docs.

The API is two steps, so a build can look before it writes::

    plan = generator.generate("docs/models", Options(style=Style.PYDANTIC))
    plan.files            # {"components/link_schema.py": "...", ...}: nothing written yet
    generator.write(plan, "src/mypkg/models")

``generate`` is pure (it reads the docs, writes nothing, prints nothing) and raises
:class:`GenerationFailed` with located diagnostics when the docs cannot be understood.
"""

from __future__ import annotations

from .config import Extra, Nulls, Options, Style
from .diagnostics import Diagnostic, GenerationFailed, InternalError, Location
from .pipeline import Plan, generate
from .write import WriteResult, write

__all__ = [
    "Diagnostic",
    "Extra",
    "GenerationFailed",
    "InternalError",
    "Location",
    "Nulls",
    "Options",
    "Plan",
    "Style",
    "WriteResult",
    "generate",
    "write",
]
