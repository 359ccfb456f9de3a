"""The models of a docs tree as JSON Schema (2020-12, the dialect of OpenAPI 3.1): one schema
per model, named for ``components.schemas``.

What each part of the intermediate model becomes:

* an object model: ``type: object`` with its fields as ``properties`` under their wire
  names (doc order), ``required`` (the keys the doc marks required, whatever their
  default), and ``additionalProperties``: the catch-all's value type where the doc has
  one (``true`` for any value), else ``false`` with ``--extra forbid`` and left out
  (other keys allowed, as JSON Schema's default) with ``ignore`` or ``allow``;
* a field: its type, made nullable by the Python styles' policy
  (:func:`~.python.annotations.is_nullable`: a doc that does not say, under ``--nulls
  lenient``, lets the field be null): ``type: [T, "null"]``, or ``anyOf: [S, {"type":
  "null"}]`` for a reference, enum or constant; its ``description``, ``default`` (kept
  as ``x-doc-default`` if it is not of the field's type: ``{}`` for a list), ``deprecated``
  (the notice, if the doc gives one, as ``x-deprecation-notice``) and ``readOnly``;
* an enum: ``enum`` of its values (with ``x-enum-varnames`` when the doc names every
  member); an open enum, which also takes values the doc does not list, is ``anyOf`` the
  listed values and any value of their type, marked ``x-open-enum: true``;
* a union: where its members carry a tag field of distinct string values, ``oneOf`` them
  with a ``discriminator`` (``propertyName`` and a ``mapping`` of each tag value to its
  member's schema); else ``anyOf`` them, for members may overlap (``[]`` is a list of any
  of them), as does a union inside a field's type;
* a model whose doc says nothing of what it holds: ``{}`` (any value), with its description;
* primitives: ``string``, ``integer`` (no ``format``: the docs do not say how wide),
  ``number`` (``format: decimal`` for decimals), ``boolean``, ``null``; ``format:
  date-time`` and ``date``; ``format: byte`` (base64) for byte arrays and ``format:
  binary`` for files and streams; any value is ``{}``; a constant is ``const``. A type the
  doc spells its own way keeps that spelling as ``x-doc-type`` (``bigint``, ``Response``).

Every schema says which doc it came from (``x-gen-models-doc``).

Component names are the models' names, made of letters, digits and ``_``: names that more
than one model has (ignoring case) are prefixed with the name of their doc's directory
(``components_Status``, ``operations_Status``), and any that still collide get ``_2``,
``_3``... in doc-key order, so every run names them alike.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from .. import ir
from ..options import Extra, Options
from ..resolve import Tree
from .python.annotations import is_nullable
from .python.naming import unique

Schema = dict[str, Any]

REF = "#/components/schemas/"
"""Where a component schema is referred to from."""

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]+")

_FORMATS = {"Decimal": "decimal", "UUID": "uuid"}
"""A primitive's doc spelling (its note) that says a JSON Schema format."""

_BYTE_ARRAYS = frozenset({"", "[]byte", "byte[]", "Uint8Array", "Uint8List", "bytearray"})
"""Bytes noted so are an array of bytes in the JSON (base64); other bytes are a file or stream."""

_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null"}

_NULL: Schema = {"type": "null"}


def component_names(models: tuple[ir.Model, ...]) -> dict[str, str]:
    """Each model's ``components.schemas`` name, by model key: readable, distinct (also
    ignoring case), the same every run."""
    plain = {m.key: _identifier(m.name) for m in models}
    count: dict[str, int] = {}
    for name in plain.values():
        count[name.lower()] = count.get(name.lower(), 0) + 1
    qualified = []
    for model in models:
        name = plain[model.key]
        directory = posixpath.basename(posixpath.dirname(model.key))
        if count[name.lower()] > 1 and directory:
            name = f"{_identifier(directory)}_{name}"
        qualified.append(name)
    return dict(zip((m.key for m in models), unique(qualified, fold_case=True)))


def _identifier(text: str) -> str:
    return _NOT_NAME.sub("_", text).strip("_") or "Model"


