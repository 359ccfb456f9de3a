"""Hostile docs, file systems and invocations: each class of input that once broke a promise
of the README, held in every Python style. A case gives correct code (it imports, its values
round-trip, mypy and pyright pass it: the typecheck tier) or located errors, exit 1 and
nothing written; never exit 123, never a hang, never a dropped field or value.

The property tests of these classes over generated docs are in test_hostile.py and
test_units.py; this file holds one case of each class, by name, as the issue listed them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import typing
from pathlib import Path
from typing import Any

import pytest
from helpers import PYTHON_STYLES, ROOT, Generated, corpus, gen_models, mypy, pyright, tree_bytes, write_docs

from generator import Options, Style, generate
from generator.app import report as codes
from generator.core.diagnostics import GenerationFailed

TABLE = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"


def fields(*rows: str) -> str:
    return "## Fields\n\n" + TABLE + "\n".join(rows) + "\n"


def row(name: str, cell: str, required: bool = True, description: str = "N/A") -> str:
    mark = ":heavy_check_mark:" if required else ":heavy_minus_sign:"
    return f"| `{name}` | {cell} | {mark} | {description} |"


def page(title: str, *rows: str) -> str:
    return f"# {title}\n\n{fields(*rows)}"


OAG_HEADER = "## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n"

# Docs that must give correct code. (name: {path: markdown})
GOOD: dict[str, dict[str, str]] = {
    # A model named like a builtin or like the __future__ import, referred to by another.
    "builtin_names": {
        "models/warning.md": page("Warning", row("code", "*string*")),
        "models/set.md": page("set", row("x", "*string*")),
        "models/object.md": page("object", row("x", "*string*")),
        "models/type.md": page("type", row("x", "*string*")),
        "models/annotations.md": page("annotations", row("x", "*string*")),
        "models/user.md": page(
            "User",
            row("w", "[components.Warning](warning.md)"),
            row("s", "[components.Set](set.md)"),
            row("o", "[components.Object](object.md)"),
            row("t", "[components.Type](type.md)"),
            row("a", "[components.Annotations](annotations.md)"),
        ),
    },
    # Speakeasy Python enum members named like str's and Enum's attributes.
    "enum_member_names": {
        "models/kind.md": "# Kind\n\n## Example Usage\n\n```python\nfrom sdk.models import Kind\n\nvalue = Kind.MRO\n```\n\n"
        "## Values\n\n| Name | Value |\n| --- | --- |\n| `MRO` | mro |\n| `UPPER` | upper |\n| `COUNT` | count |\n| `VALUE` | value |\n",
        "models/holder.md": page("Holder", row("k", "[models.Kind](kind.md)")),
    },
    # A class named like its package's subpackage.
    "class_like_subpackage": {
        "models/components.md": page("components", row("x", "*string*")),
        "models/components/thing.md": page("Thing", row("c", "[components](../components.md)")),
    },
    # A heading longer than a file name may be.
    "long_heading": {"models/long.md": page("A" * 300, row("x", "*string*"))},
    # A union that lists itself among other members.
    "union_lists_itself": {
        "components/u.md": "# U\n\n## Supported Types\n\n### `components.A`\n\n```typescript\nconst value: components.A = {};\n```\n\n"
        "### `components.U`\n\n```typescript\nconst value: components.U = {};\n```\n",
        "components/a.md": page("A", row("x", "*string*")),
        "components/h.md": page("H", row("u", "[components.U](u.md)")),
    },
    # Literals Python's Literal cannot hold, and values Python's == would merge.
    "literals": {
        "models/lit.md": page(
            "Lit",
            row("half", "*1.5*"),
            row("huge", "*1e400*"),
            row("flag", "*true* \\| *1*"),
            row("zero", "*false* \\| *0*"),
        ),
    },
    # Enums of mixed value types, and of values that are equal as numbers only.
    "enum_values": {
        "models/mix.md": '# Mix\n\n## Values\n\n```typescript\n"low" | 1\n```\n',
        "models/ones.md": "# Ones\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `One` | 1 |\n| `OhOne` | 01 |\n",
        "models/holder.md": page(
            "Holder", row("m", "[components.Mix](mix.md)"), row("o", "[components.Ones](ones.md)")
        ),
    },
    # A catch-all row whose values are models.
    "extra_of_models": {
        "models/x.md": "# X\n\n## Example Usage\n\n```python\nfrom sdk.models import X\n\nvalue = X()\n```\n\n"
        + fields(
            row("a", "*Optional[str]*", False),
            row("__pydantic_extra__", "Dict[str, [models.Y](y.md)]", False),
        ),
        "models/y.md": "# Y\n\n## Example Usage\n\n```python\nfrom sdk.models import Y\n\nvalue = Y()\n```\n\n"
        + fields(row("b", "*Optional[str]*", False)),
    },
    # OpenAPI Generator defaults: of the wrong type (dropped, said), naming an enum's member.
    "oag_defaults": {
        "Pet.md": "# Pet\n\n" + OAG_HEADER + "**count** | **int** | | [optional] [default to 'abc']\n"
        "**status** | [**Status**](Status.md) | | [optional] [default to STATUS_SOLD]\n"
        "**size** | [**Status**](Status.md) | | [optional] [default to 'available']\n",
        "Status.md": "# Status\n\n## Enum\n\n* `AVAILABLE` (value: `'available'`)\n\n* `SOLD` (value: `'sold'`)\n",
    },
    # A deprecation notice in the banner's own line.
    "deprecation_notice": {
        "models/thing.md": page(
            "Thing",
            "| ~~`old`~~ | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: Use `new`; old goes in v3.<br/><br/>The old one. |",
        ),
    },
}

# Docs that must give located errors, exit 1, and nothing written. (name: (files, message))
BAD: dict[str, tuple[dict[str, str], str]] = {
    "unions_of_each_other": (
        {
            "components/u.md": "# U\n\n## Supported Types\n\n### `components.V`\n\n```typescript\nconst value: components.V = {};\n```\n",
            "components/v.md": "# V\n\n## Supported Types\n\n### `components.U`\n\n```typescript\nconst value: components.U = {};\n```\n",
        },
        "lists only unions that list it back",
    ),
    "nested_arrays_past_the_cap": (
        {"models/deep.md": page("Deep", row("x", "*string*" + "[]" * 80))},
        "cannot read type",
    ),
    "second_fields_section": (
        {"models/two.md": page("Two", row("a", "*string*")) + "\n" + fields(row("b", "*string*"))},
        "a second '## Fields' section",
    ),
    "second_fields_table": (
        {"models/two.md": page("Two", row("a", "*string*")) + "\n" + TABLE + row("b", "*string*") + "\n"},
        "a second table in '## Fields'",
    ),
    "catch_all_twice": (
        {
            "models/x.md": "# X\n\n## Example Usage\n\n```python\nvalue = X()\n```\n\n"
            + fields(
                row("a", "*Optional[str]*", False),
                row("__pydantic_extra__", "Dict[str, *str*]", False),
                row("__pydantic_extra__", "Dict[str, *int*]", False),
            )
        },
        "'__pydantic_extra__' is listed twice",
    ),
    "field_twice": ({"models/x.md": page("X", row("a", "*string*"), row("a", "*number*"))}, "listed twice"),
}


def _generated(files: dict[str, str], style: str, tmp_path: Path) -> Generated:
    return Generated(generate(write_docs(tmp_path / "docs", files), Options(style=Style(style))), tmp_path)


@pytest.mark.parametrize("style", PYTHON_STYLES)
@pytest.mark.parametrize("case", sorted(GOOD))
def test_hostile_docs_give_code_that_imports(case: str, style: str, tmp_path: Path) -> None:
    gen = _generated(GOOD[case], style, tmp_path)
    assert not [d for d in gen.plan.diagnostics if d.is_error]
    assert gen.import_all() == len(gen.plan.files)
    assert all(len(part.encode()) <= 255 for p in tree_bytes(gen.root) for part in p.split("/"))


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_models_named_like_builtins_are_the_models(style: str, tmp_path: Path) -> None:
    gen = _generated(GOOD["builtin_names"], style, tmp_path)
    user = gen.module("models.user")
    hints = typing.get_type_hints(user.User, vars(user), include_extras=False)
    for attr in ("w", "s", "o", "t", "a"):
        hinted = {a for a in typing.get_args(hints[attr]) if a is not type(None)} or {hints[attr]}
        assert all(getattr(a, "__module__", "").startswith(gen.name) for a in hinted), (attr, hinted)
    data = {k: {"code" if k == "w" else "x": "v"} for k in ("w", "s", "o", "t", "a")}
    assert gen.round_trip("models/user.md", data) == data


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_values_round_trip_as_the_wire_wrote_them(style: str, tmp_path: Path) -> None:
    """``1`` stays ``1`` beside ``true``, ``"01"`` beside ``1``, ``"low"`` beside ``1``;
    enum members named ``mro`` or ``upper`` hold their values."""
    gen = _generated({**GOOD["literals"], **GOOD["enum_values"]}, style, tmp_path)
    for data in (
        {"half": 1.5, "huge": 2.5, "flag": 1, "zero": 0},
        {"half": 1.5, "huge": 1e300, "flag": True, "zero": False},
    ):
        back = gen.round_trip("models/lit.md", data)
        assert back == data and [type(v) for v in back.values()] == [type(v) for v in data.values()]
    # A value table's values are strings unless all are numbers: "1" and "01" stay apart.
    for m, o in (("low", "1"), (1, "01")):
        back = gen.round_trip("models/holder.md", {"m": m, "o": o})
        assert back == {"m": m, "o": o} and (type(back["m"]), type(back["o"])) == (type(m), type(o))
    kinds = _generated(GOOD["enum_member_names"], style, tmp_path / "kinds")
    for value in ("mro", "upper", "count", "value"):
        assert kinds.round_trip("models/holder.md", {"k": value}) == {"k": value}


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_a_catch_all_of_models_loads_them(style: str, tmp_path: Path) -> None:
    """pydantic and dataclasses keep the keys a doc does not list; a TypedDict cannot say
    they are allowed (PEP 728's ``extra_items`` is not in mypy yet) and msgspec drops them
    when decoding (msgspec#490): their classes say so."""
    gen = _generated(GOOD["extra_of_models"], style, tmp_path)
    data = {"a": "x", "other": {"b": "y"}}
    if style in ("pydantic", "dataclass"):
        assert gen.round_trip("models/x.md", data) == data
    else:
        doc = gen.module("models.x").X.__doc__
        assert "Keys the docs do not list are allowed too (values: Y)" in doc


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_defaults_are_values_of_their_type_and_enum_defaults_are_members(style: str, tmp_path: Path) -> None:
    gen = _generated(GOOD["oag_defaults"], style, tmp_path)
    said = [d.message for d in gen.plan.diagnostics]
    assert said == ["default \"'abc'\" is not a value of the field's type: no default"]
    pet = next(m for m in gen.plan.tree.models if m.name == "Pet")
    defaults = {f.name: f.default for f in pet.fields}  # type: ignore[union-attr]
    assert defaults["count"] is None
    assert defaults["status"] is not None and (defaults["status"].value, defaults["status"].member) == (
        "sold",
        True,
    )
    assert defaults["size"] is not None and defaults["size"].value == "available"
    code = (gen.root / "pet.py").read_text()
    if style != "typeddict":  # a TypedDict has no defaults
        assert "= Status.SOLD" in code or "default=Status.SOLD" in code
    gen.import_all()


def test_a_custom_deprecation_notice_is_kept(tmp_path: Path) -> None:
    gen = _generated(GOOD["deprecation_notice"], "pydantic", tmp_path)
    thing = next(m for m in gen.plan.tree.models if m.name == "Thing")
    old = thing.fields[0]  # type: ignore[union-attr]
    assert (old.deprecated, old.description) == ("Use `new`; old goes in v3.", "The old one.")


def test_a_union_that_lists_itself_is_its_other_members(tmp_path: Path) -> None:
    gen = _generated(GOOD["union_lists_itself"], "pydantic", tmp_path)
    u = next(m for m in gen.plan.tree.models if m.name == "U")
    assert [getattr(n, "doc", None) for n in u.members] == ["components/a.md"]  # type: ignore[union-attr]
    assert gen.round_trip("components/h.md", {"u": {"x": "1"}}) == {"u": {"x": "1"}}


@pytest.mark.parametrize("case", sorted(BAD))
def test_hostile_docs_give_located_errors_and_write_nothing(case: str, tmp_path: Path) -> None:
    files, message = BAD[case]
    docs = write_docs(tmp_path / "docs", files)
    result = gen_models(docs, "-o", tmp_path / "out")
    assert result.returncode == codes.EXIT_FAILED, result.stderr
    assert not (tmp_path / "out").exists()
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors and all(line.startswith(str(docs)) and line.split(":")[1].isdigit() for line in errors)
    assert any(message in line for line in errors), result.stderr
    assert "nothing written" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("case", sorted(BAD))
def test_keep_going_writes_what_could_be_read(case: str, tmp_path: Path) -> None:
    files, _ = BAD[case]
    docs = write_docs(tmp_path / "docs", files)
    result = gen_models(docs, "-o", tmp_path / "out", "--keep-going")
    assert result.returncode == codes.EXIT_FAILED, result.stderr
    assert "the rest written (--keep-going)" in result.stderr or "no model to write" in result.stderr
    if (tmp_path / "out").exists():
        assert imports(tmp_path, "out")


def imports(base: Path, package: str) -> bool:
    """Whether every module of a written package imports, in a fresh interpreter."""
    code = (
        "import importlib, pathlib, sys\n"
        f"for p in sorted(pathlib.Path({package!r}).rglob('*.py')):\n"
        "    importlib.import_module('.'.join(p.with_suffix('').parts).removesuffix('.__init__'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=base, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return True


@pytest.mark.typecheck
@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_hostile_docs_give_code_that_type_checks(style: str, tmp_path: Path) -> None:
    trees = [_generated(GOOD[case], style, tmp_path / case) for case in sorted(GOOD)]
    checked = mypy(style, *trees)
    assert checked.returncode == 0, checked.stdout[-3000:]
    checked = pyright(*trees)
    assert checked.returncode == 0 and "0 errors" in checked.stdout, checked.stdout[-3000:]


# A real tree with a few broken docs.


@pytest.mark.corpus
def test_keep_going_over_a_real_tree_with_broken_docs_writes_all_the_rest(tmp_path: Path) -> None:
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(corpus("dub-ts"), docs)
    broken = {
        "components/linkschema.md": ("*string*", "*Frob<*"),  # a cell no grammar reads
        "components/linktagschema.md": (
            "LinkTagSchemaColor](../../models/components/linktagschemacolor",
            "Gone](gone",
        ),
        "operations/createlinkrequestbody.md": (
            None,
            "# Not\n\n## Fields\n\n" + TABLE + row("a", "*string*") + "\n" + fields(row("b", "*string*")),
        ),
    }
    for rel, (old, new) in broken.items():
        path = docs / rel
        text = path.read_text()
        path.write_text(new if old is None else text.replace(old, new, 1))
    failed = gen_models(docs, "-o", tmp_path / "none")
    assert failed.returncode == 1 and not (tmp_path / "none").exists()
    errors = [line for line in failed.stderr.splitlines() if ": error: " in line]
    failing = {line.split(":")[0].removeprefix(f"{docs}/") for line in errors}
    assert failing == set(broken)  # in one pass, every error
    kept = gen_models(docs, "-o", tmp_path / "out", "--keep-going")
    assert kept.returncode == 1
    every = generate(corpus("dub-ts"))
    plan = generate(docs, Options(keep_going=True))
    assert plan.stats.models == every.stats.models - 1  # the page of two Fields sections is left out
    written = tree_bytes(tmp_path / "out")
    assert set(written) == set(plan.files) and len(written) >= len(every.files) - 2
    assert imports(tmp_path, "out")


# The file system.


def test_a_symlink_loop_in_the_source_is_skipped_not_followed(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "*string*"))})
    (docs / "models" / "sub").mkdir()
    (docs / "models" / "sub" / "loop").symlink_to("..")
    result = gen_models(docs, "-o", tmp_path / "out", "--no-cache", timeout=60)  # no hang
    assert result.returncode == 0, result.stderr
    assert sorted(tree_bytes(tmp_path / "out")) == ["__init__.py", "models/__init__.py", "models/a.py"]


