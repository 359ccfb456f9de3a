"""gen-models' benchmark: prints figures, asserts nothing. Not a test.

    python bench/run.py                    # everything (about 15 minutes)
    python bench/run.py --quick            # intuned-ts only, 3 runs
    python bench/run.py --dmcg             # also datamodel-code-generator, side by side

For each corpus and style: docs, models, wall seconds (median of ``--runs`` runs, each
a fresh ``gen-models`` process with a new output directory and an empty cache, as a first
run has, interpreter start included), peak RSS, and seconds by stage (from one more run,
with ``-v``: its line per file written is not charged to the timed runs). Then the
runs a hook sees (run cache and memo on): again with nothing changed, and with one doc
changed (on a copy of the corpus). Synthetic trees come from ``bench/synthetic.py``:
1,000 and 10,000 docs (is time per doc flat?) and 4,000 padded docs (about 56 MB).

``--dmcg`` builds an OpenAPI document with the same models from the docs (see
``openapi.py``) and times ``datamodel-codegen`` on it (pydantic v2, its default
formatters, black and isort) against gen-models on the docs.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

# As a user runs it: the installed command (as datamodel-codegen is run below), which
# starts a little quicker than ``python -m generator`` (no runpy).
_COMMAND = Path(sys.executable).parent / "gen-models"
GEN_MODELS = [str(_COMMAND)] if _COMMAND.exists() else [sys.executable, "-m", "generator"]
# Both tools run as installed: from compiled bytecode (pip compiles a package it installs;
# a machine with PYTHONDONTWRITEBYTECODE set would otherwise compile gen-models from
# source on every run, about 0.1 s, while datamodel-code-generator's is compiled).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB of that process, stderr) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, **(env or {})},
        cwd=ROOT,
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(argv)}\n{stderr}")
    return wall, usage.ru_maxrss // 1024, stderr


def file_creation_ms(tmp: Path, count: int = 2000) -> float:
    """Milliseconds per new 2 KB file, as gen-models makes them, right now: this machine's disk
    speed drifts by several times over minutes, and writing is part of every cold run."""
    target = Path(tempfile.mkdtemp(prefix="probe-", dir=tmp))
    data = b"x" * 2048
    start = time.perf_counter()
    for i in range(count):
        fd = os.open(target / f"m{i}.py", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(fd, data)
        os.close(fd)
    return 1000 * (time.perf_counter() - start) / count


def stages(stderr: str) -> str:
    m = re.search(r"seconds by stage: (.*)", stderr)
    return m.group(1) if m else ""


def counts(stderr: str) -> tuple[str, str]:
    m = re.search(r"(\d+) docs read, (\d+) models", stderr)
    return (m.group(1), m.group(2)) if m else ("?", "?")


def cold(source: Path, style: str, runs: int, tmp: Path) -> tuple[float, int, str, str, str]:
    """Median wall seconds and peak RSS of ``runs`` first runs (as a user runs it: a summary
    line, not ``-v``'s line per file), then one more with ``-v`` for the seconds by stage."""
    walls, rss, last = [], 0, ""
    for i in range(runs + 1):
        # Outputs are kept until the benchmark ends: on this machine's disk (ext4 mounted with
        # `discard`) deleting thousands of files makes the next seconds' file creation up to
        # ten times slower, which would be charged to the next run.
        run = Path(tempfile.mkdtemp(prefix="cold-", dir=tmp))
        # A first run: caches on (as by default), but empty.
        wall, peak, last = measure(
            [*GEN_MODELS, str(source), "-o", str(run / "models"), "--style", style]
            + (["-v"] if i == runs else []),
            {"GEN_MODELS_CACHE_DIR": str(run / "cache")},
        )
        if i < runs:
            walls.append(wall)
            rss = max(rss, peak)
    docs, models = counts(last)
    return statistics.median(walls), rss, docs, models, stages(last)


def hook_runs(source: Path, runs: int, tmp: Path) -> tuple[float, float]:
    """(median seconds with nothing changed, with one doc changed), pydantic, run cache and memo on."""
    copy = tmp / "hook-docs"
    shutil.copytree(source, copy)
    out = tmp / "hook-out" / "models"
    env = {"GEN_MODELS_CACHE_DIR": str(tmp / "cache")}
    measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)
    same = [measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)[0] for _ in range(runs)]
    doc = sorted(copy.rglob("*.md"))[len(list(copy.rglob("*.md"))) // 2]
    heading, rest = doc.read_text().split("\n", 1)
    changed = []
    for i in range(runs):  # a new description each time: the model's module is rewritten
        doc.write_text(f"{heading}\n\nRevision {i}.\n{rest}")
        changed.append(measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)[0])
    return statistics.median(same), statistics.median(changed)


