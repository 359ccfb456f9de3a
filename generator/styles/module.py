"""One generated module: the names it binds and the imports it needs."""

from __future__ import annotations

from dataclasses import dataclass

from .. import ir, naming
from ..naming import ModelNames
from ..resolve import Tree

# Module -> the order its group sorts in (isort's sections: future, stdlib, third party).
_GROUPS = {"__future__": 0, "dataclasses": 1, "datetime": 1, "enum": 1, "typing": 1, "collections.abc": 1}


@dataclass(frozen=True, slots=True)
class Imports:
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
        self._taken = {self.own.cls}
        self._comments: set[str] = set()
        for key in sorted({r.doc for r in ir.refs(model) if r.doc} - {model.key}):
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
        return self.own.cls if key == self.own_key else self.from_model(key, self.names[key].cls)

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
        groups: dict[int, dict[str, list[str]]] = {}
        for (module, name), local in self._helpers.items():
            entry = name if local == name else f"{name} as {local}"
            groups.setdefault(_GROUPS.get(module, 2), {}).setdefault(module, []).append(entry)
        sections = [["from __future__ import annotations"]] if future else []
        for group in sorted(groups):
            sections.append(
                [f"from {m} import {', '.join(sorted(groups[group][m]))}" for m in sorted(groups[group])]
            )
        if self._support:
            sections.append(
                [f"from {'.' * (len(self.own.package) + 1)} import {m}" for m in sorted(self._support)]
            )
        top = [line for i, section in enumerate(sections) for line in ([""] if i else []) + section]
        by_module: dict[str, list[str]] = {}
        for (key, name), local in self._from_models.items():
            target = self.names[key]
            path = relative(self.own.package, target.package, target.module)
            by_module.setdefault(path, []).append(name if local == name else f"{name} as {local}")
        bottom = tuple(
            f"from {path} import {', '.join(sorted(by_module[path]))}" for path in sorted(by_module)
        )
        return Imports(tuple(top), bottom)


def relative(here: tuple[str, ...], there: tuple[str, ...], module: str) -> str:
    """The relative import path of ``there.module`` from a module in package ``here``."""
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:] + (module,))
