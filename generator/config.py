"""The settings of one generation job, frozen."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Style(enum.Enum):
    PYDANTIC = "pydantic"
    DATACLASS = "dataclass"
    TYPEDDICT = "typeddict"


class Extra(enum.Enum):
    """What a pydantic model does with keys its doc does not list."""

    IGNORE = "ignore"
    FORBID = "forbid"
    ALLOW = "allow"


class Nulls(enum.Enum):
    """How to read a field whose doc does not say whether it may be null.

    Speakeasy's TypeScript docs never say, yet their own examples send ``null`` to
    fields shown with a plain type. ``lenient`` lets such fields hold None (a missing
    required key, a wrong type and an unknown enum value are still errors); ``strict``
    allows null only where a doc says so.
    """

    LENIENT = "lenient"
    STRICT = "strict"


@dataclass(frozen=True, slots=True)
class Options:
    style: Style = Style.PYDANTIC
    extra: Extra = Extra.IGNORE
    nulls: Nulls = Nulls.LENIENT
    strict: bool = False
    """Warnings are errors."""
    target: tuple[int, int] = (3, 10)
    """The oldest Python the generated code must run and type-check on."""