@pytest.mark.parametrize("kind", ["dangling symlink", "file as parent", "file"])
def test_an_output_that_cannot_be_a_package_is_a_located_error(kind: str, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "*string*"))})
    out = tmp_path / "out"
    if kind == "dangling symlink":
        out.symlink_to(tmp_path / "nowhere")
    elif kind == "file as parent":
        (tmp_path / "file").write_text("mine\n")
        out = tmp_path / "file" / "out"
    else:
        out.write_text("mine\n")
    result = gen_models(docs, "-o", out)
    assert result.returncode in (codes.EXIT_FAILED, codes.EXIT_USAGE), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert str(out) in result.stderr or str(out.parent) in result.stderr
    assert not (tmp_path / "nowhere").exists()
    assert (
        kind == "dangling symlink"
        or (tmp_path / ("file" if kind == "file as parent" else "out")).read_text() == "mine\n"
    )


def test_two_runs_at_once_on_one_output_both_succeed(tmp_path: Path) -> None:
    docs = corpus("intuned-ts")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEN_MODELS_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "generator", str(docs), "-o", str(out), "--no-cache", "-q"]
    runs = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    assert tree_bytes(out) == {k: v.encode() for k, v in generate(docs).files.items()}


def test_a_users_file_named_like_a_temporary_file_is_kept(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "*string*"))})
    out = tmp_path / "out"
    assert gen_models(docs, "-o", out).returncode == 0
    mine = out / "models" / ".gen-models-a.py-notes.tmp"
    mine.write_text("my notes\n")
    assert gen_models(docs, "-o", out, "--no-cache").returncode == 0
    assert mine.read_text() == "my notes\n"


