"""One strict Jinja environment over the built-in templates and, first, a user's own.

A user's template directory overrides the built-in templates file by file (the same
relative path, e.g. ``pydantic/object.py.jinja``); the rest fall back. A style's
template falls back to ``common/`` too. A problem in a user's template is the user's
error, located in that template; a problem in a built-in one is gen-models' bug.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .diagnostics import GenerationFailed, InternalError, Location, error
from .resources import builtin_templates


@lru_cache(maxsize=8)
def environment(user_dir: str | None) -> jinja2.Environment:
    dirs = ([user_dir] if user_dir else []) + [str(builtin_templates())]
    # ``builtin/<name>`` is always gen-models' own: a user's template of the same name can
    # extend it (``{% extends "builtin/pydantic/object.py.jinja" %}``), not itself.
    builtin = jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(builtin_templates()))})
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(dirs), builtin]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # a user's templates are checked for edits (a build may run gen-models many
        # times in one process); the built-in ones are not: no stat per render
        auto_reload=user_dir is not None,
        cache_size=-1,  # a plain dict: there are only so many templates, and each render looks one up
    )
    if user_dir is None:
        # the built-in templates use none of Jinja's globals (range, dict, cycler...), and
        # a context is made quicker without them (see _render_builtin)
        env.globals.clear()
    return env


class Rendered(str):
    """Rendered text that knows its template file (to blame the right one for bad code)."""

    template: str
    users: bool


def render(name: str, user_dir: str | None, **context: object) -> Rendered:
    """Render ``<style>/<kind>.py.jinja``, falling back to ``common/<kind>.py.jinja``."""
    template, users = _builtin_template(name) if user_dir is None else _template(name, user_dir)
    try:
        out = Rendered(template.render(**context) if user_dir else _render_builtin(template, context))
    except RecursionError:
        if not users:
            raise
        why = f"template error: {name} extends or includes itself (gen-models' own is builtin/{name})"
        raise GenerationFailed((error(Location(template.filename or name), why),)) from None
    except Exception as exc:  # noqa: BLE001 - a user's template may raise anything ({{ 1/0 }})
        if users:
            raise GenerationFailed(
                (error(_where(exc, template, name), f"template error: {exc!r}"),)
            ) from None
        raise InternalError(f"template {name}: {exc}") from exc
    out.template = template.filename or name
    out.users = users
    return out


def _where(exc: BaseException, template: jinja2.Template, name: str) -> Location:
    """The line of the user's template the exception came from (Jinja rewrites tracebacks to
    show template lines), else the template."""
    line = getattr(exc, "lineno", 0) or 0
    filename = template.filename or name
    frame = exc.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code.co_filename == filename:
            line = frame.tb_lineno
        frame = frame.tb_next
    return Location(filename, line)


def _render_builtin(template: jinja2.Template, context: dict[str, object]) -> str:
    """``template.render(**context)`` for a built-in template, with less made per render.

    The built-in templates use none of Jinja's globals, so their context holds the
    arguments alone (``shared``: not copied into a dict of the globals first).
    """
    try:
        return "".join(template.root_render_func(template.new_context(context, shared=True)))
    except Exception:
        template.environment.handle_exception()  # raises, as Template.render would


def _template(name: str, user_dir: str | None) -> tuple[jinja2.Template, bool]:
    """The template for ``name`` (or its ``common/`` fallback), and whether it is the user's."""
    _, _, kind = name.partition("/")
    try:
        template = environment(user_dir).select_template([name, f"common/{kind}"])
    except jinja2.TemplateSyntaxError as exc:
        raise _blame(exc, user_dir, name) from exc
    return template, bool(user_dir and _inside(template.filename or name, user_dir))


def preload(style: str) -> None:
    """Compile every built-in template ``style`` renders with (its own and ``common/``'s)."""
    root = builtin_templates()
    for kind in sorted({t.name for folder in ("common", style) for t in (root / folder).glob("*.jinja")}):
        _builtin_template(f"{style}/{kind}")


@lru_cache(maxsize=64)
def _builtin_template(name: str) -> tuple[jinja2.Template, bool]:
    return _template(name, None)


def _blame(exc: jinja2.TemplateSyntaxError, user_dir: str | None, name: str) -> Exception:
    filename = exc.filename or name
    if user_dir and _inside(filename, user_dir):
        return GenerationFailed(
            (error(Location(filename, exc.lineno or 0), f"template syntax error: {exc.message}"),)
        )
    return InternalError(f"template {filename}: {exc}")


def _inside(path: str, directory: str) -> bool:
    return Path(path).resolve().is_relative_to(Path(directory).resolve())
