"""Truth reader for Speakeasy C# SDKs (plex-csharp): Newtonsoft.Json-annotated classes.

Docs: ``docs/Models/<Group>/<Name>.md``, a ``# Name`` heading and a ``## Fields`` table; the
class is ``public class <Name>`` in ``Models/<Group>/*.cs`` of the SDK (matched by name, the
doc's group first). An error doc documents an exception class ``<Name> : <Base>Error`` whose
JSON body is the separate class ``<Name>Payload`` (``public <Name>Payload Payload { get; }``):
its properties are the fields.

Fields are the class's auto-properties ``public T Name { get; set; }`` (``shown`` = Name):

- ``[JsonProperty("wire")]``: a JSON key (``kind`` ``json``). The generator marks the spec's
  optional properties with a nullable type ``T?`` (left out when null: Speakeasy's
  serializer runs Newtonsoft with ``NullValueHandling.Ignore``) and its required ones with a
  type without ``?`` (always set: ``long``, ``string ... = default!``, ``List<X>``) or, when
  the spec also lets them be null, ``T?`` with ``[JsonProperty("x", NullValueHandling =
  NullValueHandling.Include)]`` (written even when null). It also puts ``Include`` on every
  property whose type is a union class (one with its own ``[JsonConverter(typeof(<T>.<T>
  Converter))]``: ``Setting.Default``/``Value``), optional ones too (the docs and plex-go's
  ``omitempty`` say optional; the converter's ``ReadJson`` rejects a null). Rule:
  ``required`` = the type has no ``?``, or ``Include`` on a non-union type; ``nullable`` =
  True for ``Include`` on a non-union type (the SDK writes null), False for a type without
  ``?``, None otherwise (an optional ``T?``: C# cannot tell null from absent there; a union:
  the SDK writes null but cannot read it). (Newtonsoft does not check presence when
  reading: nothing uses ``Required = Required.Always``.) ``[JsonProperty("-")]``
  (``RawResponse`` of error payloads) is not a key: treated as non-JSON below.
- ``[SpeakeasyMetadata("<tag>:...name=x")]``: an HTTP parameter; ``wire`` is the ``name=``
  value as sent (e.g. the HTTP header ``X-Plex-Client-Identifier``). ``kind`` by the tag:
  ``header`` -> ``header``, ``queryParam`` -> ``query`` (also the members of an object sent
  as query parameters: ``Composite``'s ``queryParam:name=type``), ``pathParam`` -> ``path``,
  ``form``/``multipartForm`` -> ``form`` (``PostUsersSignInDataRequestBody``'s
  ``form:name=login``), ``security`` -> the scheme's place: ``query`` for an ``apiKey`` with
  ``subType=query``, else ``header`` (``X-Plex-Token``). Without a name on the wire
  (``request:mediaType=...``: the request body member; ``form:explode=true``: a union's
  variants) ``kind`` is ``sdk`` and ``wire`` the property name.
- No annotation (operation responses' ``ContentType``/``StatusCode``/``RawResponse``/``Headers``/
  body):
  ``kind`` ``sdk``, ``wire`` the property name.
  For all non-JSON members ``required`` = the type has no ``?`` or the property is
  initialised ``= default!`` (the generator's mark of a required member: responses'
  ``string? ContentType``), which is how the generator renders the spec's ``required`` of a
  parameter or request body, and ``nullable`` is None.

Additional properties: this SDK has none (no ``[JsonExtensionData]``); free-form objects
are ``Dictionary<string, object>`` typed properties, which are ordinary fields.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel

_HEADING = re.compile(r"^# (.+?)\s*$", re.M)
_FIELDS = re.compile(r"^## Fields[ \t]*\n(?:[ \t]*\n)*\|", re.M)
_COMMENT_OR_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|/\*.*?\*/|//[^\n]*', re.S)
_CLASS = re.compile(r"\bpublic\s+(?:partial\s+|sealed\s+)*class\s+(\w+)\b[^{]*\{")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_PROPERTY = re.compile(
    r'((?:\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\]\s*)*)'  # attributes
    r"public\s+(?!static\b|class\b)((?:[\w.]+)(?:<[^{};=()]*>)?(?:\[\])?\??)\s+(@?\w+)\s*"
    r"\{\s*get;[^}]*\}(\s*=\s*default!)?"
)
_UNION = re.compile(r"\[JsonConverter\(typeof\((\w+)\.\1Converter\)\)\]\s*public\s+class\s+\1\b")
_ATTRIBUTE = re.compile(r'\[(\w+)(?:\(((?:[^)"]|"(?:[^"\\]|\\.)*")*)\))?\]')


def _doc_models(docs: Path):
    """(doc path relative to docs, heading name) of each doc with a ``## Fields`` table."""
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = _HEADING.search(text)
        if not heading or not _FIELDS.search(text):
            continue
        name = re.sub(r"[~`*\\]", "", heading.group(1)).strip()
        yield path.relative_to(docs).as_posix(), name


