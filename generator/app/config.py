"""``[tool.gen-models]`` in pyproject.toml: the jobs a project configures.

Found as black finds its settings: the nearest ``pyproject.toml`` upward from the working
directory (not past the project root, a directory with ``.git`` or ``.hg``) that has a
``[tool.gen-models]`` table. Keys are the long flags' names (:mod:`.schema`); top-level
keys apply to every job; ``[[tool.gen-models.jobs]]`` tables are several jobs (else the
table is one job)::

    [tool.gen-models]
    style = "pydantic"

    [[tool.gen-models.jobs]]
    source = "docs/models"
    output = "src/acme/models"

    [[tool.gen-models.jobs]]            # one job per style: output/pydantic, output/typeddict
    source = "docs/models"
    output = "output/{style}"
    style = ["pydantic", "typeddict"]

Paths are relative to the pyproject.toml's directory. A problem in the file is a
:class:`ConfigError` naming the file and line.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from ..core.diagnostics import Diagnostic, Location, error
from ..core.options import Options
from . import schema


class ConfigError(Exception):
    """The configuration cannot be used: the diagnostics say where and why."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


class Job(msgspec.Struct, frozen=True):
    source: Path
    output: Path
    options: Options


class Settings(msgspec.Struct, frozen=True):
    """What a pyproject.toml configures: option values by key, and the jobs."""

    path: Path
    text: str
    defaults: Mapping[str, Any]
    jobs: tuple[Mapping[str, Any], ...]

    def where(self, key: str) -> Location:
        """The line of ``key = ...`` (or ``[[...key]]``) in the file, as best a search can tell."""
        pattern = re.compile(
            rf'^\s*(?:"?{re.escape(key)}"?\s*=|\[\[tool\.gen-models\.{re.escape(key)}\]\])', re.M
        )
        m = pattern.search(self.text)
        return Location(str(self.path), self.text.count("\n", 0, m.start()) + 1 if m else 0)


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.gen-models]`` table, up to the project root."""
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and re.search(rb"^\[\[?tool\.gen-models[\].]", candidate.read_bytes(), re.M):
            return candidate
        if (directory / ".git").exists() or (directory / ".hg").exists():
            return None
    return None


def load(path: Path) -> Settings:
    if sys.version_info >= (3, 11):  # imported here: most runs find no pyproject.toml to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            (error(Location(str(path)), f"not UTF-8 text: {exc.reason} at byte {exc.start}"),)
        ) from None
    except OSError as exc:
        raise ConfigError((error(Location(str(path)), f"cannot read: {exc.strerror or exc}"),)) from None
    try:
        table = tomllib.loads(text).get("tool", {}).get("gen-models", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError((error(Location(str(path)), f"not valid TOML: {exc}"),)) from None
    settings = Settings(path, text, {}, ())
    problems = []
    if not isinstance(table, dict):
        raise ConfigError((error(settings.where("tool.gen-models"), "[tool.gen-models] must be a table"),))
    jobs = table.get("jobs", [])
    if not isinstance(jobs, list) or not all(isinstance(j, dict) for j in jobs):
        problems.append(
            error(settings.where("jobs"), "'jobs' must be an array of tables ([[tool.gen-models.jobs]])")
        )
        jobs = []
    for key in table:
        if key != "jobs" and key not in schema.JOB_KEYS:
            problems.append(error(settings.where(key), f"unknown key {key!r} in [tool.gen-models]"))
    for job in jobs:
        for key in job:
            if key not in schema.JOB_KEYS:
                problems.append(
                    error(settings.where(key), f"unknown key {key!r} in [[tool.gen-models.jobs]]")
                )
    if problems:
        raise ConfigError(tuple(problems))
    defaults = {k: v for k, v in table.items() if k != "jobs"}
    if not jobs and ("source" in defaults or "output" in defaults):
        jobs = [{}]
    return Settings(path, text, defaults, tuple(jobs))


def options(settings: Settings, values: Mapping[str, Any], base: Options = Options()) -> Options:
    """``base`` with the option keys of ``values`` (from ``settings``' file) applied; a bad
    value is a :class:`ConfigError` at its line."""
    try:
        return schema.apply(values, base, relative_to=settings.path.parent)
    except schema.BadValue as exc:
        key = getattr(exc, "key", "")
        raise ConfigError((error(settings.where(key), f"{key} = {values.get(key)!r}: {exc}"),)) from None


def jobs(settings: Settings) -> list[Job]:
    """Every configured job, its options from the defaults, then its own keys; a job of
    several styles (``style = ["pydantic", "typeddict"]``) is one job per style, each
    writing to its ``output`` with ``{style}`` replaced by the style."""
    out = []
    for job in settings.jobs:
        values = {**settings.defaults, **job}
        for key in ("source", "output"):
            if key not in values:
                raise ConfigError((error(settings.where("jobs"), f"a job has no {key!r}"),))
        for one in _styles(settings, values):
            opts = options(settings, one)
            out.append(Job(_path(settings, one, "source"), _path(settings, one, "output"), opts))
    _outputs_apart(settings, out)
    return out


def _styles(settings: Settings, values: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A job's values once per style it asks for, ``{style}`` in its output replaced."""
    styles, output = values.get("style"), values["output"]
    if not isinstance(styles, list):
        if isinstance(output, str) and isinstance(styles, str):
            return [{**values, "output": output.replace("{style}", styles)}]
        return [values]
    if not styles or not all(isinstance(s, str) for s in styles) or len(set(styles)) < len(styles):
        why = f"style = {styles!r}: expected styles, each once"
        raise ConfigError((error(settings.where("style"), why),))
    if not isinstance(output, str) or "{style}" not in output:
        raise ConfigError(
            (error(settings.where("output"), "a job of several styles needs '{style}' in its output path"),)
        )
    return [{**values, "style": style, "output": output.replace("{style}", style)} for style in styles]


def _outputs_apart(settings: Settings, jobs: list[Job]) -> None:
    """Two jobs may not write the same output, nor one inside the other's (each would remove
    the other's files as its own stale ones, run after run)."""
    seen: list[tuple[Path, Job]] = []
    for job in jobs:
        real = job.output.resolve()
        for other_real, other in seen:
            if real == other_real or real.is_relative_to(other_real) or other_real.is_relative_to(real):
                why = "the same output" if real == other_real else "outputs one inside the other"
                raise ConfigError(
                    (error(settings.where("jobs"), f"two jobs have {why}: {other.output} and {job.output}"),)
                )
        seen.append((real, job))


def _path(settings: Settings, values: Mapping[str, Any], key: str) -> Path:
    value = values[key]
    if not isinstance(value, str) or not value or "\x00" in value:
        raise ConfigError((error(settings.where(key), f"{key} = {value!r}: expected a path"),))
    if os.path.isabs(value):
        return Path(value)  # shown as given
    return Path(os.path.relpath(settings.path.parent / value))  # shown from the working directory
