"""Hostile and broken docs never yield broken, unsafe or lost output.

Property: for docs generated in every dialect with hostile names, descriptions and type
cells, gen-models either makes files that compile, import, keep each description's text
and are what black makes of the templates' code, or fails with located ``path:line:``
diagnostics. It never raises anything else, never hangs, and never lets doc text become
code.
"""

from __future__ import annotations

import ast
import html
import importlib
import inspect
import itertools
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import black
import pytest
from black.mode import TargetVersion
from helpers import COUNTS, PYTHON_STYLES, corpus, mentions_elsewhere, tree_bytes, unformatted
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator import GenerationFailed, Options, Style, changes, generate, write
from generator.core import ir
from generator.core.outputs import output
from generator.core.outputs.python import naming
from generator.core.pysource import clean_text

_packages = itertools.count()
LOCATED = re.compile(r"^.+:\d+: (error|warning): .+", re.DOTALL)

# Text that breaks naive generators: quotes, escapes, template syntax, controls, bidi, emoji.
HOSTILE_BITS = [
    '"""',
    "'''",
    "\\",
    "\\n",
    "{{ x }}",
    "{% if %}",
    "{#",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u202e",
    "\u200f",
    "\u2028",
    "\x85",
    "😀",
    "👩‍👩‍👧",
    "é",
    "漢字",
    "`code`",
    "<br/>",
    "**bold**",
    "&amp;",
    "#",
    "%s",
    "$x",
    "\t",
    "N/A",
    "'",
    '"',
    "__import__('os').system('touch /tmp/gen-models-pwned')",
]
NAMES = [
    "class",
    "from",
    "None",
    "True",
    "match",
    "type",
    "case",
    "_",
    "__class__",
    "__init__",
    "__dict__",
    "str",
    "list",
    "int",
    "dict",
    "object",
    "self",
    "cls",
    "model_config",
    "model_fields",
    "fields",
    "json",
    "from_dict",
    "to_dict",
    "Field",
    "Any",
    "2fa",
    "123",
    "!!!",
    "-",
    "é",
    "ID",
    "id",
    "Id",
    "userId",
    "user_id",
    "user-id",
    "x" * 300,
    "a b",
    "kwargs",
    "data",
    "obj",
    "WIRE_NAMES",
    "_fields_set",
    "additional_properties",
]
TYPE_CELLS_TS = [
    "*string*",
    "*number*",
    "*boolean*",
    "*any*",
    "*string*[]",
    "Record<string, *number*>",
    '*"x"*',
    "*true*",
    "Record<string, " * 50 + "*string*" + ">" * 50,
    "*string*" + "[]" * 50,
    "*Foo<*",
    "Record<string",
    "[broken](",
    "*string* \\| *number*",
    "{ [k: string]: *any* }",
    "*",
    "",
]
TYPE_CELLS_PY = [
    "*str*",
    "*Optional[int]*",
    "*Nullable[str]*",
    "*OptionalNullable[float]*",
    "List[*str*]",
    "Dict[str, *Any*]",
    '*Literal["x"]*',
    "*Optional[*",
    "List[" * 50 + "*str*" + "]" * 50,
    "*Union[str, int]*",
    "",
]
TYPE_CELLS_OAG = [
    "**str**",
    "**int**",
    "**List[str]**",
    "**Array&lt;string&gt;**",
    "**{ [key: string]: string; }**",
    "**Dict[str, object]**",
    "**Array&lt;**",
    "**object**",
    "",
]


def hostile_text(draw: st.DrawFn, allow_long: bool = True) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(HOSTILE_BITS), st.text(max_size=20)), max_size=6))
    if allow_long and draw(st.integers(0, 30)) == 0:
        parts.append("x" * 10_000)
    text = "".join(parts)
    # A table cell holds one line; its pipes must be escaped.
    return (
        text.replace("\r", " ")
        .replace("\n", " ")
        .replace("\x0b", " ")
        .replace("\x0c", " ")
        .replace("|", "\\|")
    )


