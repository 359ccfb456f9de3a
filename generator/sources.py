"""Find and read the markdown files of a docs tree: the only module that reads docs from disk.

Files are visited in sorted order (never the directory listing's order). Symbolic links
that lead outside the source tree are not followed (only a link can: the walk never
enters a directory outside it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, DocError, Location, warning
from .markdown import decode, parse_page
from .page import Page


@dataclass(frozen=True, slots=True)
class Doc:
    rel: str
    """The path relative to the source root, forward slashes."""
    shown: str
    """The path as diagnostics show it: the source as the user gave it, joined with ``rel``."""
    path: str


def find_docs(root: Path, shown_root: str, diagnostics: list[Diagnostic]) -> list[Doc]:
    real_root = root.resolve()
    found: list[Doc] = []
    top = str(root)
    for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
        rel_dir = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else f"{rel_dir}/"
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            if os.path.islink(path) and _outside(path, real_root):
                diagnostics.append(
                    warning(
                        Location(_show(shown_root, prefix + name)), "links outside the source tree: not read"
                    )
                )
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if not name.endswith(".md"):
                continue
            path = os.path.join(dirpath, name)
            shown = _show(shown_root, prefix + name)
            if os.path.islink(path) and _outside(path, real_root):
                diagnostics.append(warning(Location(shown), "links outside the source tree: not read"))
                continue
            found.append(Doc(prefix + name, shown, path))
    found.sort(key=lambda d: d.rel)
    return found


def _outside(path: str, real_root: Path) -> bool:
    try:
        Path(path).resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return True
    return False


def _show(shown_root: str, rel: str) -> str:
    return os.path.join(shown_root, *rel.split("/"))


def read_bytes(doc: Doc) -> bytes:
    """One doc's bytes; raise :class:`DocError` if it cannot be read."""
    try:
        return _read_file(doc.path)
    except OSError as exc:
        raise DocError(Location(doc.shown), f"cannot read: {exc.strerror or exc}") from None


def _read_file(path: str) -> bytes:
    """A file's bytes through the file descriptor alone: half what ``open(path, "rb")``
    costs, for the buffered reader and file object it builds are not needed to read once."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        while chunk := os.read(fd, _CHUNK):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_CHUNK = 1 << 20


def parse_doc(doc: Doc, data: bytes) -> tuple[Page, list[Diagnostic]]:
    """Parse one doc's bytes; raise :class:`DocError` if they are not text."""
    return parse_page(decode(data, doc.shown), doc.shown, doc.rel)
