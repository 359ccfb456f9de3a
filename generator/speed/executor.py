"""Work spread over worker processes, for large trees.

Workers are forked, so they share what the parent has already computed (the tree, the
names, the function they run, closures and all) without pickling it, and results come
back in input order: the output does not depend on how many workers ran, or which did
what.

The parent works too, rather than wait. The items are cut into chunks whose numbers sit
in a pipe that every process reads from (a read of four bytes takes one number whole), so
a process that is ahead takes more chunks and all end together. A worker sends each
chunk's results back as soon as it has them, and the parent unpickles them between its
own items: that cost, and the worker's pickling, are balanced out with the rest. Where
fork is not available, or the work is small, everything runs in this process.
"""

from __future__ import annotations

import functools
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import BinaryIO, Generic, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 100
"""Below this many items, starting workers costs more than it saves (OpenAPI Generator docs,
first runs: 25 docs 0.11 s in one process, 0.13 s with a worker; 100 docs 0.22 s, 0.20 s;
389 docs 0.41 s, 0.30 s)."""

CHUNKS_PER_PROCESS = 48
"""Enough chunks that the processes end within a chunk of each other, few enough that a
chunk's overhead (a pipe read, a pickle) stays small against its work."""
MAX_CHUNKS = 4096
"""Their numbers (16 KB) fit in a pipe's buffer (64 KB on Linux, 16 KB at least elsewhere)."""


class WorkerFailed(Exception):
    """A worker process died, or raised an exception that cannot be pickled."""


def worker_count(items: int, jobs: int | None) -> int:
    """Processes to use, the parent included."""
    if jobs is not None:
        return max(1, jobs)
    if items < MIN_ITEMS or not hasattr(os, "fork"):
        return 1
    return min(os.cpu_count() or 1, 8)


def pmap(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]``, in worker processes when that pays. When workers run,
    this process calls ``meanwhile()`` once first: work it would do later anyway, done
    while they start on the items (they take more of them for it)."""
    count = min(worker_count(len(items), jobs), max(1, len(items)))
    if count == 1 or not hasattr(os, "fork"):
        out = []
        for item in items:
            out.append(fn(item))
            if progress is not None:
                progress(1)
        return out
    return _Map(fn, items, count, progress).run(meanwhile)


class _Map(Generic[T, R]):
    """One :func:`pmap` over ``count`` processes: this one and ``count - 1`` workers."""

    def __init__(
        self, fn: Callable[[T], R], items: Sequence[T], count: int, progress: Callable[[int], None] | None
    ) -> None:
        self.fn = fn
        self.items = items
        self.progress = progress
        size = max(1, -(-len(items) // min(count * CHUNKS_PER_PROCESS, MAX_CHUNKS)))
        self.chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        self.results: list[list[R] | None] = [None] * len(self.chunks)
        self.count = count
        self.workers: dict[int, int] = {}
        """Result pipe -> pid, for each worker still sending."""
        self.buffers: dict[int, bytearray] = {}

    def run(self, meanwhile: Callable[[], None] | None = None) -> list[R]:
        # Every chunk number goes in the pipe before any process reads it, and its write
        # end is closed before the forks: an empty pipe then means no work is left.
        self.tasks, write = os.pipe()
        with open(write, "wb") as numbers:
            numbers.write(b"".join(k.to_bytes(4, "little") for k in range(len(self.chunks))))
        try:
            for _ in range(self.count - 1):
                self._start()
            if meanwhile is not None:
                meanwhile()
            self._work(self._drain, self._done)
            for pipe in list(self.workers):
                os.set_blocking(pipe, True)
                while pipe in self.workers:
                    self._receive(pipe)
        except BaseException:
            self._stop()
            raise
        finally:
            os.close(self.tasks)
        out: list[R] = []
        for part in self.results:
            if part is None:  # every worker ended; a chunk it took never came
                raise WorkerFailed("a worker process ended before sending all its results")
            out.extend(part)
        return out

    def _work(self, between: Callable[[], None], done: Callable[[int, list[R]], None]) -> None:
        """Take chunks until none is left, calling ``between`` after each item and ``done``
        with each chunk's number and results."""
        while True:
            number = os.read(self.tasks, 4)
            if not number:
                return
            k = int.from_bytes(number, "little")
            out = []
            for i in self.chunks[k]:
                out.append(self.fn(self.items[i]))
                between()
            done(k, out)

    def _done(self, k: int, out: list[R]) -> None:
        self.results[k] = out
        if self.progress is not None:
            self.progress(len(out))

    def _start(self) -> None:
        read, write = os.pipe()
        _enlarge(write)
        parent, prctl = os.getpid(), _prctl()
        pid = os.fork()
        if pid:
            os.close(write)
            os.set_blocking(read, False)
            self.workers[read] = pid
            self.buffers[read] = bytearray()
            return
        # The worker: never returns into the parent's code, and ends without running its
        # cleanup (the parent's atexit handlers, buffers and temporary files are the parent's).
        status = 0
        try:
            _die_with(parent, prctl)
            os.close(read)
            for pipe in self.workers:
                os.close(pipe)
            with open(write, "wb") as results:
                try:
                    self._work(lambda: None, lambda k, out: _send(results, (k, out)))
                except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
                    _send(results, (-1, _failure(exc)))
        except BaseException:  # noqa: BLE001 - the parent sees the results missing and says so
            status = 1
        finally:
            os._exit(status)

    def _drain(self) -> None:
        """Take in what the workers have sent so far, without waiting for more."""
        for pipe in list(self.workers):
            self._receive(pipe)

    def _receive(self, pipe: int) -> None:
        """Read what the pipe holds (waiting for some, if it is blocking), and take in every
        whole message; at its end, reap the worker."""
        try:
            data = os.read(pipe, 1 << 20)
        except BlockingIOError:
            return
        buffer = self.buffers[pipe]
        if not data:
            os.close(pipe)
            os.waitpid(self.workers.pop(pipe), 0)
            if buffer:
                raise WorkerFailed("a worker process ended in the middle of sending its results")
            return
        buffer += data
        while len(buffer) >= 8:
            size = int.from_bytes(buffer[:8], "little")
            if len(buffer) < 8 + size:
                break
            k, out = pickle.loads(buffer[8 : 8 + size])
            del buffer[: 8 + size]
            if k < 0:
                _raise(out)
            self._done(k, out)

    def _stop(self) -> None:
        """End the workers still running, when the map failed (or was interrupted)."""
        for pipe, pid in self.workers.items():
            os.close(pipe)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:  # ended and reaped already
                pass
        self.workers.clear()


