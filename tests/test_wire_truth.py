"""Wire names and required keys, held against the SDKs' own model sources (``sdk/``).

The docs' examples are written in the names of the docs' tables, so they cannot show a
wrong wire name; the SDK that the docs were generated from can. For every shared corpus
with an ``sdk/`` folder that gen-models reads, with default flags: the share of wire names
that are the SDK's must reach the floor below (the figure reached, as measured) and be at
least the best single casing rule's for that corpus; the share of required flags must
reach 99.5% (or the floor below, where the docs themselves disagree with their SDK).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Generated, corpus
from sdk_truth.score import score

pytestmark = pytest.mark.corpus

# corpus: (wire names right, required flags right), the shares reached with default flags.
FLOORS = {
    "intuned-ts": (0.947, 0.995),  # 965 of 1018; best single rule (camel) 0.948
    "dub-ts": (0.960, 0.995),  # 2255 of 2347; camel 0.961
    "gusto-ts": (0.988, 0.995),  # 3354 of 3393; snake 0.905
    "dub-py": (0.960, 0.995),  # 2265 of 2357; camel 0.961
    "glean-py": (0.987, 0.995),  # 1918 of 1942; camel 0.987
    "mistral-py": (0.970, 0.995),  # 3103 of 3196; none 0.967
    "airflow-py": (0.998, 0.995),  # 827 of 828; none 0.995
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_wire_names_and_required_keys_are_the_sdks(
    name: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    plan = generate_corpus(name, "pydantic").plan
    result = score(name, plan.tree.models, str(corpus(name)))
    wire_floor, required_floor = FLOORS[name]
    assert result.matched_models >= 0.98 * result.models > 0
    assert result.fields > 500
    rule, best = result.best_rule
    report = f"{name}: {result.wire_share:.3f} right (best single rule {rule}: {best:.3f}); wrong: {result.wrong[:10]}"
    assert result.wire_share >= best, report
    assert result.wire_share >= wire_floor, report
    assert result.required_share >= required_floor, result.wrong_required[:10]


def test_the_score_can_fail() -> None:
    """The measure itself: wire names as the docs show them score below the SDK's on a
    tree whose API keys are snake_case (the docs show camelCase)."""
    from generator import Options, generate
    from generator.core.options import AliasRule

    plan = generate(corpus("gusto-ts"), Options(alias_rule=AliasRule.NONE))
    result = score("gusto-ts", plan.tree.models, str(corpus("gusto-ts")))
    assert result.wire_share < 0.5
    assert result.best_rule[0] == "snake"