@st.composite
def docs_tree(draw: st.DrawFn) -> tuple[str, dict[str, str], dict[tuple[str, str], str]]:
    """(dialect, {path: markdown}, {(path, field name or ""): description as written})."""
    dialect = draw(st.sampled_from(["ts", "py", "oag"]))
    files: dict[str, str] = {}
    descriptions: dict[tuple[str, str], str] = {}
    headings = draw(
        st.lists(
            st.sampled_from(
                [
                    "Thing",
                    "Other",
                    "class",
                    "None",
                    "__init__",
                    "2x",
                    "!!!",
                    "Any",
                    "Field",
                    "thing",
                    "THING",
                    "Or",
                    "List",
                ]
            ),
            min_size=1,
            max_size=4,
        )
    )
    for i, heading in enumerate(headings):
        rel = f"{heading}_{i}.md" if dialect == "oag" else f"models/doc_{i}.md"
        rows = []
        for name in draw(st.lists(st.sampled_from(NAMES), max_size=6, unique=True)):
            cells = {"ts": TYPE_CELLS_TS, "py": TYPE_CELLS_PY, "oag": TYPE_CELLS_OAG}[dialect]
            type_cell = draw(st.sampled_from(cells[:6] * 6 + cells))  # mostly readable, sometimes not
            description = hostile_text(draw)
            descriptions[(rel, name)] = description
            if dialect == "oag":
                notes = draw(
                    st.sampled_from(["", "[optional] ", "[readonly] ", "[optional] [default to 'x']"])
                )
                rows.append(f"**{name}** | {type_cell} | {description} | {notes}")
            else:
                required = draw(st.sampled_from([":heavy_check_mark:", ":heavy_minus_sign:"] * 10 + ["yes"]))
                rows.append(f"| `{name}` | {type_cell} | {required} | {description} |")
        # A paragraph: a line that starts with a letter (not `#`, `-`, four spaces: other blocks).
        intro = "Intro: " + hostile_text(draw, allow_long=False)
        descriptions[(rel, "")] = intro
        if dialect == "oag":
            body = f"# {heading}\n\n{intro}\n\n## Properties\n\nName | Type | Description | Notes\n---- | ---- | ---- | ----\n"
            files[rel] = body + "\n".join(rows) + "\n"
        else:
            example = "```python\nvalue = 1\n```\n\n" if dialect == "py" else ""
            table = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n" + "\n".join(rows)
            files[rel] = f"# {heading}\n\n{intro}\n\n## Example Usage\n\n{example}## Fields\n\n{table}\n"
    return dialect, files, descriptions


