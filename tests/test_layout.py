"""gen-models lays out code as black does, without running black (generator.speed.layout):
proven here, for every corpus and style, against black itself."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import black
import pytest
from black.mode import TargetVersion
from helpers import ALL_CORPORA, ROOT, STYLES, Generated, unformatted
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import Options, Style, generate
from generator.core.options import EnumStyle, Extra, Nulls
from generator.speed import layout
from generator.speed.layout import scan


def _black(args: tuple[str, int] | tuple[str, int, tuple[int, int]]) -> str:
    source, line_length, *target = args
    version = TargetVersion[f"PY{target[0][0]}{target[0][1]}"] if target else TargetVersion.PY310
    mode = black.Mode(target_versions={version}, line_length=line_length)
    return str(black.format_str(source, mode=mode))


@pytest.fixture(scope="module")
def pool() -> ProcessPoolExecutor:
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as executor:
        yield executor  # type: ignore[misc]


def assert_black_made(
    files: dict[str, str],
    rendered: dict[str, str],
    line_length: int,
    pool: ProcessPoolExecutor,
    target: tuple[int, int] = (3, 10),
) -> None:
    """Every file is what black makes of the code its template rendered."""
    paths = sorted(p for p in files if p.endswith(".py"))
    expected = pool.map(_black, [(rendered[p], line_length, target) for p in paths], chunksize=32)
    for path, want in zip(paths, expected):
        assert files[path] == want, path


@pytest.mark.corpus
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", ALL_CORPORA)
def test_output_is_what_black_makes(
    name: str, style: str, generate_corpus: Callable[[str, str], Generated], pool: ProcessPoolExecutor
) -> None:
    gen = generate_corpus(name, style)
    rendered = unformatted(gen.plan.tree, Options(style=Style(style)))
    assert_black_made(dict(gen.plan.files), dict(rendered), 88, pool)


@pytest.mark.parametrize("line_length", [40, 60, 100, 120])
@pytest.mark.parametrize("docs", ["speakeasy_ts", "speakeasy_python", "openapi_generator"])
def test_other_line_lengths(docs: str, line_length: int, pool: ProcessPoolExecutor) -> None:
    for style in map(Style, STYLES):
        options = Options(style=style, line_length=line_length)
        plan = generate(ROOT / "input" / docs, options)
        assert_black_made(dict(plan.files), dict(unformatted(plan.tree, options)), line_length, pool)


# Every option that changes the code's shape, one at a time and all together, for every input.
_SHAPES = [
    {"target": (3, 9)},
    {"target": (3, 13)},
    {"enum_style": EnumStyle.LITERAL},
    {"extra": Extra.FORBID},
    {"nulls": Nulls.STRICT},
    {"field_docstrings": False},
    {"target": (3, 9), "enum_style": EnumStyle.LITERAL, "extra": Extra.ALLOW, "line_length": 60},
]


@pytest.mark.corpus
@pytest.mark.parametrize("shape", range(len(_SHAPES)))
@pytest.mark.parametrize("docs", sorted(p.name for p in (ROOT / "input").iterdir() if p.is_dir()))
def test_every_option_that_shapes_code(docs: str, shape: int, pool: ProcessPoolExecutor) -> None:
    for style in map(Style, STYLES):
        options = Options(style=style, **_SHAPES[shape])  # type: ignore[arg-type]
        plan = generate(ROOT / "input" / docs, options)
        rendered = dict(unformatted(plan.tree, options))
        assert_black_made(dict(plan.files), rendered, options.line_length, pool, options.target)


@pytest.mark.parametrize(
    "source",
    [
        "x = {name: some_function(text) for name, text in some_object.attribute_that_is_long.another.items()}\n",
        "x = [some_function(a, b) for a, b in zip(some_object.attribute_that_is_long, another_long_sequence)]\n",
        "x = sorted(some_long_sequence_name_here, key=lambda item, other=None: (item.first, item.second_one))\n",
    ],
)
def test_comprehensions_and_lambdas_are_left_to_black(source: str) -> None:
    """Their commas do not separate a display's elements: layout gives up on them."""
    fast = layout.layout(source, 88)
    assert fast is None or fast == _black((source, 88))


