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

Whenever a statement falls outside these shapes, :func:`layout` returns None and the
caller runs black itself. ``tests/test_layout.py`` proves, for every corpus and style
and for generated hostile docs, that the result is byte-identical to black's.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from functools import lru_cache
from dataclasses import dataclass

_OPEN, _CLOSE = "([{", ")]}"
_BLOCK = re.compile(r"^(class|def|async def|if|elif|else|for|while|with|try|except|finally)\b")
# Delimiters black splits at before commas: a body with one of these at its top level and no
# comma is left to black.
_OPERATOR = re.compile(r" (\||or|and|not|in|is|if|else|\+|-|\*|/|%|==|!=|<|>|<=|>=) ")


class Unsupported(Exception):
    """Not a shape this module knows: let black do it."""


@dataclass(frozen=True, slots=True)
class _Statement:
    indent: str
    text: str
    """The statement on one line (pre-exploded brackets joined)."""
    docstring: bool = False


def layout(source: str, line_length: int) -> str | None:
    """black's output for ``source`` (a template's code), or None if not sure."""
    try:
        out: list[str] = []
        for item in _statements(source):
            if isinstance(item, str):
                out.append(item)
            elif item.docstring:
                out.extend(_docstring(item, line_length))
            else:
                out.extend(_fit(item.indent, item.text, line_length, assignment=True))
        return "\n".join(out) + "\n"
    except Unsupported:
        return None


def _statements(source: str) -> Iterator[str | _Statement]:
    """Blank lines and comments as they are; statements joined onto one line each."""
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    expect_docstring = True  # the module's first statement may be its docstring
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            yield line.rstrip()
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        if "\t" in indent:
            raise Unsupported("tabs")
        if stripped.startswith('"""'):
            end = i
            while not (lines[end].rstrip().endswith('"""') and (end > i or len(stripped) >= 6)):
                end += 1
                if end >= len(lines):
                    raise Unsupported("unterminated string")
            if expect_docstring:
                yield _Statement(indent, "\n".join([stripped] + lines[i + 1 : end + 1]), docstring=True)
            else:  # an attribute docstring is an ordinary string to black: left as it is
                yield from lines[i : end + 1]
            expect_docstring = False
            i = end + 1
            continue
        parts, depth = [stripped], _depth(stripped)
        while depth > 0:
            i += 1
            if i >= len(lines):
                raise Unsupported("unbalanced brackets")
            part = lines[i].strip()
            depth += _depth(part)
            parts.append(part)
        text = _join(parts)
        yield _Statement(indent, text)
        expect_docstring = text.startswith(("class ", "def ", "async def "))
        i += 1


def _join(parts: list[str]) -> str:
    """Physical lines of one statement back on one line, as black joins them."""
    text = parts[0]
    for part in parts[1:]:
        if text.endswith(tuple(_OPEN)) or part.startswith(tuple(_CLOSE)):
            text += part
        else:
            text += " " + part
    return text


def _depth(text: str) -> int:
    if not any(ch in text for ch in "([{)]}"):
        return 0
    depth = 0
    for kind, token, _ in _scan(text):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
    return depth


