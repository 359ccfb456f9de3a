"""What a linked tree's types imply, worked out once every reference is linked
(:func:`generator.core.resolve.resolve` runs these in turn): unions without a base case,
defaults as enum members, discriminated unions, recursive type aliases.

Pure, as resolving is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec.structs import replace

from . import ir
from .diagnostics import Diagnostic, error, warning
from .tree import Tree, tag_values


def grounded_unions(models: list[ir.Model], diagnostics: list[Diagnostic]) -> list[ir.Model]:
    """Unions without themselves as a member (``U = A | U`` is ``A | ...``), and a union with
    no member but unions that list it back (``U = V``, ``V = U``: no value is one) an error,
    typed ``Any`` (written only if the run keeps going)."""
    unions = {m.key: m for m in models if isinstance(m, ir.UnionModel) and m.members}

    def union_member(node: ir.TypeNode) -> str | None:
        return node.doc if isinstance(node, ir.Ref) and node.doc in unions else None

    grounded = {k for k, m in unions.items() if any(union_member(n) is None for n in m.members)}
    growing = True
    while growing:
        more = {
            k
            for k, m in unions.items()
            if k not in grounded and any(union_member(n) in grounded for n in m.members)
        }
        grounded |= more
        growing = bool(more)
    out: list[ir.Model] = []
    for model in models:
        if isinstance(model, ir.UnionModel) and model.key in unions:
            members = tuple(n for n in model.members if union_member(n) != model.key)
            if model.key not in grounded:
                names = ", ".join(sorted({unions[k].name for n in model.members if (k := union_member(n))}))
                diagnostics.append(
                    error(
                        model.location,
                        f"{model.name} lists only unions that list it back ({names}): no type is one",
                    )
                )
                members = (ir.Primitive(ir.Kind.ANY, model.name),)
            if members != model.members:
                model = replace(model, members=members)
        out.append(model)
    return out


def enum_defaults(tree: Tree, diagnostics: list[Diagnostic]) -> list[ir.Model]:
    """Defaults of enum-typed fields as the enum's members (:attr:`ir.Default.member`): a
    named member found by its name or value, a value by its value; a default that is no
    member is dropped, with a warning."""
    out: list[ir.Model] = []
    for model in tree.models:
        if isinstance(model, ir.ObjectModel) and any(f.default is not None for f in model.fields):
            fields = tuple(_enum_default(tree, f, diagnostics) for f in model.fields)
            if any(a is not b for a, b in zip(fields, model.fields)):
                model = replace(model, fields=fields)
        out.append(model)
    return out


def _enum_default(tree: Tree, field: ir.Field, diagnostics: list[Diagnostic]) -> ir.Field:
    default = field.default
    if default is None:
        return field
    nodes = field.type.members if isinstance(field.type, ir.UnionOf) else (field.type,)
    enums = [t for n in nodes if isinstance(n, ir.Ref) and isinstance(t := tree.target(n), ir.EnumModel)]
    literals = [n.value for n in nodes if isinstance(n, ir.Literal)]
    values: list[ir.Scalar]
    if len(enums) == 1 and not literals:
        values = [m.value for m in enums[0].members]
        names = [m.name for m in enums[0].members]
        where = f"a member of {enums[0].name}"
    elif literals and not enums:
        values, names, where = literals, [None] * len(literals), "one of the field's values"
    elif default.named:
        why = (
            f"default {default.value!r} names a member whose value the docs do not give:"
            " no default (the API applies its own)"
        )
        diagnostics.append(warning(field.location, why))
        return replace(field, default=None)
    else:
        return field
    found = _member(default, values, names)
    if found is None:
        why = f"default {default.value!r} is not {where}: no default (the API applies its own)"
        diagnostics.append(warning(field.location, why))
        return replace(field, default=None)
    return replace(field, default=ir.Default(found, member=bool(enums)))


def _member(
    default: ir.Default, values: Sequence[ir.Scalar], names: Sequence[str | None]
) -> ir.Scalar | None:
    """The value a default stands for: the value itself; for a named one, the value whose
    own or member name ends the name written (``Order.desc``, ``KEYSTATUS_KEY_STATUS_ACTIVE``,
    ``PropertySize._1024x1024``), the longest if several do."""
    if not default.named:
        same = [v for v in values if v == default.value and type(v) is type(default.value)]
        return same[0] if same else None
    written = _alnum(str(default.value))
    found: list[tuple[int, ir.Scalar]] = []
    for value, name in zip(values, names):
        ends = [len(a) for a in (_alnum(str(value)), _alnum(name or "")) if a and written.endswith(a)]
        if ends:
            found.append((max(ends), value))
    found.sort(key=lambda f: -f[0])
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None
    return found[0][1]


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def discriminate(tree: Tree) -> Tree:
    """Find unions whose object members carry a tag field of distinct values."""
    tags: dict[str, set[str]] = {}
    models: list[ir.Model] = []
    for model in tree.models:
        if isinstance(model, ir.UnionModel):
            found = _discriminator(tree, model)
            if found is not None:
                for key, _ in found.values:
                    tags.setdefault(key, set()).add(found.field)
                model = replace(model, discriminator=found)
        models.append(model)
    out = []
    for model in models:
        if isinstance(model, ir.ObjectModel) and model.key in tags:
            fields = tuple(
                replace(f, is_tag=True) if f.name in tags[model.key] and not f.is_tag else f
                for f in model.fields
            )
            model = replace(model, fields=fields)
        out.append(model)
    return Tree.of(out)


def _discriminator(tree: Tree, union: ir.UnionModel) -> ir.Discriminator | None:
    """A required field that every member has, whose value sets do not overlap."""
    members: list[ir.ObjectModel] = []
    for node in union.members:
        if not isinstance(node, ir.Ref) or node.doc is None:
            return None
        target = tree.target(node)
        if not isinstance(target, ir.ObjectModel) or any(m.key == target.key for m in members):
            return None
        members.append(target)
    if len(members) < 2:
        return None
    for candidate in members[0].fields:
        values: list[tuple[str, tuple[ir.Scalar, ...]]] = []
        seen: set[str] = set()
        for member in members:
            field = next((f for f in member.fields if f.name == candidate.name), None)
            these = tag_values(tree, field) if field is not None and field.required else ()
            keys = {repr(v) for v in these}
            if not these or keys & seen:
                break
            seen |= keys
            values.append((member.key, these))
        else:
            return ir.Discriminator(candidate.name, tuple(values))
    return None


def alias_cycles(tree: Tree) -> frozenset[str]:
    """Union models that refer to themselves through other unions only (a recursive type alias)."""
    edges = {
        m.key: {r.doc for r in ir.refs(m) if r.doc and isinstance(tree.by_key[r.doc], ir.UnionModel)}
        for m in tree.models
        if isinstance(m, ir.UnionModel)
    }
    cyclic: set[str] = set()
    for start in edges:
        seen: set[str] = set()
        stack = list(edges[start])
        while stack:
            key = stack.pop()
            if key == start:
                cyclic.add(start)
                break
            if key not in seen:
                seen.add(key)
                stack.extend(edges.get(key, ()))
    return frozenset(cyclic)
