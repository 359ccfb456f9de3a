"""TypedDicts: the wire data itself, typed. Keys are wire names.

Optional keys are ``NotRequired[...]``. Annotations are not postponed (no
``from __future__ import annotations``), because ``TypedDict`` reads ``NotRequired``
when the class is made: postponed, ``__required_keys__`` would be wrong on some Pythons.
Forward references are quoted instead. Keys that cannot be class attributes
(``x-id``, ``class``, ``_private``) live in a functional-form base class.
"""

from __future__ import annotations

import keyword
from typing import NamedTuple

from ... import ir, pysource
from ...options import Options
from . import common
from .annotations import Annotations, is_nullable
from .common import FieldView
from .module import Module
from .style import PythonStyle


class ClassView(NamedTuple):
    cls: str
    bases: str
    docstring: str
    fields: tuple[FieldView, ...]
    """Keys that are class attributes: ``attr`` is the wire name."""
    functional_base: str
    """The name of the base holding the other keys, or ""."""
    functional_call: str
    """``TypedDict("Base", {...})`` for those keys, or ""."""


class UnionView(NamedTuple):
    cls: str
    value: str
    docstring: str
    type_alias: str


def _typing(module: Module, options: Options, name: str) -> str:
    return module.helper("typing" if options.target >= (3, 11) else "typing_extensions", name)


def is_attribute_key(key: str) -> bool:
    """A key that can be written as a class attribute, unchanged and unmangled."""
    return key.isidentifier() and key.isascii() and not keyword.iskeyword(key) and not key.startswith("_")


def object_view(model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
    types = Annotations(module, options)
    typed_dict = _typing(module, options, "TypedDict")
    fields: list[FieldView] = []
    functional: list[str] = []
    functional_docs: list[str] = []
    not_required = ""  # NotRequired's local name, once a key needs it
    docstrings = options.field_docstrings
    for field in model.fields:
        if is_nullable(field, options):
            annotation = types.nullable(field.type, quote_refs=True)
        else:
            annotation = types.type(field.type, quote_refs=True)
        if not field.required:
            not_required = not_required or _typing(module, options, "NotRequired")
            annotation = f"{not_required}[{annotation}]"
        description = common.described(field, default=True)
        if is_attribute_key(field.name):
            fields.append(
                FieldView(field.name, annotation, "", common.doc(description) if docstrings else "")
            )
        else:
            functional.append(f"{pysource.string(field.name)}: {annotation}")
            if description:
                functional_docs.append(f"{pysource.string(field.name)}: {description}")
    docstring = model.description
    if model.extra is not None:
        values = common.values_in_words(model.extra, module, options)
        note = f"Keys the docs do not list are allowed too (values: {values}); TypedDict cannot say so."
        docstring = f"{docstring}\n\n{note}" if docstring else note
    if functional_docs:
        keys = "Keys that are not Python names:\n\n" + "\n".join(f"- {d}" for d in functional_docs)
        docstring = f"{docstring}\n\n{keys}" if docstring else keys
    base = f"_{module.own.cls}Keys" if functional else ""
    call = f"{typed_dict}({pysource.string(base)}, {{{', '.join(functional)}}})" if functional else ""
    return ClassView(
        cls=module.own.cls,
        bases=base or typed_dict,
        docstring=common.doc(docstring),
        fields=tuple(fields),
        functional_base=base,
        functional_call=call,
    )


def union_view(model: ir.UnionModel, module: Module, options: Options) -> UnionView:
    return UnionView(
        cls=module.own.cls,
        value=Annotations(module, options).union_of(model.members),
        docstring=common.doc(model.description),
        type_alias=Annotations(module, options).type_alias(),
    )


class TypedDicts(PythonStyle):
    name = "typeddict"
    future_annotations = False

    def object_view(self, model: ir.ObjectModel, module: Module, options: Options) -> ClassView:
        return object_view(model, module, options)

    def union_view(self, model: ir.UnionModel, module: Module, options: Options) -> UnionView:
        return union_view(model, module, options)


STYLE = TypedDicts()
