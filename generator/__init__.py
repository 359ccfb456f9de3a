"""gen-models: typed Python models from SDK model docs.

The API is two steps, so a build can look before it writes::

    plan = generator.generate("docs/models", Options(style=Style.PYDANTIC))
    plan.files            # {"components/link_schema.py": "...", ...}: nothing written yet
    generator.write(plan, "src/mypkg/models")

``generate`` is pure (it reads the docs, writes nothing, prints nothing) and raises
:class:`GenerationFailed` with located diagnostics when the docs cannot be understood;
``changes(plan, out)`` says what ``write`` would create, change and remove.
"""

from __future__ import annotations

from .config import EnumStyle, Extra, Nulls, Options, Style
from .diagnostics import Diagnostic, GenerationFailed, InternalError, Location
from .pipeline import Plan, generate
from .writing import Changes, WriteResult, changes, write

__all__ = [
    "Changes",
    "Diagnostic",
    "EnumStyle",
    "Extra",
    "GenerationFailed",
    "InternalError",
    "Location",
    "Nulls",
    "Options",
    "Plan",
    "Style",
    "WriteResult",
    "changes",
    "generate",
    "write",
]
