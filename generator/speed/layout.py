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
:func:`format_python` runs black itself. ``tests/test_layout.py`` proves, for every corpus and style
and for generated hostile docs, that the result is byte-identical to black's.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator

import msgspec

from ..core.format import black_format
from ..core.options import Options
from .textwidth import str_width

_OPEN, _CLOSE = "([{", ")]}"
_OPENERS, _CLOSERS = tuple(_OPEN), tuple(_CLOSE)
_BLOCK = re.compile(r"^(class|def|async def|if|elif|else|for|while|with|try|except|finally)\b")
# Delimiters black splits at before commas: a body with one of these at its top level and no
# comma is left to black.
_OPERATOR = re.compile(r" (\||or|and|not|in|is|if|else|\+|-|\*|/|%|==|!=|<|>|<=|>=) ")
# String literals and a trailing comment, as Python reads them on one line: what is not code.
# (Each repetition is unrolled, `"[^"\\]*(?:\\.[^"\\]*)*"` for `"(?:[^"\\]|\\.)*"`: the same
# match, many times faster.)
_LITERALS = re.compile(
    r'''"""[^"\\\n]*(?:(?:\\[^\n]|"(?!""))[^"\\\n]*)*"""|'''
    r"""'''[^'\\\n]*(?:(?:\\[^\n]|'(?!''))[^'\\\n]*)*'''|"""
    r""""[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"|'[^'\\\n]*(?:\\[^\n][^'\\\n]*)*'|#[^\n]*"""
)
_BRACKETS = re.compile(r"[()\[\]{}]")
_MAYBE_MAGIC = re.compile(r",\s*[)\]}]")
# Brackets are found with bytes.translate, much faster than a regex (UTF-8 never uses an
# ASCII byte inside a wider character). These tables keep, in turn:
# brackets as weights (an opening one 2, a closing one 0) and newlines, deleting all else;
_BRACKET_WEIGHTS = bytes(
    2 if chr(byte) in _OPEN else 0 if chr(byte) in _CLOSE else byte for byte in range(256)
)
_NOT_BRACKETS = bytes(byte for byte in range(256) if chr(byte) not in _OPEN + _CLOSE + "\n")
# every byte, brackets made zero bytes (and zero bytes ones);
_BRACKETS_TO_ZERO = bytes(0 if chr(byte) in _OPEN + _CLOSE else byte or 1 for byte in range(256))
# brackets and commas, deleting all else.
_NOT_STRUCTURE = bytes(byte for byte in range(256) if chr(byte) not in _OPEN + _CLOSE + ",")
_COMMA, _OPEN_BYTES = ord(","), _OPEN.encode()
_NAME = re.compile(r"[A-Za-z_]\w*: ")
_ANNOTATED = re.compile(r"([A-Za-z_]\w*: )(.+?)( = .*)?$")
_LAST_WORD = re.compile(r"\w+$")
_LONGEST_KEYWORD = max(map(len, keyword.kwlist))  # a longer last word is not one
_FROM_IMPORT = re.compile(r"(from \S+ import )\(?([^()]*?),?\)?")


class Unsupported(Exception):
    """Not a shape this module knows: let black do it."""


class _Statement(msgspec.Struct):
    """A logical line black lays out: a docstring, or a statement too long or exploded."""

    indent: str
    text: str
    """The statement on one line (pre-exploded brackets joined)."""
    docstring: bool = False


def format_python(source: str, path: str, options: Options, users: bool = False) -> str:
    """:func:`generator.core.format.black_format`'s text, by :func:`layout` where it is sure
    (never for a user's template: black judges those), else by black."""
    fast = None if users else layout(source, options.line_length)
    return fast if fast is not None else black_format(source, path, options, users)


def layout(source: str, line_length: int) -> str | None:
    """black's output for ``source`` (a template's code), or None if not sure."""
    try:
        out: list[str] = []
        for item in _statements(source, line_length, out):
            if item.docstring:
                out.extend(_docstring(item, line_length))
            else:
                out.extend(_fit(item.indent, item.text, line_length, assignment=True))
        return "\n".join(out) + "\n"
    except Unsupported:
        return None


