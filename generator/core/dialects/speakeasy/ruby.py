"""Speakeasy's Ruby docs (``docs/models/<group>/<name>.md``): Ruby attribute names, Sorbet types.

A Fields row shows the Ruby attribute (``track_conversion``, snake_case whatever the API's
keys), its Sorbet type (:mod:`..languages.ruby`) and whether the API requires it.
``T.nilable(T)`` means the value may be nil. A union's field names its members
(``[T.any(Models::Shared::One, Models::Shared::Two)](../../models/shared/event.md)``), and the
union's own doc is only a heading and a description.

What the pages lose:

* the wire name: the attribute is the key snake_cased; the tree's vote, from the docs' own
  mentions, decides the casing rule that undoes it;
* an optional key's nullability: every optional attribute is ``T.nilable`` (its default is
  nil), so the wrapper says nothing there;
* a container's nullability: a required ``T.nilable(T::Array[...])`` is shown ``T::Array<...>``;
* a union's shape in its own doc (read as Any, with a warning): the fields that use it name
  its members.

The SDK escapes attribute names Ruby or its serializer reserve with a trailing ``_``
(``end_``, ``fields_``): undone.
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from ... import ir
from ...options import Options
from ...page import Page
from ..base import Reading
from ..languages.ruby import NILABLE, RUBY
from ..typecells import Grammar, Parsed
from .dialect import SpeakeasyDialect

_ESCAPED = re.compile(r"^(?P<name>[A-Za-z]\w*?[A-Za-z0-9])_$")
"""``end_``, ``fields_``: a reserved name with the ``_`` Speakeasy appends."""


class Ruby(SpeakeasyDialect):
    """Ruby attribute names (snake_case); ``T.nilable`` on a required key means it may be nil;
    an optional key's nullability is not shown."""

    name = "speakeasy-ruby"
    language = "ruby"
    signature = re.compile(r"(?<![\w:])::[A-Z]|\bT(?:::|\.)(?:nilable|any|Array|Hash|Boolean)\b|\bModels::")
    """Only Ruby writes ``::String`` (the root scope), Sorbet's ``T.nilable``, ``T::Array``..., and
    ``Models::`` modules."""

    def grammar(self, options: Options) -> Grammar:
        return RUBY

    def key(self, shown: str) -> tuple[str, ir.WireSource]:
        m = _ESCAPED.match(shown)
        return (m.group("name"), ir.WireSource.CONVENTION) if m else (shown, ir.WireSource.SHOWN)

    def nullable(self, parsed: Parsed) -> ir.Nullable:
        """``T.nilable`` may be nil (if the key is optional, :meth:`read` makes it unknown); an
        array, a hash or ``Object`` does not say."""
        if parsed.wrapper == NILABLE:
            return ir.Nullable.YES
        node = parsed.node
        if isinstance(node, ir.ArrayOf | ir.MapOf) or (
            isinstance(node, ir.Primitive) and node.kind is ir.Kind.ANY
        ):
            return ir.Nullable.UNKNOWN
        return ir.Nullable.NO

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        return [_settled(model) for model in super().read(page, reading)]


def _settled(model: ir.Model) -> ir.Model:
    """An optional key's ``T.nilable``, written for its nil default, says nothing of null."""
    if not isinstance(model, ir.ObjectModel):
        return model
    fields = tuple(
        replace(f, nullable=ir.Nullable.UNKNOWN) if f.nullable is ir.Nullable.YES and not f.required else f
        for f in model.fields
    )
    return replace(model, fields=fields)


DIALECT = Ruby()
