from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CORPORA, COUNTS, Generated, corpus, generated
from hypothesis import settings

# On CI the property tests draw the same examples on every run, so that a run is
# reproducible; on a developer's machine each run draws new ones (and replays failures).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    # gen-models' run cache: one of the tests' own, not the user's.
    os.environ["GEN_MODELS_CACHE_DIR"] = tempfile.mkdtemp(prefix="gen-models-test-cache-")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not CORPORA.is_dir():
        raise pytest.UsageError(f"the corpora are missing: expected {CORPORA} (../shared beside the repo)")


@pytest.fixture(scope="session")
def generate_corpus(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Generated]:
    """Generate a corpus in a style once per test session."""
    cache: dict[tuple[str, str], Generated] = {}

    def get(name: str, style: str) -> Generated:
        if (name, style) not in cache:
            base = tmp_path_factory.mktemp(f"{name}-{style}")
            cache[(name, style)] = generated(corpus(name), base, style=style)
        return cache[(name, style)]

    return get


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many generated cases the property tests ran (hypothesis draws them)."""
    if COUNTS:
        terminalreporter.write_line(
            "property-test cases: " + ", ".join(f"{k}: {v}" for k, v in sorted(COUNTS.items()))
        )
