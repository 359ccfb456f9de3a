"""A markdown file as the dialects read it: a title, an intro and sections of blocks.

Table cells and paragraphs keep their raw inline markdown (links, emphasis, code spans),
because that is where the docs put their meaning. Two readers make pages: the plain
one (:mod:`generator.plain_markdown`) for the subset of markdown SDK docs are written
in, and markdown-it (:mod:`generator.markdown`) for everything else; they agree.

The records are frozen msgspec Structs, as the intermediate model's are (see :mod:`.ir`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from .diagnostics import Location


class Paragraph(msgspec.Struct, frozen=True):
    text: str
    line: int


class Row(msgspec.Struct, frozen=True):
    cells: tuple[str, ...]
    line: int


class Table(msgspec.Struct, frozen=True):
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int


class Code(msgspec.Struct, frozen=True):
    info: str
    text: str
    line: int
    """The line of the opening fence; the code starts on the next one."""


class BulletList(msgspec.Struct, frozen=True):
    items: tuple[Paragraph, ...]
    line: int


Block = Paragraph | Table | Code | BulletList


class Heading(msgspec.Struct, frozen=True):
    level: int
    title: str
    line: int


class Section(msgspec.Struct, frozen=True):
    level: int
    title: str
    line: int
    blocks: tuple[Block, ...]


class Page(msgspec.Struct, frozen=True):
    """One markdown file, split at its headings."""

    path: str
    """The path as diagnostics show it."""
    rel: str
    """The path relative to the source root, with forward slashes."""
    title: str | None
    title_line: int
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    by_title: Mapping[tuple[int, str], Section]
    """The first section of each level and title (stripped, lower case): :func:`index`."""

    def at(self, line: int) -> Location:
        return Location(self.path, line)

    def section(self, title: str, level: int = 2) -> Section | None:
        """The first section of this level whose title is ``title``, ignoring case."""
        return self.by_title.get((level, title.lower()))

    def titles(self, level: int = 2) -> set[str]:
        """The titles of the sections of one level, stripped and in lower case."""
        return {title for lvl, title in self.by_title if lvl == level}


def index(sections: Iterable[Section]) -> dict[tuple[int, str], Section]:
    """Sections by level and title (stripped, lower case), the first of each: the dialects
    look sections up by name several times a page."""
    found: dict[tuple[int, str], Section] = {}
    for section in sections:
        found.setdefault((section.level, section.title.strip().lower()), section)
    return found


def assemble(path: str, rel: str, items: Iterable[Heading | Block]) -> Page:
    """A page from its headings and blocks in document order: the first level-1 heading
    before any section is the title; blocks before the first other heading are the intro."""
    title: str | None = None
    title_line = 0
    intro: list[Block] = []
    sections: list[Section] = []
    current = intro
    heading: Heading | None = None
    for item in items:
        if not isinstance(item, Heading):
            current.append(item)
            continue
        if heading is not None:
            sections.append(Section(heading.level, heading.title, heading.line, tuple(current)))
        if item.level == 1 and title is None and not sections:
            title, title_line = item.title, item.line
            current, heading = intro, None
        else:
            current, heading = [], item
    if heading is not None:
        sections.append(Section(heading.level, heading.title, heading.line, tuple(current)))
    return Page(path, rel, title, title_line, tuple(intro), tuple(sections), index(sections))