# Configuration.


def _project(tmp_path: Path, config: bytes | str) -> Path:
    write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "*string*"))})
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(config.encode() if isinstance(config, str) else config)
    return tmp_path


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (b'[tool.gen-models]\nsource = "docs"\noutput = "out"\n# caf\xe9\n', "not UTF-8 text"),
        ('[tool.gen-models]\nsource = "docs"\noutput = "o\\u0000ut"\n', "expected a path"),
        ('[tool.gen-models]\nsource = "docs"\noutput = "out"\ntemplates = "missing"\n', "templates"),
        (
            '[tool.gen-models]\n[[tool.gen-models.jobs]]\nsource = "docs"\noutput = "out"\n'
            '[[tool.gen-models.jobs]]\nsource = "docs"\noutput = "out/inner"\n',
            "outputs one inside the other",
        ),
        (
            '[tool.gen-models]\nsource = "docs"\noutput = "out/{style}"\nstyle = ["pydantic", "pydantic"]\n',
            "each once",
        ),
        (
            '[tool.gen-models]\nsource = "docs"\noutput = "out"\nstyle = ["pydantic", "dataclass"]\n',
            "{style}",
        ),
    ],
)
def test_configuration_errors_exit_2_naming_the_file(
    config: bytes | str, message: str, tmp_path: Path
) -> None:
    project = _project(tmp_path, config)
    result = gen_models(cwd=project)
    assert result.returncode == codes.EXIT_USAGE, result.stderr
    assert f"{project / 'pyproject.toml'}:" in result.stderr and message in result.stderr
    assert not (project / "out").exists()


