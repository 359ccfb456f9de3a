"""Truth reader for Speakeasy Java SDKs (glean-java): Jackson-annotated classes, one per file.

Docs: ``docs/models/<group>/<Name>.md``, a ``# Name`` heading (``~~Name~~`` when deprecated)
and a ``## Fields`` table. The class is ``public class <Name>`` in ``<Name>.java`` of the SDK
folder ``models/<group>/`` (matched by name, the doc's group first).

Fields are the class's own non-static ``private`` fields (the Builder's copies are skipped):

- ``@JsonProperty("wire")``: a JSON key (``kind`` ``json``). Jackson writes every such field
  unless it carries ``@JsonInclude(Include.NON_ABSENT)``, which the generator puts on exactly
  the fields the spec leaves optional (every ``Optional<>``/``JsonNullable<>`` field of this
  SDK; the docs' Required column agrees everywhere). So ``required`` = no
  ``@JsonInclude(NON_ABSENT|NON_NULL|NON_EMPTY|NON_DEFAULT)``. ``nullable`` = the type is
  ``JsonNullable<...>`` (the only way this SDK sends or keeps a JSON null; plain and
  ``Optional<>`` fields are ``checkNotNull``-ed).
- ``@SpeakeasyMetadata("<tag>:...,name=x")``: an HTTP parameter; ``wire`` is the ``name=``
  value as sent. ``kind`` by the tag: ``header`` -> ``header``, ``queryParam`` -> ``query``,
  ``pathParam`` -> ``path``, ``form``/``multipartForm`` -> ``form`` (the form field or part
  name: ``multipartForm:file,name=files``), ``security`` -> the scheme's place: ``query``
  for an ``apiKey`` in the query, else ``header`` (``type=http``: ``Authorization``).
  Without a name on the wire, ``kind`` is ``sdk`` and ``wire`` the Java field name:
  ``request:mediaType=...`` (the request body member), and the members of a file object
  (a class with a ``multipartForm:content`` field: ``content`` is the part's bytes and
  ``multipartForm:name=fileName`` its ``filename``, a value, not a name).
- No annotation (the ``contentType``/``statusCode``/``rawResponse`` and body members of
  operation responses): ``kind`` ``sdk``, ``wire`` the Java field name.
  For all non-JSON fields ``required`` = the type is not ``Optional<>``/``JsonNullable<>``
  (what the generator makes of the spec's ``required`` for a parameter or request body;
  HTTP metadata is always set) and ``nullable`` is None.

Additional properties: a ``@JsonIgnore private Map<String, Object> additionalProperties``
filled by ``@JsonAnySetter``/read by ``@JsonAnyGetter``; it is not a TrueField (its doc row
``additionalProperties`` matches nothing).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel

_HEADING = re.compile(r"^# (.+?)\s*$", re.M)
_FIELDS = re.compile(r"^## Fields[ \t]*\n(?:[ \t]*\n)*\|", re.M)
_CLASS = re.compile(r"^public\s+(?:final\s+)?class\s+(\w+)\b[^{]*\{", re.M)
_ANNOTATION = re.compile(r'@([\w.]+)(\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))?')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_NON_REQUIRED_INCLUDE = re.compile(r"Include\.(NON_ABSENT|NON_NULL|NON_EMPTY|NON_DEFAULT)")


def _doc_models(docs: Path):
    """(doc path relative to docs, heading name) of each doc with a ``## Fields`` table."""
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = _HEADING.search(text)
        if not heading or not _FIELDS.search(text):
            continue
        name = re.sub(r"[~`*\\]", "", heading.group(1)).strip()
        yield path.relative_to(docs).as_posix(), name


_COMMENT_OR_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|/\*.*?\*/|//[^\n]*', re.S)


def _strip_comments(src: str) -> str:
    return _COMMENT_OR_STRING.sub(lambda m: m.group(0) if m.group(0)[0] == '"' else " ", src)