# Characters that make string literals, comments and brackets hard to read, and some that are
# not ASCII (the fast paths read bytes, or give up on them).
_TRICKY = st.lists(st.sampled_from([*"\"'#\\()[]{},= \nax\x00é漢", '"""', "'''"]), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TRICKY)
def test_fast_paths_read_code_as_the_regex_does(source: str) -> None:
    """The str and bytes shortcuts find the strings, brackets and depths the plain regex
    definitions find (layout reads each line on its own: a mask's text has no newline)."""
    regex_depths = [_regex_balance(scan.LITERALS.sub("", line)) for line in source.split("\n")]
    assert scan.line_depths(source) == regex_depths
    text = source.replace("\n", " ")
    masked = scan.mask(text)
    assert masked == scan.LITERALS.sub(scan.blank, text)
    code = scan.code(masked)
    assert scan.bracket_offsets(code) == [m.start() for m in scan.BRACKETS.finditer(code)]
    assert scan.balance(code) == _regex_balance(code)
    pieces = code.split(",")
    if len(pieces) > 1:
        assert scan.rejoin_nested(pieces, code) == _rejoin_by_counting(pieces)


def _regex_balance(code: str) -> int:
    """How many more brackets ``code`` opens than it closes."""
    return len(re.findall(r"[(\[{]", code)) - len(re.findall(r"[)\]}]", code))


def _rejoin_by_counting(pieces: list[str]) -> list[str]:
    """Pieces cut at each comma, rejoined where the brackets before a comma are open."""
    joined, depth = [pieces[0]], _regex_balance(pieces[0])
    for piece in pieces[1:]:
        if depth == 0:
            joined.append(piece)
        else:
            joined[-1] += "," + piece
        depth += _regex_balance(piece)
    return joined


_NAME = st.integers(1, 110).map(lambda n: "N" + "a" * (n - 1))
_ARGUMENT = st.one_of(
    st.integers(1, 100).map(lambda n: '"' + "s" * n + '"'),
    st.integers(1, 60).map(lambda n: "v" * n),
    st.tuples(st.integers(1, 30), st.integers(1, 40), st.integers(1, 40)).map(
        lambda t: f'{"U" * t[0]}["{"a" * t[1]}", "{"b" * t[2]}"]'
    ),
)
_CALL_ASSIGNMENTS = st.tuples(_NAME, _NAME, st.lists(_ARGUMENT, min_size=1, max_size=3), st.booleans()).map(
    lambda t: ("class K:\n    " if t[3] else "") + f"{t[0]} = {t[1]}({', '.join(t[2])})\n"
)


@settings(max_examples=400, deadline=None)
@given(_CALL_ASSIGNMENTS)
def test_long_assignments_of_calls_are_laid_out_as_black_does(source: str) -> None:
    """``NAME = callee(...)`` of every length, up to a first line too long to fit: the layout
    gives up (black then formats it) or says exactly what black says."""
    ours = layout.layout(source, 88)
    if ours is not None:
        assert ours == _black((source, 88))


_TYPE = st.integers(1, 90).map(lambda n: "P" * n)
_ANNOTATION = st.one_of(
    _TYPE,
    _TYPE.map(lambda t: f'"{t}"'),
    _TYPE.map(lambda t: f"{t} | None"),
    st.tuples(_TYPE, _TYPE).map(lambda t: f"{t[0]} | {t[1]} | None"),
    _TYPE.map(lambda t: f"list[{t}] | None"),
    _TYPE.map(lambda t: f"list[{t}]"),
    _TYPE.map(lambda t: f"NotRequired[{t}]"),
    st.just("TypeAlias"),
)
_VALUE = st.one_of(
    st.just(""),
    st.sampled_from([" = None", " = field(default=None)"]),
    st.integers(1, 40).map(lambda n: " = " + "V" * n),
    st.integers(1, 30).map(lambda n: f' = Field(alias="{"a" * n}")'),
    st.tuples(st.integers(1, 30), st.integers(1, 80)).map(
        lambda t: f' = Field(default=None, alias="{"a" * t[0]}", description="{"d" * t[1]}")'
    ),
    st.tuples(_TYPE, _TYPE).map(lambda t: f' = Union["{t[0]}", "{t[1]}"]'),
    # one atom, too long or not (msgspec's static aliases: ``X: TypeAlias = "A | B"``)
    st.integers(1, 130).map(lambda n: ' = "' + "s" * n + '"'),
    st.integers(1, 130).map(lambda n: " = " + "V" * n),
)
_ANNOTATED = st.tuples(
    st.booleans(), st.integers(1, 90), _ANNOTATION, _VALUE, st.sampled_from([60, 88, 120])
).map(lambda t: (("class A:\n    " if t[0] else "") + "n" * t[1] + f": {t[2]}{t[3]}\n", t[4]))


@settings(max_examples=400, deadline=None)
@given(_ANNOTATED)
def test_long_annotated_assignments_are_laid_out_as_black_does(case: tuple[str, int]) -> None:
    """``name: annotation = value`` of every length, in the shapes the templates make: the
    layout gives up (black then formats it) or says exactly what black says. (black puts the
    annotation in invisible parentheses too, which it makes visible when the name is long.)"""
    source, line_length = case
    ours = layout.layout(source, line_length)
    if ours is not None:
        assert ours == _black((source, line_length))


