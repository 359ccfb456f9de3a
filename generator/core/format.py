"""The layout of the generated Python code: black's, in-process; or ruff's.

black failing on generated code is gen-models' bug, reported as such (or, when the user's
own template made the code, the user's error, naming the template). The speed layer has
a quicker way to the same text (:mod:`generator.speed.layout`); this is the plain one.

``--formatter ruff`` (:func:`ruff_format`) lays out the files black's way first, then has
``ruff format`` make them what it makes of them, all in one run of ruff over a temporary
copy (ruff has no API in Python; one process for all the files is what makes it quick).
"""

from __future__ import annotations

from collections.abc import Mapping
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


def ruff_format(files: Mapping[str, str], options: Options) -> dict[str, str]:
    """The Python files as ``ruff format`` lays them out (its defaults, the options' line
    length and target), the others as they are."""
    import subprocess
    import tempfile
    from pathlib import Path

    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    python = [path for path in files if path.endswith(".py")]
    out = dict(files)
    with tempfile.TemporaryDirectory(prefix="gen-models-ruff-") as tmp:
        for i, path in enumerate(python):
            Path(tmp, f"{i}.py").write_text(files[path], "utf-8")
        command = [
            find_ruff_bin(),
            "format",
            "--isolated",
            "--quiet",
            f"--line-length={options.line_length}",
            f"--target-version=py{options.target[0]}{options.target[1]}",
            tmp,
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise InternalError(f"ruff cannot format the code gen-models made: {done.stderr.strip()}")
        for i, path in enumerate(python):
            out[path] = Path(tmp, f"{i}.py").read_text("utf-8")
    return out
