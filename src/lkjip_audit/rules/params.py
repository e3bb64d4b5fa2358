"""Typed parameters of check kinds, checked when a rule set loads.

A check kind declares its parameters as a frozen, keyword-only dataclass derived from
:class:`Params` (the shape of pdfplumber's ``TableSettings``): each field is a parameter,
its type says what a value may be, and a default makes it optional. A closed set of values
is a ``Literal[...]``, or ``Annotated[str, OneOf(names)]`` when the names already live in a
table of the code (the fact tables, the places, the recap tests). Checks across parameters
go in the dataclass's ``__post_init__`` and raise :class:`ParamError`.

:meth:`Params.resolve` builds the object from a rule's YAML mapping and refuses an unknown
or missing parameter, a value of the wrong type and a value outside the allowed set, each
with the parameter's name and what it allows, so that a misspelt value fails when the rule
file is validated instead of making the rule silently never fire.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Self, Union, get_args, get_origin, get_type_hints

from lkjip_audit.facts import known_tables


@dataclass(frozen=True, slots=True)
class OneOf:
    """In ``Annotated[str, OneOf(names)]``: the value must be one of ``names``.

    ``names`` may be a callable, read when a rule is checked (the fact tables register
    themselves on first use).
    """

    names: Iterable[str] | Callable[[], Iterable[str]]

    def allowed(self) -> tuple[str, ...]:
        """The names a value may take, in their declared order."""
        names = self.names() if callable(self.names) else self.names
        return tuple(names)


Table = Annotated[str, OneOf(known_tables)]
"""A parameter naming a fact table."""


class ParamError(ValueError):
    """A parameter value a check kind cannot use; the message names the parameter."""

    def __init__(self, param: str, problem: str) -> None:
        self.param, self.problem = param, problem
        super().__init__(f"param '{param}' {problem}")


def allowed_values(hint: Any) -> tuple[str, ...]:
    """The closed set of values a parameter of type ``hint`` (or each of its items) takes."""
    origin = get_origin(hint)
    if origin is Literal:
        return tuple(str(a) for a in get_args(hint))
    if origin is Annotated:
        base, *extras = get_args(hint)
        marks = [m for m in extras if isinstance(m, OneOf)]
        return marks[0].allowed() if marks else allowed_values(base)
    if origin in (Union, types.UnionType):
        return tuple(v for a in get_args(hint) for v in allowed_values(a))
    if origin is tuple and get_args(hint)[1:] == (...,):
        return allowed_values(get_args(hint)[0])
    return ()


def type_words(hint: Any) -> str:
    """A parameter type as a rule author reads it: "list of text", "whole number"."""
    origin = get_origin(hint)
    if origin is Annotated:
        return type_words(get_args(hint)[0])
    if origin is Literal:
        return "text"
    if origin in (Union, types.UnionType):
        return " or ".join(type_words(a) for a in get_args(hint) if a is not type(None))
    if origin is tuple:
        args = get_args(hint)
        if args[1:] == (...,):
            return f"list of {type_words(args[0])}"
        return f"list of {len(args)} ({', '.join(type_words(a) for a in args)})"
    if origin in (dict, Mapping):
        value_type = get_args(hint)[1]
        return "mapping" if value_type is Any else f"mapping to {type_words(value_type)}"
    if dataclasses.is_dataclass(hint):
        return f"mapping with keys {', '.join(yaml_name(f) for f in dataclasses.fields(hint))}"
    return _SCALAR_WORDS.get(hint, "any value")


_SCALAR_WORDS = {str: "text", int: "whole number", Decimal: "number", bool: "true or false"}


def yaml_name(f: dataclasses.Field) -> str:
    """The name a field goes by in YAML (``assert`` and ``from`` are Python keywords)."""
    return f.metadata.get("param", f.name)


def _convert(hint: Any, value: Any, name: str) -> Any:
    """``value`` as type ``hint``, or a :class:`ParamError` saying what ``name`` expects."""
    origin = get_origin(hint)
    if hint is Any:
        return value
    if origin is Annotated:
        try:
            converted = _convert(get_args(hint)[0], value, name)
        except ParamError:
            raise _wrong(hint, value, name) from None  # the message lists the allowed values
        _check_allowed(hint, converted, name)
        return converted
    if origin is Literal:
        if not any(type(value) is type(a) for a in get_args(hint)):
            raise _wrong(hint, value, name)
        _check_allowed(hint, value, name)
        return value
    if origin in (Union, types.UnionType):
        return _convert_union(hint, value, name)
    if origin is tuple:
        return _convert_tuple(hint, value, name)
    if origin in (dict, Mapping):
        key_type, value_type = get_args(hint)
        if not isinstance(value, Mapping):
            raise _wrong(hint, value, name)
        return {
            _convert(key_type, k, name): _convert(value_type, v, f"{name}.{k}")
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(hint):
        if isinstance(value, hint):
            return value
        if not isinstance(value, Mapping):
            raise _wrong(hint, value, name)
        return _build(hint, value, f"{name}.")
    return _convert_scalar(hint, value, name)


def _convert_scalar(hint: Any, value: Any, name: str) -> Any:
    # bool is an int to Python, but `min_age: true` is a mistake, not 1.
    if hint is bool and isinstance(value, bool):
        return value
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is Decimal and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    if hint is str and isinstance(value, str):
        return value
    raise _wrong(hint, value, name)


def _convert_union(hint: Any, value: Any, name: str) -> Any:
    options = get_args(hint)
    if value is None and type(None) in options:
        return None
    errors = []
    for option in (o for o in options if o is not type(None)):
        try:
            return _convert(option, value, name)
        except ParamError as err:
            errors.append(err)
    # One alternative besides None: its own message says most (e.g. the allowed values).
    raise errors[0] if len(errors) == 1 else _wrong(hint, value, name)


def _convert_tuple(hint: Any, value: Any, name: str) -> tuple:
    if not isinstance(value, list | tuple):
        raise _wrong(hint, value, name)
    args = get_args(hint)
    if args[1:] == (...,):
        return tuple(_convert(args[0], v, f"{name}[{i}]") for i, v in enumerate(value))
    if len(value) != len(args):
        raise _wrong(hint, value, name)
    return tuple(
        _convert(a, v, f"{name}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True))
    )


def _check_allowed(hint: Any, value: Any, name: str) -> None:
    allowed = allowed_values(hint)
    if get_origin(hint) is Literal:
        ok = any(value == a and type(value) is type(a) for a in get_args(hint))
    else:
        ok = value in allowed
    if not ok:
        raise ParamError(name, f"is {value!r}; allowed: {', '.join(allowed)}")


def _wrong(hint: Any, value: Any, name: str) -> ParamError:
    return ParamError(name, f"is {value!r}; {_expected(hint)}")


def _expected(hint: Any) -> str:
    allowed = allowed_values(hint)
    return f"expected {type_words(hint)}" + (f"; allowed: {', '.join(allowed)}" if allowed else "")


def _build(cls: type, given: Mapping[str, Any], prefix: str = "") -> Any:
    """An instance of the dataclass ``cls`` from a YAML mapping (``prefix`` names its place)."""
    fields = {yaml_name(f): f for f in dataclasses.fields(cls)}
    unknown = [k for k in given if k not in fields]
    if unknown:
        raise ParamError(
            f"{prefix}{unknown[0]}", f"is not a parameter; known: {', '.join(fields) or 'none'}"
        )
    hints = _hints(cls)
    kwargs = {}
    for name, f in fields.items():
        if name in given:
            kwargs[f.name] = _convert(hints[f.name], given[name], f"{prefix}{name}")
        elif not _has_default(f):
            raise ParamError(f"{prefix}{name}", f"is missing; {_expected(hints[f.name])}")
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a parameter dataclass, once per class: resolving them
    evaluates every annotation (a compile each), and a rule set builds hundreds of params."""
    return get_type_hints(cls, include_extras=True)


