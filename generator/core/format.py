"""black's formatting of the generated Python code, in-process.

black failing on generated code is gen-models' bug, reported as such (or, when the user's
own template made the code, the user's error, naming the template). The speed layer has
a quicker way to the same text (:mod:`generator.speed.layout`); this is the plain one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .diagnostics import GenerationFailed, InternalError, Location, error
from .options import Options


def black_format(source: str, path: str, options: Options, users: bool = False) -> str:
    """``source`` as black formats it for the options' target and line length; ``users``:
    the user's template made it (``source`` is then a :class:`~generator.core.render.Rendered`
    that knows which)."""
    import black

    try:
        return str(black.format_str(source, mode=_mode(options.target, options.line_length)))
    except Exception as exc:  # black raises several types; each one means the code is not Python
        if users:
            message = f"your template made code that is not valid Python for {path}: {exc}"
            raise GenerationFailed((error(Location(getattr(source, "template", path)), message),)) from None
        raise InternalError(f"black cannot format the code made for {path}: {exc}") from exc


@lru_cache(maxsize=16)
def _mode(target: tuple[int, int], line_length: int) -> Any:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion[f"PY{target[0]}{target[1]}"]}, line_length=line_length)
