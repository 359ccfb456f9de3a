"""Put a plan on disk without losing anything, or say what putting it there would change.

* A file is rewritten only if its text changed (unchanged files keep their mtime).
* Each write is atomic: a temporary file in the same directory, then a rename; a run
  stopped between two writes leaves every file either old or new.
* A generated file (it starts with gen-models' header) that the plan no longer holds
  is removed; a file without the header is never changed or removed, and if the plan
  needs its place the run stops before writing anything.
* The output may not be the source, nor lie inside it, nor hold it.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import posixpath
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.diagnostics import Diagnostic, GenerationFailed, Location, error
from ..speed.executor import pmap

if TYPE_CHECKING:
    from ..core.pipeline import Plan


@dataclass(frozen=True)
class Changes:
    """What writing a plan to ``root`` would do; paths are relative to ``root``."""

    root: Path
    create: dict[str, str]
    change: dict[str, str]
    unchanged: tuple[str, ...]
    remove: tuple[str, ...]
    mark: bytes
    """The header of the output's files: what marks a file as gen-models'."""
    existed: bool = True
    """The output was there when these changes were found."""

    def __bool__(self) -> bool:
        return bool(self.create or self.change or self.remove)

    def again(self, plan: Plan) -> Changes:
        """The changes to make now: these, unless the output appeared or went since they were
        found (another run wrote it meanwhile), when they are found again."""
        return self if os.path.lexists(self.root) == self.existed else changes(plan, self.root)

    def listing(self) -> list[str]:
        """One line per file that would change: ``would create out/a.py``."""
        lines = [f"would create {self.root / p}" for p in self.create]
        lines += [f"would change {self.root / p}" for p in self.change]
        return lines + [f"would remove {self.root / p}" for p in self.remove]

    def diff(self) -> str:
        from difflib import unified_diff

        chunks = []
        for rel in sorted({*self.create, *self.change, *self.remove}):
            path = self.root / rel
            old = (
                path.read_text("utf-8").splitlines(keepends=True)
                if rel in self.change or rel in self.remove
                else []
            )
            new = (self.create.get(rel) or self.change.get(rel) or "").splitlines(keepends=True)
            before = str(path) if old else "/dev/null"
            after = str(path) if new else "/dev/null"
            chunks.append("".join(unified_diff(old, new, before, after)))
        return "".join(chunks)


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def is_generated(path: Path, mark: bytes) -> bool:
    """The file starts with ``mark`` (an output's header)."""
    try:
        with path.open("rb") as f:
            return f.read(len(mark)) == mark
    except OSError:
        return False


def check_paths(source: Path, out: Path) -> None:
    """Refuse an output that is the source, or inside it, or that holds it; a symbolic link
    that leads nowhere; one inside something that is not a directory."""
    src, dst = source.resolve(), out.resolve()
    why = None
    blocker = next(
        (p for p in [out, *out.parents] if p != out and os.path.lexists(p) and not p.is_dir()), None
    )
    if os.path.islink(out) and not out.exists():
        why = "is a symbolic link to nothing"
    elif blocker is not None:
        why = f"is inside {blocker}, which is not a directory"
    elif os.path.lexists(out) and not out.is_dir():
        why = "is not a directory"
    elif src == dst:
        why = "is the source directory"
    elif dst.is_relative_to(src):
        why = f"is inside the source directory {source}"
    elif src.is_relative_to(dst):
        why = f"holds the source directory {source}"
    if why:
        raise GenerationFailed(
            (error(Location(str(out)), f"the output {why}: choose another output directory"),)
        )


def changes(plan: Plan, out: str | Path) -> Changes:
    """What writing the plan to ``out`` would do. Reads, never writes.

    Raises :class:`GenerationFailed` if a planned file would replace a file gen-models
    did not write, or anything but a directory stands where a directory must go.
    """
    root = Path(out)
    check_paths(plan.source, root)
    from ..core.outputs import output  # imported once there is output to write: not before reading

    made_by = output(plan.options)
    mark = made_by.header
    if not os.path.lexists(root):  # a new output: everything is created, nothing is in the way
        return Changes(root, dict(plan.files), {}, (), (), mark, existed=False)
    create: dict[str, str] = {}
    change: dict[str, str] = {}
    unchanged: list[str] = []
    problems: list[Diagnostic] = []
    checked: dict[Path, Path | None] = {}
    for rel, text in plan.files.items():
        path = root / rel
        blocked = _blocked(path.parent, root, checked)
        if blocked is not None:
            problems.append(
                error(Location(str(blocked)), "is not a directory, but gen-models must write inside it")
            )
            continue
        try:
            kind = os.lstat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            create[rel] = text
            continue
        if not stat.S_ISREG(kind):
            problems.append(
                error(Location(str(path)), "is not a regular file: gen-models will not replace it")
            )
            continue
        current = _read(path)
        if current is None or not current.startswith(mark):
            problems.append(
                error(Location(str(path)), "exists and was not generated by gen-models: not overwritten")
            )
        elif current == text.encode():
            unchanged.append(rel)
        else:
            change[rel] = text
    if problems:
        raise GenerationFailed(tuple(problems))
    stale = _stale(plan, root, mark, made_by.suffixes)
    return Changes(root, create, change, tuple(sorted(unchanged)), tuple(stale), mark)


def _blocked(directory: Path, root: Path, checked: dict[Path, Path | None]) -> Path | None:
    """The first of ``directory`` and its parents up to ``root`` that exists but is not a
    directory gen-models may write in (a file, a symlink), if any."""
    if directory in checked:
        return checked[directory]
    found = None
    if directory != root and directory.is_relative_to(root):
        found = _blocked(directory.parent, root, checked)
    if found is None and directory.exists() and (directory.is_symlink() or not directory.is_dir()):
        found = directory
    checked[directory] = found
    return found


# How _atomic_write names its temporary files; a killed run can leave one behind.
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".gen-models-", ".tmp"
_TEMPORARY = re.compile(f"^{re.escape(_TEMPORARY_PREFIX)}.+{re.escape(_TEMPORARY_SUFFIX)}$")


def _temporary_prefix(name: str) -> str:
    """The start of a temporary file's (or directory's) name beside ``name``: its first 64
    characters, so that the name stays within the file system's 255 bytes."""
    return f"{_TEMPORARY_PREFIX}{name[:64]}-"


def _stale(plan: Plan, root: Path, mark: bytes, suffixes: tuple[str, ...]) -> list[str]:
    """Generated modules under ``root`` that the plan does not make, and the temporary files
    of a run that was killed while writing."""
    stale = []
    top = str(root)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        rel_dir = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else f"{rel_dir}/"
        for name in sorted(filenames):
            rel = prefix + name
            if rel in plan.files:
                continue
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            if _TEMPORARY.match(name) and _begins_like_ours(path, mark):
                stale.append(rel)  # a write that a killed run cut short
            elif name.endswith(suffixes) and is_generated(path, mark):
                stale.append(rel)
    return stale


def apply(changes: Changes, jobs: int | None = None) -> WriteResult:
    """Write what changed (atomically, file by file), then remove what is stale.

    An output directory that does not exist yet is made whole under a temporary name
    beside it and renamed into place: no reader ever sees part of it. ``jobs`` is as
    :func:`~generator.speed.executor.pmap`'s (a new tree is written in worker processes too).
    """
    written = {**changes.create, **changes.change}
    if written and not os.path.lexists(changes.root):
        _write_new_tree(changes.root, changes.create, changes.mark, jobs)
        return WriteResult(tuple(written), changes.unchanged, changes.remove)
    made: set[Path] = set()
    for rel, text in written.items():
        path = changes.root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        _atomic_write(path, text.encode(), replacing=rel in changes.change)
    for rel in changes.remove:
        path = changes.root / rel
        path.unlink(missing_ok=True)  # gone already: another run removed it
        _remove_empty_dirs(path.parent, changes.root)
    return WriteResult(tuple(written), changes.unchanged, changes.remove)


@contextmanager
def writing_lock(root: Path) -> Iterator[None]:
    """Hold the output while it is written: a second gen-models writing the same output waits
    for the first (a lock file in gen-models' cache directory, never in the user's tree).
    Where locks cannot be taken, writing goes on without one."""
    try:
        import fcntl

        from ..speed.runcache import cache_dir

        locks = cache_dir() / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]
        handle = open(locks / f"{name}.lock", "a")
        os.utime(handle.fileno())  # used now: kept by the cache's pruning (runcache.prune)
    except (ImportError, OSError):
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write(plan: Plan, out: str | Path) -> WriteResult:
    """Write a plan to ``out``: :func:`changes`, then :func:`apply`, holding the output."""
    with writing_lock(Path(out)):
        return apply(changes(plan, out))


