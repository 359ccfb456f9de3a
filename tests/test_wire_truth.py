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

# corpus: (wire names right, required flags right), the shares reached with default flags;
# then the count right and the best single casing rule's share. Below 0.9: plex's request
# models hold HTTP headers whose names (X-Plex-Client-Identifier) no doc shows; boomi's docs
# are older than its SDK (fields renamed, required ones made optional); ory-tsfetch's pages do
# not say which keys are required.
FLOORS = {
    "airflow-py": (0.998, 0.995),  # 827 of 828; none 0.995
    "aspose-pdf-py-swagger": (0.992, 0.995),  # 1542 of 1554; pascal 0.992
    "boomi-py-liblab": (0.862, 0.927),  # 2698 of 3127; camel 0.861; required 2901 of 3127
    "dub-go": (0.96, 0.995),  # 2265 of 2357; camel 0.961
    "dub-php": (0.96, 0.995),  # 2265 of 2358; camel 0.961
    "dub-py": (0.96, 0.995),  # 2265 of 2357; camel 0.961
    "dub-ruby": (0.958, 0.995),  # 2122 of 2215; camel 0.958
    "dub-ts": (0.96, 0.995),  # 2255 of 2347; camel 0.961
    "glean-java": (0.99, 0.995),  # 1933 of 1951; none 0.991
    "glean-py": (0.987, 0.995),  # 1918 of 1942; camel 0.987
    "gusto-ts": (0.991, 0.995),  # 3365 of 3393; snake 0.908
    "intuned-ts": (0.947, 0.995),  # 965 of 1018; camel 0.948
    "mistral-py": (0.97, 0.995),  # 3103 of 3196; snake 0.970
    "openai-csharp-oag": (0.973, 0.995),  # 1601 of 1645; snake 0.973
    "openai-kotlin-oag": (0.975, 0.995),  # 1748 of 1792; snake 0.974
    "ory-dart-oag": (0.993, 0.995),  # 2120 of 2133; snake 0.994
    "ory-go-oag": (0.995, 0.995),  # 2656 of 2667; snake 0.996
    "ory-java-oag": (0.995, 0.995),  # 2588 of 2599; snake 0.992
    "ory-php-oag": (0.995, 0.995),  # 2656 of 2667; snake 0.996
    "ory-ruby-oag": (0.996, 0.995),  # 2549 of 2558; none 0.995
    "ory-rust-oag": (0.996, 0.995),  # 2549 of 2558; none 0.989
    "ory-tsfetch-oag": (0.998, 0.789),  # 2662 of 2667; none 0.998; required 2078 of 2633
    "paypal-py-apimatic": (0.998, 0.995),  # 1348 of 1350; none 0.983
    "plex-csharp": (0.511, 0.995),  # 2645 of 5171; camel 0.509
    "plex-go": (0.38, 0.995),  # 2876 of 7563; camel 0.378
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
