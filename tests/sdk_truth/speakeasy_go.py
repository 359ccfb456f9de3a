"""Truth reader for Speakeasy Go SDKs (dub-go, plex-go).

Models are ``type X struct { ... }`` in ``models/<components|operations|sdkerrors>/*.go`` (Go
names are unique per package; plex-go defines several per file). Each field line is
``Name Type `tags` ``; the (un)marshalling is Speakeasy's ``internal/utils/json.go`` (not in
``sdk/``, read from the same generator release): it takes the JSON key from the ``json`` tag
(else the Go field name), skips ``json:"-"``, drops nil ``omitempty`` fields, always writes
``const`` fields, fills ``default`` tags, collects unknown keys into the field tagged
``additionalProperties:"true"``, and -- when the struct's ``UnmarshalJSON`` passes a
``[]string{...}`` of required fields -- fails on a missing listed key. Operation requests and
responses are structs of the same files whose tags say where each member goes.

Rules:

- ``shown``: the doc's name for the field: the Go field name with a trailing ``_`` removed
  (``Error_`` is documented as ``Error``) and the first letter upper-cased (unexported
  constants such as ``streamType int64 `const:"1"` `` are documented as ``StreamType``).
- ``kind`` and ``wire``, from the tags (the SDK's reflection reads nothing else):
  ``json:"k"`` -> ``json``, the key; ``header``/``queryParam``/``pathParam`` ->
  ``header``/``query``/``path``, and ``form``/``multipartForm`` -> ``form``, each with the
  tag's ``name=`` (``X-Plex-Client-Identifier``, ``linkId``); credentials
  ``security:"scheme,type=apiKey,subtype=header,name=X-Plex-Token"`` -> ``header`` (``query``
  for ``subtype=query``), the ``name=``, but ``type=http`` ones (bearer: the SDK sends
  ``Authorization: Bearer <token>``, the member has no name of its own) -> ``sdk``;
  ``request:"mediaType=..."`` (the whole request body) -> ``sdk``; fields with none of these
  -- the members of operation response
  wrappers (``StatusCode``, ``ContentType``, ``RawResponse``, ``Headers``, the body such as
  ``Object``/``Result``/``MediaContainerWithMetadata``) and errors' ``RawResponse
  `json:"-"` `` -> ``sdk``, with the Go field name as ``wire``.
- ``required``, JSON keys: required unless the field has ``omitempty`` or a ``default`` tag.
  Speakeasy writes every optional key ``omitempty`` (pointer or not) and every required key
  without it; a required *nullable* key is a pointer (or a slice/map) without ``omitempty``
  (``ExternalID *string `json:"externalId"` ``, written as ``null`` when nil). The required
  list that a struct's ``UnmarshalJSON`` passes to ``utils.UnmarshalJSON`` (which fails on a
  missing listed key) is not used: it holds only the required keys that are not nullable
  (measured: every listed key has no ``omitempty``, and every unlisted key without it is a
  pointer, slice, map or ``any``), so it would call ``ExternalID`` optional where the API,
  the docs and dub-ts/dub-py say required. ``const`` fields carry no ``omitempty`` and are
  required (always written).
  Other kinds: not required with a ``default`` tag, or for a pointer/interface parameter,
  credential or request body; None ("the SDK does not say") for slices and maps (plex-go
  declares required and optional array parameters alike as ``[]T``; a nil one is just not
  sent) and for untagged pointers/interfaces (``RawResponse *http.Response``,
  ``ResponseStream io.ReadCloser``); required otherwise (``StatusCode int``,
  ``IdsPathParameter string``).
- ``nullable``: a JSON field that is a pointer without ``omitempty`` (written as ``null`` when
  nil: the SDK's form of a required, nullable field) -> True; a non-pointer scalar or struct
  -> False; everything else (``omitempty`` pointers, slices, maps, ``any``, pointers that are
  not JSON fields) -> None.
- ``func(...)`` fields (the pagination ``Next`` of list responses) are not fields.
- Catch-alls: ``AdditionalProperties map[string]T `additionalProperties:"true" json:"-"` ``
  are not emitted.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .speakeasy_ts import doc_namespace, field_docs, pick_model

_STRUCT = re.compile(r"^type ([A-Za-z_]\w*) struct \{\n(.*?)^\}", re.MULTILINE | re.DOTALL)
_FIELD = re.compile(r"^\s*([A-Za-z_]\w*)\s+([^\s`]+(?:\s*[^\s`]+)*?)\s*(?:`([^`]*)`)?\s*(?://.*)?$")


# tag -> kind of the name on the wire (``name=`` gives the name)
_PARAM_KINDS = {
    "header": "header",
    "queryParam": "query",
    "pathParam": "path",
    "form": "form",
    "multipartForm": "form",
}
_PARAM_TAGS = tuple(_PARAM_KINDS)
_INTERFACES = ("*", "io.", "any", "interface{")


def _tags(tag: str) -> dict[str, str]:
    return dict(re.findall(r'(\w+):"([^"]*)"', tag or ""))


def _tag_name(value: str) -> str | None:
    nm = re.search(r"(?:^|,)name=([^,]+)", value)
    return nm.group(1) if nm else None


class _GoModel:
    def __init__(self, name, namespace, source, fields):
        self.name = name
        self.namespace = namespace
        self.source = source
        self.fields = fields

    def field_names(self):
        return [f.shown for f in self.fields]


def _field(gname: str, gtype: str, tags: dict[str, str]) -> TrueField | None:
    json_tag = tags.get("json")
    json_name = json_tag.split(",")[0] if json_tag is not None else None
    if "additionalProperties" in tags:
        return None  # the catch-all
    omitempty = json_tag is not None and "omitempty" in json_tag.split(",")[1:]
    pointer = gtype.startswith("*")
    wire = gname
    param = next((k for k in _PARAM_TAGS if k in tags), None)
    if "request" in tags:
        kind = "sdk"  # the request body: the whole body, no name on the wire
    elif param:
        kind = _PARAM_KINDS[param]
        wire = _tag_name(tags[param]) or gname
    elif "security" in tags:
        sec = tags["security"]
        if "type=apiKey" in sec:  # a key of its own name in a header (or the query)
            kind = "query" if "subtype=query" in sec else "header"
            wire = _tag_name(sec) or gname
        else:  # http bearer/basic, oauth2: ``Authorization: Bearer <token>``, no name of its own
            kind = "sdk"
    elif json_name and json_name != "-":
        kind = "json"
        wire = json_name
    else:
        # response wrappers' members (body, StatusCode, ContentType, RawResponse, Headers) and
        # ``json:"-"`` HTTP metadata of errors (RawResponse): the SDK's envelope
        kind = "sdk"
    if kind == "json":
        # the key must be present unless the field is ``omitempty`` or has a ``default``: a
        # pointer without ``omitempty`` (``ExternalID *string `json:"externalId"` ``) is a
        # required, nullable key, written as null when nil
        required = not omitempty and "default" not in tags
    elif "default" in tags or ((kind != "sdk" or "request" in tags) and gtype.startswith(_INTERFACES)):
        required = False
    elif gtype.startswith(("[]", "map[") + _INTERFACES):
        required = None  # the SDK has no way to say
    else:
        required = True
    if pointer:
        nullable = True if kind == "json" and not omitempty else None
    elif gtype.startswith(("[]", "map[")) or gtype in ("any", "interface{}"):
        nullable = None
    else:
        nullable = False
    shown = gname.rstrip("_") or gname
    shown = shown[:1].upper() + shown[1:]
    return TrueField(shown, wire, required, nullable, kind)


def _scan_file(path: Path, sdk_dir: Path, models_dir: Path) -> list[_GoModel]:
    src = path.read_text(encoding="utf-8")
    ns = path.parent.relative_to(models_dir).as_posix()
    out = []
    for sm in _STRUCT.finditer(src):
        name, body = sm.group(1), sm.group(2)
        fields = []
        for line in body.splitlines():
            s = line.strip()
            if not s or s.startswith("//"):
                continue
            fm = _FIELD.match(line)
            if not fm:
                continue
            gname, gtype, tag = fm.group(1), fm.group(2).strip(), fm.group(3)
            if gtype.startswith("func("):
                continue  # the pager's ``Next``: not data
            f = _field(gname, gtype, _tags(tag))
            if f is not None:
                fields.append(f)
        out.append(_GoModel(name, ns, path.relative_to(sdk_dir).as_posix(), tuple(fields)))
    return out


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk_dir = corpus_dir / "sdk"
    models_dir = sdk_dir / "models"
    by_name: dict[str, list[_GoModel]] = {}
    for path in sorted(models_dir.rglob("*.go")):
        for mod in _scan_file(path, sdk_dir, models_dir):
            by_name.setdefault(mod.name, []).append(mod)
    out = []
    for rel, heading, rows in field_docs(corpus_dir / "docs"):
        mod = pick_model(heading, rel, by_name, doc_namespace(rel), [r[0] for r in rows])
        if mod is None:
            continue
        out.append(TrueModel(doc=rel, name=mod.name, source=mod.source, fields=mod.fields))
    return out
