"""The docs' own examples are an oracle: each validates and round-trips (gen-models --verify)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import ROOT, TS_CORPORA, Generated, corpus

from generator import Nulls, Options, Style
from generator.app.verify import Report, check_examples, verify_examples

# Examples the docs themselves get wrong, with the reason: none so far in these corpora.
KNOWN_BAD: dict[str, str] = {}
# intuned-ts-2024 comes from the generator era before Example Usage sections.
EXPECTED_COUNTS = {"intuned-ts-2024": 0, "intuned-ts-2025": 621, "intuned-ts": 754, "dub-ts": 500}


def _report(gen: Generated, style: str) -> Report:
    return check_examples(gen.plan, gen.package(), Options(style=Style(style)))


@pytest.mark.corpus
@pytest.mark.parametrize("style", ["pydantic", "dataclass", "msgspec"])
@pytest.mark.parametrize("name", TS_CORPORA)
def test_every_example_validates_and_round_trips(
    name: str, style: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    report = _report(generate_corpus(name, style), style)
    assert report.checked == EXPECTED_COUNTS[name]
    failures = {
        str(example.location): problem
        for example, problem in report.results
        if problem is not None and str(example.location) not in KNOWN_BAD
    }
    assert not failures


@pytest.mark.corpus
def test_the_oracle_rejects_what_the_models_reject() -> None:
    """With strict nulls, exactly the examples that send null to a plain-typed field fail."""
    report = verify_examples(corpus("dub-ts"), Options(nulls=Nulls.STRICT))
    failed = [(e, p) for e, p in report.results if p is not None]
    with_null = [e for e, _ in report.results if "null" in e.code]
    assert failed and len(failed) == len(with_null)
    assert all("Input should be" in p for _, p in failed)


def test_the_example_docs_pass_in_every_style_that_loads() -> None:
    for style in (Style.PYDANTIC, Style.DATACLASS, Style.MSGSPEC):
        report = verify_examples(ROOT / "input" / "speakeasy_ts", Options(style=style))
        assert report.checked >= 20
        assert report.passed == report.checked, [p for _, p in report.results if p]
