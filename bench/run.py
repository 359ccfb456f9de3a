"""gen-models' benchmark: prints figures and the targets they meet; asserts nothing. Not a test.

    python bench/run.py                    # everything (about 25 minutes)
    python bench/run.py --quick            # intuned-ts only, 3 runs
    python bench/run.py --dmcg             # also datamodel-code-generator, side by side

Every run is a fresh ``gen-models`` process writing a new output directory (interpreter
start included), as installed. For each tree and output: docs, models, the median wall
seconds of ``--runs`` first runs (caches on, as by default, but empty: a user's first run),
the median of as many runs with ``--no-cache``, alternating with them (the machine's drift
touches both alike), their ratio, peak RSS, and seconds by stage (one more run, with
``-v``). The trees: the three corpora of past figures, a corpus of every dialect family,
and synthetic trees from ``bench/synthetic.py`` (1,000 and 10,000 docs: is time per doc
flat?; 4,000 padded docs of 56 MB). Then the runs a hook sees (nothing changed; one doc
changed), and with ``--dmcg`` datamodel-code-generator (its defaults: pydantic v2, black
and isort) on the OpenAPI document gen-models writes of the same docs (``--style
openapi``), alternating with gen-models. Last, the targets of the speed issue, met or not.

A first run's memo is saved by a process that outlives the command (see
``generator/speed/memo.py``); the benchmark waits for it before the next run, so that no
run pays for another's.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(HERE))

# As a user runs it: the installed command (as datamodel-codegen is run below).
_COMMAND = Path(sys.executable).parent / "gen-models"
GEN_MODELS = [str(_COMMAND)] if _COMMAND.exists() else [sys.executable, "-m", "generator"]
# Both tools run from compiled bytecode, as pip installs them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# (tree, what it stands for, gen-models options): the corpora by family, then other outputs.
CORPUS_RUNS = [
    ("intuned-ts", "Speakeasy TypeScript", ["--style", "pydantic"]),
    ("intuned-ts", "", ["--style", "dataclass"]),
    ("intuned-ts", "", ["--style", "typeddict"]),
    ("intuned-ts", "", ["--style", "msgspec"]),
    ("intuned-ts", "", ["--style", "openapi"]),
    ("intuned-ts", "", ["--formatter", "ruff"]),
    ("dub-ts", "Speakeasy TypeScript", ["--style", "pydantic"]),
    ("mistral-py", "Speakeasy Python", ["--style", "pydantic"]),
    ("mistral-py", "", ["--style", "msgspec"]),
    ("dub-go", "Speakeasy Go", ["--style", "pydantic"]),
    ("glean-java", "Speakeasy Java", ["--style", "pydantic"]),
    ("plex-csharp", "Speakeasy C#", ["--style", "pydantic"]),
    ("dub-php", "Speakeasy PHP", ["--style", "pydantic"]),
    ("dub-ruby", "Speakeasy Ruby", ["--style", "pydantic"]),
    ("ory-go-oag", "OpenAPI Generator go", ["--style", "pydantic"]),
    ("openai-kotlin-oag", "OpenAPI Generator kotlin", ["--style", "pydantic"]),
    ("aspose-pdf-py-swagger", "swagger-codegen python", ["--style", "pydantic"]),
    ("paypal-py-apimatic", "APIMatic python", ["--style", "pydantic"]),
    ("boomi-py-liblab", "liblab python", ["--style", "pydantic"]),
]
SYNTHETIC = [("synthetic-1k", 1000, False), ("synthetic-10k", 10_000, False), ("synthetic-56MB", 4000, True)]
DMCG_TREES = ("intuned-ts", "dub-ts", "mistral-py", "synthetic-56MB")


def corpus(name: str) -> Path:
    docs = CORPORA / name / "docs"
    return docs / "models" if (docs / "models").is_dir() else docs


def measure(
    argv: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> tuple[float, int, str]:
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
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"failed ({code}): {' '.join(argv)}\n{stderr}")
    return wall, usage.ru_maxrss // 1024, stderr


def saved(cache: Path) -> None:
    """Wait for the memos a run left to its saver (their locks free)."""
    for lock in sorted((cache / "locks").glob("memo-*.lock")) if (cache / "locks").is_dir() else ():
        with open(lock, "rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)


def file_creation_ms(tmp: Path, count: int = 2000) -> float:
    """Milliseconds per new 2 KB file right now: this machine's disk speed drifts by several
    times over minutes, and writing is part of every cold run."""
    target = Path(tempfile.mkdtemp(prefix="probe-", dir=tmp))
    data = b"x" * 2048
    start = time.perf_counter()
    for i in range(count):
        fd = os.open(target / f"m{i}.py", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.write(fd, data)
        os.close(fd)
    return 1000 * (time.perf_counter() - start) / count


def run_once(
    source: Path, options: list[str], tmp: Path, no_cache: bool, verbose: bool = False
) -> tuple[float, int, str]:
    """One run into a new output with a new, empty cache directory."""
    run = Path(tempfile.mkdtemp(prefix="run-", dir=tmp))
    out = run / ("openapi" if "openapi" in options else "models")
    argv = [*GEN_MODELS, str(source), "-o", str(out), *options]
    argv += (["--no-cache"] if no_cache else []) + (["-v"] if verbose else [])
    figures = measure(argv, {"GEN_MODELS_CACHE_DIR": str(run / "cache")}, ok=(0, 1))
    saved(run / "cache")
    return figures


@dataclass(frozen=True)
class Figures:
    docs: int
    models: int
    first: float
    """Median wall seconds of first runs (caches on, empty)."""
    no_cache: float
    rss: int
    stages: str


def cold(source: Path, options: list[str], runs: int, tmp: Path) -> Figures:
    """First runs and ``--no-cache`` runs, alternating (outputs kept until the benchmark
    ends: deleting thousands of files makes this disk's next seconds slower)."""
    first, plain, rss = [], [], 0
    for _ in range(runs):
        wall, peak, _ = run_once(source, options, tmp, no_cache=False)
        first.append(wall)
        rss = max(rss, peak)
        plain.append(run_once(source, options, tmp, no_cache=True)[0])
    _, _, last = run_once(source, options, tmp, no_cache=False, verbose=True)
    m = re.search(r"(\d+) docs? read, (\d+) models?", last)
    stages = re.search(r"seconds by stage: (.*)", last)
    return Figures(
        int(m[1]) if m else 0,
        int(m[2]) if m else 0,
        statistics.median(first),
        statistics.median(plain),
        rss,
        stages[1] if stages else "",
    )


def hook_runs(source: Path, runs: int, tmp: Path) -> tuple[float, float]:
    """(median seconds with nothing changed, with one doc changed), pydantic, caches on."""
    copy = tmp / "hook-docs"
    shutil.copytree(source, copy)
    out = tmp / "hook-out" / "models"
    env = {"GEN_MODELS_CACHE_DIR": str(tmp / "hook-cache")}
    measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)
    saved(tmp / "hook-cache")
    same = []
    for _ in range(runs):
        same.append(measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)[0])
    doc = sorted(copy.rglob("*.md"))[len(list(copy.rglob("*.md"))) // 2]
    heading, rest = doc.read_text().split("\n", 1)
    changed = []
    for i in range(runs):  # a new description each time: the model's module is rewritten
        doc.write_text(f"{heading}\n\nRevision {i}.\n{rest}")
        changed.append(measure([*GEN_MODELS, str(copy), "-o", str(out), "-q"], env)[0])
        saved(tmp / "hook-cache")
    return statistics.median(same), statistics.median(changed)


def dmcg(source: Path, runs: int, tmp: Path) -> tuple[float, float, int]:
    """(median seconds of datamodel-codegen, of gen-models, schemas) on the same models:
    datamodel-codegen reads the OpenAPI document gen-models writes of the docs."""
    spec_dir = tmp / f"spec-{source.name}"
    measure(
        [*GEN_MODELS, str(source), "-o", str(spec_dir), "--style", "openapi", "-q", "--no-cache"], ok=(0, 1)
    )
    spec = spec_dir / "openapi.json"
    schemas = len(json.loads(spec.read_text())["components"]["schemas"])
    theirs, ours = [], []
    for i in range(runs):  # alternating, so that the machine's drift touches both alike
        command = [str(Path(sys.executable).parent / "datamodel-codegen"), "--input", str(spec)]
        command += ["--input-file-type", "openapi", "--output-model-type", "pydantic_v2.BaseModel"]
        theirs.append(measure([*command, "--output", str(tmp / f"dmcg-{source.name}-{i}.py")])[0])
        ours.append(run_once(source, [], tmp, no_cache=False)[0])
    return statistics.median(theirs), statistics.median(ours), schemas


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
    # 10 to 30 times slower than anywhere else on the same disk, which would measure /tmp.
    args.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.work) as name:
        tmp = Path(name)
        plan = [(c, family, options, corpus(c)) for c, family, options in CORPUS_RUNS]
        if args.quick:
            plan = plan[:1]
        else:
            for label, count, padded in SYNTHETIC:
                synthesize(tmp / label, count, padded)
                plan.append((label, "Speakeasy TypeScript, synthetic", ["--style", "pydantic"], tmp / label))
        print(f"cpus {os.cpu_count()}, python {sys.version.split()[0]}, median of {runs} runs each")
        print(f"file creation in {args.work} before: {file_creation_ms(tmp):.3f} ms per file\n")
        print(
            f"{'tree':22} {'output':18} {'docs':>6} {'models':>6} {'first s':>8} {'no-cache s':>10}"
            f" {'ratio':>6} {'ms/doc':>7} {'RSS MB':>7}  seconds by stage"
        )
        results: dict[tuple[str, str], Figures] = {}
        for label, family, options, source in plan:
            f = cold(source, options, runs, tmp)
            results[label, " ".join(options)] = f
            print(
                f"{label:22} {' '.join(options).replace('--', ''):18} {f.docs:>6} {f.models:>6}"
                f" {f.first:8.2f} {f.no_cache:10.2f} {f.first / f.no_cache:6.2f}"
                f" {1000 * f.first / max(1, f.docs):7.2f} {f.rss:>7}  {f.stages}"
                + (f"  ({family})" if family else "")
            )
        print()
        same, changed = hook_runs(corpus("intuned-ts"), runs, tmp)
        print(
            f"intuned-ts, pydantic, caches on: nothing changed {same:.2f} s; one doc changed {changed:.2f} s"
        )
        print(f"file creation after the runs: {file_creation_ms(tmp):.3f} ms per file")
        ratios: dict[str, float] = {}
        if args.dmcg:
            print()
            for label in [t for t in DMCG_TREES if any(p[0] == t for p in plan)]:
                source = next(p[3] for p in plan if p[0] == label)
                theirs, ours, schemas = dmcg(source, runs, tmp)
                ratios[label] = theirs / ours
                print(
                    f"{label}: {schemas} schemas; datamodel-codegen {theirs:.2f} s, gen-models {ours:.2f} s:"
                    f" {theirs / ours:.1f} times faster"
                )
        if not args.quick:
            print()
            targets(results, same, changed, ratios)