def _classes(src: str):
    """name -> body of every class of one (comment-free) source file."""
    out = {}
    for m in _CLASS.finditer(src):
        depth, i = 1, m.end()
        while i < len(src) and depth:
            c = src[i]
            if c == '"':
                s = _STRING.match(src, i)
                i = s.end() if s else i + 1
                continue
            depth += (c == "{") - (c == "}")
            i += 1
        out.setdefault(m.group(1), src[m.end() : i - 1])
    return out


_PARAM_KINDS = {
    "header": "header",
    "queryparam": "query",
    "pathparam": "path",
    "form": "form",
    "multipartform": "form",
}


def _param(spec: str) -> tuple[str, str | None]:
    """(kind, wire name or None) of a ``SpeakeasyMetadata`` spec such as
    ``header:style=simple,explode=false,name=X-Plex-Product``."""
    tag, _, rest = spec.partition(":")
    opts = {}
    for item in rest.split(","):
        key, _, value = item.partition("=")
        opts[key.strip().lower()] = value.strip()
    tag = tag.strip().lower()
    name = opts.get("name") or None
    if tag == "security":
        in_query = opts.get("type", "").lower() == "apikey" and opts.get("subtype", "").lower() == "query"
        kind = "query" if in_query else "header"
    else:
        kind = _PARAM_KINDS.get(tag, "sdk")
    return (kind, name) if name and kind != "sdk" else ("sdk", None)


def _fields(body: str, unions: set[str]) -> list[TrueField]:
    fields = []
    for m in _PROPERTY.finditer(body):
        attrs = {a.group(1): a.group(2) or "" for a in _ATTRIBUTE.finditer(m.group(1))}
        cs_type, name = m.group(2), m.group(3).lstrip("@")
        optional = cs_type.endswith("?")
        json = attrs.get("JsonProperty")
        if "JsonIgnore" in attrs:
            continue
        if json is not None:
            wire = _STRING.search(json).group(1)
            if wire != "-":
                union = cs_type.rstrip("?").rsplit(".", 1)[-1] in unions
                include = "NullValueHandling.Include" in json and not union
                nullable = True if include else (None if optional else False)
                fields.append(TrueField(name, wire, include or not optional, nullable, "json"))
                continue
        kind, wire = "sdk", None
        meta = attrs.get("SpeakeasyMetadata")
        if meta:
            kind, wire = _param(_STRING.search(meta).group(1))
        fields.append(TrueField(name, wire or name, not optional or bool(m.group(4)), None, kind))
    return fields


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    index: dict[str, list[tuple[Path, str]]] = {}
    bodies: dict[tuple[Path, str], str] = {}
    unions: set[str] = set()  # union classes: their own JsonConverter
    for path in sorted(sdk.rglob("*.cs")):
        src = _COMMENT_OR_STRING.sub(
            lambda m: m.group(0) if m.group(0)[0] == '"' else " ",
            path.read_text(encoding="utf-8-sig"),
        )
        for name, body in _classes(src).items():
            index.setdefault(name, []).append((path, name))
            bodies[(path, name)] = body
        unions.update(_UNION.findall(src))
    models = []
    for doc, name in _doc_models(docs):
        group = doc.split("/")[-2] if "/" in doc else ""
        candidates = sorted(index.get(name, []), key=lambda c: c[0].parent.name != group)
        if not candidates:
            continue
        path, _ = candidates[0]
        body = bodies[(path, name)]
        payload = (path, name + "Payload")
        if payload in bodies and re.search(rf"\b{name}Payload\s+Payload\b", body):
            body = bodies[payload]
        source = path.relative_to(sdk).as_posix()
        models.append(TrueModel(doc, name, source, tuple(_fields(body, unions))))
    return models
