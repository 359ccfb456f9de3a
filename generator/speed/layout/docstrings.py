"""Docstrings re-indented as black re-indents them (see :mod:`generator.speed.layout`)."""

from __future__ import annotations

from .scan import Statement, Unsupported


def docstring(item: Statement, line_length: int) -> list[str]:
    """A class, function or module docstring as black re-indents it (``fix_multiline_docstring``)."""
    text = item.text
    if not (text.startswith('"""') and text.endswith('"""')) or "\\\n" in text:
        raise Unsupported("a docstring of another shape")
    body = text[3:-3]
    lines = body.split("\n")
    if len(lines) == 1:
        stripped = body.strip()
        if stripped != body or not stripped or stripped[0] == '"' or stripped[-1] in '"\\':
            raise Unsupported("a docstring black pads")
        return [item.indent + text]
    indent = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=0)
    trimmed = [lines[0].strip()]
    last = len(lines) - 2
    for i, line in enumerate(lines[1:]):
        stripped_line = line[indent:].rstrip()
        trimmed.append(item.indent + stripped_line if stripped_line or i == last else "")
    docstring = "\n".join(trimmed)
    if not docstring.strip() or docstring[0] == '"' or docstring.rstrip()[-1:] in ('"', "\\"):
        raise Unsupported("a docstring black pads")
    last_line = docstring.split("\n")[-1]
    closing = '"""'
    if (
        len(last_line) + 3 > line_length
        and len(item.indent) + 3 <= line_length
        and not docstring.endswith("\n")
    ):
        closing = "\n" + item.indent + '"""'
    return (item.indent + '"""' + docstring + closing).split("\n")
