"""The stages, in order: read, parse, resolve, name, render, format. Pure: writes nothing.

Each stage collects diagnostics; the run fails once, at the end of the first stage
that found an error (or, with ``strict``, a warning).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from . import naming
from .config import Options
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error
from .dialects import read_models
from .wirenames import apply_wire_names
from .format import format_source
from .markdown import Page
from .render import Rendered, render
from .resolve import Tree, resolve
from .sources import find_docs, read_page
from .styles import exports, module_view, support_modules
from .styles.common import header
from .styles.package import package_views


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

    source: Path
    files: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...]
    stats: Stats
    tree: Tree


Progress = Callable[[int, int], None]
"""Called with (files done, files in all) while files are rendered and formatted."""


def generate(source: str | Path, options: Options = Options(), progress: Progress | None = None) -> Plan:
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
    models, skipped = read_models(pages, options, diagnostics)
    models = apply_wire_names(models, options, diagnostics)
    clock.lap("parse")
    _fail_on_errors(diagnostics, options)
    tree = resolve(models, diagnostics, root.resolve().as_posix())
    clock.lap("resolve")
    _fail_on_errors(diagnostics, options, last=True)
    rendered = render_files(tree, options)
    clock.lap("render")
    files = {}
    for done, (path, text) in enumerate(sorted(rendered.items()), 1):
        files[path] = format_source(text, path, options.target, options.line_length)
        if progress is not None:
            progress(done, len(rendered))
    clock.lap("format")
    stats = Stats(len(docs), len(tree.models), len(skipped), MappingProxyType(clock.laps))
    return Plan(root, MappingProxyType(files), tuple(diagnostics), stats, tree)


def render_files(tree: Tree, options: Options) -> dict[str, Rendered]:
    """Every output file as its template made it (before black's layout), by path."""
    names = naming.plan(tree.models)
    templates = options.templates
    rendered: dict[str, Rendered] = {}
    for model in tree.models:
        template, view = module_view(model, tree, names, options)
        rendered[names[model.key].path] = render(template, templates, module=view)
    for path, package in package_views(tree, names, options).items():
        rendered[path] = render("common/package.py.jinja", templates, package=package)
    for module in support_modules(options):
        rendered[f"{module}.py"] = render(
            f"{options.style.value}/{module}.py.jinja", templates, header=header(None)
        )
    return rendered


def _fail_on_errors(diagnostics: list[Diagnostic], options: Options, last: bool = False) -> None:
    """End of a stage: stop if anything is an error. After the last stage that reads the
    docs, with ``strict``, every warning is an error too."""
    if last and options.strict:
        diagnostics[:] = [replace(d, severity=Severity.ERROR) for d in diagnostics]
    if any(d.is_error for d in diagnostics):
        raise GenerationFailed(tuple(diagnostics))


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now
