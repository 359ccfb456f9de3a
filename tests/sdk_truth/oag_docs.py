"""What the OpenAPI Generator readers share: which docs have a field table, a oneOf's fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import TrueField


def docs_with_tables(docs: Path) -> dict[str, str]:
    """doc path (relative) -> the model name its heading gives, for docs whose
    ``## Properties`` table has at least one row."""
    out = {}
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        m = re.search(
            r"^## Properties[ \t]*\n(?:[ \t]*\n)*\|?[ \t]*Name[ \t]*\|.*\n\|?[ \t]*-+.*\n\|?[ \t]*\S.*\|",
            text,
            re.M,
        )
        if not m:
            continue
        head = re.search(r"^# (.+)$", text, re.M)
        name = re.split(r"[\s.:#]+", head.group(1).strip())[-1] if head else path.stem
        out[path.relative_to(docs).as_posix()] = name
    return out


def union_fields(members: list[str], model: Callable[[str], tuple[str, Any] | None]) -> list[TrueField]:
    """A oneOf's fields: those of its object members, required where every member requires them
    (None where some do)."""
    order: dict[str, TrueField] = {}
    flags: dict[str, list[bool]] = {}
    objects = 0
    for member in members:
        got = model(member)
        if got is None or got[0] != "fields":
            continue
        objects += 1
        for f in got[1]:
            order.setdefault(f.shown, f)
            flags.setdefault(f.shown, []).append(bool(f.required))
    out = []
    for shown, f in order.items():
        fl = flags[shown]
        required = True if len(fl) == objects and all(fl) else False if not any(fl) else None
        out.append(TrueField(shown, f.wire, required, f.nullable))
    return out
