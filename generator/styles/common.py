"""What every style needs: a module's names and imports, and type annotations as text."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .. import ir, naming, pysource
from ..config import Nulls, Options
from ..naming import ModelNames
from ..resolve import Tree, tag_values

# Module -> the order its group sorts in (isort's sections: future, stdlib, third party).
_GROUPS = {"__future__": 0, "dataclasses": 1, "datetime": 1, "enum": 1, "typing": 1, "collections.abc": 1}


@dataclass(frozen=True, slots=True)
class Imports:
    """Import lines for the top of a module, and the model imports that go at its end.

    Models are imported after the module's own definitions: every generated module
    defines its names before it imports another model module, so any import order,
    cycles included, finds the names it needs.
    """

    top: tuple[str, ...]
    bottom: tuple[str, ...]


class Module:
    """One generated module: the names it binds and the imports it needs.

    Model classes keep their own names; a helper (``Field``, ``Any``, ...) whose name a
    model takes is imported under an alias (``_Field``). Two referenced models with the
    same class name are told apart by their package.
    """

    def __init__(self, tree: Tree, names: dict[str, ModelNames], model: ir.Model) -> None:
        self.tree = tree
        self.names = names
        self.own = names[model.key]
        self.own_key = model.key
        self._helpers: dict[tuple[str, str], str] = {}
        self._support: set[str] = set()
        self._from_models: dict[tuple[str, str], str] = {}
        self._taken = {self.own.cls}
        for key in sorted({r.doc for r in ir.refs(model) if r.doc} - {model.key}):
            self.from_model(key, names[key].cls)
        self.model_names = frozenset(self._taken)

    def helper(self, module: str, name: str) -> str:
        """The local name of ``module.name``, imported at the top."""
        key = (module, name)
        if key not in self._helpers:
            self._helpers[key] = name if name not in self.model_names else f"_{name}"
        return self._helpers[key]

    def support(self, module: str) -> str:
        """A module gen-models writes at the root of the output package (``_serde``)."""
        self._support.add(module)
        return module

    def model(self, key: str) -> str:
        """The local name of a model class (this module's own, or one imported at the end)."""
        return self.own.cls if key == self.own_key else self.from_model(key, self.names[key].cls)

    def from_model(self, key: str, name: str) -> str:
        """The local name of ``name`` from the module of model ``key``, imported at the end."""
        if (key, name) not in self._from_models:
            target = self.names[key]
            local = name
            if local in self._taken:
                local = naming.unique(["_".join((name,) + target.package)], self._taken)[0]
            self._taken.add(local)
            self._from_models[(key, name)] = local
        return self._from_models[(key, name)]

    def imports(self, future: bool) -> Imports:
        groups: dict[int, dict[str, list[str]]] = {}
        for (module, name), local in self._helpers.items():
            entry = name if local == name else f"{name} as {local}"
            groups.setdefault(_GROUPS.get(module, 2), {}).setdefault(module, []).append(entry)
        sections = [["from __future__ import annotations"]] if future else []
        for group in sorted(groups):
            sections.append([f"from {m} import {', '.join(sorted(groups[group][m]))}" for m in sorted(groups[group])])
        if self._support:
            sections.append([f"from {'.' * (len(self.own.package) + 1)} import {m}" for m in sorted(self._support)])
        top = [line for i, section in enumerate(sections) for line in ([""] if i else []) + section]
        by_module: dict[str, list[str]] = {}
        for (key, name), local in self._from_models.items():
            target = self.names[key]
            path = relative(self.own.package, target.package, target.module)
            by_module.setdefault(path, []).append(name if local == name else f"{name} as {local}")
        bottom = tuple(f"from {path} import {', '.join(sorted(by_module[path]))}" for path in sorted(by_module))
        return Imports(tuple(top), bottom)


def relative(here: tuple[str, ...], there: tuple[str, ...], module: str) -> str:
    """The relative import path of ``there.module`` from a module in package ``here``."""
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:] + (module,))


def is_nullable(field: ir.Field, options: Options) -> bool:
    """The nullability policy: what the doc says, or for docs that do not say, the option.

    Constants (literal types, union tags) never take null under the lenient policy:
    a tag must stay a literal for the union to be discriminated.
    """
    if field.nullable is ir.Nullable.UNKNOWN:
        if options.nulls is Nulls.STRICT or field.is_tag or isinstance(field.type, ir.Literal):
            return False
        return True
    return field.nullable is ir.Nullable.YES


