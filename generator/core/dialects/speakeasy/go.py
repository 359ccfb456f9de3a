"""Speakeasy's Go docs: Go field names, pointers, union members shown only as Go code.

What the docs show: the Go struct's field names (PascalCase, Go's acronyms upper-cased:
``RefererURL``, ``ExternalID``), Go types (:mod:`..languages.go`), the Required column,
and a pointer for a required key whose value may be null (`` `*string` `` with
:heavy_check_mark:). An optional key is a pointer too, so the docs do not say whether it
takes null. The catch-all is an ``AdditionalProperties`` row typed ``map[string]T``.
Enum members are Go constants named after their type (``AccessLevelWrite`` for
``write``). A union's ``### `` member headings are often empty: each member's type is in
the Go code under its heading (``operations.CreateTagIdsStr(string{/* values here */})``).

What they lose: the JSON key (the tag ``json:"refererUrl"``): the tree's casing rule
(``camel``) recovers most, but not an API's PascalCase or acronym-cased keys
(``accountID``), nor the names of HTTP headers (a field ``ClientIdentifier`` is the header
``X-Plex-Client-Identifier``), nor a parameter the SDK renamed because another member of
the request has its name (``DeviceQueryParameter`` for the query's ``device`` beside the
header ``X-Plex-Device``, shown ``Device``): undoing it would give the request two members
named alike, as the docs do not say which goes where. Go has no reserved words to escape
in exported names: the SDK's ``Error_`` is shown ``Error``.
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from ... import ir
from ...options import AliasRule, Options
from ...page import Page
from ..base import Reading
from ..languages.go import GO, POINTER
from ..typecells import Grammar, Parsed
from .dialect import SpeakeasyDialect
from .pages import field_types, with_member_types

_CONSTRUCTOR = re.compile(r":=\s*[\w.]+\(\s*(?P<type>[^(){}]+?)\s*\{\s*/\*[^*]*\*/\s*\}\s*\)")
"""A union member's constructor call: ``x := components.CreateXStr(string{/* values here */})``."""
_MEMBER_START = re.compile(r"[A-Za-z_]")
_EMPHASIS = re.compile(r"\*[A-Za-z_][\w.]*\*")
"""A type name in emphasis (``*string*``, ``**string*``): the older docs' spelling."""


class Go(SpeakeasyDialect):
    """Go field names (camelCase keys, mostly); a pointer on a required key means it may
    be null; an optional key's nullability is not shown."""

    name = "speakeasy-go"
    language = "go"
    rule = AliasRule.CAMEL
    catch_all = "AdditionalProperties"
    signature = re.compile(
        r"\bmap\["  # map[string]`string`, map[string]*any*
        r"|(?<![\]*\w])\[\](?=[*`\[])"  # []*string*, []`string`, [][components.X](...): a prefix []
        r"|`(?:\*(?:string|bool|u?int|any)|\*?(?:u?int(?:8|16|32|64)|float(?:32|64)))`"  # `*string`, `int64`
        r"|(?<!\*)\*\*(?:string|bool|u?int(?:8|16|32|64)?|float(?:32|64)|any)\*(?!\*)"  # **string*
        r"|\*(?:u?int(?:8|16|32|64)|float(?:32|64))\*"  # *int64*, *float64*
        r"|\[\*?[A-Za-z_]\w*\.[A-Za-z_]\w*\]\(https://pkg\.go\.dev/"  # [time.Time](https://pkg.go.dev/...)
        r"|\[\*(?:components|operations|sdkerrors|shared)\.\w+\]\("  # [*components.X](...)
        # *string* (Python writes *str*), *int* or *bool* (TypeScript writes neither) and a link to
        # components.X (PHP, C#, Java and Ruby spell it otherwise)
        r"|^(?=.*\*string\*)(?=.*(?<!\*)\*(?:int|bool)\*(?!\*))(?=.*\[(?:components|operations)\.\w+\]\()"
    )

    def grammar(self, options: Options) -> Grammar:
        return GO

    def nullable(self, parsed: Parsed) -> ir.Nullable:
        """A pointer may be null (if the key is optional, :meth:`read` makes it unknown);
        a slice (``[]byte`` too), a map, ``any`` or a stream is nil in Go whether or not the
        API allows null."""
        if parsed.wrapper == POINTER:
            return ir.Nullable.YES
        node = parsed.node
        nilable = isinstance(node, ir.Primitive) and node.kind in (ir.Kind.ANY, ir.Kind.BYTES)
        if nilable or isinstance(node, ir.ArrayOf | ir.MapOf):
            return ir.Nullable.UNKNOWN
        return ir.Nullable.NO

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        shows_required_pointers = _EMPHASIS.search(field_types(page)) is None
        models = super().read(with_member_types(page, _CONSTRUCTOR), reading)
        return [_settled(model, shows_required_pointers) for model in models]


def _settled(model: ir.Model, shows_required_pointers: bool) -> ir.Model:
    """What the page says once a field's requiredness is known, and enum members named
    without their type's name.

    An optional key is a pointer whether or not it takes null: unknown. A required key's
    pointer is shown only by the newer docs (`` `*string` ``); the older ones (``*string*``)
    show none, so there a required key's nullability is unknown too."""
    if isinstance(model, ir.ObjectModel):
        fields = tuple(_nullability(f, shows_required_pointers) for f in model.fields)
        return replace(model, fields=fields)
    if isinstance(model, ir.EnumModel):
        return replace(model, members=tuple(_member(m, model.name) for m in model.members))
    return model


def _nullability(field: ir.Field, shows_required_pointers: bool) -> ir.Field:
    pointer = field.nullable is ir.Nullable.YES
    if (pointer and not field.required) or (
        field.nullable is ir.Nullable.NO and field.required and not shows_required_pointers
    ):
        return replace(field, nullable=ir.Nullable.UNKNOWN)
    return field


def _member(member: ir.EnumMember, enum: str) -> ir.EnumMember:
    """``AccessLevelWrite`` of ``AccessLevel`` -> ``Write``."""
    name = member.name or ""
    rest = name[len(enum) :]
    if name.startswith(enum) and _MEMBER_START.match(rest):
        return replace(member, name=rest)
    return member


DIALECT = Go()
