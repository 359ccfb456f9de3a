"""The small parts: the Type cell grammar, names, and doc text as Python source."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_hostile import HOSTILE_BITS

from generator.core import casing, ir, pysource
from generator.core.diagnostics import DocError, Location
from generator.core.dialects.languages.python import PYTHON
from generator.core.dialects.languages.python import PYTHON as OAG_PYTHON
from generator.core.dialects.languages.typescript import TYPESCRIPT
from generator.core.dialects.openapi_generator import OAG_TYPESCRIPT
from generator.core.dialects.typecells import Grammar, Parsed, parse_type
from generator.core.markdown import unescape
from generator.core.outputs.python import naming

AT = Location("x.md", 3)
STR, FLOAT = ir.Primitive(ir.Kind.STR), ir.Primitive(ir.Kind.FLOAT)


@pytest.mark.parametrize(
    ("cell", "node"),
    [
        ("*string*", STR),
        ("*number*[]", ir.ArrayOf(FLOAT)),
        ("*string*[][]", ir.ArrayOf(ir.ArrayOf(STR))),
        ("Record<string, *any*>", ir.MapOf(ir.ANY)),
        ("Record<string, Record<string, *number*>>", ir.MapOf(ir.MapOf(FLOAT))),
        ("{ [k: string]: any }", ir.MapOf(ir.ANY)),
        ('*"failed"*', ir.Literal("failed")),
        ("*true*", ir.Literal(True)),
        ("*42*", ir.Literal(42)),
        ("*string* \\| *number*", ir.UnionOf((STR, FLOAT))),
        ("[components.X](../x.md)", ir.Ref("components.X", "../x.md")),
        ("[components.X](../x.md)[]", ir.ArrayOf(ir.Ref("components.X", "../x.md"))),
        ("Record<string, [components.X](x.md)>", ir.MapOf(ir.Ref("components.X", "x.md"))),
        ("*components.FileT*", ir.Ref("components.FileT")),
        (
            "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
            ir.Primitive(ir.Kind.DATETIME),
        ),
        ("[RFCDate](../../types/rfcdate.md)", ir.Primitive(ir.Kind.DATE)),
        ("ReadableStream<Uint8Array>", ir.Primitive(ir.Kind.BYTES, "ReadableStream<...>")),
        (
            "[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)",
            ir.Primitive(ir.Kind.ANY, "Response"),
        ),
    ],
)
def test_type_cells(cell: str, node: ir.TypeNode) -> None:
    assert parse_type(cell, AT, TYPESCRIPT) == Parsed(node)


NONE = ir.Primitive(ir.Kind.NONE)


@pytest.mark.parametrize(
    ("cell", "grammar", "parsed"),
    [
        ("*Optional[str]*", PYTHON, Parsed(STR, "Optional")),
        ("*OptionalNullable[float]*", PYTHON, Parsed(FLOAT, "OptionalNullable")),
        ("[Nullable[models.X]](x.md)", PYTHON, Parsed(ir.Ref("models.X", "x.md"), "Nullable")),
        ("List[[models.X](x.md)]", PYTHON, Parsed(ir.ArrayOf(ir.Ref("models.X", "x.md")))),
        (
            "Dict[str, [Nullable[models.X]](x.md)]",
            PYTHON,
            Parsed(ir.MapOf(ir.UnionOf((ir.Ref("models.X", "x.md"), NONE)))),
        ),
        ('*Literal["a"]*', PYTHON, Parsed(ir.Literal("a"))),
        ("*Union[bytes, IO[bytes], io.BufferedReader]*", PYTHON, Parsed(ir.Primitive(ir.Kind.BYTES))),
        (
            "[date](https://docs.python.org/3/library/datetime.html#date-objects)",
            PYTHON,
            Parsed(ir.Primitive(ir.Kind.DATETIME)),
        ),
        ("**Array&lt;string&gt;**", OAG_TYPESCRIPT, Parsed(ir.ArrayOf(STR))),
        ("[**List[Tag]**](Tag.md)", OAG_PYTHON, Parsed(ir.ArrayOf(ir.Ref("Tag", "Tag.md")))),
        ("**{ [key: string]: string; }**", OAG_TYPESCRIPT, Parsed(ir.MapOf(STR))),
        ("**Dict[str, object]**", OAG_PYTHON, Parsed(ir.MapOf(ir.ANY))),
    ],
)
def test_python_and_openapi_type_cells(cell: str, grammar: Grammar, parsed: Parsed) -> None:
    """OpenAPI Generator's cells are HTML, unescaped by its dialect before they are parsed."""
    assert parse_type(unescape(cell), AT, grammar) == parsed


