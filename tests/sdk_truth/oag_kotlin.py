"""Truth reader for OpenAPI Generator ``kotlin`` SDKs (openai-kotlin-oag, Moshi):
``sdk/**/models/<Name>.kt``.

- Fields are the constructor properties of ``data class X (...)``, each annotated with the
  wire name: ``@Json(name = "x")`` (Moshi; also accepted: kotlinx ``@SerialName("x")``,
  Gson ``@SerializedName("x")``). ``shown`` is the property name (``assistantId``) without
  the backticks Kotlin puts round keywords (the doc's ``**&#x60;object&#x60;**`` -> ``object``).
- ``required``: the spec's ``required`` list, which the constructor's order gives: the
  generator lists the required properties first (``requiredVars``), as ``T``, ``T?`` (the
  spec's required-and-nullable ones), ``T = default`` or ``T? = default``, then the
  optional ones (``optionalVars``), each ``T? = default`` (``= null`` without a spec
  default). So a property is required unless it and every property after it are
  ``T? = ...``. (Moshi's adapter is more lenient: it throws "Required value ... missing"
  only for a ``T`` without default; it sets a missing ``T?`` to null and keeps a
  default, e.g. a required array's ``= arrayListOf()`` or a required ``= true``.)
- ``nullable``: False for a non-nullable type; True for a nullable type of a required
  property (the spec's required-and-nullable properties); None for an optional property
  (every optional property is ``T?`` in Kotlin, so the SDK does not say).
- Additional properties: none in this generator's Moshi models (unknown keys are ignored).
- oneOf/anyOf schemas of primitives become empty ``class X ()``, and their docs have no
  table. Two anyOf schemas of objects (``CreateAssistantRequestToolResourcesFileSearch``,
  ``CreateThreadRequestToolResourcesFileSearch``) became an empty ``data class X ()`` while
  their docs list properties: their TrueModels have no fields (the SDK cannot carry them).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables

_CLASS = re.compile(r"^data class (\w+) \(\n(.*?)^\)", re.M | re.S)
_PROP = re.compile(
    r'@(?:Json\(name = |SerialName\((?:value = )?|SerializedName\((?:value = )?)"((?:[^"\\]|\\.)*)"\)\s*'
    r"(?:@[\w.]+(?:\([^)]*\))?\s*)*"
    r"(?:override )?va[lr] (`?\w+`?): ([^\n]*?)(?: = ([^\n]*?))?,?[ \t]*$",
    re.M,
)


def _optional_form(typ: str, default: str) -> bool:
    """``T? = default``: how the generator writes every optional property."""
    return typ.rstrip().endswith("?") and bool(default)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    files = {p.stem: p for p in sorted(sdk.rglob("*.kt")) if p.parent.name == "models"}
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        if name not in files:
            continue
        text = files[name].read_text(encoding="utf-8")
        cls = next((m for m in _CLASS.finditer(text) if m.group(1) == name), None)
        if cls is None:
            continue
        props = _PROP.findall(cls.group(2))
        # the optional block: the longest tail of ``T? = ...`` properties
        first_optional = len(props)
        while first_optional and _optional_form(*props[first_optional - 1][2:]):
            first_optional -= 1
        fields = []
        for i, (wire, attr, typ, _default) in enumerate(props):
            nullable_type = typ.rstrip().endswith("?")
            required = i < first_optional
            nullable = False if not nullable_type else (True if required else None)
            wire = wire.encode().decode("unicode_escape") if "\\" in wire else wire
            fields.append(TrueField(attr.strip("`"), wire, required, nullable))
        models.append(TrueModel(doc, name, files[name].relative_to(sdk).as_posix(), tuple(fields)))
    return models