def _members(body: str):
    """The statements at the top level of a class body (fields; methods are skipped)."""
    depth, buf, i, n = 0, [], 0, len(body)
    while i < n:
        c = body[i]
        if c in "\"'":
            m = _STRING.match(body, i) if c == '"' else None
            j = m.end() if m else body.find("'", i + 1 + (body[i + 1] == "\\")) + 1
            if depth == 0:
                buf.append(body[i:j])
            i = j
            continue
        if c == "(" and depth == 0:
            # annotation arguments and parameter lists: keep them, braces inside are rare
            k, level = i, 0
            while k < n:
                if body[k] == '"':
                    m = _STRING.match(body, k)
                    k = m.end()
                    continue
                level += body[k] == "("
                level -= body[k] == ")"
                k += 1
                if level == 0:
                    break
            buf.append(body[i:k])
            i = k
            continue
        if c == "{":
            if depth == 0:
                buf = []  # a method, initializer or nested class header
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                buf = []
        elif depth == 0:
            if c == ";":
                yield "".join(buf).strip()
                buf = []
            else:
                buf.append(c)
        i += 1


def _class_body(src: str, name: str) -> str | None:
    for m in _CLASS.finditer(src):
        if m.group(1) != name:
            continue
        depth, i = 1, m.end()
        start = i
        while i < len(src) and depth:
            c = src[i]
            if c == '"':
                s = _STRING.match(src, i)
                i = s.end() if s else i + 1
                continue
            depth += (c == "{") - (c == "}")
            i += 1
        return src[start : i - 1]
    return None


_PARAM_KINDS = {
    "header": "header",
    "queryparam": "query",
    "pathparam": "path",
    "form": "form",
    "multipartform": "form",
}


def _param(spec: str) -> tuple[str, str | None]:
    """(kind, wire name or None) of a ``@SpeakeasyMetadata`` spec such as
    ``queryParam:style=form,explode=true,name=x``."""
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


def _fields(body: str) -> list[TrueField]:
    fields = []
    members = []
    for stmt in _members(body):
        annotations = [(m.group(1), m.group(2) or "") for m in _ANNOTATION.finditer(stmt)]
        decl = _ANNOTATION.sub(" ", stmt).split("=", 1)[0].split()
        if "private" not in decl or "static" in decl:
            continue
        members.append((decl, dict(annotations)))
    specs = [
        _STRING.search(ann["SpeakeasyMetadata"]).group(1) for _, ann in members if "SpeakeasyMetadata" in ann
    ]
    file_object = any(spec.replace(" ", "").startswith("multipartForm:content") for spec in specs)
    for decl, ann in members:
        name = decl[-1]
        java_type = " ".join(decl[decl.index("private") + 1 : -1]).replace("final ", "")
        optional = re.match(r"(Optional|JsonNullable)\s*<", java_type) is not None
        if "JsonIgnore" in ann and "JsonProperty" not in ann:
            continue  # additionalProperties (and any other non-serialised member)
        if "JsonProperty" in ann:
            wire = _STRING.search(ann["JsonProperty"]).group(1)
            include = ann.get("JsonInclude", "")
            required = not _NON_REQUIRED_INCLUDE.search(include)
            nullable = java_type.startswith("JsonNullable")
            fields.append(TrueField(name, wire, required, nullable, "json"))
            continue
        kind, wire = "sdk", None
        meta = ann.get("SpeakeasyMetadata")
        if meta and not file_object:
            kind, wire = _param(_STRING.search(meta).group(1))
        fields.append(TrueField(name, wire or name, not optional, None, kind))
    return fields


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    files: dict[str, list[Path]] = {}
    for path in sorted(sdk.rglob("*.java")):
        files.setdefault(path.stem, []).append(path)
    models = []
    for doc, name in _doc_models(docs):
        group = doc.split("/")[-2] if "/" in doc else ""
        candidates = sorted(files.get(name, []), key=lambda p: p.parent.name != group)
        for path in candidates:
            body = _class_body(_strip_comments(path.read_text(encoding="utf-8")), name)
            if body is None:
                continue
            source = path.relative_to(sdk).as_posix()
            models.append(TrueModel(doc, name, source, tuple(_fields(body))))
            break
    return models
