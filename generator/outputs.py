"""The output files of a resolved tree, rendered and formatted: the packages' ``__init__.py``
files, each model's module, and the style's support modules.

:func:`generate <generator.pipeline.generate>` runs :func:`make_files` over
:func:`file_jobs` in worker processes; each file's text is reused from the memo when its
template and view are unchanged.
"""

from __future__ import annotations

from . import naming
from .config import Options
from .diagnostics import Diagnostic, GenerationFailed
from .format import format_source
from .memo import digest
from .parallel import shared
from .render import Rendered, preload, render
from .resolve import Tree
from .styles import module_view, support_modules
from .styles.common import header
from .styles.package import package_views

_PACKAGES = "__init__ files"


def prepare(options: Options) -> None:
    """Compile the built-in templates the style renders with, before the first render
    needs them (processes forked after this share them)."""
    if options.templates is None:
        preload(options.style.value)


def file_jobs(tree: Tree, options: Options) -> list[str]:
    """What :func:`make_files` makes: the packages' ``__init__.py`` files (the largest job,
    so first: workers finish together), each model's module, and the style's support modules."""
    return [_PACKAGES] + [m.key for m in tree.models] + [f"{m}.py" for m in support_modules(options)]


def make_files(job: str) -> list[tuple[str, str, bytes]] | tuple[Diagnostic, ...]:
    """Files (path, text, key in the memo) for one job; the errors of a user's template, if
    one fails. :func:`~generator.parallel.shared` holds (tree, names, options, memo's files)."""
    tree, names, options, known = shared()
    made = []
    try:
        for path, (template, argument, view) in _views(job, tree, names, options).items():
            key = digest(path, template, repr(view))
            text = known.get(key)
            if text is None:
                text = _format(render(template, options.templates, **{argument: view}), path, options)
            made.append((path, text, key))
    except GenerationFailed as exc:
        return tuple(exc.diagnostics)
    return made


def _views(
    job: str, tree: Tree, names: dict[str, naming.ModelNames], options: Options
) -> dict[str, tuple[str, str, object]]:
    """The files of one job: path -> its template, the template's argument, the view."""
    if job == _PACKAGES:
        package = "common/package.py.jinja"
        return {p: (package, "package", v) for p, v in package_views(tree, names, options).items()}
    if job in tree.by_key:
        template, module = module_view(tree.by_key[job], tree, names, options)
        return {names[job].path: (template, "module", module)}
    return {job: (f"{options.style.value}/{job}.jinja", "header", header(None))}


def _format(text: Rendered, path: str, options: Options) -> str:
    return format_source(text, path, options.target, options.line_length)


def render_files(tree: Tree, options: Options) -> dict[str, Rendered]:
    """Every output file as its template made it (before black's layout), by path."""
    names = naming.plan(tree.models)
    return {
        path: render(template, options.templates, **{argument: view})
        for job in file_jobs(tree, options)
        for path, (template, argument, view) in _views(job, tree, names, options).items()
    }
