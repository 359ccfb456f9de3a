"""The names a doc's own text mentions: the evidence :mod:`generator.wirenames` weighs.

A doc's field table shows a language's property names (``companyUuid``), and its examples
are written in those names. Its prose, code spans, enum values and string literals are
not: they often spell the API's own keys (``company_uuid``, ``requestID``, ``X-Api-Key``).
This module collects those spellings from everything on a page except the first column
of its tables (the names being judged) and the keys of its code blocks (the examples):

* in text (paragraphs, list items, table cells past the first, but for Type cells): code
  spans whole, and
  words that look like keys (with ``_``, ``-``, ``$`` or a capital letter after the first);
* in code blocks: the contents of string literals.

Pure: it reads the page and nothing else.
"""

from __future__ import annotations

import re

from .page import Block, BulletList, Code, Page, Paragraph, Table

_CODE_SPAN = re.compile(r"`([^`\n]{1,80})`")
_WORD = re.compile(r"[A-Za-z_$@][\w$@.-]*[\w$]|[A-Za-z_$]")
"""A run of characters a key may hold, starting as names do (``$ref``, ``X-Api-Key``, ``a.b``)."""
_KEYLIKE = re.compile(r"[_$@-]|.[A-Z]")
"""A word worth keeping from prose: not a plain English word (``status``, ``Status``)."""
_PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")
_HAS_KEYLIKE = re.compile(r"[_$@-]|[\w$@.][A-Z]")
"""Text that may hold a key-like word: a ``_$@-``, or a capital after a word's character."""
_STRING = re.compile(r"\"([^\"\\\n]{1,80})\"|'([^'\\\n]{1,80})'")


def mentions(page: Page, echoes: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every key-like spelling the page's text holds (see the module's docstring), but for
    the sections titled (in lower case) in ``echoes``: text the doc generator wrote from the
    names shown (Go's ``## Methods``: ``GetCreatedAt``), no evidence of the keys."""
    found: set[str] = set()
    for block in page.intro:
        _block(block, found)
    skipping = 0  # the level of the echo section being skipped (its subsections too)
    for section in page.sections:
        if skipping and section.level > skipping:
            continue
        skipping = section.level if section.title.strip().lower() in echoes else 0
        if skipping:
            continue
        for block in section.blocks:
            _block(block, found)
    return frozenset(found)


def _block(block: Block, found: set[str]) -> None:
    if isinstance(block, Paragraph):
        _text(block.text, found)
    elif isinstance(block, Table):
        # Not the first column (the names being judged), nor a Type column (model names).
        columns = [i for i, h in enumerate(block.header) if i and h.strip().lower() != "type"]
        for row in block.rows:
            for i in columns:
                if i < len(row.cells):
                    _text(row.cells[i], found)
    elif isinstance(block, BulletList):
        for item in block.items:
            _text(item.text, found)
    elif isinstance(block, Code):
        for m in _STRING.finditer(block.text):
            _words(m.group(1) or m.group(2), found, keylike_only=False)


def _text(text: str, found: set[str]) -> None:
    if "`" in text:
        for m in _CODE_SPAN.finditer(text):
            _words(m.group(1), found, keylike_only=False)
    _words(text, found, keylike_only=True)


def _words(text: str, found: set[str], keylike_only: bool) -> None:
    if keylike_only:
        if not _HAS_KEYLIKE.search(text):
            return  # most prose: no word in it looks like a key
    else:
        stripped = text.strip().strip("\"'")
        if _WORD.fullmatch(stripped):
            found.add(stripped)
    for m in _WORD.finditer(text):
        word = m.group()
        if keylike_only and (not _KEYLIKE.search(word) or _echoed(text, m.start(), word)):
            continue
        found.add(word)
        if "." in word:  # ``data.company_uuid``: each part is a name too
            found.update(part for part in word.split(".") if part)


def _echoed(text: str, start: int, word: str) -> bool:
    """A PascalCase word that opens a sentence of prose: a Go-style doc comment the generator
    copied (``CreatedAt is the time...``), which names the language's field, not the key."""
    if not _PASCAL.fullmatch(word):
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:"
