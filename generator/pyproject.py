"""``[tool.gen-models]`` in pyproject.toml: the jobs a project configures.

Found as black finds its settings: the nearest ``pyproject.toml`` upward from the working
directory (not past the project root, a directory with ``.git`` or ``.hg``) that has a
``[tool.gen-models]`` table. Keys are the long flags' names; top-level keys apply to every
job; ``[[tool.gen-models.jobs]]`` tables are several jobs (else the table is one job)::

    [tool.gen-models]
    style = "pydantic"

    [[tool.gen-models.jobs]]
    source = "docs/models"
    output = "src/acme/models"

Paths are relative to the pyproject.toml's directory.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec

from .config import TARGET_VERSIONS, AliasRule, Dialect, EnumStyle, Extra, Nulls, Options, PythonDates, Style
from .diagnostics import GenerationFailed, Location, error

_CHOICES: dict[str, tuple[str, Any]] = {
    "style": ("style", Style),
    "extra": ("extra", Extra),
    "nulls": ("nulls", Nulls),
    "enum-style": ("enum_style", EnumStyle),
    "dialect": ("dialect", Dialect),
    "alias-rule": ("alias_rule", AliasRule),
    "python-dates": ("python_dates", PythonDates),
}
_FLAGS = {"strict": "strict", "field-docstrings": "field_docstrings"}
_PATHS = {"templates": "templates", "name-map": "name_map"}
OPTION_KEYS = frozenset(_CHOICES) | frozenset(_FLAGS) | frozenset(_PATHS) | {"target-version", "line-length"}
JOB_KEYS = OPTION_KEYS | {"source", "output"}


class Job(msgspec.Struct, frozen=True):
    source: Path
    output: Path
    options: Options


class Settings(msgspec.Struct, frozen=True):
    """What a pyproject.toml configures: option values by key, and the jobs."""

    path: Path
    defaults: Mapping[str, Any]
    jobs: tuple[Mapping[str, Any], ...]


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.gen-models]`` table, up to the project root."""
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and re.search(
            r"^\[\[?tool\.gen-models[\].]", candidate.read_text("utf-8"), re.M
        ):
            return candidate
        if (directory / ".git").exists() or (directory / ".hg").exists():
            return None
    return None


def load(path: Path) -> Settings:
    if sys.version_info >= (3, 11):  # imported here: most runs find no pyproject.toml to read
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    text = path.read_text("utf-8")
    try:
        table = tomllib.loads(text).get("tool", {}).get("gen-models", {})
    except tomllib.TOMLDecodeError as exc:
        raise GenerationFailed((error(Location(str(path)), f"not valid TOML: {exc}"),)) from None
    problems = []
    jobs = table.get("jobs", [])
    if not isinstance(jobs, list) or not all(isinstance(j, dict) for j in jobs):
        problems.append(
            error(_where(path, text, "jobs"), "'jobs' must be an array of tables ([[tool.gen-models.jobs]])")
        )
        jobs = []
    for key in table:
        if key != "jobs" and key not in JOB_KEYS:
            problems.append(error(_where(path, text, key), f"unknown key {key!r} in [tool.gen-models]"))
    for job in jobs:
        for key in job:
            if key not in JOB_KEYS:
                problems.append(
                    error(_where(path, text, key), f"unknown key {key!r} in [[tool.gen-models.jobs]]")
                )
    if problems:
        raise GenerationFailed(tuple(problems))
    defaults = {k: v for k, v in table.items() if k != "jobs"}
    if not jobs and ("source" in defaults or "output" in defaults):
        jobs = [{}]
    return Settings(path, defaults, tuple(jobs))


def options(values: Mapping[str, Any], base: Options, path: Path) -> Options:
    """``base`` with the option keys of ``values`` applied; bad values are located errors."""
    text = path.read_text("utf-8") if path.is_file() else ""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        at = _where(path, text, key)
        if key in _CHOICES:
            attr, kind = _CHOICES[key]
            allowed = [e.value for e in kind]
            if value not in allowed:
                raise GenerationFailed(
                    (error(at, f"{key} = {value!r}: expected one of {', '.join(allowed)}"),)
                )
            changes[attr] = kind(value)
        elif key in _FLAGS:
            if not isinstance(value, bool):
                raise GenerationFailed((error(at, f"{key} = {value!r}: expected true or false"),))
            changes[_FLAGS[key]] = value
        elif key == "target-version":
            if value not in TARGET_VERSIONS:
                raise GenerationFailed(
                    (error(at, f"{key} = {value!r}: expected one of {', '.join(TARGET_VERSIONS)}"),)
                )
            changes["target"] = TARGET_VERSIONS[value]
        elif key == "line-length":
            if not isinstance(value, int) or isinstance(value, bool) or not 40 <= value <= 400:
                raise GenerationFailed(
                    (error(at, f"{key} = {value!r}: expected a whole number from 40 to 400"),)
                )
            changes["line_length"] = value
        elif key in _PATHS:
            changes[_PATHS[key]] = str(_path(path, value, key, text))
    return replace(base, **changes)


def jobs(settings: Settings, base: Options = Options()) -> list[Job]:
    """Every configured job, its options from the defaults, then its own keys."""
    text = settings.path.read_text("utf-8")
    out = []
    for job in settings.jobs:
        values = {**settings.defaults, **job}
        for key in ("source", "output"):
            if key not in values:
                raise GenerationFailed((error(_where(settings.path, text, "jobs"), f"a job has no {key!r}"),))
        opts = options({k: v for k, v in values.items() if k in OPTION_KEYS}, base, settings.path)
        source = _path(settings.path, values["source"], "source", text)
        output = _path(settings.path, values["output"], "output", text)
        out.append(Job(source, output, opts))
    return out


def _path(pyproject: Path, value: object, key: str, text: str) -> Path:
    if not isinstance(value, str) or not value:
        raise GenerationFailed((error(_where(pyproject, text, key), f"{key} = {value!r}: expected a path"),))
    if os.path.isabs(value):
        return Path(value)  # shown as given
    return Path(os.path.relpath(pyproject.parent / value))  # shown from the working directory


def _where(path: Path, text: str, key: str) -> Location:
    """The line of ``key = ...`` (or ``[[...key]]``) in the file, as best a search can tell."""
    pattern = re.compile(
        rf'^\s*(?:"?{re.escape(key)}"?\s*=|\[\[tool\.gen-models\.{re.escape(key)}\]\])', re.M
    )
    m = pattern.search(text)
    return Location(str(path), text.count("\n", 0, m.start()) + 1 if m else 0)
