"""One generated module: the names it binds and the imports it needs."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from ... import ir
from ...resolve import Tree
from . import naming
from .naming import ModelNames

_DIGITS = re.compile(r"(\d+)")
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

    def __init__(
        self, tree: Tree, names: dict[str, ModelNames], model: ir.Model, postponed: bool = True
    ) -> None:
        self.tree = tree
        self.names = names
        self.postponed = postponed
        """Annotations are not evaluated (``from __future__ import annotations``): a name in
        one needs no quotes even before it is defined."""
        self.own = names[model.key]
        self.own_key = model.key
        self._helpers: dict[tuple[str, str], str] = {}
        self._support: set[str] = set()
        self._from_models: dict[tuple[str, str], str] = {}
        self._taken = {self.own.cls}
        self._comments: set[str] = set()
        self._early: set[str] = set()
        # Every referenced class's local name is settled first (a helper that a model's name
        # takes is then aliased); only those the module's text uses are imported.
        self._used: set[tuple[str, str]] = set()
        for key in sorted(referenced(model) - {model.key}):
            self.from_model(key, names[key].cls)
        self._used.clear()
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
        if key == self.own_key:
            return self.own.cls
        return self.from_model(key, self.names[key].cls)

    def from_model(self, key: str, name: str) -> str:
        """The local name of ``name`` from the module of model ``key``, imported at the end."""
        self._used.add((key, name))
        if (key, name) not in self._from_models:
            target = self.names[key]
            local = name
            if local in self._taken:
                local = naming.unique(["_".join((name,) + target.package)], self._taken)[0]
            self._taken.add(local)
            self._from_models[(key, name)] = local
        return self._from_models[(key, name)]

    def model_now(self, key: str) -> str:
        """:meth:`model`, imported at the top: for a name the module's class body uses when it
        runs (an enum member as a default). Only enums are: their modules import no model."""
        self._early.add(key)
        return self.model(key)

    def type_checker_comment(self, text: str) -> None:
        """A ``# text`` line for the file's header, such as a pyright file-level setting."""
        self._comments.add(text)

    def comments(self) -> tuple[str, ...]:
        return tuple(sorted(self._comments))

    def imports(self, future: bool) -> Imports:
        """The import lines: helpers at the top, grouped as isort groups them; models at the end."""
        here = self.own.package
        top = _top(future, tuple(self._helpers.items()), tuple(sorted(self._support)), len(here))
        if not self._used:
            return Imports(top, ())
        early: dict[str, list[str]] = {}
        late: dict[str, list[str]] = {}
        for (key, name), local in self._from_models.items():
            if (key, name) not in self._used:
                continue
            target = self.names[key]
            path = relative(here, target.package, target.module)
            lines = early if key in self._early else late
            lines.setdefault(path, []).append(name if local == name else f"{name} as {local}")
        if early:
            top = (*top, *([""] if top and not self._support else []), *_from_lines(early))
        return Imports(top, _from_lines(late))


def _from_lines(by_path: dict[str, list[str]]) -> tuple[str, ...]:
    return tuple(line for p in sort_modules(by_path) for line in from_statements(p, by_path[p]))


def from_statements(module: str, names: Iterable[str]) -> list[str]:
    """``from module import ...`` lines as ruff's import sorting (its defaults) writes them:
    the plain names in one, each ``A as B`` in one of its own (``combine-as-imports`` is
    off), the lines in the order of their first names."""
    ordered = sort_names(names)
    plain = [n for n in ordered if " as " not in n]
    groups = ([plain] if plain else []) + [[n] for n in ordered if " as " in n]
    groups.sort(key=lambda group: ordered.index(group[0]))
    return [f"from {module} import {', '.join(group)}" for group in groups]


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """isort's (and ruff's) natural order: runs of digits compare as numbers (``x4_y`` before
    ``x41``)."""
    return tuple((1, int(run)) if run.isdigit() else (0, run) for run in _DIGITS.split(text) if run)


def sort_modules(modules: Iterable[str]) -> list[str]:
    """Modules in the order ruff's import sorting (its defaults) puts them: more dots first
    (the furthest relative imports), then by name, naturally and ignoring case."""
    return sorted(
        modules,
        key=lambda m: (-(len(m) - len(m.lstrip("."))), _natural(m.lstrip(".").lower()), _natural(m)),
    )


def sort_names(names: Iterable[str]) -> list[str]:
    """The names one ``from`` imports, in ruff's order: constants (all capitals), classes, then
    the rest, each naturally and ignoring case (``A as B`` by ``A``)."""

    def key(entry: str) -> tuple[int, tuple[tuple[int, int | str], ...], tuple[tuple[int, int | str], ...]]:
        name = entry.split(" as ", 1)[0]
        return _kind(name), _natural(name.lower()), _natural(name)

    return sorted(names, key=key)


def sort_all(names: Iterable[str]) -> list[str]:
    """The names of ``__all__`` in the order ruff's RUF022 wants: constants, classes, the rest,
    each naturally (here case counts: ``RefererUrls`` before ``Referers``)."""
    return sorted(names, key=lambda name: (_kind(name), _natural(name)))


def _kind(name: str) -> int:
    """isort's kinds of name: 0 a constant (all capitals), 1 a class, 2 anything else."""
    return 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2


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
        top.extend(from_statements(module, entries[module]))
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
