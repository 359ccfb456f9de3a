"""C# type cells, as Speakeasy's C# docs and OpenAPI Generator's ``csharp`` docs write them.

Speakeasy emphasises primitives and links models and .NET types::

    *string*   *long*   *byte[]*   List<[Pivot](../../Models/Components/Pivot.md)>
    Dictionary<String, List<*string*>>   [Models.Components.Format](...)
    [HttpResponseMessage](https://learn.microsoft.com/...)   [LocalDate](https://nodatime.org/...)

OpenAPI Generator bolds everything (its dialect unescapes the HTML entities first)::

    **string**   **Dictionary<string, Object>**   [**List<AdminApiKey>**](AdminApiKey.md)
    **List<CreateChatCompletionRequest.ModalitiesEnum>**   **System.IO.Stream**

C#'s ``long``/``int`` are ints, ``decimal`` a float noted ``Decimal``, ``DateTime`` an instant,
NodaTime's ``LocalDate`` a date, ``object`` anything, ``byte[]`` and streams bytes, and the
SDK's runtime objects (``HttpResponseMessage``) Any. ``T[]`` is a list and ``T?`` a
nullable ``T`` (neither generator shows ``?`` today).

What the cells lose: an enum declared inside a class (OpenAPI Generator's
``Outer.InnerEnum``) has no doc of its own, so its values are lost; it is read as the string
it most often is (a scalar one is shown ``**string**``), noted with its C# name.
"""

from __future__ import annotations

import re

from ... import ir
from ..typecells import Grammar, Parser, primitive, union_of

_NONE = primitive(ir.Kind.NONE)
_BYTE = primitive(ir.Kind.INT, "byte")
_BYTES = primitive(ir.Kind.BYTES, "byte[]")
_LOCAL_DOC = re.compile(r"^(?![a-z][a-z0-9+.-]*:)[^#]*\.md(?:#.*)?$", re.IGNORECASE)
"""A link to a doc of the same tree (not a URL): its text names a model, even ``DateTime``."""
_NESTED_ENUM = re.compile(r"^[A-Z]\w*\.[A-Z]\w*Enum$")
"""OpenAPI Generator's enum declared inside its class: ``CreateChatCompletionRequest.ModalitiesEnum``."""

_STR = primitive(ir.Kind.STR)
_INT = primitive(ir.Kind.INT)
_FLOAT = primitive(ir.Kind.FLOAT)
_BOOL = primitive(ir.Kind.BOOL)
_DECIMAL = primitive(ir.Kind.FLOAT, "Decimal")
_BIGINT = primitive(ir.Kind.INT, "BigInteger")
_DATETIME = primitive(ir.Kind.DATETIME)
_DATE = primitive(ir.Kind.DATE)

NAMES: dict[str, ir.TypeNode] = {
    "string": _STR,
    "String": _STR,
    "System.String": _STR,
    "char": primitive(ir.Kind.STR, "char"),
    "Guid": primitive(ir.Kind.STR, "Guid"),
    "System.Guid": primitive(ir.Kind.STR, "Guid"),
    "Uri": primitive(ir.Kind.STR, "Uri"),
    "System.Uri": primitive(ir.Kind.STR, "Uri"),
    "TimeSpan": primitive(ir.Kind.STR, "TimeSpan"),
    "int": _INT,
    "long": _INT,
    "short": _INT,
    "uint": _INT,
    "ulong": _INT,
    "ushort": _INT,
    "sbyte": _INT,
    "byte": _BYTE,
    "Int32": _INT,
    "Int64": _INT,
    "System.Int32": _INT,
    "System.Int64": _INT,
    "BigInteger": _BIGINT,
    "System.Numerics.BigInteger": _BIGINT,
    "float": _FLOAT,
    "double": _FLOAT,
    "Single": _FLOAT,
    "Double": _FLOAT,
    "decimal": _DECIMAL,
    "Decimal": _DECIMAL,
    "System.Decimal": _DECIMAL,
    "bool": _BOOL,
    "Boolean": _BOOL,
    "System.Boolean": _BOOL,
    "dynamic": ir.ANY,
    "JToken": primitive(ir.Kind.ANY, "JToken"),
    "JObject": primitive(ir.Kind.ANY, "JObject"),
    "JsonElement": primitive(ir.Kind.ANY, "JsonElement"),
    "DateTime": _DATETIME,
    "System.DateTime": _DATETIME,
    "DateTimeOffset": _DATETIME,
    "System.DateTimeOffset": _DATETIME,
    "LocalDate": _DATE,
    "NodaTime.LocalDate": _DATE,
    "DateOnly": _DATE,
    "System.DateOnly": _DATE,
    "System.IO.Stream": primitive(ir.Kind.BYTES, "System.IO.Stream"),
    "FileParameter": primitive(ir.Kind.BYTES, "FileParameter"),
    # Runtime objects of an SDK, not data: kept, typed honestly as Any.
    "HttpResponseMessage": primitive(ir.Kind.ANY, "HttpResponseMessage"),
    "System.Net.Http.HttpResponseMessage": primitive(ir.Kind.ANY, "HttpResponseMessage"),
}

_LISTS = frozenset(
    {"List", "IList", "IReadOnlyList", "IEnumerable", "ICollection", "IReadOnlyCollection", "Collection"}
    | {"HashSet", "ISet", "SortedSet"}
)
_MAPS = frozenset({"Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary"})


class CSharpParser(Parser):
    """C#'s postfixes: ``T[]`` a list (``byte[]`` bytes), ``T?`` a nullable ``T``; and a
    nested enum (``Outer.InnerEnum``, not linked) read as a noted string."""

    def postfix(self, depth: int) -> ir.TypeNode:
        node = self.primary(depth)
        while True:
            if self.take("[]"):
                node = _BYTES if node == _BYTE else ir.ArrayOf(node)
            elif self.take("?"):
                node = union_of([node, _NONE])
            else:
                return node

    def named(self, name: str, href: str | None, depth: int) -> ir.TypeNode:
        if href is None and name not in self.grammar.names and _NESTED_ENUM.match(name):
            return primitive(ir.Kind.STR, name)
        return super().named(name, href, depth)


class CSharp(Grammar):
    """C#'s names and generics (``List<T>``, ``Dictionary<K, V>``, ``Nullable<T>``); a link to
    a doc of the tree is a model even if its text is a .NET name."""

    language = "csharp"
    names = NAMES
    lists = _LISTS
    maps = _MAPS

    def generic(self, base: str, name: str, args: list[ir.TypeNode]) -> ir.TypeNode | None:
        known = super().generic(base, name, args)
        if known is not None:
            return known
        if base == "Nullable" and len(args) == 1:
            return union_of([args[0], _NONE])
        if base in ("Option", "Task") and len(args) == 1:
            return args[0]  # OpenAPI Generator's "may be absent" box; an awaited value
        return None

    def link(self, text: str, href: str) -> ir.TypeNode | None:
        if (text in self.names or text in ("object", "Object")) and _LOCAL_DOC.match(href):
            return ir.Ref(text, href)  # the tree's own model that a .NET name would shadow
        return None

    @property
    def parser(self) -> type[Parser]:
        return CSharpParser


CSHARP = CSharp()
