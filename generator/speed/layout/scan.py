"""Reading the code the layout lays out: its statements, its string literals masked, its
brackets and delimiters (see :mod:`generator.speed.layout`)."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator

import msgspec

from .width import str_width

OPEN, CLOSE = "([{", ")]}"
OPENERS, CLOSERS = tuple(OPEN), tuple(CLOSE)
# Delimiters black splits at before commas: a body with one of these at its top level and no
# comma is left to black.
OPERATOR = re.compile(r" (\||or|and|not|in|is|if|else|\+|-|\*|/|%|==|!=|<|>|<=|>=) ")
# String literals and a trailing comment, as Python reads them on one line: what is not code.
# (Each repetition is unrolled, `"[^"\\]*(?:\\.[^"\\]*)*"` for `"(?:[^"\\]|\\.)*"`: the same
# match, many times faster.)
LITERALS = re.compile(
    r'''"""[^"\\\n]*(?:(?:\\[^\n]|"(?!""))[^"\\\n]*)*"""|'''
    r"""'''[^'\\\n]*(?:(?:\\[^\n]|'(?!''))[^'\\\n]*)*'''|"""
    r""""[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"|'[^'\\\n]*(?:\\[^\n][^'\\\n]*)*'|#[^\n]*"""
)
BRACKETS = re.compile(r"[()\[\]{}]")
MAYBE_MAGIC = re.compile(r",\s*[)\]}]")
# Brackets are found with bytes.translate, much faster than a regex (UTF-8 never uses an
# ASCII byte inside a wider character). These tables keep, in turn:
# brackets as weights (an opening one 2, a closing one 0) and newlines, deleting all else;
BRACKET_WEIGHTS = bytes(2 if chr(byte) in OPEN else 0 if chr(byte) in CLOSE else byte for byte in range(256))
NOT_BRACKETS = bytes(byte for byte in range(256) if chr(byte) not in OPEN + CLOSE + "\n")
# every byte, brackets made zero bytes (and zero bytes ones);
BRACKETS_TO_ZERO = bytes(0 if chr(byte) in OPEN + CLOSE else byte or 1 for byte in range(256))
# brackets and commas, deleting all else.
NOT_STRUCTURE = bytes(byte for byte in range(256) if chr(byte) not in OPEN + CLOSE + ",")
COMMA, OPEN_BYTES = ord(","), OPEN.encode()

LAST_WORD = re.compile(r"\w+$")
LONGEST_KEYWORD = max(map(len, keyword.kwlist))  # a longer last word is not one


class Unsupported(Exception):
    """Not a shape this module knows: let black do it."""


class Statement(msgspec.Struct):
    """A logical line black lays out: a docstring, or a statement too long or exploded."""

    indent: str
    text: str
    """The statement on one line (pre-exploded brackets joined)."""
    docstring: bool = False


def statements(source: str, line_length: int, out: list[str]) -> Iterator[Statement]:
    """The docstrings and statements (joined onto one line each) black lays out.

    Lines black leaves as they are (blank lines, comments, attribute docstrings, statements
    that fit and have no magic trailing comma) go straight to ``out``, most of the lines; the
    caller appends each yielded statement's lines to ``out`` before the next, so all stay in
    order."""
    lines = source.split("\n")
    depths = line_depths(source)
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
                yield Statement(indent, "\n".join([stripped] + lines[i + 1 : end + 1]), docstring=True)
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
            stripped = join(parts)
        line = indent + stripped
        if fits_in(line, line_length) and not MAYBE_MAGIC.search(stripped):
            out.append(line)  # it fits, and no magic trailing comma explodes it
        else:
            yield Statement(indent, stripped)
        expect_docstring = stripped.startswith(("class ", "def ", "async def "))
        i += 1


def join(parts: list[str]) -> str:
    """Physical lines of one statement back on one line, as black joins them."""
    text = parts[0]
    for part in parts[1:]:
        if text.endswith(OPENERS) or part.startswith(CLOSERS):
            text += part
        else:
            text += " " + part
    return text


def line_depths(source: str) -> list[int]:
    """For each line of ``source``, how many more brackets it opens than it closes (outside
    strings and comments, each line read on its own)."""
    code = LITERALS.sub("", source)
    # On each line, the sum of the bracket weights less their number is the depth.
    lines = code.encode("utf-8", "surrogatepass").translate(BRACKET_WEIGHTS, NOT_BRACKETS).split(b"\n")
    return [sum(brackets) - len(brackets) if brackets else 0 for brackets in lines]


def mask(text: str) -> str:
    """``text`` with each string literal's contents blanked; a trailing comment is kept."""
    if "'" in text or "#" in text or "\\" in text or '"""' in text:
        return LITERALS.sub(blank, text)
    if '"' not in text:
        return text
    # Only plain "..." strings: every other piece between two quotes is one's contents (an
    # odd last quote opens none). str.split finds them faster than a regex.
    pieces = text.split('"')
    pieces[1:-1:2] = ["x" * len(contents) for contents in pieces[1:-1:2]]
    return '"'.join(pieces)


def blank(literal: re.Match[str]) -> str:
    token = literal.group()
    return token if token[0] == "#" else '"' + "x" * (len(token) - 2) + '"'


def balance(masked: str) -> int:
    """How many more brackets a mask opens than it closes."""
    brackets = masked.encode("utf-8", "surrogatepass").translate(BRACKET_WEIGHTS, NOT_BRACKETS)
    return sum(brackets) - len(brackets)


def code(masked: str) -> str:
    """A mask with its trailing comment (the first ``#`` left in it onwards) blanked too."""
    comment = masked.find("#")
    return masked if comment < 0 else masked[:comment] + " " * (len(masked) - comment)


def fits_in(line: str, line_length: int) -> bool:
    if line.isascii():
        return len(line) <= line_length
    return str_width(line) <= line_length


def magic_comma(masked: str) -> bool:
    """A trailing comma right before a closing bracket: black keeps that bracket exploded."""
    return MAYBE_MAGIC.search(code(masked)) is not None


def top_level(masked: str, separator: str) -> list[int]:
    """Offsets of ``separator`` in a mask outside brackets, in order."""
    found = []
    i = masked.find(separator)
    while i >= 0:
        if balance(masked[:i]) == 0:
            found.append(i)
        i = masked.find(separator, i + 1)
    return found


def top_level_operators(masked: str) -> list[str]:
    """The binary operators outside brackets and strings: where black splits before commas."""
    if not OPERATOR.search(masked):
        return []
    return OPERATOR.findall(outside_brackets(masked))


def outside_brackets(masked: str) -> str:
    """A mask with every bracket pair, and all inside it, made ``x``."""
    flat, depth, last = [], 0, 0
    for i in bracket_offsets(masked):
        flat.append(masked[last:i] if depth == 0 else "x" * (i - last))
        if masked[i] in OPEN:
            depth += 1
            flat.append(masked[i] if depth == 0 else "x")
        else:
            depth -= 1
            flat.append("x")
        last = i + 1
    flat.append(masked[last:] if depth == 0 else "x" * (len(masked) - last))
    return "".join(flat)


def operator_split(value: str, masked: str) -> list[tuple[str, str]]:
    """``a | b | c`` at its top level: ``a``, ``| b``, ``| c`` (black puts the operator first),
    each with its mask."""
    operators = top_level_operators(masked)
    if not operators:
        return [(value, masked)]
    if any(op != "|" for op in operators):
        raise Unsupported("a split at an operator other than |")
    starts = [0] + [i + 1 for i in top_level(masked, " | ")]
    return [(value[a:b].strip(), masked[a:b].strip()) for a, b in zip(starts, starts[1:] + [len(value)])]


def bracket_pairs(masked: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of every bracket pair in a comment-free mask, in the order
    they close."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for offset in bracket_offsets(masked):
        if masked[offset] in OPEN:
            stack.append(offset)
        else:
            if not stack:
                raise Unsupported("unbalanced brackets")
            pairs.append((stack.pop(), offset))
    if stack:
        raise Unsupported("unbalanced brackets")
    return pairs


def has_brackets(masked: str) -> bool:
    """Is there a bracket in the mask? (str's ``in`` is the fastest way to ask.)"""
    return "(" in masked or ")" in masked or "[" in masked or "]" in masked or "{" in masked or "}" in masked


def bracket_offsets(masked: str) -> list[int]:
    """The offsets of the brackets in a mask, in order."""
    if not has_brackets(masked):
        return []
    if not masked.isascii():  # offsets in bytes would not be offsets in the text
        return [bracket.start() for bracket in BRACKETS.finditer(masked)]
    # Cut at each bracket; each is one past the pieces before it.
    pieces = masked.encode().translate(BRACKETS_TO_ZERO).split(b"\0")
    offsets, offset = [], -1
    for piece in pieces[:-1]:
        offset += len(piece) + 1
        offsets.append(offset)
    return offsets


def last_brackets(text: str, masked: str) -> tuple[int, int] | None:
    """The opening and closing offsets of the bracket pair that ends the line (before a comma)."""
    end = len(text.rstrip().removesuffix(",").rstrip()) - 1
    for pair in bracket_pairs(masked):
        if pair[1] == end:
            return pair
    return None


def is_display(text: str, start: int) -> bool:
    """Is the bracket at ``start`` a collection display (an atom), not a call or a subscript?"""
    before = text[:start].rstrip()
    word = LAST_WORD.search(before, max(0, len(before) - LONGEST_KEYWORD - 1))
    if word and keyword.iskeyword(word.group()):
        return True  # `return {...}`, `in [...]`
    return not before or not (before[-1].isalnum() or before[-1] in "_)]}\"'")


def top_level_split(body: str, masked: str) -> list[tuple[str, str]]:
    """The elements of a bracket's body, split at its own commas (a trailing comma dropped),
    each with its mask."""
    pieces = masked.split(",")
    if len(pieces) > 1 and has_brackets(masked):
        pieces = rejoin_nested(pieces, masked)
    parts, start = [], 0
    for piece in pieces:
        end = start + len(piece)
        parts.append((body[start:end].strip(), piece.strip()))
        start = end + 1
    if not parts[-1][0]:
        parts.pop()  # nothing after the last comma
    return parts


def rejoin_nested(pieces: list[str], masked: str) -> list[str]:
    """The pieces of a mask cut at each comma, put back together at commas inside brackets."""
    joined, depth, after = [pieces[0]], 0, iter(pieces[1:])
    # Walk the mask's brackets and commas alone.
    for byte in masked.encode("utf-8", "surrogatepass").translate(None, NOT_STRUCTURE):
        if byte == COMMA:
            if depth == 0:
                joined.append(next(after))
            else:
                joined[-1] += "," + next(after)
        elif byte in OPEN_BYTES:
            depth += 1
        else:
            depth -= 1
    return joined
