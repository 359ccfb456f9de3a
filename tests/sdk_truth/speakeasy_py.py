"""Truth reader for Speakeasy Python SDKs (dub-py, glean-py, mistral-py).

The SDK's models are pydantic ``BaseModel`` classes in ``src/<package>/models/**.py`` (parsed
with :mod:`ast`, never imported); each has a ``...TypedDict`` twin, which is ignored. Error
models are ``@dataclass class X(<Sdk>Error)`` wrappers whose JSON body is the model ``XData``;
a doc of ``X`` is read from ``XData``.

Rules, per annotated class attribute ``name: <annotation> [= default]``:

- ``shown``: the attribute name (what the docs show).
- ``wire``: ``alias=`` of a ``pydantic.Field(...)`` inside ``Annotated[...]``, else the attribute
  name (pydantic (de)serialises by alias, and the SDK's ``serialize_model`` emits
  ``f.alias or n``; its parameter and form encoders use the same name); for credentials the
  ``field_name`` of an ``apiKey`` scheme's ``SecurityMetadata``.
- ``kind``, from the ``FieldMetadata(...)`` that the SDK's request builder reads:
  ``query=``/``path=``/``header=`` -> ``query``/``path``/``header``; ``multipart=`` -> ``form``
  (form fields, and a file's ``fileName``, ``content`` (alias ``""``) and ``Content-Type``);
  ``security=SecurityMetadata(scheme_type="apiKey", ...)`` -> ``header`` (``query`` for
  ``sub_type="query"``), but ``scheme_type="http"`` (bearer: the SDK sends
  ``Authorization: Bearer <token>``, the member has no name of its own) -> ``sdk``;
  ``request=RequestMetadata(...)`` (the attribute holding the whole request body, such as
  ``request_body``) -> ``sdk``. Without ``FieldMetadata``: ``json``, except in a pager's
  response envelope (a class with a ``Callable`` ``next``: ``GetLinksResponse.result``), whose
  members are the response body -> ``sdk``.
- ``required`` (the API's view): the attribute has no default (neither ``= value`` nor
  ``default=`` / ``default_factory=`` in ``pydantic.Field``). Speakeasy gives a default to
  exactly the attributes the spec does not require (the serializer's ``optional_fields``), and
  pydantic rejects input without the others. So ``Optional[T] = None``,
  ``OptionalNullable[T] = UNSET`` and constants such as ``Optional[Literal["agent"]] = "agent"``
  are not required, ``Nullable[T]`` without default (a required, nullable key) is. Parameters
  follow the same rule (``Optional[str] = None`` is an optional query parameter).
  One exception: a constant that is not ``Optional`` (``type: Annotated[Literal["x"],
  AfterValidator(validate_const("x"))] = "x"``, mistral-py's discriminators) counts as required:
  pydantic would fill it in when absent, but the serializer always sends it (it is not in
  ``optional_fields``), the TypedDict declares it required and the API requires it.
- ``nullable``: the annotation (inside ``Annotated``) is ``Nullable[...]`` or
  ``OptionalNullable[...]`` (the types the serializer lists in ``nullable_fields`` and may send
  as ``null``) -> True; plain ``Any`` -> None; anything else (``Optional[T]`` means only "may be
  absent": the serializer drops a ``None`` of an optional, non-nullable field) -> False.
- Catch-alls: ``__pydantic_extra__: Dict[str, T] = pydantic.Field(init=False)`` with
  ``model_config = ConfigDict(extra="allow")`` (exposed as the ``additional_properties``
  property); dunder attributes are not fields and are not emitted.
- ``Callable`` attributes (the pagination ``next`` of list responses) are not fields.
- Inherited fields of a BaseModel parent defined in the models package come first.
"""

from __future__ import annotations

import ast
from pathlib import Path

from . import TrueField, TrueModel
from .speakeasy_ts import doc_namespace, field_docs, pick_model

_NULLABLE = {"Nullable", "OptionalNullable"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _unwrap(ann: ast.AST) -> tuple[ast.AST, list[ast.Call]]:
    """Peel ``Annotated[T, meta...]`` (nested): (T, metadata calls)."""
    metas: list[ast.Call] = []
    while isinstance(ann, ast.Subscript) and _name(ann.value) == "Annotated":
        sl = ann.slice
        elts = sl.elts if isinstance(sl, ast.Tuple) else [sl]
        metas.extend(e for e in elts[1:] if isinstance(e, ast.Call))
        ann = elts[0]
    return ann, metas


def _field_kw(metas: list[ast.Call], kw: str):
    for call in metas:
        if _name(call.func) == "Field":
            for k in call.keywords:
                if k.arg == kw:
                    return k.value
    return None


class _PyModel:
    def __init__(self, name, namespace, source, node, bases, kind):
        self.name = name
        self.namespace = namespace
        self.source = source
        self.node = node
        self.bases = bases
        self.kind = kind  # "model" | "error" | "other"

    def own_fields(self) -> list[TrueField]:
        out = []
        # a pager's response envelope (``result`` next to the ``next`` callable): its data
        # members are the response body, which has no name on the wire
        pager = any(
            isinstance(st, ast.AnnAssign)
            and "Callable" in {_name(n) for n in ast.walk(_unwrap(st.annotation)[0])}
            for st in self.node.body
        )
        for st in self.node.body:
            if not (isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name)):
                continue
            attr = st.target.id
            if attr.startswith("__"):
                continue
            inner, metas = _unwrap(st.annotation)
            alias = _field_kw(metas, "alias")
            wire = alias.value if isinstance(alias, ast.Constant) and isinstance(alias.value, str) else attr
            has_default = (
                st.value is not None
                or _field_kw(metas, "default") is not None
                or _field_kw(metas, "default_factory") is not None
            )
            head = _name(inner.value) if isinstance(inner, ast.Subscript) else _name(inner)
            if "Callable" in {_name(n) for n in ast.walk(inner)}:
                continue  # the pager's ``next`` (sync or async callables): not data
            const = any(_name(c.func) == "AfterValidator" for c in metas)
            if has_default and const and head not in ("Optional", "OptionalNullable"):
                has_default = False  # a constant the serializer always sends (see docstring)
            if head in _NULLABLE:
                nullable = True
            elif head == "Any":
                nullable = None
            else:
                nullable = False
            kind, named = _kind(metas)
            if pager and kind == "json":
                kind = "sdk"
            out.append(TrueField(attr, named or wire, not has_default, nullable, kind))
        return out


