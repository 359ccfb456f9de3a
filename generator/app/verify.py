"""The docs' own examples as an oracle: each must load into its generated model and dump back equal.

``## Example Usage`` literals (``let value: T = ...``) and union members' literals
(``const value: T = ...``) are converted to Python data. They are written in the names the
doc's tables show, as the SDK's users write them, so their keys are translated to the wire
names gen-models decided (:func:`to_wire`), as the SDK would send them. The data is
validated against the model of its doc, dumped back by wire name with unset fields left
out, and compared (the same instant written two ways, ``...Z`` and ``....000Z``, is equal).

An example that breaks its own doc (it leaves out a key the doc's table marks required,
as ``{}`` examples of response envelopes do) is the docs' mistake, not the model's: it is
counted apart, with a warning, and does not fail the run.

How an example is loaded and dumped is the output's to say
(:meth:`~generator.core.outputs.base.Output.round_trips`): pydantic and TypedDicts through
``TypeAdapter(model).validate_python(value)`` then ``dump_python(obj, mode="json",
by_alias=True, exclude_unset=True)``; dataclasses through ``from_dict`` then ``to_dict``.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from ..core import ir, tsliteral
from ..core.diagnostics import Diagnostic, InternalError, error, warning
from ..core.options import Options
from ..core.outputs import output
from ..core.outputs.base import RoundTrip
from ..core.outputs.python.naming import enum_member_names
from ..core.pipeline import Plan, Runner, generate
from ..core.resolve import Tree
from ..speed import runner as fast_runner
from .writing import write


class Report(msgspec.Struct, frozen=True):
    checked: int
    passed: int
    diagnostics: tuple[Diagnostic, ...]
    results: tuple[tuple[ir.Example, str | None], ...]
    """Every example with None (it passed) or why it failed."""
    broken: tuple[tuple[ir.Example, str], ...] = ()
    """Examples that break their own doc, with how: not checked, not failures."""

    @property
    def failed(self) -> int:
        return self.checked - self.passed


def verify_examples(source: str | Path, options: Options, runner: Runner | None = None) -> Report:
    """Generate, import, and check every example the docs carry."""
    plan = generate(source, options, runner or fast_runner())
    with imported(plan) as package:
        return check_examples(plan, package, options)


def check_examples(plan: Plan, package: str, options: Options) -> Report:
    """Check the examples of a plan written as the importable ``package``."""
    round_trips = output(options).round_trips(plan.tree, options, package)
    results = []
    broken = []
    for model in plan.tree.models:
        if not model.examples:
            continue
        trip = round_trips(model)
        for example in model.examples:
            problem = check(example, trip, model, plan.tree)
            if isinstance(problem, BrokenExample):
                broken.append((example, str(problem)))
            else:
                results.append((example, problem))
    diagnostics = list(plan.diagnostics)
    diagnostics.extend(
        error(example.location, problem) for example, problem in results if problem is not None
    )
    diagnostics.extend(
        warning(example.location, f"{problem}: the docs' mistake, not checked") for example, problem in broken
    )
    passed = sum(1 for _, problem in results if problem is None)
    return Report(len(results), passed, tuple(diagnostics), tuple(results), tuple(broken))


class BrokenExample(str):
    """Why an example breaks its own doc."""


def check(example: ir.Example, trip: RoundTrip, model: ir.Model, tree: Tree | None = None) -> str | None:
    """None if the example validates and round-trips; else why not (a :class:`BrokenExample`
    when the example breaks its own doc)."""
    try:
        value = _value(example, model)
    except (tsliteral.LiteralError, ValueError, SyntaxError) as exc:
        return f"example of {example.type_name} cannot be read: {exc}"
    if tree is not None and example.language == "typescript":
        missing: list[str] = []
        value = to_wire(value, _declared(example, model, tree), tree, missing)
        if missing:
            return BrokenExample(f"example of {example.type_name} leaves out {missing[0]}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            back = trip(value)
    except Exception as exc:  # noqa: BLE001 - validation errors of every kind are the finding
        first = str(exc).strip().splitlines()
        detail = " ".join(first[:3]) if first else type(exc).__name__
        return f"example of {example.type_name} does not validate: {detail}"
    difference = _difference(value, back, "")
    if difference is not None:
        return f"example of {example.type_name} does not round-trip: {difference}"
    return None


def _declared(example: ir.Example, model: ir.Model, tree: Tree) -> ir.TypeNode:
    """The type an example is of: its model, or the union member it declares
    (``const value: errors.MigrationBlocker = ...`` in a union's doc)."""
    if isinstance(model, ir.UnionModel):
        name = example.type_name.rpartition(".")[2]
        for member in model.members:
            if isinstance(member, ir.Ref) and member.doc and tree.by_key[member.doc].name == name:
                return member
    return ir.Ref(model.name, doc=model.key)


def to_wire(value: Any, node: ir.TypeNode, tree: Tree, missing: list[str], depth: int = 0) -> Any:
    """An example's value with every object's keys from the names its doc shows to their wire
    names. A required key the example leaves out is added to ``missing`` (``Model.field``)."""
    if depth > 100:
        return value
    if isinstance(node, ir.ArrayOf) and isinstance(value, list):
        return [to_wire(v, node.item, tree, missing, depth + 1) for v in value]
    if isinstance(node, ir.MapOf) and isinstance(value, dict):
        return {k: to_wire(v, node.value, tree, missing, depth + 1) for k, v in value.items()}
    if isinstance(node, ir.UnionOf):
        return _union_to_wire(value, node.members, tree, missing, depth)
    if not isinstance(node, ir.Ref) or node.doc is None:
        return value
    model = tree.by_key[node.doc]
    if isinstance(model, ir.UnionModel):
        return _union_to_wire(value, model.members, tree, missing, depth)
    if not isinstance(model, ir.ObjectModel) or not isinstance(value, dict):
        return value
    by_shown = {f.shown: f for f in model.fields}
    missing.extend(f"{model.name}.{f.shown}" for f in model.fields if f.must_send and f.shown not in value)
    out = {}
    for key, item in value.items():
        field = by_shown.get(key)
        if field is None:
            out[key] = item if model.extra is None else to_wire(item, model.extra, tree, missing, depth + 1)
        else:
            out[field.name] = to_wire(item, field.type, tree, missing, depth + 1)
    return out


def _union_to_wire(
    value: Any, members: tuple[ir.TypeNode, ...], tree: Tree, missing: list[str], depth: int
) -> Any:
    """A union's value as the member it fits would make it: the first member whose keys hold
    the value's and that leaves out no required key, else the first whose keys hold them."""
    fitting = [member for member in members if _fits(value, member, tree)]
    for member in fitting:
        lacking: list[str] = []
        converted = to_wire(value, member, tree, lacking, depth + 1)
        if not lacking:
            return converted
    return to_wire(value, fitting[0], tree, missing, depth + 1) if fitting else value


def _fits(value: Any, node: ir.TypeNode, tree: Tree) -> bool:
    """Roughly, the value could be of this member: an object's keys are the model's fields."""
    if isinstance(node, ir.Ref) and node.doc is not None:
        target = tree.by_key[node.doc]
        if isinstance(target, ir.ObjectModel):
            shown = {f.shown for f in target.fields}
            return isinstance(value, dict) and (target.extra is not None or set(value) <= shown)
        return not isinstance(value, dict) or isinstance(target, (ir.UnionModel, ir.OpaqueModel))
    if isinstance(node, ir.ArrayOf):
        return isinstance(value, list)
    if isinstance(node, ir.MapOf):
        return isinstance(value, dict)
    return not isinstance(value, (dict, list))


def _value(example: ir.Example, model: ir.Model) -> Any:
    """The example as Python data. A Python example may name an enum member (``Color.RED``):
    the enum must have it, and its value is the example's value."""
    if example.language == "typescript":
        return tsliteral.parse(example.code)
    member = re.fullmatch(r"[A-Za-z_][\w.]*\.(?P<name>\w+)", example.code.strip())
    if member is None:
        return ast.literal_eval(example.code)
    name = member.group("name")
    if not isinstance(model, ir.EnumModel):
        raise ValueError(f"{example.code} names a member, but {model.name} is not an enum")
    members = dict(zip(enum_member_names(model), model.members))
    if name not in members:
        raise ValueError(f"{model.name} has no member {name}")
    return members[name].value


def _difference(a: Any, b: Any, path: str) -> str | None:
    """Where two JSON values differ (numbers compare by value), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in b:
                return f"{path}.{key} is lost"
            if key not in a:
                return f"{path}.{key} appears"
            found = _difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path or 'the list'} has {len(b)} items, not {len(a)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = _difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    if isinstance(a, str) and isinstance(b, str) and a != b and _same_instant(a, b):
        return None
    if (
        isinstance(a, bool)
        or isinstance(b, bool)
        or not (isinstance(a, (int, float)) and isinstance(b, (int, float)))
    ):
        if type(a) is not type(b) or a != b:
            return f"{path or 'the value'} is {b!r:.60}, not {a!r:.60}"
        return None
    return None if a == b else f"{path or 'the value'} is {b!r}, not {a!r}"


_INSTANT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")


def _same_instant(a: str, b: str) -> bool:
    """Two spellings of one instant (``2024-01-01T00:00:00Z``, ``2024-01-01T00:00:00.000000Z``)."""
    if not (_INSTANT.fullmatch(a) and _INSTANT.fullmatch(b)):
        return False
    try:
        first, second = (datetime.fromisoformat(t.replace("Z", "+00:00")) for t in (a, b))
    except ValueError:
        return False
    return (first.tzinfo is None) == (second.tzinfo is None) and first == second


@contextmanager
def imported(plan: Plan) -> Iterator[str]:
    """Write the plan to a temporary package, make it importable, and forget it afterwards."""
    with tempfile.TemporaryDirectory(prefix="gen-models-verify-") as tmp:
        package = f"_gen_models_verify_{abs(hash(tmp)) % 10**8}"
        write(plan, Path(tmp) / package)
        sys.path.insert(0, tmp)
        try:
            importlib.invalidate_caches()
            yield package
        except ImportError as exc:
            raise InternalError(f"the generated package does not import: {exc}") from exc
        finally:
            sys.path.remove(tmp)
            for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
                del sys.modules[name]
