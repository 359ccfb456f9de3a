"""Truth reader for APIMatic Python SDKs (paypal-py-apimatic): plain classes with name maps.

Docs: ``docs/models/<kebab-name>.md`` with a ``## Structure`` section naming the class in
backticks (`` `ActivityTimestamps` ``) and a ``## Fields`` table ``Name | Type | Tags |
Description`` (tags ``Required``/``Optional``, sometimes ``, Read-only``). The class is the
one of that name in the SDK's ``models/*.py`` (found with ``ast``, no import).

Fields are the keys of the class attribute ``_names = {"python_name": "wireName", ...}``
(``shown`` = the key, ``wire`` = the value). ``APIHelper.to_dictionary`` (apimatic-core)
loops over ``_names``, skips attributes that were never set (``APIHelper.SKIP``, the
``__init__`` default of every name in ``_optionals``) and raises on a None value unless the
name is in ``_optionals`` or ``_nullables``; ``from_dictionary`` fills absent optional keys
with ``SKIP`` and absent required ones with None. So ``required`` = the name is not in
``_optionals``; ``nullable`` = True if it is in ``_nullables`` (none in this corpus), False
for a required name outside it, None for an optional one (an explicit None is written as
null, but the SDK does not declare it).

Additional properties: APIMatic models that allow them take ``additional_properties`` in
``__init__`` and collect unknown keys in ``from_dictionary``; it is not in ``_names`` so
not a TrueField (none in this corpus).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from . import TrueField, TrueModel

_STRUCTURE = re.compile(r"^## Structure\s*\n\s*\n?\s*`([^`]+)`", re.M)
_FIELDS = re.compile(r"^## Fields[ \t]*\n(?:[ \t]*\n)*\|", re.M)


def _literal(node: ast.AST | None):
    if node is None:
        return None
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def _class_attrs(cls: ast.ClassDef) -> dict[str, object]:
    out = {}
    for item in cls.body:
        if isinstance(item, ast.Assign) and len(item.targets) == 1:
            target = item.targets[0]
            if isinstance(target, ast.Name):
                out[target.id] = _literal(item.value)
    return out


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    classes: dict[str, tuple[Path, dict[str, object]]] = {}
    for path in sorted(sdk.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                attrs = _class_attrs(node)
                if isinstance(attrs.get("_names"), dict):
                    classes.setdefault(node.name, (path, attrs))
    models = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        structure = _STRUCTURE.search(text)
        if not structure or not _FIELDS.search(text):
            continue
        name = structure.group(1).strip()
        if name not in classes:
            continue
        source, attrs = classes[name]
        optionals = set(attrs.get("_optionals") or ())
        nullables = set(attrs.get("_nullables") or ())
        fields = []
        for shown, wire in attrs["_names"].items():
            required = shown not in optionals
            nullable = True if shown in nullables else (False if required else None)
            fields.append(TrueField(shown, wire, required, nullable))
        models.append(
            TrueModel(
                path.relative_to(docs).as_posix(),
                name,
                source.relative_to(sdk).as_posix(),
                tuple(fields),
            )
        )
    return models