def _statements(source: str, line_length: int, out: list[str]) -> Iterator[_Statement]:
    """The docstrings and statements (joined onto one line each) black lays out.

    Lines black leaves as they are (blank lines, comments, attribute docstrings, statements
    that fit and have no magic trailing comma) go straight to ``out``, most of the lines; the
    caller appends each yielded statement's lines to ``out`` before the next, so all stay in
    order."""
    lines = source.split("\n")
    depths = _depths(source)
    if lines and lines[-1] == "":
        lines.pop()
    i, count = 0, len(lines)
    expect_docstring = True  # the module's first statement may be its docstring
    while i < count:
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped[0] == "#":
            out.append(line.rstrip())
            i += 1
            continue
        if stripped[0] == '"' and stripped.startswith('"""'):
            end = i
            while not (lines[end].rstrip().endswith('"""') and (end > i or len(stripped) >= 6)):
                end += 1
                if end >= count:
                    raise Unsupported("unterminated string")
            if expect_docstring:
                indent = line[: len(line) - len(line.lstrip(" "))]
                yield _Statement(indent, "\n".join([stripped] + lines[i + 1 : end + 1]), docstring=True)
            else:  # an attribute docstring is an ordinary string to black: left as it is
                out.extend(lines[i : end + 1])
            expect_docstring = False
            i = end + 1
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        depth = depths[i]
        if depth > 0:
            parts = [stripped]
            while depth > 0:
                i += 1
                if i >= count:
                    raise Unsupported("unbalanced brackets")
                part = lines[i].strip()
                depth += depths[i]
                parts.append(part)
            stripped = _join(parts)
        line = indent + stripped
        if _fits(line, line_length) and not _MAYBE_MAGIC.search(stripped):
            out.append(line)  # it fits, and no magic trailing comma explodes it
        else:
            yield _Statement(indent, stripped)
        expect_docstring = stripped.startswith(("class ", "def ", "async def "))
        i += 1


def _join(parts: list[str]) -> str:
    """Physical lines of one statement back on one line, as black joins them."""
    text = parts[0]
    for part in parts[1:]:
        if text.endswith(_OPENERS) or part.startswith(_CLOSERS):
            text += part
        else:
            text += " " + part
    return text


def _depths(source: str) -> list[int]:
    """For each line of ``source``, how many more brackets it opens than it closes (outside
    strings and comments, each line read on its own)."""
    code = _LITERALS.sub("", source)
    # On each line, the sum of the bracket weights less their number is the depth.
    lines = code.encode("utf-8", "surrogatepass").translate(_BRACKET_WEIGHTS, _NOT_BRACKETS).split(b"\n")
    return [sum(brackets) - len(brackets) if brackets else 0 for brackets in lines]


# Masks. Each function below that looks for brackets, commas or operators reads a *mask* of
# its text: the text with every string literal's contents blanked (quotes and length kept),
# so that whatever it finds in the mask at some offset is code at that offset in the text.
# A mask is made once per logical line; a piece cut from a line at a bracket, a comma or an
# operator (outside strings, so no literal is cut) has as its mask the same cut of the
# line's mask, and is passed on with it.


def _mask(text: str) -> str:
    """``text`` with each string literal's contents blanked; a trailing comment is kept."""
    if "'" in text or "#" in text or "\\" in text or '"""' in text:
        return _LITERALS.sub(_blank, text)
    if '"' not in text:
        return text
    # Only plain "..." strings: every other piece between two quotes is one's contents (an
    # odd last quote opens none). str.split finds them faster than a regex.
    pieces = text.split('"')
    pieces[1:-1:2] = ["x" * len(contents) for contents in pieces[1:-1:2]]
    return '"'.join(pieces)


def _blank(literal: re.Match[str]) -> str:
    token = literal.group()
    return token if token[0] == "#" else '"' + "x" * (len(token) - 2) + '"'


def _balance(masked: str) -> int:
    """How many more brackets a mask opens than it closes."""
    brackets = masked.encode("utf-8", "surrogatepass").translate(_BRACKET_WEIGHTS, _NOT_BRACKETS)
    return sum(brackets) - len(brackets)


def _code(masked: str) -> str:
    """A mask with its trailing comment (the first ``#`` left in it onwards) blanked too."""
    comment = masked.find("#")
    return masked if comment < 0 else masked[:comment] + " " * (len(masked) - comment)


