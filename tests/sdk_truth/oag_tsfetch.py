"""Truth reader for OpenAPI Generator ``typescript-fetch`` SDKs (ory-tsfetch-oag):
``sdk/src/models/<Name>.ts``. Its docs have a two-column ``Name | Type`` table whose
names are in backticks.

- Fields are the entries of ``XFromJSONTyped``'s returned object, ``'prop': json['wire']``
  (possibly inside a ``== null ? undefined : ...`` conversion); ``shown`` is the TypeScript
  property name (this corpus keeps the original names, so it equals the wire name).
- ``required``: the spec's ``required`` list: the interface declares the property
  without ``?`` (a required-and-nullable one as ``x: T | null``) and ``instanceOfX``
  checks it (``!('x' in value) || value['x'] === undefined``) -- the
  check the oneOf/anyOf dispatch relies on. ``XFromJSONTyped`` itself never rejects a
  missing key (it yields undefined), so this is the SDK's declaration, not an exception.
- ``nullable``: the interface type has ``| null``; False otherwise.
- Additional properties: an index signature ``[key: string]: any`` with
  ``...json`` spread into the result when the schema allows them (none in this corpus);
  not a field.
- oneOf/anyOf: ``export type X = A | B`` whose ``XFromJSONTyped`` dispatches to
  ``AFromJSONTyped(json, true)``...; their docs list the union of the members'
  properties. Their fields are that union (first occurrence wins); ``required`` is True
  when every member requires the key, False when no member that has it does, else None.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables, union_fields

_ENTRY = re.compile(r"^\s*'((?:[^'\\]|\\.)*)': .*?json\['((?:[^'\\]|\\.)*)'\]", re.M)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    files = {p.stem: p for p in sorted(sdk.rglob("*.ts")) if p.parent.name == "models"}
    parsed: dict[str, tuple | None] = {}

    def model(name: str):
        if name not in parsed:
            parsed[name] = _parse(name, files[name].read_text(encoding="utf-8")) if name in files else None
        return parsed[name]

    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        got = model(name)
        if got is None:
            continue
        kind, fields = got
        if kind == "union":
            fields = union_fields(fields, model)
        models.append(TrueModel(doc, name, files[name].relative_to(sdk).as_posix(), tuple(fields)))
    return models


def _unquote(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def _parse(name: str, text: str):
    body = re.search(rf"^export function {name}FromJSONTyped\(.*?\n\}}", text, re.M | re.S)
    if body is None:
        return None
    body = body.group(0)
    ret = re.search(r"return \{\n(.*?)\n    \};", body, re.S)
    if ret is None:
        members = re.findall(r"\b(\w+)FromJSONTyped\(json, true\)", body)
        return ("union", list(dict.fromkeys(members))) if members else None
    iface = re.search(rf"^export interface {name} \{{\n(.*?)^\}}", text, re.M | re.S)
    decls = {}
    for prop, opt, typ in re.findall(
        r"^    (?:readonly )?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[\w$]+)(\??): ([^\n]*);$",
        iface.group(1) if iface else "",
        re.M,
    ):
        decls[_unquote(prop.strip("'\""))] = (opt == "?", re.search(r"\|\s*null\b", typ) is not None)
    instance = re.search(rf"export function instanceOf{name}\(.*?\n\}}", text, re.S)
    checked = set(re.findall(r"!\('((?:[^'\\]|\\.)*)' in value\)", instance.group(0) if instance else ""))
    fields = []
    for prop, wire in _ENTRY.findall(ret.group(1)):
        prop, wire = _unquote(prop), _unquote(wire)
        optional, nullable = decls.get(prop, (True, False))
        fields.append(TrueField(prop, wire, prop in checked and not optional, nullable))
    return "fields", fields
