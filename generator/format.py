"""black, in-process. black failing on generated code is gen-models' bug, reported as such."""

from __future__ import annotations

import black
from black.mode import TargetVersion

from .diagnostics import InternalError

MODE = black.Mode(target_versions={TargetVersion.PY310})


def format_source(source: str, name: str) -> str:
    try:
        return black.format_str(source, mode=MODE)
    except Exception as exc:  # black raises several types; all of them are our bug here
        raise InternalError(f"black cannot format the code made for {name}: {exc}") from exc
