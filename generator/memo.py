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
made with others starts empty. A run appends what it made; when a memo holds more that
the run did not use than it used, it is rewritten with only what was used, so it stays
about one tree's worth. A memo that cannot be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import runcache
from .config import Options

FORMAT = 1
DocKey = tuple[str, str, bytes]
"""A doc's path from the source root, its path as diagnostics show it, the hash of its bytes."""


def digest(*parts: str | bytes) -> bytes:
    """A hash of the parts (each length-prefixed, so no two sequences share one)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


class Memo:
    """The memos of one job. ``Memo()`` is an empty one that is never saved."""

    def __init__(self, path: Path | None = None, identity: bytes = b"") -> None:
        self.path = path
        self.identity = identity
        self.docs: dict[DocKey, Any] = {}
        self.files: dict[bytes, str] = {}
        self._used_docs: dict[DocKey, Any] = {}
        self._used_files: dict[bytes, str] = {}
        self._valid = False
        """The memo file was made with the same identity: records can be appended to it."""

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

    def known_doc(self, key: DocKey) -> Any | None:
        found = self.docs.get(key)
        if found is not None:
            self._used_docs[key] = found
        return found

    def add_doc(self, key: DocKey, result: Any) -> None:
        self._used_docs[key] = result

    def add_file(self, key: bytes, text: str) -> None:
        self._used_files[key] = text

    @property
    def reused(self) -> tuple[int, int]:
        """(docs, files) this run took from the memo."""
        return (
            sum(k in self.docs for k in self._used_docs),
            sum(k in self.files for k in self._used_files),
        )

    def save(self) -> None:
        """Add what this run made to the memo: appended to it, or (when the memo holds more
        that this run did not use than it used) the memo rewritten with only what it used."""
        if self.path is None:
            return
        used = len(self._used_docs) + len(self._used_files)
        unused = len(self.docs.keys() - self._used_docs.keys()) + len(
            self.files.keys() - self._used_files.keys()
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._valid or unused > used:
                self._rewrite(self.path)
                return
            docs = {k: v for k, v in self._used_docs.items() if k not in self.docs}
            files = {k: v for k, v in self._used_files.items() if k not in self.files}
            if docs or files:
                with open(self.path, "ab") as f:  # in one write, so that two runs' records do not mix
                    f.write(pickle.dumps((docs, files), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a memo that cannot be written only costs time

    def _rewrite(self, path: Path) -> None:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".memo-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(self.identity, f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump((self._used_docs, self._used_files), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
