"""What an output is: the declared interface every kind of generated code implements.

An output turns the checked models of a docs tree into files: Python modules in one of
several styles (:mod:`.python`), or one document. The pipeline asks it for its *jobs*
(the units of work a run spreads over processes: picklable names), each job's *files*
(:class:`FileView`: a path and everything its text is made from), and each file's text;
the writer asks it which files in OUT are its own. A file's text depends on its view
alone, so a view equal to one made before gives the same text (the memo relies on it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..options import Options

if TYPE_CHECKING:
    from .. import ir
    from ..resolve import Tree

FormatPython = Callable[[str, str, Options, bool], str]
"""``(source, path, options, users_template) -> text``: Python code as black lays it out."""

RoundTrip = Callable[[Any], Any]
"""Wire data -> loaded by the generated code -> dumped back to wire data."""


class FileView(NamedTuple):
    """One output file before its text is made."""

    path: str
    """Relative to OUT, forward slashes."""
    template: str
    """What makes the text (a Jinja template's name, for Python modules)."""
    argument: str
    """The name the template knows the view by."""
    view: object
    """Everything the text is made from (named tuples of strings: ``repr`` is its identity)."""


class Output(Protocol):
    """One kind of generated code."""

    @property
    def name(self) -> str:
        """The ``--style`` value."""

    suffixes: tuple[str, ...]
    """The file endings of its files (``.py``): the writer looks at those in OUT alone."""

    def prepare(self, tree: Tree, options: Options) -> Any:
        """What every job of a run shares, computed once in this process (module names)."""

    def jobs(self, tree: Tree, shared: Any, options: Options) -> list[str]:
        """The units of work, largest first (worker processes then end together)."""

    def files(self, job: str, tree: Tree, shared: Any, options: Options) -> list[FileView]:
        """The files one job makes."""

    def text(self, file: FileView, options: Options, format_python: FormatPython) -> str:
        """A file's text, made from its view alone."""

    def warm_up(self, options: Options) -> None:
        """Get ready to make text (compile templates) before the first file needs it."""

    header: bytes
    """The bytes every file of this output starts with: a file in OUT that starts otherwise
    was not written by gen-models, and is never changed or removed."""

    def round_trips(self, tree: Tree, options: Options, package: str) -> Callable[[ir.Model], RoundTrip]:
        """How ``--verify`` loads each model's wire data with the code written as the
        importable ``package``, and dumps it back (importing what that code needs)."""