def _has_default(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _plain(value: Any) -> Any:
    """``value`` as YAML would give it: lists for tuples, mappings for dataclasses."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {yaml_name(f): _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class ParamInfo:
    """One declared parameter, in words, with a rule's value for it."""

    name: str
    type: str
    allowed: tuple[str, ...]
    required: bool
    default: Any
    value: Any


class Params:
    """Base of every check kind's parameter dataclass (frozen, keyword-only)."""

    __slots__ = ()

    @classmethod
    def resolve(cls, given: Self | Mapping[str, Any] | None = None) -> Self:
        """The parameters from a rule's ``params`` mapping (or an instance, returned as is).

        Raises :class:`ParamError` for an unknown or missing parameter, a value of the
        wrong type or outside the allowed set, or a failed cross-parameter check.
        """
        if isinstance(given, cls):
            return given
        if given is None:
            given = {}
        if not isinstance(given, Mapping):
            raise TypeError(f"{cls.__name__}.resolve takes a mapping, not {type(given).__name__}")
        return _build(cls, given)

    def as_dict(self) -> dict[str, Any]:
        """Every parameter by its YAML name, as plain YAML values; ``resolve`` reads it back."""
        return _plain(self)

    def describe(self) -> list[ParamInfo]:
        """Each declared parameter in words, with this object's value."""
        hints = _hints(type(self))
        infos = []
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            required = not _has_default(f)
            default = None
            if not required:
                default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            infos.append(
                ParamInfo(
                    name=yaml_name(f),
                    type=type_words(hints[f.name]),
                    allowed=allowed_values(hints[f.name]),
                    required=required,
                    default=_plain(default),
                    value=_plain(getattr(self, f.name)),
                )
            )
        return infos


@dataclass(frozen=True, slots=True, kw_only=True)
class NoParams(Params):
    """The parameters of a check kind that takes none."""


def shown(value: Any, nested: bool = False) -> str:
    """A parameter value as a reviewer reads it: ``pagu, realisasi``, ``{item: [skm, tarif]}``.

    A list is bracketed only inside another value, where its commas would be ambiguous.
    """
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list):
        inner = ", ".join(shown(v, nested=True) for v in value)
        return f"[{inner}]" if nested else inner
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {shown(v, nested=True)}" for k, v in value.items()) + "}"
    return str(value)


def explain(params: Params) -> list[str]:
    """Lines describing ``params``: each parameter's value, type, allowed values, default."""
    lines = []
    for info in params.describe():
        is_default = not info.required and info.value == info.default
        lines.append(f"  {info.name}: {shown(info.value)}" + (" (default)" if is_default else ""))
        words = [info.type, "required" if info.required else f"default {shown(info.default)}"]
        if info.allowed:
            words.append(f"allowed: {', '.join(info.allowed)}")
        lines.append(f"      {'; '.join(words)}")
    return lines or ["  (none)"]
