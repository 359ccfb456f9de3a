"""Truth reader for OpenAPI Generator ``rust`` SDKs (ory-rust-oag, serde):
``sdk/src/models/<snake>.rs``.

- Fields are the ``pub name: Type,`` members of ``pub struct X {...}``, with the wire name
  from ``#[serde(rename = "x", ...)]``; ``shown`` is the Rust field name as written, raw
  identifiers included (``r#type``: the doc shows it so).
- ``required``: the spec's ``required`` list, which the field's type and attribute give:
  the generator writes a required property as a plain ``T`` (or ``Box<T>``), a
  required-and-nullable one as ``Option<T>`` with ``deserialize_with =
  "Option::deserialize"``, and an optional one as ``Option<T>`` (``Option<Option<T>>`` with
  ``default`` when nullable). serde agrees: it errors on a missing key unless the attribute
  says ``default`` or the type is ``Option<...>`` without that ``deserialize_with``. So
  required = no ``default`` and (not ``Option<...>`` or ``deserialize_with``).
- ``nullable``: True for ``Option<Option<T>>`` with ``serde_with::rust::double_option``
  (optional and nullable) and for the ``deserialize_with = "Option::deserialize"`` fields;
  False otherwise (serde would read a JSON null into a plain ``Option<T>`` as None, but the
  generator uses that type for the spec's non-nullable optional properties).
- Additional properties: not represented (unknown keys are ignored; no ``flatten`` map).
- oneOf/anyOf schemas are ``pub enum``s (``#[serde(tag = ...)]`` or ``untagged``); their docs
  have no properties table.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables

_STRUCT = re.compile(r"^pub struct (\w+) \{\n(.*?)^\}", re.M | re.S)
_FIELD = re.compile(r"^    #\[serde\(([^\n]*)\)\]\n    pub ((?:r#)?\w+): ([^\n]+),$", re.M)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    structs: dict[str, tuple[Path, str]] = {}
    for path in sorted(sdk.rglob("*.rs")):
        if path.parent.name == "models":
            for m in _STRUCT.finditer(path.read_text(encoding="utf-8")):
                structs.setdefault(m.group(1), (path, m.group(2)))
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        if name not in structs:
            continue
        path, body = structs[name]
        fields = []
        for attrs, attr, typ in _FIELD.findall(re.sub(r"^\s*///.*\n", "", body, flags=re.M)):
            rename = re.search(r'rename\s*=\s*"((?:[^"\\]|\\.)*)"', attrs)
            wire = rename.group(1) if rename else attr.removeprefix("r#")
            has_default = re.search(r"(?:^|,)\s*default\b", attrs) is not None
            deser = 'deserialize_with = "Option::deserialize"' in attrs
            optional = typ.startswith("Option<")
            required = not has_default and (not optional or deser)
            nullable = typ.startswith("Option<Option<") or deser
            fields.append(TrueField(attr, wire, required, nullable))
        models.append(TrueModel(doc, name, path.relative_to(sdk).as_posix(), tuple(fields)))
    return models
