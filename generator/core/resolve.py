"""Link the models of a docs tree: references to docs, discriminated unions, alias cycles.

Pure: it reads no file. A link's target is found lexically, relative to the doc that
holds it, among the docs that were read; nothing a link names is ever opened.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import msgspec
from msgspec.structs import replace

from . import ir
from .diagnostics import Diagnostic, DocError, Location, error, warning

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class Tree(msgspec.Struct, frozen=True):
    """The checked models of one docs tree, in key order, with an index by key."""

    models: tuple[ir.Model, ...]
    by_key: Mapping[str, ir.Model]
    recursive_aliases: frozenset[str] = frozenset()
    """Union models that refer to themselves through unions only (recursive type aliases)."""

    @classmethod
    def of(cls, models: Iterable[ir.Model]) -> Tree:
        ordered = tuple(sorted(models, key=lambda m: m.key))
        return cls(ordered, MappingProxyType({m.key: m for m in ordered}))

    def target(self, ref: ir.Ref) -> ir.Model:
        assert ref.doc is not None, ref
        return self.by_key[ref.doc]


def resolve(
    models: Iterable[ir.Model],
    diagnostics: list[Diagnostic],
    root: str = "/docs",
    unread: frozenset[str] = frozenset(),
) -> Tree:
    """Fill every reference's ``doc`` (or replace it by ``Any`` with a warning), find discriminators.

    ``root`` is the absolute path of the docs' directory: a link that climbs out of it and
    back in (``../../models/components/x.md``) still finds its doc. Nothing is read there.
    ``unread``: docs left out (excluded, or in error): a link to one is ``Any``. A reference
    that finds nothing is an error, and its field is ``Any`` (the run fails unless it keeps
    going).
    """
    tree = Tree.of(models)
    finder = _Finder(tree, posixpath.normpath(root), unread)
    linked = []
    for model in tree.models:
        try:
            linked.append(_link_model(model, finder, diagnostics))
        except DocError as exc:
            diagnostics.append(exc.diagnostic)
    linked = _grounded_unions(linked, diagnostics)
    tree = _discriminate(Tree.of(_enum_defaults(Tree.of(linked), diagnostics)))
    return replace(tree, recursive_aliases=_alias_cycles(tree))


def _grounded_unions(models: list[ir.Model], diagnostics: list[Diagnostic]) -> list[ir.Model]:
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


def _enum_defaults(tree: Tree, diagnostics: list[Diagnostic]) -> list[ir.Model]:
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


class _Finder:
    def __init__(self, tree: Tree, root: str, unread: frozenset[str] = frozenset()) -> None:
        self.tree = tree
        self.root = root
        self.unread = unread
        """The absolute path of the docs' directory, as a posix path."""
        self.by_dir_name: dict[tuple[str, str], list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_namespace: dict[tuple[str, str], list[str]] = {}
        """(last directory component, heading name) -> keys: ``components.Status``."""
        self.namespaces: set[str] = set()
        self.in_file: dict[str, list[str]] = {}
        """A page of several models (keys ``<path>#<name>``): its path -> their keys."""
        self._targets: dict[tuple[str, str], str] = {}
        for model in tree.models:
            if "#" in model.key:
                self.in_file.setdefault(_file(model.key), []).append(model.key)
            directory = posixpath.dirname(model.key)
            # A doc at the root belongs to the root's own name: models.X in docs/models/x.md.
            namespace = posixpath.basename(directory or root)
            self.by_dir_name.setdefault((directory, model.name), []).append(model.key)
            self.by_name.setdefault(model.name, []).append(model.key)
            self.by_namespace.setdefault((namespace, model.name), []).append(model.key)
            self.namespaces.add(namespace)

    def find(self, ref: ir.Ref, source: str, at: Location, diagnostics: list[Diagnostic]) -> ir.TypeNode:
        if ref.href is not None:
            return self._by_link(ref, source, at, diagnostics)
        return self._by_name(ref, source, at, diagnostics)

    def _by_link(self, ref: ir.Ref, source: str, at: Location, diagnostics: list[Diagnostic]) -> ir.TypeNode:
        assert ref.href is not None
        if _URL.match(ref.href):
            diagnostics.append(
                warning(at, f"{ref.spelling} links outside the docs ({ref.href}): typed as Any")
            )
            return ir.Primitive(ir.Kind.ANY, ref.spelling)
        path, _, anchor = ref.href.partition("#")
        target = self._target(source, path) if path else _file(source)
        if target in self.tree.by_key:
            return ir.Ref(ref.spelling, ref.href, target)
        if target in self.unread:
            diagnostics.append(
                warning(at, f"{ref.spelling} links to {ref.href}, a doc not read: typed as Any")
            )
            return ir.Primitive(ir.Kind.ANY, ref.spelling)
        inner = self._in_file(target, anchor, ref.spelling)
        if inner is not None:
            return ir.Ref(ref.spelling, ref.href, inner)
        if target.startswith("../") or target == "..":
            # The link leaves the source tree; its docs were not given to us. By name, if we can.
            found = self._lookup(ref.spelling, source)
            if found is not None:
                return ir.Ref(ref.spelling, ref.href, found)
            diagnostics.append(
                warning(at, f"{ref.spelling} links to {ref.href}, outside the docs being read: typed as Any")
            )
            return ir.Primitive(ir.Kind.ANY, ref.spelling)
        found = self._lookup(ref.spelling, source)
        if found is not None:
            diagnostics.append(
                warning(at, f"{ref.spelling} links to {ref.href}, which is missing: found {found} by name")
            )
            return ir.Ref(ref.spelling, ref.href, found)
        if ref.missing is not None:
            return self._missing(ref, at, diagnostics)
        raise DocError(at, f"{ref.spelling} links to {ref.href}, but there is no model doc {target}")

    def _missing(self, ref: ir.Ref, at: Location, diagnostics: list[Diagnostic]) -> ir.TypeNode:
        """A reference the dialect said may find no doc: its fallback (``Any``: with a warning)."""
        assert ref.missing is not None
        if isinstance(ref.missing, ir.Primitive) and ref.missing.kind is ir.Kind.ANY:
            diagnostics.append(warning(at, f"{ref.spelling} has no model doc: typed as Any"))
        return ref.missing

    def _target(self, source: str, path: str) -> str:
        """Where a link from ``source`` leads, relative to the root (many links share one)."""
        here = _directory(source)
        found = self._targets.get((here, path))
        if found is None:
            found = posixpath.normpath(posixpath.join(here, path))
            if found == ".." or found.startswith(("../", "/")):  # out of the root, maybe back in
                absolute = posixpath.normpath(posixpath.join(self.root, found))
                found = posixpath.relpath(absolute, self.root)
            self._targets[here, path] = found
        return found

    def _in_file(self, target: str, anchor: str, spelling: str) -> str | None:
        """The model a link to a page of several models means: the one its anchor names
        (``foo.md#modelb``), else the one the link's text names."""
        keys = self.in_file.get(target)
        if not keys:
            return None
        models = [self.tree.by_key[k] for k in keys]
        wanted = _slug(anchor) if anchor else _slug(spelling.rpartition(".")[2])
        found = [m.key for m in models if _slug(m.name) == wanted]
        if not found and anchor:
            found = [m.key for m in models if _slug(m.name) == _slug(spelling.rpartition(".")[2])]
        return found[0] if len(found) == 1 else None

    def _by_name(self, ref: ir.Ref, source: str, at: Location, diagnostics: list[Diagnostic]) -> ir.TypeNode:
        found = self._lookup(ref.spelling, source)
        if found is not None:
            return ir.Ref(ref.spelling, ref.href, found)
        if ref.missing is not None:
            return self._missing(ref, at, diagnostics)
        namespace, _, name = ref.spelling.rpartition(".")
        if namespace and namespace.split(".")[-1] not in self.namespaces:
            diagnostics.append(
                warning(at, f"{ref.spelling} names a model outside the docs being read: typed as Any")
            )
            return ir.Primitive(ir.Kind.ANY, ref.spelling)
        raise DocError(at, f"unknown type {ref.spelling!r}: no model doc has the heading {name!r}")

    def _lookup(self, spelling: str, source: str) -> str | None:
        """A name, qualified by its directory (``components.Status``) or not, to a doc key."""
        namespace, _, name = spelling.rpartition(".")
        here = _directory(source)
        if not namespace:
            keys = self.by_dir_name.get((here, name)) or self.by_name.get(name, [])
            if len(keys) > 1 and any("#" in k for k in keys):
                keys = _nearest(keys, source, name)
            return keys[0] if len(keys) == 1 else None
        keys = self.by_namespace.get((namespace.split(".")[-1], name), [])
        if len(keys) > 1:  # the same directory name in two places: the one beside this doc's wins
            keys = [
                k for k in keys if posixpath.dirname(posixpath.dirname(k)) == posixpath.dirname(here)
            ] or keys
        return min(keys) if keys else None


_directory = functools.lru_cache(maxsize=65536)(posixpath.dirname)
"""A doc key's directory: asked for each reference a doc makes."""


def _file(key: str) -> str:
    """The page a model key is of: a page of several models keys each ``<path>#<name>``."""
    return key.partition("#")[0]


def _slug(name: str) -> str:
    """A heading's name or anchor, compared without case and punctuation (``#modelb``)."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _nearest(keys: list[str], source: str, name: str) -> list[str]:
    """Of several models of one name, one at least on a page of several: the one on the
    referring page, else the one whose page is named after it (``Status.md#Status``)."""
    here = [k for k in keys if "#" in k and _file(k) == _file(source)]
    if here:
        return here
    own = [k for k in keys if posixpath.splitext(posixpath.basename(_file(k)))[0] == name]
    return own or keys


def _link_model(model: ir.Model, finder: _Finder, diagnostics: list[Diagnostic]) -> ir.Model:
    def link(node: ir.TypeNode, at: Location) -> ir.TypeNode:
        """The node with its references linked (the node itself if it holds none)."""
        # By exact class, not isinstance: most nodes are primitives, and are let go first.
        if type(node) is ir.Primitive or type(node) is ir.Literal:
            return node
        if type(node) is ir.Ref:
            try:
                return finder.find(node, model.key, at, diagnostics)
            except DocError as exc:  # said; the type is Any (written only if the run keeps going)
                diagnostics.append(exc.diagnostic)
                return ir.Primitive(ir.Kind.ANY, node.spelling)
        if type(node) is ir.ArrayOf:
            item = link(node.item, at)
            return node if item is node.item else ir.ArrayOf(item)
        if type(node) is ir.MapOf:
            value = link(node.value, at)
            return node if value is node.value else ir.MapOf(value)
        if type(node) is ir.UnionOf:
            members = tuple(link(m, at) for m in node.members)
            return node if all(a is b for a, b in zip(members, node.members)) else ir.UnionOf(members)
        return node

    if isinstance(model, ir.ObjectModel):
        first: dict[str, ir.Field] = {}
        fields = []
        for f in model.fields:
            if f.name in first:  # said, and left out (the run fails unless it keeps going)
                line = first[f.name].location.line
                diagnostics.append(
                    error(f.location, f"field {f.name!r} is listed twice (first at line {line})")
                )
                continue
            first[f.name] = f
            linked = link(f.type, f.location)
            fields.append(f if linked is f.type else replace(f, type=linked))
        extra = link(model.extra, model.location) if model.extra is not None else None
        if (
            extra is model.extra
            and all(a is b for a, b in zip(fields, model.fields))
            and len(fields) == len(model.fields)
        ):
            return model
        return replace(model, fields=tuple(fields), extra=extra)
    if isinstance(model, ir.UnionModel):
        return replace(model, members=tuple(link(m, model.location) for m in model.members))
    return model


def tag_values(tree: Tree, field: ir.Field) -> tuple[ir.Scalar, ...]:
    """The values a field can hold, if it can hold only a few known ones (else empty).

    A literal, a union of literals, or a closed enum: a field like that can tell the
    members of a union apart.
    """
    node = field.type
    members = node.members if isinstance(node, ir.UnionOf) else (node,)
    if all(isinstance(m, ir.Literal) for m in members):
        return tuple(m.value for m in members if isinstance(m, ir.Literal))
    if isinstance(node, ir.Ref) and node.doc is not None:
        target = tree.target(node)
        if isinstance(target, ir.EnumModel) and not target.open:
            return tuple(m.value for m in target.members)
    return ()


def _discriminate(tree: Tree) -> Tree:
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


def _alias_cycles(tree: Tree) -> frozenset[str]:
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
