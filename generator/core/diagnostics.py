"""Locations, diagnostics and the errors that carry them.

Every message gen-models prints about a doc names a place in it:
``docs/models/x.md:14: error: ...``. Stages collect diagnostics, and the pipeline fails
once, after resolving, if any of them is an error (:mod:`generator.core.pipeline`).
"""

from __future__ import annotations

import enum

import msgspec


class Location(msgspec.Struct, frozen=True, order=True):
    """A line in a source file (1-based), as the user sees the path."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


class Diagnostic(msgspec.Struct, frozen=True):
    severity: Severity
    location: Location
    message: str
    kind: str = ""
    """A sort of problem many docs of one tree may share, which a report may sum up in one
    line: :data:`TYPE_CELL`, :data:`UNREAD_DIALECT`; else empty."""

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


TYPE_CELL = "type-cell"
"""A Type cell no grammar of the page's dialect reads."""
UNREAD_DIALECT = "unread-dialect"
"""A page that looks like a model doc of no dialect gen-models reads."""


def error(location: Location, message: str, kind: str = "") -> Diagnostic:
    return Diagnostic(Severity.ERROR, location, message, kind)


def warning(location: Location, message: str, kind: str = "") -> Diagnostic:
    return Diagnostic(Severity.WARNING, location, message, kind)


class DocError(Exception):
    """A doc cannot be understood; raised inside a stage, collected by its caller."""

    def __init__(self, location: Location, message: str, kind: str = "") -> None:
        super().__init__(f"{location}: {message}")
        self.diagnostic = error(location, message, kind)
        self.family: str | None = None
        """Set when the page's dialect was a family's guess (the page did not show it)."""


class GenerationFailed(Exception):
    """The run stops: the diagnostics say why. Nothing has been written."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


class InternalError(Exception):
    """gen-models' own bug (e.g. black rejects what a template made)."""
