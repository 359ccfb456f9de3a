"""gen-models' models held against the SDK's: how many wire names and required flags are right."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator.core import ir
from generator.core.casing import RULES

from . import CORPORA, TrueModel, truth


@dataclass
class Score:
    models: int = 0
    """gen-models' object models of docs the SDK has a class for."""
    matched_models: int = 0
    fields: int = 0
    """Their fields that the SDK class has (by the name the doc shows)."""
    wire_right: int = 0
    required_known: int = 0
    required_right: int = 0
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(doc, shown, gen-models' wire name, the SDK's)."""
    wrong_required: list[tuple[str, str, bool, bool]] = field(default_factory=list)
    unmatched_fields: list[tuple[str, str]] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    """Fields whose wire name each single casing rule gets right, applied to the shown name."""

    @property
    def wire_share(self) -> float:
        return self.wire_right / self.fields if self.fields else 1.0

    @property
    def best_rule(self) -> tuple[str, float]:
        """The single casing rule that gets most wire names right, and its share."""
        name, right = max(sorted(self.rules.items()), key=lambda item: item[1])
        return name, right / self.fields if self.fields else 1.0

    @property
    def required_share(self) -> float:
        return self.required_right / self.required_known if self.required_known else 1.0


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def docs_root(corpus: str, source: str) -> str:
    """The prefix that turns a model key (relative to the source gen-models read) into a
    doc path relative to ``<corpus>/docs``."""
    rel = PurePosixPath(source).relative_to(PurePosixPath(CORPORA / corpus / "docs"))
    return "" if str(rel) == "." else f"{rel}/"


def score(corpus: str, models: tuple[ir.Model, ...], source: str) -> Score:
    """Match each object model to the SDK class of its doc and name, and its fields by the
    name its doc shows; count the wire names and required flags that agree."""
    prefix = docs_root(corpus, source)
    by_doc: dict[str, list[TrueModel]] = {}
    for true in truth(corpus):
        by_doc.setdefault(true.doc, []).append(true)
    result = Score()
    for model in models:
        if not isinstance(model, ir.ObjectModel):
            continue
        # A page of several models keys each ``<path>#<name>``: the truth is by doc and name.
        candidates = by_doc.get(prefix + model.key.partition("#")[0], [])
        if not candidates:
            continue
        result.models += 1
        named = [t for t in candidates if _norm(t.name) == _norm(model.name)]
        true = named[0] if named else candidates[0] if len(candidates) == 1 else None
        if true is None:
            continue
        result.matched_models += 1
        fields = {f.shown: f for f in true.fields if f.kind != "sdk"}
        envelope = {f.shown for f in true.fields if f.kind == "sdk"}
        for f in model.fields:
            t = fields.get(f.shown)
            if f.shown in envelope:
                continue  # a member of an SDK envelope (a body, HTTP metadata): no wire name
            if t is None:
                result.unmatched_fields.append((model.key, f.shown))
                continue
            result.fields += 1
            for rule, spell in RULES.items():
                result.rules[rule.value] += spell(f.shown) == t.wire
            if f.name == t.wire:
                result.wire_right += 1
            else:
                result.wrong.append((model.key, f.shown, f.name, t.wire))
            if t.required is not None:
                result.required_known += 1
                if f.required == t.required:
                    result.required_right += 1
                else:
                    result.wrong_required.append((model.key, f.shown, f.required, t.required))
    return result