def in_background(fn: Callable[[], object]) -> Callable[[], None]:
    """Start ``fn()`` in a forked process (here, where fork is not available) and return a
    function that waits for it to end. For work whose result is a file and whose failure
    only costs time: the process's exceptions are not reported."""
    if not hasattr(os, "fork"):
        fn()
        return lambda: None
    pid = os.fork()
    if pid == 0:
        try:
            fn()
        finally:
            os._exit(0)

    def wait() -> None:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:  # reaped already
            pass

    return wait


def _enlarge(pipe: int) -> None:
    """Make a result pipe hold 1 MB (Linux), not 64 KB: a worker whose results wait for the
    parent (busy with its own items, or ``meanwhile``) goes on working, not blocked on a write."""
    if sys.platform.startswith("linux"):
        import fcntl

        try:
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
        except OSError:  # above this system's limit: the default size only slows the worker
            pass


def _send(pipe: BinaryIO, message: object) -> None:
    """One message: its length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()


def _failure(exc: BaseException) -> tuple[BaseException | None, str, str]:
    """What a worker sends when ``fn`` raised: the exception itself, to be raised again in
    the parent (as an OSError stays an OSError), if it can be pickled; and how it was raised."""
    summary = "".join(traceback.format_exception_only(exc)).strip()
    trace = traceback.format_exc()
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - an exception that cannot be pickled: its text
        return None, summary, trace
    return exc, summary, trace


def _raise(failure: tuple[BaseException | None, str, str]) -> None:
    raised, summary, trace = failure
    exc = raised if raised is not None else WorkerFailed(f"in a worker process: {summary}")
    exc.add_note(f"Raised in a worker process:\n{trace}")
    raise exc


@functools.lru_cache(maxsize=1)
def _prctl() -> Callable[..., int] | None:
    """Linux's ``prctl``, looked up once in the parent (each worker would otherwise spend
    milliseconds importing ctypes before its first item); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return cast("Callable[..., int]", ctypes.CDLL(None, use_errno=True).prctl)
    except (OSError, AttributeError):  # no prctl here: a worker just finishes its share
        return None


def _die_with(parent: int, prctl: Callable[..., int] | None) -> None:
    """Have the kernel kill this worker if its parent dies (Linux): a killed run must not
    leave a worker behind, still writing into the output it was making."""
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before that took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1
