"""gen-models in a workflow: --check and --diff, pyproject.toml jobs, safe writes, progress."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, corpus, memos_saved, mentions_elsewhere, tree_bytes

import generator.app.writing
from generator import Options, generate, write

DOCS = ROOT / "input" / "speakeasy_ts"


def gm(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def test_check_and_diff_write_nothing_and_say_what_would_change(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    fresh = gm(docs, "-o", out, "--check")
    assert fresh.returncode == 1 and not out.exists()
    assert f"would create {out / 'models' / 'components' / 'user.py'}" in fresh.stderr
    assert gm(docs, "-o", out).returncode == 0
    current = gm(docs, "-o", out, "--check")
    assert current.returncode == 0 and "would" not in current.stderr.replace("would be", "")
    before = tree_bytes(out)

    user = docs / "models" / "components" / "user.md"
    user.write_text(user.read_text().replace("| `id` | *string* |", "| `handle` | *string* |"))
    (docs / "models" / "components" / "or.md").unlink()
    check = gm(docs, "-o", out, "--check")
    assert check.returncode == 1
    assert f"would change {out / 'models' / 'components' / 'user.py'}" in check.stderr
    assert f"would remove {out / 'models' / 'components' / 'or_.py'}" in check.stderr
    diff = gm(docs, "-o", out, "--diff")
    assert diff.returncode == 0
    assert f"--- {out / 'models' / 'components' / 'user.py'}" in diff.stdout
    assert '+    handle: str | None = Field(alias="handle")' not in diff.stdout  # no alias: same name
    assert "+    handle: str | None" in diff.stdout and "-    id: str | None" in diff.stdout
    assert gm(docs, "-o", out, "--check", "--diff").returncode == 1
    assert tree_bytes(out) == before

    assert gm(docs, "-o", out).returncode == 0
    assert not (out / "models" / "components" / "or_.py").exists()
    assert gm(docs, "-o", out, "--check").returncode == 0


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("docs", "is the source directory"),
        ("docs/models/pkg", "is inside the source directory"),
        (".", "holds the source"),
    ],
)
def test_output_and_source_must_not_overlap(docs: Path, output: str, message: str) -> None:
    before = tree_bytes(docs.parent)
    result = gm("docs", "-o", output, cwd=docs.parent)
    assert result.returncode == 1
    assert f"{output}: error: the output {message}" in result.stderr
    assert tree_bytes(docs.parent) == before


def test_a_run_stopped_between_two_writes_leaves_every_file_old_or_new(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pkg"
    write(generate(docs), out)
    old = tree_bytes(out)
    for md in docs.rglob("*.md"):
        md.write_text(md.read_text().replace("N/A", "Changed."))
    plan = generate(docs)
    replace, calls = os.replace, []

    def interrupted(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 4:
            raise KeyboardInterrupt
        replace(src, dst)

    monkeypatch.setattr(generator.app.writing.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write(plan, out)
    monkeypatch.undo()
    now = tree_bytes(out)
    new = dict(plan.files)
    assert set(now) == set(old)  # nothing half-written, no temporary file left behind
    changed = [rel for rel in now if now[rel] != old[rel]]
    assert len(changed) == 3 and all(now[rel] == new[rel].encode() for rel in changed)
    assert all(now[rel] in (old[rel], new[rel].encode()) for rel in now)
    write(plan, out)
    assert tree_bytes(out) == {rel: text.encode() for rel, text in new.items()}


PROJECT = """\
[project]
name = "acme"

[tool.gen-models]
style = "dataclass"
nulls = "strict"

[[tool.gen-models.jobs]]
source = "docs"
output = "src/acme/models"

