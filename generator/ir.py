"""The intermediate model: frozen records of what the docs say, independent of dialect and style.

Dialects build it, :mod:`generator.resolve` checks and links it, styles read it.
Every model and field carries the location it came from. "Required" (the key must be
present) and "nullable" (the value may be null) are two separate facts, and nullable
has a third value for docs that do not say.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from collections.abc import Iterator
from typing import Union

from .diagnostics import Location
from .pickling import by_constructor

Scalar = Union[str, int, float, bool, None]


class Kind(enum.Enum):
    """The Python-side meaning of a primitive type."""

    STR = "str"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    ANY = "any"
    BYTES = "bytes"
    DATETIME = "datetime"
    DATE = "date"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Primitive:
    kind: Kind
    note: str = ""
    """The doc's own spelling when the mapping is not obvious (``ReadableStream<Uint8Array>``)."""


@dataclass(frozen=True, slots=True)
class Literal:
    value: Scalar


@dataclass(frozen=True, slots=True)
class ArrayOf:
    item: TypeNode


@dataclass(frozen=True, slots=True)
class MapOf:
    """A map with string keys (``Record<string, V>``)."""

    value: TypeNode


@dataclass(frozen=True, slots=True)
class UnionOf:
    members: tuple[TypeNode, ...]


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to another model doc.

    ``spelling`` is the name as the doc shows it (``components.Status``); ``href`` the
    link target when the doc links it. :mod:`generator.resolve` fills ``doc`` with the
    key of the doc it names.
    """

    spelling: str
    href: str | None = None
    doc: str | None = None


TypeNode = Union[Primitive, Literal, ArrayOf, MapOf, UnionOf, Ref]

ANY = Primitive(Kind.ANY)


class Nullable(enum.Enum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    """The dialect never shows nullability (Speakeasy TypeScript): a policy decides."""


@dataclass(frozen=True, slots=True)
class Default:
    """A field's default value from the docs: JSON-like data (scalars, lists, maps)."""

    value: object


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    """The wire name, as far as the docs tell it (see ``wire_known``)."""
    type: TypeNode
    required: bool
    """The doc says the key is required (a default may still make it optional to send)."""
    nullable: Nullable
    description: str
    location: Location
    attr: str | None = None
    """The Python attribute name the doc shows, for docs written for a Python SDK."""
    wire_known: bool = True
    """False when the doc shows only a Python name (:mod:`generator.wirenames` may supply one)."""
    default: Default | None = None
    read_only: bool = False
    deprecated: str | None = None
    """The deprecation notice ("" when the doc gives no reason); None if not deprecated."""
    is_tag: bool = False
    """Set by resolve: this field tells the members of a discriminated union apart."""

    @property
    def must_send(self) -> bool:
        """Required, and no default to fall back on."""
        return self.required and self.default is None


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str | None
    """The member name the doc gives, if it gives one."""
    value: str | int | float
    location: Location
    python_name: bool = False
    """The name is the Python SDK's own member name: keep it as it is, if it is safe."""


@dataclass(frozen=True, slots=True)
class Discriminator:
    field: str
    """The wire name of the tag field that every member has."""
    values: tuple[tuple[str, tuple[Scalar, ...]], ...]
    """(member doc key, the tag values that select it), in member order."""


@dataclass(frozen=True, slots=True)
class Example:
    """A value the doc gives for a model, as source text in the doc's language."""

    code: str
    type_name: str
    """The type the doc declares for the value (``components.Status``, ``string[]``)."""
    location: Location
    language: str = "typescript"
    """``typescript`` or ``python``: how to read ``code``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelBase:
    key: str
    """The doc's path relative to the source root, forward slashes: the model's identity."""
    name: str
    """The name in the doc's heading, without markup."""
    description: str
    location: Location
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectModel(ModelBase):
    fields: tuple[Field, ...]
    extra: TypeNode | None = None
    """Keys the doc does not list are allowed, with values of this type (else not said)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumModel(ModelBase):
    members: tuple[EnumMember, ...]
    open: bool
    """Unknown values are accepted (``| Unrecognized<string>``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class UnionModel(ModelBase):
    members: tuple[TypeNode, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OpaqueModel(ModelBase):
    """A doc with a heading and nothing that says what the model holds."""


Model = Union[ObjectModel, EnumModel, UnionModel, OpaqueModel]


by_constructor(
    Primitive, Literal, ArrayOf, MapOf, UnionOf, Ref, Default, Field, EnumMember, Discriminator, Example,
    ObjectModel, EnumModel, UnionModel, OpaqueModel,
)


def walk(node: TypeNode) -> Iterator[TypeNode]:
    """Every node of a type tree, outermost first."""
    yield node
    if isinstance(node, ArrayOf):
        yield from walk(node.item)
    elif isinstance(node, MapOf):
        yield from walk(node.value)
    elif isinstance(node, UnionOf):
        for member in node.members:
            yield from walk(member)


def refs(model: Model) -> list[Ref]:
    """The references a model makes, in doc order."""
    nodes: list[TypeNode] = []
    if isinstance(model, ObjectModel):
        nodes = [f.type for f in model.fields] + ([model.extra] if model.extra is not None else [])
    elif isinstance(model, UnionModel):
        nodes = list(model.members)
    return [n for root in nodes for n in walk(root) if isinstance(n, Ref)]
