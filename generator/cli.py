"""The command line: flags and config -> jobs -> plans -> write (or check) -> exit status.

Every job is planned before anything is written: if one fails, no file is touched.
"""

from __future__ import annotations

import enum
import gc
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click
import msgspec

from .config import TARGET_VERSIONS, AliasRule, Dialect, EnumStyle, Extra, Nulls, Options, PythonDates, Style
from . import gc_pause, pyproject
from .diagnostics import Diagnostic, GenerationFailed, InternalError
from .pyproject import Job

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 123

_EPILOG = """\b
Exit status:
  0    done; with --check, the output is current
  1    a doc cannot be understood (nothing written); with --check, the output is
       not current; with --verify, an example fails
  2    usage error
  123  internal error: a bug in gen-models (please report it)

\b
With no SOURCE, gen-models runs the jobs of [tool.gen-models] in the nearest
pyproject.toml; flags given here override its settings.
"""

_PROGRESS_FROM = 100
"""Show a progress bar (on a terminal) for runs of at least this many files."""


def _choice(options: type[enum.Enum]) -> click.Choice[str]:
    return click.Choice([e.value for e in options])


# Flags that are also [tool.gen-models] keys: click parameter name -> config key.
_CONFIG_KEYS = {
    "style": "style",
    "extra": "extra",
    "nulls": "nulls",
    "enum_style": "enum-style",
    "target_version": "target-version",
    "line_length": "line-length",
    "field_docstrings": "field-docstrings",
    "templates": "templates",
    "strict": "strict",
    "dialect": "dialect",
    "alias_rule": "alias-rule",
    "name_map": "name-map",
    "python_dates": "python-dates",
}


