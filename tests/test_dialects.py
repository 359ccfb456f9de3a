"""Every dialect, detected file by file, read to the same models for the same API."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest
from helpers import CORPORA, ROOT, Generated, generated

from generator import Options, generate
from generator.core import ir
from generator.core.options import AliasRule, PythonDates
from generator.core.outputs.python import naming
from generator.core.resolve import Tree

# The same API (dub), documented four ways.
DUB = {
    "dub-ts": CORPORA / "dub-ts" / "docs" / "models",
    "dub-py": CORPORA / "dub-py" / "docs" / "models",
    "oag-python": CORPORA / "oag-dub-python" / "docs",
    "oag-axios": CORPORA / "oag-dub-ts-axios" / "docs",
}
SPEAKEASY = ("dub-ts", "dub-py")

# Speakeasy's `<Operation>Request` is the operation's request: its path and query parameters
# and a `request_body`. OpenAPI Generator's model of that name is the request body's schema.
SAME_NAME_OTHER_MODEL = {
    "ApproveBountySubmissionRequest",
    "RejectBountySubmissionRequest",
    "UpdateCommissionRequest",
    "UpdateCustomerRequest",
    "UpdateDomainRequest",
    "UpdateFolderRequest",
    "UpdateLinkRequest",
}
NEWER_API = "dub-python was generated from a later version of the API than dub-ts (and the spec the oag docs come from)"
INLINE_ENUM_DEFAULT = (
    "typescript-axios gives the default as an inline enum's constant (CityEnum_Star): its value is lost,"
    " so the field is required there and optional (with a default) elsewhere"
)
NULL_DEFAULT = (
    "Speakeasy shows the field optional, OpenAPI Generator required: the generators read a required field"
    " with a default differently, and the docs do not show which default"
)
ENUM_UNION = "OpenAPI Generator flattens a union of one-value string enums to `str`"
# (dialect a, dialect b, Model.field): why the two docs disagree.
KNOWN_DIFFERENCES = {
    **{
        ("dub-ts", "dub-py", f): NEWER_API
        for f in (
            "CheckDomainStatusResponseBody.prices",
            "LeadCreatedEventClick.ua",
            "ListEventsResponseBodyClick.ua",
            "ListEventsResponseBodyEventsClick.ua",
            "ListPayoutsRequest.group_id",
            "ResponseBodyClick.ua",
            "SaleCreatedEventClick.ua",
        )
    },
    **{
        (a, "oag-axios", f): INLINE_ENUM_DEFAULT
        for a in ("dub-ts", "dub-py", "oag-python")
        for f in ("AnalyticsCountries.city", "AnalyticsCountries.region", "AnalyticsRegions.city")
    },
    **{("oag-python", "oag-axios", "SaleEventSale.payment_processor"): INLINE_ENUM_DEFAULT},
    **{
        (a, b, f): NULL_DEFAULT
        for a in SPEAKEASY
        for b in ("oag-python", "oag-axios")
        for f in (
            "DomainSchema.apple_app_site_association",
            "DomainSchema.asset_links",
            "FolderSchema.access_level",
        )
    },
    **{(a, b, "LinkWebhookEvent.event"): ENUM_UNION for a in SPEAKEASY for b in ("oag-python", "oag-axios")},
}


def coarse(node: ir.TypeNode, tree: Tree) -> str:
    """A type, coarsely: what every dialect can say about it."""
    if isinstance(node, ir.Primitive):
        return {"int": "number", "float": "number"}.get(node.kind.value, node.kind.value)
    if isinstance(node, ir.Literal):
        return (
            "number"
            if isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
            else type(node.value).__name__
        )
    if isinstance(node, ir.ArrayOf):
        return "list"
    if isinstance(node, ir.MapOf):
        return "map"
    if isinstance(node, ir.UnionOf):
        members = [m for m in node.members if m != ir.Primitive(ir.Kind.NONE)]
        return coarse(members[0], tree) if len(members) == 1 else "union"
    target = tree.target(node)
    if isinstance(target, ir.EnumModel):
        return "str" if all(isinstance(m.value, str) for m in target.members) else "number"
    return {ir.ObjectModel: "object", ir.UnionModel: "union"}.get(type(target), "any")


@pytest.fixture(scope="module")
def trees() -> dict[str, Tree]:
    return {name: generate(path).tree for name, path in DUB.items()}


def fields(model: ir.ObjectModel, tree: Tree) -> dict[str, tuple[bool, str]]:
    """By snake_case name (the Python docs lost the wire names): (must be sent, coarse type)."""
    return {naming.snake_case(f.name): (f.must_send, coarse(f.type, tree)) for f in model.fields}


@pytest.mark.corpus
def test_the_same_api_documented_four_ways_gives_the_same_models(trees: dict[str, Tree]) -> None:
    objects = {k: {m.name: m for m in t.models if isinstance(m, ir.ObjectModel)} for k, t in trees.items()}
    found: set[tuple[str, str, str]] = set()
    compared = 0
    for a, b in itertools.combinations(DUB, 2):
        for name in sorted(set(objects[a]) & set(objects[b]) - SAME_NAME_OTHER_MODEL):
            fa, fb = fields(objects[a][name], trees[a]), fields(objects[b][name], trees[b])
            for key in set(fa) | set(fb):
                compared += 1
                if fa.get(key) != fb.get(key):
                    found.add((a, b, f"{name}.{key}"))
    assert compared > 3000
    assert found == set(
        KNOWN_DIFFERENCES
    ), f"new: {sorted(found - set(KNOWN_DIFFERENCES))}; gone: {sorted(set(KNOWN_DIFFERENCES) - found)}"
    for name in SAME_NAME_OTHER_MODEL:  # the reason given holds
        for speakeasy in SPEAKEASY:
            assert "request_body" in fields(objects[speakeasy][name], trees[speakeasy])
        assert "request_body" not in fields(objects["oag-python"][name], trees["oag-python"])


@pytest.mark.corpus
def test_a_tree_that_mixes_dialects(tmp_path: Path) -> None:
    """Every file is detected on its own: four dialects side by side in one tree. The docs of
    each vote on their own casing rule, and all four come to the API's keys."""
    mixed = tmp_path / "docs"
    shutil.copytree(DUB["dub-ts"] / "components", mixed / "ts" / "models" / "components")
    shutil.copytree(DUB["dub-py"] / "components", mixed / "py" / "models" / "components")
    shutil.copytree(DUB["oag-python"], mixed / "oag")
    shutil.copytree(DUB["oag-axios"], mixed / "axios")
    plan = generate(mixed)
    assert not [d for d in plan.diagnostics if d.is_error]
    link = {m.key.split("/")[0]: m for m in plan.tree.models if m.name == "LinkSchema"}
    names = {k: [f.name for f in m.fields if isinstance(m, ir.ObjectModel)][:5] for k, m in link.items()}
    assert names["ts"] == names["axios"] == names["py"] == names["oag"]
    assert names["ts"] == ["id", "domain", "key", "url", "trackConversion"]
    shown = {k: [f.shown for f in m.fields if isinstance(m, ir.ObjectModel)][4] for k, m in link.items()}
    assert shown == {
        "ts": "trackConversion",
        "axios": "trackConversion",
        "py": "track_conversion",
        "oag": "track_conversion",
    }
    nullable = {k: {f.nullable for f in m.fields if isinstance(m, ir.ObjectModel)} for k, m in link.items()}
    assert nullable["ts"] == nullable["oag"] == nullable["axios"] == {ir.Nullable.UNKNOWN}
    assert nullable["py"] == {ir.Nullable.YES, ir.Nullable.NO}


