"""The committed output/ is what gen-models makes of input/ today: `gen-models --check` at the
repo root (the example jobs are configured in pyproject.toml) passes. Regenerate with `gen-models`."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

from generator.app import config as pyproject
from generator.core.options import Style


def test_output_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--check", "--diff", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        "output/ is stale; regenerate it by running `gen-models` at the repo root\n"
        + result.stderr
        + result.stdout[:5000]
    )


def test_every_style_of_every_input_is_a_job() -> None:
    settings = pyproject.load(ROOT / "pyproject.toml")
    jobs = pyproject.jobs(settings)
    inputs = sorted(p.name for p in (ROOT / "input").iterdir() if p.is_dir())
    expected = {(f"input/{i}", f"output/{s.value}/{i}") for i in inputs for s in Style}
    assert {
        (str(j.source.resolve().relative_to(ROOT)), str(j.output.resolve().relative_to(ROOT))) for j in jobs
    } == expected
    assert sorted(p.relative_to(ROOT / "output").as_posix() for p in (ROOT / "output").glob("*/*")) == sorted(
        o.removeprefix("output/") for _, o in expected
    )
