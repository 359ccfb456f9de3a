"""Generated code and ruff: ``ruff check`` (its default rules) finds nothing in the default
output, and ``--formatter ruff`` output is exactly what ``ruff format`` makes of it, for every
corpus in every style, so that a project's ruff hook and gen-models' hook agree."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ALL_CORPORA, STYLES, Generated, corpus
from ruff.__main__ import find_ruff_bin

from generator import Options, Style, generate, write
from generator.core.options import Formatter

pytestmark = pytest.mark.corpus


def ruff(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([find_ruff_bin(), *map(str, args)], capture_output=True, text=True)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_ruff_check_finds_nothing(
    name: str, style: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    result = ruff(
        "check", "--isolated", "--target-version", "py310", "--quiet", generate_corpus(name, style).root
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_ruff_format_leaves_the_ruff_formatted_output_alone(name: str, style: str, tmp_path: Path) -> None:
    plan = generate(corpus(name), Options(style=Style(style), formatter=Formatter.RUFF))
    write(plan, tmp_path / "out")
    result = ruff("format", "--isolated", "--check", "--target-version", "py310", tmp_path / "out")
    assert result.returncode == 0, result.stdout[-3000:]
