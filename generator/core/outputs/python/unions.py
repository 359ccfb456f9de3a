"""What msgspec cannot decode by itself, for the generated msgspec Structs: load it here.

msgspec decodes a union only if it can tell the members apart by their JSON type alone
(one str-like, one int-like, one object-like member...) or by a tag; it reads no recursive
type alias before Python 3.12, and reads a union alias's members only inside a Struct's
annotations. The Structs gen-models writes decode such fields as ``Any``, and their
``__post_init__`` loads them here by their real annotation (:func:`load_fields`): where
msgspec can decode a type, :func:`load` is ``msgspec.convert``; a union it cannot decode
is tried member by member, and the member that keeps the most of the data wins.

``load(data, Model)`` loads any generated type, union aliases included; ``msgspec.convert``
does as much for Structs and enums, whose fields load themselves.
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ForwardRef, TypeVar, Union

import msgspec

_T = TypeVar("_T")

_UNION_TYPES: tuple[Any, ...] = (Union, getattr(types, "UnionType", Union))
_LOADED: dict[type, dict[str, str]] = {}
"""Struct -> the annotations of the fields :func:`load_fields` loads, as written."""
_RESOLVED: dict[type, dict[str, Any]] = {}
_NATIVE: dict[Any, bool] = {}
"""Type -> msgspec decodes it by itself."""
_REFS: dict[tuple[str, str], Any] = {}


def union(module: str, *members: str) -> Any:
    """A union alias's value at run time: its members, read in ``module`` when first used
    (they are defined after the alias, by modules imported at the end of its own)."""
    refs = tuple(ForwardRef(member, module=module) for member in members)
    if len(refs) == 1:  # a reference alone takes no ``|`` before Python 3.11
        return Annotated[refs[0], "one member"]
    return Union[refs]  # noqa: UP007 - made at run time, on Python 3.9 too


def loads(*names: str) -> Callable[[type[_T]], type[_T]]:
    """A Struct's decorator: msgspec decodes these fields as ``Any``, and the Struct's
    ``__post_init__`` loads them with :func:`load_fields`."""

    def mark(cls: type[_T]) -> type[_T]:
        # the class's own annotations, which msgspec reads
        annotations = vars(cls)["__annotations__"]
        _LOADED[cls] = {name: annotations[name] for name in names}
        for name in names:
            annotations[name] = Any
        return cls

    return mark


def load_fields(obj: Any) -> None:
    """Load the fields of a Struct that msgspec decoded as ``Any`` by their real type."""
    cls = type(obj)
    if cls not in _RESOLVED:
        owner = next(c for c in cls.__mro__ if c in _LOADED)
        namespace = vars(sys.modules[owner.__module__])
        resolved = {}
        for name, text in _LOADED[owner].items():
            resolved[name] = eval(text, namespace)
        _RESOLVED[cls] = resolved
    for name, annotation in _RESOLVED[cls].items():
        setattr(obj, name, load(getattr(obj, name), annotation))


def load(data: Any, annotation: Any) -> Any:
    """``data`` (as ``json.loads`` or ``msgspec.to_builtins`` makes it) as a value of the
    type; ``msgspec.ValidationError`` if it does not fit."""
    annotation = _resolve(annotation)
    if annotation is Any:
        return data
    if _native(annotation):
        return msgspec.convert(data, type=annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return load(data, args[0])
    if origin in _UNION_TYPES:
        members = tuple(_resolve(member) for member in args)
        if members != args:  # read the references: msgspec may decode the union now
            return load(data, Union[members])  # noqa: UP007 - as above
        return _one_of(data, members)
    if origin is list:
        _expect(isinstance(data, list), "array", data)
        return [load(item, args[0]) for item in data]
    if origin is dict:
        _expect(isinstance(data, dict), "object", data)
        return {_string(k): load(v, args[1]) for k, v in data.items()}
    if origin is typing.Literal:
        for value in args:
            if type(value) is type(data) and value == data:
                return data
        expected = f"Expected one of {list(args)!r}"
        raise msgspec.ValidationError(f"{expected}, got {data!r:.80}")
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        try:
            return annotation(data)
        except ValueError as exc:
            raise msgspec.ValidationError(str(exc)) from None
    return msgspec.convert(data, type=annotation)


def _one_of(data: Any, members: tuple[Any, ...]) -> Any:
    """The first member the data fits; of objects, the member that keeps the most keys."""
    if data is msgspec.UNSET and msgspec.UnsetType in members:
        return data
    if data is None and type(None) in members:
        return None
    best: tuple[int, Any] | None = None
    errors = []
    for member in members:
        if member in (type(None), msgspec.UnsetType):
            continue
        try:
            value = load(data, member)
        except (msgspec.ValidationError, ValueError, TypeError) as exc:
            errors.append(str(exc))
            continue
        if not isinstance(data, dict):
            return value
        kept = _kept(data, value)
        if best is None or kept > best[0]:
            best = (kept, value)
        if kept == len(data):
            break
    if best is None:
        why = "; ".join(errors)
        raise msgspec.ValidationError(f"{data!r:.80} fits no member of the union: {why}")
    return best[1]


def _kept(data: dict[str, Any], value: Any) -> int:
    """How many of the data's keys a loaded value keeps."""
    if isinstance(value, msgspec.Struct):
        dumped = msgspec.to_builtins(value)
        return sum(1 for key in data if key in dumped)
    return len(data) if isinstance(value, dict) else 0


def _resolve(annotation: Any) -> Any:
    """A reference a union alias holds (a member's name in the alias's module), read."""
    if not isinstance(annotation, ForwardRef):
        return annotation
    module = getattr(annotation, "__forward_module__", None) or __name__
    key = (annotation.__forward_arg__, module)
    if key not in _REFS:
        namespace = vars(sys.modules[module])
        _REFS[key] = eval(annotation.__forward_arg__, namespace)
    return _REFS[key]


def _native(annotation: Any) -> bool:
    """msgspec decodes the type by itself (it raises ``TypeError`` for one it cannot)."""
    try:
        return _NATIVE[annotation]
    except KeyError:
        pass
    except TypeError:  # not hashable: ask msgspec every time
        return _decodable(annotation)
    found = _NATIVE[annotation] = _decodable(annotation)
    return found


def _decodable(annotation: Any) -> bool:
    try:
        msgspec.json.Decoder(annotation)
    except TypeError:
        return False
    return True


def _expect(ok: bool, what: str, data: Any) -> None:
    if not ok:
        raise msgspec.ValidationError(f"Expected `{what}`, got `{type(data).__name__}`")


def _string(key: Any) -> str:
    _expect(isinstance(key, str), "str", key)
    return str(key)