def _atomic_write(path: Path, data: bytes, replacing: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(path.name), suffix=_TEMPORARY_SUFFIX, dir=path.parent)
    try:
        try:
            os.fchmod(fd, _mode_of(path) if replacing else _new_file_mode())  # mkstemp makes 0600
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_new_tree(root: Path, files: dict[str, str], mark: bytes, jobs: int | None) -> None:
    """Make ``root`` (which does not exist) with these files: in a temporary directory beside
    it, then one rename. A run killed before the rename leaves only that directory, which the
    next run over the same output removes."""
    root.parent.mkdir(parents=True, exist_ok=True)
    _remove_staging_leftovers(root, mark)
    staging = Path(
        tempfile.mkdtemp(prefix=_temporary_prefix(root.name), suffix=_TEMPORARY_SUFFIX, dir=root.parent)
    )
    try:
        for directory in sorted({posixpath.dirname(rel) for rel in files} - {""}):
            os.makedirs(staging / directory, exist_ok=True)
        # Creating files is mostly the kernel's work, and two processes do it in two thirds
        # of the time one takes (10,000 files: 0.5 s, 0.33 s), even in one directory.
        pmap(functools.partial(_create, str(staging)), list(files.items()), jobs=jobs)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it 0700
        os.rename(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _create(directory: str, file: tuple[str, str]) -> None:
    """One new file (path relative to ``directory``, text)."""
    rel, text = file
    fd = os.open(os.path.join(directory, rel), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        _write_all(fd, text.encode())
    finally:
        os.close(fd)


def _mode_of(path: Path) -> int:
    """A replaced file keeps its permissions."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return _new_file_mode()


def _new_file_mode() -> int:
    """What ``open`` gives a new file."""
    return 0o666 & ~_umask()


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_staging_leftovers(root: Path, mark: bytes) -> None:
    """The temporary directories that killed runs left beside ``root``, if all they hold is
    gen-models' own files (anything else in them is left alone)."""
    pattern = f"{glob.escape(_temporary_prefix(root.name))}*{_TEMPORARY_SUFFIX}"
    for leftover in root.parent.glob(pattern):
        if not leftover.is_dir() or leftover.is_symlink():
            continue
        files = [p for p in leftover.rglob("*") if not p.is_dir() or p.is_symlink()]
        if all(p.is_file() and not p.is_symlink() and _begins_like_ours(p, mark) for p in files):
            shutil.rmtree(leftover)


def _begins_like_ours(path: Path, mark: bytes) -> bool:
    """Starts with gen-models' header, or is shorter and a start of it (a write cut short)."""
    try:
        with path.open("rb") as f:
            head = f.read(len(mark))
    except OSError:
        return False
    return head == mark[: len(head)]


def _remove_empty_dirs(directory: Path, root: Path) -> None:
    """Remove the directories a removal left empty (only empty ones: nothing else is touched)."""
    while directory != root and directory.is_relative_to(root) and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