def dmcg(source: Path, runs: int, tmp: Path) -> tuple[float, float, int]:
    """(median seconds of datamodel-codegen, of gen-models, schemas) on the same models."""
    import json

    from openapi import openapi_from_docs

    spec = openapi_from_docs(source)
    path = tmp / "spec.json"
    path.write_text(json.dumps(spec))
    theirs, ours = [], []
    for i in range(runs):  # alternating, so that the machine's drift touches both alike
        theirs.append(
            measure(
                [
                    str(Path(sys.executable).parent / "datamodel-codegen"),
                    "--input",
                    str(path),
                    "--input-file-type",
                    "openapi",
                    "--output-model-type",
                    "pydantic_v2.BaseModel",
                    "--output",
                    str(tmp / f"dmcg-{i}.py"),
                ]
            )[0]
        )
        run = Path(tempfile.mkdtemp(prefix="ours-", dir=tmp))
        ours.append(
            measure(
                [*GEN_MODELS, str(source), "-o", str(run / "models"), "-q"],
                {"GEN_MODELS_CACHE_DIR": str(run / "cache")},
            )[0]
        )
    return statistics.median(theirs), statistics.median(ours), len(spec["components"]["schemas"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--dmcg", action="store_true")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / ".bench",
        help="where runs write (default: .bench in the project, as a user's output is in theirs)",
    )
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    compileall.compile_dir(ROOT / "generator", quiet=1)
    from synthetic import generate as synthesize

    # Not the system's temporary directory: on this machine creating files under /tmp is
    # 10 to 30 times slower than anywhere else on the same disk (0.7-1.2 ms a file against
    # 0.04-0.07), which would measure /tmp, not gen-models.
    args.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-", dir=args.work) as name:
        tmp = Path(name)
        trees = {c: CORPORA / c / "docs" / "models" for c in ("intuned-ts", "dub-ts", "mistral-py")}
        if not args.quick:
            for label, count, padded in (
                ("synthetic-1k", 1000, False),
                ("synthetic-10k", 10_000, False),
                ("synthetic-56MB", 4000, True),
            ):
                synthesize(tmp / label, count, padded)
                trees[label] = tmp / label
        else:
            trees = {"intuned-ts": trees["intuned-ts"]}
        styles = ("pydantic",) if args.quick else ("pydantic", "dataclass", "typeddict")
        print(f"cpus {os.cpu_count()}, python {sys.version.split()[0]}, median of {runs} cold runs")
        print(f"file creation in {args.work} before: {file_creation_ms(tmp):.3f} ms per file\n")
        print(
            f"{'tree':16} {'style':10} {'docs':>6} {'models':>6} {'wall s':>7} {'ms/doc':>7} {'RSS MB':>7}"
            "  seconds by stage"
        )
        for label, source in trees.items():
            size = sum(p.stat().st_size for p in source.rglob("*.md")) / 1e6
            for style in styles if label in ("intuned-ts", "dub-ts", "mistral-py") else ("pydantic",):
                wall, rss, docs, models, split = cold(source, style, runs, tmp)
                per_doc = 1000 * wall / max(1, int(docs))
                print(
                    f"{label:16} {style:10} {docs:>6} {models:>6} {wall:7.2f} {per_doc:7.2f} {rss:7d}"
                    f"  {split}" + (f"  ({size:.0f} MB of docs)" if label.startswith("synthetic") else "")
                )
        print()
        same, changed = hook_runs(trees["intuned-ts"], runs, tmp)
        print(
            f"intuned-ts, pydantic, run cache and memo on: nothing changed {same:.2f} s;"
            f" one doc changed {changed:.2f} s"
        )
        print(f"file creation after the cold runs: {file_creation_ms(tmp):.3f} ms per file")
        if args.dmcg:
            print()
            for label in [t for t in ("intuned-ts", "dub-ts", "mistral-py", "synthetic-56MB") if t in trees]:
                theirs, ours, schemas = dmcg(trees[label], runs, tmp)
                print(
                    f"{label}: {schemas} schemas; datamodel-codegen {theirs:.2f} s, gen-models {ours:.2f} s:"
                    f" {theirs / ours:.1f} times faster"
                )


if __name__ == "__main__":
    main()
