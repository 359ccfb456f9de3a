"""Python modules: a package of one module per model, in a style (pydantic, dataclass, typeddict).

:class:`PythonModules` is the :class:`~generator.core.outputs.base.Output` every style
shares: the package layout (:mod:`.naming`), the ``__init__.py`` files that re-export the
models (:mod:`.package`), the header comment, support modules copied from gen-models'
own source (``_serde.py``), Jinja templates and black's layout. A style
(:mod:`.style`) says what a model's module holds.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any, NamedTuple

from ... import ir
from ...options import EnumStyle, Options
from ...render import preload, render
from ...resolve import Tree
from ...resources import HEADER
from ..base import FileView, FormatPython, RoundTrip
from . import common
from .common import ModuleView
from .module import Module
from .naming import ModelNames, plan
from .package import package_views
from .style import PythonStyle

_PACKAGES = "__init__ files"


class SupportView(NamedTuple):
    """A module gen-models copies into the package from its own source."""

    header: tuple[str, ...]
    source: str


class PythonModules:
    """The output of one Python style."""

    suffixes: tuple[str, ...] = (".py",)
    header = f"# {HEADER}".encode()

    def __init__(self, style: PythonStyle) -> None:
        self.style = style
        self.name = style.name

    def prepare(self, tree: Tree, options: Options) -> dict[str, ModelNames]:
        """Package, module and class names of every model."""
        return plan(tree.models)

    def jobs(self, tree: Tree, shared: Any, options: Options) -> list[str]:
        """The packages' ``__init__.py`` files (the largest job, so first), each model's
        module, and the style's support modules."""
        return [_PACKAGES] + [m.key for m in tree.models] + [f"{m}.py" for m in self.style.support]

    def files(self, job: str, tree: Tree, shared: dict[str, ModelNames], options: Options) -> list[FileView]:
        if job == _PACKAGES:
            views = package_views(tree, shared, self.style.exports)
            return [FileView(path, "common/package.py.jinja", "package", v) for path, v in views.items()]
        if job in tree.by_key:
            template, view = self.module_view(tree.by_key[job], tree, shared, options)
            return [FileView(shared[job].path, template, "module", view)]
        source = resources.files(__package__).joinpath(f"{job[1:-3]}.py").read_text("utf-8")
        return [FileView(job, "", "support", SupportView(common.header(None), source))]

    def module_view(
        self, model: ir.Model, tree: Tree, names: dict[str, ModelNames], options: Options
    ) -> tuple[str, ModuleView]:
        """The template (``<style>/<kind>.py.jinja``) and view for one model's module."""
        style = self.style
        module = Module(tree, names, model, postponed=style.future_annotations)
        view: object
        if isinstance(model, ir.ObjectModel):
            kind, view = "object", style.object_view(model, module, options)
        elif isinstance(model, ir.UnionModel):
            kind, view = "union", style.union_view(model, module, options)
        elif isinstance(model, ir.EnumModel) and options.enum_style is EnumStyle.LITERAL:
            kind, view = "alias", common.literal_enum_view(model, module, options)
        elif isinstance(model, ir.EnumModel):
            kind, view = "enum", common.enum_view(model, module, options)
        else:
            kind, view = "alias", common.opaque_view(model, module, options)
        imports = module.imports(future=style.future_annotations)
        header = common.header(model.key) + module.comments()
        return f"{style.name}/{kind}.py.jinja", ModuleView(header, imports, view)

    def text(self, file: FileView, options: Options, format_python: FormatPython) -> str:
        if isinstance(file.view, SupportView):
            source = "".join(f"# {line}\n" for line in file.view.header) + file.view.source
            return format_python(source, file.path, options, False)
        rendered = render(file.template, options.templates, **{file.argument: file.view})
        return format_python(rendered, file.path, options, rendered.users)

    def warm_up(self, options: Options) -> None:
        if options.templates is None:
            preload(self.style.name)

    def round_trips(self, tree: Tree, options: Options, package: str) -> Callable[[ir.Model], RoundTrip]:
        import importlib

        names = plan(tree.models)

        def round_trip(model: ir.Model) -> RoundTrip:
            own = names[model.key]
            module = importlib.import_module(".".join((package, *own.package, own.module)))
            return self.style.round_trip(model, module, own.cls, options)

        return round_trip

    def __repr__(self) -> str:
        return f"<output {self.name}>"
