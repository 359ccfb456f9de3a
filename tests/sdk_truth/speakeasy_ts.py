"""Truth reader for Speakeasy TypeScript SDKs (intuned-ts, dub-ts, gusto-ts).

Where the truth is, per model ``X`` in ``src/models/<namespace>/*.ts``:

- ``export type X = { prop?: T | null | undefined; ... }``: the TypeScript property names,
  which are the names the docs show. Error models are ``export class X extends ...Error``
  whose properties come from ``export type XData = {...}``.
- ``X$inboundSchema = z.object({ <wire>: <zod>, ... })`` (JSON -> SDK), optionally wrapped in
  ``collectExtraKeys$(z.object({...}).catchall(...), "additionalProperties", ...)`` and followed
  by ``.transform(v => remap$(v, { "<wire>": "<prop>", ... }))``: its keys are wire names and
  the remap renames them to property names.
- ``X$outboundSchema = z.object({ <prop>: <zod>, ... })`` (SDK -> JSON), followed by
  ``remap$(v, { <prop>: "<wire>", ... })``: keys are property names, the remap gives wire names.

Operations (Speakeasy writes one file per operation, ``operations/<opid lower-cased>.ts``):
``<Op>Request`` is the operation function's input: its outbound schema's keys (after the
remap) are the parameter names as the function sends them (``company_uuid``,
``X-Gusto-API-Version``) and the body's member (``RequestBody`` for an inline schema, else the
schema's name: ``Admin-Create-Request``); ``<Op>Response`` is its output envelope, whose
inbound keys are ``HttpMeta`` and the response body under a name of its own
(``Ach-Transaction-List``, ``Result``); ``<Op>Globals`` holds SDK-wide parameters that the
function fills in from the client's options. The functions themselves (``src/funcs``), which
put each parameter in the path, query or headers, are not in the corpora.

Rules:

- ``wire``: from the inbound schema when there is one (the key whose remapped name is the
  property), else from the outbound schema (the remap target, else the key itself).
- ``kind``:
  - ``sdk``: every member of an ``<Op>Response`` envelope; the request's body member (its key
    is ``RequestBody``, or its type in ``<Op>Request$Outbound`` is an ``...$Outbound`` object
    type, where parameters are ``string``/``number``/``boolean``/arrays of them); HTTP
    metadata anywhere (``z.instanceof(Response|Request)`` entries of ``HTTPMetadata``, and
    ``httpMeta: HTTPMetadata`` members of envelopes and errors); the members of ``Security``
    (the credentials; their schema keys are security-scheme names such as
    ``CompanyAccessAuth``, and the header a scheme uses is not in the models -- the Go and
    Python readers make bearer credentials ``sdk`` too, and only ``apiKey`` ones a header).
  - ``header``/``query``/``path``: the other members of ``<Op>Request`` and ``<Op>Globals``.
    The models do not say which, so: a type that Speakeasy named after the location
    (``HeaderXGustoAPIVersion``, ``GetCustomersQueryParamSortBy``) says it; else a name with
    a dash is a header; else a required single value (no ``Array<``) is a path parameter --
    OpenAPI path parameters are required scalars, and a global counts as required (it is
    optional only because the client supplies it) -- and anything else a query parameter.
    Checked against dub-go's tags (same API) and a few operation functions of the public
    repositories: intuned-ts's ``workspaceId`` global and ``projectName``/``jobId`` are path
    parameters, as the rule says; dub-ts's one required query parameter ``url`` (getQRCode)
    comes out ``path`` (all else agrees with dub-go), and so do gusto-ts's few required
    query parameters (``start_date``/``end_date`` of contractor payments, confirmed; likely
    also ``frequency``, ``anchor_pay_date``, ``anchor_end_of_pay_period``, ``search``,
    ``time_off_type``): about 1% of gusto-ts's parameters.
  - ``json``: everything else.
- ``required`` (the API's view): the zod entry is not ``.optional()`` (nor
  ``z.optional(...)``) and has no ``.default(...)`` -- zod then rejects an object without the
  key, and Speakeasy makes exactly the keys the spec does not require optional (a key with a
  spec default gets ``.default(...)``). Inbound wins over outbound when both exist (parsing a
  JSON object is where a key can be missing; the two never disagree in these corpora). One
  exception: ``z.any().optional()`` (``x?: any``) -> None: Speakeasy types every ``any``
  property so, required by the spec or not (dub-ts's ``link`` and ``currency`` are required
  in the docs and in dub-py/dub-go; intuned-ts's ``details`` are not).
- ``nullable``: ``z.nullable(...)``/``.nullable()``/``.nullish()`` on the entry -> True;
  ``z.any()``/``z.unknown()`` (which accept null) -> None; otherwise False.
- Catch-alls: ``collectExtraKeys$(..., "additionalProperties", ...)`` collects unknown keys into
  the ``additionalProperties`` property (the TS type says ``{ [k: string]: any }``); outbound
  schemas declare ``additionalProperties: z.record(z.any()).optional()`` and write
  ``{...v.additionalProperties, ...remap$(v, {..., additionalProperties: null})}``. Such
  properties are not emitted as fields.
- Types without any zod schema (``XGlobals``: SDK-wide parameters such as ``workspaceId``, which
  the operation function sends under the same name) keep their property name as the wire
  name, ``required`` from the TypeScript ``?`` and ``nullable`` from ``| null``.
- Docs whose ``# Heading`` names no object model (a union or enum documented with a field
  table) get no model.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel

# ----------------------------------------------------------------------------- docs (shared)


def _cell_name(cell: str) -> str:
    s = cell.strip()
    s = s.replace("~~", "").replace("`", "")
    s = re.sub(r"\\(.)", r"\1", s)
    s = re.sub(r"<[^>]+>", "", s)  # stray html
    return s.strip()


def _split_row(line: str) -> list[str]:
    # split a markdown table row on unescaped pipes
    s = line.strip()
    s = s.removeprefix("|")
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", s)]


def field_docs(docs_dir: Path) -> list[tuple[str, str, list[tuple[str, bool | None]]]]:
    """Every doc below ``docs_dir`` with a ``## Fields`` table whose first header is ``Field``:
    (path relative to docs_dir, ``# Heading``, [(shown name, Required column)])."""
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"^## Fields[ \t]*$", text, re.MULTILINE)
        if not m:
            continue
        h = re.search(r"^# (.+?)\s*$", text, re.MULTILINE)
        if not h:
            continue
        lines = text[m.end() :].splitlines()
        i = 0
        while i < len(lines) and not lines[i].lstrip().startswith("|"):
            if lines[i].startswith("#"):
                break
            i += 1
        table = []
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            table.append(lines[i])
            i += 1
        if len(table) < 2:
            continue
        header = [c.strip() for c in _split_row(table[0])]
        if not header or header[0] != "Field":
            continue
        req_col = header.index("Required") if "Required" in header else None
        rows = []
        for line in table[2:]:
            cells = _split_row(line)
            name = _cell_name(cells[0]) if cells else ""
            if not name:
                continue
            req = None
            if req_col is not None and req_col < len(cells):
                req = "heavy_check_mark" in cells[req_col]
            rows.append((name, req))
        rel = path.relative_to(docs_dir).as_posix()
        heading = re.sub(r"[`\\]|~~", "", h.group(1)).strip()
        out.append((rel, heading, rows))
    return out


