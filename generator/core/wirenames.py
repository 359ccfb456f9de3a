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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import msgspec
from msgspec.structs import replace

from . import ir
from .diagnostics import Diagnostic, GenerationFailed, Location, error, warning
from .options import AliasRule, Options

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
"""The words of a name: ``HTTPMetadata`` -> HTTP, Metadata; ``addressLine2`` -> address, Line, 2."""
_LEADING = re.compile(r"^[_$@]*")
_DIGIT_TOKENS = frozenset({"aal", "auth", "base", "ipv", "md", "oauth", "sha", "utf"})
"""Words whose digits are part of them in snake_case keys (``oauth2_token``, ``auth0_url``,
``md5``), as are a single letter's (``v2``, ``w2``, ``p95``): measured on the shared SDKs' keys,
where a number after any other word is a word of its own (``street_1``, ``per_1_minute``)."""


def _split(name: str) -> tuple[str, list[str]]:
    """A name's leading marks (``_``, ``$``) and its words."""
    lead = _LEADING.match(name)
    prefix = lead.group() if lead else ""
    return prefix, _WORDS.findall(name[len(prefix) :])


def camel(name: str) -> str:
    """``created_at``, ``CreatedAt`` -> ``createdAt``; leading underscores stay."""
    prefix, words = _split(name)
    if not words:
        return name
    return prefix + words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


def pascal(name: str) -> str:
    """``created_at``, ``createdAt`` -> ``CreatedAt``."""
    prefix, words = _split(name)
    if not words:
        return name
    return prefix + "".join(w[:1].upper() + w[1:].lower() for w in words)


def snake(name: str) -> str:
    """``createdAt``, ``CreatedAt`` -> ``created_at``; a number is a word (``street1`` ->
    ``street_1``) but for the digits of a token (``oauth2``, ``base64``, ``v2``, ``x5c``: see
    :data:`_DIGIT_TOKENS`). Underscores the name has stay (``v_2``)."""
    lead = _LEADING.match(name)
    prefix = lead.group() if lead else ""
    joined: list[str] = []
    for m in _WORDS.finditer(name, len(prefix)):
        word, glued = m.group(), m.start() > 0 and name[m.start() - 1] != "_"
        if glued and joined and word[0].isdigit() and (len(joined[-1]) == 1 or joined[-1] in _DIGIT_TOKENS):
            joined[-1] += word
        elif glued and joined and joined[-1][-1].isdigit() and word.islower():
            joined[-1] += word  # ``x5c``: no capital starts a word after the token's digits
        else:
            joined.append(word.lower())
    return prefix + "_".join(joined) if joined else name


def _unchanged(name: str) -> str:
    return name


RULES: dict[AliasRule, Callable[[str], str]] = {
    AliasRule.NONE: _unchanged,
    AliasRule.CAMEL: camel,
    AliasRule.SNAKE: snake,
    AliasRule.PASCAL: pascal,
}
"""The casing rules, in the order a tie is broken (``none`` first)."""

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
    used: set[str] = set()
    decisions: list[Decision] = []
    out: list[ir.Model] = []
    for model in models:
        if not isinstance(model, ir.ObjectModel) or not model.fields:
            out.append(model)
            continue
        vote = votes[groups[model.dialect]]
        fields = []
        for field in model.fields:
            field, decision = _decide(model, field, vote, mapping, mentioned)
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
        spellings = {rule: fn(name) for rule, fn in RULES.items()}
        if len(set(spellings.values())) == 1:
            continue  # every rule spells it the same: it says nothing
        for rule, spelling in spellings.items():
            if spelling in mentioned and _KEYLIKE.search(spelling):
                votes[rule] += 1
    # the most votes; on a tie, the dialect's own rule, else the first (none)
    winner = max(RULES, key=lambda rule: (votes[rule], rule is prior))
    return Vote(dialect, winner, tuple(votes.items()))


