"""Running a command's jobs: each planned (or found current), then written, checked or
diffed, verified or listed, with what it found said through a :class:`~.report.Report`.

Every job is planned before anything is written: if one fails, no file is touched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import click

from ..core.diagnostics import GenerationFailed
from ..core.pipeline import Plan, generate
from ..speed import runcache
from ..speed import runner as fast_runner
from ..speed.memo import Memo, save_detached
from .config import Job
from .report import Report, WriteBack, counted
from .writing import Changes, apply, changes, writing_lock


@dataclass
class Run:
    """What the command line asked of every job."""

    write_back: WriteBack = WriteBack.YES
    verify: bool = False
    names: bool = False
    cache: bool = True
    jobs: int | None = None
    """Processes to work in, this one included (None: as many as pay)."""
    _memos: list[Memo] = field(default_factory=list)
    """The jobs' memos, saved once every output is written (:func:`memo.save_detached`)."""
    _planned: list[_Planned] = field(default_factory=list)
    """The jobs' plans: referenced as long as the run is (see :func:`.cli.command`)."""


@dataclass(frozen=True)
class _Planned:
    job: Job
    plan: Plan
    changes: Changes
    inputs: dict[str, Any]
    """What :func:`~generator.speed.runcache.inputs` said before the job read anything."""
    seconds: float


def run_jobs(jobs: list[Job], run: Run, report: Report) -> None:
    """Plan every job, then write (or check) them; verify or list names if asked."""
    if run.names:
        for job in jobs:
            _names(job, run, report)
        return
    if run.verify:
        for job in jobs:
            _verify(job, report)
        if run.write_back.writes:
            return  # --verify alone writes nothing
    planned = run._planned
    try:
        for job in jobs:
            report.job_starts(job.source, job.output, len(jobs))
            start = time.perf_counter()
            cached = run.cache and runcache.enabled()
            # What the job reads, taken before it reads it: a doc edited meanwhile makes the
            # next run a full one.
            before = runcache.inputs(job.source, job.options) if cached else {}
            if cached and not run.write_back.diffs and _unchanged(job, before, start, report):
                continue
            try:
                planned.append(_plan(job, run, report, before, start))
            except GenerationFailed as exc:  # this job writes nothing; the others go on
                report.diagnostics(exc.diagnostics)
                report.job_failed(job.output, exc.diagnostics)
        for item in planned:
            report.job_starts(item.job.source, item.job.output, len(jobs))
            _write(item, run, report)
    finally:
        save_detached(run._memos)  # after the output, in a process that outlives this one


def _unchanged(job: Job, before: dict[str, Any], start: float, report: Report) -> bool:
    """Nothing changed since the last run: say what it said, and be done."""
    saved = runcache.lookup(job.source, job.output, job.options, before)
    if saved is None:
        return False
    report.diagnostics(saved.diagnostics)
    report.failed += any(d.is_error for d in saved.diagnostics)  # --keep-going's errors stand
    counts = f"0 files written, {saved.files} unchanged, 0 removed"
    seconds = time.perf_counter() - start
    report.job(
        job.output,
        saved.docs,
        saved.models,
        saved.skipped,
        saved.guesses,
        counts,
        seconds,
        " (nothing changed since the last run)",
        sum(d.is_error for d in saved.diagnostics),
    )
    return True


def _plan(job: Job, run: Run, report: Report, before: dict[str, Any], start: float) -> _Planned:
    memo = Memo.load(job.source, job.output, job.options, before) if before else Memo()
    with report.progress(str(job.source)) as progress:
        plan = generate(job.source, job.options, fast_runner(run.jobs, memo), progress)
    run._memos.append(memo)
    report.diagnostics(plan.diagnostics)
    return _Planned(job, plan, changes(plan, job.output), before, time.perf_counter() - start)


def _write(item: _Planned, run: Run, report: Report) -> None:
    start = time.perf_counter()
    found = item.changes
    errors = sum(d.is_error for d in item.plan.diagnostics)
    report.failed += bool(errors)  # --keep-going: written, and still a failure
    if not item.plan.stats.models:
        report.say(f"gen-models: {item.job.output}: no model to write: nothing written")
        return
    if run.write_back.writes:
        with writing_lock(found.root):
            found = found.again(item.plan)  # another run may have written it meanwhile
            result = apply(found, run.jobs)
        report.details(f"wrote {found.root / rel}" for rel in result.written)
        report.details(f"removed {found.root / rel}" for rel in result.removed)
        report.changed += bool(result.written or result.removed)
        counts = (
            f"{counted(len(result.written), 'file')} written, {len(result.unchanged)} unchanged,"
            f" {len(result.removed)} removed"
        )
    else:
        if run.write_back.diffs:
            report.diff(found.diff())
        for line in found.listing():
            report.say(line)
        report.changed += bool(found)
        counts = (
            f"{counted(len(found.create) + len(found.change), 'file')} would be written,"
            f" {len(found.unchanged)} unchanged, {len(found.remove)} would be removed"
        )
    stats = item.plan.stats
    writing = time.perf_counter() - start
    if run.write_back.writes or not found:
        saved = runcache.Saved(
            item.plan.diagnostics,
            stats.docs,
            stats.models,
            stats.skipped,
            len(item.plan.files),
            stats.guesses,
        )
        runcache.store(item.job.source, item.job.output, item.job.options, item.inputs, saved)
    seconds = item.seconds + time.perf_counter() - start
    report.job(
        found.root, stats.docs, stats.models, stats.skipped, stats.guesses, counts, seconds, errors=errors
    )
    stages = {**stats.seconds, "write": writing}
    report.detail("  seconds by stage: " + ", ".join(f"{k} {v:.3f}" for k, v in stages.items()))
    if run.cache:
        report.detail(
            f"  reused from the last run: {stats.reused[0]} docs read, {stats.reused[1]} files made"
        )


def _names(job: Job, run: Run, report: Report) -> None:
    """Print every field's wire name as a name-map line, with how it was decided."""
    from ..core.wirenames import name_map_lines

    plan = generate(job.source, job.options, fast_runner(run.jobs))
    report.diagnostics(plan.diagnostics)
    click.echo("\n".join(name_map_lines(plan.wire_names, str(job.source))))


def _verify(job: Job, report: Report) -> None:
    from .verify import verify_examples

    try:
        found = verify_examples(job.source, job.options)
    except GenerationFailed as exc:
        report.diagnostics(exc.diagnostics)
        report.failed += 1
        return
    report.diagnostics(found.diagnostics)
    broken = f", {len(found.broken)} break their own doc (not checked)" if found.broken else ""
    report.say(
        f"gen-models: {job.source}: {found.checked} examples checked, {found.passed} valid and"
        f" round-trip, {found.failed} failed{broken}"
    )
    report.failed += found.failed