def pick_model(heading: str, doc_rel: str, candidates: dict[str, list], ns_of_doc: str, shown=()):
    """Choose among same-named SDK models (``.namespace``, ``.source``, ``.field_names()``): the
    doc's namespace first, then the most field names in common with the doc's table (a
    namespace can hold two classes of one name in different files), then the file whose stem
    equals the doc's stem, then the first by path."""
    cands = candidates.get(heading, [])
    if not cands:
        return None
    stem = doc_rel.rsplit("/", 1)[-1][:-3].lower().replace("_", "")
    same_ns = [c for c in cands if c.namespace == ns_of_doc] or cands
    shown = set(shown)

    def key(c):
        return (
            -len(shown & set(c.field_names())),
            Path(c.source).stem.lower().replace("_", "") != stem,
            c.source,
        )

    return min(same_ns, key=key)


def doc_namespace(doc_rel: str) -> str:
    """``models/components/x.md`` -> ``components``; ``models/x.md`` -> ``""``."""
    parts = doc_rel.split("/")
    if parts[0] == "models":
        parts = parts[1:]
    return "/".join(parts[:-1])


# ----------------------------------------------------------------------------- TS source


def _strip_comments(src: str) -> str:
    # block comments; line comments only at line starts (no "//" inside strings/urls there)
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.DOTALL)
    return re.sub(r"^\s*//[^\n]*", "", src, flags=re.MULTILINE)