def _fits(line: str, line_length: int) -> bool:
    if line.isascii():
        return len(line) <= line_length
    return str_width(line) <= line_length


def _fit(
    indent: str, text: str, line_length: int, assignment: bool = False, masked: str | None = None
) -> list[str]:
    """The physical lines black makes of one logical line (``masked``: its mask, if known)."""
    if "\n" in text:
        raise Unsupported("a multi-line string outside a docstring")
    if _fits(indent + text, line_length):
        if not _MAYBE_MAGIC.search(text):
            return [indent + text]
        masked = _mask(text) if masked is None else masked
        if not _magic_comma(masked):
            return [indent + text]
    masked = _mask(text) if masked is None else masked
    if "#" in masked:
        raise Unsupported("a long line with a comment")
    # From here on the line has no comment: its mask is all code and strings.
    if text.startswith(("class ", "def ")):
        return _left_hand_split(indent, text, masked, line_length)
    if _BLOCK.match(text) or text.startswith("@"):
        raise Unsupported("a long block header")
    if text.startswith(("from ", "import ")):
        return _import(indent, text, line_length)
    if not assignment and _top_level_operators(masked.removesuffix(",")):
        # Inside brackets black splits at delimiters first: here, before each `|`.
        comma = "," if text.endswith(",") else ""
        parts = _operator_split(text.removesuffix(","), masked.removesuffix(","))
        part, part_mask = parts[-1]
        parts[-1] = part + comma, part_mask + comma
        return [
            line for part, part_mask in parts for line in _fit(indent, part, line_length, masked=part_mask)
        ]
    split = _last_brackets(text, masked)
    target = (_assignment_target(text, masked) or _annotation_target(text, masked)) if assignment else None
    if target is not None:
        try:
            lines = _split_value(indent, text, masked, target, split, line_length)
            if _fits(lines[0], line_length) or (
                split and _long_head(indent, text, target, split, line_length)
            ):
                return lines
        except Unsupported:
            pass
        # The line still starts too long: black splits the annotation instead (below).
        annotated = _ANNOTATED.match(text)
        if annotated is None:
            raise Unsupported("a long assignment target")
        return _annotation_split(
            indent, annotated.group(1), annotated.group(2), annotated.group(3) or "", line_length
        )
    if split is None:
        return [indent + text]  # nothing to split at: black leaves it long
    return _bracket_split(indent, text, masked, split, line_length)


def _split_value(
    indent: str, text: str, masked: str, target: str, split: tuple[int, int] | None, line_length: int
) -> list[str]:
    """An assigned (or returned) value split at its own brackets, or wrapped in parentheses."""
    value, value_mask = text[len(target) :], masked[len(target) :]
    delimiters = _top_level_operators(value_mask)
    if delimiters:
        if len(delimiters) == 1 and (value[0] in _OPEN or value[-1] in _CLOSE):
            raise Unsupported("one operator in a value that starts or ends with a bracket")
        return _optional_parens(indent, target, value, value_mask, line_length)
    if split is None or split[0] < len(target):
        return _optional_parens(indent, target, value, value_mask, line_length)
    head = split[0] + 1
    if not _prefers_own_brackets(indent, target, text[:head], masked[:head], line_length):
        return _optional_parens(indent, target, value, value_mask, line_length)
    long_head = _long_head(indent, text, target, split, line_length)
    return _bracket_split(indent, text, masked, split, line_length, long_head=long_head)


def _long_head(indent: str, text: str, target: str, split: tuple[int, int], line_length: int) -> bool:
    """``NAME = callee(`` too long for a line, and ``NAME = (`` too: black then splits at the
    call's brackets all the same and leaves that first line long. (It would wrap the value in
    parentheses if every line that made fitted, and ``NAME = (`` is the first of them.)"""
    head = indent + text[: split[0] + 1]
    return (
        not _fits(head, line_length)
        and target.endswith(" = ")
        and target[:-3].isidentifier()
        and text[len(target) : split[0]].isidentifier()
        and not _fits(indent + target + "(", line_length)
    )