class Schemas:
    """JSON Schemas of one tree's models, referring to each other by component name."""

    def __init__(self, tree: Tree, names: dict[str, str], options: Options) -> None:
        self.tree = tree
        self.names = names
        self.options = options

    def model(self, model: ir.Model) -> Schema:
        """A model's component schema."""
        schema: Schema = {"description": model.description} if model.description else {}
        if isinstance(model, ir.ObjectModel):
            schema.update(self._object(model))
        elif isinstance(model, ir.EnumModel):
            schema.update(_enum(model))
        elif isinstance(model, ir.UnionModel):
            schema.update(self._union(model))
        schema["x-gen-models-doc"] = model.key
        return schema

    def ref(self, key: str) -> str:
        """The reference to a model's component schema."""
        return REF + self.names[key]

    def _object(self, model: ir.ObjectModel) -> Schema:
        schema: Schema = {"type": "object"}
        if model.fields:
            schema["properties"] = {f.name: self.field(f) for f in model.fields}
        required = [f.name for f in model.fields if f.required]
        if required:
            schema["required"] = required
        if model.extra is not None:
            schema["additionalProperties"] = self.node(model.extra) or True
        elif self.options.extra is Extra.FORBID:
            schema["additionalProperties"] = False
        return schema

    def field(self, field: ir.Field) -> Schema:
        """A property's schema: its type (nullable by the policy), and what the doc says of it."""
        schema = self.node(field.type)
        if is_nullable(field, self.options):
            schema = nullable(schema)
        if field.description:
            schema["description"] = field.description
        if field.default is not None and _is_json(field.default.value):
            value = field.default.value
            fits = (value is None and _takes_null(schema)) or self.fits(value, field.type)
            schema["default" if fits else "x-doc-default"] = value
        if field.deprecated is not None:
            schema["deprecated"] = True
            if field.deprecated:
                schema["x-deprecation-notice"] = field.deprecated
        if field.read_only:
            schema["readOnly"] = True
        return schema

    def fits(self, value: object, node: ir.TypeNode, depth: int = 0) -> bool:
        """The value is one of the type (objects' fields unchecked): a default that is not
        (``{}`` for a list) is kept apart, as ``x-doc-default``, for the document to be valid."""
        if isinstance(node, ir.Primitive):
            return _is_kind(value, node.kind)
        if isinstance(node, ir.Literal):
            return type(value) is type(node.value) and value == node.value
        if isinstance(node, ir.ArrayOf):
            return isinstance(value, list) and all(self.fits(v, node.item, depth) for v in value)
        if isinstance(node, ir.MapOf):
            return isinstance(value, dict) and all(self.fits(v, node.value, depth) for v in value.values())
        if isinstance(node, ir.UnionOf):
            return any(self.fits(value, m, depth) for m in node.members)
        assert node.doc is not None, node
        target = self.tree.by_key[node.doc]
        if isinstance(target, ir.EnumModel):
            values = [m.value for m in target.members]
            known = any(type(value) is type(v) and value == v for v in values)
            kinds = _types(_value_type(values))
            of_type = _JSON_TYPES.get(type(value)) in kinds or (type(value) is int and "number" in kinds)
            return known or (target.open and of_type)
        if isinstance(target, ir.UnionModel):
            return depth < 20 and any(self.fits(value, m, depth + 1) for m in target.members)
        return isinstance(value, dict) if isinstance(target, ir.ObjectModel) else True

    def _union(self, model: ir.UnionModel) -> Schema:
        """``oneOf`` with a discriminator where a tag tells the members apart; else ``anyOf``:
        members may overlap (``[]`` is a list of either model), and a value of more than one
        of them is still a value of the union, as the SDKs read it."""
        members = [self.node(m) for m in model.members]
        tags = model.discriminator
        if tags is None or not all(isinstance(v, str) for _, values in tags.values for v in values):
            return {"anyOf": members}
        mapping = {str(v): self.ref(key) for key, values in tags.values for v in values}
        return {"oneOf": members, "discriminator": {"propertyName": tags.field, "mapping": mapping}}

    def node(self, node: ir.TypeNode) -> Schema:
        """A type's schema (a new dict: the caller may add to it)."""
        if isinstance(node, ir.Primitive):
            return _primitive(node)
        if isinstance(node, ir.Ref):
            assert node.doc is not None, node
            return {"$ref": self.ref(node.doc)}
        if isinstance(node, ir.Literal):
            return _const(node.value)
        if isinstance(node, ir.ArrayOf):
            return {"type": "array", "items": self.node(node.item)}
        if isinstance(node, ir.MapOf):
            value = self.node(node.value)
            return {"type": "object", "additionalProperties": value or True}
        if isinstance(node, ir.UnionOf):
            return self._anonymous_union(node)
        raise AssertionError(node)

    def _anonymous_union(self, node: ir.UnionOf) -> Schema:
        """A union in a field's type: any value if a member is, one ``enum`` if every member
        is a constant, else ``anyOf`` the members."""
        if any(isinstance(m, ir.Primitive) and m.kind is ir.Kind.ANY for m in node.members):
            return {}
        if all(isinstance(m, ir.Literal) for m in node.members):
            values = [m.value for m in node.members if isinstance(m, ir.Literal)]
            return {**_value_type(values), "enum": values}
        return {"anyOf": [self.node(m) for m in node.members]}