def test_a_job_of_several_styles_writes_each(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        '[tool.gen-models]\nsource = "docs"\noutput = "out/{style}"\nstyle = ["pydantic", "typeddict"]\n',
    )
    result = gen_models(cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "out").iterdir()) == ["pydantic", "typeddict"]
    assert "TypedDict" in (project / "out" / "typeddict" / "models" / "a.py").read_text()


def test_one_failing_job_does_not_stop_the_others_and_warnings_name_their_job(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        '[tool.gen-models]\n[[tool.gen-models.jobs]]\nsource = "bad"\noutput = "out_bad"\n'
        '[[tool.gen-models.jobs]]\nsource = "docs"\noutput = "out_good"\n',
    )
    write_docs(
        project / "bad",
        {"models/b.md": page("B", row("x", "*Frob<*")), "models/w.md": page("W", row("y", "Frob<*string*>"))},
    )
    result = gen_models(cwd=project)
    assert result.returncode == codes.EXIT_FAILED
    assert (project / "out_good" / "models" / "a.py").exists() and not (project / "out_bad").exists()
    lines = result.stderr.splitlines()
    named = lines.index("gen-models: in job bad -> out_bad:")
    assert ": warning: Frob<...>" in lines[named + 1] + lines[named + 2]
    assert "out_bad: 1 error in 1 doc; nothing written" in result.stderr


