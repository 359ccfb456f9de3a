"""Truth reader for OpenAPI Generator ``go`` SDKs (ory-go-oag): ``sdk/model_<snake>.go``.

- Fields are the members of ``type X struct {...}`` with a ``json:"..."`` tag; ``shown`` is
  the Go field name (``CreatedAt``; the doc shows it), ``wire`` the tag's name.
- ``required``: the spec's ``required`` list, which ``UnmarshalJSON`` declares as
  ``requiredProperties`` (required-and-nullable keys included) and returns an error when
  a listed key is missing. (Those are exactly the tags without ``omitempty``; a struct
  with no required key has no such list.)
- ``nullable``: the type is ``NullableX``, or the getter's comment says explicit null is
  possible ("If the value is explicit nil, ..." for required fields, "(both if not set or
  set to explicit null)" for optional ones: maps, slices and ``interface{}``); else False.
- Additional properties: an untagged ``AdditionalProperties map[string]interface{}``
  member, filled by ``UnmarshalJSON`` with the keys it does not know; not a field.
- oneOf/anyOf wrappers are structs of untagged ``*Member`` pointers; their docs list the
  union of the members' properties. Their fields are that union (first occurrence wins);
  ``required`` is True when every member requires the key, False when no member that has
  it does, else None (it depends on the variant).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables, union_fields

_STRUCT = re.compile(r"^type (\w+) struct \{\n(.*?)^\}", re.M | re.S)
_GETTER = re.compile(r"^// Get(\w+) returns the \1 field value(.*)\n(// If the value is explicit nil)?", re.M)
_MEMBER = re.compile(r"^\t(\w+) (\S+)(?: `json:\"([^\"]*)\"[^`]*`)?\s*$", re.M)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    structs: dict[str, tuple[Path, str, str]] = {}
    for path in sorted(sdk.rglob("model_*.go")):
        text = path.read_text(encoding="utf-8")
        for m in _STRUCT.finditer(text):
            structs.setdefault(m.group(1), (path, m.group(2), text))
    parsed: dict[str, tuple | None] = {}

    def model(name: str):
        if name not in parsed:
            parsed[name] = _parse(name, *structs[name][1:]) if name in structs else None
        return parsed[name]

    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        got = model(name)
        if got is None:
            continue
        kind, fields = got
        if kind == "union":
            fields = union_fields(fields, model)
        models.append(TrueModel(doc, name, structs[name][0].relative_to(sdk).as_posix(), tuple(fields)))
    return models


def _parse(name: str, body: str, text: str):
    members = _MEMBER.findall(body)
    if members and all(not tag for _, _, tag in members) and all(t.startswith("*") for _, t, _ in members):
        return "union", [t[1:] for _, t, _ in members]
    req = re.search(
        rf"func \(o \*{name}\) UnmarshalJSON.*?requiredProperties := \[\]string\{{(.*?)\}}", text, re.S
    )
    required = set(re.findall(r'"([^"]*)"', req.group(1))) if req else set()
    may_be_null = {attr for attr, rest, nil in _GETTER.findall(text) if "explicit null" in rest or nil}
    fields = []
    for attr, typ, tag in members:
        if not tag:  # AdditionalProperties
            continue
        wire = tag.split(",")[0]
        nullable = typ.startswith("Nullable") or attr in may_be_null
        fields.append(TrueField(attr, wire, wire in required, nullable))
    return "fields", fields
