"""``python -m tests.sdk_truth``: the README's table of wire names and required flags, each
corpus with an ``sdk/`` generated with the default options and scored against its SDK."""

from __future__ import annotations

from generator import Options, generate

from . import CORPORA, READERS
from .score import score


def main() -> None:
    print("| corpus | fields | wire names right | best single casing rule | required flags right |")
    print("| --- | ---: | ---: | --- | ---: |")
    for name in sorted(READERS):
        docs = CORPORA / name / "docs"
        source = docs / "models" if (docs / "models").is_dir() else docs
        result = score(name, generate(source, Options()).tree.models, str(source))
        rule, best = result.best_rule
        print(
            f"| {name} | {result.fields} | {result.wire_right} ({result.wire_share:.1%}) "
            f"| {rule} {best:.1%} | {result.required_share:.1%} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