@pytest.mark.corpus
def test_a_forced_dialect_and_model_looking_pages_it_does_not_read(tmp_path: Path) -> None:
    plan = generate(CORPORA / "oag-dub-python" / "docs", Options(dialect="speakeasy-typescript"))
    assert plan.stats.models == 0 and plan.stats.skipped == 190
    warnings = [str(d) for d in plan.diagnostics]
    assert len(warnings) == 191
    assert all(
        w.endswith(": warning: looks like a model doc, but not in the speakeasy-typescript dialect: skipped")
        for w in warnings[:190]
    )
    assert warnings[190].endswith("docs: warning: no model doc found here: nothing to generate")


@pytest.mark.corpus
def test_wire_names_from_an_alias_rule_or_a_name_map(tmp_path: Path) -> None:
    docs = CORPORA / "dub-py" / "docs" / "models"
    shown = generate(docs, Options(alias_rule=AliasRule.NONE)).tree
    link = next(m for m in shown.models if m.key == "components/linkschema.md")
    assert isinstance(link, ir.ObjectModel)
    assert [f.name for f in link.fields][4:6] == ["track_conversion", "external_id"]
    camel = generate(docs, Options(alias_rule=AliasRule.CAMEL)).tree
    link = next(m for m in camel.models if m.key == "components/linkschema.md")
    assert isinstance(link, ir.ObjectModel)
    assert [f.name for f in link.fields][:6] == [
        "id",
        "domain",
        "key",
        "url",
        "trackConversion",
        "externalId",
    ]
    mapping = tmp_path / "names.toml"
    mapping.write_text('"LinkSchema.track_conversion" = "track-conversion"\n"LinkSchema.nope" = "x"\n')
    plan = generate(docs, Options(name_map=str(mapping)))
    link = next(m for m in plan.tree.models if m.key == "components/linkschema.md")
    assert isinstance(link, ir.ObjectModel)
    assert {f.name for f in link.fields} >= {"track-conversion", "externalId"}  # the map, the docs' vote
    assert f"{mapping}:2: warning: 'LinkSchema.nope' names no field of the docs" in map(str, plan.diagnostics)
    source = plan.files["components/link_schema.py"]
    assert (
        'track_conversion: bool | None = Field(\n        default=None,\n        alias="track-conversion",'
        in source
    )


