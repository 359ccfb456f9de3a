"""black's splits of a line too long: at its last brackets or its first, at delimiters, in
optional parentheses, one element a line (see :mod:`generator.speed.layout`)."""

from __future__ import annotations

import re

from .scan import (
    CLOSE,
    MAYBE_MAGIC,
    OPEN,
    Unsupported,
    bracket_pairs,
    code,
    fits_in,
    is_display,
    last_brackets,
    magic_comma,
    mask,
    operator_split,
    outside_brackets,
    top_level,
    top_level_operators,
    top_level_split,
)

BLOCK = re.compile(r"^(class|def|async def|if|elif|else|for|while|with|try|except|finally)\b")
NAME = re.compile(r"[A-Za-z_]\w*: ")
ANNOTATED = re.compile(r"([A-Za-z_]\w*: )(.+?)( = .*)?$")
_NOT_ELEMENTS = re.compile(r"\b(?:for|lambda)\b")
FROM_IMPORT = re.compile(r"(from \S+ import )\(?([^()]*?),?\)?")


def fit(
    indent: str, text: str, line_length: int, assignment: bool = False, masked: str | None = None
) -> list[str]:
    """The physical lines black makes of one logical line (``masked``: its mask, if known)."""
    if "\n" in text:
        raise Unsupported("a multi-line string outside a docstring")
    if fits_in(indent + text, line_length):
        if not MAYBE_MAGIC.search(text):
            return [indent + text]
        masked = mask(text) if masked is None else masked
        if not magic_comma(masked):
            return [indent + text]
    masked = mask(text) if masked is None else masked
    if "#" in masked:
        raise Unsupported("a long line with a comment")
    # From here on the line has no comment: its mask is all code and strings.
    if text.startswith(("class ", "def ")):
        return left_hand_split(indent, text, masked, line_length)
    if BLOCK.match(text):
        raise Unsupported("a long block header")
    if text.startswith("@") and (top_level_operators(masked[1:]) or not masked.endswith(")")):
        raise Unsupported("a decorator but a call")
    if text.startswith(("from ", "import ")):
        return import_split(indent, text, line_length)
    if not assignment and top_level_operators(masked.removesuffix(",")):
        # Inside brackets black splits at delimiters first: here, before each `|`.
        comma = "," if text.endswith(",") else ""
        parts = operator_split(text.removesuffix(","), masked.removesuffix(","))
        part, part_mask = parts[-1]
        parts[-1] = part + comma, part_mask + comma
        return [
            line for part, part_mask in parts for line in fit(indent, part, line_length, masked=part_mask)
        ]
    split = last_brackets(text, masked)
    target = (assignment_target(text, masked) or annotation_target(text, masked)) if assignment else None
    if target is not None:
        try:
            lines = split_value(indent, text, masked, target, split, line_length)
            if fits_in(lines[0], line_length) or (
                split and keeps_long_head(indent, text, target, split, line_length)
            ):
                return lines
        except Unsupported:
            pass
        # The line still starts too long: black splits the annotation instead (below).
        annotated = ANNOTATED.match(text)
        if annotated is None:
            raise Unsupported("a long assignment target")
        return annotation_split(
            indent, annotated.group(1), annotated.group(2), annotated.group(3) or "", line_length
        )
    if split is None:
        return [indent + text]  # nothing to split at: black leaves it long
    return bracket_split(indent, text, masked, split, line_length)


def split_value(
    indent: str, text: str, masked: str, target: str, split: tuple[int, int] | None, line_length: int
) -> list[str]:
    """An assigned (or returned) value split at its own brackets, or wrapped in parentheses."""
    value, value_mask = text[len(target) :], masked[len(target) :]
    delimiters = top_level_operators(value_mask)
    if delimiters:
        if len(delimiters) == 1 and (value[0] in OPEN or value[-1] in CLOSE):
            raise Unsupported("one operator in a value that starts or ends with a bracket")
        return optional_parens(indent, target, value, value_mask, line_length)
    if split is None or split[0] < len(target):
        return optional_parens(indent, target, value, value_mask, line_length)
    head = split[0] + 1
    if not prefers_own_brackets(indent, target, text[:head], masked[:head], line_length):
        return optional_parens(indent, target, value, value_mask, line_length)
    long_head = keeps_long_head(indent, text, target, split, line_length)
    return bracket_split(indent, text, masked, split, line_length, long_head=long_head)


