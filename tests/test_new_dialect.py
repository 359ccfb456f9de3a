"""Adding a dialect touches only ``generator/core/dialects/``: a toy doc format, registered
the way a real one is (a family in :data:`generator.core.dialects.FAMILIES`), is read by the
whole pipeline, in every style, with nothing else changed."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator
from generator import Options, Style
from generator.core import dialects, ir
from generator.core.dialects.base import Detected, Reading
from generator.core.options import AliasRule
from generator.core.page import Page, Table


class ToyDialect:
    """``# Toy: Name`` then a ``## Keys`` table of ``key | kind | required``."""

    name = "toy"
    rule = AliasRule.NONE
    echoes: frozenset[str] = frozenset()

    def read(self, page: Page, reading: Reading) -> list[ir.Model]:
        assert page.title is not None
        section = page.section("keys")
        assert section is not None
        table = next(b for b in section.blocks if isinstance(b, Table))
        kinds = {"text": ir.Kind.STR, "number": ir.Kind.INT}
        fields = tuple(
            ir.Field(
                name=(key := row.cells[0]),
                type=ir.Primitive(kinds[row.cells[1]]),
                required=row.cells[2] == "yes",
                nullable=ir.Nullable.NO,
                description="",
                location=page.at(row.line),
                shown=key,
            )
            for row in table.rows
        )
        name = page.title.removeprefix("Toy:").strip()
        return [ir.ObjectModel(key=page.rel, name=name, description="", location=page.at(1), fields=fields)]


class ToyFamily:
    name = "toy"
    dialects = (ToyDialect(),)

    def detect(self, page: Page, only: object = None) -> Detected | None:
        if page.title and page.title.startswith("Toy:") and page.section("keys"):
            return Detected(self.dialects[0], True)
        return None


@pytest.fixture
def toy_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    family = ToyFamily()
    monkeypatch.setattr(dialects, "FAMILIES", (family, *dialects.FAMILIES))
    monkeypatch.setattr(dialects, "DIALECTS", {**dialects.DIALECTS, "toy": family.dialects[0]})
    monkeypatch.setattr(dialects, "_FAMILY_OF", {**dialects._FAMILY_OF, "toy": family})


@pytest.mark.parametrize("style", [Style.PYDANTIC, Style.DATACLASS, Style.TYPEDDICT, Style.MSGSPEC])
def test_a_new_dialect_is_read_by_the_whole_pipeline(
    toy_registered: None, tmp_path: Path, style: Style
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pet.md").write_text(
        "# Toy: Pet\n\n## Keys\n\n| key | kind | required |\n| --- | --- | --- |\n"
        "| petName | text | yes |\n| age | number | no |\n"
    )
    plan = generator.generate(docs, Options(style=style))
    (model,) = plan.tree.models
    assert model.dialect == "toy" and [f.name for f in model.fields] == ["petName", "age"]
    text = plan.files["pet.py"]
    assert "class Pet" in text and "petName" in text


def test_without_registration_the_toy_doc_is_no_model(tmp_path: Path) -> None:
    (tmp_path / "pet.md").write_text(
        "# Toy: Pet\n\n## Keys\n\n| key | kind | required |\n| --- | --- | --- |\n| a | text | yes |\n"
    )
    assert generator.generate(tmp_path, Options()).tree.models == ()
