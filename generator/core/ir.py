"""The intermediate model: frozen records of what the docs say, independent of dialect and style.

Dialects build it, :mod:`generator.resolve` checks and links it, styles read it.
Every model and field carries the location it came from. "Required" (the key must be
present) and "nullable" (the value may be null) are two separate facts, and nullable
has a third value for docs that do not say.

The records are frozen msgspec Structs, as are the other records a run makes in bulk
(pages, locations, diagnostics, names): a run makes hundreds of thousands of them and
sends the parsed models between processes, and a Struct, made in C, is about four times
quicker to build than a frozen dataclass, three times quicker to pickle and unpickle, and
some fifty times quicker to define (a frozen dataclass's methods are generated and
compiled at import: a millisecond each). The records of the public API (``Options``,
``Plan``, ``Changes``) stay dataclasses, which callers may ``dataclasses.replace``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import msgspec

from .diagnostics import Location

Scalar = str | int | float | bool | None


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


class Primitive(msgspec.Struct, frozen=True):
    kind: Kind
    note: str = ""
    """The doc's own spelling when the mapping is not obvious (``ReadableStream<Uint8Array>``)."""


class Literal(msgspec.Struct, frozen=True):
    value: Scalar


class ArrayOf(msgspec.Struct, frozen=True):
    item: TypeNode


class MapOf(msgspec.Struct, frozen=True):
    """A map with string keys (``Record<string, V>``)."""

    value: TypeNode


class UnionOf(msgspec.Struct, frozen=True):
    members: tuple[TypeNode, ...]


class Ref(msgspec.Struct, frozen=True):
    """A reference to another model doc.

    ``spelling`` is the name as the doc shows it (``components.Status``); ``href`` the
    link target when the doc links it. :mod:`generator.resolve` fills ``doc`` with the
    key of the doc it names.
    """

    spelling: str
    href: str | None = None
    doc: str | None = None
    missing: TypeNode | None = None
    """What the reference means if no doc of the tree has the model (None: that is an
    error): the type a link's text names when it leads to a page that is no model doc
    (``[DateTime](DateTime.md)``), or ``Any`` for docs that name models they never document."""


TypeNode = Primitive | Literal | ArrayOf | MapOf | UnionOf | Ref

ANY = Primitive(Kind.ANY)


class Nullable(enum.Enum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    """The dialect never shows nullability (Speakeasy TypeScript): a policy decides."""


class Default(msgspec.Struct, frozen=True):
    """A field's default value from the docs: JSON-like data (scalars, lists, maps)."""

    value: object
    named: bool = False
    """The doc named an enum member (OpenAPI Generator's ``[default to Status.AVAILABLE]``)
    and :attr:`value` is that name as written: resolving finds the member, whose value it
    then holds (:mod:`generator.core.resolve`)."""
    member: bool = False
    """The value is a member of the field's enum: outputs write the member (``Status.AVAILABLE``)."""


class WireSource(enum.Enum):
    """How a field's wire name was decided (:mod:`generator.wirenames`)."""

    SHOWN = "shown"
    """The name the doc shows, taken as the key."""
    CONVENTION = "convention"
    """The shown name with an SDK generator's escape undone (``var_date`` -> ``date``)."""
    RULE = "rule"
    """A casing rule applied to the shown name (``createdAt`` -> ``created_at``)."""
    MENTIONED = "mentioned"
    """Spelled so in the docs' own text (``requestID`` where a rule gives ``requestId``)."""
    NAME_MAP = "name-map"
    """The user's name map."""


class Field(msgspec.Struct, frozen=True):
    name: str
    """The wire name: what the dialect reads from the doc, then what
    :mod:`generator.wirenames` decides (see ``wire_source``)."""
    type: TypeNode
    required: bool
    """The doc says the key is required (a default may still make it optional to send)."""
    nullable: Nullable
    description: str
    location: Location
    shown: str
    """The field's name as the doc shows it (a TypeScript, Python, Go... property name);
    Python attribute names are made from it."""
    wire_source: WireSource = WireSource.SHOWN
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


class EnumMember(msgspec.Struct, frozen=True):
    name: str | None
    """The member name the doc gives, if it gives one."""
    value: str | int | float
    location: Location
    python_name: bool = False
    """The name is the Python SDK's own member name: keep it as it is, if it is safe."""


class Discriminator(msgspec.Struct, frozen=True):
    field: str
    """The wire name of the tag field that every member has."""
    values: tuple[tuple[str, tuple[Scalar, ...]], ...]
    """(member doc key, the tag values that select it), in member order."""


class Example(msgspec.Struct, frozen=True):
    """A value the doc gives for a model, as source text in the doc's language."""

    code: str
    type_name: str
    """The type the doc declares for the value (``components.Status``, ``string[]``)."""
    location: Location
    language: str = "typescript"
    """``typescript`` or ``python``: how to read ``code``."""


class ModelBase(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    """The doc's path relative to the source root, forward slashes: the model's identity."""
    name: str
    """The name in the doc's heading, without markup."""
    description: str
    location: Location
    examples: tuple[Example, ...] = ()
    dialect: str = ""
    """The dialect that read the doc (:class:`generator.config.Dialect`'s value)."""
    mentions: frozenset[str] = frozenset()
    """Key-like names the doc's text spells (:mod:`generator.mentions`): wire-name evidence."""


class ObjectModel(ModelBase, frozen=True, kw_only=True):
    fields: tuple[Field, ...]
    extra: TypeNode | None = None
    """Keys the doc does not list are allowed, with values of this type (else not said)."""


class EnumModel(ModelBase, frozen=True, kw_only=True):
    members: tuple[EnumMember, ...]
    open: bool
    """Unknown values are accepted (``| Unrecognized<string>``)."""


class UnionModel(ModelBase, frozen=True, kw_only=True):
    members: tuple[TypeNode, ...]
    discriminator: Discriminator | None = None


class OpaqueModel(ModelBase, frozen=True, kw_only=True):
    """A doc with a heading and nothing that says what the model holds."""


Model = ObjectModel | EnumModel | UnionModel | OpaqueModel


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