def nullable(schema: Schema) -> Schema:
    """A schema that also takes ``null``."""
    if _takes_null(schema):
        return schema
    kind = schema.get("type")
    if isinstance(kind, str) and not ({"enum", "const"} & schema.keys()):
        return {**schema, "type": [kind, "null"]}
    if list(schema) == ["anyOf"]:
        return {"anyOf": [*schema["anyOf"], _NULL]}
    return {"anyOf": [schema, _NULL]}


def _takes_null(schema: Schema) -> bool:
    """Any value at all (no keyword that validates), or one of them null."""
    if not schema.keys() & {"type", "enum", "const", "anyOf", "oneOf", "$ref"}:
        return True
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind and "enum" not in schema):
        return True
    return list(schema) == ["anyOf"] and any(_takes_null(m) for m in schema["anyOf"])


def _types(schema: Schema) -> list[str]:
    """The schema's ``type`` keyword, as a list."""
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _is_kind(value: object, kind: ir.Kind) -> bool:
    if kind is ir.Kind.ANY:
        return True
    if kind is ir.Kind.NONE:
        return value is None
    if kind is ir.Kind.BOOL:
        return isinstance(value, bool)
    if kind is ir.Kind.INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is ir.Kind.FLOAT:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, str)


def _primitive(node: ir.Primitive) -> Schema:
    kind, note = node.kind, node.note
    schema: Schema
    if kind is ir.Kind.ANY:
        schema = {}
    elif kind is ir.Kind.STR:
        schema = {"type": "string"}
    elif kind is ir.Kind.INT:
        schema = {"type": "integer"}
    elif kind is ir.Kind.FLOAT:
        schema = {"type": "number"}
    elif kind is ir.Kind.BOOL:
        schema = {"type": "boolean"}
    elif kind is ir.Kind.NONE:
        schema = {"type": "null"}
    elif kind is ir.Kind.DATETIME:
        schema = {"type": "string", "format": "date-time"}
    elif kind is ir.Kind.DATE:
        schema = {"type": "string", "format": "date"}
    else:
        assert kind is ir.Kind.BYTES, kind
        schema = {"type": "string", "format": "byte" if note in _BYTE_ARRAYS else "binary"}
    if note in _FORMATS and "type" in schema and "format" not in schema:
        schema["format"] = _FORMATS[note]
    elif note:
        schema["x-doc-type"] = note
    return schema


def _const(value: ir.Scalar) -> Schema:
    if value is None:
        return dict(_NULL)
    return {**_value_type([value]), "const": value}


def _value_type(values: list[Any]) -> Schema:
    """``type``: the JSON type of the values, or the list of them if they differ."""
    kinds = sorted({_JSON_TYPES.get(type(v), "string") for v in values})
    if "integer" in kinds and "number" in kinds:
        kinds.remove("integer")
    return {"type": kinds[0] if len(kinds) == 1 else kinds}


def _enum(model: ir.EnumModel) -> Schema:
    values = [m.value for m in model.members]
    schema: Schema = {**_value_type(values), "enum": values}
    names = [m.name for m in model.members]
    if all(names) and len(set(names)) == len(names):
        schema["x-enum-varnames"] = names
    if not model.open:
        return schema
    return {"anyOf": [schema, _value_type(values)], "x-open-enum": True}


def _is_json(value: object) -> bool:
    """The value can be written as JSON (finite numbers, string keys)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True