[[tool.gen-models.jobs]]
source = "docs"
output = "src/acme/typed"
style = "typeddict"
"""


def test_pyproject_jobs_run_with_no_arguments_and_flags_override_them(docs: Path) -> None:
    project = docs.parent
    (project / "pyproject.toml").write_text(PROJECT)
    (project / "src").mkdir()
    result = gm(cwd=project / "src")  # found from a subdirectory, upward
    assert result.returncode == 0, result.stderr
    assert "def from_dict" in (project / "src/acme/models/models/components/user.py").read_text()
    assert "TypedDict" in (project / "src/acme/typed/models/components/user.py").read_text()
    assert "message: str\n" in (project / "src/acme/models/models/errors/not_found_error.py").read_text()
    assert gm("--check", cwd=project).returncode == 0
    # A flag overrides the configuration of every job: now nothing is current.
    lenient = gm("--check", "--nulls", "lenient", cwd=project)
    assert lenient.returncode == 1 and "would change" in lenient.stderr
    # A SOURCE on the command line is one job, with the configured options.
    assert gm("docs", "-o", "other", cwd=project).returncode == 0
    assert "def from_dict" in (project / "other/models/components/user.py").read_text()


def test_pyproject_errors_name_the_key_and_line(docs: Path) -> None:
    project = docs.parent
    (project / "pyproject.toml").write_text(
        PROJECT.replace('nulls = "strict"', 'nulls = "strict"\nstlye = "x"')
    )
    result = gm(cwd=project)
    assert result.returncode == 2  # a configuration error is a usage error
    assert f"{project / 'pyproject.toml'}:7: error: unknown key 'stlye' in [tool.gen-models]" in result.stderr
    (project / "pyproject.toml").write_text(PROJECT.replace('style = "typeddict"', 'style = "attrs"'))
    result = gm(cwd=project)
    assert result.returncode == 2
    assert "style = 'attrs': expected one of pydantic, dataclass, typeddict" in result.stderr
    assert not (project / "src").exists()


def test_usage_errors_without_source_or_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the project root: the search stops here
    assert gm(cwd=tmp_path).returncode == 2
    assert gm("-o", "x", cwd=tmp_path).returncode == 2


def test_verbose_lists_files_and_quiet_prints_nothing(docs: Path, tmp_path: Path) -> None:
    verbose = gm(docs, "-o", tmp_path / "pkg", "-v")
    assert f"wrote {tmp_path / 'pkg' / 'models' / 'components' / 'user.py'}" in verbose.stderr
    assert "seconds by stage: read" in verbose.stderr
    quiet = gm(docs, "-o", tmp_path / "pkg2", "-q")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_exit_nonzero_on_change_for_hooks(docs: Path, tmp_path: Path) -> None:
    assert gm(docs, "-o", tmp_path / "pkg", "--exit-nonzero-on-change").returncode == 1
    assert gm(docs, "-o", tmp_path / "pkg", "--exit-nonzero-on-change").returncode == 0


@pytest.mark.corpus
def test_a_progress_bar_on_a_terminal_for_long_runs(tmp_path: Path) -> None:
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", str(corpus("intuned-ts-2024")), "-o", str(tmp_path / "pkg")],
        stderr=secondary,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait() == 0
    text = seen.decode()
    assert "gen-models" in text and "100%" in text
    assert "203 files written" in text
    piped = gm(corpus("intuned-ts-2024"), "-o", tmp_path / "pkg2")
    assert "%" not in piped.stderr  # not a terminal: no bar


def test_the_api_plans_then_writes(tmp_path: Path) -> None:
    plan = generate(DOCS, Options())
    assert "models/components/user.py" in plan.files and not (tmp_path / "pkg").exists()
    result = write(plan, tmp_path / "pkg")
    assert len(result.written) == len(plan.files)
    assert write(plan, tmp_path / "pkg").unchanged == tuple(sorted(plan.files))


def test_a_run_with_nothing_changed_does_nothing_and_says_so(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    first = gm(docs, "-o", out)
    assert first.returncode == 0 and "nothing changed" not in first.stderr
    warnings = [line for line in first.stderr.splitlines() if ": warning: " in line]
    again = gm(docs, "-o", out)
    assert "nothing changed since the last run" in again.stderr
    assert [line for line in again.stderr.splitlines() if ": warning: " in line] == warnings  # replayed
    user = out / "models" / "components" / "user.py"
    user.write_text(user.read_text() + "# edited\n")  # an output edited by hand: a full run restores it
    restored = gm(docs, "-o", out)
    assert "nothing changed" not in restored.stderr and "1 file written" in restored.stderr
    assert not user.read_text().endswith("# edited\n")
    doc = docs / "models" / "operations" / "team.md"
    doc.write_text(doc.read_text() + "\n")  # a doc touched: a full run, which writes nothing new
    touched = gm(docs, "-o", out)
    assert "nothing changed" not in touched.stderr and "0 files written" in touched.stderr
    assert "nothing changed" in gm(docs, "-o", out, "--check").stderr
    assert "nothing changed" not in gm(docs, "-o", out, "--no-cache").stderr


def test_the_cache_forgets_jobs_that_no_run_used_for_30_days(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job's record and memo go 30 days after a run last used them (a run that finds
    nothing changed counts); nothing else in the cache directory is touched, and it is
    looked at once a day at most."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("GEN_MODELS_CACHE_DIR", str(cache))
    assert gm(docs, "-o", tmp_path / "kept").returncode == 0
    memos_saved(cache)
    kept = {p.name for p in cache.iterdir()}
    assert {n[:4] for n in kept} == {"job-", "memo", ".pru", "lock"}, kept
    month = time.time() - 31 * 24 * 3600

    def age(*names: str, when: float = month) -> None:
        for name in names:
            (cache / name).touch()
            os.utime(cache / name, (when, when))

    stale = ["job-" + "a" * 32 + ".json", "memo-" + "a" * 32 + ".pickle", ".memo-x1y2.tmp"]
    age(*stale)
    age("memo-" + "b" * 32 + ".pickle", when=time.time())  # fresh, but its job's record is old:
    age("job-" + "b" * 32 + ".json")  # both go
    age("notes.txt", "job-1.json")  # not gen-models' names: never removed
    age("locks/" + "c" * 32 + ".lock")  # a writer's lock no run took for a month goes too
    job = next(n for n in kept if n.startswith("job-"))
    age(job)
    assert "nothing changed" in gm(docs, "-o", tmp_path / "kept").stderr  # used again
    age(".pruned", when=time.time() - 2 * 24 * 3600)
    assert gm(docs, "-o", tmp_path / "other").returncode == 0  # a run that stores prunes
    memos_saved(cache)
    left = {p.name for p in cache.iterdir()}
    assert kept | {"notes.txt", "job-1.json"} < left
    assert not left & {*stale, "job-" + "b" * 32 + ".json", "memo-" + "b" * 32 + ".pickle"}
    assert [p.name for p in (cache / "locks").iterdir()] != [] and not (
        cache / "locks" / ("c" * 32 + ".lock")
    ).exists()
    age(*stale)  # pruned less than a day ago: not looked at again
    assert gm(docs, "-o", tmp_path / "third").returncode == 0
    assert set(stale) < {p.name for p in cache.iterdir()}


@pytest.mark.corpus
def test_after_edits_the_memo_gives_what_a_fresh_run_gives(tmp_path: Path) -> None:
    """Runs that reuse the last run's work (the memo) make exactly what a run from nothing
    makes, through edits of every kind: descriptions, types, headings (which rename the
    classes other modules import), removed fields, removed and added docs."""
    docs = tmp_path / "docs"
    shutil.copytree(corpus("dub-ts"), docs)
    out = tmp_path / "pkg"
    assert gm(docs, "-o", out, "-q").returncode == 0
    texts = {p: p.read_text() for p in sorted(docs.rglob("*.md"))}
    mentions = mentions_elsewhere(texts)
    linked = [p for p, count in mentions.items() if count > 1]
    unlinked = [p for p, count in mentions.items() if count == 0]
    objects = [p for p in linked if "## Fields" in texts[p] and p.stem.endswith("schema")]

    def edit(path: Path, old: str, new: str, count: int = 1) -> None:
        text = path.read_text()
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, count))

    head = objects[0].read_text().split("\n", 1)[0]
    edits = [
        lambda: edit(linked[3], "\n", "\n\nAn edited description.\n"),
        lambda: edit(objects[1], "*string*", "*number*"),
        lambda: edit(objects[0], head, head + "Renamed"),  # its class is imported elsewhere
        lambda: edit(
            objects[2],
            next(line for line in texts[objects[2]].splitlines() if line.startswith("| `")) + "\n",
            "",
        ),
        lambda: unlinked[0].unlink(),
        lambda: (docs / "components" / "added.md").write_text(
            '# Added\n\n## Values\n\n```typescript\n"a" | "b"\n```\n'
        ),
        lambda: edit(objects[0], head + "Renamed", head),
    ]
    for number, make_edit in enumerate(edits):
        make_edit()
        run = gm(docs, "-o", out, "-v")
        assert run.returncode == 0, run.stderr
        reused = re.search(r"reused from the last run: (\d+) docs read, (\d+) files made", run.stderr)
        assert reused and int(reused[1]) > 400 and int(reused[2]) > 400, (number, run.stderr[-500:])
        fresh = generate(docs)
        assert tree_bytes(out) == {rel: text.encode() for rel, text in fresh.files.items()}, number


def test_the_memo_keeps_what_runs_use_and_drops_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run's docs and files reach the memo (saved by a process that outlives the run, whose
    lock the next load waits for), and a memo holding more that a run did not use than it
    used is rewritten with only what the run used."""
    from generator.speed.memo import Memo, save_detached

    monkeypatch.setenv("GEN_MODELS_CACHE_DIR", str(tmp_path / "cache"))
    source, out, options, inputs = tmp_path / "docs", tmp_path / "out", Options(), {"code": {"x.py": [1, 2]}}

    def run(docs: range, files: range) -> tuple[int, int]:
        """One run that reads docs d<i> and makes files f<i>; what the next run finds."""
        memo = Memo.load(source, out, options, inputs)
        for i in docs:
            key = (f"d{i}.md", f"d{i}.md", b"%d" % i)
            if memo.known_doc(key) is None:
                memo.keep_doc(key, f"model {i}")
        for i in files:
            memo.keep_file(b"f%d" % i, memo.files.get(b"f%d" % i, f"text {i}"))
        save_detached([memo])
        after = Memo.load(source, out, options, inputs)  # waits for the saver
        assert all(after.docs[(f"d{i}.md", f"d{i}.md", b"%d" % i)] == f"model {i}" for i in docs)
        assert all(after.files[b"f%d" % i] == f"text {i}" for i in files)
        return len(after.docs), len(after.files)

    assert run(range(60), range(60)) == (60, 60)  # a new memo
    assert run(range(61), range(61)) == (61, 61)  # one more of each, appended
    assert run(range(10), range(10)) == (10, 10)  # most docs unused: rewritten, files after
    assert run(range(10), range(2)) == (10, 2)  # most files unused: rewritten again
    assert run(range(10), range(100, 160)) == (10, 62)  # appended: 2 unused against 60 used
    assert Memo.load(source, out, options, {"code": {}}).docs == {}  # other code: starts empty
