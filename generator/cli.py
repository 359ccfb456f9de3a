"""The command line: flags -> API -> write -> diagnostics -> exit status.

Exit status: 0 done; 1 the docs have errors (nothing written), or --verify found
examples that fail; 2 usage error; 123 internal error (a gen-models bug).
"""

from __future__ import annotations

import enum
import os
import sys
import time
import traceback
from pathlib import Path

import click

from .config import Extra, Nulls, Options, Style
from .diagnostics import Diagnostic, GenerationFailed, InternalError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 123

_EPILOG = """\b
Exit status:
  0    done
  1    a doc cannot be understood (nothing written), or --verify found failing examples
  2    usage error
  123  internal error: a bug in gen-models (please report it)
"""


def _choice(options: type[enum.Enum]) -> click.Choice[str]:
    return click.Choice([e.value for e in options])


@click.command(epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The package to write (its last part is its name).",
)
@click.option(
    "--style", type=_choice(Style), default=Style.PYDANTIC.value, show_default=True, help="What to generate."
)
@click.option(
    "--extra",
    type=_choice(Extra),
    default=Extra.IGNORE.value,
    show_default=True,
    help="pydantic: what a model does with keys its doc does not list.",
)
@click.option(
    "--nulls",
    type=_choice(Nulls),
    default=Nulls.LENIENT.value,
    show_default=True,
    help="Where a doc does not say whether a field may be null: lenient lets it be None; strict does not.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--verify",
    is_flag=True,
    help="Check the docs' own examples against the generated pydantic models; write nothing.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def main(
    source: Path,
    output: Path | None,
    style: str,
    extra: str,
    nulls: str,
    strict: bool,
    verify: bool,
    quiet: bool,
) -> None:
    """Generate typed Python models from the SDK model docs under SOURCE."""
    options = Options(style=Style(style), extra=Extra(extra), nulls=Nulls(nulls), strict=strict)
    if not verify and output is None:
        raise click.UsageError("give the output package with -o/--output (or use --verify)")
    try:
        status = _verify(source, options, quiet) if verify else _generate(source, output, options, quiet)
    except GenerationFailed as exc:
        _report(exc.diagnostics, quiet)
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


def _generate(source: Path, output: Path | None, options: Options, quiet: bool) -> int:
    from . import generate, write

    assert output is not None
    start = time.perf_counter()
    plan = generate(source, options)
    _report(plan.diagnostics, quiet)
    result = write(plan, output)
    if not quiet:
        s = plan.stats
        click.echo(
            f"gen-models: {s.docs} docs read, {s.models} models, {s.skipped} pages skipped (not models); "
            f"{len(result.written)} files written, {len(result.unchanged)} unchanged, "
            f"{len(result.removed)} removed in {time.perf_counter() - start:.2f}s",
            err=True,
        )
    return EXIT_OK


def _verify(source: Path, options: Options, quiet: bool) -> int:
    from .verify import verify_examples

    report = verify_examples(source, options)
    _report(report.diagnostics, quiet)
    if not quiet:
        click.echo(
            f"gen-models: {report.checked} examples checked, {report.passed} valid and round-trip, "
            f"{report.checked - report.passed} failed",
            err=True,
        )
    return EXIT_OK if report.passed == report.checked else EXIT_FAILED


def _report(diagnostics: tuple[Diagnostic, ...], quiet: bool) -> None:
    for d in diagnostics:
        if d.is_error or not quiet:
            click.echo(str(d), err=True)
