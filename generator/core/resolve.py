"""Link the models of a docs tree: references to docs, discriminated unions, alias cycles.

Pure: it reads no file. A link's target is found lexically, relative to the doc that
holds it, among the docs that were read; nothing a link names is ever opened.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Mapping
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


def resolve(models: Iterable[ir.Model], diagnostics: list[Diagnostic], root: str = "/docs") -> Tree:
    """Fill every reference's ``doc`` (or replace it by ``Any`` with a warning), find discriminators.

    ``root`` is the absolute path of the docs' directory: a link that climbs out of it and
    back in (``../../models/components/x.md``) still finds its doc. Nothing is read there.
    """
    tree = Tree.of(models)
    finder = _Finder(tree, posixpath.normpath(root))
    linked = []
    for model in tree.models:
        try:
            linked.append(_link_model(model, finder, diagnostics))
        except DocError as exc:
            diagnostics.append(exc.diagnostic)
    tree = _discriminate(Tree.of(linked))
    return replace(tree, recursive_aliases=_alias_cycles(tree))


class _Finder:
    def __init__(self, tree: Tree, root: str) -> None:
        self.tree = tree
        self.root = root
        """The absolute path of the docs' directory, as a posix path."""
        self.by_dir_name: dict[tuple[str, str], list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_namespace: dict[tuple[str, str], list[str]] = {}
        """(last directory component, heading name) -> keys: ``components.Status``."""
        self.namespaces: set[str] = set()
        self._targets: dict[tuple[str, str], str] = {}
        for model in tree.models:
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
        path = ref.href.split("#", 1)[0]
        target = self._target(source, path) if path else source
        if target in self.tree.by_key:
            return ir.Ref(ref.spelling, ref.href, target)
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
        raise DocError(at, f"{ref.spelling} links to {ref.href}, but there is no model doc {target}")

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

    def _by_name(self, ref: ir.Ref, source: str, at: Location, diagnostics: list[Diagnostic]) -> ir.TypeNode:
        found = self._lookup(ref.spelling, source)
        if found is not None:
            return ir.Ref(ref.spelling, ref.href, found)
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
            return keys[0] if len(keys) == 1 else None
        keys = self.by_namespace.get((namespace.split(".")[-1], name), [])
        if len(keys) > 1:  # the same directory name in two places: the one beside this doc's wins
            keys = [
                k for k in keys if posixpath.dirname(posixpath.dirname(k)) == posixpath.dirname(here)
            ] or keys
        return min(keys) if keys else None


_directory = functools.lru_cache(maxsize=65536)(posixpath.dirname)
"""A doc key's directory: asked for each reference a doc makes."""


def _link_model(model: ir.Model, finder: _Finder, diagnostics: list[Diagnostic]) -> ir.Model:
    def link(node: ir.TypeNode, at: Location) -> ir.TypeNode:
        """The node with its references linked (the node itself if it holds none)."""
        # By exact class, not isinstance: most nodes are primitives, and are let go first.
        if type(node) is ir.Primitive or type(node) is ir.Literal:
            return node
        if type(node) is ir.Ref:
            return finder.find(node, model.key, at, diagnostics)
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
        for f in model.fields:
            if f.name in first:
                diagnostics.append(
                    error(
                        f.location,
                        f"field {f.name!r} is listed twice (first at line {first[f.name].location.line})",
                    )
                )
            first.setdefault(f.name, f)
        fields = []
        for f in model.fields:
            try:
                linked = link(f.type, f.location)
                fields.append(f if linked is f.type else replace(f, type=linked))
            except DocError as exc:
                diagnostics.append(exc.diagnostic)
        if all(a is b for a, b in zip(fields, model.fields)) and len(fields) == len(model.fields):
            return model
        return replace(model, fields=tuple(fields))
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
