"""The speed layer: faster ways to run the stages of :mod:`generator.core`, each giving the
same output as the plain way (the tests hold each to it), each switchable off.

* :mod:`.executor`: forked worker processes for large trees;
* :mod:`.plain_markdown`: a reader for the markdown SDK docs are written in (markdown-it
  for the rest);
* :mod:`.layout`: black's layout of gen-models' own code, without black's parser;
* :mod:`.memo` and :mod:`.runcache`: what the last run made, and whether anything changed;
* :mod:`.gc_pause`: the garbage collector paused while a run builds its objects.

:func:`runner` assembles them into a :class:`~generator.core.pipeline.Runner`; the core
does not know they exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..core.pipeline import Runner
from . import executor
from .layout import format_python
from .memo import Memo, digest
from .plain_markdown import parse_page

T = TypeVar("T")
R = TypeVar("R")


def runner(jobs: int | None = 1, memo: Memo | None = None) -> Runner:
    """The fast runner: ``jobs`` processes at most, this one included (None: as many as pay
    for the tree, one per core up to 8), the plain markdown reader, the layout, and
    ``memo`` (if given) for what a previous run made."""
    return Runner(
        map=_Map(jobs, memo), parse=parse_page, format_python=format_python, reuse=memo, digest=digest
    )


class _Map:
    """:func:`~generator.speed.executor.pmap` for the pipeline's maps."""

    def __init__(self, jobs: int | None, memo: Memo | None) -> None:
        self.jobs = jobs
        self.memo = memo
        self.read_afresh = 0

    def __call__(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        stage: str,
        meanwhile: Callable[[], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[R]:
        jobs = self.jobs
        if stage == "read":
            self.read_afresh = len(items)
        elif (
            self.memo is not None
            and self.memo.files
            and jobs is None
            and self.read_afresh < executor.MIN_ITEMS
        ):
            jobs = 1  # few docs changed: most files come from the memo, workers would not pay
        return executor.pmap(fn, items, jobs=jobs, progress=progress, meanwhile=meanwhile)
