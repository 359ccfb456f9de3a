"""gen-models: typed Python models from SDK model docs.

The API is two steps, so a build can look before it writes::

    plan = generator.generate("docs/models", Options(style=Style.PYDANTIC))
    plan.files            # {"components/link_schema.py": "...", ...}: nothing written yet
    generator.write(plan, "src/mypkg/models")

``generate`` reads the docs, writes nothing, prints nothing, and raises
:class:`GenerationFailed` with located diagnostics when the docs cannot be understood;
``changes(plan, out)`` says what ``write`` would create, change and remove.

The package has three layers (``ARCHITECTURE.md``): :mod:`generator.core`, the stages
from docs to text; :mod:`generator.speed`, faster ways to run them; :mod:`generator.app`,
the command line, configuration, writer and build hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.diagnostics import Diagnostic, GenerationFailed, InternalError, Location
from .core.options import EnumStyle, Extra, Nulls, Options, Style

if TYPE_CHECKING:
    from .app.writing import Changes, WriteResult, changes, write
    from .core.pipeline import Plan, Progress


def generate(
    source: str | Path, options: Options = Options(), *, jobs: int = 1, progress: Progress | None = None
) -> Plan:
    """Read the docs under ``source`` and plan the output package. Writes nothing.

    ``jobs``: processes to work in, this one included (1, the default: this one alone;
    None: as many as pay for the tree). Raises :class:`GenerationFailed` when a doc cannot
    be understood.
    """
    from .core.pipeline import generate as run
    from .speed import runner

    return run(source, options, runner(jobs), progress)


# The writer loads on first use: `gen-models --help` never pays for it.
_LAZY = {
    "Plan": "core.pipeline",
    "Changes": "app.writing",
    "WriteResult": "app.writing",
    "changes": "app.writing",
    "write": "app.writing",
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
