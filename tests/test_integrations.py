"""gen-models as users run it around their repos: the real pre-commit, a real wheel build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.integration

DOCS = ROOT / "input" / "speakeasy_ts" / "models"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def sh(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV, **(env or {})},
    )


def git(*args: str | Path, cwd: Path) -> str:
    result = sh("git", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def this_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree as committed in a repository of its own: what pre-commit clones."""
    repo = tmp_path_factory.mktemp("gen-models-repo")
    listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT)
    for rel in filter(None, listed.split("\0")):
        if (ROOT / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, repo / rel)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "snapshot", cwd=repo)
    return repo, git("rev-parse", "HEAD", cwd=repo)


PRE_COMMIT_CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: gen-models
      - id: gen-models-check
        stages: [manual]
"""

USER_PYPROJECT = """\
[tool.gen-models]
source = "docs/models"
output = "src/acme/models"
style = "dataclass"
"""


def test_pre_commit_hooks(this_repo: tuple[Path, str], tmp_path: Path) -> None:
    repo, rev = this_repo
    user = tmp_path / "user"
    shutil.copytree(DOCS, user / "docs" / "models")
    (user / "pyproject.toml").write_text(USER_PYPROJECT)
    (user / ".pre-commit-config.yaml").write_text(PRE_COMMIT_CONFIG.format(repo=repo, rev=rev))
    git("init", "-q", cwd=user)
    git("add", "-A", cwd=user)
    git("commit", "-qm", "docs", cwd=user)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return sh(sys.executable, "-m", "pre_commit", "run", "--all-files", *args, cwd=user, env=env)

    first = pre_commit()
    assert first.returncode == 1, first.stdout + first.stderr  # it made the models: a change
    model = user / "src" / "acme" / "models" / "components" / "user.py"
    assert "class User" in model.read_text()
    git("add", "-A", cwd=user)
    assert pre_commit().returncode == 0
    git("commit", "-qm", "models", cwd=user)

    doc = user / "docs" / "models" / "components" / "user.md"
    doc.write_text(doc.read_text().replace("| `id` | *string* |", "| `handle` | *string* |"))
    check = pre_commit("--hook-stage", "manual", "gen-models-check")
    assert check.returncode == 1 and "would change" in check.stdout
    assert "handle" not in model.read_text()  # the check writes nothing
    regenerate = pre_commit()
    assert regenerate.returncode == 1, regenerate.stdout
    assert "handle: str | None" in model.read_text()
    assert "files were modified by this hook" in regenerate.stdout or "Failed" in regenerate.stdout
    git("add", "-A", cwd=user)
    second = pre_commit()
    assert second.returncode == 0, second.stdout
    assert pre_commit("--hook-stage", "manual", "gen-models-check").returncode == 0


SAMPLE_PYPROJECT = """\
[build-system]
requires = ["hatchling", "gen-models"]
build-backend = "hatchling.build"

[project]
name = "sample"
version = "1.0"

[tool.hatch.build.targets.wheel]
packages = ["src/sample"]

[tool.hatch.build.hooks.gen-models]
source = "docs/models"
output = "sample/models"
style = "dataclass"
"""


def _sample_project(root: Path, docs: Path = DOCS) -> Path:
    """A project (``root/sample``) whose build hook makes its models from a copy of ``docs``."""
    sample = root / "sample"
    shutil.copytree(docs, sample / "docs" / "models")
    (sample / "src" / "sample").mkdir(parents=True)
    (sample / "src" / "sample" / "__init__.py").write_text('"""A project whose models come from docs."""\n')
    (sample / "pyproject.toml").write_text(SAMPLE_PYPROJECT)
    return sample


def test_a_wheel_build_generates_the_models(tmp_path: Path) -> None:
    sample = _sample_project(tmp_path)
    dist = tmp_path / "dist"
    # No build isolation: the build uses this environment's gen-models (the one under test).
    built = sh(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-build-isolation",
        "--no-deps",
        "-w",
        dist,
        sample,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("sample-1.0-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sample/models/components/user.py" in names and "sample/models/_serde.py" in names
    assert not (sample / "src" / "sample" / "models").exists()  # the project's tree is not written to

    fresh = tmp_path / "fresh"
    assert sh(sys.executable, "-m", "venv", fresh, cwd=tmp_path).returncode == 0
    python = fresh / "bin" / "python"
    installed = sh(python, "-m", "pip", "install", "--no-index", "--no-deps", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    code = (
        "from sample.models.components import User\n"
        "print(User.from_dict({'id': 'a', 'friends': [{'id': 'b'}]}).to_dict())"
    )
    ran = sh(python, "-c", code, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "{'id': 'a', 'friends': [{'id': 'b'}]}"


def test_an_editable_install_imports_the_models(tmp_path: Path) -> None:
    """``pip install -e .`` imports the project's tree: the hook writes the models there
    (``src/sample/models``, the source of the wheel's ``sample/models``), and only there."""
    sample = _sample_project(tmp_path)
    prefix = tmp_path / "prefix"
    installed = sh(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-build-isolation",
        "--no-deps",
        "--prefix",
        prefix,
        "-e",
        sample,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (sample / "src" / "sample" / "models" / "components" / "user.py").exists()
    (site,) = prefix.glob("lib/python*/site-packages")
    code = (
        f"import site; site.addsitedir({str(site)!r})\n"
        "from sample.models.components import User\n"
        "print(User.from_dict({'id': 'a'}).to_dict())"
    )
    ran = sh(sys.executable, "-c", code, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "{'id': 'a'}"
    assert sorted(p.name for p in (sample / "src" / "sample").iterdir()) == ["__init__.py", "models"]


def test_a_build_with_bad_docs_fails_and_says_where(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "thing.md").write_text(
        "# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
        "| `a` | *Widget* | :heavy_check_mark: | N/A |\n"
    )
    sample = _sample_project(tmp_path, bad)
    built = sh(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-build-isolation",
        "--no-deps",
        "-w",
        tmp_path / "d",
        sample,
        cwd=tmp_path,
    )
    assert built.returncode != 0
    assert "thing.md:7: error: unknown type 'Widget'" in built.stdout + built.stderr
