"""Link the models of a docs tree: each reference to the doc it means (then :mod:`.refine`
works out what the linked types imply).

Pure: it reads no file. A link's target is found lexically, relative to the doc that
holds it, among the docs that were read; nothing a link names is ever opened.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable

from msgspec.structs import replace

from . import ir, refine
from .diagnostics import Diagnostic, DocError, Location, error, warning
from .tree import Tree, tag_values

__all__ = ["Tree", "resolve", "tag_values"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
    linked = refine.grounded_unions(linked, diagnostics)
    tree = refine.discriminate(Tree.of(refine.enum_defaults(Tree.of(linked), diagnostics)))
    return replace(tree, recursive_aliases=refine.alias_cycles(tree))


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
