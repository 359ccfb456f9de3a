"""OpenAPI Generator's ``python`` docs, and swagger-codegen 2.2's (its ancestor's): Python
attribute names (``var_date`` for ``date``, swagger-codegen's ``_from`` for ``from``), Python
literals, ``**List[str]**`` (swagger-codegen: ``**list[str]**``, ``**dict(str, int)**``).

The wire name is lost: snake_case attribute names stand for keys in any casing, which the
tree's vote decides. Nullability is not shown.
"""

from __future__ import annotations

import ast
import keyword
import re
from typing import Any

from ... import ir, tsliteral
from ...escapes import python_key
from ...options import Options
from ..languages.python import Python as PythonCells
from ..typecells import Grammar
from .dialect import NoDefault, OAGDialect

# The python generator renames fields that clash with Python names: `date` -> `var_date`.
_VAR_PREFIXED = re.compile(r"^var_(?P<name>\w+)$")
_OAG_RESERVED = frozenset(keyword.kwlist) | {
    "date",
    "datetime",
    "float",
    "int",
    "str",
    "bool",
    "list",
    "dict",
    "object",
    "property",
    "self",
    "schema",
    "type",
    "json",
    "copy",
}
_MEMBER_NAME = re.compile(r"^[A-Za-z_]\w*$")


class _Cells(PythonCells):
    """Python's cells, swagger-codegen's ``dict(str, X)`` maps, and the older ``python``
    (python-prior) generator's ``**str, none_type**``, ``**[Pet]**``, ``**{str: (bool, ...)}**``."""

    def prepare(self, cell: str) -> str:
        if "dict(" in cell:
            cell = _dict_to_generic(cell)
        if _PRIOR.search(cell):
            cell = _BOLD.sub(lambda m: f"**{_prior(m.group(1))}**", cell)
        return cell


_PRIOR = re.compile(r"none_type|\*\*\[|\*\*\{|\*\*\(|\*\*[\w.]+, ")
"""A python-prior cell: a bold span that starts a list, a map, a tuple, or lists types."""
_BOLD = re.compile(r"\*\*(.+?)\*\*(?!\*)")
_ANY_OF_PRIOR = frozenset({"bool", "date", "datetime", "dict", "float", "int", "list", "str", "None"})
"""python-prior's "any type": a tuple of every JSON type (``(bool, date, ..., none_type)``)."""


def _prior(text: str) -> str:
    """A python-prior type in the shared syntax: ``X, none_type`` and ``(X, Y)`` are unions,
    ``[X]`` a list, ``{K: V}`` a map, ``none_type`` None; a union of every type is Any."""
    text = text.strip()
    parts = _split_top(text, ",")
    if len(parts) > 1 or (text.startswith("(") and text.endswith(")")):
        inner = parts if len(parts) > 1 else _split_top(text[1:-1], ",")
        members = [_prior(p) for p in inner if p.strip()]
        if _ANY_OF_PRIOR <= set(members):
            return "Any"
        return members[0] if len(members) == 1 else f"Union[{', '.join(members)}]"
    if text.startswith("[") and text.endswith("]"):
        return f"List[{_prior(text[1:-1])}]"
    if text.startswith("{") and text.endswith("}"):
        key, _, value = text[1:-1].partition(":")
        return f"Dict[{_prior(key)}, {_prior(value)}]"
    return "None" if text == "none_type" else text


def _split_top(text: str, separator: str) -> list[str]:
    """``text`` cut at ``separator`` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _dict_to_generic(cell: str) -> str:
    """``dict(str, list[X])`` -> ``Dict[str, list[X]]``: the parentheses that close each
    ``dict(`` become brackets."""
    out, closing, depth = [], [], 0
    i = 0
    while i < len(cell):
        if cell.startswith("dict(", i):
            out.append("Dict[")
            depth += 1
            closing.append(depth)
            i += 5
            continue
        char = cell[i]
        if char == "(":
            depth += 1
        elif char == ")":
            if closing and closing[-1] == depth:
                closing.pop()
                char = "]"
            depth -= 1
        out.append(char)
        i += 1
    return "".join(out)


CELLS = _Cells()


class Python(OAGDialect):
    """Python attribute names and literals; ``Optional[X]`` outermost says null is allowed."""

    name = "openapi-generator-python"
    languages = ("python",)
    signature = re.compile(
        r"\*\*(?:str|int|float|datetime|date|object|None)\*\*|\b(?:List|Dict|Optional|list)\[|\bdict\("
        r"|\bnone_type\b"
    )
    member_names_are_python = True
    empty_is_opaque = False  # as gen-models has always read them (an object without fields)

    def grammar(self, options: Options) -> Grammar:
        return CELLS

    def key(self, shown: str, model: str) -> tuple[str, ir.WireSource]:
        m = _VAR_PREFIXED.match(shown)
        key = m.group("name") if m and m.group("name") in _OAG_RESERVED else python_key(shown)
        if key is None and shown.startswith("_") and keyword.iskeyword(shown[1:]):
            key = shown[1:]  # swagger-codegen: `_from`
        return (key, ir.WireSource.CONVENTION) if key is not None else (shown, ir.WireSource.SHOWN)

    def literal(self, text: str) -> Any:
        return ast.literal_eval(text)

    def default(self, text: str, node: ir.TypeNode) -> Any:
        try:
            return ast.literal_eval(text)
        except (ValueError, SyntaxError):
            pass
        try:  # swagger-codegen writes the spec's JSON: `false`
            return tsliteral.parse(text)
        except tsliteral.LiteralError:
            if _MEMBER_NAME.match(text):
                raise NoDefault(text) from None  # an enum member's name: `Zip`
            raise


DIALECT = Python()