INPUT = ROOT / "input"


@pytest.fixture(scope="module")
def python_docs(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Generated]:
    cache: dict[tuple[tuple[str, object], ...], Generated] = {}

    def get(**options: object) -> Generated:
        key = tuple(sorted(options.items()))
        if key not in cache:
            cache[key] = generated(INPUT / "speakeasy_python", tmp_path_factory.mktemp("py"), **options)
        return cache[key]

    return get


def test_required_optional_nullable_are_exact_in_every_style(python_docs: Callable[..., Generated]) -> None:
    user = python_docs().module("models").User
    fields = user.model_fields
    assert fields["display_name"].is_required()  # Nullable[str], required: no default
    assert user.model_validate({"id": "a", "display_name": None, "status": "active"}).display_name is None
    with pytest.raises(pydantic.ValidationError):  # required: the key must be there, even if null
        user.model_validate({"id": "a", "status": "active"})
    with pytest.raises(pydantic.ValidationError):  # a wrong type
        user.model_validate({"id": "a", "display_name": "d", "status": "active", "age": "x"})
    assert not fields["age"].is_required() and fields["object"].default == "user"

    typed = python_docs(style="typeddict").module("models").User
    assert typed.__required_keys__ == {"id", "object", "display_name", "status"}
    assert (
        "display_name: str | None" in (python_docs(style="typeddict").root / "models" / "user.py").read_text()
    )
    assert "age: NotRequired[int]" in (python_docs(style="typeddict").root / "models" / "user.py").read_text()

    data = python_docs(style="dataclass").module("models")
    loaded = data.User.from_dict({"id": "a", "display_name": None, "status": "*"})
    assert loaded.object == "user" and loaded.status is data.Status.WILDCARD_ and loaded.age is None
    with pytest.raises(ValueError, match="display_name"):
        data.User.from_dict({"id": "a", "status": "active"})


def test_defaults_are_python_literals_and_read_only_is_marked(tmp_path: Path) -> None:
    gen = generated(INPUT / "openapi_generator", tmp_path)
    pet = gen.module().Pet
    loaded = pet.model_validate({"id": 1, "created": "2024-01-01T00:00:00Z"})
    assert (loaded.count, loaded.flags, loaded.species) == (0, [], "cat")
    assert pet.model_fields["created"].json_schema_extra == {"readOnly": True}
    assert pet.model_validate({"id": 1, "created": "2024-01-01T00:00:00Z", "from": "x"}).var_from == "x"
    data = generated(INPUT / "openapi_generator", tmp_path / "d", style="dataclass").module()
    assert data.Pet.from_dict({"id": 1, "created": "2024-01-01T00:00:00Z"}).flags == []
    assert data.Tag.from_dict({"name": "t"}).weight == 1 and data.Tag.from_dict({"name": "t"}).visible is True


def test_extra_properties_where_the_docs_allow_them(python_docs: Callable[..., Generated]) -> None:
    metadata = python_docs().module("models").Metadata
    kept = metadata.model_validate({"source": "s", "a": 1})
    assert kept.model_extra == {"a": 1}
    with pytest.raises(pydantic.ValidationError):
        metadata.model_validate({"a": "not an int"})
    data = python_docs(style="dataclass").module("models").Metadata
    loaded = data.from_dict({"source": "s", "a": 1})
    assert loaded.additional_properties == {"a": 1} and loaded.to_dict() == {"source": "s", "a": 1}
    doc = python_docs(style="typeddict").module("models").Metadata.__doc__
    assert "Keys the docs do not list are allowed too (values: int)" in doc


def test_the_python_date_labels_are_corrected_unless_asked(python_docs: Callable[..., Generated]) -> None:
    import datetime

    corrected = python_docs().module("models").User.model_fields
    assert corrected["created_at"].annotation == datetime.datetime | None
    assert corrected["birthday"].annotation == datetime.date | None
    literal = python_docs(python_dates=PythonDates.AS_LABELLED).module("models").User.model_fields
    assert literal["created_at"].annotation == datetime.date | None
    assert literal["birthday"].annotation == datetime.datetime | None


def test_python_enum_examples_name_real_members(python_docs: Callable[..., Generated]) -> None:
    status = python_docs().module("models").Status
    assert status.WILDCARD_.value == "*" and status("active") is status.ACTIVE
    kind = python_docs().module("models").Kind
    assert kind("robot").value == "robot"  # an open enum


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["dub-py", "mistral-py"])
def test_python_examples_validate(name: str, generate_corpus: Callable[[str, str], Generated]) -> None:
    from generator.app.verify import check_examples

    gen = generate_corpus(name, "pydantic")
    report = check_examples(gen.plan, gen.package(), Options())
    assert report.checked > 100 and report.passed == report.checked
    assert any(e.code.startswith(("Color.", "models.")) or "." in e.code for e, _ in report.results)
