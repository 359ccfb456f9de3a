"""Skip a job whose inputs and outputs are exactly as the last run of it left them.

Like black's cache, it trusts file sizes and modification times: a job is current when
its docs, the user's templates and name map, gen-models itself (its code and templates)
and every ``.py`` file in the output have the same size and mtime as right after the
run that last wrote (or checked) them, with the same options. Then there is nothing to
do: the warnings that run printed are printed again, and nothing is read or parsed.

The cache lives in ``$GEN_MODELS_CACHE_DIR``, else ``$XDG_CACHE_HOME/gen-models``, else
``~/.cache/gen-models``; ``GEN_MODELS_NO_CACHE=1`` or ``--no-cache`` turns it off. It only
ever skips work: a stale or broken cache file makes a full run. A job's files (this
record and its :mod:`~generator.memo`) go once no run has used the job for
:data:`KEEP_DAYS` days, so that outputs made once (a scratch directory, a test's) do not
pile up.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec

from ..core.diagnostics import Diagnostic, Location, Severity
from ..core.options import Options
from ..core.resources import builtin_templates

_HERE = Path(__file__).resolve().parent.parent
"""gen-models' own code: a change to any of it makes every job run again."""
FORMAT = 3
KEEP_DAYS = 30
_DAY = 24 * 3600
_LOCK_FILE = re.compile(r"(?:memo-)?[0-9a-f]{32}\.lock")
_JOB_FILE = re.compile(r"(job-[0-9a-f]{32}\.json|memo-[0-9a-f]{32}\.pickle|\.(job|memo)-\w+\.tmp)")
"""The cache files gen-models makes: only these are ever removed from the directory."""


class Saved(msgspec.Struct, frozen=True):
    """What a current job's last run reported."""

    diagnostics: tuple[Diagnostic, ...]
    docs: int
    models: int
    skipped: int
    files: int
    guesses: int


def enabled() -> bool:
    return not os.environ.get("GEN_MODELS_NO_CACHE")


def cache_dir() -> Path:
    if os.environ.get("GEN_MODELS_CACHE_DIR"):
        return Path(os.environ["GEN_MODELS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gen-models"


def _stats(root: Path, suffix: str, recursive: bool = True) -> dict[str, list[int]]:
    """Size and mtime of each file ending in ``suffix`` under ``root``, by relative path
    (symlinks followed; hidden directories and ``__pycache__`` skipped)."""
    out: dict[str, list[int]] = {}

    def walk(directory: str, prefix: str) -> None:
        try:
            entries = os.scandir(directory)
        except OSError:
            return
        with entries:
            for entry in entries:
                try:
                    if entry.is_dir():
                        if recursive and not entry.name.startswith(".") and entry.name != "__pycache__":
                            walk(entry.path, f"{prefix}{entry.name}/")
                    elif entry.name.endswith(suffix):
                        st = entry.stat()
                        out[prefix + entry.name] = [st.st_size, st.st_mtime_ns]
                except OSError:
                    continue

    walk(str(root), "")
    return out


def inputs(source: Path, options: Options) -> dict[str, Any]:
    """The state of everything a job reads. Taken before the job reads it: a doc edited
    while the job runs then makes the next run a full one."""
    code = _stats(_HERE, ".py") | {
        f"templates/{k}": v for k, v in _stats(builtin_templates(), ".jinja").items()
    }
    black = importlib.util.find_spec("black")
    state: dict[str, Any] = {
        "format": FORMAT,
        "options": repr(options),
        "code": code,
        # black's own modules (an upgrade rewrites them), not all of its subpackages
        "black": _stats(Path(black.origin).parent, ".py", recursive=False) if black and black.origin else {},
        "docs": _stats(source, ".md"),
    }
    if options.formatter.value == "ruff":
        from importlib.metadata import version

        state["ruff"] = version("ruff")  # its layout is part of the output
    if options.templates:
        state["templates"] = _stats(Path(options.templates), ".jinja")
    if options.name_map:
        state["name_map"] = _stats(Path(options.name_map).parent, Path(options.name_map).name)
    return state


def _outputs(output: Path) -> dict[str, list[int]]:
    return _stats(output, ".py") if output.is_dir() else {}


def job_key(source: Path, output: Path, options: Options) -> str:
    """A name for a job (its source, output and options) in the cache directory."""
    key = json.dumps([str(source.resolve()), str(output.resolve()), repr(options)])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _file(source: Path, output: Path, options: Options) -> Path:
    return cache_dir() / f"job-{job_key(source, output, options)}.json"


def lookup(source: Path, output: Path, options: Options, now: dict[str, Any]) -> Saved | None:
    """The last run's report if the job is current (``now`` is what :func:`inputs` says), else None."""
    if not enabled():
        return None
    path = _file(source, output, options)
    try:
        saved = json.loads(path.read_text("utf-8"))
        if saved["inputs"] != now or saved["outputs"] != _outputs(output):
            return None
        _touch(path)
        return Saved(
            tuple(Diagnostic(Severity(s), Location(p, n), m, k) for p, n, s, m, k in saved["diagnostics"]),
            *(int(saved[k]) for k in ("docs", "models", "skipped", "files", "guesses")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(source: Path, output: Path, options: Options, before: dict[str, Any], saved: Saved) -> None:
    """Remember a job as current, right after writing or checking it; ``before`` is what
    :func:`inputs` said before the job read anything."""
    if not enabled():
        return
    path = _file(source, output, options)
    record = {
        "inputs": before,
        "outputs": _outputs(output),
        "diagnostics": [
            (d.location.path, d.location.line, d.severity.value, d.message, d.kind) for d in saved.diagnostics
        ],
        "docs": saved.docs,
        "models": saved.models,
        "skipped": saved.skipped,
        "files": saved.files,
        "guesses": saved.guesses,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".job-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(record))  # json.dump writes in pieces: three times slower
        os.replace(tmp, path)
        prune(path.parent)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _touch(path: Path) -> None:
    """A job's record is used: it and its memo are kept another :data:`KEEP_DAYS` days."""
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still skips work


def prune(directory: Path) -> None:
    """Remove the files of jobs that no run has used for :data:`KEEP_DAYS` days (a job's
    record is written or touched by each run of it); looked at once a day at most."""
    now = time.time()
    marker = directory / ".pruned"
    try:
        if now - marker.stat().st_mtime < _DAY:
            return
    except FileNotFoundError:
        pass
    marker.touch()
    entries = {e.name: e for e in os.scandir(directory) if _JOB_FILE.fullmatch(e.name)}
    for name, entry in entries.items():
        if name.startswith("memo-"):  # a memo lives as long as its job's record
            job = entries.get("job-" + name[len("memo-") : -len(".pickle")] + ".json")
            entry = job or entry
        try:
            if now - entry.stat().st_mtime > KEEP_DAYS * _DAY:
                os.unlink(os.path.join(directory, name))
        except FileNotFoundError:
            pass  # another run removed it
    try:  # the writers' locks (generator.app.writing.writing_lock), touched by each use
        locks = [e for e in os.scandir(directory / "locks") if _LOCK_FILE.fullmatch(e.name)]
    except OSError:
        locks = []
    for entry in locks:
        try:
            if now - entry.stat().st_mtime > KEEP_DAYS * _DAY:
                os.unlink(entry.path)
        except FileNotFoundError:
            pass
