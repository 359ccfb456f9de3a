"""Loading and dumping for the generated dataclasses: standard library only.

A codec is a function from wire data (what ``json.loads`` returns) to a Python value;
it raises :class:`Mismatch` (a ``ValueError``) when the data does not fit.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")
Codec = Callable[[Any], T]


class Mismatch(ValueError):
    """Wire data does not fit the type it is loaded as."""


def _expect(ok: bool, what: str, value: Any) -> None:
    if not ok:
        raise Mismatch(f"expected {what}, got {type(value).__name__} {value!r:.80}")


def string(value: Any) -> str:
    _expect(isinstance(value, str), "a string", value)
    return str(value)


def number(value: Any) -> float:
    _expect(isinstance(value, (int, float)) and not isinstance(value, bool), "a number", value)
    return value  # type: ignore[no-any-return]


def integer(value: Any) -> int:
    ok = isinstance(value, int) or isinstance(value, float) and value.is_integer()
    _expect(ok and not isinstance(value, bool), "an integer", value)
    return int(value)


def boolean(value: Any) -> bool:
    _expect(isinstance(value, bool), "a boolean", value)
    return bool(value)


def anything(value: Any) -> Any:
    return value


def null(value: Any) -> None:
    _expect(value is None, "null", value)


def binary(value: Any) -> bytes:
    """Bytes as they are, or a base64 string."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    _expect(isinstance(value, str), "bytes or a base64 string", value)
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise Mismatch(f"expected base64, got {value!r:.80}") from None


def date_time(value: Any) -> _dt.datetime:
    _expect(isinstance(value, str), "an ISO 8601 date-time string", value)
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Mismatch(f"expected an ISO 8601 date-time, got {value!r:.80}") from None


def date_only(value: Any) -> _dt.date:
    _expect(isinstance(value, str), "an ISO 8601 date string", value)
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise Mismatch(f"expected an ISO 8601 date, got {value!r:.80}") from None


def literal(*allowed: Any) -> Codec[Any]:
    def load(value: Any) -> Any:
        ok = any(value == a and type(value) is type(a) for a in allowed)
        _expect(ok, " or ".join(repr(a) for a in allowed), value)
        return value

    return load


def list_of(item: Codec[T]) -> Codec[list[T]]:
    def load(value: Any) -> list[T]:
        _expect(isinstance(value, list), "a list", value)
        out = []
        for i, x in enumerate(value):
            try:
                out.append(item(x))
            except Mismatch as exc:
                raise Mismatch(f"[{i}]: {exc}") from None
        return out

    return load


def map_of(item: Codec[T]) -> Codec[dict[str, T]]:
    def load(value: Any) -> dict[str, T]:
        _expect(isinstance(value, Mapping), "an object", value)
        out = {}
        for k, x in value.items():
            try:
                out[k] = item(x)
            except Mismatch as exc:
                raise Mismatch(f"[{k!r}]: {exc}") from None
        return out

    return load


def nullable(item: Codec[T]) -> Codec[T | None]:
    def load(value: Any) -> T | None:
        return None if value is None else item(value)

    return load


def one_of(*members: Codec[Any]) -> Codec[Any]:
    """The member the value fits; of several, the one that knows most of an object's keys."""

    def load(value: Any) -> Any:
        best: tuple[int, int] | None = None
        found: Any = None
        errors = []
        for member in members:
            try:
                result = member(value)
            except (Mismatch, ValueError, TypeError) as exc:
                errors.append(str(exc))
                continue
            score = _fit(result, value)
            if best is None or score > best:
                best, found = score, result
        if best is None:
            raise Mismatch("fits no member of the union: " + "; ".join(errors))
        return found

    return load


def _fit(result: Any, value: Any) -> tuple[int, int]:
    names = getattr(type(result), "WIRE_NAMES", None)
    if names is None or not isinstance(value, Mapping):
        return (0, 0)
    known = set(names.values())
    return (len(known & set(value)), -len(set(value) - known))


def tagged(tag: str, members: Mapping[Any, Codec[Any]]) -> Codec[Any]:
    """A discriminated union: the value of ``tag`` picks the member."""

    def load(value: Any) -> Any:
        _expect(isinstance(value, Mapping) and tag in value, f"an object with key {tag!r}", value)
        key = value[tag]
        if key not in members:
            raise Mismatch(f"{tag!r} is {key!r}, not one of {sorted(map(repr, members))}")
        return members[key](value)

    return load


def required(data: Any, key: str, codec: Codec[T]) -> T:
    _expect(isinstance(data, Mapping), "an object", data)
    if key not in data:
        raise Mismatch(f"missing required key {key!r}")
    try:
        return codec(data[key])
    except Mismatch as exc:
        raise Mismatch(f"{key}: {exc}") from None
    except ValueError as exc:
        raise Mismatch(f"{key}: {exc}") from None


def optional(data: Any, key: str, codec: Codec[T]) -> T | None:
    """An optional key without a default: None when it is absent or null."""
    _expect(isinstance(data, Mapping), "an object", data)
    return None if data.get(key) is None else required(data, key, codec)


def defaulted(data: Any, key: str, codec: Codec[T], default: Any) -> T:
    """An optional key with a default: the default when it is absent."""
    _expect(isinstance(data, Mapping), "an object", data)
    return required(data, key, codec) if key in data else default


def others(data: Any, wire_names: Mapping[str, str], codec: Codec[T]) -> dict[str, T]:
    """The keys a model does not list, loaded with ``codec`` (for docs that allow other keys)."""
    known = set(wire_names.values())
    return map_of(codec)({k: v for k, v in data.items() if k not in known})


def present(data: Mapping[str, Any], wire_names: Mapping[str, str]) -> frozenset[str]:
    """The attributes whose wire keys the data holds."""
    return frozenset(attr for attr, wire in wire_names.items() if wire in data)


def dump(value: Any) -> Any:
    """A Python value as wire data: what ``json.dumps`` takes."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None and dataclasses.is_dataclass(value):
        return to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [dump(x) for x in value]
    if isinstance(value, Mapping):
        return {k: dump(x) for k, x in value.items()}
    if isinstance(value, _dt.datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def dump_object(obj: Any, wire_names: Mapping[str, str], written: frozenset[str]) -> dict[str, Any]:
    out = {}
    for attr, wire in wire_names.items():
        value = getattr(obj, attr)
        if value is not None or attr in written:
            out[wire] = dump(value)
    return out