def _kind(metas: list[ast.Call]) -> tuple[str, str | None]:
    """The kind of name on the wire that ``FieldMetadata(...)`` declares, and the name when the
    metadata gives one (a security scheme's header)."""
    for call in metas:
        if _name(call.func) != "FieldMetadata":
            continue
        for k in call.keywords:
            if k.arg in ("query", "path", "header"):
                return k.arg, None
            if k.arg == "multipart":
                return "form", None  # a multipart form field (incl. a file's content/Content-Type)
            if k.arg == "request":
                return "sdk", None  # the whole request body
            if k.arg == "security" and isinstance(k.value, ast.Call):
                kw = {x.arg: getattr(x.value, "value", None) for x in k.value.keywords}
                if kw.get("scheme_type") != "apiKey":
                    return "sdk", None  # http bearer/basic: ``Authorization: Bearer <token>``
                where = "query" if kw.get("sub_type") == "query" else "header"
                name = kw.get("field_name")
                return where, name if isinstance(name, str) else None
    return "json", None


def _models_dir(sdk_dir: Path) -> Path:
    cands = sorted(p for p in sdk_dir.rglob("models") if p.is_dir() and (p / "__init__.py").exists())
    if not cands:
        raise FileNotFoundError(f"no models package below {sdk_dir}")
    return min(cands, key=lambda p: len(p.parts))


def _scan(models_dir: Path, sdk_dir: Path) -> dict[str, list[_PyModel]]:
    by_name: dict[str, list[_PyModel]] = {}
    for path in sorted(models_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        ns = path.parent.relative_to(models_dir).as_posix()
        ns = "" if ns == "." else ns
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases = [_name(b) for b in node.bases]
                mod = _PyModel(node.name, ns, path.relative_to(sdk_dir).as_posix(), node, bases, "other")
                by_name.setdefault(node.name, []).append(mod)
    # BaseModel-ness, transitively through parents defined in the package
    memo: dict[int, bool] = {}

    def is_model(m: _PyModel, depth=0) -> bool:
        if id(m) in memo:
            return memo[id(m)]
        res = False
        if "TypedDict" not in m.bases:
            for b in m.bases:
                if b == "BaseModel" or (
                    depth < 10 and any(is_model(p, depth + 1) for p in by_name.get(b, []) if p is not m)
                ):
                    res = True
                    break
        memo[id(m)] = res
        return res

    for mods in by_name.values():
        for m in mods:
            if is_model(m):
                m.kind = "model"
            elif any(b.endswith("Error") for b in m.bases) and any(
                d.kind != "other" or "BaseModel" in d.bases for d in by_name.get(m.name + "Data", [])
            ):
                m.kind = "error"
    return by_name


def _fields(m: _PyModel, by_name: dict[str, list[_PyModel]], depth=0) -> list[TrueField]:
    out: list[TrueField] = []
    for b in m.bases:
        parents = [p for p in by_name.get(b, []) if p.kind == "model" and p is not m]
        if parents and depth < 10:
            out.extend(
                _fields(
                    min(parents, key=lambda p: (p.namespace != m.namespace, p.source)), by_name, depth + 1
                )
            )
    own = m.own_fields()
    names = {f.shown for f in own}
    return [f for f in out if f.shown not in names] + own


class _Cand:
    """A documented class: the model itself or, for an error, its ``XData`` body."""

    def __init__(self, shown: _PyModel, body: _PyModel, by_name):
        self.name = shown.name
        self.namespace = shown.namespace
        self.source = body.source
        self.fields = tuple(_fields(body, by_name))

    def field_names(self):
        return [f.shown for f in self.fields]


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk_dir = corpus_dir / "sdk"
    by_name = _scan(_models_dir(sdk_dir), sdk_dir)
    cands: dict[str, list[_Cand]] = {}
    for name, mods in by_name.items():
        for m in mods:
            if m.kind == "model":
                cands.setdefault(name, []).append(_Cand(m, m, by_name))
            elif m.kind == "error":
                data = [d for d in by_name[name + "Data"] if d.kind == "model"]
                data.sort(key=lambda d: (d.source != m.source, d.source))
                cands.setdefault(name, []).append(_Cand(m, data[0], by_name))
    out = []
    for rel, heading, rows in field_docs(corpus_dir / "docs"):
        c = pick_model(heading, rel, cands, doc_namespace(rel), [r[0] for r in rows])
        if c is None:
            continue
        out.append(TrueModel(doc=rel, name=c.name, source=c.source, fields=c.fields))
    return out
