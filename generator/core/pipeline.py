"""The stages, in order: find the docs, read each into a model, decide wire names, resolve,
make the output's files. Pure: it reads the docs and writes nothing.

``generate(source, options, runner)``: the :class:`Runner` says how the stages run. Its
defaults are the plain ways (one process, markdown-it, black, nothing reused);
:mod:`generator.speed` supplies faster parts that give the same output. Each stage
collects diagnostics and goes on past errors (a doc that cannot be read is left out, links
to it are ``Any``), so one run says every error; the run then fails after resolving if
any was found (or, with ``strict``, a warning), unless ``keep_going``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from msgspec.structs import replace

from . import ir
from .diagnostics import Diagnostic, DocError, GenerationFailed, Location, Severity, error, warning
from .dialects import family_of, read_models, rules
from .format import black_format, ruff_format
from .markdown import decode, parse_page
from .options import Formatter, Options
from .page import Page
from .sources import Doc, find_docs, read_bytes

if TYPE_CHECKING:
    from .outputs.base import FormatPython, Output
    from .resolve import Tree
    from .wirenames import WireNames

T = TypeVar("T")
R = TypeVar("R")

DocKey = tuple[str, str, bytes]
"""A doc's path from the source root, its path as diagnostics show it, a hash of its bytes."""
DocRead = tuple[list[ir.Model], list[Diagnostic], str | None]
"""One doc's models (none: not a model doc, or unreadable), what reading it found, and the
family whose dialect the page did not show (:func:`~generator.core.dialects.read_models`)."""
MadeFile = tuple[str, str, bytes]
"""An output file: its path, its text, and the key of what it was made from (or b"")."""


