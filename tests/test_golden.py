"""The committed output/ is what gen-models makes of input/ today."""

from __future__ import annotations

import difflib

import golden


def test_output_is_current() -> None:
    expected = golden.expected()
    output = golden.ROOT / "output"
    actual = {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8") for p in output.rglob("*.py")}
    problems = []
    for rel in sorted(set(expected) | set(actual)):
        if rel not in actual:
            problems.append(f"missing: output/{rel}")
        elif rel not in expected:
            problems.append(f"stale: output/{rel}")
        elif actual[rel] != expected[rel]:
            diff = difflib.unified_diff(
                actual[rel].splitlines(), expected[rel].splitlines(), f"output/{rel}", "expected", lineterm=""
            )
            problems.append("\n".join(list(diff)[:40]))
    assert not problems, "output/ is stale; regenerate it with: python tests/golden.py\n" + "\n".join(
        problems
    )
