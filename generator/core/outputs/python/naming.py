"""Every identifier gen-models makes from doc text, in one place.

Rules: identifiers are ASCII, never keywords, never start with an underscore (pydantic
reads those as private), never shadow what the generated module or the style needs,
and collisions are broken deterministically, in doc order.
"""

from __future__ import annotations

import builtins
import enum
import functools
import hashlib
import keyword
import posixpath
import re
from collections.abc import Iterable

import msgspec

from ... import ir

# Names the generated annotations may use unqualified: a class or attribute with one of
# these names would shadow them inside its own module or class body.
ANNOTATION_NAMES = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "dict",
        "frozenset",
        "date",
        "datetime",
        "typing",
        "pydantic",
        "dataclasses",
        "enum",
        "field",
        "dataclass",
    }
)

PYDANTIC_RESERVED = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "fields",
        "from_orm",
        "json",
        "kwargs",  # the pydantic mypy plugin's __init__ takes **kwargs
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)
DATACLASS_RESERVED = frozenset({"from_dict", "to_dict", "fields", "WIRE_NAMES"})


_ACRONYM_END = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_END = re.compile(r"([a-z0-9])([A-Z])")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_NOT_WORD = re.compile(r"[^0-9A-Za-z_]+")


@functools.lru_cache(maxsize=65536)
def snake_case(text: str) -> str:
    """``operationId`` -> ``operation_id``, ``HTTPMetadata`` -> ``http_metadata``; ASCII only."""
    s = _WORD_END.sub(r"\1_\2", _ACRONYM_END.sub(r"\1_\2", text))
    return _NOT_ALNUM.sub("_", s).strip("_").lower()


def _safe(name: str, fallback: str, reserved: Iterable[str] = ()) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if keyword.iskeyword(name) or name in reserved:
        name += "_"
    return name


# A class named like a builtin (``Warning``, ``set``, ``type``) would be taken for the builtin:
# pydantic resolves a referring module's annotation before that module imports the class (at
# its end), and finds the builtin; ``annotations`` is the ``__future__`` import's own name.
_CLASS_RESERVED = ANNOTATION_NAMES | frozenset(dir(builtins)) | {"annotations"}
# An enum member named like an attribute of the enum or of its values' type (``mro``,
# ``upper``, ``count``, ``value``) is refused by ``enum`` or hides the attribute.
_MEMBER_RESERVED = (
    frozenset(dir(enum.Enum)) | frozenset(dir(str)) | frozenset(dir(int)) | {"mro", "name", "value"}
)


def class_name(heading: str) -> str:
    """A heading to a class name: ASCII letters, digits and underscores, as the heading spells it."""
    words = _NOT_WORD.split(heading)
    name = "".join(w[:1].upper() + w[1:] if i else w for i, w in enumerate(words) if w).lstrip("_")
    return _safe(name, "Model", _CLASS_RESERVED)


def module_name(cls: str) -> str:
    return _short(_safe(snake_case(cls), "model"))


def package_name(directory: str) -> str:
    return _short(_safe(re.sub(r"[^0-9A-Za-z_]+", "_", directory).strip("_"), "pkg"))


_LONGEST = 100
"""The longest module or package name: with ``.py``, a ``_2`` and gen-models' temporary
file names around it (:mod:`generator.app.writing`), well within a file name's 255 bytes."""


def _short(name: str) -> str:
    """A name cut to :data:`_LONGEST` characters, a hash of the whole keeping cut names apart."""
    if len(name) <= _LONGEST:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: _LONGEST - 9]}_{digest}"


def attribute_name(wire: str, reserved: Iterable[str] = ()) -> str:
    return _safe(snake_case(wire), "field", ANNOTATION_NAMES.union(reserved))


def enum_member_name(name: str | None, value: object) -> str:
    source = name if name else str(value)
    return _safe(snake_case(source).upper(), "VALUE")


def enum_member_names(model: ir.EnumModel) -> list[str]:
    """Member names: a Python SDK's own name as it is (``Region.WILDCARD_``), when it is safe;
    otherwise UPPER_SNAKE from the name or the value."""
    return unique([_python_member(m) or enum_member_name(m.name, m.value) for m in model.members])


def _python_member(member: ir.EnumMember) -> str | None:
    name = member.name or ""
    ok = member.python_name and name.isidentifier() and name.isascii() and name not in _MEMBER_RESERVED
    return name if ok and not keyword.iskeyword(name) and not name.startswith("_") else None


def unique(names: Iterable[str], taken: Iterable[str] = (), fold_case: bool = False) -> list[str]:
    """Make names distinct, in order: a later duplicate gets ``_2``, ``_3``, ... appended."""
    seen = {n.lower() if fold_case else n for n in taken}
    suffix: dict[str, int] = {}  # the last suffix tried per name: many duplicates stay linear
    out = []
    for name in names:
        candidate, n = name, suffix.get(name, 1)
        if n > 1:
            candidate = f"{name}_{n}"
        while (candidate.lower() if fold_case else candidate) in seen:
            n += 1
            candidate = f"{name}_{n}"
        suffix[name] = n
        seen.add(candidate.lower() if fold_case else candidate)
        out.append(candidate)
    return out


class ModelNames(msgspec.Struct, frozen=True):
    package: tuple[str, ...]
    """The package path under OUT, one identifier per source directory."""
    module: str
    cls: str

    @property
    def path(self) -> str:
        """The module's file, relative to OUT."""
        return posixpath.join(*self.package, self.module + ".py")


def plan(models: Iterable[ir.Model]) -> dict[str, ModelNames]:
    """Package, module and class names for every model, by model key.

    Module names never collide within a package, also on a case-insensitive file system,
    and never equal a subpackage's name or a name the package re-exports.
    """
    models = sorted(models, key=lambda m: m.key)
    dirs = sorted({posixpath.dirname(m.key) for m in models})
    packages = _package_paths(dirs)
    by_dir: dict[str, list[ir.Model]] = {}
    for model in models:
        by_dir.setdefault(posixpath.dirname(model.key), []).append(model)
    out: dict[str, ModelNames] = {}
    for directory, members in by_dir.items():
        classes = unique([class_name(m.name) for m in members])
        exported = set(classes)
        subpackages = {packages[d][-1] for d in dirs if d and posixpath.dirname(d) == directory}
        # Modules differ from each other and from subpackages also on case-insensitive file
        # systems, and never equal a class the package re-exports (the import would rebind it).
        modules = unique(
            [m + ("_" if m in exported else "") for m in map(module_name, classes)],
            taken=subpackages,
            fold_case=True,
        )
        for model, cls, module in zip(members, classes, modules):
            out[model.key] = ModelNames(packages[directory], module, cls)
    return out


def _package_paths(dirs: list[str]) -> dict[str, tuple[str, ...]]:
    """Every source directory (and its parents) to a package path; siblings never collide."""
    every = sorted(
        {
            posixpath.join(*parts[:i])
            for d in dirs
            if d
            for parts in [d.split("/")]
            for i in range(1, len(parts) + 1)
        }
    )
    paths: dict[str, tuple[str, ...]] = {"": ()}
    for parent in sorted({posixpath.dirname(d) for d in every}):
        children = [d for d in every if posixpath.dirname(d) == parent]
        names = unique([package_name(posixpath.basename(c)) for c in children], fold_case=True)
        for child, name in zip(children, names):
            paths[child] = paths[parent] + (name,)
    return paths
