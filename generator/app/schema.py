"""Every option of a job, defined once: its flag, its ``[tool.gen-models]`` key, its values
and its help. The command line's options, the configuration's validation and the hatch
hook's keys are all made from :data:`OPTIONS`; :class:`~generator.core.options.Options`
is what they make.
"""

from __future__ import annotations

import enum
import importlib.util
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.dialects import DIALECTS
from ..core.options import (
    TARGET_VERSIONS,
    AliasRule,
    DocumentFormat,
    EnumStyle,
    Extra,
    Formatter,
    Nulls,
    Options,
    PythonDates,
    Style,
)

F = TypeVar("F", bound=Callable[..., Any])


class BadValue(ValueError):
    """A value an option does not take; its text says which it takes."""


@dataclass(frozen=True)
class Spec:
    """One option."""

    key: str
    """The long flag without its dashes, and the config key (``enum-style``)."""
    attr: str
    """The :class:`Options` attribute it sets."""
    help: str
    choices: tuple[str, ...] = ()
    """The values it takes, if a fixed few."""
    convert: Callable[[str], Any] = str
    """From a chosen value to the attribute's (``Style("pydantic")``)."""
    flag: bool = False
    """A switch: ``--x/--no-x``, ``true``/``false`` in config."""
    whole: tuple[int, int] | None = None
    """A whole number in this range."""
    path: str = ""
    """A path to an existing ``dir`` or ``file``, relative to the config file in config."""
    default: str = ""
    """The default, as help shows it."""
    many: bool = False
    """Several strings: a repeatable flag, an array in config."""

    @property
    def flag_name(self) -> str:
        return "--" + self.key

    def value(self, raw: object) -> Any:
        """``raw`` (from the command line or a TOML file) as the attribute's value; raises
        :class:`BadValue` if the option does not take it. Paths are made absolute by the caller."""
        if self.flag:
            if not isinstance(raw, bool):
                raise BadValue("expected true or false")
            return raw
        if self.many:
            items = [raw] if isinstance(raw, str) else raw
            if not isinstance(items, (list, tuple)) or not all(
                isinstance(i, str) and i and "\x00" not in i for i in items
            ):
                raise BadValue("expected an array of strings")
            return tuple(items)
        if self.whole is not None:
            low, high = self.whole
            if not isinstance(raw, int) or isinstance(raw, bool) or not low <= raw <= high:
                raise BadValue(f"expected a whole number from {low} to {high}")
            return raw
        if not isinstance(raw, str) or "\x00" in raw or not raw:
            raise BadValue("expected " + ("one of " + ", ".join(self.choices) if self.choices else "a path"))
        if self.choices and raw not in self.choices:
            raise BadValue(f"expected one of {', '.join(self.choices)}")
        return self.convert(raw)


def _document_format(value: str) -> DocumentFormat:
    """A document format gen-models can write here: YAML only where PyYAML is installed."""
    from ..core.outputs.openapi import YAML_MISSING, yaml_available

    chosen = DocumentFormat(value)
    if chosen is DocumentFormat.YAML and not yaml_available():
        raise BadValue(YAML_MISSING)
    return chosen


def _formatter(value: str) -> Formatter:
    """A formatter gen-models can run here: ruff only where it is installed."""
    chosen = Formatter(value)
    if chosen is Formatter.RUFF and importlib.util.find_spec("ruff") is None:
        raise BadValue("ruff is not installed here: pip install 'gen-models[ruff]'")
    return chosen


def _enum(options: type[enum.Enum]) -> dict[str, Any]:
    return {"choices": tuple(e.value for e in options), "convert": options}


