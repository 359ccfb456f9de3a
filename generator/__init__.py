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

from typing import TYPE_CHECKING, Any

from .config import EnumStyle, Extra, Nulls, Options, Style
from .diagnostics import Diagnostic, GenerationFailed, InternalError, Location

if TYPE_CHECKING:
    from .pipeline import Plan, generate
    from .writing import Changes, WriteResult, changes, write

# The pipeline (markdown-it, Jinja, ...) loads on first use: `gen-models --help` and runs
# that find nothing to do never pay for it.
_LAZY = {
    "Plan": "pipeline",
    "generate": "pipeline",
    "Changes": "writing",
    "WriteResult": "writing",
    "changes": "writing",
    "write": "writing",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
