"""Wire names: the JSON key of every field, decided in one place.

A doc's field table shows a language's property name, not always the key: Speakeasy's
TypeScript docs camelCase snake_case keys (``created_at`` is shown ``createdAt``), its
Python docs and OpenAPI Generator's python docs snake_case camelCase keys. The names
shown are the keys for some APIs and a casing of them for others, and many APIs mix.
Each field's wire name is decided here, in this order:

1. the user's name map (``"Model.field" = "key"`` lines), over everything;
2. the casing rule of the tree (``--alias-rule``): ``none`` (the name as the dialect
   read it), ``camel``, ``snake`` or ``pascal``; ``auto`` (the default) lets the docs'
   own text vote: every field whose name the rules spell differently votes for each rule
   whose spelling the docs mention (:mod:`generator.mentions`: prose, code spans, enum
   values, string literals, never the field tables or examples), and the rule with the
   most votes wins (on a tie, the dialect's own rule: ``camel`` for Go's PascalCase names,
   ``none`` for most). Each dialect of a tree votes on its own;
3. a spelling the rule cannot make but the doc itself mentions, equal to the rule's but for
   case (acronyms: ``requestID`` where the rule gives ``requestId``).

Names a dialect reads through a generator's convention (OpenAPI Generator's ``var_date``
for ``date``) go into the rule as the dialect read them. Every decision is kept with how it
was made (:class:`Decision`): ``gen-models --names`` lists them, and a wire name that no
mention, name map or unambiguous spelling confirms is counted as a guess.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import msgspec
from msgspec.structs import replace

from . import ir
from .casing import RULES, spellings, split_words
from .diagnostics import Diagnostic, GenerationFailed, Location, error, warning
from .options import AliasRule, Options

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_KEYLIKE = re.compile(r"[_$@-]|.[A-Z]")
"""A spelling that says something about casing (a single lowercase word says nothing)."""


class Vote(msgspec.Struct, frozen=True):
    """The casing rule one dialect's docs of a tree voted for, with the votes."""

    dialect: str
    rule: AliasRule
    votes: tuple[tuple[AliasRule, int], ...]
    asked: bool = False
    """The rule was given (``--alias-rule``), not voted."""


class Decision(msgspec.Struct, frozen=True):
    """How one field's wire name was decided."""

    location: Location
    model: str
    shown: str
    wire: str
    source: ir.WireSource
    rule: AliasRule
    guess: bool
    """The rules spell the name in more than one way and the docs' vote did not choose this
    spelling (nor did a name map, an explicit rule or a mention)."""


class WireNames(msgspec.Struct, frozen=True):
    """Every decision of a run, and the rules the tree's dialects follow."""

    votes: tuple[Vote, ...] = ()
    decisions: tuple[Decision, ...] = ()

    @property
    def guesses(self) -> int:
        return sum(d.guess for d in self.decisions)


def decide(
    models: list[ir.Model],
    options: Options,
    diagnostics: list[Diagnostic],
    priors: Mapping[str, AliasRule] | None = None,
    families: Mapping[str, str] | None = None,
) -> tuple[list[ir.Model], WireNames]:
    """The models with every field's wire name decided, and how each was. ``priors``: each
    dialect's rule for docs that do not vote (by dialect name; else ``none``); ``families``:
    each dialect's family (a model that records a family's name, its page not showing its
    dialect, goes with the tree's most common dialect of that family)."""
    mapping = load_name_map(options.name_map) if options.name_map else {}
    mentioned = Mentions(models)
    priors = priors or {}
    groups = _groups(models, families or {})
    by_group: dict[str, list[ir.Field]] = {}
    for model in models:
        if isinstance(model, ir.ObjectModel):
            by_group.setdefault(groups[model.dialect], []).extend(model.fields)
    votes = {
        group: _vote(group, fields, options, mentioned.tree, priors.get(group, AliasRule.NONE))
        for group, fields in by_group.items()
    }
    rulings = {vote.dialect: _Ruling.of(vote) for vote in votes.values()}
    used: set[str] = set()
    decisions: list[Decision] = []
    out: list[ir.Model] = []
    for model in models:
        if not isinstance(model, ir.ObjectModel) or not model.fields:
            out.append(model)
            continue
        vote = votes[groups[model.dialect]]
        ruling = rulings[vote.dialect]
        fields = []
        for field in model.fields:
            field, decision = _decide(model, field, vote, ruling, mapping, mentioned)
            if decision.source is ir.WireSource.NAME_MAP:
                used.add(f"{model.name}.{field.shown}")
            decisions.append(decision)
            fields.append(field)
        out.append(replace(model, fields=tuple(fields)))
    if options.name_map:
        _unused_keys(options.name_map, set(mapping) - used, diagnostics)
    return out, WireNames(tuple(votes[d] for d in sorted(votes)), tuple(decisions))