def _match(src: str, i: int) -> int:
    """Index just past the bracket that closes the one at src[i] (strings skipped)."""
    stack = []
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in "\"'`":
            j = i + 1
            while j < n and src[j] != ch:
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "([{":
            stack.append({"(": ")", "[": "]", "{": "}"}[ch])
        elif ch in ")]}":
            if stack and stack[-1] == ch:
                stack.pop()
            if not stack:
                return i + 1
        i += 1
    return n


def _split_top(body: str, sep: str) -> list[str]:
    """Split on ``sep`` at bracket depth 0 (strings skipped)."""
    parts, depth, start, i, n = [], 0, 0, 0, len(body)
    while i < n:
        ch = body[i]
        if ch in "\"'`":
            j = i + 1
            while j < n and body[j] != ch:
                j += 2 if body[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and body.startswith(sep, i):
            parts.append(body[start:i])
            start = i + len(sep)
        i += 1
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def _unquote(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


_PROP = re.compile(r"^(readonly\s+)?(\"[^\"]+\"|'[^']+'|[A-Za-z_$][\w$]*)(\?)?\s*:\s*(.*)$", re.DOTALL)


def _type_props(body: str) -> list[tuple[str, bool, str]]:
    """Properties of a TS object type body: (name, optional, type)."""
    props = []
    for part in _split_top(body, ";"):
        m = _PROP.match(part)
        if m:
            props.append((_unquote(m.group(2)), bool(m.group(3)), m.group(4).strip()))
    return props


class _Schema:
    def __init__(self, entries, remap, catchall_key):
        self.entries = entries  # list of (key, zod expr)
        self.remap = remap  # dict
        self.catchall_key = catchall_key


def _parse_schema(expr: str) -> _Schema | None:
    m = re.search(r"\bz\s*\.\s*object\s*\(\s*\{", expr)
    if not m:
        return None
    ob = m.end() - 1
    end = _match(expr, ob)
    entries = []
    for part in _split_top(expr[ob + 1 : end - 1], ","):
        if part.startswith("..."):
            continue
        km = re.match(r"(\"[^\"]+\"|'[^']+'|[A-Za-z_$][\w$]*)\s*:\s*(.*)$", part, re.DOTALL)
        if km:
            entries.append((_unquote(km.group(1)), km.group(2).strip()))
    remap = {}
    rm = re.search(r"\bremap\$?\s*\(\s*v\s*,\s*\{", expr)
    if rm:
        rb = rm.end() - 1
        rend = _match(expr, rb)
        for part in _split_top(expr[rb + 1 : rend - 1], ","):
            kv = re.match(
                r"(\"[^\"]+\"|'[^']+'|[A-Za-z_$][\w$]*)\s*:\s*(\"[^\"]*\"|'[^']*')$", part.strip(), re.DOTALL
            )
            if kv:
                remap[_unquote(kv.group(1))] = _unquote(kv.group(2))
    cm = re.search(r"collectExtraKeys\$?\s*\(.*?\.catchall\(.*?\)\s*,\s*\"([^\"]+)\"", expr, re.DOTALL)
    sm = re.search(r"\.\.\.v\.([A-Za-z_$][\w$]*)", expr)  # outbound: {...v.additionalProperties, ...}
    catchall = cm.group(1) if cm else sm.group(1) if sm else None
    return _Schema(entries, remap, catchall)


def _zod_flags(expr: str) -> tuple[bool | None, bool | None]:
    """(required, nullable) of one zod entry expression."""
    e = re.sub(r"\s+", "", expr)
    optional = False
    nullable: bool | None = False
    # peel z.optional(...) / z.nullable(...) wrappers and the top-level method chain
    while True:
        m = re.match(r"z\.(optional|nullable|nullish)\(", e)
        if m and _match(e, m.end() - 1) == len(e):
            if m.group(1) in ("optional", "nullish"):
                optional = True
            if m.group(1) in ("nullable", "nullish"):
                nullable = True
            e = e[m.end() : -1]
            continue
        break
    # top-level chain: primary(...)  .a(...).b(...)
    chain = []
    i = 0
    n = len(e)
    # primary: identifiers/dots then a call
    while i < n:
        ch = e[i]
        if ch in "([{":
            i = _match(e, i)
            continue
        if ch == ".":
            mm = re.match(r"\.([A-Za-z_$][\w$]*)", e[i:])
            if mm:
                chain.append(mm.group(1))
                i += mm.end()
                continue
        i += 1
    primary = e.split("(", 1)[0]
    for meth in chain:
        if meth in ("optional", "default", "nullish"):
            optional = True
        if meth in ("nullable", "nullish"):
            nullable = True
    anyish = primary in ("z.any", "z.unknown") or bool(re.match(r"z\.(any|unknown)\(\)", e))
    if nullable is False and anyish:
        nullable = None
    if anyish and optional and "default" not in chain:
        # Speakeasy types every ``any`` property as ``x?: any`` with ``.optional()``,
        # required by the spec or not: the SDK does not say
        return (None, nullable)
    return (not optional, nullable)


class _TsModel:
    def __init__(self, name, namespace, source, props, inbound, outbound, role=None, outbound_props=()):
        self.name = name
        self.namespace = namespace
        self.source = source
        self.props = props
        self.inbound = inbound
        self.outbound = outbound
        self.role = role  # "request" | "response" | "globals" | "security" | None (see _role)
        self.outbound_props = {p[0]: p[2] for p in outbound_props}  # wire -> type in X$Outbound

    def field_names(self):
        return [p[0] for p in self.props]


def _scan_file(path: Path, sdk_dir: Path, models_dir: Path) -> list[_TsModel]:
    src = _strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    types: dict[str, list] = {}
    for m in re.finditer(r"^export type ([A-Za-z_$][\w$]*)\s*=\s*\{", src, re.MULTILINE):
        ob = m.end() - 1
        end = _match(src, ob)
        types[m.group(1)] = _type_props(src[ob + 1 : end - 1])
    classes = re.findall(r"^export class ([A-Za-z_$][\w$]*)\s+extends\b", src, re.MULTILINE)
    schemas: dict[tuple[str, str], _Schema] = {}
    for m in re.finditer(
        r"^export const ([A-Za-z_$][\w$]*)\$(inbound|outbound)Schema\b[^=]*?=", src, re.MULTILINE | re.DOTALL
    ):
        # expression runs to the first ';' at depth 0
        start = m.end()
        i, n, depth = start, len(src), 0
        while i < n:
            ch = src[i]
            if ch in "\"'`":
                j = i + 1
                while j < n and src[j] != ch:
                    j += 2 if src[j] == "\\" else 1
                i = j + 1
                continue
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            elif ch == ";" and depth == 0:
                break
            i += 1
        sch = _parse_schema(src[start:i])
        if sch is not None:
            schemas[(m.group(1), m.group(2))] = sch
    rel_models = path.parent.relative_to(models_dir).as_posix()
    stem = path.stem.lower()
    out = []
    for name in list(types) + classes:
        if name.endswith("$Outbound"):
            continue
        props = types.get(name)
        if name in classes:
            props = types.get(name + "Data", props)
        if props is None:
            continue
        inbound = schemas.get((name, "inbound"))
        outbound = schemas.get((name, "outbound"))
        out.append(
            _TsModel(
                name,
                rel_models,
                path.relative_to(sdk_dir).as_posix(),
                props,
                inbound,
                outbound,
                _role(name, stem, rel_models),
                types.get(name + "$Outbound", ()),
            )
        )
    return out


def _role(name: str, stem: str, namespace: str) -> str | None:
    """What an SDK type is for, from Speakeasy's naming: an operation ``getLinks`` lives in
    ``operations/getlinks.ts`` with its input ``GetLinksRequest`` (parameters and body), its
    output envelope ``GetLinksResponse`` and its SDK-wide parameters ``GetLinksGlobals``; the
    credentials are ``Security`` (``<Op>Security`` for an operation's own)."""
    low = name.lower()
    if namespace.split("/")[0] == "operations":
        for role in ("request", "response", "globals", "security"):
            if low == stem + role:
                return role
    if name == "Security":
        return "security"
    return None


def _param_kind(prop: str, typ: str, expr: str, wire: str, required: bool, is_global: bool) -> str:
    """Where an operation's parameter goes. The models do not record it (the operation
    functions do, which are not in the corpora), so: a type Speakeasy named after the location
    (``HeaderXGustoAPIVersion``, ``GetCustomersQueryParamSortBy``, ``PathParam...``) says it;
    else a name with a dash is a header (``X-Gusto-API-Version``, ``x-gusto-client-ip``); else a
    required single value is a path parameter (OpenAPI path parameters are required scalars;
    a global is optional only because the client supplies it), anything else a query
    parameter."""
    pascal = re.escape(prop[:1].upper() + prop[1:])
    m = re.search(r"(Header|QueryParam|PathParam)" + pascal + r"\b", typ + " " + expr)
    if m:
        return {"Header": "header", "QueryParam": "query", "PathParam": "path"}[m.group(1)]
    if "-" in wire:
        return "header"
    single = "Array<" not in typ and "[]" not in typ
    return "path" if single and (required or is_global) else "query"


def _fields(model: _TsModel) -> tuple[TrueField, ...]:
    catch = {s.catchall_key for s in (model.inbound, model.outbound) if s and s.catchall_key}
    inb = {}
    if model.inbound:
        for key, expr in model.inbound.entries:
            if key in ("request$", "response$", "body$"):
                continue
            inb[model.inbound.remap.get(key, key)] = (key, expr)
    outb = {}
    if model.outbound:
        for key, expr in model.outbound.entries:
            outb[key] = (model.outbound.remap.get(key, key), expr)
    fields = []
    for prop, opt, typ in model.props:
        if prop in catch:
            continue
        if prop in inb:
            wire, expr = inb[prop]
        elif prop in outb:
            wire, expr = outb[prop]
        else:
            wire, expr = prop, None
        if expr is None:
            required, nullable = not opt, bool(re.search(r"\|\s*null\b", typ))
        else:
            required, nullable = _zod_flags(expr)
        if (
            model.role in ("response", "security")
            or re.search(r"\bz\.instanceof\((Response|Request)\)", expr or "")
            or re.search(r"(^|[^\w$.])(components\.)?HTTPMetadata\b", typ)
        ):
            # an operation's response envelope (body members such as ``Ach-Transaction-List``
            # or ``Result``, ``HttpMeta``), HTTP metadata anywhere, and the SDK's credentials
            # (the scheme's header is not in the models): no name on the wire
            kind = "sdk"
        elif model.role == "request" and (
            wire == "RequestBody" or "$Outbound" in model.outbound_props.get(wire, "")
        ):
            kind = "sdk"  # the request body: ``RequestBody``, or named after its schema
        elif model.role in ("request", "globals"):
            kind = _param_kind(prop, typ, expr or "", wire, bool(required), model.role == "globals")
        else:
            kind = "json"
        fields.append(TrueField(prop, wire, required, nullable, kind))
    return tuple(fields)


def _models_dir(sdk_dir: Path) -> Path:
    for p in sorted(sdk_dir.rglob("models")):
        if p.is_dir() and p.parent.name == "src":
            return p
    raise FileNotFoundError(f"no src/models below {sdk_dir}")


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk_dir = corpus_dir / "sdk"
    docs_dir = corpus_dir / "docs"
    models_dir = _models_dir(sdk_dir)
    by_name: dict[str, list[_TsModel]] = {}
    for path in sorted(models_dir.rglob("*.ts")):
        for mod in _scan_file(path, sdk_dir, models_dir):
            by_name.setdefault(mod.name, []).append(mod)
    out = []
    for rel, heading, rows in field_docs(docs_dir):
        mod = pick_model(heading, rel, by_name, doc_namespace(rel), [r[0] for r in rows])
        if mod is None:
            continue
        out.append(TrueModel(doc=rel, name=mod.name, source=mod.source, fields=_fields(mod)))
    return out
