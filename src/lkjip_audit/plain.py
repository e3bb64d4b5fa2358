"""Typed values as plain data and back: the caches' format, which can hold no code.

:func:`to_data` turns dataclasses, enums, Decimals, paths, tuples and lists into what JSON
holds (lists, dicts, strings, numbers, None); a dataclass becomes the list of its fields'
values, in field order (a document has tens of thousands of words: their field names would
be most of the cache). :func:`from_data` rebuilds a value of a given type from such data,
guided by the dataclasses' type hints: it builds only the types the hints name, so data read
from disk can describe values, never make the reader run code (as a pickle can). Data without
the shape of the type is a :class:`DataError`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

Data = list[Any] | dict[str, Any] | str | int | float | bool | None
Decoder = Callable[[Any], Any]
SCALARS = (str, int, float, bool)


class DataError(ValueError):
    """Data that does not have the shape of the type asked for."""


def to_data(value: object) -> Data:
    """``value`` as JSON-able data: a dataclass as the list of its fields' values, an enum as
    its value, a Decimal or a path as text, a tuple as a list."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [to_data(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise DataError("a mapping's keys must be text")
        return {key: to_data(item) for key, item in value.items()}
    if value is None or isinstance(value, SCALARS):
        return value
    raise DataError(f"{type(value).__name__} cannot be stored as data")


def from_data(hint: Any, data: Data) -> Any:
    """The value of type ``hint`` that :func:`to_data` made ``data`` of; DataError when
    ``data`` does not fit ``hint``."""
    try:
        return _decoder(hint)(data)
    except (TypeError, KeyError, IndexError, InvalidOperation) as error:
        raise DataError(str(error)) from None


@cache
def _decoder(hint: Any) -> Decoder:
    """A function rebuilding values of type ``hint``, made once per type: a cache hit decodes
    every word of a document with it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is types.UnionType or origin is typing.Union:
        return _optional(args)
    if origin is list:
        item = _decoder(args[0])
        return lambda data: [item(value) for value in _list(data)]
    if origin is tuple:
        return _tuple(args)
    if origin is dict:
        key, item = _decoder(args[0]), _decoder(args[1])
        return lambda data: {key(k): item(v) for k, v in _dict(data).items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint  # ValueError (a DataError's base) for a value it does not have
    return _scalar(hint)


def _optional(args: tuple[Any, ...]) -> Decoder:
    """``X | None``: the only unions the stored types use."""
    others = [a for a in args if a is not type(None)]
    if len(others) != 1 or len(args) != 2:
        raise DataError(f"cannot tell which of {args} a value is")
    value = _decoder(others[0])
    return lambda data: None if data is None else value(data)


def _list(data: Data) -> list[Any]:
    if type(data) is not list:
        raise DataError(f"expected a list, got {type(data).__name__}")
    return data


def _dict(data: Data) -> dict[str, Any]:
    if type(data) is not dict:
        raise DataError(f"expected a mapping, got {type(data).__name__}")
    return data


def _tuple(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(item(value) for value in _list(data))
    items = tuple(_decoder(a) for a in args)

    def fixed(data: Data) -> tuple[Any, ...]:
        values = _list(data)
        if len(values) != len(items):
            raise DataError(f"expected {len(items)} values, got {len(values)}")
        return tuple(item(value) for item, value in zip(items, values, strict=True))

    return fixed


def _dataclass(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [_decoder(hints[f.name]) for f in dataclasses.fields(cls) if f.init]

    def build(data: Data) -> Any:
        values = _list(data)
        if len(values) != len(fields):
            raise DataError(f"expected the {len(fields)} fields of {cls.__name__}")
        return cls(*(field(value) for field, value in zip(fields, values, strict=True)))

    return build


def _exactly(kind: type) -> Decoder:
    def value(data: Data) -> Any:
        if type(data) is not kind:
            raise DataError(f"expected {kind.__name__}, got {type(data).__name__}")
        return data

    return value


def _number(data: Data) -> float:
    if type(data) not in (int, float):
        raise DataError(f"expected a number, got {type(data).__name__}")
    return float(data)


def _scalar(hint: Any) -> Decoder:
    if hint is float:
        return _number
    if hint in (str, int, bool):
        return _exactly(hint)
    if hint is Decimal:
        return lambda data: Decimal(_exactly(str)(data))
    if hint is Path:
        return lambda data: Path(_exactly(str)(data))
    raise DataError(f"{hint!r} cannot be rebuilt from data")
