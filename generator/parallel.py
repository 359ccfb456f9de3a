"""Work spread over worker processes, for large trees.

Workers are forked, so they share what the parent has already computed (the tree, the
names) without pickling it, and results come back in input order: the output does not
depend on how many workers ran. Where fork is not available, or the work is small,
everything runs in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400
"""Below this many items, starting workers costs more than it saves."""

_shared: Any = None


def shared() -> Any:
    """What :func:`pmap`'s caller shared with the workers."""
    return _shared


def worker_count(items: int, jobs: int | None) -> int:
    if jobs is not None:
        return max(1, jobs)
    env = os.environ.get("GEN_MODELS_JOBS", "")
    if env.isdigit():
        return max(1, int(env))
    if items < MIN_ITEMS or not hasattr(os, "fork"):
        return 1
    return min(os.cpu_count() or 1, 8)


def pmap(
    fn: Callable[[T], R],
    items: Sequence[T],
    share: Any = None,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]``, in worker processes when that pays; ``share`` is
    what :func:`shared` returns to ``fn`` (in the workers too)."""
    global _shared
    _shared = share
    count = worker_count(len(items), jobs)
    try:
        if count == 1 or not hasattr(os, "fork"):
            out = []
            for item in items:
                out.append(fn(item))
                if progress is not None:
                    progress(1)
            return out
        import multiprocessing  # only here: a small run does not pay for importing it
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(items) // (count * 8))
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            results = []
            for result in pool.map(fn, items, chunksize=chunk):
                results.append(result)
                if progress is not None:
                    progress(1)
            return results
    finally:
        _shared = None