def _decide(
    model: ir.ObjectModel,
    field: ir.Field,
    vote: Vote,
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
        wire = RULES[vote.rule](field.name)
        source = field.wire_source if wire == field.name else ir.WireSource.RULE
        guess = not vote.asked and not _decided(field.name, wire, vote)
    if source is not ir.WireSource.NAME_MAP and wire not in mentioned.tree:
        # Spelled otherwise in the doc itself (or, for a header, anywhere in the docs)? Or,
        # for a name with digits, with the underscores beside them placed otherwise?
        respelled = _respelled(wire, mentioned.tree if header else mentioned.doc(model))
        if respelled is None and _DIGIT_SEPARATOR.search(wire):
            respelled = _digits_respelled(wire, mentioned.tree)
        if respelled is not None:
            wire, source, guess = respelled, ir.WireSource.MENTIONED, False
    decision = Decision(field.location, model.name, field.shown, wire, source, vote.rule, guess)
    if wire == field.name and source is field.wire_source:
        return field, decision
    return replace(field, name=wire, wire_source=source), decision


class Mentions:
    """What the docs mention (:attr:`generator.ir.ModelBase.mentions`), less the models' names
    (no key is spelled like a model: ``Status`` in prose is the model)."""

    def __init__(self, models: Iterable[ir.Model]) -> None:
        self.model_names = frozenset(model.name for model in models)
        found: set[str] = set()
        for model in models:
            found |= model.mentions
        self.tree = frozenset(found - self.model_names)

    def doc(self, model: ir.Model) -> frozenset[str]:
        return model.mentions - self.model_names


_HEADER_FIELD = re.compile(r"^(?:x[A-Z0-9]|x_|X[A-Z0-9][a-z0-9])")


def _header(model: ir.ObjectModel, field: ir.Field) -> str | None:
    """An ``x``-prefixed member of a ``*Request`` model is an HTTP header (Speakeasy's operation
    request models hold the operation's parameters): ``xGustoAPIVersion`` -> ``X-Gusto-API-Version``."""
    if not model.name.endswith("Request") or not _HEADER_FIELD.match(field.shown):
        return None
    _, words = _split(field.shown)
    return "-".join(["X"] + [w if w.isupper() else w[:1].upper() + w[1:] for w in words[1:]])


def _decided(name: str, wire: str, vote: Vote) -> bool:
    """The vote chose this spelling of the name: the winning rule had more votes than every
    rule that spells the name otherwise."""
    votes = dict(vote.votes)
    return all(votes[vote.rule] > n for rule, n in votes.items() if RULES[rule](name) != wire)


_LEADING_MARKS = "_$@"
_SPELLED = re.compile(r"[a-z].*(?:[_$@.-]|[a-z0-9][A-Z])|(?:[_$@.-]|[A-Z]).*[a-z]")
"""A mention that spells a name of several words (``requestID``, ``_meta``, ``X-Api-Key``),
not a single word (``ID``, ``Status``)."""


def _respelled(spelling: str, mentions: frozenset[str]) -> str | None:
    """The one mention that is ``spelling`` but for the case of its letters or a leading
    ``_``/``$``/``@`` (``requestID`` for ``requestId``, ``_meta`` for ``meta``, ``x-api-key``
    for ``X-Api-Key``), if there is one. Other differences (``document_category`` for
    ``documentCategory``) are another convention, which the tree's vote has ruled on."""
    folded = spelling.lstrip(_LEADING_MARKS).lower()
    if not folded:
        return None
    one_word = not _KEYLIKE.search(spelling)  # then a capital says nothing: ``LinkedIn`` for ``linkedin``
    found = {
        m
        for m in mentions
        if m != spelling
        and m.lstrip(_LEADING_MARKS).lower() == folded
        and _SPELLED.search(m)
        and not (one_word and m[:1] not in _LEADING_MARKS)
    }
    return found.pop() if len(found) == 1 else None


_DIGIT_SEPARATOR = re.compile(r"_(?=\d)|(?<=\d)_")


def _digits_respelled(spelling: str, mentions: frozenset[str]) -> str | None:
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
