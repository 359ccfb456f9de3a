"""Doc text into Python source, safely: docstrings, comments and literals.

Nothing from a doc is ever pasted into code. Text becomes a string literal through
escaping that leaves no way to end the literal early, and other values go out
through ``repr``. This is a security boundary: a description must stay data.

Which characters are escaped is a fixed list, not ``str.isprintable``, whose answer
changes with the Unicode version of the Python running gen-models: the same docs
must give the same bytes everywhere.
"""

from __future__ import annotations

import functools
import re

# Controls, white space other than the plain space (black strips it at line ends),
# line and paragraph separators, bidirectional overrides (Trojan Source), the BOM and
# lone surrogates: escaped wherever doc text becomes source.
_ESCAPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\xa0\u061c\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000"
    "\ufeff\ud800-\udfff]"
)


def _hex(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def clean_text(text: str) -> str:
    """Description text in the form a docstring keeps through black and ``inspect.cleandoc``.

    Tabs become spaces, lines lose trailing spaces, the text loses blank lines at its
    ends and leading spaces on its first line, and later lines lose their common indent.
    """
    if "\n" not in text and "\t" not in text:
        return text.strip(" ")  # one line: all the rules come to this
    lines = [line.expandtabs(8).rstrip(" ") for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip(" "):
        lines.pop(0)
    while lines and not lines[-1].strip(" "):
        lines.pop()
    if not lines:
        return ""
    rest = lines[1:]
    indent = min((len(line) - len(line.lstrip(" ")) for line in rest if line), default=0)
    return "\n".join([lines[0].lstrip(" ")] + [line[indent:] for line in rest])


def _unescaped(text: str) -> bool:
    """No character of ``text`` is one ``_ESCAPED`` lists (tabs and newlines are not).

    A quick yes first: ASCII text (``isascii`` takes constant time) that ``isprintable``
    accepts has none, and for ASCII that answer does not depend on the Unicode version.
    """
    if text.isascii() and text.isprintable():
        return True
    return _ESCAPED.search(text) is None


@functools.lru_cache(maxsize=4096)  # docs repeat descriptions: a field's is often another's
def docstring(text: str) -> str:
    """A triple-quoted literal whose value is ``clean_text(text)``.

    Backslashes and controls are escaped; so are runs of three or more double quotes and a
    double quote at either end, which would otherwise end the literal (or make black pad it).
    """
    out = clean_text(text)
    if (
        "\\" not in out
        and '"""' not in out
        and not out.startswith('"')
        and not out.endswith('"')
        and _unescaped(out)
    ):
        return f'"""{out}"""'  # nothing to escape: the common case, without regexes
    out = out.replace("\\", "\\\\")
    out = _ESCAPED.sub(lambda m: _hex(m.group()), out)
    out = re.sub(r'"{3,}', lambda m: '\\"' * len(m.group()), out)
    # A quote at either end: written \x22, for black pads a docstring whose text ends
    # (or starts) with a quote character, escaped or not.
    if out.endswith('"') and (len(out) - 1 - len(out[:-1].rstrip("\\"))) % 2 == 0:
        out = out[:-1] + "\\x22"
    elif out.endswith('\\"'):
        out = out[:-2] + "\\x22"
    if out.startswith('"'):
        out = "\\x22" + out[1:]
    elif out.startswith('\\"'):
        out = "\\x22" + out[2:]
    return f'"""{out}"""'


@functools.lru_cache(maxsize=4096)  # and names, and type names
def string(value: str) -> str:
    """A one-line literal whose value is exactly ``value``, quoted as black quotes it:
    double quotes, unless the value holds more double quotes than single ones."""
    if "\\" not in value and '"' not in value and value.isascii() and value.isprintable():
        return f'"{value}"'  # nothing to escape (ASCII controls, tabs and newlines aside)
    out = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    out = _ESCAPED.sub(lambda m: _hex(m.group()), out)
    if value.count('"') > value.count("'"):
        return "'" + out.replace("'", "\\'") + "'"
    return '"' + out.replace('"', '\\"') + '"'


def comment(text: str) -> str:
    """Text for one comment line: nothing in it can end the line."""
    if "\n" not in text and _unescaped(text):
        return text
    return _ESCAPED.sub(lambda m: _hex(m.group()), text.replace("\n", "\\n"))


def literal(value: object) -> str:
    """A Python literal for a value from a doc: a scalar, or lists and string-keyed maps of them."""
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return f'float("{value}")'
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    raise TypeError(f"no literal for {type(value).__name__}")
