"""Every real corpus, in every style: a model per model doc, a tree that imports and type-checks."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ALL_CORPORA, STYLES, TYPECHECK_CORPORA, Generated, corpus, mypy, pyright

from generator.core.outputs.python import naming

pytestmark = pytest.mark.corpus

_MODEL_SECTION = re.compile(
    r"^## (Fields|Values|Supported Types|Properties|Enum|Enum Variants)\s*$", re.MULTILINE
)
_HELPER_TABLE = re.compile(r"^\|\s*Name\s*\|\s*Type\s*\|\s*Description\s*\|\s*Example\s*\|", re.MULTILINE)
_API_TABLE = re.compile(r"^\|?\s*Method\s*\|\s*HTTP request\s*\|\s*Description", re.MULTILINE)
_RUBY_ONE_OF = re.compile(r"^## Class instance methods\s*$[\s\S]*\.openapi_one_of", re.MULTILINE)


def model_docs(root: Path) -> set[str]:
    """Docs that are models, judged without gen-models: a heading and a model section, or only a
    heading; not Speakeasy's retry-config helper page (a Name | Type | Description | Example table)
    nor OpenAPI Generator's API pages (a Method | HTTP request | Description table). A ruby
    oneOf page (``.openapi_one_of`` in its methods) is a model. A liblab page (a
    ``**Properties**`` line) of several ``# Name`` sections is a model each, ``<path>#<Name>``."""
    found = set()
    for path in root.rglob("*.md"):
        text = path.read_text(encoding="utf-8-sig").lstrip("\n")
        sections = re.findall(r"^## (.+?)\s*$", text, re.MULTILINE)
        is_model = (
            _MODEL_SECTION.search(text) or set(sections) <= {"Example Usage"} or _RUBY_ONE_OF.search(text)
        )
        # APIMatic's pages name their class in ## Structure/Enumeration.
        apimatic = re.search(r"^## (Structure|Enumeration)\s*$", text, re.MULTILINE)
        page = text.startswith("# ") or apimatic
        if is_model and page and not _HELPER_TABLE.search(text) and not _API_TABLE.search(text):
            rel = path.relative_to(root).as_posix()
            headings = re.findall(r"^# (.+?)\s*$", text, re.MULTILINE)
            several = len(headings) > 1 and re.search(r"^\*\*Properties\*\*\s*$", text, re.MULTILINE)
            found.update({rel + "#" + h.replace("\\", "") for h in headings} if several else {rel})
    return found


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_every_model_doc_yields_an_importable_model(
    name: str, style: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    gen = generate_corpus(name, style)
    docs = model_docs(corpus(name))
    assert {m.key for m in gen.plan.tree.models} == docs
    assert gen.plan.stats.models == len(docs) > 100
    assert gen.plan.stats.docs == len(list(corpus(name).rglob("*.md")))
    assert not [d for d in gen.plan.diagnostics if d.is_error]
    imported = gen.import_all()
    assert imported == len(gen.plan.files)
    # Each model is reachable from its package under the name in its heading (with ``_``
    # after a builtin's name: ``Warning_``).
    names = naming.plan(gen.plan.tree.models)
    for model in gen.plan.tree.models:
        package = gen.module(".".join(names[model.key].package))
        cls = names[model.key].cls
        assert cls in (model.name, model.name + "_") and cls in package.__all__, model.key
        assert getattr(package, cls) is not None


@pytest.mark.typecheck
@pytest.mark.parametrize("style", STYLES)
def test_generated_code_passes_mypy_strict(
    style: str, generate_corpus: Callable[[str, str], Generated]
) -> None:
    """A corpus of each dialect, in one mypy run per style (not a cold start per corpus)."""
    result = mypy(style, *(generate_corpus(name, style) for name in TYPECHECK_CORPORA))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"Success: no issues found in \d{4,} source files", result.stdout), result.stdout


@pytest.mark.typecheck
@pytest.mark.parametrize("style", STYLES)
def test_generated_code_passes_pyright(style: str, generate_corpus: Callable[[str, str], Generated]) -> None:
    result = pyright(*(generate_corpus(name, style) for name in TYPECHECK_CORPORA))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 errors, 0 warnings" in result.stdout, result.stdout
