"""Truth reader for OpenAPI Generator ``php`` SDKs (ory-php-oag): ``sdk/lib/Model/<Name>.php``;
docs are ``docs/Model/<Name>.md`` with headings ``# # Name``.

- Fields are the entries of ``protected static $attributeMap = ['name' => 'wire', ...]``;
  ``shown`` is the PHP property name (``createdAt``; the doc shows it), ``wire`` the value.
- ``required``: the spec's ``required`` list, which ``listInvalidProperties()`` declares by
  reporting the property when it is null (``if ($this->container['x'] === null) { ...
  "'x' can't be null" }``), required-and-nullable properties included. The deserialiser
  does not reject a missing key itself; ``valid()`` / ``listInvalidProperties()`` do, and
  a missing key leaves the container value null.
- ``nullable``: ``protected static array $openAPINullables = ['name' => true|false]``.
- Additional properties: not represented (unknown keys are dropped by ObjectSerializer).
- oneOf/anyOf: the PHP generator flattens them into one class with the members'
  properties, so they are read like any other model.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import TrueField, TrueModel
from .oag_docs import docs_with_tables

_PAIR = re.compile(r"'((?:[^'\\]|\\.)*)' => ('(?:[^'\\]|\\.)*'|true|false)")


def _array(text: str, decl: str) -> dict[str, str]:
    m = re.search(decl + r" = \[(.*?)\];", text, re.S)
    if not m:
        return {}
    return {
        _unquote(k): v if v in ("true", "false") else _unquote(v[1:-1]) for k, v in _PAIR.findall(m.group(1))
    }


def _unquote(s: str) -> str:
    return re.sub(r"\\(['\\])", r"\1", s)


def read(corpus_dir: Path) -> list[TrueModel]:
    sdk = corpus_dir / "sdk"
    files = {p.stem: p for p in sorted(sdk.rglob("*.php")) if p.parent.name == "Model"}
    models = []
    for doc, name in docs_with_tables(corpus_dir / "docs").items():
        if name not in files:
            continue
        text = files[name].read_text(encoding="utf-8")
        wire = _array(text, r"protected static \$attributeMap")
        nullables = _array(text, r"protected static array \$openAPINullables")
        invalid = re.search(r"public function listInvalidProperties\(\)\s*\{(.*?)\n    \}", text, re.S)
        required = set(
            re.findall(
                r"if \(\$this->container\['((?:[^'\\]|\\.)*)'\] === null\)",
                invalid.group(1) if invalid else "",
            )
        )
        fields = tuple(
            TrueField(attr, w, attr in required, None if attr not in nullables else nullables[attr] == "true")
            for attr, w in wire.items()
        )
        models.append(TrueModel(doc, name, files[name].relative_to(sdk).as_posix(), fields))
    return models