# Conventions.


def test_version() -> None:
    result = gen_models("--version")
    assert result.returncode == 0 and result.stdout.startswith("gen-models, version ")


def test_check_with_verify_checks_both(tmp_path: Path) -> None:
    docs = ROOT / "input" / "speakeasy_ts"
    out = tmp_path / "out"
    result = gen_models(docs, "-o", out, "--check", "--verify")
    assert result.returncode == codes.EXIT_FAILED  # the output does not exist: stale
    assert not out.exists() and "would be written" in result.stderr and "examples" in result.stderr


def test_ctrl_c_exits_130_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    """(A run killed while it writes leaves every file old or new: test_hostile.py.)"""
    import shutil

    docs = tmp_path / "docs"  # 5,000 docs: seconds of work, interrupted after one
    for name in ("gusto-ts", "mistral-py", "plex-go", "glean-java", "plex-csharp"):
        shutil.copytree(corpus(name), docs / name)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEN_MODELS_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.Popen(
        [sys.executable, "-m", "generator", str(docs), "-o", str(out), "--no-cache"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    run.send_signal(signal.SIGINT)
    code = run.wait(timeout=120)
    stderr = run.stderr.read() if run.stderr else ""
    assert code == codes.EXIT_INTERRUPTED and "interrupted" in stderr, stderr
    assert "Traceback" not in stderr
    assert not out.exists()  # interrupted before writing: nothing half-written
    assert not list(tmp_path.glob(".gen-models-*"))


@pytest.mark.parametrize("value", ["abc", "0", "-3", "1e9"])
def test_a_bad_gen_models_jobs_is_a_usage_error(value: str, tmp_path: Path) -> None:
    result = gen_models(
        ROOT / "input" / "speakeasy_ts", "-o", tmp_path / "out", env={"GEN_MODELS_JOBS": value}
    )
    assert result.returncode == codes.EXIT_USAGE and "GEN_MODELS_JOBS" in result.stderr


@pytest.mark.parametrize("how", ["empty", "forced dialect"])
def test_a_run_that_reads_no_model_warns_and_writes_nothing(how: str, tmp_path: Path) -> None:
    docs = write_docs(
        tmp_path / "docs", {} if how == "empty" else {"models/a.md": page("A", row("x", "*string*"))}
    )
    docs.mkdir(exist_ok=True)
    extra = ["--dialect", "openapi-generator-go"] if how == "forced dialect" else []
    result = gen_models(docs, "-o", tmp_path / "out", *extra)
    assert result.returncode == 0
    assert f"{docs}: warning: no model doc found here: nothing to generate" in result.stderr
    assert not (tmp_path / "out").exists()


def test_docs_of_a_language_not_read_yet_are_one_line(tmp_path: Path) -> None:
    swift = {
        f"models/thing{i}.md": page(
            f"Thing{i}", row("id", "*String*"), row("tags", "*[String]?*"), row("meta", "*[String: AnyJSON]*")
        )
        for i in range(6)
    }
    docs = write_docs(tmp_path / "docs", swift)
    result = gen_models(docs, "-o", tmp_path / "out")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert result.returncode == 1 and len(errors) == 1, result.stderr
    assert "in 6 docs" in errors[0] and "'*[String]?*'" in errors[0] and "SDK language" in errors[0]
    every = gen_models(docs, "-o", tmp_path / "out", "--verbose")
    assert len([line for line in every.stderr.splitlines() if ": error: " in line]) == 12


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_diagnostics_for_machines(fmt: str, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "Frob<*string*>"))})
    result = gen_models(docs, "-o", tmp_path / "out", "--output-format", fmt)
    assert result.returncode == 0
    if fmt == "json":
        import json

        said: Any = json.loads(result.stdout)
        assert said == [
            {
                "path": str(docs / "models" / "a.md"),
                "line": 7,
                "severity": "warning",
                "message": "Frob<...> in 'Frob<*string*>' is a generic type gen-models does not know: typed Any",
                "job": "",
            }
        ]
    else:
        assert result.stdout.startswith(f"::warning file={docs / 'models' / 'a.md'},line=7::Frob<...>")


def test_counts_are_singular_and_plural() -> None:
    assert [codes.counted(n, "file") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]


def test_an_unknown_generic_is_an_error_under_strict(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {"models/a.md": page("A", row("x", "Frob<*string*>"))})
    with pytest.raises(GenerationFailed) as failed:
        generate(docs, Options(strict=True))
    assert [d.severity.value for d in failed.value.diagnostics] == ["error"]
