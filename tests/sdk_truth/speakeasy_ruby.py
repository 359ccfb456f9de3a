"""Truth reader for Speakeasy Ruby SDKs (dub-ruby): Sorbet classes with Crystalline fields.

Docs: ``docs/models/<group>/<lowercased name>.md``, a ``# Name`` heading and a ``## Fields``
table; the class is ``class <Name>`` in ``module Models::<Group>`` of some
``lib/<sdk>/models/<group>/*.rb`` (the file name is not the class name lowercased:
``leadcreatedevent_click.rb`` holds ``LeadCreatedEventClick``), matched by name, the doc's
group first. Fields are its one-line ``field :name, <type>, { <metadata> }`` declarations
(``shown`` = name):

- ``'format_json': { 'letter_case': ::<SDK>::Utils.field_name('wire'), required: true }``: a
  JSON key (``kind`` ``json``). The generator writes ``required: true`` for exactly the
  spec's required properties (the docs' Required column agrees everywhere); it also steers
  ``Crystalline::MetadataFields#to_dict``, which writes a nil field (as ``null``) only when
  ``required`` is there. So ``required`` = ``required: true`` is present (not whether
  ``from_dict`` would accept a missing key); ``nullable`` = the type is
  ``Crystalline::Nilable.new(...)`` (or ``T.nilable(...)``) and required (True: the SDK
  writes ``null``), False for a non-nilable type, None for an optional nilable one (Ruby
  cannot tell nil from absent there: the SDK does not say).
- ``'<tag>': { 'field_name': 'x', ... }``: an HTTP parameter; ``wire`` is its
  ``'field_name'`` as sent. ``kind`` by the tag: ``'header'`` -> ``header``,
  ``'query_param'`` -> ``query``, ``'path_param'`` -> ``path``, ``'form'``/
  ``'multipart_form'`` -> ``form``, ``'security'`` -> the scheme's place: ``query`` for an
  ``apiKey`` with ``'sub_type': 'query'``, else ``header`` (``'type': 'http'``:
  ``Authorization``). Without a name on the wire (``'request'``: the request body member)
  or without metadata (``{}``: responses' ``result`` body, ``raw_response``) ``kind`` is
  ``sdk`` and ``wire`` the field name. For all non-JSON fields ``required`` = the type is not
  nilable (how the generator renders the spec's ``required`` of a parameter or request
  body) and ``nullable`` is None.

Additional properties: a field whose ``format_json`` has ``additional_properties: true``
(flattened into the parent by ``to_dict``); none in this corpus, skipped if present.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel

_HEADING = re.compile(r"^# (.+?)\s*$", re.M)
_FIELDS = re.compile(r"^## Fields[ \t]*\n(?:[ \t]*\n)*\|", re.M)
_CLASS = re.compile(r"^\s*class\s+(\w+)\b", re.M)
_FIELD = re.compile(r"^\s*field\s+:(\w+[?!]?),\s*(.*)$", re.M)
_WIRE = re.compile(r"field_name\(\s*'((?:[^'\\]|\\.)*)'\s*\)")
_NILABLE = re.compile(r"(?:Crystalline::Nilable\.new|T\.nilable)\(")


def _doc_models(docs: Path):
    """(doc path relative to docs, heading name) of each doc with a ``## Fields`` table."""
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = _HEADING.search(text)
        if not heading or not _FIELDS.search(text):
            continue
        name = re.sub(r"[~`*\\]", "", heading.group(1)).strip()
        yield path.relative_to(docs).as_posix(), name


def _split_type(rest: str) -> tuple[str, str]:
    """``<type>, { meta }`` -> (type, meta): the first comma outside brackets ends the type."""
    depth = 0
    for i, c in enumerate(rest):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            return rest[:i].strip(), rest[i + 1 :].strip()
    return rest.strip(), ""


_PARAM_KINDS = {
    "header": "header",
    "query_param": "query",
    "path_param": "path",
    "form": "form",
    "multipart_form": "form",
}
_TAG = re.compile(r"\{\s*'?(\w+)'?:\s*\{")
_OPTION = re.compile(r"'?(\w+)'?:\s*'((?:[^'\\]|\\.)*)'")


def _param(meta: str) -> tuple[str, str | None]:
    """(kind, wire name or None) of a field's metadata hash such as
    ``{ 'query_param': { 'field_name': 'x', 'style': 'form', 'explode': true } }``."""
    tag = _TAG.match(meta)
    if not tag:
        return "sdk", None
    opts = {k.lower(): v for k, v in _OPTION.findall(meta)}
    name = opts.get("field_name") or None
    if tag.group(1) == "security":
        in_query = opts.get("type", "").lower() == "apikey" and opts.get("sub_type", "").lower() == "query"
        kind = "query" if in_query else "header"
    else:
        kind = _PARAM_KINDS.get(tag.group(1), "sdk")
    return (kind, name) if name and kind != "sdk" else ("sdk", None)


def _fields(body: str) -> list[TrueField]:
    fields = []
    for m in _FIELD.finditer(body):
        name = m.group(1)
        rb_type, meta = _split_type(m.group(2))
        nilable = _NILABLE.match(rb_type) is not None
        if "'format_json'" in meta or "format_json:" in meta:
            if re.search(r"additional_properties:\s*true", meta):
                continue
            wire = _WIRE.search(meta)
            required = re.search(r"\brequired:\s*true", meta) is not None
            nullable = (True if required else None) if nilable else False
            fields.append(TrueField(name, wire.group(1) if wire else name, required, nullable, "json"))
            continue
        kind, wire = _param(meta)
        fields.append(TrueField(name, wire or name, not nilable, None, kind))
    return fields


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    index: dict[str, list[tuple[Path, str]]] = {}
    for path in sorted(sdk.rglob("*.rb")):
        src = path.read_text(encoding="utf-8")
        classes = list(_CLASS.finditer(src))
        for k, m in enumerate(classes):
            end = classes[k + 1].start() if k + 1 < len(classes) else len(src)
            index.setdefault(m.group(1), []).append((path, src[m.end() : end]))
    models = []
    for doc, name in _doc_models(docs):
        group = doc.split("/")[-2] if "/" in doc else ""
        candidates = sorted(index.get(name, []), key=lambda c: c[0].parent.name != group)
        if not candidates:
            continue
        path, body = candidates[0]
        source = path.relative_to(sdk).as_posix()
        models.append(TrueModel(doc, name, source, tuple(_fields(body))))
    return models
