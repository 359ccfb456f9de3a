"""What a Python style decides: the view of an object model's module and of a union's.

Enum and opaque models look the same in every style (:mod:`.common`); a style makes
:class:`PythonStyle`'s choices for the rest, and says how ``--verify`` loads and dumps
wire data with its code.
"""

from __future__ import annotations

from typing import Any

from ... import ir
from ...options import Options
from ..base import RoundTrip
from .module import Module
from .naming import ModelNames


class PythonStyle:
    name = ""
    future_annotations = True
    """The modules start with ``from __future__ import annotations``."""
    reserved: frozenset[str] = frozenset()
    """Attribute names the style's classes use themselves."""
    support: tuple[str, ...] = ()
    """Modules (of this package's source) copied to the root of the output package."""

    def object_view(self, model: ir.ObjectModel, module: Module, options: Options) -> object:
        raise NotImplementedError

    def union_view(self, model: ir.UnionModel, module: Module, options: Options) -> object:
        raise NotImplementedError

    def exports(self, model: ir.Model, names: ModelNames) -> tuple[str, ...]:
        """The names a model's package re-exports from its module."""
        return (names.cls,)

    def round_trip(self, model: ir.Model, module: Any, cls: str, options: Options) -> RoundTrip:
        """Wire data loaded with ``cls`` (and its module's functions) and dumped back."""
        return pydantic_round_trip(getattr(module, cls))

    def __repr__(self) -> str:
        return f"<style {self.name}>"


def pydantic_round_trip(target: Any) -> RoundTrip:
    """Validated with pydantic and dumped by wire name, unset fields left out."""
    import pydantic

    adapter = pydantic.TypeAdapter(target)
    return lambda v: adapter.dump_python(
        adapter.validate_python(v), mode="json", by_alias=True, exclude_unset=True
    )