def keeps_long_head(indent: str, text: str, target: str, split: tuple[int, int], line_length: int) -> bool:
    """``NAME = callee(`` too long for a line, and ``NAME = (`` too: black then splits at the
    call's brackets all the same and leaves that first line long. (It would wrap the value in
    parentheses if every line that made fitted, and ``NAME = (`` is the first of them.)"""
    head = indent + text[: split[0] + 1]
    return (
        not fits_in(head, line_length)
        and target.endswith(" = ")
        and target[:-3].isidentifier()
        and text[len(target) : split[0]].isidentifier()
        and not fits_in(indent + target + "(", line_length)
    )


def annotation_split(indent: str, name: str, annotation: str, tail: str, line_length: int) -> list[str]:
    """A long annotation, as black splits it: at its own brackets if it ends with some and has
    no operator, else in parentheses (``name: (`` / annotation / ``) = value``), a plain one
    only if it then fits; whatever follows it (`` = value``) follows the last line, split at
    its own brackets where black splits it. Shapes where black does otherwise are left to
    black (``tests/test_layout.py`` generates them, long names and values included).

    The annotation ends at the first `` = `` even inside a string, so the pieces are masked
    afresh, each on its own."""
    inner = indent + "    "
    annotation_mask = mask(annotation)
    operators = top_level_operators(annotation_mask)
    split = None if operators else last_brackets(annotation, code(annotation_mask))
    if split is not None:
        text = name + annotation
        lines = bracket_split(
            indent, text, mask(text), (split[0] + len(name), split[1] + len(name)), line_length
        )
        lines[-1] += tail
    elif operators or fits_in(inner + annotation, line_length):
        lines = [indent + name + "(", *fit(inner, annotation, line_length), indent + ")" + tail]
        value_split = last_brackets(tail, code(mask(tail)))
        long_name = not fits_in(indent + name + "(", line_length)
        if value_split is not None and (long_name or not fits_in(lines[-1], line_length)):
            # black splits the value at its brackets too: always when the name's line is too
            # long, else only after an annotation with an operator and a ``) = value`` too long
            if not operators and not long_name:
                raise Unsupported("a plain annotation and a long value")
            last = ")" + tail
            lines[-1:] = bracket_split(
                indent, last, mask(last), (value_split[0] + 1, value_split[1] + 1), line_length
            )
    elif tail:
        raise Unsupported("a long name, a long plain annotation and a value")
    else:
        return [indent + name + annotation]  # black: wrapping it would not make it fit
    if not fits_in(lines[-1], line_length):
        raise Unsupported("a long line after a split annotation")
    return lines


def assignment_target(text: str, masked: str) -> str | None:
    """``target = `` (or ``return ``) of a statement whose value black wraps in optional
    parentheses when it must, else None."""
    if text.startswith("return "):
        return "return "
    found = top_level(masked, " = ")
    return text[: found[0] + 3] if found else None


def annotation_target(text: str, masked: str) -> str | None:
    """``name: `` of an annotation without a value (black wraps a long annotation too)."""
    m = NAME.match(text)
    return m.group() if m and "=" not in masked else None


def left_hand_split(indent: str, text: str, masked: str, line_length: int) -> list[str]:
    """A long ``class``/``def`` line: split at its first bracket (black's ``left_hand_split``)."""
    start = text.find("(")
    if not text.endswith(":"):
        raise Unsupported("a block header of another shape")
    if start == -1:
        return [indent + text]  # nothing to split at: black leaves it long
    pairs = bracket_pairs(masked)
    end = next(e for s, e in pairs if s == start)
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    if not body:
        raise Unsupported("empty brackets")
    elements = top_level_split(body, masked[start + 1 : end].strip())
    one_param_def = text.startswith("def ") and len(elements) == 1
    inner = indent + "    "
    if not body.endswith(",") and not one_param_def and fits_in(inner + body, line_length):
        lines = [inner + body]
    elif len(elements) == 1 and not one_param_def and not body.endswith(","):
        # One base too long for its line: no comma to split at, and none added (a class is
        # not a ``def``, whose lone parameter black gives a trailing comma).
        lines = fit(inner, body, line_length, masked=masked[start + 1 : end].strip())
    else:
        lines = one_a_line(inner, elements, line_length)
    return [indent + head, *lines, *return_annotation(indent, tail, line_length)]


def return_annotation(indent: str, tail: str, line_length: int) -> list[str]:
    """The ``) -> Name:`` that ends a split ``def``: black wraps a long one in parentheses if
    the name then fits, else leaves it long."""
    if fits_in(indent + tail, line_length):
        return [indent + tail]
    name = tail.removeprefix(") -> ").removesuffix(":")
    if len(name) != len(tail) - len(") -> :") or not name.isidentifier():
        raise Unsupported("a long return annotation of another shape")
    if not fits_in(indent + "    " + name, line_length):
        return [indent + tail]
    return [indent + ") -> (", indent + "    " + name, indent + "):"]