def _groups(models: Iterable[ir.Model], families: Mapping[str, str]) -> dict[str, str]:
    """The dialect whose vote each model's recorded dialect goes with: its own, or for a
    family's name, the dialect of that family most models of the tree record (in name order
    on a tie; the family's name itself if none)."""
    counts = Counter(model.dialect for model in models)
    groups = {}
    for recorded in counts:
        members = sorted(d for d, family in families.items() if family == recorded and counts[d])
        groups[recorded] = max(members, key=lambda d: counts[d]) if members else recorded
    return groups


def _vote(
    dialect: str, fields: list[ir.Field], options: Options, mentioned: frozenset[str], prior: AliasRule
) -> Vote:
    if options.alias_rule is not AliasRule.AUTO:
        return Vote(dialect, options.alias_rule, (), asked=True)
    votes = dict.fromkeys(RULES, 0)
    for name in {f.name for f in fields if f.wire_source is not ir.WireSource.NAME_MAP}:
        spelled = spellings(name)
        if len(set(spelled)) == 1:
            continue  # every rule spells it the same: it says nothing
        for rule, spelling in zip(RULES, spelled):
            if spelling in mentioned and _KEYLIKE.search(spelling):
                votes[rule] += 1
    # the most votes; on a tie, the dialect's own rule, else the first (none)
    winner = max(RULES, key=lambda rule: (votes[rule], rule is prior))
    return Vote(dialect, winner, tuple(votes.items()))


class _Ruling(NamedTuple):
    """A vote, as each field's decision reads it."""

    winner: int
    """The winning rule's place in :data:`RULES` (its spelling's in :func:`spellings`)."""
    rivals: tuple[int, ...]
    """The places of the other rules the winner did not outvote (none when the rule was asked for)."""

    @classmethod
    def of(cls, vote: Vote) -> _Ruling:
        index = list(RULES).index(vote.rule)
        if vote.asked:
            return cls(index, ())
        won = vote.votes[index][1]
        return cls(index, tuple(i for i, (_, n) in enumerate(vote.votes) if not won > n and i != index))


def _decide(
    model: ir.ObjectModel,
    field: ir.Field,
    vote: Vote,
    ruling: _Ruling,
    mapping: dict[str, str],
    mentioned: Mentions,
) -> tuple[ir.Field, Decision]:
    key = f"{model.name}.{field.shown}"
    header = _header(model, field)
    if key in mapping:
        wire, source, guess = mapping[key], ir.WireSource.NAME_MAP, False
    elif header is not None:
        wire, source, guess = header, ir.WireSource.CONVENTION, header not in mentioned.tree
    else:
        spelled = spellings(field.name)
        wire = spelled[ruling.winner]
        source = field.wire_source if wire == field.name else ir.WireSource.RULE
        # A guess unless the vote chose this spelling: the winning rule had more votes than
        # every rule that spells the name otherwise.
        guess = any(spelled[i] != wire for i in ruling.rivals) if ruling.rivals else False
    if source is not ir.WireSource.NAME_MAP and wire not in mentioned.tree:
        # Spelled otherwise in the doc itself (or, for a header, anywhere in the docs)? Or,
        # for a name with digits, with the underscores beside them placed otherwise?
        respelled = mentioned.respelled(wire, None if header else model)
        if respelled is None and _DIGIT_SEPARATOR.search(wire):
            respelled = mentioned.digits_respelled(wire)
        if respelled is not None:
            wire, source, guess = respelled, ir.WireSource.MENTIONED, False
    decision = Decision(field.location, model.name, field.shown, wire, source, vote.rule, guess)
    if wire == field.name and source is field.wire_source:
        return field, decision
    return replace(field, name=wire, wire_source=source), decision


class Mentions:
    """What the docs mention (:attr:`generator.ir.ModelBase.mentions`), less the models' names
    (no key is spelled like a model: ``Status`` in prose is the model), indexed by the forms
    :func:`_respelled` and :func:`_digits_respelled` compare."""

    def __init__(self, models: Iterable[ir.Model]) -> None:
        self.model_names = frozenset(model.name for model in models)
        found: set[str] = set()
        for model in models:
            found |= model.mentions
        self.tree = frozenset(found - self.model_names)
        self._folded: dict[str, dict[str, list[str]]] = {}
        """A doc's (or, under "", the tree's) mentions by :func:`_fold`."""
        self._bare: dict[str, list[str]] | None = None

    def respelled(self, spelling: str, model: ir.Model | None) -> str | None:
        """:func:`_respelled` among the mentions of ``model``'s doc (None: of the tree)."""
        key = "" if model is None else model.key
        index = self._folded.get(key)
        if index is None:
            index = {}
            for m in self.tree if model is None else model.mentions - self.model_names:
                index.setdefault(_fold(m), []).append(m)
            self._folded[key] = index
        found = index.get(_fold(spelling))
        return _respelled(spelling, found) if found else None

    def digits_respelled(self, spelling: str) -> str | None:
        """:func:`_digits_respelled` among the tree's mentions."""
        if self._bare is None:
            self._bare = {}
            for m in self.tree:
                if "_" in m:
                    self._bare.setdefault(_DIGIT_SEPARATOR.sub("", m), []).append(m)
        return _digits_respelled(spelling, self._bare.get(_DIGIT_SEPARATOR.sub("", spelling), ()))


