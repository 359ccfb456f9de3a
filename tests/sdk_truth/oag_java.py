"""Truth reader for OpenAPI Generator ``java`` SDKs, library okhttp-gson (ory-java-oag):
``sdk/src/main/java/**/model/<Name>.java``.

- Fields are the ``public static final String SERIALIZED_NAME_X = "wire";`` constants,
  each followed by ``@SerializedName(SERIALIZED_NAME_X) private Type name``; ``shown`` is the
  Java field name (``createdAt``; the doc shows it), ``wire`` the constant's value.
- ``required``: the spec's ``required`` list, which the class declares by adding the wire
  names to ``openapiRequiredFields`` (required-and-nullable keys included);
  ``validateJsonElement`` throws when such a key is missing from the JSON object.
- ``nullable``: for required fields the getter's annotation says it
  (``@javax.annotation.Nullable`` -> True, ``@javax.annotation.Nonnull`` -> False); optional
  getters are always ``@Nullable``, so for them it is None (the SDK does not say).
- Additional properties: a ``private Map<String, Object> additionalProperties`` with
  ``putAdditionalProperty``; it has no ``SERIALIZED_NAME_`` constant, so it is not a field.
- oneOf/anyOf wrappers (``extends AbstractOpenApiSchema``, members registered with
  ``schemas.put("X", X.class)``) have no fields of their own; their docs list the union of
  the members' properties. Their fields are that union (first occurrence wins);
  ``required`` is True when every member requires the key, False when no member that has
  it does, else None (it depends on the variant).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables, union_fields

_FIELD = re.compile(
    r'public static final String SERIALIZED_NAME_\w+ = "((?:[^"\\]|\\.)*)";\s*'
    r"@SerializedName\(SERIALIZED_NAME_\w+\)\s*(?:@\w+(?:\([^)]*\))?\s*)*"
    r"private (?:[\w.<>?, \[\]]+?) (\w+)(?: = [^;]*)?;"
)
_GETTER = re.compile(r"@javax\.annotation\.(Nullable|Nonnull)\s+public [^(]+\(\) \{\s*return (\w+);")


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    files = {p.stem: p for p in sorted(sdk.rglob("*.java")) if p.parent.name == "model"}
    parsed: dict[str, tuple | None] = {}

    def model(name: str):
        if name not in parsed:
            parsed[name] = _parse(files[name].read_text(encoding="utf-8")) if name in files else None
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


def _parse(text: str):
    if re.search(r"^public class \w+ extends AbstractOpenApiSchema", text, re.M):
        return "union", re.findall(r'schemas\.put\("\w+", (\w+)\.class\)', text)
    required = set(re.findall(r'openapiRequiredFields\.add\("((?:[^"\\]|\\.)*)"\)', text))
    annotation = {name: kind for kind, name in _GETTER.findall(text)}
    fields = []
    for wire, attr in _FIELD.findall(text):
        wire = wire.encode().decode("unicode_escape") if "\\" in wire else wire
        req = wire in required
        nullable = (annotation.get(attr) == "Nullable") if req else None
        fields.append(TrueField(attr, wire, req, nullable))
    return "fields", fields
