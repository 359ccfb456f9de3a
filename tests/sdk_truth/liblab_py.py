"""Truth reader for liblab Python SDKs (boomi-py-liblab): ``BaseModel`` classes with ``@JsonMap``.

Docs: ``docs/models/<Name>.md``, each holding several sections ``# Name`` [description]
``**Properties**`` + a table ``Name | Type | Required | Description`` (✅/❌): the file's
model first, then the enums and models it uses (an enum's section lists its members, a
union's section has no table). Every section whose name is a ``BaseModel`` subclass of the
SDK's ``models/*.py`` (found with ``ast``, no import) is a model; sections of ``Enum`` and
``OneOfBaseModel`` classes are not. A class documented in several files gets one
TrueModel per file. A section name with ``_`` that is no class is matched without the
underscores (``# ChangeElementKey_1`` documents ``ChangeElementKey1``; ``name`` is the class
name). The docs are older than the SDK: some rows and sections are not in it.

Fields are the ``__init__`` parameters but ``self`` and ``**kwargs`` (``shown`` = the
parameter name, e.g. ``type_``, shown escaped as ``type\\_``). ``wire`` = the class's
``@JsonMap({"python_name": "wireName"})`` entry, else the name itself (``JsonMap._map``
writes ``mapping.get(key, key)``, ``_unmap`` reverses it).

Required: ``_unmap`` calls ``cls(**mapped)``, so a parameter without a default is a key the
JSON must carry (``TypeError`` otherwise), and ``__init__`` stores it unconditionally; a
parameter defaulting to ``SENTINEL`` (or ``None``) is stored only when given, and ``_map``
skips unset (``SENTINEL``) and None values. So ``required`` = no default. ``nullable`` =
True if the parameter's ``_define_str``/``_define_number``/``_define_bool`` call passes
``nullable=True`` or it is annotated ``Optional[...]``/defaults to None; False if such a
``_define_*`` call lacks it (it raises ``ValueError`` on None); None otherwise (objects,
lists, enums and plain assignments take None silently; ``_map`` drops None anyway).

Additional properties: ``**kwargs`` is kept as ``self._kwargs`` (not a TrueField) and is
never written back: ``_map`` skips attributes starting with ``_``. ``_map`` also adds an
``@type`` key (the class name, via ``TYPE_NAME_MAPPING``) that no field represents.
"""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

from . import TrueField, TrueModel

_SECTION = re.compile(r"^# (.+?)\s*$", re.M)
_PROPERTIES = re.compile(r"^\*\*Properties\*\*\s*$\n(?:[ \t]*\n)*\|", re.M)
_DEFINE_CHECKED = {"_define_str", "_define_number", "_define_bool"}


def _nullability(init: ast.FunctionDef) -> dict[str, bool]:
    """parameter name -> nullable, from ``self._define_<x>("name", value, nullable=...)``."""
    out: dict[str, bool] = {}
    for node in ast.walk(init):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in _DEFINE_CHECKED or len(node.args) < 2:
            continue
        value = node.args[1]
        if not isinstance(value, ast.Name):
            continue
        flag = False
        for kw in node.keywords:
            if kw.arg == "nullable" and isinstance(kw.value, ast.Constant):
                flag = bool(kw.value.value)
        if len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
            flag = bool(node.args[2].value)
        out[value.id] = out.get(value.id, False) or flag
    return out


def _model_fields(cls: ast.ClassDef) -> tuple[TrueField, ...] | None:
    mapping: dict[str, str] = {}
    for deco in cls.decorator_list:
        if isinstance(deco, ast.Call) and getattr(deco.func, "id", None) == "JsonMap" and deco.args:
            mapping = ast.literal_eval(deco.args[0])
    init = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
    if init is None:
        return ()
    params = init.args.args[1:]
    defaults = [None] * (len(params) - len(init.args.defaults)) + list(init.args.defaults)
    checked = _nullability(init)
    fields = []
    for param, default in zip(params, defaults):
        name = param.arg
        annotation = ast.unparse(param.annotation) if param.annotation is not None else ""
        default_none = isinstance(default, ast.Constant) and default.value is None
        if annotation.startswith("Optional[") or default_none or checked.get(name):
            nullable: bool | None = True
        elif name in checked:
            nullable = False
        else:
            nullable = None
        fields.append(TrueField(name, mapping.get(name, name), default is None, nullable))
    return tuple(fields)


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    classes: dict[str, tuple[Path, ast.ClassDef]] = {}
    for path in sorted(sdk.rglob("*.py")):
        with warnings.catch_warnings():  # the SDK's own docstrings hold invalid escapes ("\<")
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            tree = ast.parse(path.read_bytes(), str(path))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                getattr(b, "id", None) == "BaseModel" for b in node.bases
            ):
                classes.setdefault(node.name, (path, node))
    fields_of: dict[str, tuple[TrueField, ...]] = {}
    models = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        doc = path.relative_to(docs).as_posix()
        heads = list(_SECTION.finditer(text))
        seen = set()
        for k, head in enumerate(heads):
            end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            name = re.sub(r"[~`*\\]", "", head.group(1)).strip()
            if name not in classes:
                name = name.replace("_", "")  # section ``ChangeElementKey_1``: class ChangeElementKey1
            if name in seen or name not in classes:
                continue
            if not _PROPERTIES.search(text, head.end(), end):
                continue
            seen.add(name)
            source, cls = classes[name]
            if name not in fields_of:
                fields_of[name] = _model_fields(cls)
            models.append(TrueModel(doc, name, source.relative_to(sdk).as_posix(), fields_of[name]))
    return models