_HEADER_FIELD = re.compile(r"^(?:x[A-Z0-9]|x_|X[A-Z0-9][a-z0-9])")


def _header(model: ir.ObjectModel, field: ir.Field) -> str | None:
    """An ``x``-prefixed member of a ``*Request`` model is an HTTP header (Speakeasy's operation
    request models hold the operation's parameters): ``xGustoAPIVersion`` -> ``X-Gusto-API-Version``."""
    if not model.name.endswith("Request") or not _HEADER_FIELD.match(field.shown):
        return None
    _, words = split_words(field.shown)
    return "-".join(["X"] + [w if w.isupper() else w[:1].upper() + w[1:] for w in words[1:]])


_LEADING_MARKS = "_$@"
_SPELLED = re.compile(r"[a-z].*(?:[_$@.-]|[a-z0-9][A-Z])|(?:[_$@.-]|[A-Z]).*[a-z]")
"""A mention that spells a name of several words (``requestID``, ``_meta``, ``X-Api-Key``),
not a single word (``ID``, ``Status``)."""


def _fold(name: str) -> str:
    return name.lstrip(_LEADING_MARKS).lower()


def _respelled(spelling: str, mentions: Iterable[str]) -> str | None:
    """The one mention that is ``spelling`` but for the case of its letters or a leading
    ``_``/``$``/``@`` (``requestID`` for ``requestId``, ``_meta`` for ``meta``, ``x-api-key``
    for ``X-Api-Key``), if there is one. Other differences (``document_category`` for
    ``documentCategory``) are another convention, which the tree's vote has ruled on."""
    folded = _fold(spelling)
    if not folded:
        return None
    one_word = not _KEYLIKE.search(spelling)  # then a capital says nothing: ``LinkedIn`` for ``linkedin``
    found = {
        m
        for m in mentions
        if m != spelling
        and _fold(m) == folded
        and _SPELLED.search(m)
        and not (one_word and m[:1] not in _LEADING_MARKS)
    }
    return found.pop() if len(found) == 1 else None


_DIGIT_SEPARATOR = re.compile(r"_(?=\d)|(?<=\d)_")


def _digits_respelled(spelling: str, mentions: Iterable[str]) -> str | None:
    """The one mention that is ``spelling`` but for the underscores beside its digits: a
    casing rule cannot tell ``w4_data_type`` from ``w_4_data_type``, nor ``street_1`` from
    ``street1`` (each API writes its own), and the docs' text often spells them."""
    bare = _DIGIT_SEPARATOR.sub("", spelling)
    found = {m for m in mentions if m != spelling and "_" in m and _DIGIT_SEPARATOR.sub("", m) == bare}
    return found.pop() if len(found) == 1 else None


def name_map_lines(names: WireNames, source: str) -> list[str]:
    """The decisions as the lines of a name map (TOML), each with how it was made: what
    ``gen-models --names`` prints, to review and to copy into a ``--name-map`` file."""
    lines = [f"# Wire names of the docs in {source}, as gen-models decided them."]
    for vote in names.votes:
        how = (
            "given"
            if vote.asked
            else "voted by the docs: " + ", ".join(f"{r.value} {n}" for r, n in vote.votes)
        )
        lines.append(f"# {vote.dialect or 'docs'}: casing rule {vote.rule.value} ({how})")
    lines.append(f"# {names.guesses} of {len(names.decisions)} are guesses.")
    for d in names.decisions:
        how = "guess, " if d.guess else ""
        how += (
            f"rule {d.rule.value}"
            if d.source in (ir.WireSource.RULE, ir.WireSource.SHOWN)
            else d.source.value
        )
        key = _toml_string(f"{d.model}.{d.shown}")
        lines.append(f"{key} = {_toml_string(d.wire)}  # {how}; {d.location}")
    return lines


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _read(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise GenerationFailed((error(Location(path), f"cannot read the name map: {reason}"),)) from None


def load_name_map(path: str) -> dict[str, str]:
    """A TOML file of ``"Model.field" = "key"`` lines (``field`` as the doc shows it)."""
    text = _read(path)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GenerationFailed((error(Location(path), f"not valid TOML: {exc}"),)) from None
    problems = [
        error(_line(path, text, key), f'{key!r}: expected "Model.field" = "wireName"')
        for key, value in table.items()
        if not isinstance(value, str) or not value or not re.fullmatch(r"[^.\s]+\.[^.\s]+", key)
    ]
    if problems:
        raise GenerationFailed(tuple(problems))
    return {k: str(v) for k, v in table.items()}


def _unused_keys(path: str, unused: set[str], diagnostics: list[Diagnostic]) -> None:
    text = _read(path)
    for key in sorted(unused):
        diagnostics.append(warning(_line(path, text, key), f"{key!r} names no field of the docs"))


def _line(path: str, text: str, key: str) -> Location:
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.M)
    return Location(path, text.count("\n", 0, m.start()) + 1 if m else 0)
