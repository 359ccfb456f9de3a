"""The speed layer changes nothing: every corpus in every style gives the same files, byte for
byte, through the plain stages (one process, markdown-it, nothing reused) as through
``generator.speed`` (forked workers, the plain markdown reader).

Each piece is also held to its plain twin on its own: the markdown reader to markdown-it
(``test_markdown.py``), the layout to black (``test_layout.py``: black itself is too slow
to run on every corpus twice here, so both runs below lay out with the layout), the memo to
a run from nothing after every kind of edit (``test_workflow.py``), the executor to one
process (here and ``test_parallel.py``).
"""

from __future__ import annotations

import pytest
from helpers import ALL_CORPORA, corpus

from generator import Options, Style
from generator.core.pipeline import Runner, generate
from generator.speed import layout, runner

pytestmark = pytest.mark.corpus

PLAIN = Runner(format_python=layout.format_python)


@pytest.mark.parametrize("style", list(Style))
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_the_speed_layer_changes_nothing(name: str, style: Style) -> None:
    options = Options(style=style)
    plain = generate(corpus(name), options, PLAIN)
    fast = generate(corpus(name), options, runner(jobs=2))
    assert dict(plain.files) == dict(fast.files)
    assert plain.diagnostics == fast.diagnostics
    assert plain.wire_names == fast.wire_names