def _paragraph_trim() -> str:
    """The white space markdown-it trims from a paragraph's ends: Unicode white space, but
    not all of what ``str.strip`` takes (U+001C to U+001F and U+0085 stay)."""
    md = MarkdownIt("commonmark")
    spaces = [c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\r\n"]
    return "\r\n" + "".join(c for c in spaces if md.parse(f"ab{c}\n")[1].content == "ab")


_PARAGRAPH_TRIM = _paragraph_trim()


def expected_text(dialect: str, text: str, paragraph: bool = False) -> str:
    """A description as the docs mean it, by the documented rules of each dialect (markdown
    itself trims a cell's or a paragraph's white space, Unicode white space included)."""
    text = text.replace("\x00", "\ufffd")
    # A table cell's \| is a pipe (markdown-it's table rule); a paragraph keeps its source text.
    text = text.strip(_PARAGRAPH_TRIM) if paragraph else text.replace("\\|", "|").strip()
    if dialect == "oag":
        text = re.sub(r"\\(.)", r"\1", html.unescape(text))
    text = re.sub(r"\s*<br\s*/?>\s*", "\n", text, flags=re.IGNORECASE)
    text = clean_text(text)
    return "" if text == "N/A" and dialect != "oag" else text  # Speakeasy's "no description"


def load(root: Path, name: str) -> list[Any]:
    """Import every module of a generated package."""
    sys.path.insert(0, str(root))
    try:
        modules = []
        for path in sorted((root / name).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            modules.append(
                importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
            )
        return modules
    finally:
        sys.path.remove(str(root))


@pytest.mark.parametrize("style", [Style(s) for s in PYTHON_STYLES])
@settings(
    max_examples=150,
    deadline=20_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(tree=docs_tree())
def test_hostile_docs_give_safe_code_or_located_errors(
    style: Style, tree: Any, tmp_path_factory: Any
) -> None:
    COUNTS[f"hostile docs, {style.value}"] = COUNTS.get(f"hostile docs, {style.value}", 0) + 1
    dialect, files, descriptions = tree
    src = tmp_path_factory.mktemp("docs")
    for rel, text in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    try:
        plan = generate(src, Options(style=style))
    except GenerationFailed as failed:
        assert failed.diagnostics and all(LOCATED.match(str(d)) for d in failed.diagnostics), failed
        return
    for path, text in plan.files.items():
        tree_ = ast.parse(text, filename=path)  # compiles
        calls = {
            n.func.attr
            for n in ast.walk(tree_)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
        }
        assert "system" not in calls, path
    # Laid out as black lays it out (by generator.speed.layout, or by black where it gives up); the
    # support modules hold no doc text, and test_layout checks them.
    mode = black.Mode(target_versions={TargetVersion.PY310})
    fixed = {f"{module}.py" for module in output(Options(style=style)).style.support}  # type: ignore[attr-defined]
    for path, rendered in unformatted(plan.tree, Options(style=style)).items():
        if path not in fixed:
            assert plan.files[path] == black.format_str(rendered, mode=mode), path
    out = tmp_path_factory.mktemp("out")
    name = f"hostile_{next(_packages)}"
    write(plan, out / name)
    load(out, name)
    assert not Path("/tmp/gen-models-pwned").exists()
    if style is Style.PYDANTIC:
        sys.path.insert(0, str(out))
        try:
            _check_descriptions(plan, out, name, dialect, descriptions)
        finally:
            sys.path.remove(str(out))


def _check_descriptions(
    plan: Any, root: Path, name: str, dialect: str, written: dict[tuple[str, str], str]
) -> None:
    """Every description the docs wrote survives, as the field's and the class's text."""
    names = naming.plan(plan.tree.models)
    seen = 0
    for model in plan.tree.models:
        if not isinstance(model, ir.ObjectModel):
            continue
        own = names[model.key]
        cls = getattr(importlib.import_module(".".join((name, *own.package, own.module))), own.cls)
        for field in model.fields:
            source = written.get((model.key, field.shown))
            info = next((i for n, i in cls.model_fields.items() if (i.alias or n) == field.name), None)
            if source is None or info is None or field.deprecated is not None:
                continue
            assert (info.description or "") == expected_text(dialect, source)
            seen += 1
        intro = written.get((model.key, ""))
        if intro is not None:
            assert inspect.cleandoc(cls.__doc__ or "") == inspect.cleandoc(
                expected_text(dialect, intro, paragraph=True)
            )
    COUNTS["descriptions checked"] = COUNTS.get("descriptions checked", 0) + seen


PAYLOADS = [
    '"""); import os; os.system("touch /tmp/gen-models-pwned"); ("""',
    "'''); __import__('os').system('touch /tmp/gen-models-pwned'); ('''",
    "{{ cycler.__init__.__globals__.os.system('touch /tmp/gen-models-pwned') }}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    "\\\"; __import__('os').system('touch /tmp/gen-models-pwned') #",
    "\u2028__import__('os').system('touch /tmp/gen-models-pwned')",
    "\r__import__('os').system('touch /tmp/gen-models-pwned')",
]


@pytest.mark.parametrize("style", [Style(s) for s in PYTHON_STYLES])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_doc_text_never_becomes_code(payload: str, style: Style, tmp_path: Path) -> None:
    marker = Path("/tmp/gen-models-pwned")
    marker.unlink(missing_ok=True)
    cell = payload.replace("|", "\\|").replace("\r", " ")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thing.md").write_text(
        f"# Thing\n\n{payload}\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
        f"| `{cell.replace('`', '')}` | *string* | :heavy_check_mark: | {cell} |\n"
        f'| `b` | *"{cell.replace(chr(34), "")}"* | :heavy_minus_sign: | N/A |\n'
    )
    (docs / "kind.md").write_text(
        f'# Kind\n\n## Values\n\n```typescript\n"{payload.replace(chr(34), "")}" | "b"\n```\n'
    )
    try:
        plan = generate(docs, Options(style=style))
    except GenerationFailed as failed:
        assert all(LOCATED.match(str(d)) for d in failed.diagnostics)
        return
    name = f"inject_{next(_packages)}"
    write(plan, tmp_path / "out" / name)
    modules = load(tmp_path / "out", name)  # importing runs every module's top-level code
    kind = next(m.Kind for m in modules if hasattr(m, "Kind"))
    assert kind("b") is not None
    assert not marker.exists()
    thing = next(m.Thing for m in modules if hasattr(m, "Thing"))
    assert inspect.cleandoc(thing.__doc__).startswith(
        clean_text(payload.replace("\r", "\n").strip())
    )  # as data


def test_nothing_outside_the_source_is_read_nor_outside_the_output_written(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(
        "# Secret\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
        "| `key` | *string* | :heavy_check_mark: | The secret. |\n"
    )
    docs = tmp_path / "project" / "docs"
    docs.mkdir(parents=True)
    (docs / "thing.md").write_text(
        "# ../../Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
        "| `a` | [components.Secret](../../outside/secret.md) | :heavy_check_mark: | N/A |\n"
        "| `b` | [components.Secret](/etc/passwd) | :heavy_check_mark: | N/A |\n"
        "| `../../c` | [Secret](../outside/secret.md#x) | :heavy_check_mark: | N/A |\n"
    )
    (docs / "linked").symlink_to(outside, target_is_directory=True)
    (docs / "also.md").symlink_to(outside / "secret.md")
    (docs / "Upper.md").write_text('# Case\n\n## Values\n\n```typescript\n"a"\n```\n')
    (docs / "upper.md").write_text('# CASE\n\n## Values\n\n```typescript\n"b"\n```\n')
    before_outside = tree_bytes(outside)
    plan = generate(docs)
    assert "Secret" not in {m.name for m in plan.tree.models}
    messages = "\n".join(map(str, plan.diagnostics))
    assert "links outside the source tree: not read" in messages  # the symlinks
    assert messages.count("outside the docs being read: typed as Any") == 3
    paths = list(plan.files)
    assert all(not p.startswith(("/", "..")) and ".." not in p.split("/") for p in paths)
    assert len({p.lower() for p in paths}) == len(paths)  # no two files on a case-insensitive file system
    out = tmp_path / "project" / "out"
    write(plan, out)
    assert tree_bytes(outside) == before_outside
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["docs", "out"]


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (b'\xef\xbb\xbf# Thing\r\n\r\n## Values\r\n\r\n```typescript\r\n"a" | "b"\r\n```\r\n', "ok"),
        (
            b"# Thing\r\n\r\nA\r\ndescription.\r\n\r\n## Values\r\n\r\n| Name | Value |\r\n| - | - |\r\n| `A` | a |\r\n",
            "ok",
        ),
        (b"", "skipped"),
        (b"\n\n   \n", "skipped"),
        ("# Caf\xe9\n".encode("latin-1"), "thing.md:1: error: not UTF-8 text (byte 0xe9 at offset 5)"),
        (
            b"# Thing\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *\xff* |",
            "thing.md:7: error: not UTF-8",
        ),
    ],
)
def test_encodings(data: bytes, expect: str, tmp_path: Path) -> None:
    (tmp_path / "thing.md").write_bytes(data)
    try:
        plan = generate(tmp_path)
    except GenerationFailed as failed:
        assert expect in str(failed.diagnostics[0])
        return
    if expect == "skipped":
        assert plan.stats.skipped == 1 and plan.stats.models == 0
    else:
        assert expect == "ok" and plan.stats.models == 1


def test_a_5_mb_doc_and_a_table_of_10_000_rows(tmp_path: Path) -> None:
    rows = "".join(
        f"| `field{i}` | *string* | :heavy_minus_sign: | Field {i}: {'a long text ' * 4} |\n"
        for i in range(10_000)
    )
    (tmp_path / "wide.md").write_text(
        f"# Wide\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n{rows}"
    )
    big = "x" * 5_000_000
    (tmp_path / "big.md").write_text(f'# Big\n\n{big}\n\n## Values\n\n```typescript\n"a"\n```\n')
    assert (tmp_path / "big.md").stat().st_size > 5_000_000
    plan = generate(tmp_path)
    assert plan.stats.models == 2
    source = plan.files["wide.py"]
    assert source.count("Field(") == 10_000 and "field9999: str | None" in source
    assert big in ast.literal_eval(
        plan.files["big.py"].split("class Big(str, Enum):\n    ")[1].split("\n\n")[0]
    )


@pytest.mark.corpus
def test_killed_while_writing_every_file_is_old_or_new_and_a_rerun_completes(tmp_path: Path) -> None:
    """SIGKILL at random points of the write phase of a real run over a whole corpus."""
    docs = tmp_path / "docs"
    shutil.copytree(corpus("dub-ts"), docs)
    old_out = tmp_path / "old"
    write(generate(docs), old_out)
    old = tree_bytes(old_out)
    # New docs, removed docs (that nothing links to) and a changed description in every doc.
    texts = {p: p.read_text() for p in sorted(docs.rglob("*.md"))}
    unlinked = [p for p, count in mentions_elsewhere(texts).items() if count == 0]
    for path in unlinked[:10]:
        path.unlink()
    for path, text in texts.items():
        if path.exists():
            heading, rest = text.split("\n", 1)
            path.write_text(f"{heading}\n\nRevised.\n{rest}")
    for i in range(10):
        (docs / "components" / f"added{i}.md").write_text(
            f'# Added{i}\n\n## Values\n\n```typescript\n"a{i}"\n```\n'
        )
    plan = generate(docs)
    new = {rel: text.encode() for rel, text in plan.files.items()}
    pending = changes(plan, old_out)
    assert pending.create and pending.change and pending.remove
    first = next(iter(pending.create))  # apply writes the new files first

    rng = random.Random(20261122)
    mixed = 0
    for attempt in range(6):
        out = tmp_path / f"out{attempt}"
        shutil.copytree(old_out, out)
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", str(docs), "-o", str(out), "--no-cache", "-q"],
            stderr=subprocess.PIPE,
        )
        while not (out / first).exists() and process.poll() is None:
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.04))
        process.kill()
        _, stderr = process.communicate()
        assert b"Traceback" not in stderr
        now = tree_bytes(out)
        temporary = [rel for rel in now if re.fullmatch(r"\.gen-models-.+\.tmp", rel.rsplit("/", 1)[-1])]
        for rel, data in now.items():
            if rel not in temporary:
                assert data in (old.get(rel), new.get(rel)), rel
        states = {now.get(rel) == new[rel] for rel in pending.change}
        mixed += states == {True, False}
        rerun = subprocess.run(
            [sys.executable, "-m", "generator", str(docs), "-o", str(out), "-q"], capture_output=True
        )
        assert rerun.returncode == 0, rerun.stderr
        assert tree_bytes(out) == new
    COUNTS["SIGKILL runs"] = attempt + 1
    COUNTS["SIGKILL runs killed between two writes"] = mixed
    assert mixed, "no kill landed between two writes: the test did not test anything"