def _annotation_split(indent: str, name: str, annotation: str, tail: str, line_length: int) -> list[str]:
    """A long annotation, as black splits it: at its own brackets if it ends with some and has
    no operator, else in parentheses (``name: (`` / annotation / ``) = value``), a plain one
    only if it then fits; whatever follows it (`` = value``) follows the last line, split at
    its own brackets where black splits it. Shapes where black does otherwise are left to
    black (``tests/test_layout.py`` generates them, long names and values included).

    The annotation ends at the first `` = `` even inside a string, so the pieces are masked
    afresh, each on its own."""
    inner = indent + "    "
    annotation_mask = _mask(annotation)
    operators = _top_level_operators(annotation_mask)
    split = None if operators else _last_brackets(annotation, _code(annotation_mask))
    if split is not None:
        text = name + annotation
        lines = _bracket_split(
            indent, text, _mask(text), (split[0] + len(name), split[1] + len(name)), line_length
        )
        lines[-1] += tail
    elif operators or _fits(inner + annotation, line_length):
        lines = [indent + name + "(", *_fit(inner, annotation, line_length), indent + ")" + tail]
        value_split = _last_brackets(tail, _code(_mask(tail)))
        long_name = not _fits(indent + name + "(", line_length)
        if value_split is not None and (long_name or not _fits(lines[-1], line_length)):
            # black splits the value at its brackets too: always when the name's line is too
            # long, else only after an annotation with an operator and a ``) = value`` too long
            if not operators and not long_name:
                raise Unsupported("a plain annotation and a long value")
            last = ")" + tail
            lines[-1:] = _bracket_split(
                indent, last, _mask(last), (value_split[0] + 1, value_split[1] + 1), line_length
            )
    elif tail:
        raise Unsupported("a long name, a long plain annotation and a value")
    else:
        return [indent + name + annotation]  # black: wrapping it would not make it fit
    if not _fits(lines[-1], line_length):
        raise Unsupported("a long line after a split annotation")
    return lines


def _magic_comma(masked: str) -> bool:
    """A trailing comma right before a closing bracket: black keeps that bracket exploded."""
    return _MAYBE_MAGIC.search(_code(masked)) is not None


def _assignment_target(text: str, masked: str) -> str | None:
    """``target = `` (or ``return ``) of a statement whose value black wraps in optional
    parentheses when it must, else None."""
    if text.startswith("return "):
        return "return "
    found = _top_level(masked, " = ")
    return text[: found[0] + 3] if found else None


def _top_level(masked: str, separator: str) -> list[int]:
    """Offsets of ``separator`` in a mask outside brackets, in order."""
    found = []
    i = masked.find(separator)
    while i >= 0:
        if _balance(masked[:i]) == 0:
            found.append(i)
        i = masked.find(separator, i + 1)
    return found


def _annotation_target(text: str, masked: str) -> str | None:
    """``name: `` of an annotation without a value (black wraps a long annotation too)."""
    m = _NAME.match(text)
    return m.group() if m and "=" not in masked else None


def _left_hand_split(indent: str, text: str, masked: str, line_length: int) -> list[str]:
    """A long ``class``/``def`` line: split at its first bracket (black's ``left_hand_split``)."""
    start = text.find("(")
    if not text.endswith(":"):
        raise Unsupported("a block header of another shape")
    if start == -1:
        return [indent + text]  # nothing to split at: black leaves it long
    pairs = _pairs(masked)
    end = next(e for s, e in pairs if s == start)
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    if not body:
        raise Unsupported("empty brackets")
    elements = _top_level_split(body, masked[start + 1 : end].strip())
    one_param_def = text.startswith("def ") and len(elements) == 1
    inner = indent + "    "
    if not body.endswith(",") and not one_param_def and _fits(inner + body, line_length):
        lines = [inner + body]
    elif len(elements) == 1 and not one_param_def and not body.endswith(","):
        # One base too long for its line: no comma to split at, and none added (a class is
        # not a ``def``, whose lone parameter black gives a trailing comma).
        lines = _fit(inner, body, line_length, masked=masked[start + 1 : end].strip())
    else:
        lines = _one_a_line(inner, elements, line_length)
    return [indent + head, *lines, *_return_annotation(indent, tail, line_length)]