_TOKENS = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|'''
    r"""'''(?:[^'\\]|\\.|'(?!''))*'''|"""
    r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[()\[\]{},]|#.*""",
    re.DOTALL,
)
_KINDS = {**dict.fromkeys(_OPEN, "open"), **dict.fromkeys(_CLOSE, "close"), ",": "comma", "#": "comment"}


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[tuple[str, str, int], ...]:
    """(kind, text, offset) for brackets, commas, strings and a trailing comment."""
    return tuple((_KINDS.get(m.group()[0], "string"), m.group(), m.start()) for m in _TOKENS.finditer(text))


def _width(line: str) -> int:
    """black's measure of a line: its length, or for non-ASCII text, its display width."""
    if line.isascii():
        return len(line)
    from black.strings import str_width  # black's own table of wide and zero-width characters

    return int(str_width(line))


def _fits(line: str, line_length: int) -> bool:
    return _width(line) <= line_length


def _fit(indent: str, text: str, line_length: int, assignment: bool = False) -> list[str]:
    """The physical lines black makes of one logical line."""
    if "\n" in text:
        raise Unsupported("a multi-line string outside a docstring")
    if _fits(indent + text, line_length) and not _magic_comma(text):
        return [indent + text]
    if any(kind == "comment" for kind, _, _ in _scan(text)):
        raise Unsupported("a long line with a comment")
    if text.startswith(("class ", "def ")):
        return _left_hand_split(indent, text, line_length)
    if _BLOCK.match(text) or text.startswith("@"):
        raise Unsupported("a long block header")
    if text.startswith(("from ", "import ")):
        return _import(indent, text, line_length)
    if not assignment and _top_level_operators(text.removesuffix(",")):
        # Inside brackets black splits at delimiters first: here, before each `|`.
        comma = "," if text.endswith(",") else ""
        parts = _operator_split(text.removesuffix(","))
        parts[-1] += comma
        return [line for part in parts for line in _fit(indent, part, line_length)]
    split = _last_brackets(text)
    target = (_assignment_target(text) or _annotation_target(text)) if assignment else None
    if target is not None:
        try:
            lines = _split_value(indent, text, target, split, line_length)
            if _fits(lines[0], line_length):
                return lines
        except Unsupported:
            pass
        # The line still starts too long: black splits the annotation instead (below).
        annotated = re.match(r"([A-Za-z_]\w*: )(.+?)( = .*)?$", text)
        if annotated is None:
            raise Unsupported("a long assignment target")
        return _annotation_split(
            indent, annotated.group(1), annotated.group(2), annotated.group(3) or "", line_length
        )
    if split is None:
        return [indent + text]  # nothing to split at: black leaves it long
    return _bracket_split(indent, text, split, line_length)


def _split_value(
    indent: str, text: str, target: str, split: tuple[int, int] | None, line_length: int
) -> list[str]:
    """An assigned (or returned) value split at its own brackets, or wrapped in parentheses."""
    value = text[len(target) :]
    delimiters = _top_level_operators(value)
    if delimiters:
        if len(delimiters) == 1 and (value[0] in _OPEN or value[-1] in _CLOSE):
            raise Unsupported("one operator in a value that starts or ends with a bracket")
        return _optional_parens(indent, target, value, line_length)
    if split is None or split[0] < len(target):
        return _optional_parens(indent, target, value, line_length)
    if not _prefers_own_brackets(indent, target, text[: split[0] + 1], line_length):
        return _optional_parens(indent, target, value, line_length)
    return _bracket_split(indent, text, split, line_length)


def _annotation_split(indent: str, name: str, annotation: str, tail: str, line_length: int) -> list[str]:
    """A long annotation: in parentheses if it has an operator, split at its brackets if it
    ends with some, else left long; whatever follows it (`` = value``) follows the last line."""
    inner = indent + "    "
    if _top_level_operators(annotation):
        lines = [indent + name + "(", *_fit(inner, annotation, line_length), indent + ")" + tail]
    else:
        split = _last_brackets(annotation)
        if split is None:
            if _last_brackets(tail) is not None:
                raise Unsupported("a long name, a plain annotation and a splittable value")
            return [indent + name + annotation + tail]
        lines = _bracket_split(
            indent, name + annotation, (split[0] + len(name), split[1] + len(name)), line_length
        )
        lines[-1] += tail
    if not _fits(lines[-1], line_length):
        raise Unsupported("a long line after a split annotation")
    return lines


_MAYBE_MAGIC = re.compile(r",\s*[)\]}]")


def _magic_comma(text: str) -> bool:
    """A trailing comma right before a closing bracket: black keeps that bracket exploded."""
    if not _MAYBE_MAGIC.search(text):
        return False
    comma = -1
    for kind, _token, offset in _scan(text):
        if kind == "close" and comma >= 0 and not text[comma + 1 : offset].strip():
            return True
        comma = offset if kind == "comma" else -1
    return False


def _assignment_target(text: str) -> str | None:
    """``target = `` (or ``return ``) of a statement whose value black wraps in optional
    parentheses when it must, else None."""
    if text.startswith("return "):
        return "return "
    i = next(_top_level(text, " = "), None)
    return None if i is None else text[: i + 3]


def _top_level(text: str, separator: str) -> Iterator[int]:
    """Offsets of ``separator`` in ``text`` outside strings and brackets, in order."""
    masked, depth = _strip_strings(text, keep_length=True), 0
    for i, ch in enumerate(masked):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif depth == 0 and masked.startswith(separator, i):
            yield i


def _annotation_target(text: str) -> str | None:
    """``name: `` of an annotation without a value (black wraps a long annotation too)."""
    m = re.match(r"[A-Za-z_]\w*: ", text)
    return m.group() if m and "=" not in _strip_strings(text) else None


def _left_hand_split(indent: str, text: str, line_length: int) -> list[str]:
    """A long ``class``/``def`` line: split at its first bracket (black's ``left_hand_split``)."""
    start = text.find("(")
    if not text.endswith(":"):
        raise Unsupported("a block header of another shape")
    if start == -1:
        return [indent + text]  # nothing to split at: black leaves it long
    pairs = _pairs(text)
    end = next(e for s, e in pairs if s == start)
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    if not body or not _fits(indent + tail, line_length):
        raise Unsupported("empty brackets, or a long return annotation")
    elements = _top_level_split(body)
    one_param_def = text.startswith("def ") and len(elements) == 1
    inner = indent + "    "
    if not body.endswith(",") and not one_param_def and _fits(inner + body, line_length):
        lines = [inner + body]
    else:
        lines = [line for element in elements for line in _fit(inner, element + ",", line_length)]
    return [indent + head, *lines, indent + tail]


def _prefers_own_brackets(indent: str, target: str, head: str, line_length: int) -> bool:
    """black's choice (``_prefer_split_rhs_oop_over_rhs``) between splitting an assigned value
    at its own last brackets and wrapping it in parentheses."""
    if not target.endswith(" = "):
        return True  # `return` or an annotation: black only weighs parentheses after `=`
    lhs = target[:-3]
    if not any(ch in lhs for ch in _OPEN):
        return True
    if not _fits(indent + target, line_length - 1):
        return True
    value_head = head[len(target) :]
    if any(ch in _CLOSE for ch in _strip_strings(value_head, keep_length=True)):
        return True
    return _fits(indent + head, line_length)


def _optional_parens(indent: str, target: str, value: str, line_length: int) -> list[str]:
    """``target = (`` / value / ``)``; black leaves the line long when that does not help."""
    inner = indent + "    "
    if not _fits(indent + target + "(", line_length):
        raise Unsupported("a long assignment target")
    if _fits(inner + value, line_length):
        return [indent + target + "(", inner + value, indent + ")"]
    if _last_brackets(value) is None and not _top_level_operators(value):
        return [indent + target + value]  # black: wrapping it would not make it fit
    return [indent + target + "(", *_fit(inner, value, line_length), indent + ")"]


def _top_level_operators(value: str) -> list[str]:
    """The binary operators outside brackets and strings: where black splits before commas."""
    if not _OPERATOR.search(value):
        return []
    masked, depth, flat = _strip_strings(value, keep_length=True), 0, []
    for ch in masked:
        depth += (ch in _OPEN) - (ch in _CLOSE)
        flat.append(ch if depth == 0 and ch not in _CLOSE else "x")
    return _OPERATOR.findall("".join(flat))


def _operator_split(value: str) -> list[str]:
    """``a | b | c`` at its top level: ``a``, ``| b``, ``| c`` (black puts the operator first)."""
    operators = _top_level_operators(value)
    if not operators:
        return [value]
    if any(op != "|" for op in operators):
        raise Unsupported("a split at an operator other than |")
    starts = [0] + [i + 1 for i in _top_level(value, " | ")]
    return [value[a:b].strip() for a, b in zip(starts, starts[1:] + [len(value)])]


def _pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of every bracket pair, in the order they close."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for kind, _token, offset in _scan(text):
        if kind == "open":
            stack.append(offset)
        elif kind == "close":
            if not stack:
                raise Unsupported("unbalanced brackets")
            pairs.append((stack.pop(), offset))
    if stack:
        raise Unsupported("unbalanced brackets")
    return pairs


def _last_brackets(text: str) -> tuple[int, int] | None:
    """The opening and closing offsets of the bracket pair that ends the line (before a comma)."""
    pairs = _pairs(text)
    rest = text.rstrip().removesuffix(",").rstrip()
    for start, end in reversed(pairs):
        if end == len(rest) - 1:
            return start, end
    return None


def _is_display(text: str, start: int) -> bool:
    """Is the bracket at ``start`` a collection display (an atom), not a call or a subscript?"""
    before = text[:start].rstrip()
    word = re.search(r"\w+$", before)
    if word and keyword.iskeyword(word.group()):
        return True  # `return {...}`, `in [...]`
    return not before or not (before[-1].isalnum() or before[-1] in "_)]}\"'")


def _bracket_split(indent: str, text: str, split: tuple[int, int], line_length: int) -> list[str]:
    start, end = split
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    inner = indent + "    "
    if not _fits(indent + head, line_length):
        raise Unsupported("a head too long to split after")
    if not body:
        raise Unsupported("empty brackets")
    elements = _top_level_split(body)
    explode = body.endswith(",") or (len(elements) > 1 and _is_display(text, start))
    if not explode and _fits(inner + body, line_length):
        lines = [inner + body]
    elif len(elements) > 1 or body.endswith(","):
        lines = []
        for element in elements:
            lines.extend(_fit(inner, element + ",", line_length))
    else:
        lines = _fit(inner, body, line_length)
    return [indent + head, *lines, indent + tail]


def _top_level_split(body: str) -> list[str]:
    """The elements of a bracket's body, split at its own commas (a trailing comma dropped)."""
    parts, depth, last = [], 0, 0
    for kind, token, offset in _scan(body):
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "comma" and depth == 0:
            parts.append(body[last:offset].strip())
            last = offset + 1
    final = body[last:].strip()
    if final:
        parts.append(final)
    return parts


def _strip_strings(text: str, keep_length: bool = False) -> str:
    """The text with each string literal's contents blanked (kept as long, if asked)."""
    out, last = [], 0
    for kind, token, offset in _scan(text):
        if kind == "string":
            out.append(text[last:offset] + ('"' + " " * (len(token) - 2) + '"' if keep_length else '""'))
            last = offset + len(token)
    out.append(text[last:])
    return "".join(out)


def _import(indent: str, text: str, line_length: int) -> list[str]:
    """black explodes a long ``from x import a, b`` one name per line, with a trailing comma."""
    m = re.fullmatch(r"(from \S+ import )\(?([^()]*?),?\)?", text)
    if m is None:
        raise Unsupported("an import of another shape")
    names = [n.strip() for n in m.group(2).split(",") if n.strip()]
    return [indent + m.group(1) + "(", *(f"{indent}    {n}," for n in names), indent + ")"]


def _docstring(item: _Statement, line_length: int) -> list[str]:
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
