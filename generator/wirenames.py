"""Wire names for fields whose docs show only a Python name (Speakeasy Python, OpenAPI
Generator python). Both sources are opt-in; without them the documented name is used.

* an alias rule: the documented snake_case name in camelCase or PascalCase;
* a name map, a TOML file of ``"Model.field" = "wireName"`` lines, which wins over the rule.
"""

from __future__ import annotations

import re
import sys
from msgspec.structs import replace
from pathlib import Path

from . import ir
from .config import AliasRule, Options
from .diagnostics import Diagnostic, GenerationFailed, Location, error, warning

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def camel(name: str, upper_first: bool = False) -> str:
    """``track_conversion`` -> ``trackConversion`` (or ``TrackConversion``); leading underscores stay."""
    stripped = name.lstrip("_")
    parts = [p for p in stripped.split("_") if p]
    if not parts:
        return name
    head = parts[0][:1].upper() + parts[0][1:] if upper_first else parts[0]
    return name[: len(name) - len(stripped)] + head + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def _read(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise GenerationFailed((error(Location(path), f"cannot read the name map: {reason}"),)) from None


def load_name_map(path: str) -> dict[str, str]:
    text = _read(path)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GenerationFailed((error(Location(path), f"not valid TOML: {exc}"),)) from None
    problems = [
        error(_line(path, text, key), f'{key!r}: expected "Model.field" = "wireName"')
        for key, value in table.items()
        if not isinstance(value, str) or not re.fullmatch(r"[^.\s]+\.[^.\s]+", key)
    ]
    if problems:
        raise GenerationFailed(tuple(problems))
    return {k: str(v) for k, v in table.items()}


def apply_wire_names(
    models: list[ir.Model], options: Options, diagnostics: list[Diagnostic]
) -> list[ir.Model]:
    if options.alias_rule is AliasRule.NONE and options.name_map is None:
        return models
    mapping = load_name_map(options.name_map) if options.name_map else {}
    used: set[str] = set()
    out: list[ir.Model] = []
    for model in models:
        if isinstance(model, ir.ObjectModel):
            fields = []
            for field in model.fields:
                key = f"{model.name}.{field.attr or field.name}"
                if not field.wire_known and key in mapping:
                    used.add(key)
                    field = replace(field, name=mapping[key], wire_known=True)
                elif not field.wire_known and options.alias_rule is not AliasRule.NONE:
                    field = replace(field, name=camel(field.name, options.alias_rule is AliasRule.PASCAL))
                fields.append(field)
            model = replace(model, fields=tuple(fields))
        out.append(model)
    if options.name_map:
        text = _read(options.name_map)
        for key in sorted(set(mapping) - used):
            diagnostics.append(
                warning(
                    _line(options.name_map, text, key), f"{key!r} names no field whose wire name is unknown"
                )
            )
    return out


def _line(path: str, text: str, key: str) -> Location:
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.M)
    return Location(path, text.count("\n", 0, m.start()) + 1 if m else 0)
