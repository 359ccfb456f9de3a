"""The example jobs: ``input/<docs>`` -> ``output/<style>/<docs>``, in every style.

Regenerate the committed output after a change with::

    python tests/golden.py

``tests/test_golden.py`` fails, with a diff, when ``output/`` is not what this makes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import Options, Style, generate  # noqa: E402

INPUTS = ("speakeasy_ts",)


def jobs() -> list[tuple[Path, str, Options]]:
    """(docs directory, output path relative to output/, options) for every example job."""
    return [
        (ROOT / "input" / docs, f"{style.value}/{docs}", Options(style=style))
        for docs in INPUTS
        for style in Style
    ]


def expected() -> dict[str, str]:
    """Every output file, by path relative to ``output/``."""
    files = {}
    for source, out, options in jobs():
        for rel, text in generate(source, options).files.items():
            files[f"{out}/{rel}"] = text
    return files


def main() -> None:
    output = ROOT / "output"
    if output.exists():
        shutil.rmtree(output)
    for rel, text in expected().items():
        path = output / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
