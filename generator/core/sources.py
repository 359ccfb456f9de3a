"""Find and read the markdown files of a docs tree: the only module that reads docs from disk.

Files are visited in sorted order (never the directory listing's order). Symbolic links
that lead outside the source tree are not followed (only a link can: the walk never
enters a directory outside it), nor those that lead to a directory they are in (a loop).
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import msgspec

from .diagnostics import Diagnostic, DocError, Location, warning


class Doc(msgspec.Struct, frozen=True):
    rel: str
    """The path relative to the source root, forward slashes."""
    shown: str
    """The path as diagnostics show it: the source as the user gave it, joined with ``rel``."""
    path: str


def find_docs(
    root: Path, shown_root: str, diagnostics: list[Diagnostic], exclude: tuple[str, ...] = ()
) -> tuple[list[Doc], list[str]]:
    """Every ``.md`` file under ``root`` but those whose path from it matches a glob of
    ``exclude`` (``*`` crosses ``/``); and the paths of those."""
    real_root = root.resolve()
    found: list[Doc] = []
    excluded: list[str] = []

    def walk(directory: str, prefix: str, above: frozenset[str]) -> None:
        """One directory: a warning for each link that leads out (its directories', then
        its files'), its docs, then its directories in turn, all in name order."""
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # unreadable, or gone: as os.walk, skipped
            return
        directories, files = [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # through a link, as the walk follows them
            except OSError:
                is_dir = False
            if is_dir and not entry.name.startswith("."):
                directories.append(entry)
            elif not is_dir and entry.name.endswith(".md"):
                files.append(entry)
        shown_dir = _show(shown_root, prefix.rstrip("/"))
        for kind in (directories, files):
            for entry in list(kind):
                if entry.is_symlink() and _outside(entry.path, real_root):
                    where = Location(os.path.join(shown_dir, entry.name))
                    diagnostics.append(warning(where, "links outside the source tree: not read"))
                    kind.remove(entry)
        for e in files:
            if exclude and any(fnmatch.fnmatchcase(prefix + e.name, glob) for glob in exclude):
                excluded.append(prefix + e.name)
            else:
                found.append(Doc(prefix + e.name, os.path.join(shown_dir, e.name), e.path))
        for entry in directories:
            real = os.path.realpath(entry.path)
            if real in above:  # a link to a directory this one is in: the walk would not end
                where = Location(os.path.join(shown_dir, entry.name))
                diagnostics.append(warning(where, "links to a directory it is in: not read again"))
                continue
            walk(entry.path, f"{prefix}{entry.name}/", above | {real})

    walk(str(root), "", frozenset({str(real_root)}))
    found.sort(key=lambda d: d.rel)
    return found, sorted(excluded)


def _outside(path: str, real_root: Path) -> bool:
    try:
        Path(path).resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return True
    return False


def _show(shown_root: str, rel: str) -> str:
    return os.path.join(shown_root, *rel.split("/")) if rel else shown_root


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
