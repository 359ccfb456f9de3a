"""black's layout for the code gen-models' templates make, without running black.

black spends most of its time parsing; gen-models knows what it wrote. Templates emit
code that black leaves as it is (spacing, quotes, blank lines), one statement per line
or pre-exploded with magic trailing commas, so the only thing left to do is what black
does to lines that are too long. This module does that for the statement shapes the
templates make, with black's rules:

* a line that fits is left alone;
* otherwise it is split at its last bracket pair (``head(`` / body / ``)``); an
  assignment or ``return`` whose left side is long may keep black's optional parentheses
  around its value instead (``x: T = (`` / value / ``)``), as black prefers them;
* a body that fits on one line stays on one line, unless it has a magic trailing comma
  or is a collection display or an import, which black always explodes one element per
  line with a trailing comma; each line made is treated the same way, recursively;
* class, module and function docstrings are re-indented as black re-indents them.

Whenever a statement falls outside these shapes, :func:`layout` returns None and
:func:`format_python` runs black itself. ``tests/test_layout.py`` proves, for every corpus
and style and for generated hostile docs, that the result is byte-identical to black's.

The pieces: :mod:`.scan` reads the code (statements, masked strings, brackets,
delimiters), :mod:`.split` has black's splits of a long line, :mod:`.docstrings` black's
docstring indentation, :mod:`.width` black's measure of a line's width.
"""

from __future__ import annotations

from ...core.format import black_format
from ...core.options import Options
from .docstrings import docstring
from .scan import Unsupported, statements
from .split import fit


def format_python(source: str, path: str, options: Options, users: bool = False) -> str:
    """:func:`generator.core.format.black_format`'s text, by :func:`layout` where it is sure
    (never for a user's template: black judges those), else by black."""
    fast = None if users else layout(source, options.line_length)
    return fast if fast is not None else black_format(source, path, options, users)


def layout(source: str, line_length: int) -> str | None:
    """black's output for ``source`` (a template's code), or None if not sure."""
    try:
        out: list[str] = []
        for item in statements(source, line_length, out):
            if item.docstring:
                out.extend(docstring(item, line_length))
            else:
                out.extend(fit(item.indent, item.text, line_length, assignment=True))
        return "\n".join(out) + "\n"
    except Unsupported:
        return None
