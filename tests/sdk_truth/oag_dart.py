"""Truth reader for OpenAPI Generator ``dart-dio`` SDKs (ory-dart-oag):
``sdk/lib/src/model/<snake>.dart`` (+ the built_value ``.g.dart`` part); doc headings are
``# ory_client.model.Name``.

built_value (``abstract class X implements Built<X, XBuilder>``), the serialisation this
corpus uses:

- Fields are the ``@BuiltValueField(wireName: r'x') Type get name;`` getters; ``shown`` is
  the getter name (``createdAt``; the doc shows it).
- ``required``: the spec's ``required`` list, as the generated serializer's
  ``_serializeProperties`` declares it: it writes a required key unconditionally
  (``yield r'x';``, with ``object.x == null ? null : ...`` for a required-but-nullable
  one) and an optional key only ``if (object.x != null)``. The getter's type says the same
  for the non-nullable required fields (no ``?``; every optional or nullable field is
  ``T?``) but cannot tell a required-but-nullable field from an optional one. Deserialising
  is more lenient: ``XBuilder.build()`` throws ``BuiltValueNullFieldError`` only for a
  non-nullable field left unset, and a required built collection (``BuiltList``/
  ``BuiltMap``) starts as an empty builder, a required nested model as an empty builder
  (which throws only if that model requires something), and a required ``T?`` is just
  left null; none of that makes such a key optional in the API.
- ``nullable``: the custom serializer reads the key with ``FullType.nullable(...)`` (then a
  JSON null is skipped); False otherwise.
- Additional properties: not represented (unknown keys go to ``unhandled`` and are
  dropped).
- oneOf wrappers hold ``OneOf get oneOf;`` ("One Of [A], [B]"); their docs list the union
  of the members' properties. Their fields are that union (first occurrence wins);
  ``required`` is True when every member requires the key, False when no member that has
  it does, else None (it depends on the variant).

json_serializable (``@JsonKey(name: r'x', required: ...)`` on ``final Type? name;``), the
generator's other serialisation: ``required`` is the ``JsonKey``'s ``required: true``
(``$checkKeys`` throws ``MissingRequiredKeysException``); ``nullable`` is False without ``?`` on
the type, True with it on a required key, else None (every optional field has the ``?``).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables, union_fields

_BUILT = re.compile(r"^abstract class (\w+) implements Built<\1, \1Builder> \{\n(.*?)^\}", re.M | re.S)
_JSON = re.compile(r"^class (\w+) \{\n(.*?)^\}", re.M | re.S)
_GETTER = re.compile(r"@BuiltValueField\(wireName: r?'((?:[^'\\]|\\.)*)'\)\s*([^\n;]+?) get (\w+);")
_JSONKEY = re.compile(r"@JsonKey\(([^)]*)\)\s*(?:@\w+(?:\([^)]*\))?\s*)*final ([^\n;]+?) (\w+);")


class _Sdk:
    def __init__(self, sdk: Path):
        self.classes: dict[str, tuple[Path, str, str, str]] = {}  # name -> (path, kind, body, text)
        for path in sorted(sdk.rglob("*.dart")):
            if path.name.endswith(".g.dart") or path.parent.name != "model":
                continue
            text = path.read_text(encoding="utf-8")
            for m in _BUILT.finditer(text):
                self.classes.setdefault(m.group(1), (path, "built", m.group(2), text))
            if "@JsonKey(" in text:
                for m in _JSON.finditer(text):
                    self.classes.setdefault(m.group(1), (path, "json", m.group(2), text))
        self.parsed: dict[str, tuple | None] = {}

    def model(self, name: str):
        if name not in self.parsed:
            self.parsed[name] = None
            if name in self.classes:
                path, kind, body, text = self.classes[name]
                self.parsed[name] = self._json(body) if kind == "json" else self._built(name, body, text)
        return self.parsed[name]

    def _json(self, body: str):
        fields = []
        for args, typ, attr in _JSONKEY.findall(body):
            name = re.search(r"name: r?'((?:[^'\\]|\\.)*)'", args)
            required = re.search(r"required: true", args) is not None
            nullable = False if not typ.endswith("?") else (True if required else None)
            fields.append(TrueField(attr, name.group(1) if name else attr, required, nullable))
        return "fields", fields

    def _built(self, name: str, body: str, text: str):
        one_of = re.search(r"/// One Of (.*)\n\s*OneOf get oneOf;", body)
        if one_of:
            return "union", re.findall(r"\[(\w+)\]", one_of.group(1))
        serialize = re.search(r"_serializeProperties\(\n.*?\) sync\* \{\n(.*?)\n  \}\n", text, re.S)
        written = set(  # the keys written unconditionally: the required ones
            re.findall(r"^    yield r?'((?:[^'\\]|\\.)*)';$", serialize.group(1) if serialize else "", re.M)
        )
        cases = dict(
            re.findall(
                r"case r?'((?:[^'\\]|\\.)*)':\s*final valueDes = serializers\.deserialize\(\s*value,\s*specifiedType: const FullType(\.nullable)?\(",
                text,
            )
        )
        fields = [
            TrueField(attr, wire, wire in written, bool(cases.get(wire)))
            for wire, _typ, attr in _GETTER.findall(body)
        ]
        return "fields", fields

    def union(self, members: list[str]) -> list[TrueField]:
        return union_fields(members, self.model)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    index = _Sdk(sdk)
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        got = index.model(name)
        if got is None:
            continue
        kind, fields = got
        if kind == "union":
            fields = index.union(fields)
        models.append(TrueModel(doc, name, index.classes[name][0].relative_to(sdk).as_posix(), tuple(fields)))
    return models
