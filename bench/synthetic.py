"""Write a synthetic Speakeasy TypeScript docs tree of realistic shapes, for the benchmark.

Per 10 docs: 6 objects (2 to 14 fields, 8 on average: strings, numbers, booleans,
arrays, maps, literals, links to other docs, deprecated fields; descriptions of about 55
characters, a few long), 3 enums (table or code block) and 1 union (3 member types),
spread over ``components/`` and ``operations/`` and linking across them; objects and
enums carry an ``## Example Usage``. Those are the averages of the dub-ts corpus.
``--padded`` pads every table cell to the widest one, as Speakeasy does (a 4,000-doc tree
then weighs about 56 MB).

    python bench/synthetic.py OUT --docs 10000 [--padded]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = (
    "the id of a link workspace partner customer event sale lead click url domain key tag folder "
    "program commission payout amount currency status created updated deleted name email country city "
    "region device browser referrer campaign source medium term content external tenant value"
).split()
PACKAGES = ("components", "operations")


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def camel(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    return words[0] + "".join(w.capitalize() for w in words[1:])


def table(rows: list[list[str]], padded: bool) -> str:
    if not padded:
        return "\n".join(
            "| " + " | ".join(r) + " |" for r in rows[:1] + [["-" * 3] * len(rows[0])] + rows[1:]
        )
    width = max(len(c) for r in rows for c in r)  # Speakeasy pads every cell to the widest one
    lines = ["| " + " | ".join(c.ljust(width) for c in rows[0]) + " |"]
    lines.append("| " + " | ".join("-" * width for _ in rows[0]) + " |")
    lines += ["| " + " | ".join(c.ljust(width) for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def generate(out: Path, count: int, padded: bool, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = [f"Model{i}" for i in range(count)]
    kinds = ["object" if i % 10 < 6 else "enum" if i % 10 < 9 else "union" for i in range(count)]
    package = [PACKAGES[i % 2] for i in range(count)]

    def link(j: int) -> str:
        return f"[{package[j]}.{names[j]}](../../models/{package[j]}/{names[j].lower()}.md)"

    for i, (name, kind) in enumerate(zip(names, kinds)):
        path = out / "models" / package[i] / f"{name.lower()}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = [f"# {name}", "", sentence(rng, 4, 16), ""]
        if kind == "object":
            rows = [["Field", "Type", "Required", "Description", "Example"]]
            used: set[str] = set()
            for _ in range(rng.randint(2, 14)):
                field = camel(rng)
                if field in used:
                    continue
                used.add(field)
                others = [j for j in range(max(0, i - 50), i) if kinds[j] != "union"] or [None]
                other = rng.choice(others)
                shape = rng.choice(
                    [
                        "*string*",
                        "*number*",
                        "*boolean*",
                        "*string*[]",
                        "Record<string, *any*>",
                        '*"fixed"*',
                        "link",
                        "links",
                        "*any*",
                    ]
                )
                if shape.startswith("link"):
                    shape = "*string*" if other is None else link(other) + ("[]" if shape == "links" else "")
                required = rng.choice([":heavy_check_mark:", ":heavy_minus_sign:"])
                description = sentence(rng, 60, 110) if rng.random() < 0.15 else sentence(rng, 2, 12)
                cell = f"`{field}`"
                if rng.random() < 0.03:
                    cell = f"~~`{field}`~~"
                    description = (
                        ": warning: ** DEPRECATED **: This will be removed in a future release, please "
                        "migrate away from it as soon as possible.<br/><br/>" + description
                    )
                rows.append(
                    [cell, shape, required, description, rng.choice(["", "", "<value>", "2024-05-01"])]
                )
            example = ", ".join(f'{r[0].strip("~`")}: "<value>"' for r in rows[1:4])
            body += [
                "## Example Usage",
                "",
                "```typescript",
                f'import {{ {name} }} from "sdk/models";',
                "",
                f"let value: {name} = {{ {example} }};",
                "```",
                "",
                "## Fields",
                "",
                table(rows, padded),
            ]
        elif kind == "enum":
            values = sorted({camel(rng).lower() for _ in range(rng.randint(2, 9))})
            if rng.random() < 0.5:
                rows = [["Name", "Value"]] + [[f"`{v.capitalize()}`", v] for v in values]
                body += ["## Values", "", table(rows, padded)]
            else:
                body += ["## Values", "", "```typescript", " | ".join(f'"{v}"' for v in values), "```"]
        else:
            body += ["## Supported Types", ""]
            members = rng.sample([j for j in range(max(0, i - 30), i) if kinds[j] == "object"] or [0], k=1)
            for member in ["string", "number", *(f"{package[j]}.{names[j]}" for j in members)]:
                body += [
                    f"### `{member}`",
                    "",
                    "```typescript",
                    f"const value: {member} = /* example */;",
                    "```",
                    "",
                ]
        path.write_text("\n".join(body) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--padded", action="store_true")
    args = parser.parse_args()
    generate(args.out, args.docs, args.padded)


if __name__ == "__main__":
    main()
