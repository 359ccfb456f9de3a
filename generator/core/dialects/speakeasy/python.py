"""Speakeasy's Python docs: Python attribute names, ``Optional``/``Nullable`` wrappers."""

from __future__ import annotations

import re

from ... import ir
from ...escapes import python_key
from ...options import Options, PythonDates
from ..languages.python import PYTHON, PYTHON_AS_LABELLED
from ..typecells import Grammar, Parsed
from .dialect import SpeakeasyDialect


class Python(SpeakeasyDialect):
    """Python attribute names (snake_case, escapes such as ``from_``); ``Optional[X]`` (may be
    absent), ``Nullable[X]`` (may be null) or ``OptionalNullable[X]``; ``Literal["x"]``
    constants default to their value, as the SDK does."""

    name = "speakeasy-python"
    language = "python"
    catch_all = "__pydantic_extra__"
    catch_all_is_map = False
    member_names_are_python = True
    signature = re.compile(
        r"\*(str|Any)\*|\b(Optional|Nullable|OptionalNullable|List|Dict|Literal)\[|models\."
        r"|\]\(https://docs\.python\.org/"
    )
    """Cells only Python writes (not ``*int*``, ``*bool*``, ``*float*``: C#, Go, PHP write them)."""

    def grammar(self, options: Options) -> Grammar:
        return PYTHON if options.python_dates is PythonDates.CORRECTED else PYTHON_AS_LABELLED

    def key(self, shown: str) -> tuple[str, ir.WireSource]:
        key = python_key(shown)
        return (key, ir.WireSource.CONVENTION) if key else (shown, ir.WireSource.SHOWN)

    def nullable(self, parsed: Parsed) -> ir.Nullable:
        return ir.Nullable.YES if parsed.wrapper in ("Nullable", "OptionalNullable") else ir.Nullable.NO

    def default(self, parsed: Parsed) -> ir.Default | None:
        return ir.Default(parsed.node.value) if isinstance(parsed.node, ir.Literal) else None


DIALECT = Python()
