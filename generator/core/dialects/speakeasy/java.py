"""Speakeasy's Java docs (``docs/models/<group>/<Name>.md``): Java field names, Java types,
``Optional<X>`` and ``JsonNullable<X>`` wrappers."""

from __future__ import annotations

import re

from ... import ir
from ...options import Options
from ..languages.java import JAVA
from ..typecells import Grammar, Parsed
from .dialect import SpeakeasyDialect

JAVA_RESERVED = frozenset(
    """abstract assert boolean break byte case catch char class const continue default do double
    else enum extends final finally float for goto if implements import instanceof int interface
    long native new package private protected public return short static strictfp super switch
    synchronized this throw throws transient try void volatile while true false null
    var record yield sealed permits""".split()
)
"""Java's keywords and literals (and the contextual ones): names a Java field cannot have."""
_ESCAPED = re.compile(r"^(?P<name>[A-Za-z]+)_$")


class Java(SpeakeasyDialect):
    """Java field names (camelCase: the keys of camelCase APIs, camelCased keys of others;
    a Java keyword gets a ``_``: ``default_``, ``int_``); generics with escaped brackets
    (``*Optional\\<Long>*``, ``List\\<[X](x.md)>``; older generator versions did not escape them).

    ``Optional<X>`` (the key may be absent) and ``JsonNullable<X>`` (the value may be null)
    wrap a field's type; a field with neither is never null (the SDK rejects null there).
    What the pages lose: a list or map field's wrapper (``List\\<X>`` whether the SDK holds an
    ``Optional<List<X>>`` or a ``JsonNullable<List<X>>``: read as not null; the Required column
    still says whether the key may be absent), and every wrapper in the docs of older
    generator versions (``*String*`` for an optional, perhaps nullable, field). The catch-all
    row is ``additionalProperties``, typed ``Map<String, V>``. A union lists its members as
    ``### `String``` / ``### [`X`](x.md)`` headings (with a ``## Consumption Patterns``
    section after them), or is a heading alone (glean-java's: its members lost)."""

    name = "speakeasy-java"
    language = "java"
    catch_all = "additionalProperties"
    signature = re.compile(
        r"\\<"  # Speakeasy escapes a generic's bracket only in its Java docs
        r"|\b(?:Optional|JsonNullable)\\?<"
        r"|\*(?:String|Long|Integer|Boolean|Double|Object)\*"
        r"|\]\(https://docs\.oracle\.com/"
        # C# writes `*long*` too, but links its models into ../../Models/ (TypeScript never writes it)
        r"|\*long\*.*\]\(\.\./\.\./models/|\]\(\.\./\.\./models/.*\*long\*"
    )
    """Only Java escapes a generic's ``<`` (``Optional\\<Long>``, ``List\\<``), writes ``Optional<`` /
    ``JsonNullable<``, capitalised boxed types (``*String*``, ``*Long*``), links to Oracle's
    javadoc, and ``*long*`` beside a link into ``../../models/``. A page whose cells are only
    ``*long*`` (C#'s too) or links shows no language: it is read as the tree's most common
    dialect of the family."""

    def grammar(self, options: Options) -> Grammar:
        return JAVA

    def key(self, shown: str) -> tuple[str, ir.WireSource]:
        m = _ESCAPED.match(shown)
        if m is not None and m.group("name") in JAVA_RESERVED:
            return m.group("name"), ir.WireSource.CONVENTION
        return shown, ir.WireSource.SHOWN

    def nullable(self, parsed: Parsed) -> ir.Nullable:
        return ir.Nullable.YES if parsed.wrapper == "JsonNullable" else ir.Nullable.NO


DIALECT = Java()
