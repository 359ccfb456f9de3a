"""One generated module: the names it binds and the imports it needs."""

from __future__ import annotations

import functools
from typing import NamedTuple

from ... import ir
from ...resolve import Tree
from . import naming
from .naming import ModelNames

# Module -> the order its group sorts in (isort's sections: future, stdlib, third party).
_GROUPS = {"__future__": 0, "dataclasses": 1, "datetime": 1, "enum": 1, "typing": 1, "collections.abc": 1}


class Imports(NamedTuple):
    """Import lines for the top of a module, and the model imports that go at its end.

    Models are imported after the module's own definitions: every generated module
    defines its names before it imports another model module, so any import order,
    cycles included, finds the names it needs.
    """

    top: tuple[str, ...]
    bottom: tuple[str, ...]


class Module:
    """One generated module: the names it binds and the imports it needs.

    Model classes keep their own names; a helper (``Field``, ``Any``, ...) whose name a
    model takes is imported under an alias (``_Field``). Two referenced models with the
    same class name are told apart by their package.
    """

    def __init__(self, tree: Tree, names: dict[str, ModelNames], model: ir.Model) -> None:
        self.tree = tree
        self.names = names
        self.own = names[model.key]
        self.own_key = model.key
        self._helpers: dict[tuple[str, str], str] = {}
        self._support: set[str] = set()
        self._from_models: dict[tuple[str, str], str] = {}
        self._models: dict[str, str] = {}
        """Model key -> :meth:`model`'s answer."""
        self._taken = {self.own.cls}
        self._comments: set[str] = set()
        for key in sorted(referenced(model) - {model.key}):
            self.from_model(key, names[key].cls)
        self.model_names = frozenset(self._taken)

    def helper(self, module: str, name: str) -> str:
        """The local name of ``module.name``, imported at the top."""
        key = (module, name)
        if key not in self._helpers:
            self._helpers[key] = name if name not in self.model_names else f"_{name}"
        return self._helpers[key]

    def support(self, module: str) -> str:
        """A module gen-models writes at the root of the output package (``_serde``)."""
        self._support.add(module)
        return module

    def model(self, key: str) -> str:
        """The local name of a model class (this module's own, or one imported at the end)."""
        local = self._models.get(key)
        if local is None:
            local = self.own.cls if key == self.own_key else self.from_model(key, self.names[key].cls)
            self._models[key] = local
        return local

    def from_model(self, key: str, name: str) -> str:
        """The local name of ``name`` from the module of model ``key``, imported at the end."""
        if (key, name) not in self._from_models:
            target = self.names[key]
            local = name
            if local in self._taken:
                local = naming.unique(["_".join((name,) + target.package)], self._taken)[0]
            self._taken.add(local)
            self._from_models[(key, name)] = local
        return self._from_models[(key, name)]

    def type_checker_comment(self, text: str) -> None:
        """A ``# text`` line for the file's header, such as a pyright file-level setting."""
        self._comments.add(text)

    def comments(self) -> tuple[str, ...]:
        return tuple(sorted(self._comments))

    def imports(self, future: bool) -> Imports:
        """The import lines: helpers at the top, grouped as isort groups them; models at the end."""
        here = self.own.package
        top = _top(future, tuple(self._helpers.items()), tuple(sorted(self._support)), len(here))
        if not self._from_models:
            return Imports(top, ())
        by_path: dict[str, list[str]] = {}
        for (key, name), local in self._from_models.items():
            target = self.names[key]
            path = relative(here, target.package, target.module)
            by_path.setdefault(path, []).append(name if local == name else f"{name} as {local}")
        return Imports(
            top, tuple([f"from {p} import {', '.join(sorted(by_path[p]))}" for p in sorted(by_path)])
        )


@functools.lru_cache(maxsize=1024)
def _top(
    future: bool, helpers: tuple[tuple[tuple[str, str], str], ...], support: tuple[str, ...], depth: int
) -> tuple[str, ...]:
    """The import lines at the top of a module (cached: modules share a few sets of helpers).

    ``helpers`` are ((module, name), local name); ``support`` the support modules it
    imports, from the root of the output package, ``depth`` packages up.
    """
    entries: dict[str, list[str]] = {}
    for (module, name), local in helpers:
        entries.setdefault(module, []).append(name if local == name else f"{name} as {local}")
    top = ["from __future__ import annotations"] if future else []
    group = -1
    for module in sorted(entries, key=lambda m: (_GROUPS.get(m, 2), m)):
        if top and _GROUPS.get(module, 2) != group:
            top.append("")  # a blank line between sections
        group = _GROUPS.get(module, 2)
        top.append(f"from {module} import {', '.join(sorted(entries[module]))}")
    if support:
        top.extend([""] if top else [])
        top.extend(f"from {'.' * (depth + 1)} import {m}" for m in support)
    return tuple(top)


def referenced(model: ir.Model) -> set[str]:
    """The keys of the docs a model refers to (as :func:`generator.ir.refs` finds them)."""
    if isinstance(model, ir.ObjectModel):
        nodes = [f.type for f in model.fields]
        if model.extra is not None:
            nodes.append(model.extra)
    elif isinstance(model, ir.UnionModel):
        nodes = list(model.members)
    else:
        return set()
    keys = set()
    while nodes:
        node = nodes.pop()
        if isinstance(node, ir.Ref):
            if node.doc:
                keys.add(node.doc)
        elif isinstance(node, ir.ArrayOf):
            nodes.append(node.item)
        elif isinstance(node, ir.MapOf):
            nodes.append(node.value)
        elif isinstance(node, ir.UnionOf):
            nodes.extend(node.members)
    return keys


def relative(here: tuple[str, ...], there: tuple[str, ...], module: str) -> str:
    """The relative import path of ``there.module`` from a module in package ``here``."""
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:] + (module,))