def targets(
    results: dict[tuple[str, str], Figures], same: float, changed: float, ratios: dict[str, float]
) -> None:
    """The speed issue's targets, each with its figure from this run, met or not."""

    def of(label: str) -> Figures:
        return results[label, "--style pydantic"]

    def per_doc(label: str) -> float:
        return 1000 * of(label).first / of(label).docs

    worst = max(f.first / f.no_cache for f in results.values())
    big = of("synthetic-10k")
    rows = [
        ("first run within 10% of --no-cache, every tree", f"worst ratio {worst:.2f}", worst <= 1.10),
        (
            "synthetic-56MB first run <= 1.5 s",
            f"{of('synthetic-56MB').first:.2f} s",
            of("synthetic-56MB").first <= 1.5,
        ),
        (
            "synthetic-10k <= 4.0 s and <= 300 MB",
            f"{big.first:.2f} s, {big.rss} MB",
            big.first <= 4.0 and big.rss <= 300,
        ),
        (
            "time per doc flat, 1,000 to 10,000 docs",
            f"{per_doc('synthetic-1k'):.2f} then {per_doc('synthetic-10k'):.2f} ms",
            per_doc("synthetic-10k") <= 1.1 * per_doc("synthetic-1k"),
        ),
        ("intuned-ts cold <= 0.5 s", f"{of('intuned-ts').first:.2f} s", of("intuned-ts").first <= 0.5),
        ("nothing changed <= 0.15 s", f"{same:.2f} s", same <= 0.15),
        ("one doc changed <= 0.3 s", f"{changed:.2f} s", changed <= 0.3),
    ]
    if ratios:
        low = min(ratios.values())
        rows.append((">= 18 times datamodel-code-generator", f"{low:.1f} times at least", low >= 18))
    print(f"{'target':49} {'figure':24} met")
    for target, figure, met in rows:
        print(f"{target:49} {figure:24} {'met' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()
