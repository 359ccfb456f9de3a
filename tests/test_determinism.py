"""The same docs give byte-identical files: any PYTHONHASHSEED, any directory listing order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, corpus

# Run gen-models with every directory listing reversed.
REVERSED_LISTINGS = """
import os, sys
_scandir, _listdir = os.scandir, os.listdir
class _Reversed:
    def __init__(self, it): self.entries = iter(list(it)[::-1])
    def __iter__(self): return self
    def __next__(self): return next(self.entries)
    def __enter__(self): return self
    def __exit__(self, *a): return False
    def close(self): pass
os.scandir = lambda *a, **k: _Reversed(_scandir(*a, **k))
os.listdir = lambda *a, **k: _listdir(*a, **k)[::-1]
from generator.app.cli import main
main()
"""


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "source", [ROOT / "input" / "speakeasy_ts", pytest.param(corpus("intuned-ts"), marks=pytest.mark.corpus)]
)
@pytest.mark.parametrize("style", ["pydantic", "dataclass", "typeddict"])
def test_output_is_byte_identical(source: Path, style: str, tmp_path: Path) -> None:
    runs = []
    for i, (seed, code) in enumerate([("0", None), ("4242", REVERSED_LISTINGS)]):
        out = tmp_path / f"run{i}" / "pkg"
        argv = ["-c", code] if code else ["-m", "generator"]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, *argv, str(source), "-o", str(out), "--style", style, "-q"],
            check=True,
            env=env,
            cwd=ROOT,
        )
        runs.append(tree(out))
    assert runs[0] == runs[1]
    assert len(runs[0]) > 30


@pytest.mark.corpus
def test_worker_processes_change_nothing() -> None:
    from generator import generate

    one = generate(corpus("intuned-ts"), jobs=1)
    two = generate(corpus("intuned-ts"), jobs=2)
    assert dict(one.files) == dict(two.files) and one.diagnostics == two.diagnostics
    assert one.stats.models == two.stats.models == 589