@click.command(
    epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.argument("source", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The package to write (its last part is its name).",
)
@click.option("--style", type=_choice(Style), help="What to generate.  [default: pydantic]")
@click.option(
    "--extra",
    type=_choice(Extra),
    help="pydantic: what models do with keys their doc does not list.  [default: ignore]",
)
@click.option(
    "--nulls",
    type=_choice(Nulls),
    help="Fields whose doc does not say if they may be null: lenient lets them be None.  [default: lenient]",
)
@click.option(
    "--enum-style",
    type=_choice(EnumStyle),
    help="Enum docs as Enum classes or Literal aliases.  [default: enum]",
)
@click.option(
    "--target-version",
    type=click.Choice(list(TARGET_VERSIONS)),
    help="The oldest Python the code must run and type-check on.  [default: py310]",
)
@click.option("--line-length", type=click.IntRange(40, 400), help="black's line length.  [default: 88]")
@click.option(
    "--field-docstrings/--no-field-docstrings", default=None, help="Docstrings under fields.  [default: on]"
)
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A directory of your own Jinja templates, overriding the built-in ones file by file.",
)
@click.option(
    "--dialect",
    type=_choice(Dialect),
    help="Read every doc in this format.  [default: detected file by file]",
)
@click.option(
    "--alias-rule",
    type=_choice(AliasRule),
    help="Docs that show Python names: wire names are these names in camelCase or PascalCase.  [default: none]",
)
@click.option(
    "--name-map",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Docs that show Python names: a TOML file of "Model.field" = "wireName" lines.',
)
@click.option(
    "--python-dates",
    type=_choice(PythonDates),
    help="Speakeasy Python docs swap the date and datetime labels: correct them, or read them as labelled."
    "  [default: corrected]",
)
@click.option("--strict", is_flag=True, default=None, help="Treat warnings as errors.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print unified diffs of what would change.")
@click.option("--verify", is_flag=True, help="Check the docs' own examples against the generated models.")
@click.option(
    "--names",
    is_flag=True,
    help="Write nothing; print each field's wire name and how it was decided, as name-map lines.",
)
@click.option(
    "--exit-nonzero-on-change", is_flag=True, help="Exit 1 if files were written or removed (for hooks)."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The pyproject.toml to read  [default: the nearest one with [tool.gen-models]].",
)
@click.option(
    "--no-cache", is_flag=True, help="Always do the whole job, even if nothing changed since the last run."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    help="Processes to work in, this one included (1: no workers).  [default: as many as pay off]",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print every file written or removed, and timings.")
@click.pass_context
def main(ctx: click.Context, /, source: Path | None, output: Path | None, **flags: Any) -> None:
    """Generate typed Python models from the SDK model docs under SOURCE."""
    run = Run(
        quiet=flags.pop("quiet"),
        verbose=flags.pop("verbose"),
        check=flags.pop("check"),
        diff=flags.pop("diff"),
        verify=flags.pop("verify"),
        names=flags.pop("names"),
        exit_nonzero_on_change=flags.pop("exit_nonzero_on_change"),
        no_cache=flags.pop("no_cache"),
        jobs=flags.pop("jobs"),
    )
    config_path = flags.pop("config_path")
    given = {
        _CONFIG_KEYS[name]: str(value.resolve()) if isinstance(value, Path) else value
        for name, value in flags.items()
        if value is not None and ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE
    }
    try:
        with gc_pause.paused():
            jobs = _jobs(source, output, given, config_path, run)
            if run.names:
                status = run.names_jobs(jobs)
            else:
                status = run.verify_jobs(jobs) if run.verify else run.generate_jobs(jobs)
    except click.ClickException as exc:
        exc.show()
        status = exc.exit_code
    except GenerationFailed as exc:
        run.report(exc.diagnostics)
        status = EXIT_FAILED
    except InternalError as exc:
        click.echo(f"gen-models: internal error: {exc}", err=True)
        status = EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        click.echo(
            f"gen-models: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in gen-models; please report it with the command you ran"
            " (set GEN_MODELS_DEBUG=1 to see the traceback).",
            err=True,
        )
        if os.environ.get("GEN_MODELS_DEBUG"):
            click.echo(traceback.format_exc(), err=True)
        status = EXIT_INTERNAL
    sys.exit(status)


def command() -> NoReturn:
    """The ``gen-models`` command (:func:`main` in a process of its own).

    The cyclic garbage collector stays off (see :mod:`.gc_pause`): turned back on at the
    end it would walk every object the run made, only for the process to exit. And when
    the work is done, the process ends without freeing its objects one by one: on 10,000
    docs that takes a second, to give memory back to a process about to exit. Output
    streams are flushed first; files are closed by then, and workers have ended.
    """
    gc.disable()
    try:
        main()
        status: object = 0
    except SystemExit as exc:
        status = exc.code
    if not (status is None or isinstance(status, int)):  # as Python prints a non-int exit value
        click.echo(status, err=True)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            pass
    os._exit(status or 0)


def _jobs(
    source: Path | None, output: Path | None, given: dict[str, Any], config: Path | None, run: Run
) -> list[Job]:
    path = config or pyproject.find(Path.cwd())
    settings = pyproject.load(path) if path else None
    if source is not None:
        if output is None and not (run.verify or run.names):
            raise click.UsageError("give the output package with -o/--output (or use --verify or --names)")
        defaults = dict(settings.defaults) if settings else {}
        values = {k: v for k, v in {**defaults, **given}.items() if k in pyproject.OPTION_KEYS}
        options = pyproject.options(values, Options(), settings.path if settings else Path("pyproject.toml"))
        return [Job(source, output or Path(), options)]
    if output is not None:
        raise click.UsageError("-o/--output needs a SOURCE")
    if settings is None or not settings.jobs:
        raise click.UsageError(
            "give a SOURCE directory, or configure jobs in [tool.gen-models] of pyproject.toml (see the README)"
        )
    return [
        msgspec.structs.replace(job, options=pyproject.options(given, job.options, settings.path))
        for job in pyproject.jobs(settings)
    ]


def _summary(out: Path, docs: int, models: int, skipped: int, guesses: int, counts: str, seconds: float) -> str:
    """The line that ends a job's run."""
    guessed = f"; {guesses} wire names guessed (--names lists them)" if guesses else ""
    return (
        f"gen-models: {out}: {docs} docs read, {models} models, {skipped} pages skipped (not models)"
        f"{guessed}; {counts} in {seconds:.2f}s"
    )


class Run(msgspec.Struct):
    quiet: bool
    verbose: bool
    check: bool
    diff: bool
    verify: bool
    exit_nonzero_on_change: bool
    names: bool = False
    no_cache: bool = False
    jobs: int | None = None
    _saving: list[Callable[[], None]] = msgspec.field(default_factory=list)
    """Waits for the memos being saved in the background."""

    def report(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        for d in diagnostics:
            if d.is_error or not self.quiet:
                click.echo(str(d), err=True)

    def say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text, err=True)

    def generate_jobs(self, jobs: list[Job]) -> int:
        from . import runcache

        planned = []
        for job in jobs:
            start = time.perf_counter()
            cached = runcache.enabled() and not self.no_cache
            # What the job reads, taken before it reads it: a doc edited meanwhile makes the next run a full one.
            before = runcache.inputs(job.source, job.options) if cached else {}
            saved = (
                runcache.lookup(job.source, job.output, job.options, before)
                if cached and not self.diff
                else None
            )
            if saved is not None:  # nothing changed since the last run: nothing to do
                for line in saved.diagnostics:
                    if ": error: " in line or not self.quiet:
                        click.echo(line, err=True)
                counts = f"0 files written, {saved.files} unchanged, 0 removed"
                seconds = time.perf_counter() - start
                self.say(
                    _summary(job.output, saved.docs, saved.models, saved.skipped, saved.guesses, counts, seconds)
                    + " (nothing changed since the last run)"
                )
                continue
            planned.append(self._plan(job, start, before))
        try:
            return self._write_jobs(planned)
        finally:
            for wait in self._saving:
                wait()

    def _write_jobs(self, planned: list[tuple[Job, Any, Any, dict[str, Any], float]]) -> int:
        from . import runcache

        drift = False
        for job, plan, changes, before, seconds in planned:
            start = time.perf_counter()
            if self.check or self.diff:
                if self.diff:
                    click.echo(changes.diff(), nl=False)
                for line in changes.listing():
                    self.say(line)
                drift = drift or bool(changes)
                counts = (
                    f"{len(changes.create) + len(changes.change)} files would be written,"
                    f" {len(changes.unchanged)} unchanged, {len(changes.remove)} would be removed"
                )
            else:
                from .writing import apply

                result = apply(changes, self.jobs)
                for rel in result.written if self.verbose else ():
                    self.say(f"wrote {changes.root / rel}")
                for rel in result.removed if self.verbose else ():
                    self.say(f"removed {changes.root / rel}")
                drift = drift or bool(result.written or result.removed)
                counts = f"{len(result.written)} files written, {len(result.unchanged)} unchanged, {len(result.removed)} removed"
            s = plan.stats
            writing = time.perf_counter() - start
            if not (self.check or self.diff) or not changes:
                report = runcache.Saved(
                    tuple(map(str, plan.diagnostics)), s.docs, s.models, s.skipped, len(plan.files), s.guesses
                )
                runcache.store(job.source, job.output, job.options, before, report)
            seconds += time.perf_counter() - start
            self.say(_summary(changes.root, s.docs, s.models, s.skipped, s.guesses, counts, seconds))
            if self.verbose:
                stages = {**s.seconds, "write": writing}
                self.say("  seconds by stage: " + ", ".join(f"{k} {v:.3f}" for k, v in stages.items()))
                if not self.no_cache:
                    self.say(f"  reused from the last run: {s.reused[0]} docs read, {s.reused[1]} files made")
        if drift and (self.check or self.exit_nonzero_on_change):
            return EXIT_FAILED
        return EXIT_OK

    def _plan(
        self, job: Job, start: float, before: dict[str, Any]
    ) -> tuple[Job, Any, Any, dict[str, Any], float]:
        from .memo import Memo
        from .pipeline import generate
        from .writing import changes as plan_changes

        memo = Memo.load(job.source, job.output, job.options, before) if before else Memo()
        with self._progress(str(job.source)) as progress:
            plan = generate(job.source, job.options, progress, jobs=self.jobs, memo=memo)
        self._saving.append(memo.save())  # in the background, while the output is written
        self.report(plan.diagnostics)
        return job, plan, plan_changes(plan, job.output), before, time.perf_counter() - start

    def names_jobs(self, jobs: list[Job]) -> int:
        """Print every field's wire name as a name-map line, with how it was decided."""
        from .pipeline import generate
        from .wirenames import name_map_lines

        for job in jobs:
            plan = generate(job.source, job.options, jobs=self.jobs)
            self.report(plan.diagnostics)
            click.echo("\n".join(name_map_lines(plan.wire_names, str(job.source))))
        return EXIT_OK

    def verify_jobs(self, jobs: list[Job]) -> int:
        import importlib.util

        from .verify import verify_examples

        if any(job.options.style is not Style.DATACLASS for job in jobs) and not importlib.util.find_spec(
            "pydantic"
        ):
            missing = click.ClickException(
                "--verify checks the examples with pydantic, which is not installed here:"
                " pip install 'gen-models[verify]' (or use --style dataclass)"
            )
            missing.exit_code = EXIT_USAGE
            raise missing
        failed = 0
        for job in jobs:
            report = verify_examples(job.source, job.options)
            self.report(report.diagnostics)
            broken = f", {len(report.broken)} break their own doc (not checked)" if report.broken else ""
            self.say(
                f"gen-models: {job.source}: {report.checked} examples checked, {report.passed} valid and"
                f" round-trip, {report.failed} failed{broken}"
            )
            failed += report.failed
        return EXIT_FAILED if failed else EXIT_OK

    @contextmanager
    def _progress(self, label: str) -> Iterator[Callable[[int, int], None] | None]:
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
