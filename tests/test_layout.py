"""gen-models lays out code as black does, without running black (generator.layout):
proven here, for every corpus and style, against black itself."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import black
import pytest
from black.mode import TargetVersion

from generator import Options, Style, generate
from generator.pipeline import render_files
from helpers import ALL_CORPORA, ROOT, STYLES, Generated


def _black(args: tuple[str, int]) -> str:
    source, line_length = args
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=line_length)
    return str(black.format_str(source, mode=mode))


@pytest.fixture(scope="module")
def pool() -> ProcessPoolExecutor:
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as executor:
        yield executor  # type: ignore[misc]


def assert_black_made(
    files: dict[str, str], rendered: dict[str, str], line_length: int, pool: ProcessPoolExecutor
) -> None:
    """Every file is what black makes of the code its template rendered."""
    paths = sorted(files)
    expected = pool.map(_black, [(rendered[p], line_length) for p in paths], chunksize=32)
    for path, want in zip(paths, expected):
        assert files[path] == want, path


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_output_is_what_black_makes(
    name: str, style: str, generate_corpus: Callable[[str, str], Generated], pool: ProcessPoolExecutor
) -> None:
    gen = generate_corpus(name, style)
    rendered = render_files(gen.plan.tree, Options(style=Style(style)))
    assert_black_made(dict(gen.plan.files), dict(rendered), 88, pool)


@pytest.mark.parametrize("line_length", [40, 60, 100, 120])
@pytest.mark.parametrize("docs", ["speakeasy_ts", "speakeasy_python", "openapi_generator"])
def test_other_line_lengths(docs: str, line_length: int, pool: ProcessPoolExecutor) -> None:
    for style in Style:
        options = Options(style=style, line_length=line_length)
        plan = generate(ROOT / "input" / docs, options)
        assert_black_made(dict(plan.files), dict(render_files(plan.tree, options)), line_length, pool)
