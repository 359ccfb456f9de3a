"""The command line: flags and configuration -> jobs -> :func:`~.jobs.run_jobs` -> exit status.

The options of a job come from :mod:`.schema` (the same table the configuration is
checked against); the flags here say what to do with the jobs.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
import msgspec

from ..core.diagnostics import GenerationFailed, InternalError
from ..core.options import Options
from ..speed import gc_pause
from . import config, schema
from .config import ConfigError, Job
from .jobs import Run, run_jobs
from .report import EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, OutputFormat, Report, WriteBack

_EPILOG = """\b
Exit status:
  0    done; with --check, the output is current
  1    a doc cannot be understood (nothing written, or with --keep-going the
       rest written); with --check, the output is not current; with
       --verify, an example fails
  2    usage or configuration error
  123  internal error: a bug in gen-models (please report it)
  130  interrupted (Ctrl-C); every file is as it was or as it would be

\b
With no SOURCE, gen-models runs the jobs of [tool.gen-models] in the nearest
pyproject.toml; flags given here override its settings.
"""


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
@schema.click_options
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
@click.option(
    "--output-format",
    type=click.Choice([f.value for f in OutputFormat]),
    default="text",
    help="How diagnostics are printed: text (stderr), json (stdout, at the end) or github"
    " (annotations on stdout).  [default: text]",
)
@click.option("--color/--no-color", default=None, help="Colour diffs.  [default: on a terminal]")
@click.version_option(package_name="gen-models", prog_name="gen-models")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print every file written or removed, and timings.")
def main(source: Path | None, output: Path | None, **flags: Any) -> None:
    """Generate typed Python models from the SDK model docs under SOURCE."""
    write_back = WriteBack.from_flags(flags.pop("check"), flags.pop("diff"))
    report = Report(
        quiet=flags.pop("quiet"),
        verbose=flags.pop("verbose"),
        fail_on_change=write_back.checks or flags.pop("exit_nonzero_on_change"),
        output_format=OutputFormat(flags.pop("output_format")),
        color=flags.pop("color"),
    )
    run = Run(
        write_back=write_back,
        verify=flags.pop("verify"),
        names=flags.pop("names"),
        cache=not flags.pop("no_cache"),
        jobs=flags.pop("jobs") or _jobs_from_environment(),
    )
    config_path = flags.pop("config_path")
    try:
        with gc_pause.paused():
            jobs = _jobs(source, output, schema.given(flags), config_path, run)
            run_jobs(jobs, run, report)
        status = report.return_code
    except KeyboardInterrupt:  # every file is old or new: writes are atomic
        click.echo("gen-models: interrupted", err=True)
        status = EXIT_INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        status = exc.exit_code
    except ConfigError as exc:
        report.diagnostics(exc.diagnostics)
        status = EXIT_USAGE
    except GenerationFailed as exc:
        report.diagnostics(exc.diagnostics)
        status = EXIT_FAILED
    except InternalError as exc:
        click.echo(f"gen-models: internal error: {exc}", err=True)
        status = EXIT_INTERNAL
    except RecursionError:  # before the catch-all: its message says nothing
        click.echo("gen-models: internal error: a recursion too deep (please report it)", err=True)
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
    report.finish()
    if _end is not None:
        _end(status)  # here, where what the run made is still referenced: none of it is freed
    sys.exit(status)


_end: Callable[[object], NoReturn] | None = None
"""How :func:`main` ends when :func:`command` runs it: :func:`_exit`."""


def command() -> NoReturn:
    """The ``gen-models`` command (:func:`main` in a process of its own).

    The cyclic garbage collector stays off (see :mod:`generator.speed.gc_pause`): turned
    back on at the end it would walk every object the run made, only for the process to
    exit. And when the work is done, the process ends without freeing its objects one by
    one (:func:`main` ends it before they go out of scope): on 10,000 docs that takes a
    second, to give memory back to a process about to exit, and after the memo's saver has
    forked (:func:`~generator.speed.memo.save_detached`) each page freed is first copied.
    """
    global _end
    gc.disable()
    _end = _exit
    try:
        main()
        status: object = 0
    except SystemExit as exc:
        status = exc.code
    _exit(status)


def _exit(status: object) -> NoReturn:
    """End the process now, with ``status`` (as ``sys.exit`` takes it). Output streams are
    flushed first; files are closed by then, and workers have ended."""
    if not (status is None or isinstance(status, int)):  # as Python prints a non-int exit value
        click.echo(status, err=True)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            pass
    os._exit(status or 0)


def _jobs_from_environment() -> int | None:
    value = os.environ.get("GEN_MODELS_JOBS", "")
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise click.BadParameter(
            f"{value!r} is not a number of processes from 1 to 64", param_hint="GEN_MODELS_JOBS"
        )
    return int(value)


def _jobs(
    source: Path | None, output: Path | None, given: dict[str, Any], path: Path | None, run: Run
) -> list[Job]:
    path = path or config.find(Path.cwd())
    settings = config.load(path) if path else None
    if source is not None:
        if output is None and not (run.verify or run.names):
            raise click.UsageError("give the output package with -o/--output (or use --verify or --names)")
        options = Options()
        if settings is not None:  # but styles listed for the configured jobs (one style here)
            defaults = {k: v for k, v in settings.defaults.items() if not isinstance(v, list) or k != "style"}
            options = config.options(settings, defaults)
        return [Job(source, output or Path(), _given(options, given))]
    if output is not None:
        raise click.UsageError("-o/--output needs a SOURCE")
    if settings is None or not settings.jobs:
        raise click.UsageError(
            "give a SOURCE directory, or configure jobs in [tool.gen-models] of pyproject.toml"
            " (see the README)"
        )
    return [msgspec.structs.replace(job, options=_given(job.options, given)) for job in config.jobs(settings)]


def _given(base: Options, given: dict[str, Any]) -> Options:
    """``base`` with the flags given applied (click has checked their values)."""
    try:
        return schema.apply(given, base)
    except schema.BadValue as exc:
        raise click.BadParameter(str(exc), param_hint=f"--{getattr(exc, 'key', '')}") from None
