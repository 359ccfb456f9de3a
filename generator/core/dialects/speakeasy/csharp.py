"""Speakeasy's C# docs (``docs/Models/<Group>/<Name>.md``): PascalCase property names, C#
types, nullability never shown.

A Fields row shows the C# property (``ContentType``), its type (``*long*``,
``List<[Pivot](../../Models/Components/Pivot.md)>``, ``Dictionary<String, *object*>``) and
whether the API requires it. What the pages lose:

* the wire name: the property is the key PascalCased (the tree's casing rule undoes it, camel
  by default); properties renamed to avoid a clash keep their C# name (``BandwidthValue`` in
  class ``Bandwidth``, ``VersionPathParameter`` beside a ``Version`` header) and so do an
  operation request's HTTP headers (``ClientIdentifier`` for ``X-Plex-Client-Identifier``);
* nullability: the SDK marks optional properties ``T?`` but the docs never show it (it is
  only in the Required column);
* a union's member types: ``## Supported Types`` lists the union class's variant names
  (``### Str``, ``### ArrayOfBike``) with a ``csharp`` factory call, which are read back into
  types where Speakeasy's naming says which (``Str``, ``Integer``, ``Number``, ``Boolean``,
  ``ArrayOf...``) and as a model of that name otherwise (``### Bike``). A variant named
  after a schema's title or a discriminator value (``### Two``) names no model.
"""

from __future__ import annotations

import re

from ...options import AliasRule, Options
from ..languages.csharp import CSharp as CSharpGrammar
from ..typecells import Grammar
from .dialect import SpeakeasyDialect

_VARIANT = re.compile(r"(?P<wrappers>(?:ArrayOf|MapOf)*)(?P<name>[A-Z]\w*)")
_WRAPPER = re.compile(r"ArrayOf|MapOf")
_PRIMITIVE_VARIANTS = {
    "Str": "*string*",
    "Integer": "*long*",
    "Int32": "*int*",
    "Int64": "*long*",
    "Number": "*double*",
    "Float32": "*float*",
    "Float64": "*double*",
    "Boolean": "*bool*",
    "Bigint": "*BigInteger*",
    "Decimal": "*decimal*",
    "Any": "*object*",
    "Date": "LocalDate",
    "DateTime": "DateTime",
}
"""The union variants Speakeasy names after a primitive member, as the type cell it stands for."""


class _SpeakeasyCSharp(CSharpGrammar):
    """C# cells, and a union's variant names (a ``### Str`` heading) read as the types they
    stand for. Field cells always carry markup or a link, so never look like a variant name."""

    def prepare(self, cell: str) -> str:
        m = _VARIANT.fullmatch(cell.strip())
        if m is None:
            return cell
        text = _PRIMITIVE_VARIANTS.get(m["name"], m["name"])
        for wrapper in reversed(_WRAPPER.findall(m["wrappers"])):
            text = f"List<{text}>" if wrapper == "ArrayOf" else f"Dictionary<String, {text}>"
        return text


_GRAMMAR = _SpeakeasyCSharp()


class CSharp(SpeakeasyDialect):
    """C# property names (PascalCase: the casing rule is camel), nullability never shown; an
    ``AdditionalProperties`` map row is the catch-all."""

    name = "speakeasy-csharp"
    language = "csharp"
    rule = AliasRule.CAMEL
    catch_all = "AdditionalProperties"
    signature = re.compile(
        r"Dictionary<|(?<![\\\w])List<|\[(?:Models\.\w+\.)?\w+\]\(\.\./\.\./Models/"
        r"|\]\(https://(?:learn\.microsoft\.com|nodatime\.org)/|\*(?:decimal|object|BigInteger)\*"
        r"|^(?=.*\*string\*).*\*(?:long|double)\*",
        re.DOTALL,
    )
    """Only C# writes ``Dictionary<``, an unescaped ``List<`` (Java's is ``List\\<``), a plain link
    into ``../../Models/`` (PHP's say ``Components\\X``), .NET and NodaTime links,
    ``*decimal*``/``*object*``/``*BigInteger*``, and ``*long*`` or ``*double*`` beside
    ``*string*`` (Java writes ``*String*``). Alone, ``*long*``, ``*double*`` and ``*byte[]*``
    are Java's too, and ``*string*``, ``*int*``, ``*bool*`` are Go's, PHP's, TypeScript's."""

    def grammar(self, options: Options) -> Grammar:
        return _GRAMMAR


DIALECT = CSharp()
