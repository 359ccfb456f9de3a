"""What a command run tells its user: diagnostics, a line per job, a progress bar, and the
exit status, which :class:`Report` keeps (as black's ``Report`` does)."""

from __future__ import annotations

import enum
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ..core.diagnostics import TYPE_CELL, UNREAD_DIALECT, Diagnostic, Location

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 123

_PROGRESS_FROM = 100
"""Show a progress bar (on a terminal) for runs of at least this many files."""


class WriteBack(enum.Enum):
    """What a run does with the files it plans."""

    YES = "write"
    """Write what changed (the default)."""
    CHECK = "check"
    """Write nothing; list the files that would change; exit 1 if any would."""
    DIFF = "diff"
    """Write nothing; print unified diffs of what would change."""
    CHECK_DIFF = "check-diff"
    """Both: the diffs, and exit 1 if anything would change."""

    @classmethod
    def from_flags(cls, check: bool, diff: bool) -> WriteBack:
        if check and diff:
            return cls.CHECK_DIFF
        return cls.CHECK if check else cls.DIFF if diff else cls.YES

    @property
    def writes(self) -> bool:
        return self is WriteBack.YES

    @property
    def checks(self) -> bool:
        return self in (WriteBack.CHECK, WriteBack.CHECK_DIFF)

    @property
    def diffs(self) -> bool:
        return self in (WriteBack.DIFF, WriteBack.CHECK_DIFF)


class OutputFormat(enum.Enum):
    """How diagnostics are printed."""

    TEXT = "text"
    """``path:line: error: message`` on stderr, as compilers and black print them."""
    JSON = "json"
    """One JSON array of them on stdout at the end: path, line, severity, message, job."""
    GITHUB = "github"
    """GitHub Actions' workflow commands on stdout (``::error file=..,line=..::..``): they
    show as annotations on the lines of the docs."""


@dataclass
class Report:
    """What a run said and found, and the exit status that follows from it."""

    quiet: bool = False
    verbose: bool = False
    fail_on_change: bool = False
    """Exit 1 when files changed or would change (``--check``, ``--exit-nonzero-on-change``)."""
    output_format: OutputFormat = OutputFormat.TEXT
    color: bool | None = None
    """Diffs in colour (None: on a terminal)."""
    changed: int = 0
    """Jobs whose output changed, or would."""
    failed: int = 0
    """Jobs that failed, and examples that do not validate."""
    _job: str = ""
    """The job being reported on, in a run of several (named on its diagnostics)."""
    _said: list[dict[str, object]] = field(default_factory=list)
    """Diagnostics kept for ``--output-format json``."""
    _named: bool = False
    """The job being reported on was named before its diagnostics."""

    def diagnostics(self, found: Iterable[Diagnostic]) -> None:
        """Print diagnostics; as text, a tree's many problems of one sort (``Diagnostic.kind``)
        are one line unless ``--verbose``, and a run of several jobs names the job first."""
        if self.output_format is not OutputFormat.TEXT:
            for d in found:
                self._structured(d)
            return
        shown = [d for d in (found if self.verbose else summed_up(found)) if not self.quiet or d.is_error]
        if shown and self._job and not self._named:
            click.echo(f"gen-models: in job {self._job}:", err=True)
            self._named = True
        for d in shown:
            click.echo(str(d), err=True)

    def _structured(self, d: Diagnostic) -> None:
        if self.output_format is OutputFormat.JSON:
            self._said.append(
                {
                    "path": d.location.path,
                    "line": d.location.line,
                    "severity": d.severity.value,
                    "message": d.message,
                    "job": self._job,
                }
            )
        elif not self.quiet or d.is_error:
            line = f",line={d.location.line}" if d.location.line else ""
            message = d.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(f"::{d.severity.value} file={d.location.path}{line}::{message}")

    def finish(self) -> None:
        """Print what is kept for the end (``--output-format json``)."""
        if self.output_format is OutputFormat.JSON:
            click.echo(json.dumps(self._said, indent=2))

    def job_starts(self, source: Path, out: Path, jobs: int) -> None:
        """A job begins: in a run of several, its diagnostics and lines name it."""
        self._job = f"{source} -> {out}" if jobs > 1 else ""
        self._named = False
        if self._job and self.output_format is OutputFormat.TEXT:
            self.detail(f"gen-models: job {self._job}")

    def job_failed(self, out: Path, found: Iterable[Diagnostic]) -> None:
        """A job that writes nothing: how many errors, in how many docs."""
        errors = [d for d in found if d.is_error]
        docs = len({d.location.path for d in errors})
        self.failed += 1
        self.say(
            f"gen-models: {out}: {counted(len(errors), 'error')} in {counted(docs, 'doc')}; nothing written"
        )

    def diff(self, text: str) -> None:
        """Unified diffs on stdout, coloured as git colours them where colour is on."""
        if self.color is False or (self.color is None and not sys.stdout.isatty()):
            click.echo(text, nl=False)
            return
        for line in text.splitlines(keepends=True):
            colour = "red" if line.startswith("-") else "green" if line.startswith("+") else None
            if line.startswith(("---", "+++")):
                colour = None
            elif line.startswith("@@"):
                colour = "cyan"
            click.echo(click.style(line, fg=colour) if colour else line, nl=False, color=True)

    def say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text, err=True)

    def detail(self, text: str) -> None:
        """Said with ``-v`` only."""
        if self.verbose and not self.quiet:
            click.echo(text, err=True)

    def details(self, lines: Iterable[str]) -> None:
        """Each line said with ``-v`` only (made only then: a line for each of 10,000 files)."""
        if self.verbose and not self.quiet:
            for line in lines:
                click.echo(line, err=True)

    def job(
        self,
        out: Path,
        docs: int,
        models: int,
        skipped: int,
        guesses: int,
        counts: str,
        seconds: float,
        note: str = "",
        errors: int = 0,
    ) -> None:
        """The line that ends a job: what it read, what it made, what it wrote."""
        guessed = f"; {counted(guesses, 'wire name')} guessed (--names lists them)" if guesses else ""
        failed = f"; {counted(errors, 'error')}, the rest written (--keep-going)" if errors else ""
        self.say(
            f"gen-models: {out}: {counted(docs, 'doc')} read, {counted(models, 'model')},"
            f" {counted(skipped, 'page')} skipped (not models){guessed}{failed}; {counts}"
            f" in {seconds:.2f}s{note}"
        )

    @property
    def return_code(self) -> int:
        if self.failed:
            return EXIT_FAILED
        return EXIT_FAILED if self.changed and self.fail_on_change else EXIT_OK

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[int, int], None] | None]:
        """A progress bar on stderr, on a terminal, for long runs."""
        if self.quiet or not sys.stderr.isatty():
            yield None
            return
        bar: Any = None

        def update(done: int, total: int) -> None:
            nonlocal bar
            if bar is None and total >= _PROGRESS_FROM:
                bar = click.progressbar(length=total, label=f"gen-models {label}", file=sys.stderr)
                bar.__enter__()
            if bar is not None:
                bar.update(done - bar.pos)

        try:
            yield update
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)


