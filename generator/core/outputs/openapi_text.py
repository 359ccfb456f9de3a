"""The OpenAPI document's text, JSON or YAML, and the text read back as data.

Both are the same every run for the same data: two-space indents, keys in the order the
data has them, a trailing newline; a short list (or object) of scalars stays on one line
(``"type": ["string", "null"]``). JSON is written by :mod:`json`; YAML by PyYAML (an
optional dependency, imported when a YAML document is made or read), which starts the
file with the header as a comment.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from ..diagnostics import GenerationFailed, Location, error

YAML_MISSING = "the YAML document needs PyYAML: pip install 'gen-models[yaml]'"

FLAT = 80
"""Lists and objects of scalars up to this long (as JSON) stay on one line."""


def to_json(document: dict[str, Any]) -> str:
    return "".join(_json(document, "")) + "\n"


def to_yaml(document: dict[str, Any], comments: tuple[str, ...]) -> str:
    """YAML, after a comment line for each of ``comments``."""
    yaml = import_yaml()
    dumper: Any = type("Dumper", (yaml.SafeDumper,), {})  # PyYAML's dumper, but for lists
    dumper.add_representer(list, _sequence)
    body = yaml.dump(
        document, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1 << 30
    )
    return "".join(f"# {line}\n" for line in comments) + str(body)


def compact(data: Any) -> str:
    """Data as JSON on one line, without spaces."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load(path: Path) -> dict[str, Any]:
    """A written document (``.json``, else YAML) as data."""
    text = path.read_text("utf-8")
    data = json.loads(text) if path.suffix == ".json" else import_yaml().safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold an object")
    return data


def import_yaml() -> ModuleType:
    """PyYAML, or a :class:`GenerationFailed` that says how to install it."""
    try:
        return importlib.import_module("yaml")
    except ImportError:
        raise GenerationFailed((error(Location("--document-format yaml"), YAML_MISSING),)) from None


def _json(value: Any, indent: str) -> Iterator[str]:
    """JSON as ``json.dumps(indent=2)`` writes it, but for a short list or object of scalars,
    which stays on one line."""
    if not isinstance(value, (dict, list)) or not value:
        yield _scalar(value)
        return
    items = value.values() if isinstance(value, dict) else value
    if not any(isinstance(v, (dict, list)) for v in items):
        flat = _scalar(value)
        if len(flat) <= FLAT:
            yield flat
            return
    inner = indent + "  "
    if isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield f"{',' if i else ''}\n{inner}{_scalar(key)}: "
            yield from _json(item, inner)
        yield f"\n{indent}}}"
    else:
        yield "["
        for i, item in enumerate(value):
            yield f"{',' if i else ''}\n{inner}"
            yield from _json(item, inner)
        yield f"\n{indent}]"


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _sequence(dumper: Any, items: list[Any]) -> Any:
    """A YAML list: on one line if it is a short list of scalars, as in the JSON."""
    flat = not any(isinstance(v, (dict, list)) for v in items) and len(_scalar(items)) <= FLAT
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flat)