def _return_annotation(indent: str, tail: str, line_length: int) -> list[str]:
    """The ``) -> Name:`` that ends a split ``def``: black wraps a long one in parentheses if
    the name then fits, else leaves it long."""
    if _fits(indent + tail, line_length):
        return [indent + tail]
    name = tail.removeprefix(") -> ").removesuffix(":")
    if len(name) != len(tail) - len(") -> :") or not name.isidentifier():
        raise Unsupported("a long return annotation of another shape")
    if not _fits(indent + "    " + name, line_length):
        return [indent + tail]
    return [indent + ") -> (", indent + "    " + name, indent + "):"]


def _prefers_own_brackets(indent: str, target: str, head: str, head_mask: str, line_length: int) -> bool:
    """black's choice (``_prefer_split_rhs_oop_over_rhs``) between splitting an assigned value
    at its own last brackets and wrapping it in parentheses."""
    if not target.endswith(" = "):
        return True  # `return` or an annotation: black only weighs parentheses after `=`
    lhs = target[:-3]
    # An annotation is in (invisible) parentheses, so an annotated target has brackets too.
    if "(" not in lhs and "[" not in lhs and "{" not in lhs and not _NAME.match(lhs):
        return True
    if not _fits(indent + target, line_length - 1):
        return True
    value_head = head_mask[len(target) :]
    if ")" in value_head or "]" in value_head or "}" in value_head:
        return True
    return _fits(indent + head, line_length)


def _optional_parens(indent: str, target: str, value: str, value_mask: str, line_length: int) -> list[str]:
    """``target = (`` / value / ``)``; black leaves the line long when that does not help."""
    inner = indent + "    "
    if not _fits(indent + target + "(", line_length):
        raise Unsupported("a long assignment target")
    if _fits(inner + value, line_length):
        return [indent + target + "(", inner + value, indent + ")"]
    if _last_brackets(value, value_mask) is None and not _top_level_operators(value_mask):
        return [indent + target + value]  # black: wrapping it would not make it fit
    return [indent + target + "(", *_fit(inner, value, line_length, masked=value_mask), indent + ")"]


def _top_level_operators(masked: str) -> list[str]:
    """The binary operators outside brackets and strings: where black splits before commas."""
    if not _OPERATOR.search(masked):
        return []
    return _OPERATOR.findall(_outside_brackets(masked))


def _outside_brackets(masked: str) -> str:
    """A mask with every bracket pair, and all inside it, made ``x``."""
    flat, depth, last = [], 0, 0
    for i in _bracket_offsets(masked):
        flat.append(masked[last:i] if depth == 0 else "x" * (i - last))
        if masked[i] in _OPEN:
            depth += 1
            flat.append(masked[i] if depth == 0 else "x")
        else:
            depth -= 1
            flat.append("x")
        last = i + 1
    flat.append(masked[last:] if depth == 0 else "x" * (len(masked) - last))
    return "".join(flat)


def _operator_split(value: str, masked: str) -> list[tuple[str, str]]:
    """``a | b | c`` at its top level: ``a``, ``| b``, ``| c`` (black puts the operator first),
    each with its mask."""
    operators = _top_level_operators(masked)
    if not operators:
        return [(value, masked)]
    if any(op != "|" for op in operators):
        raise Unsupported("a split at an operator other than |")
    starts = [0] + [i + 1 for i in _top_level(masked, " | ")]
    return [(value[a:b].strip(), masked[a:b].strip()) for a, b in zip(starts, starts[1:] + [len(value)])]


