"""The plain markdown reader gives what markdown-it gives, or leaves the page to it.

``generator.speed.plain_markdown`` reads the markdown SDK docs are written in several times
faster than markdown-it; a page it is unsure of goes to markdown-it. Properties: on any
generated markdown (hostile lines included) the plain reader either declines or gives
exactly markdown-it's headings, blocks and warnings; on markdown of the plain subset it
never declines; and on every doc of every corpus it agrees, declining only where
expected.
"""

from __future__ import annotations

import pytest
from helpers import CORPORA, COUNTS
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.rules_block.table import escapedSplit

from generator.core.markdown import escaped_split, markdown_it_blocks
from generator.speed.plain_markdown import _UNREAD_CHARACTERS, _has_unread_characters, read_blocks

# Docs the plain reader leaves to markdown-it, by corpus (nested or indented lists, indented
# code, tabs outside code, HTML blocks, quotes with lazy lines, ...; the API pages of
# OpenAPI Generator's trees are most). Anything else is read plainly.
DECLINED = {
    "boomi-py-liblab": 4,
    "mistral-py": 2,
    "openai-kotlin-oag": 17,
    "plex-csharp": 1,
    "plex-go": 1,
}


def both(text: str) -> tuple[object, object]:
    plain_found: list[object] = []
    plain = read_blocks(text, "doc.md", plain_found)  # type: ignore[arg-type]
    found: list[object] = []
    full = markdown_it_blocks(text, "doc.md", found)  # type: ignore[arg-type]
    return (None if plain is None else (plain, plain_found)), (full, found)


def count(kind: str) -> None:
    COUNTS[kind] = COUNTS.get(kind, 0) + 1


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(p.name for p in CORPORA.iterdir() if p.is_dir()))
def test_every_corpus_doc_reads_as_markdown_it_reads_it(name: str) -> None:
    declined = []
    for path in sorted((CORPORA / name).rglob("*.md")):
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        plain, full = both(text)
        if plain is None:
            declined.append(path)
        else:
            assert plain == full, path
    assert len(declined) == DECLINED.get(name, 0), declined


WORDS = st.sampled_from(
    ["a", "word"] * 10
    + [
        "a",
        "word",
        "`code`",
        "**b**",
        "*i*",
        "|",
        "\\|",
        "\\",
        "#",
        "[x](y.md)",
        "<v>",
        ":",
        "-",
        "~~s~~",
        "1.",
        "é",
        "\u00a0",
        "\u3000",
        "\u2028",
        "\x1c",
        "\x85",
        "  ",
        "`",
        "]:",
        "&amp;",
    ]
)
TEXT = st.lists(WORDS, max_size=6).map(" ".join)
PLAIN_TEXT = st.lists(st.sampled_from(["let", "x", "=", "`y`", "|", "#", "é", "  "]), max_size=6).map(
    " ".join
)
STARTS = st.sampled_from(
    [""] * 40
    + [
        "-",
        "- ",
        "* ",
        "+ ",
        " - ",
        "  * ",
        "   + ",
        "    - ",
        "*",
        "_",
        "___",
        "=",
        "==",
        "|",
        ":",
        ":-",
        "#",
        "# ",
        "####### ",
        ">",
        "<",
        "<https://x.io>",
        "<div>",
        '<a id="x"></a>',
        '<a id="x">',
        "</a> ",
        "<!-- ",
        "<pre",
        "# # ",
        "## x ## ",
        "# #",
        "\t",
        "  ",
        "`",
        "```",
        "~~~",
        "~~",
        "1. ",
        "1) ",
        "2.",
        "12345678901. ",
        "[a]: /u",
        "[a]",
        " ",
        "   ",
        "    ",
        "\t",
        "---",
        "***",
        "- - -",
        "===",
        "-- ",
        "\r",
    ]
)
LINE = st.builds(lambda start, text: start + text, STARTS, TEXT)


def _row(cells: list[str], outer: bool, pad: int) -> str:
    row = " | ".join(cell.ljust(pad) for cell in cells)
    return f"| {row} |" if outer else row


@st.composite
def tables(draw: st.DrawFn, plain: bool = False) -> str:
    width = draw(st.integers(1, 4))
    outer = True if plain else draw(st.booleans())
    pad = draw(st.sampled_from([0, 0, 12]))
    cell = st.sampled_from(["Field", "`id`", "*string*", "a \\| b", "", "~~`old`~~", "é"]) if plain else TEXT
    header = [draw(cell) or "h" for _ in range(width)]
    rule = draw(
        st.sampled_from(
            ["---", ":---", "---:", ":-:", "-"] if plain else ["---", ":-:", "--", "- -", ": -", "-", "x"]
        )
    )
    delimiter = _row([rule] * (width if plain else draw(st.integers(1, 5))), outer, pad)
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(cell) for _ in range(width if plain else draw(st.integers(0, 6)))]
        row = _row(cells, outer, pad)
        rows.append(row if plain else draw(STARTS) + row)
    return "\n".join([_row(header, outer, pad), delimiter, *rows])