@pytest.mark.corpus
def test_a_new_output_appears_whole_even_when_the_run_is_killed(tmp_path: Path) -> None:
    """A run into an output that does not exist builds it beside, then renames it: SIGKILL at
    random points leaves no output or all of it, and the next run removes what was left."""
    docs = corpus("dub-ts")
    expected = {rel: text.encode() for rel, text in generate(docs).files.items()}
    rng = random.Random(20261201)
    seen = set()
    for attempt in range(6):
        out = tmp_path / f"run{attempt}" / "models"
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", str(docs), "-o", str(out), "--no-cache", "-q"],
            stderr=subprocess.PIPE,
        )
        # Wait until the staging directory holds files, then kill at a random moment.
        while process.poll() is None and not any(out.parent.glob(".gen-models-models-*.tmp/*")):
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.05))
        process.kill()
        _, stderr = process.communicate()
        assert b"Traceback" not in stderr
        leftovers = list(out.parent.glob(".gen-models-models-*.tmp"))
        if out.exists():
            assert tree_bytes(out) == expected
            assert not leftovers
            seen.add("complete")
        else:
            assert len(leftovers) == 1 and leftovers[0].is_dir()
            seen.add("none")
        rerun = subprocess.run([sys.executable, "-m", "generator", str(docs), "-o", str(out), "-q"])
        assert rerun.returncode == 0
        assert tree_bytes(out) == expected
        assert sorted(p.name for p in out.parent.iterdir()) == ["models"]
    assert "none" in seen, "no kill landed while the output was being built: the test did not test anything"


def test_a_staging_leftover_that_holds_other_files_is_left_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pet.md").write_text('# Pet\n\n## Values\n\n```typescript\n"cat"\n```\n')
    leftover = tmp_path / ".gen-models-models-abc123.tmp"
    leftover.mkdir()
    (leftover / "notes.txt").write_text("mine")
    write(generate(docs), tmp_path / "models")
    assert (leftover / "notes.txt").read_text() == "mine"
    assert (tmp_path / "models" / "pet.py").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
