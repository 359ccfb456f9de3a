"""What a command run tells its user: diagnostics, a line per job, a progress bar, and the
exit status, which :class:`Report` keeps (as black's ``Report`` does)."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..core.diagnostics import Diagnostic

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


@dataclass
class Report:
    """What a run said and found, and the exit status that follows from it."""

    quiet: bool = False
    verbose: bool = False
    fail_on_change: bool = False
    """Exit 1 when files changed or would change (``--check``, ``--exit-nonzero-on-change``)."""
    changed: int = 0
    """Jobs whose output changed, or would."""
    failed: int = 0
    """Jobs that failed, and examples that do not validate."""

    def diagnostics(self, found: Iterable[Diagnostic | str]) -> None:
        for d in found:
            text = str(d)
            if not self.quiet or ": error: " in text:
                click.echo(text, err=True)

    def say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text, err=True)

    def detail(self, text: str) -> None:
        """Said with ``-v`` only."""
        if self.verbose and not self.quiet:
            click.echo(text, err=True)

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
    ) -> None:
        """The line that ends a job: what it read, what it made, what it wrote."""
        guessed = (
            f"; {guesses} wire name{'' if guesses == 1 else 's'} guessed (--names lists them)"
            if guesses
            else ""
        )
        self.say(
            f"gen-models: {out}: {docs} docs read, {models} models, {skipped} pages skipped (not models)"
            f"{guessed}; {counts} in {seconds:.2f}s{note}"
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


def files(count: int) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} file" if count == 1 else f"{count} files"