class Map(Protocol):
    """``[fn(x) for x in items]``, however the runner likes. ``stage`` says which (``read``
    the docs, ``make`` the files); ``meanwhile`` is work this process may do while others
    take the items, or before them."""

    def __call__(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        stage: str,
        meanwhile: Callable[[], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[R]: ...


class Reuse(Protocol):
    """What a previous run made, where it still holds (:mod:`generator.speed.memo`)."""

    def known_doc(self, key: DocKey) -> DocRead | None: ...
    def keep_doc(self, key: DocKey, read: DocRead) -> None: ...
    def known_file(self, key: bytes) -> str | None: ...
    def keep_file(self, key: bytes, text: str) -> None: ...
    @property
    def reused(self) -> tuple[int, int]: ...
    @property
    def knows_docs(self) -> bool:
        """Whether it holds any doc (not so on a first run: no doc need be looked up)."""
        ...


def serial_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    stage: str,
    meanwhile: Callable[[], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """Each item in turn, in this process."""
    out = []
    for item in items:
        out.append(fn(item))
        if progress is not None:
            progress(1)
    return out


ParsePage = Callable[[str, str, str], tuple[Page, list[Diagnostic]]]
"""``(text, path as shown, path from the source root) -> (page, warnings)``."""


@dataclass(frozen=True)
class Runner:
    """How the stages run: the plain ways unless told otherwise."""

    map: Map = serial_map
    parse: ParsePage = parse_page
    format_python: FormatPython = black_format
    reuse: Reuse | None = None
    digest: Callable[..., bytes] | None = None
    """How :attr:`reuse` keys what it keeps (a hash of the parts); needed with it."""


@dataclass(frozen=True)
class Stats:
    docs: int
    models: int
    skipped: int
    seconds: Mapping[str, float] = field(default_factory=dict)
    """Wall time by stage."""
    reused: tuple[int, int] = (0, 0)
    """Docs read and files made that came from a previous run (:attr:`Runner.reuse`)."""
    guesses: int = 0
    """Wire names the docs did not decide (:attr:`generator.core.wirenames.Decision.guess`)."""


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
    options: Options


Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all) as docs are read and files made."""


def generate(
    source: str | Path,
    options: Options = Options(),
    runner: Runner = Runner(),
    progress: Progress | None = None,
) -> Plan:
    """Read the docs under ``source`` and plan the output. Writes nothing.

    Raises :class:`GenerationFailed` when a doc cannot be understood.
    """
    clock = _Clock()
    root = Path(source)
    if not root.is_dir():
        raise GenerationFailed((error(Location(str(source)), "not a directory"),))
    diagnostics: list[Diagnostic] = []
    docs, excluded = find_docs(root, str(source), diagnostics, options.exclude)
    tick = _Ticker(progress, 2 * len(docs))
    reads = read_docs(docs, options, runner, tick)
    models, skipped = _models(reads, diagnostics)
    # Docs left out, whose links are Any: excluded ones, and those that could not be read
    # (their errors are said already; the run goes on to find the rest, in one pass).
    failed = {
        doc.rel for doc, (read, found, _) in zip(docs, reads) if not read and any(d.is_error for d in found)
    }
    if not models and not failed:
        diagnostics.append(warning(Location(str(source)), "no model doc found here: nothing to generate"))
    clock.lap("read and parse")
    # The later stages' modules are imported when reached: reading needs none of them (and
    # a runner that reads in other processes imports them here meanwhile: see make_files).
    from .resolve import resolve
    from .wirenames import decide

    models, wire_names = decide(models, options, diagnostics, rules(), family_of())
    tree = resolve(models, diagnostics, root.resolve().as_posix(), frozenset(excluded) | frozenset(failed))
    clock.lap("resolve")
    _fail_on_errors(diagnostics, options)
    tick.total = len(docs) + len(tree.models) + 1
    files = make_files(tree, options, runner, tick)
    if options.formatter is Formatter.RUFF:
        files = MappingProxyType(ruff_format(files, options))
    clock.lap("render and format")
    reused = runner.reuse.reused if runner.reuse is not None else (0, 0)
    stats = Stats(
        len(docs), len(tree.models), skipped, MappingProxyType(clock.laps), reused, wire_names.guesses
    )
    return Plan(root, files, tuple(diagnostics), stats, tree, wire_names, options)


def read_docs(
    docs: list[Doc], options: Options, runner: Runner, tick: Callable[[int], None]
) -> list[DocRead]:
    """Every doc's model, in the order of ``docs``: from :attr:`Runner.reuse` where the doc's
    bytes are those it was read from, else read now."""
    reuse, digest = runner.reuse, runner.digest
    known: list[DocRead | None] = [None] * len(docs)
    if reuse is not None and digest is not None and reuse.knows_docs:
        known = [_known(doc, reuse, digest) for doc in docs]
        tick(len(docs) - known.count(None))
    missing = [i for i, read in enumerate(known) if read is None]
    read_one = partial(read_doc, options=options, parse=runner.parse, digest=digest)
    warm_up = partial(_warm_up, options)
    made = runner.map(read_one, [docs[i] for i in missing], "read", meanwhile=warm_up, progress=tick)
    for i, (key, read) in zip(missing, made):
        known[i] = read
        if reuse is not None and key is not None:
            reuse.keep_doc(key, read)
    reads = [read for read in known if read is not None]
    return _read_again(docs, reads, options, runner)


def _read_again(docs: list[Doc], reads: list[DocRead], options: Options, runner: Runner) -> list[DocRead]:
    """Pages that did not show their dialect, read again as the tree's most common dialect
    of their family (a C# tree's page of ``*string*`` fields is C#'s, not TypeScript's)."""
    if options.dialect is not None:
        return reads
    counts: dict[str, Counter[str]] = {}
    family_of_dialect = family_of()
    for models, _, family in reads:
        if family is None:
            for model in models:
                counts.setdefault(family_of_dialect[model.dialect], Counter())[model.dialect] += 1
    again = [i for i, (_, _, family) in enumerate(reads) if family in counts]
    if not again:
        return reads
    chosen = {family: max(sorted(c), key=lambda d: c[d]) for family, c in counts.items()}
    items = [(docs[i], chosen[str(reads[i][2])]) for i in again]
    made = runner.map(partial(_read_as, options=options, parse=runner.parse), items, "read")
    reads = list(reads)
    for i, read in zip(again, made):
        reads[i] = read
    return reads


def _read_as(item: tuple[Doc, str], options: Options, parse: ParsePage) -> DocRead:
    doc, dialect = item
    return read_doc(doc, options, parse, dialect=dialect)[1]


def read_doc(
    doc: Doc,
    options: Options,
    parse: ParsePage,
    digest: Callable[..., bytes] | None = None,
    dialect: str | None = None,
) -> tuple[DocKey | None, DocRead]:
    """One doc's models, under the key of the bytes it was read from (if ``digest`` makes
    keys); ``dialect``: read as that one."""
    key = None
    try:
        data = read_bytes(doc)
        key = (doc.rel, doc.shown, digest(data)) if digest is not None else None
        page, found = parse(decode(data, doc.shown), doc.shown, doc.rel)
        models, family = read_models(page, options, found, dialect)
        return key, (models, found, family)
    except DocError as exc:
        return key, ([], [exc.diagnostic], exc.family)


def _known(doc: Doc, reuse: Reuse, digest: Callable[..., bytes]) -> DocRead | None:
    try:
        return reuse.known_doc((doc.rel, doc.shown, digest(read_bytes(doc))))
    except DocError:
        return None  # reading it again reports why


def _models(reads: list[DocRead], diagnostics: list[Diagnostic]) -> tuple[list[ir.Model], int]:
    """The models read, and how many pages were skipped as not models."""
    models: list[ir.Model] = []
    skipped = 0
    for read, found, _ in reads:
        diagnostics.extend(found)
        if not read:
            skipped += not any(d.is_error for d in found)
        models.extend(read)
    return models, skipped


def make_files(
    tree: Tree, options: Options, runner: Runner, tick: Callable[[int], None]
) -> Mapping[str, str]:
    """The output's files by path, sorted: from :attr:`Runner.reuse` where a file's view is
    one it made before, else made now."""
    out = _output(options)
    shared = out.prepare(tree, options)
    make = partial(_make_job, out=out, tree=tree, shared=shared, options=options, runner=runner)
    made = runner.map(make, out.jobs(tree, shared, options), "make", progress=tick)
    problems = [d for result in made if isinstance(result, tuple) for d in result]
    if problems:
        raise GenerationFailed(tuple(problems))
    files = {}
    for result in made:
        assert isinstance(result, list)
        for path, text, key in result:
            files[path] = text
            if runner.reuse is not None:
                runner.reuse.keep_file(key, text)
    return MappingProxyType(dict(sorted(files.items())))


def _make_job(
    job: str, out: Output, tree: Tree, shared: Any, options: Options, runner: Runner
) -> list[MadeFile] | tuple[Diagnostic, ...]:
    """The files of one job; the errors of a user's template, if one fails (an exception
    with diagnostics does not survive the trip back from a worker process)."""
    made = []
    try:
        for file in out.files(job, tree, shared, options):
            key, text = b"", None
            if runner.reuse is not None and runner.digest is not None:
                key = runner.digest(file.path, file.template, repr(file.view))
                text = runner.reuse.known_file(key)
            if text is None:
                text = out.text(file, options, runner.format_python)
            made.append((file.path, text, key))
    except GenerationFailed as exc:
        return tuple(exc.diagnostics)
    return made


def _output(options: Options) -> Output:
    from .outputs import output

    return output(options)


def _warm_up(options: Options) -> None:
    """What this process can do while others read: import the later stages and get the
    output ready to make text (processes forked later share both)."""
    from . import resolve, wirenames  # noqa: F401 - imported to be ready

    _output(options).warm_up(options)


def _fail_on_errors(diagnostics: list[Diagnostic], options: Options) -> None:
    """Once the docs are read and linked: stop if anything is an error (with ``strict``,
    every warning is one), every error of the run said at once; unless the run keeps going."""
    if options.strict:
        diagnostics[:] = [replace(d, severity=Severity.ERROR) for d in diagnostics]
    if any(d.is_error for d in diagnostics) and not options.keep_going:
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
