"""A markdown file as the dialects read it: a title, an intro and sections of blocks.

Table cells and paragraphs keep their raw inline markdown (links, emphasis, code spans),
because that is where the docs put their meaning. Two readers make pages: the plain
one (:mod:`generator.plain_markdown`) for the subset of markdown SDK docs are written
in, and markdown-it (:mod:`generator.markdown`) for everything else; they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Union

from .diagnostics import Location


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Code:
    info: str
    text: str
    line: int
    """The line of the opening fence; the code starts on the next one."""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Paragraph, ...]
    line: int


Block = Union[Paragraph, Table, Code, BulletList]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    title: str
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """One markdown file, split at its headings."""

    path: str
    """The path as diagnostics show it."""
    rel: str
    """The path relative to the source root, with forward slashes."""
    title: str | None
    title_line: int
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    def at(self, line: int) -> Location:
        return Location(self.path, line)

    def section(self, title: str, level: int = 2) -> Section | None:
        for section in self.sections:
            if section.level == level and section.title.strip().lower() == title.lower():
                return section
        return None


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
    return Page(path, rel, title, title_line, tuple(intro), tuple(sections))