@pytest.mark.parametrize(
    "cell", ["", "Record<string", "*string*[", "Record<string>", "| |", "{ [k: string] }", "a b"]
)
def test_bad_type_cells_are_located_errors(cell: str) -> None:
    with pytest.raises(DocError) as caught:
        parse_type(cell, AT, TYPESCRIPT)
    assert str(caught.value.diagnostic).startswith(f"x.md:3: error: cannot read type {cell!r}")


def test_a_generic_the_language_does_not_know_is_any_with_a_warning() -> None:
    """An SDK's own wrapper is no wire type."""
    parsed = parse_type("Frob<[Chunk](chunk.md)>", AT, TYPESCRIPT)
    assert parsed.node == ir.Primitive(ir.Kind.ANY, "Frob<...>")
    assert parsed.warnings == (
        "Frob<...> in 'Frob<[Chunk](chunk.md)>' is a generic type gen-models does not know: typed Any",
    )


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(DocError, match="nested more than"):
        parse_type("Record<string, " * 100 + "*string*" + ">" * 100, AT, TYPESCRIPT)
    assert isinstance(
        parse_type("Record<string, " * 50 + "*string*" + ">" * 50, AT, TYPESCRIPT).node, ir.MapOf
    )


@pytest.mark.parametrize(
    ("wire", "attr"),
    [
        ("operationId", "operation_id"),
        ("HTTPMetadata", "http_metadata"),
        ("class", "class_"),
        ("2fa", "field_2fa"),
        ("x-request-id", "x_request_id"),
        ("_private", "private"),
        ("", "field_"),
        ("date", "date_"),
        ("type", "type"),
        ("é", "field_"),
    ],
)
def test_attribute_names(wire: str, attr: str) -> None:
    assert naming.attribute_name(wire) == attr


def test_collisions_are_broken_in_order() -> None:
    assert naming.unique(["a", "a", "A", "a"]) == ["a", "a_2", "A", "a_3"]
    assert naming.unique(["a", "A"], fold_case=True) == ["a", "A_2"]


def test_class_and_module_names() -> None:
    assert naming.class_name("~~Order~~".replace("~~", "")) == "Order"
    assert naming.class_name("None") == "None_"
    assert naming.module_name("Or") == "or_"
    assert naming.module_name("HTTPMetadata") == "http_metadata"


HOSTILE = HOSTILE_BITS + ["a\rb", 'end"', "\\x41"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_stays_data(text: str) -> None:
    source = (
        f"x = {pysource.string(text)}\n{pysource.docstring('a ' + text + ' b')}\n# {pysource.comment(text)}\n"
    )
    tree = ast.parse(source)
    assert len(tree.body) == 2
    assert ast.literal_eval(tree.body[0].value) == text  # type: ignore[attr-defined]
    assert ast.literal_eval(tree.body[1].value) == pysource.clean_text("a " + text + " b")  # type: ignore[attr-defined]


@given(st.text(alphabet='"\\\\ab \n\t\x00\u2028', max_size=30))
def test_any_text_makes_a_docstring_whose_value_is_that_text(text: str) -> None:
    literal = pysource.docstring(text)
    assert ast.literal_eval(literal) == pysource.clean_text(text)
    assert ast.literal_eval(pysource.string(text)) == text


@given(st.text(alphabet="aAbZz09_$@-. \u0663\u00e9", max_size=16))
def test_spellings_are_each_rules_spelling(name: str) -> None:
    """:func:`casing.spellings` spells a name in one pass: as each rule alone does, in order."""
    assert casing.spellings(name) == tuple(rule(name) for rule in casing.RULES.values())
