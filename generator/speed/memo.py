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
made with others starts empty. A run appends what it made as two records, written by
background processes when they are large: the docs once all are read (while the run goes
on to resolve and render), the files once they are made. When a memo holds more that the
run did not use than it used, it is rewritten with only what was used, so it stays about
one tree's worth. A memo that cannot be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.options import Options
from ..core.pipeline import DocKey, DocRead
from . import runcache

FORMAT = 1
_SMALL = 50
"""Records of fewer docs and files than this are written without a background process."""


def digest(*parts: str | bytes) -> bytes:
    """A hash of the parts (each length-prefixed, so no two sequences share one)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


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
        self._saving_docs: Callable[[], None] | None = None
        """Waits for the docs part, when :meth:`reading_done` started saving it."""
        self._held_files: dict[bytes, str] = {}
        """The files the memo file holds once the docs part is saved."""

    @classmethod
    def load(cls, source: Path, output: Path, options: Options, inputs: dict[str, Any]) -> Memo:
        """The job's memo; ``inputs`` is what :func:`runcache.inputs` says of it."""
        state = {k: v for k, v in inputs.items() if k != "docs"}
        identity = digest(str(FORMAT), json.dumps(state, sort_keys=True))
        path = runcache.cache_dir() / f"memo-{runcache.job_key(source, output, options)}.pickle"
        memo = cls(path, identity)
        try:
            with open(path, "rb") as f:
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

    def reading_done(self) -> None:
        """Every doc of the run has been read: a memo with a file starts saving the docs part
        now, in a background process, while this one resolves and renders (pickling the
        models of 10,000 docs takes half a second; done later, it would compete with
        writing the output)."""
        if self.path is None or self._saving_docs is not None:
            return
        if not self._valid or _unused_outweigh(self.docs, self._used_docs):
            self._saving_docs = self._start(True, self._used_docs, {})
            self._held_files = {}
        else:
            self._saving_docs = self._start(False, _new(self._used_docs, self.docs), {})
            self._held_files = self.files

    def save(self) -> Callable[[], None]:
        """Add the files this run made to the memo (and the docs it read, if not done yet);
        returns a function that waits for the background process writing them, if any."""
        if self.path is None:
            return lambda: None
        self.reading_done()
        assert self._saving_docs is not None
        self._saving_docs()  # the files part goes after the docs part, in the same file
        if _unused_outweigh(self._held_files, self._used_files):
            return self._start(True, self._used_docs, self._used_files)
        return self._start(False, {}, _new(self._used_files, self._held_files))

    def _start(self, rewrite: bool, docs: dict[DocKey, Any], files: dict[bytes, str]) -> Callable[[], None]:
        """Write a record in a background process (returning a function that waits for it),
        or here and now if it is small: a few records pickle faster than a fork."""
        if not rewrite and len(docs) + len(files) < _SMALL:
            self._write(rewrite, docs, files)
            return lambda: None
        from .executor import in_background

        return in_background(lambda: self._write(rewrite, docs, files))

    def _write(self, rewrite: bool, docs: dict[DocKey, Any], files: dict[bytes, str]) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if rewrite:
                self._rewrite(self.path, docs, files)
            elif docs or files:
                with open(self.path, "ab") as f:  # in one write, so that two runs' records do not mix
                    f.write(pickle.dumps((docs, files), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a memo that cannot be written only costs time

    def _rewrite(self, path: Path, docs: dict[DocKey, Any], files: dict[bytes, str]) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".memo-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(self.identity, f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump((docs, files), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


def _unused_outweigh(held: dict[Any, Any], used: dict[Any, Any]) -> bool:
    """The memo holds more records that the run did not use than it used: rewrite it."""
    return len(held.keys() - used.keys()) > len(used)


def _new(used: dict[Any, Any], held: dict[Any, Any]) -> dict[Any, Any]:
    """The records the run used that the memo does not hold yet: to append."""
    return {k: v for k, v in used.items() if k not in held}
