"""--target-version, --enum-style, --templates and the other switches, for real."""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest
import typing_extensions
from helpers import PYTHON_STYLES, ROOT, generated

from generator import Options, Style, generate
from generator.app.verify import verify_examples
from generator.core.options import TARGET_VERSIONS, EnumStyle

DOCS = ROOT / "input" / "speakeasy_ts"
STYLES = ("pydantic", "dataclass", "typeddict")


def interpreter(target: tuple[int, int]) -> str | None:
    """A Python of that version on this machine, if there is one."""
    name = f"python{target[0]}.{target[1]}"
    found = shutil.which(name)
    if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
        return found
    candidates = sorted(
        glob.glob(str(Path.home() / f".pyenv/versions/{target[0]}.{target[1]}.*/bin/python3"))
    )
    return candidates[-1] if candidates else None


@pytest.mark.typecheck
@pytest.mark.parametrize("style", PYTHON_STYLES)
@pytest.mark.parametrize("version", list(TARGET_VERSIONS))
def test_code_type_checks_on_the_target_versions_rules(version: str, style: str, tmp_path: Path) -> None:
    target = TARGET_VERSIONS[version]
    # speakeasy_python has a union of one member: an alias that must not be a mere string.
    others = [
        generated(ROOT / "input" / d, tmp_path, style=style, target=target)
        for d in ("speakeasy_python", "openapi_generator")
    ]
    gen = generated(DOCS, tmp_path, style=style, target=target)
    config = tmp_path / "mypy.ini"
    if style == "pydantic" and target < (3, 10):
        # pydantic 2.12+ is written for Python >= 3.10 (it uses `match`), so mypy cannot read
        # pydantic itself under 3.9 rules: check our code with pydantic untyped (BaseModel is Any).
        config.write_text(
            "[mypy]\nstrict = True\ndisallow_subclassing_any = False\n[mypy-pydantic.*]\nfollow_imports = skip\n"
        )
    else:
        plugins = "plugins = pydantic.mypy\n" if style == "pydantic" else ""
        config.write_text(f"[mypy]\nstrict = True\n{plugins}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--python-version",
            f"{target[0]}.{target[1]}",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "-p",
            gen.name,
            *(arg for other in others for arg in ("-p", other.name)),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    source = "\n".join(p.read_text() for p in gen.root.rglob("*.py"))
    if target < (3, 10):
        # (the support modules, _serde and _unions, postpone their annotations: they may)
        assert " | None" not in source.replace('"', "").replace("'", "") or style in ("dataclass", "msgspec")
        assert "kw_only" not in source or style == "msgspec"  # dataclass(kw_only=) is 3.10's; Struct's is not
    if target < (3, 11) and style == "typeddict":
        assert "from typing_extensions import NotRequired, TypedDict" in source


@pytest.mark.parametrize("style", ["dataclass", "typeddict"])
@pytest.mark.parametrize("version", list(TARGET_VERSIONS))
def test_code_imports_on_the_target_python(version: str, style: str, tmp_path: Path) -> None:
    target = TARGET_VERSIONS[version]
    python = interpreter(target)
    if python is None:
        pytest.skip(f"no Python {target[0]}.{target[1]} on this machine to import with")
    gen = generated(DOCS, tmp_path, style=style, target=target)
    path = f"{tmp_path}:{Path(typing_extensions.__file__).parent}" if style == "typeddict" else str(tmp_path)
    code = (
        f"import {gen.name}.models.components as c, {gen.name}.models.operations as o, {gen.name}.models.errors\n"
        "assert c.User.__name__ == 'User'\n"
    )
    if style == "typeddict":
        code += "assert c.KitchenSink.__required_keys__ == frozenset({'name', 'count', 'kind'}), c.KitchenSink.__required_keys__\n"
    else:
        code += "u = c.User.from_dict({'id': 'a', 'team': {'name': 't'}}); assert u.to_dict() == {'id': 'a', 'team': {'name': 't'}}\n"
    result = subprocess.run([python, "-c", code], env={"PYTHONPATH": path}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("version", [v for v, t in TARGET_VERSIONS.items() if t <= sys.version_info[:2]])
def test_pydantic_code_for_every_target_runs_here(version: str, tmp_path: Path) -> None:
    gen = generated(DOCS, tmp_path, target=TARGET_VERSIONS[version])
    components = gen.module("models.components")
    assert pydantic.TypeAdapter(components.Pet).validate_python({"kind": "cat"}).kind == "cat"
    assert components.User.model_validate({"id": "x", "team": {"name": "t"}}).team.name == "t"


@pytest.mark.typecheck
@pytest.mark.parametrize("style", ["pydantic", "dataclass"])
def test_literal_enums(style: str, tmp_path: Path) -> None:
    options = Options(style=Style(style), enum_style=EnumStyle.LITERAL)
    report = verify_examples(DOCS, options)
    assert report.checked >= 20 and report.passed == report.checked
    gen = generated(DOCS, tmp_path, style=style, enum_style=EnumStyle.LITERAL)
    text = (gen.root / "models" / "components" / "status.py").read_text()
    assert 'Status: TypeAlias = Literal["active", "archived"]' in text
    assert (
        'Literal["script-process-crashed", "timeout"] | str'
        in (gen.root / "models" / "operations" / "response_body_code.py").read_text()
    )
    result = gen.mypy(style)
    assert result.returncode == 0, result.stdout
    if style == "pydantic":
        pet = pydantic.TypeAdapter(gen.module("models.components").Pet)
        assert type(pet.validate_python({"kind": "dog"})).__name__ == "Dog"
        with pytest.raises(pydantic.ValidationError):
            gen.module("models.operations").Status.model_validate({"component": "deleted"})


def test_field_docstrings_off_and_line_length(tmp_path: Path) -> None:
    plan = generate(DOCS, Options(field_docstrings=False, line_length=120))
    user = plan.files["models/components/user.py"]
    assert '"""A model in another package, which refers back to this one."""' not in user
    assert 'description="A model in another package, which refers back to this one."' in user
    assert max(len(line) for line in plan.files["models/components/kitchen_sink.py"].splitlines()) > 88


OVERRIDE = r"""
{% extends "common/module.py.jinja" %}
{% set m = module.model %}
{% block body %}
class {{ m.cls }}({{ m.base }}):
    {{ m.docstring or "'A model.'" }}

    model_config = {{ m.config[:-1] }}, frozen=True)
{% for f in m.fields %}
    {{ f.attr }}: {{ f.annotation }}{% if f.value %} = {{ f.value }}{% endif %}

{% endfor %}
{% endblock %}
"""


@pytest.mark.typecheck
def test_user_templates_override_file_by_file(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "pydantic"
    templates.mkdir(parents=True)
    (templates / "object.py.jinja").write_text(OVERRIDE)
    gen = generated(DOCS, tmp_path, templates=str(tmp_path / "templates"))
    components = gen.module("models.components")
    user = components.User(id="a")
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        user.id = "b"
    assert components.Status("active") is components.Status.ACTIVE  # enums: the built-in template
    assert gen.mypy("pydantic").returncode == 0


def test_a_broken_user_template_is_a_located_error(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "pydantic"
    templates.mkdir(parents=True)
    (templates / "object.py.jinja").write_text("class {{ module.model.cls }}:\n{% for %}\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            str(DOCS),
            "-o",
            str(tmp_path / "o"),
            "--templates",
            str(tmp_path / "templates"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = f"{templates / 'object.py.jinja'}:2: error: template syntax error"
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    (templates / "object.py.jinja").write_text("class {{ module.model.cls }}(:\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            str(DOCS),
            "-o",
            str(tmp_path / "o"),
            "--templates",
            str(tmp_path / "templates"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert (
        f"{templates / 'object.py.jinja'}: error: your template made code that is not valid Python"
        in result.stderr
    )
    assert not (tmp_path / "o").exists()