@st.composite
def fences(draw: st.DrawFn, plain: bool = False) -> str:
    ticks = draw(st.integers(3, 5))
    info = draw(st.sampled_from(["", "typescript", " python ", "a`b"] if not plain else ["", "typescript"]))
    body = draw(st.lists(LINE if not plain else PLAIN_TEXT.map(lambda t: "\t" + t), max_size=4))
    closing = "`" * draw(st.integers(ticks, ticks + 2)) + draw(st.sampled_from(["", " "]))
    if not plain:
        body.insert(
            draw(st.integers(0, len(body))), draw(st.sampled_from(["```", "  ```", "    ```", "``` x", "`"]))
        )
        closing = draw(st.sampled_from([closing, "", "``"]))
    return "\n".join(["`" * ticks + info, *body, closing])


@st.composite
def bullets(draw: st.DrawFn, plain: bool = False) -> str:
    marker = draw(st.sampled_from("-*+"))
    items = draw(
        st.lists(st.sampled_from(['`"QUEUED"`', "item", "**b** text", "[x](y.md)"]), min_size=1, max_size=4)
    )
    # spaces before a marker (OpenAPI Generator's `` - **Accept**: x``): any for the lists
    # held to markdown-it; none or one for all items of a plain list (an item indented as
    # far as the text above it, of its list or of a list before it, is nested in that one)
    indents = st.sampled_from(["", " ", "  ", "   ", "    "])
    indent = draw(st.sampled_from(["", " "])) if plain else ""
    joint = "\n" if plain else draw(st.sampled_from(["\n", "\n\n", "\n  ", "\n- ", "\n* ", "\n   "]))
    return joint.join(f"{indent if plain else draw(indents)}{marker} {item}" for item in items)


@st.composite
def quotes(draw: st.DrawFn) -> str:
    """A quote of one paragraph, with lazy lines after it (Rust's method signatures)."""
    quoted = draw(
        st.lists(st.sampled_from(["> Type method(x)", ">models::X get(id)", "> a | b"]), min_size=1)
    )
    lazy = draw(st.lists(st.sampled_from(["Summary text", "  indented", "a | b", "`x` y"]), max_size=2))
    return "\n".join(quoted + lazy)


SAFE_PARAGRAPH = st.lists(
    st.sampled_from(
        [
            "Some text.",
            "**Bold** start",
            "`code` start",
            "<https://docs.x.io/a>",
            "a | b",
            "é \u00a0x",
            ":py:attr:`x`",
            "-x",
            "=x",
            '<a id="Type"></a>',
        ]
    ),
    min_size=1,
    max_size=3,
).map("\n".join)
HEADING = st.builds(
    lambda level, text: "#" * level + " " + text,
    st.integers(1, 6),
    st.sampled_from(["Title", "Fields", "`x`", "# Identity", "Name ##", "OryClient::Identity", "#"]),
)


@given(
    st.lists(st.one_of(LINE, tables(), fences(), bullets(), st.just("")), max_size=12),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
@settings(max_examples=400, deadline=None)
def test_any_markdown_is_read_as_markdown_it_reads_it_or_left_to_it(blocks: list[str], joint: str) -> None:
    plain, full = both(joint.join(blocks) + "\n")
    if plain is None:
        count("markdown pages left to markdown-it")
    else:
        count("markdown pages read plainly")
        assert plain == full


@given(
    st.lists(
        st.one_of(
            HEADING, SAFE_PARAGRAPH, tables(plain=True), fences(plain=True), bullets(plain=True), quotes()
        ),
        max_size=10,
    )
)
@settings(max_examples=200, deadline=None)
def test_plain_markdown_is_read_without_markdown_it(blocks: list[str]) -> None:
    plain, full = both("\n\n".join(blocks) + "\n")
    assert plain is not None
    assert plain == full
    count("plain markdown pages")


@given(st.text(alphabet="|\\ab `", max_size=40))
def test_the_faster_table_row_split_is_markdown_its(row: str) -> None:
    assert escaped_split(row) == escapedSplit(row)


@given(
    st.text(st.one_of(st.characters(), st.sampled_from("\x00\t\x0b\x1f\x7f\x85\ufeff\u2028\u2029\ud800 é|")))
)
def test_the_faster_unread_character_check_is_the_regex_search(text: str) -> None:
    assert _has_unread_characters(text) == (_UNREAD_CHARACTERS.search(text) is not None)
