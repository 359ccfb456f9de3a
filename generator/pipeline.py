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

from . import ir, naming
from .config import Options
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error
from .dialects import read_model
from .format import format_source
from .parallel import pmap, shared
from .render import Rendered, render
from .resolve import Tree, resolve
from .sources import Doc, find_docs, read_page
from .wirenames import apply_wire_names
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
"""Called with (steps done, steps in all) as docs are read and files made."""


def generate(
    source: str | Path,
    options: Options = Options(),
    progress: Progress | None = None,
    jobs: int | None = None,
) -> Plan:
    """Read the docs under ``source`` and plan the output package. Writes nothing.

    Raises :class:`GenerationFailed` when a doc cannot be understood. ``jobs`` is the
    number of worker processes (default: as many as pay, for large trees).
    """
    clock = _Clock()
    diagnostics: list[Diagnostic] = []
    root = Path(source)
    if not root.is_dir():
        raise GenerationFailed((error(Location(str(source)), "not a directory"),))
    docs = find_docs(root, str(source), diagnostics)
    tick = _Ticker(progress, 2 * len(docs))
    read = pmap(_read_doc, docs, share=options, jobs=jobs, progress=tick)
    models: list[ir.Model] = []
    skipped = 0
    for model, found in read:
        diagnostics.extend(found)
        if model is None:
            skipped += not any(d.is_error for d in found)
        else:
            models.append(model)
    clock.lap("read and parse")
    _fail_on_errors(diagnostics, options)
    models = apply_wire_names(models, options, diagnostics)
    tree = resolve(models, diagnostics, root.resolve().as_posix())
    clock.lap("resolve")
    _fail_on_errors(diagnostics, options, last=True)
    tick.total = len(docs) + len(tree.models) + 1
    share = (tree, naming.plan(tree.models), options)
    made = pmap(_make_files, _file_jobs(tree, options), share=share, jobs=jobs, progress=tick)
    problems = [d for result in made if isinstance(result, tuple) for d in result]
    if problems:
        raise GenerationFailed(tuple(problems))
    files = {path: text for result in made if isinstance(result, list) for path, text in result}
    clock.lap("render and format")
    stats = Stats(len(docs), len(tree.models), skipped, MappingProxyType(clock.laps))
    return Plan(root, MappingProxyType(dict(sorted(files.items()))), tuple(diagnostics), stats, tree)


def _read_doc(doc: Doc) -> tuple[ir.Model | None, list[Diagnostic]]:
    """One doc to its model (or None: not a model, or unreadable), with what was found."""
    options: Options = shared()
    try:
        page, found = read_page(doc)
        return read_model(page, options, found), found
    except DocError as exc:
        return None, [exc.diagnostic]


_PACKAGES = "__init__ files"


def _file_jobs(tree: Tree, options: Options) -> list[str]:
    """What :func:`_make_files` makes: each model's module, the packages' ``__init__.py``
    files, and the style's support modules."""
    return [m.key for m in tree.models] + [_PACKAGES] + [f"{m}.py" for m in support_modules(options)]


def _make_files(job: str) -> list[tuple[str, str]] | tuple[Diagnostic, ...]:
    """Files (path, text) for one job; the errors of a user's template, if one fails."""
    tree, names, options = shared()
    try:
        if job == _PACKAGES:
            views = package_views(tree, names, options)
            rendered = {
                path: render("common/package.py.jinja", options.templates, package=v)
                for path, v in views.items()
            }
        elif job in tree.by_key:
            template, view = module_view(tree.by_key[job], tree, names, options)
            rendered = {names[job].path: render(template, options.templates, module=view)}
        else:
            template = f"{options.style.value}/{job}.jinja"
            rendered = {job: render(template, options.templates, header=header(None))}
        return [(path, _format(text, path, options)) for path, text in rendered.items()]
    except GenerationFailed as exc:
        return tuple(exc.diagnostics)


def _format(text: Rendered, path: str, options: Options) -> str:
    return format_source(text, path, options.target, options.line_length)


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


class _Ticker:
    """Turns each step's completion into ``progress(done, total)`` calls."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def __call__(self, steps: int) -> None:
        self.done += steps
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done))


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now
