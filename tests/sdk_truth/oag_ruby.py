"""Truth reader for OpenAPI Generator ``ruby`` SDKs (ory-ruby-oag):
``sdk/lib/<gem>/models/<snake>.rb``; doc headings are ``# OryClient::Name``.

- Fields are the pairs of ``def self.attribute_map`` (``:'name' => :'wire'``); ``shown`` is
  the Ruby attribute name (``created_at``; the doc shows it).
- ``required``: the spec's ``required`` list, as two generated blocks declare it:
  ``initialize`` ends the key's ``if attributes.key?(:'x')`` with ``else self.x = nil``
  (every required attribute without a spec default, nullable ones included), and
  ``list_invalid_properties`` reports the attribute when it is nil (``if @x.nil?``: the
  required attributes that are not nullable; ``valid?`` is then false, and their plain
  setters raise ``ArgumentError`` on nil). Required = in either. The
  deserialiser itself does not reject a missing key (it leaves the attribute nil), and a
  required-but-nullable attribute has no nil check at all. (A required attribute that is
  nullable and has a spec default would show in neither; this corpus has none.)
- ``nullable``: the attribute is in ``def self.openapi_nullable`` (``Set.new([...])``).
- Additional properties: not represented; ``initialize`` raises on unknown attribute
  names, but ``build_from_hash`` only passes known ones, so unknown JSON keys are dropped.
- oneOf/anyOf schemas are modules with ``openapi_one_of`` / ``openapi_any_of`` and their
  docs have no properties table.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables

_PAIR = re.compile(r":'((?:[^'\\]|\\.)*)' => :'((?:[^'\\]|\\.)*)'")


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    classes: dict[str, Path] = {}
    for path in sorted(sdk.rglob("*.rb")):
        if path.parent.name == "models":
            for name in re.findall(r"^  class (\w+)\b", path.read_text(encoding="utf-8"), re.M):
                classes.setdefault(name, path)
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        if name not in classes:
            continue
        text = classes[name].read_text(encoding="utf-8")
        amap = re.search(r"def self\.attribute_map\s*\{(.*?)\}", text, re.S)
        nullable = re.search(r"def self\.openapi_nullable\s*Set\.new\(\[(.*?)\]\)", text, re.S)
        nullables = set(re.findall(r":'((?:[^'\\]|\\.)*)'", nullable.group(1))) if nullable else set()
        invalid = re.search(r"def list_invalid_properties\n(.*?)\n    end", text, re.S)
        required = set(re.findall(r"^      if @(\w+)\.nil\?$", invalid.group(1) if invalid else "", re.M))
        init = re.search(r"def initialize\(attributes = \{\}\)\n(.*?)\n    end\n", text, re.S)
        required.update(
            re.findall(r"^      else\n        self\.(\w+) = nil$", init.group(1) if init else "", re.M)
        )
        fields = tuple(
            TrueField(attr, wire, attr in required, attr in nullables)
            for attr, wire in _PAIR.findall(amap.group(1) if amap else "")
        )
        models.append(TrueModel(doc, name, classes[name].relative_to(sdk).as_posix(), fields))
    return models
