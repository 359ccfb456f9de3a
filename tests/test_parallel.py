"""Worker processes: results in input order whoever made them, and a worker's failure is the
parent's (its exception raised again, or a clear error if it died), with no process left."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from functools import partial

import pytest

from generator.speed.executor import WorkerFailed, in_background, pmap

PARENT = os.getpid()


def _slow(x: int, factor: int = 1) -> tuple[int, bool]:
    time.sleep(0.0005)  # long enough that every worker takes chunks before the parent ends
    return x * factor, os.getpid() == PARENT


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_in_input_order_and_shared_work(jobs: int) -> None:
    out = pmap(partial(_slow, factor=3), list(range(600)), jobs=jobs)
    assert [value for value, _ in out] == [3 * x for x in range(600)]
    in_parent = sum(here for _, here in out)
    if jobs == 1:
        assert in_parent == 600
    else:  # the parent works too, and so does every worker
        assert 0 < in_parent < 600
        assert in_parent > 600 / jobs / 3


def test_progress_counts_every_item() -> None:
    ticks: list[int] = []
    pmap(_slow, list(range(500)), jobs=2, progress=ticks.append)
    assert sum(ticks) == 500


def _past_100(in_worker: bool, act: Callable[[int], object]) -> Callable[[int], int]:
    """The identity, slowed as :func:`_slow` is, that does ``act(x)`` for every item past
    the hundredth that a worker takes (``in_worker``) or that the parent takes."""

    def fn(x: int) -> int:
        time.sleep(0.0005)
        if (os.getpid() != PARENT) == in_worker and x > 100:
            act(x)
        return x

    return fn


def _raise(exc: BaseException) -> None:
    raise exc


def test_a_workers_exception_is_raised_in_the_parent() -> None:
    fails = _past_100(True, lambda x: _raise(OSError(28, "No space left on device", f"file{x}")))
    with pytest.raises(OSError, match="No space left") as caught:
        pmap(fails, list(range(500)), jobs=2)
    assert any("Raised in a worker process" in note for note in caught.value.__notes__)
    _assert_no_children()


class _Unpicklable(Exception):
    def __reduce__(self) -> object:
        raise TypeError("cannot pickle this")


def test_an_unpicklable_exception_is_reported_by_its_text() -> None:
    fails = _past_100(True, lambda x: _raise(_Unpicklable("odd")))
    with pytest.raises(WorkerFailed, match="in a worker process: .*_Unpicklable: odd"):
        pmap(fails, list(range(500)), jobs=2)
    _assert_no_children()


def test_a_worker_that_dies_is_an_error_not_a_short_result() -> None:
    dies = _past_100(True, lambda x: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(WorkerFailed, match="ended before sending all its results"):
        pmap(dies, list(range(500)), jobs=2)
    _assert_no_children()


def test_the_parents_failure_stops_the_workers() -> None:
    fails = _past_100(False, lambda x: _raise(ValueError("parent")))
    with pytest.raises(ValueError, match="parent"):
        pmap(fails, list(range(500)), jobs=3)
    _assert_no_children()


def test_in_background_runs_and_is_waited_for(tmp_path) -> None:
    target = tmp_path / "made"
    wait = in_background(lambda: target.write_text("done"))
    wait()
    assert target.read_text() == "done"
    _assert_no_children()


def _assert_no_children() -> None:
    """Every worker was reaped: none is left running or as a zombie."""
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