class Annotations:
    """Type annotations as source text, in the spelling the target Python accepts."""

    def __init__(self, module: Module, options: Options) -> None:
        self.module = module
        self.pep604 = options.target >= (3, 10)

    def typing(self, name: str) -> str:
        return self.module.helper("typing", name)

    def type(self, node: ir.TypeNode, quote_refs: bool = False) -> str:
        """An annotation; with ``quote_refs``, every part that names a model is a string."""
        text = self._type(node, quote_refs)
        return pysource.string(text) if quote_refs and _has_model_ref(node) else text

    def nullable(self, node: ir.TypeNode, quote_refs: bool = False) -> str:
        if _accepts_none(node):
            return self.type(node, quote_refs)
        text = self._union([self._type(node, False), "None"])
        return pysource.string(text) if quote_refs and _has_model_ref(node) else text

    def union_of(self, members: Iterable[ir.TypeNode]) -> str:
        """``Union[...]`` whose model members are strings: a value evaluated at import time."""
        return f"{self.typing('Union')}[{', '.join(self._members(tuple(members), quote_refs=True))}]"

    def tag_literal(self, field: ir.Field) -> str:
        """A union tag field's type: ``Literal[...]`` of its values (enum members, for an enum)."""
        values = tag_values(self.module.tree, field)
        if isinstance(field.type, ir.Ref) and field.type.doc:
            enum = self.module.tree.target(field.type)
            assert isinstance(enum, ir.EnumModel)
            local = self.module.model(field.type.doc)
            members = enum_member_names(enum)
            parts = [f"{local}.{members[enum.members.index(m)]}" for m in enum.members if m.value in values]
        else:
            parts = [pysource.literal(v) for v in values]
        return f"{self.typing('Literal')}[{', '.join(parts)}]"

    def _union(self, parts: list[str]) -> str:
        if self.pep604:
            return " | ".join(parts)
        if parts[-1] == "None" and len(parts) == 2:
            return f"{self.typing('Optional')}[{parts[0]}]"
        return f"{self.typing('Union')}[{', '.join(parts)}]"

    def _type(self, node: ir.TypeNode, quote_refs: bool) -> str:
        if isinstance(node, ir.Primitive):
            return self._primitive(node)
        if isinstance(node, ir.Literal):
            return f"{self.typing('Literal')}[{pysource.literal(node.value)}]"
        if isinstance(node, ir.ArrayOf):
            return f"list[{self._type(node.item, False)}]"
        if isinstance(node, ir.MapOf):
            return f"dict[str, {self._type(node.value, False)}]"
        if isinstance(node, ir.UnionOf):
            if any(isinstance(m, ir.Primitive) and m.kind is ir.Kind.ANY for m in node.members):
                return self.typing("Any")
            return self._union(self._members(node.members, quote_refs=False))
        assert node.doc is not None, node
        return self.module.model(node.doc)

    def _members(self, members: tuple[ir.TypeNode, ...], quote_refs: bool) -> list[str]:
        """Member annotations; literals fold into one ``Literal[...]`` where the first one stands."""
        literals = [pysource.literal(m.value) for m in members if isinstance(m, ir.Literal)]
        parts: list[str] = []
        for m in members:
            if not isinstance(m, ir.Literal):
                parts.append(self.type(m, quote_refs))
            elif not any(p.startswith(self.typing("Literal") + "[") for p in parts):
                parts.append(f"{self.typing('Literal')}[{', '.join(literals)}]")
        return parts

    def _primitive(self, node: ir.Primitive) -> str:
        kind = node.kind
        if kind is ir.Kind.ANY:
            return self.typing("Any")
        if kind is ir.Kind.DATETIME:
            return self.module.helper("datetime", "datetime")
        if kind is ir.Kind.DATE:
            return self.module.helper("datetime", "date")
        return "None" if kind is ir.Kind.NONE else str(kind.value)


def _accepts_none(node: ir.TypeNode) -> bool:
    if isinstance(node, ir.Primitive):
        return node.kind in (ir.Kind.ANY, ir.Kind.NONE)
    if isinstance(node, ir.UnionOf):
        return any(_accepts_none(m) for m in node.members)
    return False


