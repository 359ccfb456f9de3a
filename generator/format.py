"""black, in-process. black failing on generated code is gen-models' bug, reported as such
(or, when the user's own template made the code, the user's error, naming the template)."""

from __future__ import annotations

from functools import lru_cache

import black
from black.mode import TargetVersion

from .diagnostics import GenerationFailed, InternalError, Location, error
from .render import Rendered


@lru_cache(maxsize=16)
def mode(target: tuple[int, int], line_length: int) -> black.Mode:
    return black.Mode(target_versions={TargetVersion[f"PY{target[0]}{target[1]}"]}, line_length=line_length)


def format_source(source: Rendered | str, name: str, target: tuple[int, int], line_length: int) -> str:
    try:
        return black.format_str(source, mode=mode(target, line_length))
    except Exception as exc:  # black raises several types; each one means the code is not Python
        if isinstance(source, Rendered) and source.users:
            message = f"your template made code that is not valid Python for {name}: {exc}"
            raise GenerationFailed((error(Location(source.template), message),)) from None
        raise InternalError(f"black cannot format the code made for {name}: {exc}") from exc
