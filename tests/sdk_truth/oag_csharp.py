"""Truth reader for OpenAPI Generator ``csharp`` SDKs (openai-csharp-oag, library
generichost with System.Text.Json): ``sdk/**/Model/<Name>.cs``; docs are
``docs/models/<Name>.md`` with headings ``# Org.OpenAPITools.Model.Name``.

System.Text.Json (``[JsonPropertyName("x")] public Type Name { get; set; }``), this corpus:

- Fields are the properties carrying ``[JsonPropertyName("wire")]``; ``shown`` is the C#
  property name (``AssistantId``; the doc shows it).
- ``required``: the spec's ``required`` list (required-and-nullable keys included), which
  the model's ``JsonConverter.Read`` enforces by throwing when the key was not read:
  ``if (!x.IsSet) throw new ArgumentException("Property is required for class ...")``,
  where ``x`` is the local the ``case "wire":`` branch assigns (``x = new Option<...>(...)``;
  enums are read through a ``...RawValue`` string first).
- ``nullable``: False when ``Read`` throws on an explicit null (``if (x.IsSet && x.Value ==
  null) throw new ArgumentNullException(..., "Property is not nullable ...")``); True
  otherwise.
- Additional properties: none in this corpus (the converter skips unknown keys); where a
  model has them they are a ``[JsonExtensionData]`` dictionary without
  ``JsonPropertyName``, so not a field.
- oneOf/anyOf schemas are classes without ``JsonPropertyName`` properties (one constructor
  per member) and their docs have no table; a documented class whose converter has no
  ``Read`` cases gets the fields it declares, if any.

DataContract serialisation (``[DataMember(Name = "x", IsRequired = true,
EmitDefaultValue = ...)]``, the generator's Newtonsoft-based libraries): ``wire`` is
``Name``, ``required`` is ``IsRequired = true``, ``nullable`` is None (``EmitDefaultValue``
is true for value types as well as for nullable properties).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables

_STJ = re.compile(
    r'\[JsonPropertyName\("((?:[^"\\]|\\.)*)"\)\]\s*(?:\[[^\]\n]*\]\s*)*public (?:virtual |override |new )*[^\n{]+? (\w+) \{'
)
_DATAMEMBER = re.compile(
    r"\[DataMember\(([^\]\n]*)\)\]\s*(?:\[[^\]\n]*\]\s*)*public (?:virtual |override |new )*[^\n{]+? (\w+) \{"
)


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    files = {p.stem: p for p in sorted(sdk.rglob("*.cs")) if p.parent.name == "Model"}
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        if name not in files:
            continue
        text = files[name].read_text(encoding="utf-8-sig")
        cls = re.search(rf"^    public partial class {name}\b.*?^    \}}", text, re.M | re.S)
        body = cls.group(0) if cls else text
        fields = []
        if "[JsonPropertyName(" in body:
            reader = re.search(rf"public override {name} Read\(.*?^        \}}", text, re.M | re.S)
            reader = reader.group(0) if reader else ""
            local = {
                _unescape(w): v
                for w, v in re.findall(
                    r'case "((?:[^"\\]|\\.)*)":(?:(?!\bbreak;).)*?\b(\w+) = new Option<', reader, re.S
                )
            }
            must = set(re.findall(r"if \(!(\w+)\.IsSet\)\s*throw new ArgumentException", reader))
            not_null = set(
                re.findall(
                    r"if \((\w+)\.IsSet && \1\.Value == null\)\s*throw new ArgumentNullException", reader
                )
            )
            for wire, attr in _STJ.findall(body):
                wire = _unescape(wire)
                var = local.get(wire)
                fields.append(TrueField(attr, wire, var in must, var not in not_null))
        else:
            for args, attr in _DATAMEMBER.findall(body):
                wire = re.search(r'Name = "((?:[^"\\]|\\.)*)"', args)
                required = re.search(r"IsRequired = true", args) is not None
                fields.append(TrueField(attr, _unescape(wire.group(1)) if wire else attr, required, None))
        models.append(TrueModel(doc, name, files[name].relative_to(sdk).as_posix(), tuple(fields)))
    return models
