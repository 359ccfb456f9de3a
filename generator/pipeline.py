"""The stages, in order: read, parse, resolve, name, render, format. Pure: writes nothing.

Each stage collects diagnostics; the run fails once, at the end of the first stage
that found an error (or, with ``strict``, a warning).

Only reading and parsing are imported with this module. The later stages (Jinja, the
styles, the layout) are imported when reached, or, when worker processes parse, by this
process while they do (see :func:`_warm_up`): the start of a run is spent on what it needs
first, and no core waits while the other imports.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from msgspec.structs import replace

from . import gc_pause, ir
from .config import Options
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error
from .dialects import read_model
from .memo import DocKey, Memo, digest
from .parallel import MIN_ITEMS, pmap, shared
from .sources import Doc, find_docs, parse_doc, read_bytes

if TYPE_CHECKING:
    from .resolve import Tree
    from .wirenames import WireNames


@dataclass(frozen=True)
class Stats:
    docs: int
    models: int
    skipped: int
    seconds: Mapping[str, float] = field(default_factory=dict)
    """Wall time by stage."""
    reused: tuple[int, int] = (0, 0)
    """Docs read and files made that came from the last run's :class:`~generator.memo.Memo`."""
    guesses: int = 0
    """Wire names the docs did not decide (:attr:`generator.wirenames.Decision.guess`)."""


@dataclass(frozen=True)
class Plan:
    """What a run makes: output files by path relative to OUT (forward slashes), and what it saw."""

    source: Path
    files: Mapping[str, str]
    diagnostics: tuple[Diagnostic, ...]
    stats: Stats
    tree: Tree
    wire_names: WireNames
    """How every field's wire name was decided."""


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
    unchanged; a memo loaded from the cache starts saving what was read once every doc
    is read (:meth:`~generator.memo.Memo.reading_done`), the caller saves the rest.
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
    reading = pmap(
        _read_doc, [docs[i] for i in missing], options, jobs, tick, meanwhile=lambda: _warm_up(options)
    )
    for i, (key, doc_read) in zip(missing, reading):
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
    memo.reading_done()
    from . import naming, outputs  # imported here, not with this module: see _warm_up
    from .resolve import resolve
    from .wirenames import decide

    models, wire_names = decide(models, options, diagnostics)
    tree = resolve(models, diagnostics, root.resolve().as_posix())
    clock.lap("resolve")
    _fail_on_errors(diagnostics, options, last=True)
    tick.total = len(docs) + len(tree.models) + 1
    share = (tree, naming.plan(tree.models), options, memo.files)
    if memo.files and jobs is None and len(missing) < MIN_ITEMS:
        jobs = 1  # few docs changed: most files come from the memo, workers would not pay
    made = pmap(outputs.make_files, outputs.file_jobs(tree, options), share=share, jobs=jobs, progress=tick)
    problems = [d for result in made if isinstance(result, tuple) for d in result]
    if problems:
        raise GenerationFailed(tuple(problems))
    files = {}
    for result in made:
        for path, text, made_key in cast("list[tuple[str, str, bytes]]", result):
            files[path] = text
            memo.add_file(made_key, text)
    clock.lap("render and format")
    stats = Stats(
        len(docs), len(tree.models), skipped, MappingProxyType(clock.laps), memo.reused, wire_names.guesses
    )
    files = MappingProxyType(dict(sorted(files.items())))
    return Plan(root, files, tuple(diagnostics), stats, tree, wire_names)


_Read = tuple[ir.Model | None, list[Diagnostic]]
"""One doc's model (or None: not a model, or unreadable), with what reading it found."""


def _warm_up(options: Options) -> None:
    """What this process does first while workers parse: import the later stages and compile
    the templates, which would otherwise wait for the parsing to end (the workers take more
    of the docs meanwhile). The render workers, forked later, inherit both."""
    from . import outputs, wirenames  # noqa: F401 - imported to be ready (outputs imports resolve and naming)

    outputs.prepare(options)


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
