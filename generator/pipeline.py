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
from typing import cast

from . import gc_pause, ir, naming
from .config import Options
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error
from .dialects import read_model
from .format import format_source
from .memo import DocKey, Memo, digest
from .parallel import MIN_ITEMS, pmap, shared
from .render import Rendered, render
from .resolve import Tree, resolve
from .sources import Doc, find_docs, parse_doc, read_bytes
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
    reused: tuple[int, int] = (0, 0)
    """Docs read and files made that came from the last run's :class:`~generator.memo.Memo`."""


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
    memo: Memo | None = None,
) -> Plan:
    """Read the docs under ``source`` and plan the output package. Writes nothing.

    Raises :class:`GenerationFailed` when a doc cannot be understood. ``jobs`` is the
    number of processes to work in, this one included (default: as many as pay, for
    large trees). ``memo`` holds a previous run's work, reused where docs and views are
    unchanged (the caller saves it).
    """
    with gc_pause.paused():
        return _generate(source, options, progress, jobs, memo)


def _generate(
    source: str | Path, options: Options, progress: Progress | None, jobs: int | None, memo: Memo | None
) -> Plan:
    clock = _Clock()
    diagnostics: list[Diagnostic] = []
    memo = memo if memo is not None else Memo()
    root = Path(source)
    if not root.is_dir():
        raise GenerationFailed((error(Location(str(source)), "not a directory"),))
    docs = find_docs(root, str(source), diagnostics)
    tick = _Ticker(progress, 2 * len(docs))
    read: list[_Read | None] = [_known_doc(doc, memo) for doc in docs] if memo.docs else [None] * len(docs)
    tick(len(docs) - read.count(None))
    missing = [i for i, known in enumerate(read) if known is None]
    for i, (key, doc_read) in zip(missing, pmap(_read_doc, [docs[i] for i in missing], options, jobs, tick)):
        read[i] = doc_read
        if key is not None:
            memo.add_doc(key, doc_read)
    models: list[ir.Model] = []
    skipped = 0
    for model, found in cast("list[_Read]", read):
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
    share = (tree, naming.plan(tree.models), options, memo.files)
    if memo.files and jobs is None and len(missing) < MIN_ITEMS:
        jobs = 1  # few docs changed: most files come from the memo, workers would not pay
    made = pmap(_make_files, _file_jobs(tree, options), share=share, jobs=jobs, progress=tick)
    problems = [d for result in made if isinstance(result, tuple) for d in result]
    if problems:
        raise GenerationFailed(tuple(problems))
    files = {}
    for result in made:
        for path, text, made_key in cast("list[tuple[str, str, bytes]]", result):
            files[path] = text
            memo.add_file(made_key, text)
    clock.lap("render and format")
    stats = Stats(len(docs), len(tree.models), skipped, MappingProxyType(clock.laps), memo.reused)
    return Plan(root, MappingProxyType(dict(sorted(files.items()))), tuple(diagnostics), stats, tree)


_Read = tuple[ir.Model | None, list[Diagnostic]]
"""One doc's model (or None: not a model, or unreadable), with what reading it found."""


def _known_doc(doc: Doc, memo: Memo) -> _Read | None:
    try:
        return memo.known_doc((doc.rel, doc.shown, digest(read_bytes(doc))))
    except DocError:
        return None  # reading it again reports why


def _read_doc(doc: Doc) -> tuple[DocKey | None, _Read]:
    """One doc read, under the key of the bytes it was read from."""
    options: Options = shared()
    try:
        data = read_bytes(doc)
        key = (doc.rel, doc.shown, digest(data))
        page, found = parse_doc(doc, data)
        return key, (read_model(page, options, found), found)
    except DocError as exc:
        return None, (None, [exc.diagnostic])


_PACKAGES = "__init__ files"


def _file_jobs(tree: Tree, options: Options) -> list[str]:
    """What :func:`_make_files` makes: the packages' ``__init__.py`` files (the largest job,
    so first: workers finish together), each model's module, and the style's support modules."""
    return [_PACKAGES] + [m.key for m in tree.models] + [f"{m}.py" for m in support_modules(options)]


def _make_files(job: str) -> list[tuple[str, str, bytes]] | tuple[Diagnostic, ...]:
    """Files (path, text, key in the memo) for one job; the errors of a user's template, if
    one fails."""
    tree, names, options, known = shared()
    made = []
    try:
        views: dict[str, tuple[str, str, object]]  # path -> template, its argument, the view
        if job == _PACKAGES:
            package = "common/package.py.jinja"
            views = {p: (package, "package", v) for p, v in package_views(tree, names, options).items()}
        elif job in tree.by_key:
            template, module = module_view(tree.by_key[job], tree, names, options)
            views = {names[job].path: (template, "module", module)}
        else:
            views = {job: (f"{options.style.value}/{job}.jinja", "header", header(None))}
        for path, (template, argument, view) in views.items():
            key = digest(path, template, repr(view))
            text = known.get(key)
            if text is None:
                text = _format(render(template, options.templates, **{argument: view}), path, options)
            made.append((path, text, key))
    except GenerationFailed as exc:
        return tuple(exc.diagnostics)
    return made


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
