"""Shared by the tests: run gen-models, import what it made, run mypy on it."""

from __future__ import annotations

import importlib
import itertools
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import Options, Plan, Style, generate, write
from generator.core.outputs import output
from generator.core.pipeline import Runner, make_files
from generator.core.resolve import Tree

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

COUNTS: dict[str, int] = {}
"""Cases the property tests ran, by kind (the test run prints them at its end)."""
TS_CORPORA = ("intuned-ts-2024", "intuned-ts-2025", "intuned-ts", "dub-ts")
ALL_CORPORA = tuple(sorted(p.name for p in CORPORA.iterdir() if (p / "docs").is_dir()))
"""Every shared corpus (29 in 16 formats): each is read, generated and checked in every style."""
TYPECHECK_CORPORA = (
    "intuned-ts-2024",  # speakeasy-typescript, 2024's pages
    "intuned-ts",  # speakeasy-typescript
    "dub-py",  # speakeasy-python
    "dub-go",  # speakeasy-go
    "glean-java",  # speakeasy-java
    "plex-csharp",  # speakeasy-csharp
    "dub-php",  # speakeasy-php
    "dub-ruby",  # speakeasy-ruby
    "airflow-py",  # openapi-generator-python
    "oag-dub-ts-axios",  # openapi-generator-typescript-axios
    "ory-go-oag",
    "ory-java-oag",
    "ory-php-oag",
    "ory-ruby-oag",
    "ory-rust-oag",
    "ory-dart-oag",
    "ory-tsfetch-oag",
    "openai-kotlin-oag",
    "openai-csharp-oag",
    "aspose-pdf-py-swagger",  # swagger-codegen python
    "paypal-py-apimatic",
    "boomi-py-liblab",
)
"""One corpus per dialect: mypy and pyright check what each dialect's types become (the
other corpora repeat their dialect's types, and a type checker's run costs minutes)."""
PYTHON_STYLES = tuple(s.value for s in Style if s is not Style.OPENAPI)
STYLES = PYTHON_STYLES
"""The styles that write Python (``openapi`` writes one document: tests/test_openapi.py)."""

_counter = itertools.count()

MYPY_INI = """\
[mypy]
strict = True
{plugins}
"""


def unformatted(tree: Tree, options: Options) -> dict[str, str]:
    """Every output file as its template made it, before black's layout: the pipeline's
    last stage with a runner whose formatter leaves the code as it is."""
    return dict(make_files(tree, options, Runner(format_python=lambda source, *_: source), lambda _: None))


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by its path from there (forward slashes)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mentions_elsewhere(texts: dict[Path, str]) -> dict[Path, int]:
    """For each doc, how often other docs mention its file name's stem (links and unlinked
    references both spell it): 0 means no other doc refers to it."""
    everything = "\n".join(texts.values()).lower()
    return {p: everything.count(p.stem) - text.lower().count(p.stem) for p, text in texts.items()}


def corpus(name: str) -> Path:
    """A corpus's docs: ``docs/models`` for the Speakeasy SDKs, ``docs`` for OpenAPI Generator's."""
    docs = CORPORA / name / "docs"
    return docs / "models" if (docs / "models").is_dir() else docs


class Generated:
    """A plan written under a fresh, importable package name."""

    def __init__(self, plan: Plan, base: Path) -> None:
        self.plan = plan
        self.name = f"gm_test_{next(_counter)}"
        self.base = base
        self.root = base / self.name
        write(plan, self.root)

    def module(self, dotted: str = "") -> ModuleType:
        name = self.package()
        return importlib.import_module(f"{name}.{dotted}" if dotted else name)

    def package(self) -> str:
        """The package's name, importable."""
        if str(self.base) not in sys.path:
            sys.path.insert(0, str(self.base))
        return self.name

    def import_all(self) -> int:
        """Import every generated module; return how many."""
        count = 0
        for path in sorted(self.root.rglob("*.py")):
            parts = path.relative_to(self.root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            self.module(".".join(parts))
            count += 1
        return count

    def mypy(self, style: str) -> subprocess.CompletedProcess[str]:
        return mypy(style, self)

    def round_trip(self, key: str, data: Any) -> Any:
        """Wire data loaded into model ``key``'s code and dumped back, as ``--verify`` does."""
        model = self.plan.tree.by_key[key]
        options = self.plan.options
        return output(options).round_trips(self.plan.tree, options, self.package())(model)(data)


def gen_models(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """The command, run for real in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=timeout,
    )


def memos_saved(cache: Path) -> None:
    """Wait until the memos a command left to its saver are written (their locks are free)."""
    import fcntl

    for lock in sorted((cache / "locks").glob("memo-*.lock")):
        with open(lock, "rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)


def write_docs(root: Path, files: dict[str, str]) -> Path:
    """A docs tree of these files (path: markdown) under ``root``."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def mypy(style: str, *trees: Generated) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over generated trees, in one run (with pydantic's plugin for pydantic)."""
    plugins = "plugins = pydantic.mypy" if style == "pydantic" else ""
    config = trees[0].base / f"mypy-{trees[0].name}.ini"
    config.write_text(MYPY_INI.format(plugins=plugins))
    packages = [arg for tree in trees for arg in ("-p", tree.name)]
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "--no-incremental", *packages],
        cwd=trees[0].base,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(tree.base) for tree in trees)},
        capture_output=True,
        text=True,
    )


def pyright(*trees: Generated) -> subprocess.CompletedProcess[str]:
    """``pyright`` in its default mode over generated trees, in one run."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pyright",
            "--pythonpath",
            sys.executable,
            *(str(tree.root) for tree in trees),
        ],
        cwd=trees[0].base,
        capture_output=True,
        text=True,
    )


def generated(source: Path, base: Path, **options: object) -> Generated:
    style = Style(options.pop("style", "pydantic"))
    return Generated(generate(source, Options(style=style, **options)), base)  # type: ignore[arg-type]
