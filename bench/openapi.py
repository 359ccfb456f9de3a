"""An OpenAPI 3 document with the models a docs tree documents, built from gen-models'
reading of the docs, so that datamodel-code-generator can make the same models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import generate
from generator.core import ir
from generator.core.outputs.python.naming import plan as plan_names

_PRIMITIVES: dict[ir.Kind, dict[str, Any]] = {
    ir.Kind.STR: {"type": "string"},
    ir.Kind.INT: {"type": "integer"},
    ir.Kind.FLOAT: {"type": "number"},
    ir.Kind.BOOL: {"type": "boolean"},
    ir.Kind.ANY: {},
    ir.Kind.BYTES: {"type": "string", "format": "binary"},
    ir.Kind.DATETIME: {"type": "string", "format": "date-time"},
    ir.Kind.DATE: {"type": "string", "format": "date"},
    ir.Kind.NONE: {"nullable": True},
}


def openapi_from_docs(source: Path) -> dict[str, Any]:
    tree = generate(source).tree
    names = plan_names(tree.models)
    taken: dict[str, int] = {}
    schema_names = {}
    for model in tree.models:  # the same heading in two packages: two schemas
        base = names[model.key].cls
        taken[base] = taken.get(base, 0) + 1
        schema_names[model.key] = base if taken[base] == 1 else f"{base}{taken[base]}"

    def schema(node: ir.TypeNode) -> dict[str, Any]:
        if isinstance(node, ir.Primitive):
            return dict(_PRIMITIVES[node.kind])
        if isinstance(node, ir.Literal):
            return {"enum": [node.value]}
        if isinstance(node, ir.ArrayOf):
            return {"type": "array", "items": schema(node.item)}
        if isinstance(node, ir.MapOf):
            return {"type": "object", "additionalProperties": schema(node.value)}
        if isinstance(node, ir.UnionOf):
            return {"oneOf": [schema(m) for m in node.members]}
        assert node.doc is not None
        return {"$ref": f"#/components/schemas/{schema_names[node.doc]}"}

    schemas: dict[str, Any] = {}
    for model in tree.models:
        entry: dict[str, Any] = {"description": model.description} if model.description else {}
        if isinstance(model, ir.ObjectModel):
            entry |= {"type": "object", "properties": {}}
            for field in model.fields:
                entry["properties"][field.name] = schema(field.type) | (
                    {"description": field.description} if field.description else {}
                )
            required = [f.name for f in model.fields if f.required]
            if required:
                entry["required"] = required
        elif isinstance(model, ir.EnumModel):
            entry |= {"enum": [m.value for m in model.members]}
        elif isinstance(model, ir.UnionModel):
            entry |= {"oneOf": [schema(m) for m in model.members]}
        schemas[schema_names[model.key]] = entry
    return {
        "openapi": "3.0.3",
        "info": {"title": "models", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
