"""The casing rules that spell a name shown in the docs as a key: ``none``, ``camel``,
``snake``, ``pascal`` (:class:`~generator.core.options.AliasRule`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .options import AliasRule

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
"""The words of a name: ``HTTPMetadata`` -> HTTP, Metadata; ``addressLine2`` -> address, Line, 2."""
_LEADING = re.compile(r"^[_$@]*")
_DIGIT_TOKENS = frozenset({"aal", "auth", "base", "ipv", "md", "oauth", "sha", "utf"})
"""Words whose digits are part of them in snake_case keys (``oauth2_token``, ``auth0_url``,
``md5``), as are a single letter's (``v2``, ``w2``, ``p95``): measured on the shared SDKs' keys,
where a number after any other word is a word of its own (``street_1``, ``per_1_minute``)."""


def split_words(name: str) -> tuple[str, list[str]]:
    """A name's leading marks (``_``, ``$``) and its words."""
    lead = _LEADING.match(name)
    prefix = lead.group() if lead else ""
    return prefix, _WORDS.findall(name[len(prefix) :])


def camel(name: str) -> str:
    """``created_at``, ``CreatedAt`` -> ``createdAt``; leading underscores stay."""
    prefix, words = split_words(name)
    if not words:
        return name
    return prefix + words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


def pascal(name: str) -> str:
    """``created_at``, ``createdAt`` -> ``CreatedAt``."""
    prefix, words = split_words(name)
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


@functools.lru_cache(maxsize=1 << 16)
def spellings(name: str) -> tuple[str, str, str, str]:
    """The name as each rule of :data:`RULES` spells it, in that order (trees repeat names):
    ``(name, camel(name), snake(name), pascal(name))``, its words found once for camel and
    pascal (one process decides a tree's every field name: this is most of its time)."""
    prefix, words = split_words(name)
    if not words:
        return name, name, snake(name), name
    capitalized = [w.capitalize() for w in words]  # ASCII letters or digits: as pascal's
    return (
        name,
        prefix + words[0].lower() + "".join(capitalized[1:]),
        snake(name),
        prefix + "".join(capitalized),
    )