def prefers_own_brackets(indent: str, target: str, head: str, head_mask: str, line_length: int) -> bool:
    """black's choice (``_prefer_split_rhs_oop_over_rhs``) between splitting an assigned value
    at its own last brackets and wrapping it in parentheses."""
    if not target.endswith(" = "):
        return True  # `return` or an annotation: black only weighs parentheses after `=`
    lhs = target[:-3]
    # An annotation is in (invisible) parentheses, so an annotated target has brackets too.
    if "(" not in lhs and "[" not in lhs and "{" not in lhs and not NAME.match(lhs):
        return True
    if not fits_in(indent + target, line_length - 1):
        return True
    value_head = head_mask[len(target) :]
    if ")" in value_head or "]" in value_head or "}" in value_head:
        return True
    return fits_in(indent + head, line_length)


def optional_parens(indent: str, target: str, value: str, value_mask: str, line_length: int) -> list[str]:
    """``target = (`` / value / ``)``; black leaves the line long when that does not help."""
    inner = indent + "    "
    if not fits_in(indent + target + "(", line_length):
        raise Unsupported("a long assignment target")
    if fits_in(inner + value, line_length):
        return [indent + target + "(", inner + value, indent + ")"]
    if last_brackets(value, value_mask) is None and not top_level_operators(value_mask):
        if not other_brackets(target):
            return [indent + target + value]  # black: wrapping it would not make it fit
        # black first tries the target's own brackets (an annotation's are invisible), and
        # rather than split there wraps the value, fitting or not
        return [indent + target + "(", inner + value, indent + ")"]
    return [indent + target + "(", *fit(inner, value, line_length, masked=value_mask), indent + ")"]


def other_brackets(target: str) -> bool:
    """An assignment's target with brackets of its own: an annotation (black puts it in
    invisible parentheses) or a subscript. (A bare annotation, ``name: `` with no value,
    is the atom itself.)"""
    return target.endswith(" = ") and any(c in code(mask(target)) for c in ":[(")


def bracket_split(
    indent: str, text: str, masked: str, split: tuple[int, int], line_length: int, long_head: bool = False
) -> list[str]:
    """``head(`` / body / ``)``: the body on one line if it fits and need not explode, else
    one element a line (or the one element split in turn). A head too long for its line is
    left to black, unless the caller knows black keeps it (``long_head``)."""
    start, end = split
    head, body, tail = text[: start + 1], text[start + 1 : end].strip(), text[end:]
    inner = indent + "    "
    if not long_head and not fits_in(indent + head, line_length):
        raise Unsupported("a head too long to split after")
    if not body:
        raise Unsupported("empty brackets")
    # A body that fits stays on one line unless it ends with a comma or is a display of more
    # than one element (black explodes those).
    fits = not body.endswith(",") and fits_in(inner + body, line_length)
    if fits and not is_display(text, start):
        return [indent + head, inner + body, indent + tail]
    body_mask = masked[start + 1 : end].strip()
    if _NOT_ELEMENTS.search(outside_brackets(body_mask)):
        raise Unsupported("a comprehension or a lambda: its commas do not separate elements")
    elements = top_level_split(body, body_mask)
    if fits and len(elements) <= 1:
        lines = [inner + body]
    elif len(elements) > 1 or body.endswith(","):
        lines = one_a_line(inner, elements, line_length)
    else:
        lines = fit(inner, body, line_length, masked=body_mask)
    return [indent + head, *lines, indent + tail]


def one_a_line(indent: str, elements: list[tuple[str, str]], line_length: int) -> list[str]:
    """Each element (with its mask) on its own line(s), with a trailing comma."""
    lines = []
    for element, element_mask in elements:
        line = indent + element + ","
        if fits_in(line, line_length) and not MAYBE_MAGIC.search(element):
            lines.append(line)  # as fit leaves a line that fits, without calling it
        else:
            lines.extend(fit(indent, element + ",", line_length, masked=element_mask + ","))
    return lines


def import_split(indent: str, text: str, line_length: int) -> list[str]:
    """black explodes a long ``from x import a, b`` one name per line, with a trailing comma."""
    m = FROM_IMPORT.fullmatch(text)
    if m is None:
        raise Unsupported("an import of another shape")
    names = [n.strip() for n in m.group(2).split(",") if n.strip()]
    return [indent + m.group(1) + "(", *(f"{indent}    {n}," for n in names), indent + ")"]
