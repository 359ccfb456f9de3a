"""Truth reader for Speakeasy PHP SDKs (dub-php): classes with Speakeasy serializer attributes.

Docs: ``docs/Models/<Group>/<Name>.md``, a ``# Name`` heading and a ``## Fields`` table; the
class is ``class <Name>`` in ``src/Models/<Group>/<Name>.php`` of the SDK (matched by name,
the doc's group first). Fields are the class's ``public [?]type $name`` properties
(``shown`` = name without ``$``):

- ``#[\\Speakeasy\\Serializer\\Annotation\\SerializedName('wire')]``: a JSON key (``kind``
  ``json``). Speakeasy's serializer (a JMS fork) serialises nulls (``setSerializeNull(true)``)
  unless the property carries ``#[\\Speakeasy\\Serializer\\Annotation\\SkipWhenNull]``,
  which drops the key when the value is null; the generator puts it on exactly the spec's
  optional properties (every ``?type $x = null``; the docs' Required column agrees
  everywhere), and a required nullable property is ``?type`` without it. So ``required`` =
  no ``SkipWhenNull``; ``nullable`` = True for a nullable type (``?type``, ``...|null``,
  ``mixed``) without ``SkipWhenNull`` (the SDK writes ``null``), False for a non-nullable
  type, None for a nullable type with ``SkipWhenNull`` (optional: PHP cannot tell null from
  absent there, the SDK does not say).
- ``#[SpeakeasyMetadata('<tag>:...,name=x')]``: an HTTP parameter; ``wire`` is the ``name=``
  value as sent. ``kind`` by the tag: ``header`` -> ``header``, ``queryParam`` -> ``query``,
  ``pathParam`` -> ``path``, ``form``/``multipartForm`` -> ``form``, ``security`` -> the
  scheme's place: ``query`` for an ``apiKey`` in the query, else ``header`` (``type=http``:
  ``Authorization``). Without a name on the wire (``request:mediaType=...``: the request
  body member) ``kind`` is ``sdk`` and ``wire`` the property name.
- No attribute (operation responses' ``contentType``/``statusCode``/``rawResponse``/body
  members): ``kind`` ``sdk``, ``wire`` the property name.
  For all non-JSON members ``required`` = the type is not nullable (how the generator
  renders the spec's ``required`` of a parameter or request body; HTTP metadata is always
  set), ``nullable`` is None.

A ``\\Closure`` property (``$next``, the pagination hook of list responses, undocumented) is
not a field.

Additional properties: this SDK has no catch-all member; free-form objects are
``array<string, mixed>`` typed properties, which are ordinary fields.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel

_HEADING = re.compile(r"^# (.+?)\s*$", re.M)
_FIELDS = re.compile(r"^## Fields[ \t]*\n(?:[ \t]*\n)*\|", re.M)
_STR = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
_COMMENT_OR_STRING = re.compile(rf"{_STR}|/\*.*?\*/|//[^\n]*|#(?!\[)[^\n]*", re.S)
_STRING = re.compile(_STR, re.S)
_CLASS = re.compile(r"^(?:final\s+|abstract\s+)*class\s+(\w+)\b[^{]*\{", re.M)
_PROPERTY = re.compile(
    rf"((?:#\[(?:[^\]'\"]|{_STR})*\]\s*)*)"  # attributes
    r"public\s+(?:readonly\s+)?(\??[\\\w|]+)\s+\$(\w+)\s*(?:=[^;]*)?;"
)
_ATTRIBUTE = re.compile(rf"#\[\\?([\w\\]+)(?:\(((?:[^)'\"]|{_STR})*)\))?\]")


def _doc_models(docs: Path):
    """(doc path relative to docs, heading name) of each doc with a ``## Fields`` table."""
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = _HEADING.search(text)
        if not heading or not _FIELDS.search(text):
            continue
        name = re.sub(r"[~`*\\]", "", heading.group(1)).strip()
        yield path.relative_to(docs).as_posix(), name


def _unquote(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", _STRING.search(s).group(0)[1:-1])


def _class_body(src: str, name: str) -> str | None:
    for m in _CLASS.finditer(src):
        if m.group(1) != name:
            continue
        depth, i = 1, m.end()
        while i < len(src) and depth:
            c = src[i]
            if c in "'\"":
                s = _STRING.match(src, i)
                i = s.end() if s else i + 1
                continue
            depth += (c == "{") - (c == "}")
            i += 1
        return src[m.end() : i - 1]
    return None


_PARAM_KINDS = {
    "header": "header",
    "queryparam": "query",
    "pathparam": "path",
    "form": "form",
    "multipartform": "form",
}


def _param(spec: str) -> tuple[str, str | None]:
    """(kind, wire name or None) of a ``SpeakeasyMetadata`` spec such as
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
    for m in _PROPERTY.finditer(body):
        attrs = {a.group(1).rsplit("\\", 1)[-1]: a.group(2) or "" for a in _ATTRIBUTE.finditer(m.group(1))}
        php_type, name = m.group(2), m.group(3)
        if php_type.lstrip("?\\").lower() in ("closure", "callable"):
            continue  # the pagination hook ``public \Closure $next`` of list responses
        nullable_type = (
            php_type.startswith("?") or "null" in php_type.lower().split("|") or php_type.lower() == "mixed"
        )
        if "SerializedName" in attrs:
            wire = _unquote(attrs["SerializedName"])
            skip = "SkipWhenNull" in attrs
            nullable = (None if skip else True) if nullable_type else False
            fields.append(TrueField(name, wire, not skip, nullable, "json"))
            continue
        kind, wire = "sdk", None
        meta = attrs.get("SpeakeasyMetadata")
        if meta:
            kind, wire = _param(_unquote(meta))
        fields.append(TrueField(name, wire or name, not nullable_type, None, kind))
    return fields


def read(corpus_dir: Path) -> list[TrueModel]:
    docs = corpus_dir / "docs"
    sdk = corpus_dir / "sdk"
    files: dict[str, list[Path]] = {}
    for path in sorted(sdk.rglob("*.php")):
        files.setdefault(path.stem, []).append(path)
    models = []
    for doc, name in _doc_models(docs):
        group = doc.split("/")[-2] if "/" in doc else ""
        for path in sorted(files.get(name, []), key=lambda p: p.parent.name != group):
            src = _COMMENT_OR_STRING.sub(
                lambda m: m.group(0) if m.group(0)[0] in "'\"" else " ",
                path.read_text(encoding="utf-8"),
            )
            body = _class_body(src, name)
            if body is None:
                continue
            source = path.relative_to(sdk).as_posix()
            models.append(TrueModel(doc, name, source, tuple(_fields(body))))
            break
    return models
