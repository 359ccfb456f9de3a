"""Where gen-models' own files are (kept free of heavy imports: the run cache needs it)."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import InternalError

_HERE = Path(__file__).resolve().parent


def builtin_templates() -> Path:
    """Inside the package when installed from a wheel, beside it in a checkout."""
    for candidate in (_HERE / "templates", _HERE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise InternalError(f"gen-models' templates are missing (looked in {_HERE})")
