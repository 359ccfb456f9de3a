"""The ``__init__.py`` of every output package: it re-exports the models of its directory."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import NamedTuple

from ... import ir, pysource
from ...resolve import Tree
from .common import header
from .module import relative, sort_all, sort_modules, sort_names
from .naming import ModelNames


class PackageView(NamedTuple):
    header: tuple[str, ...]
    docstring: str
    imports: tuple[str, ...]
    names: tuple[str, ...]
    """String literals of the names in ``__all__``."""


def package_views(
    tree: Tree,
    names: dict[str, ModelNames],
    exports: Callable[[ir.Model, ModelNames], tuple[str, ...]],
) -> dict[str, PackageView]:
    """By ``__init__.py`` path: the root package, each model directory and the ones between."""
    by_package: dict[tuple[str, ...], list[ir.Model]] = {(): []}
    directories: dict[tuple[str, ...], str] = {}
    for model in tree.models:
        package = names[model.key].package
        by_package.setdefault(package, []).append(model)
        directories[package] = posixpath.dirname(model.key)
        for i in range(len(package)):
            by_package.setdefault(package[:i], [])
    views = {}
    for package, models in sorted(by_package.items()):
        by_module: dict[str, tuple[str, ...]] = {}
        for model in models:
            own = names[model.key]
            by_module[relative(package, package, own.module)] = exports(model, own)
        imports = [f"from {m} import {', '.join(sort_names(by_module[m]))}" for m in sort_modules(by_module)]
        exported = [name for these in by_module.values() for name in these]
        directory = directories.get(package, "/".join(package))
        where = f"{directory}/" if directory else "the root of the docs"
        views[posixpath.join(*package, "__init__.py")] = PackageView(
            header=header(where),
            docstring=pysource.docstring(f"Models from {where}." if models else "Generated models."),
            imports=tuple(imports),
            names=tuple(pysource.string(n) for n in sort_all(exported)),
        )
    return views