def _pairs(masked: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of every bracket pair in a comment-free mask, in the order
    they close."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for offset in _bracket_offsets(masked):
        if masked[offset] in _OPEN:
            stack.append(offset)
        else:
            if not stack:
                raise Unsupported("unbalanced brackets")
            pairs.append((stack.pop(), offset))
    if stack:
        raise Unsupported("unbalanced brackets")
    return pairs


def _has_brackets(masked: str) -> bool:
    """Is there a bracket in the mask? (str's ``in`` is the fastest way to ask.)"""
    return "(" in masked or ")" in masked or "[" in masked or "]" in masked or "{" in masked or "}" in masked


def _bracket_offsets(masked: str) -> list[int]:
    """The offsets of the brackets in a mask, in order."""
    if not _has_brackets(masked):
        return []
    if not masked.isascii():  # offsets in bytes would not be offsets in the text
        return [bracket.start() for bracket in _BRACKETS.finditer(masked)]
    # Cut at each bracket; each is one past the pieces before it.
    pieces = masked.encode().translate(_BRACKETS_TO_ZERO).split(b"\0")
    offsets, offset = [], -1
    for piece in pieces[:-1]:
        offset += len(piece) + 1
        offsets.append(offset)
    return offsets


def _last_brackets(text: str, masked: str) -> tuple[int, int] | None:
    """The opening and closing offsets of the bracket pair that ends the line (before a comma)."""
    end = len(text.rstrip().removesuffix(",").rstrip()) - 1
    for pair in _pairs(masked):
        if pair[1] == end:
            return pair
    return None


def _is_display(text: str, start: int) -> bool:
    """Is the bracket at ``start`` a collection display (an atom), not a call or a subscript?"""
    before = text[:start].rstrip()
    word = _LAST_WORD.search(before, max(0, len(before) - _LONGEST_KEYWORD - 1))
    if word and keyword.iskeyword(word.group()):
        return True  # `return {...}`, `in [...]`
    return not before or not (before[-1].isalnum() or before[-1] in "_)]}\"'")


def _bracket_split(
    indent: str, text: str, masked: str, split: tuple[int, int], line_length: int, long_head: bool = False
) -> list[str]:
    """``head(`` / body / ``)``: the body on one line if it fits and need not explode, else
    one element a line (or the one element split in turn). A head too long for its line is
    left to black, unless the caller knows black keeps it (``long_head``)."""
    start, end = split
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    inner = indent + "    "
    if not long_head and not _fits(indent + head, line_length):
        raise Unsupported("a head too long to split after")
    if not body:
        raise Unsupported("empty brackets")
    # A body that fits stays on one line unless it ends with a comma or is a display of more
    # than one element (black explodes those).
    fits = not body.endswith(",") and _fits(inner + body, line_length)
    if fits and not _is_display(text, start):
        return [indent + head, inner + body, indent + tail]
    body_mask = masked[start + 1 : end].strip()
    elements = _top_level_split(body, body_mask)
    if fits and len(elements) <= 1:
        lines = [inner + body]
    elif len(elements) > 1 or body.endswith(","):
        lines = _one_a_line(inner, elements, line_length)
    else:
        lines = _fit(inner, body, line_length, masked=body_mask)
    return [indent + head, *lines, indent + tail]


def _one_a_line(indent: str, elements: list[tuple[str, str]], line_length: int) -> list[str]:
    """Each element (with its mask) on its own line(s), with a trailing comma."""
    lines = []
    for element, element_mask in elements:
        line = indent + element + ","
        if _fits(line, line_length) and not _MAYBE_MAGIC.search(element):
            lines.append(line)  # as _fit leaves a line that fits, without calling it
        else:
            lines.extend(_fit(indent, element + ",", line_length, masked=element_mask + ","))
    return lines


def _top_level_split(body: str, masked: str) -> list[tuple[str, str]]:
    """The elements of a bracket's body, split at its own commas (a trailing comma dropped),
    each with its mask."""
    pieces = masked.split(",")
    if len(pieces) > 1 and _has_brackets(masked):
        pieces = _rejoin_nested(pieces, masked)
    parts, start = [], 0
    for piece in pieces:
        end = start + len(piece)
        parts.append((body[start:end].strip(), piece.strip()))
        start = end + 1
    if not parts[-1][0]:
        parts.pop()  # nothing after the last comma
    return parts


def _rejoin_nested(pieces: list[str], masked: str) -> list[str]:
    """The pieces of a mask cut at each comma, put back together at commas inside brackets."""
    joined, depth, after = [pieces[0]], 0, iter(pieces[1:])
    # Walk the mask's brackets and commas alone.
    for byte in masked.encode("utf-8", "surrogatepass").translate(None, _NOT_STRUCTURE):
        if byte == _COMMA:
            if depth == 0:
                joined.append(next(after))
            else:
                joined[-1] += "," + next(after)
        elif byte in _OPEN_BYTES:
            depth += 1
        else:
            depth -= 1
    return joined


def _import(indent: str, text: str, line_length: int) -> list[str]:
    """black explodes a long ``from x import a, b`` one name per line, with a trailing comma."""
    m = _FROM_IMPORT.fullmatch(text)
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
