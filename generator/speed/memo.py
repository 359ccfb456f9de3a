"""Reuse the last run's work on what has not changed since: the run after one doc edit.

Two memos per job, kept beside the run cache (:func:`runcache.cache_dir`):

* docs read: (doc, hash of its bytes) -> the model it documents and what reading it found;
* files made: hash of (template, view) -> the file's final text. A view holds everything its
  template uses (the model, the names and kinds of the models it refers to, the options),
  and rendering and formatting are pure functions of the template and the view, so an
  equal view makes an equal file. A doc edit changes the views of the models it touches
  (its own, and those that refer to it); every other file is reused.

Both hold only for the gen-models code, black, templates, name map and options they were
made with: the memo records those (:func:`runcache.inputs` without the docs), and a memo
made with others starts empty. A run appends what it made as one record; when a memo holds
more that the run did not use than it used, it is rewritten with only what was used, so it
stays about one tree's worth. A memo that cannot be read or written only costs time.

Saving never delays a run: the command saves its memos after its output is written, in a
process of their own that outlives it (:func:`save_detached`), holding each memo's lock
until it is written; the next run's :meth:`Memo.load` waits for that lock.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..core.options import Options
from ..core.pipeline import DocKey, DocRead
from . import runcache

FORMAT = 2


def digest(*parts: str | bytes) -> bytes:
    """A hash of the parts (each length-prefixed, so no two sequences share one): SHA-256,
    which CPUs hash in hardware (twice blake2b's speed here, on every doc's bytes), cut to
    16 bytes."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()[:16]


class Memo:
    """The memos of one job (the :class:`~generator.core.pipeline.Reuse` a run's
    :class:`~generator.core.pipeline.Runner` is given). ``Memo()`` is an empty one that is
    never saved."""

    def __init__(self, path: Path | None = None, identity: bytes = b"") -> None:
        self.path = path
        self.identity = identity
        self.docs: dict[DocKey, DocRead] = {}
        self.files: dict[bytes, str] = {}
        self._used_docs: dict[DocKey, DocRead] = {}
        self._used_files: dict[bytes, str] = {}
        self._valid = False
        """The memo file was made with the same identity: records can be appended to it."""

    @classmethod
    def load(cls, source: Path, output: Path, options: Options, inputs: dict[str, Any]) -> Memo:
        """The job's memo; ``inputs`` is what :func:`runcache.inputs` says of it. Waits for a
        run still saving it."""
        state = {k: v for k, v in inputs.items() if k != "docs"}
        identity = digest(str(FORMAT), json.dumps(state, sort_keys=True))
        key = runcache.job_key(source, output, options)
        path = runcache.cache_dir() / f"memo-{key}.pickle"
        memo = cls(path, identity)
        try:
            with _shared_lock(memo.lock_path), open(path, "rb") as f:
                if pickle.load(f) != identity:
                    return memo
                memo._valid = True
                while True:  # the records that runs appended, up to the end or a broken one
                    docs, files = pickle.load(f)
                    memo.docs.update(docs)
                    memo.files.update(files)
        except Exception:  # the end, or a missing, old or broken memo: what was read stands
            pass
        return memo

    @property
    def lock_path(self) -> Path:
        assert self.path is not None
        return self.path.parent / "locks" / (self.path.stem + ".lock")

    @property
    def knows_docs(self) -> bool:
        return bool(self.docs)

    def known_doc(self, key: DocKey) -> DocRead | None:
        found = self.docs.get(key)
        if found is not None:
            self._used_docs[key] = found
        return found

    def keep_doc(self, key: DocKey, read: DocRead) -> None:
        self._used_docs[key] = read

    def known_file(self, key: bytes) -> str | None:
        return self.files.get(key)

    def keep_file(self, key: bytes, text: str) -> None:
        self._used_files[key] = text

    @property
    def reused(self) -> tuple[int, int]:
        """(docs, files) this run took from the memo."""
        return (
            sum(k in self.docs for k in self._used_docs),
            sum(k in self.files for k in self._used_files),
        )

    def save(self) -> None:
        """Add what this run read and made to the memo file (or rewrite it with only that,
        when what the run did not use outweighs it)."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            docs, files = self._used_docs, self._used_files
            if not self._valid or _unused_outweigh(self.docs, docs) or _unused_outweigh(self.files, files):
                self._rewrite(docs, files)
            else:
                docs, files = _new(docs, self.docs), _new(files, self.files)
                if docs or files:
                    with open(self.path, "ab") as f:  # in one write: two runs' records never mix
                        f.write(pickle.dumps((docs, files), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a memo that cannot be written only costs time

    def _rewrite(self, docs: dict[DocKey, Any], files: dict[bytes, str]) -> None:
        assert self.path is not None
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".memo-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(self.identity, f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump((docs, files), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


def save_detached(memos: list[Memo]) -> None:
    """Save the memos in a process that outlives this one (so that the command exits as soon
    as its output is written), each memo's lock taken here first and held there until it is
    written. Where processes cannot be forked, here and now."""
    memos = [m for m in memos if m.path is not None]
    if not memos:
        return
    if not hasattr(os, "fork"):
        for memo in memos:
            memo.save()
        return
    locks = [_open_lock(m.lock_path) for m in memos]
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # a child that forks the saver and ends: the saver is nobody's child to wait for
        try:
            if os.fork() == 0:
                _become_quiet()
                for memo in memos:
                    memo.save()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    for lock in locks:
        if lock is not None:
            lock.close()  # the saver holds the same locks until it is done


def _become_quiet() -> None:
    """A saver's detachment: its own session, no terminal, the lowest priority."""
    try:
        os.setsid()
        os.nice(19)
    except OSError:
        pass
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)


def _open_lock(path: Path) -> IO[bytes] | None:
    """The lock file, locked exclusively (None where locks cannot be taken)."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "ab")
        fcntl.flock(handle, fcntl.LOCK_EX)
        os.utime(handle.fileno())  # used now: kept by the cache's pruning (runcache.prune)
        return handle
    except (ImportError, OSError):
        return None


@contextmanager
def _shared_lock(path: Path) -> Iterator[None]:
    """Hold ``path``'s lock, shared, while the block runs: once no saver holds it (nothing,
    where there is no lock file or locks cannot be taken)."""
    try:
        import fcntl

        handle = open(path, "rb") if path.exists() else None
    except (ImportError, OSError):
        handle = None
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


def _unused_outweigh(held: dict[Any, Any], used: dict[Any, Any]) -> bool:
    """The memo holds more records that the run did not use than it used: rewrite it."""
    return len(held.keys() - used.keys()) > len(used)


def _new(used: dict[Any, Any], held: dict[Any, Any]) -> dict[Any, Any]:
    """The records the run used that the memo does not hold yet: to append."""
    return {k: v for k, v in used.items() if k not in held}
