"""Output styles: one module each, turning a checked model into a template and its view.

A style module has ``NAME``, ``FUTURE_ANNOTATIONS`` and ``object_view`` / ``union_view``;
enum and opaque models look the same in every style (:mod:`.common`).
"""

from __future__ import annotations

from types import ModuleType

from .. import ir
from ..config import EnumStyle, Options, Style
from ..naming import ModelNames
from ..resolve import Tree
from . import common, dataclass, pydantic, typeddict
from .common import ModuleView
from .module import Module

STYLES: dict[Style, ModuleType] = {
    Style.PYDANTIC: pydantic,
    Style.DATACLASS: dataclass,
    Style.TYPEDDICT: typeddict,
}


def module_view(
    model: ir.Model, tree: Tree, names: dict[str, ModelNames], options: Options
) -> tuple[str, ModuleView]:
    """The template (``<style>/<kind>.py.jinja``) and view for one model's module."""
    style = STYLES[options.style]
    module = Module(tree, names, model)
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
    imports = module.imports(future=style.FUTURE_ANNOTATIONS)
    return f"{style.NAME}/{kind}.py.jinja", ModuleView(
        common.header(model.key) + module.comments(), imports, view
    )


def exports(model: ir.Model, names: ModelNames, options: Options) -> tuple[str, ...]:
    """The names a model's package re-exports from its module."""
    if options.style is Style.DATACLASS and isinstance(model, ir.UnionModel):
        return (names.cls, dataclass.loader_name(names.cls), dataclass.dumper_name(names.cls))
    return (names.cls,)


def support_modules(options: Options) -> tuple[str, ...]:
    """Modules the style writes at the root of the output package."""
    return (dataclass.SUPPORT,) if options.style is Style.DATACLASS else ()