SUM_UP_FROM = 3
"""Problems of one sort in at least this many docs are one line (``--verbose``: each)."""
_SUMMARIES = {
    TYPE_CELL: (
        "type cells gen-models cannot read in {docs} docs, such as {examples}: docs of an SDK"
        " language gen-models does not read yet? ({count} errors; --verbose lists each)"
    ),
    UNREAD_DIALECT: (
        "{docs} docs look like model docs of a dialect gen-models does not read yet, such as"
        " {examples}: skipped (--verbose lists each)"
    ),
}


def summed_up(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics, those of a kind found in :data:`SUM_UP_FROM` docs or more replaced by
    one, located at the first of them, naming three."""
    found = list(found)
    by_kind: dict[str, list[Diagnostic]] = {}
    for d in found:
        if d.kind in _SUMMARIES:
            by_kind.setdefault(d.kind, []).append(d)
    out = [d for d in found if d.kind not in by_kind]
    for kind, group in by_kind.items():
        docs = {d.location.path for d in group}
        if len(docs) < SUM_UP_FROM:
            out.extend(group)
            continue
        first = min(group, key=lambda d: d.location)
        message = _SUMMARIES[kind].format(docs=len(docs), examples=_examples(group), count=len(group))
        out.append(Diagnostic(first.severity, first.location, message, kind))
    return out


def _examples(group: list[Diagnostic]) -> str:
    """Three of a group's subjects, short and distinct: type cells' text, or pages' locations."""
    seen: dict[str, Location] = {}
    for d in sorted(group, key=lambda d: d.location):
        m = _CELL.match(d.message) if d.kind == TYPE_CELL else None
        seen.setdefault(m.group(1) if m else str(d.location), d.location)
    return ", ".join(f"{what} ({at})" if what != str(at) else what for what, at in list(seen.items())[:3])


_CELL = re.compile(r"cannot read type ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def counted(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
