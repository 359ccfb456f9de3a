"""The settings of one generation job, frozen, and the values its choices take.

Every option is defined once more, with its flag, config key and help, in
:mod:`generator.app.schema`; this module is what the stages read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Style(enum.Enum):
    PYDANTIC = "pydantic"
    DATACLASS = "dataclass"
    TYPEDDICT = "typeddict"
    MSGSPEC = "msgspec"
    OPENAPI = "openapi"


class DocumentFormat(enum.Enum):
    """How ``--style openapi`` writes its document (YAML needs PyYAML)."""

    JSON = "json"
    YAML = "yaml"


class Formatter(enum.Enum):
    """Whose layout the generated Python code has: black's, or that of ``ruff format``."""

    BLACK = "black"
    RUFF = "ruff"


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


class EnumStyle(enum.Enum):
    """Enum docs as ``Enum`` classes, or as ``Literal[...]`` aliases."""

    ENUM = "enum"
    LITERAL = "literal"


class AliasRule(enum.Enum):
    """How the names a doc shows become wire names (see :mod:`generator.wirenames`):
    voted by the docs' own text (``auto``), as shown, or in a casing."""

    AUTO = "auto"
    NONE = "none"
    CAMEL = "camel"
    SNAKE = "snake"
    PASCAL = "pascal"


class PythonDates(enum.Enum):
    """Speakeasy's Python docs label ``datetime`` fields ``date`` and ``date`` fields
    ``datetime`` (measured against four SDKs' sources). ``corrected`` generates the true
    types; ``as-labelled`` reads the labels literally."""

    CORRECTED = "corrected"
    AS_LABELLED = "as-labelled"


TARGET_VERSIONS = {f"py3{minor}": (3, minor) for minor in range(9, 14)}


@dataclass(frozen=True, slots=True)
class Options:
    style: Style = Style.PYDANTIC
    extra: Extra = Extra.IGNORE
    nulls: Nulls = Nulls.LENIENT
    enum_style: EnumStyle = EnumStyle.ENUM
    target: tuple[int, int] = (3, 10)
    """The oldest Python the generated code must run and type-check on."""
    line_length: int = 88
    formatter: Formatter = Formatter.BLACK
    """black's layout (the default), or ruff's (``ruff format``, run on the made files)."""
    field_docstrings: bool = True
    """Attribute docstrings under each field (pydantic keeps ``Field(description=...)`` either way)."""
    dialect: str | None = None
    """Read every doc in this dialect (a name :mod:`generator.core.dialects` registers)
    instead of detecting it file by file."""
    alias_rule: AliasRule = AliasRule.AUTO
    name_map: str | None = None
    """A TOML file of ``"Model.field" = "wireName"`` lines: wire names the docs do not tell."""
    python_dates: PythonDates = PythonDates.CORRECTED
    strict: bool = False
    """Warnings are errors."""
    keep_going: bool = False
    """Make what can be made despite errors: a doc that cannot be read is left out (and what
    refers to it is ``Any``), a type that cannot be read is ``Any``; the errors are said, and
    the run still fails (exit 1) after writing."""
    exclude: tuple[str, ...] = ()
    """Globs of docs not to read, matched against each doc's path from SOURCE (``*`` crosses ``/``)."""
    templates: str | None = None
    """A directory of the user's own templates, which override the built-in ones file by file."""
    document_format: DocumentFormat = DocumentFormat.JSON
    """``--style openapi``: the document as JSON or YAML."""

    @property
    def target_version(self) -> str:
        return f"py{self.target[0]}{self.target[1]}"
