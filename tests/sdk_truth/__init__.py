"""The SDKs' own model sources (``../shared/corpora/<name>/sdk``): the truth about wire names
and required keys that the docs were generated from. Test code only: gen-models itself
reads only docs.

Each corpus with an ``sdk/`` folder has a reader module here (``READERS``), whose
``read(corpus_dir)`` returns one :class:`TrueModel` per SDK model class that a doc of the
corpus documents with a field table. The tests match gen-models' models to them by doc
path and name, and fields by the name the doc shows.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


@dataclass(frozen=True)
class TrueField:
    shown: str
    """The field's name as the corpus's docs show it (the first column of the doc's field
    table, markup such as backticks and ``~~`` stripped): the SDK's property name."""
    wire: str
    """The JSON key on the wire, as the SDK (de)serialises it."""
    required: bool | None
    """The API requires the key, as the SDK's generated metadata declares it (the spec's
    ``required`` list), even where the SDK's deserialiser is lenient and fills in a missing
    key (None: the SDK does not say)."""
    nullable: bool | None = None
    """The value may be JSON null (None: the SDK does not say)."""
    kind: str = "json"
    """Where the name is on the wire: ``json`` (a key of a JSON object), ``header``,
    ``query``, ``path`` or ``form`` (an HTTP parameter or form field), or ``sdk`` (a
    member of an SDK's request/response envelope that has no name on the wire: the whole
    request or response body, HTTP metadata such as ``httpMeta``/``RawResponse``)."""


@dataclass(frozen=True)
class TrueModel:
    doc: str
    """The doc file that documents the class, relative to ``<corpus>/docs``, forward slashes."""
    name: str
    """The class name in the SDK."""
    source: str
    """The SDK file that defines it, relative to ``<corpus>/sdk``."""
    fields: tuple[TrueField, ...]


# corpus name -> the module of this package that reads its sdk/ folder
READERS = {
    "intuned-ts": "speakeasy_ts",
    "dub-ts": "speakeasy_ts",
    "gusto-ts": "speakeasy_ts",
    "dub-py": "speakeasy_py",
    "glean-py": "speakeasy_py",
    "mistral-py": "speakeasy_py",
    "dub-go": "speakeasy_go",
    "plex-go": "speakeasy_go",
    "glean-java": "speakeasy_java",
    "plex-csharp": "speakeasy_csharp",
    "dub-php": "speakeasy_php",
    "dub-ruby": "speakeasy_ruby",
    "airflow-py": "oag_python",
    "aspose-pdf-py-swagger": "oag_python",
    "ory-go-oag": "oag_go",
    "ory-java-oag": "oag_java",
    "openai-kotlin-oag": "oag_kotlin",
    "ory-php-oag": "oag_php",
    "ory-ruby-oag": "oag_ruby",
    "ory-rust-oag": "oag_rust",
    "ory-dart-oag": "oag_dart",
    "ory-tsfetch-oag": "oag_tsfetch",
    "openai-csharp-oag": "oag_csharp",
    "paypal-py-apimatic": "apimatic_py",
    "boomi-py-liblab": "liblab_py",
}


@cache
def truth(corpus: str) -> tuple[TrueModel, ...]:
    """The SDK's models of one corpus, documented by its docs (sorted by doc, then name)."""
    module = importlib.import_module(f"{__name__}.{READERS[corpus]}")
    models = module.read(CORPORA / corpus)
    return tuple(sorted(models, key=lambda m: (m.doc, m.name)))
