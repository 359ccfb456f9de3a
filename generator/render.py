"""One strict Jinja environment over the built-in templates (and, first, a user's own)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .diagnostics import InternalError

_HERE = Path(__file__).resolve().parent


def template_dirs() -> list[Path]:
    """The built-in templates: inside the package when installed, beside it in a checkout."""
    return [p for p in (_HERE / "templates", _HERE.parent / "templates") if p.is_dir()][:1]


@lru_cache(maxsize=None)
def environment(user_dir: str | None = None) -> jinja2.Environment:
    dirs = ([Path(user_dir)] if user_dir else []) + template_dirs()
    if not dirs:
        raise InternalError(f"gen-models' templates are missing (looked in {_HERE})")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render(name: str, user_dir: str | None = None, **context: object) -> str:
    """Render ``<style>/<kind>.py.jinja``, falling back to ``common/<kind>.py.jinja``."""
    env = environment(user_dir)
    style, _, kind = name.partition("/")
    try:
        template = env.select_template([name, f"common/{kind}"])
        return template.render(**context)
    except jinja2.TemplateError as exc:
        raise InternalError(f"template {name}: {exc}") from exc
