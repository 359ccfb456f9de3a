"""black's formatting of the generated code: by :mod:`generator.layout` where it can say
exactly what black would do, by black itself (in-process) where it cannot.

black failing on generated code is gen-models' bug, reported as such (or, when the
user's own template made the code, the user's error, naming the template).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .diagnostics import GenerationFailed, InternalError, Location, error
from .layout import layout
from .render import Rendered


def format_source(source: Rendered | str, name: str, target: tuple[int, int], line_length: int) -> str:
    fast = None if isinstance(source, Rendered) and source.users else layout(source, line_length)
    return fast if fast is not None else black_format(source, name, target, line_length)


def black_format(source: Rendered | str, name: str, target: tuple[int, int], line_length: int) -> str:
    import black

    try:
        return str(black.format_str(source, mode=_mode(target, line_length)))
    except Exception as exc:  # black raises several types; each one means the code is not Python
        if isinstance(source, Rendered) and source.users:
            message = f"your template made code that is not valid Python for {name}: {exc}"
            raise GenerationFailed((error(Location(source.template), message),)) from None
        raise InternalError(f"black cannot format the code made for {name}: {exc}") from exc


@lru_cache(maxsize=16)
def _mode(target: tuple[int, int], line_length: int) -> Any:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion[f"PY{target[0]}{target[1]}"]}, line_length=line_length)
