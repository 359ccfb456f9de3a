"""The stages, in order: read, parse, resolve, name, render, format. Pure: writes nothing.

Each stage collects diagnostics; the run fails once, at the end of the first stage
that found an error (or, with ``strict``, a warning).
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from . import ir, naming, pysource
from .config import Options
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error
from .dialects import read_models
from .format import format_source
from .markdown import Page
from .render import render
from .resolve import Tree, resolve
from .sources import find_docs, read_page
from .styles import exports, module_view, support_modules
from .styles.common import header, model_path, relative


@dataclass(frozen=True)
class Stats:
    docs: int
    models: int
    skipped: int
    seconds: Mapping[str, float] = field(default_factory=dict)
    """Wall time by stage."""


@dataclass(frozen=True)
class Plan:
    """What a run makes: output files by path relative to OUT (forward slashes), and what it saw."""

    files: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...]
    stats: Stats
    tree: Tree


@dataclass(frozen=True, slots=True)
class PackageView:
    header: tuple[str, ...]
    docstring: str
    imports: tuple[str, ...]
    names: tuple[str, ...]
    """String literals of the names in ``__all__``."""


def generate(source: str | Path, options: Options = Options(), templates: str | None = None) -> Plan:
    """Read the docs under ``source`` and plan the output package. Writes nothing.

    Raises :class:`GenerationFailed` when a doc cannot be understood.
    """
    clock = _Clock()
    diagnostics: list[Diagnostic] = []
    root = Path(source)
    if not root.is_dir():
        raise GenerationFailed((error(Location(str(source)), "not a directory"),))
    docs = find_docs(root, str(source), diagnostics)
    pages: list[Page] = []
    for doc in docs:
        try:
            page, found = read_page(doc)
        except DocError as exc:
            diagnostics.append(exc.diagnostic)
            continue
        pages.append(page)
        diagnostics.extend(found)
    clock.lap("read")
    _fail_on_errors(diagnostics, options)
    models, skipped = read_models(pages, diagnostics)
    clock.lap("parse")
    _fail_on_errors(diagnostics, options)
    tree = resolve(models, diagnostics)
    clock.lap("resolve")
    _fail_on_errors(diagnostics, options, last=True)
    names = naming.plan(tree.models)
    rendered: dict[str, tuple[str, str]] = {}
    for model in tree.models:
        template, view = module_view(model, tree, names, options)
        rendered[model_path(names[model.key])] = (render(template, templates, module=view), model.key)
    for path, (text, source_name) in _packages(tree, names, options).items():
        rendered[path] = (text, source_name)
    for module in support_modules(options):
        text = render(f"{options.style.value}/{module}.py.jinja", templates, header=header(None))
        rendered[f"{module}.py"] = (text, module)
    clock.lap("render")
    files = {path: format_source(text, source_name) for path, (text, source_name) in sorted(rendered.items())}
    clock.lap("format")
    stats = Stats(len(docs), len(tree.models), len(skipped), MappingProxyType(clock.laps))
    return Plan(MappingProxyType(files), tuple(diagnostics), stats, tree)


def _fail_on_errors(diagnostics: list[Diagnostic], options: Options, last: bool = False) -> None:
    """End of a stage: stop if anything is an error. After the last stage that reads the
    docs, with ``strict``, every warning is an error too."""
    if last and options.strict:
        diagnostics[:] = [replace(d, severity=Severity.ERROR) for d in diagnostics]
    if any(d.is_error for d in diagnostics):
        raise GenerationFailed(tuple(diagnostics))


def _packages(tree: Tree, names: dict[str, naming.ModelNames], options: Options) -> dict[str, tuple[str, str]]:
    """``__init__.py`` for every package: the root, each model directory and the ones between."""
    by_package: dict[tuple[str, ...], list[ir.Model]] = {(): []}
    sources: dict[tuple[str, ...], str] = {(): "."}
    for model in tree.models:
        package = names[model.key].package
        by_package.setdefault(package, []).append(model)
        sources[package] = posixpath.dirname(model.key) or "."
        for i in range(len(package)):
            by_package.setdefault(package[:i], [])
    out = {}
    for package, models in by_package.items():
        imports: list[str] = []
        exported: list[str] = []
        for model in sorted(models, key=lambda m: names[m.key].module):
            own = names[model.key]
            these = exports(model, own, options)
            imports.append(f"from {relative(package, package, own.module)} import {', '.join(these)}")
            exported.extend(these)
        source = sources.get(package, "/".join(package))
        view = PackageView(
            header=header(f"{source}/" if source != "." else "the docs' root"),
            docstring=pysource.docstring(f"Models from the docs in {source}/." if models else "Generated models."),
            imports=tuple(imports),
            names=tuple(pysource.string(n) for n in sorted(exported)),
        )
        path = posixpath.join(*package, "__init__.py") if package else "__init__.py"
        out[path] = (render("common/package.py.jinja", package=view), path)
    return out


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now