_DECORATED = st.tuples(
    st.booleans(),
    st.integers(1, 40).map(lambda n: "d" * n),
    st.lists(st.integers(1, 40).map(lambda n: '"' + "a" * n + '"'), min_size=1, max_size=8),
    st.sampled_from(["def f(self):", "class B:"]),
    st.sampled_from([40, 88, 120]),
).map(
    lambda t: (
        ("class A:\n    " if t[0] else "")
        + f"@_unions.{t[1]}({', '.join(t[2])})\n"
        + ("    " if t[0] else "")
        + f"{t[3]}\n"
        + ("        " if t[0] else "    ")
        + "pass\n",
        t[4],
    )
)


@settings(max_examples=300, deadline=None)
@given(_DECORATED)
def test_long_decorators_are_laid_out_as_black_does(case: tuple[str, int]) -> None:
    """A decorator call of every length (msgspec's ``@_unions.loads(...)``): laid out as
    black lays it out (a head too long for its line is left to black)."""
    source, line_length = case
    ours = layout.layout(source, line_length)
    head = source.partition("(")[0].rpartition("\n")[2]
    if len(head) + 1 < line_length:
        assert ours is not None
    if ours is not None:
        assert ours == _black((source, line_length))


_PARAMETERS = st.lists(
    st.sampled_from(["self", "cls", "data: Mapping[str, Any]", "value: int = 0", "x"]), min_size=1, max_size=4
)
_DEFS = st.tuples(
    st.sampled_from(["", "    ", "        "]),
    st.integers(1, 40).map(lambda n: "f" * n),
    _PARAMETERS,
    st.booleans(),
    st.integers(1, 120).map(lambda n: "R" * n),
    st.sampled_from([40, 88, 120]),
).map(
    lambda t: (
        {"": "", "    ": "class A:\n", "        ": "class A:\n    class B:\n"}[t[0]]
        + f"{t[0]}def {t[1]}({', '.join(t[2])}{',' if t[3] else ''}) -> {t[4]}:\n{t[0]}    pass\n",
        t[5],
    )
)


@settings(max_examples=400, deadline=None)
@given(_DEFS)
def test_long_def_lines_are_laid_out_as_black_does(case: tuple[str, int]) -> None:
    """A ``def`` of every length, its return annotation a plain name (as the dataclass style's
    ``from_dict`` has): laid out without black, exactly as black lays it out, the annotation
    too long for its line included (black wraps it in parentheses if it then fits)."""
    source, line_length = case
    assert layout.layout(source, line_length) == _black((source, line_length))


_CLASSES = st.tuples(
    st.integers(1, 100).map(lambda n: "C" * n),
    st.lists(
        st.one_of(
            st.integers(1, 110).map(lambda n: "_" + "B" * n),
            st.integers(1, 60).map(lambda n: f"Generic[{'T' * n}, {'U' * n}]"),
        ),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
    st.sampled_from([40, 88, 120]),
).map(lambda t: (f"class {t[0]}({', '.join(t[1])}{',' if t[2] else ''}):\n    x: int\n", t[3]))


@settings(max_examples=400, deadline=None)
@given(_CLASSES)
def test_long_class_lines_are_laid_out_as_black_does(case: tuple[str, int]) -> None:
    """A class line too long, with one base or several (TypedDict's functional bases have
    long names): the layout gives up or says what black says."""
    source, line_length = case
    ours = layout.layout(source, line_length)
    if ours is not None:
        assert ours == _black((source, line_length))


@pytest.mark.corpus
def test_line_width_is_blacks_without_importing_black() -> None:
    """The width table is read from black's source, not through black (a quarter of a second
    to import): every code point at the edges of its ranges, and every line of every corpus's
    docs, measures as black measures it."""
    from black._width_table import WIDTH_TABLE
    from black.strings import str_width as black_width

    from generator.speed.layout import width as textwidth

    assert textwidth._black_table() == [tuple(row) for row in WIDTH_TABLE]
    edges = {c + d for start, end, _ in WIDTH_TABLE for c in (start, end) for d in (-1, 0, 1)}
    chars = [chr(c) for c in sorted(edges) if 0 <= c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF]
    assert [textwidth.str_width(c) for c in chars] == [black_width(c) for c in chars]
    lines = {
        line
        for name in ALL_CORPORA
        for doc in (ROOT.parent / "shared" / "corpora" / name).rglob("*.md")
        for line in doc.read_text("utf-8", "replace").splitlines()
        if not line.isascii()
    }
    assert len(lines) > 20  # the corpora do hold non-ASCII text
    assert {line: textwidth.str_width(line) for line in lines} == {line: black_width(line) for line in lines}