OPTIONS: tuple[Spec, ...] = (
    Spec("style", "style", "What to generate.", default="pydantic", **_enum(Style)),
    Spec(
        "extra",
        "extra",
        "pydantic: what models do with keys their doc does not list.",
        default="ignore",
        **_enum(Extra),
    ),
    Spec(
        "nulls",
        "nulls",
        "Fields whose doc does not say if they may be null: lenient lets them be None.",
        default="lenient",
        **_enum(Nulls),
    ),
    Spec(
        "enum-style",
        "enum_style",
        "Enum docs as Enum classes or Literal aliases.",
        default="enum",
        **_enum(EnumStyle),
    ),
    Spec(
        "target-version",
        "target",
        "The oldest Python the code must run and type-check on.",
        choices=tuple(TARGET_VERSIONS),
        convert=TARGET_VERSIONS.__getitem__,
        default="py310",
    ),
    Spec("line-length", "line_length", "The formatter's line length.", whole=(40, 400), default="88"),
    Spec(
        "formatter",
        "formatter",
        "Lay out the code as black or as ruff format does (ruff: pip install 'gen-models[ruff]').",
        default="black",
        choices=tuple(f.value for f in Formatter),
        convert=_formatter,
    ),
    Spec("field-docstrings", "field_docstrings", "Docstrings under fields.", flag=True, default="on"),
    Spec(
        "templates",
        "templates",
        "A directory of your own Jinja templates, overriding the built-in ones file by file.",
        path="dir",
    ),
    Spec(
        "dialect",
        "dialect",
        "Read every doc in this format.",
        choices=tuple(DIALECTS),
        default="detected file by file",
    ),
    Spec(
        "alias-rule",
        "alias_rule",
        "How the names the docs show become wire names: voted by the docs' own text (auto),"
        " as shown, or in a casing.",
        default="auto",
        **_enum(AliasRule),
    ),
    Spec(
        "name-map",
        "name_map",
        'A TOML file of "Model.field" = "wireName" lines: wire names the docs do not tell.',
        path="file",
    ),
    Spec(
        "python-dates",
        "python_dates",
        "Speakeasy Python docs swap the date and datetime labels: correct them, or read them as labelled.",
        default="corrected",
        **_enum(PythonDates),
    ),
    Spec("strict", "strict", "Treat warnings as errors.", flag=True, default="off"),
    Spec(
        "keep-going",
        "keep_going",
        "Write what can be made despite errors (unreadable docs left out, unreadable types Any);"
        " still exit 1.",
        flag=True,
        default="off",
    ),
    Spec(
        "exclude",
        "exclude",
        "Docs not to read: a glob matched against each doc's path from SOURCE (repeatable; * crosses /).",
        many=True,
    ),
    Spec(
        "document-format",
        "document_format",
        "openapi: the document as JSON or YAML (YAML needs PyYAML: pip install 'gen-models[yaml]').",
        default="json",
        choices=tuple(f.value for f in DocumentFormat),
        convert=_document_format,
    ),
)
BY_KEY = {spec.key: spec for spec in OPTIONS}
JOB_KEYS = frozenset(BY_KEY) | {"source", "output"}
"""The keys a configured job (or the hatch hook's table) may have."""


def click_options(command: F) -> F:
    """Add every option to a click command, as a parameter named after its attribute,
    None when not given (so that a configuration's value is not overridden)."""
    for spec in reversed(OPTIONS):
        help_text = f"{spec.help}  [default: {spec.default}]" if spec.default else spec.help
        name = spec.key.replace("-", "_")
        if spec.flag:
            decorator = click.option(
                f"{spec.flag_name}/--no-{spec.key}" if spec.default == "on" else spec.flag_name,
                name,
                is_flag=True,
                default=None,
                help=help_text,
            )
        else:
            kind: click.ParamType[Any]
            if spec.choices:
                kind = click.Choice(list(spec.choices))
            elif spec.whole is not None:
                kind = click.IntRange(*spec.whole)
            elif spec.many:
                kind = click.STRING
            else:
                kind = click.Path(
                    exists=True, file_okay=spec.path == "file", dir_okay=spec.path == "dir", path_type=Path
                )
            decorator = click.option(spec.flag_name, name, type=kind, help=help_text, multiple=spec.many)
        command = decorator(command)
    return command


def given(flags: Mapping[str, Any]) -> dict[str, Any]:
    """The options given on the command line (click's values of :func:`click_options`'
    parameters), by key, paths made absolute."""
    out = {}
    for spec in OPTIONS:
        value = flags.get(spec.key.replace("-", "_"))
        if value is not None and value != ():
            out[spec.key] = os.path.abspath(value) if spec.path else value
    return out


def apply(values: Mapping[str, Any], base: Options, relative_to: Path | None = None) -> Options:
    """``base`` with the options of ``values`` (by key) applied. Raises :class:`BadValue`
    (with the key in its ``key`` attribute) for the first value an option does not take;
    relative paths are taken from ``relative_to`` and must exist."""
    changes = {}
    for key, raw in values.items():
        spec = BY_KEY.get(key)
        if spec is None:
            continue
        try:
            value = spec.value(raw)
            if spec.path:
                value = _existing(value, spec.path, relative_to)
        except BadValue as exc:
            exc.key = key  # type: ignore[attr-defined]
            raise
        changes[spec.attr] = value
    return replace(base, **changes)


def _existing(value: str, kind: str, relative_to: Path | None) -> str:
    path = Path(value) if relative_to is None else relative_to / value
    ok = path.is_dir() if kind == "dir" else path.is_file()
    if not ok:
        raise BadValue(f"{path} is not an existing {'directory' if kind == 'dir' else 'file'}")
    return str(path.resolve())