def _has_model_ref(node: ir.TypeNode) -> bool:
    return any(isinstance(n, ir.Ref) for n in ir.walk(node))


def model_path(names: ModelNames) -> str:
    return posixpath.join(*names.package, names.module + ".py") if names.package else names.module + ".py"


@dataclass(frozen=True, slots=True)
class FieldView:
    """One attribute (or TypedDict key): ``attr: annotation = value`` and its docstring."""

    attr: str
    annotation: str
    value: str
    docstring: str
    wire: str = ""
    """The name on the wire, where the style needs it."""


@dataclass(frozen=True, slots=True)
class EnumView:
    cls: str
    bases: str
    docstring: str
    members: tuple[tuple[str, str], ...]
    """(member name, value literal)."""
    open: bool
    value_type: str
    """``str`` or ``int``: the type unknown values of an open enum must have."""
    missing_type: str
    """The return annotation of ``_missing_``, quoted: the class is not defined yet when it is read."""


@dataclass(frozen=True, slots=True)
class AliasView:
    """A type alias: an opaque model (``Any``) or a union."""

    cls: str
    value: str
    docstring: str
    type_alias: str
    """The local name of ``TypeAlias``."""


@dataclass(frozen=True, slots=True)
class ModuleView:
    """What every template gets: the header lines, the imports and the model's view."""

    header: tuple[str, ...]
    imports: Imports
    model: object


HEADER = "Generated by gen-models"
"""The first words of every generated file: what gen-models may overwrite or remove."""


def header(source: str | None) -> tuple[str, ...]:
    origin = f" from {pysource.comment(source)}" if source else ""
    return (f"{HEADER}{origin}.", "Do not edit: change the docs and run gen-models again.")


def doc(text: str) -> str:
    return pysource.docstring(text) if text else ""


def attribute_names(model: ir.ObjectModel, module: Module, reserved: frozenset[str]) -> list[str]:
    """Python attribute names for a model's fields: snake_case, safe, distinct, in doc order."""
    taken = reserved | module.model_names
    return naming.unique([naming.attribute_name(f.name, taken) for f in model.fields], taken)


def enum_member_names(model: ir.EnumModel) -> list[str]:
    return naming.unique([naming.enum_member_name(m.name, m.value) for m in model.members])


def enum_view(model: ir.EnumModel, module: Module, options: Options) -> EnumView:
    numeric = all(isinstance(m.value, (int, float)) for m in model.members)
    value_type = "int" if numeric and all(isinstance(m.value, int) for m in model.members) else (
        "float" if numeric else "str"
    )
    names = enum_member_names(model)
    members = tuple((n, pysource.literal(m.value)) for n, m in zip(names, model.members))
    own = module.own.cls
    return EnumView(
        cls=own,
        bases=f"{value_type}, {module.helper('enum', 'Enum')}",
        docstring=doc(model.description),
        members=members,
        open=model.open,
        value_type=value_type,
        missing_type=pysource.string(
            f"{own} | None" if options.target >= (3, 10) else f"{module.helper('typing', 'Optional')}[{own}]"
        ),
    )


def takes_none(field: ir.Field, options: Options) -> bool:
    """An attribute's type includes None if the field may be null, or may be absent
    (its default is None): pydantic and dataclasses cannot tell absent from null."""
    return is_nullable(field, options) or not field.required


def attribute_annotation(field: ir.Field, types: Annotations, options: Options, tags_as_literals: bool) -> str:
    """The annotation of a class attribute (pydantic, dataclass) for a field."""
    if field.is_tag and tags_as_literals and field.required:
        return types.tag_literal(field)
    if takes_none(field, options):
        return types.nullable(field.type)
    return types.type(field.type)


def type_alias(module: Module, options: Options) -> str:
    return module.helper("typing" if options.target >= (3, 10) else "typing_extensions", "TypeAlias")


def opaque_view(model: ir.OpaqueModel, module: Module, options: Options) -> AliasView:
    note = "The docs do not say what this model holds: any value is accepted."
    text = f"{model.description}\n\n{note}" if model.description else note
    return AliasView(
        cls=module.own.cls,
        value=module.helper("typing", "Any"),
        docstring=doc(text),
        type_alias=type_alias(module, options),
    )
