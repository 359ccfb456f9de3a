"""Truth reader for Python SDKs from OpenAPI Generator (``python``, pydantic v2) and
swagger-codegen 2.x (``python``): airflow-py, aspose-pdf-py-swagger.

Which generator wrote a model file is detected per file: ``swagger_types = {`` means
swagger-codegen, ``class X(BaseModel)`` means OpenAPI Generator.

OpenAPI Generator (pydantic v2), read with :mod:`ast`:

- Fields are the class's annotated assignments, minus ``ClassVar`` members and
  ``model_config``. ``shown`` is the Python attribute name (the doc shows it); ``wire`` is
  ``Field(alias=...)`` when given (``var_schema`` -> ``schema``, ``type`` -> ``__type``),
  else the attribute name. The ``__properties`` ClassVar lists the wire names.
- ``required``: the spec's ``required`` list: the generator gives every optional field a
  default (``= None``, or ``Field(default=...)``) and none to a required one (no
  ``= value``, or ``Field(...)`` without ``default``/``default_factory`` or with ``...`` as
  its default), whose type is ``Optional[...]`` when the spec also declares it nullable.
  So required = no default. (``from_dict`` is more lenient: it passes ``obj.get(key)`` for
  every field, so a missing key becomes None, which pydantic rejects only for the
  required fields whose type is not ``Optional[...]``.)
- ``nullable``: True when ``to_dict`` has the generator's "set to None if x (nullable) is
  None" block for the field, or a required field is typed ``Optional[...]``; else False.
- Additional properties: ``additional_properties: Dict[str, Any] = {}``, filled by
  ``from_dict`` with the keys not in ``__properties``; not a field.
- oneOf/anyOf wrappers (``actual_instance`` plus ``oneof_schema_N_validator`` /
  ``anyof_schema_N_validator``) have no fields of their own, yet their docs list the
  properties of the member schemas. Their fields are the union of the member models'
  fields (first occurrence wins for the wire name); ``required`` is True when every object
  member requires the key, False when no member that has it requires it, else None (the
  answer depends on the variant).

swagger-codegen 2.x, read with :mod:`ast`:

- Fields are the ``swagger_types`` keys; ``wire`` is ``attribute_map[name]``.
- ``required``: the spec's ``required`` list, which ``__init__`` declares: it assigns a
  required attribute unconditionally (``self.x = x``) and an optional one only
  ``if x is not None``. The generated setter of a required attribute also raises
  ``ValueError`` when given None (``if x is None: raise ValueError(...)``), so a missing
  key raises, the deserialiser passing only the keys present. Required = either. (Two
  setters in aspose-pdf-py-swagger, ``SoundAnnotation.file_path`` and
  ``Signature.signature_path``, lack that check though ``__init__`` assigns them
  unconditionally and their docs show them required: required, with a lenient setter.)
  ``nullable`` is None (the SDK does not say).
- No additional-properties member.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables, union_fields

_CLASS = re.compile(r"^class (\w+)\(", re.M)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    classes: dict[str, Path] = {}
    for path in sorted(sdk.rglob("*.py")):
        if path.parent.name != "models":
            continue
        for name in _CLASS.findall(path.read_text(encoding="utf-8")):
            classes.setdefault(name, path)
    parsed: dict[str, tuple | None] = {}

    def model(name: str):
        if name not in parsed:
            parsed[name] = None
            if name in classes:
                parsed[name] = _parse(classes[name], name)
        return parsed[name]

    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        got = model(name)
        if got is None:
            continue
        kind, fields = got
        if kind == "union":
            fields = union_fields(fields, model)
        models.append(TrueModel(doc, name, classes[name].relative_to(sdk).as_posix(), tuple(fields)))
    return models


def _parse(path: Path, name: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    cls = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name)
    assigns = {
        t.id: n.value
        for n in cls.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    if "swagger_types" in assigns:
        return "fields", _swagger(cls, assigns)
    return _pydantic(cls, ast.unparse(cls))


def _swagger(cls: ast.ClassDef, assigns: dict) -> list[TrueField]:
    types = ast.literal_eval(assigns["swagger_types"])
    wire = ast.literal_eval(assigns["attribute_map"])
    required = set()
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == "__init__":
            required.update(  # ``self.x = x`` directly in the body, not under an ``if``
                t.attr
                for stmt in node.body
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Name)
                for t in stmt.targets
                if isinstance(t, ast.Attribute)
                and isinstance(t.value, ast.Name)
                and t.value.id == "self"
                and t.attr == stmt.value.id
            )
        elif isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Attribute) and d.attr == "setter" for d in node.decorator_list
        ):
            src = ast.unparse(node)
            if re.search(rf"if {node.name} is None:\s*raise ValueError", src):
                required.add(node.name)
    return [TrueField(n, wire[n], n in required, None) for n in types]


def _pydantic(cls: ast.ClassDef, src: str):
    members = []
    for node in cls.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            members.append(node)
        elif isinstance(node, ast.If):  # `if TYPE_CHECKING: actual_instance: ...`
            members += [n for n in node.body if isinstance(n, ast.AnnAssign)]
    names = [m.target.id for m in members]
    if "actual_instance" in names:
        union = [
            re.fullmatch(r"Optional\[(\w+)\]", ast.unparse(m.annotation))
            for m in members
            if re.match(r"(one|any)of_schema_\d+_validator$", m.target.id)
        ]
        return "union", [u.group(1) for u in union if u]
    nullable = set(re.findall(r"if self\.(\w+) is None and '\w+' in self\.model_fields_set", src))
    extra = "additional_properties" in names and "_obj.additional_properties[" in src
    fields = []
    for m in members:
        attr = m.target.id
        ann = ast.unparse(m.annotation)
        if (
            attr == "model_config"
            or ann.startswith("ClassVar")
            or (extra and attr == "additional_properties")
        ):
            continue
        wire, required = attr, m.value is None
        if isinstance(m.value, ast.Call) and ast.unparse(m.value.func) == "Field":
            kw = {k.arg: k.value for k in m.value.keywords}
            if "alias" in kw:
                wire = ast.literal_eval(kw["alias"])
            has_default = "default" in kw or "default_factory" in kw
            if m.value.args:
                has_default = not (
                    isinstance(m.value.args[0], ast.Constant) and m.value.args[0].value is Ellipsis
                )
            required = not has_default
        optional = ann.startswith("Optional[")
        fields.append(TrueField(attr, wire, required, attr in nullable or (required and optional)))
    return "fields", fields
