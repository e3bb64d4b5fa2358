"""Check kinds: the few Python building blocks that YAML rules are made of.

A check kind is a function ``(rule, facts, context) -> Iterable[Hit]`` registered under a
name with :func:`check_kind`, with the dataclass that declares its parameters (see
:mod:`lkjip_audit.rules.params`). Rules pick a kind and give it parameters; the engine turns
each :class:`Hit` into a :class:`~lkjip_audit.findings.Finding` with the rule's message.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lkjip_audit.extract.model import BBox
from lkjip_audit.facts import Facts
from lkjip_audit.findings import Category, Place, Severity
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import NoParams, Params


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where a check fails.

    ``values`` fill the rule's message template; a :class:`~lkjip_audit.numbers.Stated`
    prints as its raw text, a Decimal in the language's number format, anything else as str.
    ``stated`` and ``expected`` are the two sides of the comparison as a reviewer reads them;
    ``related`` names the other places of a disagreement between places. A hit with
    ``unverified`` (a reason, by language) is an abstention, not a finding: the check could not
    be sure what it compared, and the coverage panel counts it as "tidak dapat diverifikasi".
    ``severity``, when given, replaces the rule's for this hit (a check that knows a case is
    less certain, e.g. a chapter missing from a document that is visibly an excerpt).
    """

    page: int | None
    bbox: BBox | None
    evidence: str | None
    values: Mapping[str, Any] = field(default_factory=dict)
    stated: str | None = None
    expected: str | None = None
    related: tuple[Place, ...] = ()
    unverified: Mapping[str, str] | None = None
    severity: Severity | None = None


def abstain(
    page: int | None, bbox: BBox | None, evidence: str | None, reason_id: str, reason_en: str
) -> Hit:
    """A :class:`Hit` that records an abstention with its reason instead of a finding."""
    return Hit(page, bbox, evidence, unverified={"id": reason_id, "en": reason_en})


@dataclass(slots=True)
class RuleContext:
    """What a check may know besides the facts: profile settings, the document, the recap."""

    settings: Mapping[str, Any] = field(default_factory=dict)
    year: int | None = None
    satker: str | None = None
    kode_satker: str | None = None
    rekap: Facts | None = None
    unverified: Counter[Category] = field(default_factory=Counter)
    """Abstentions per category, counted by the engine while the rules run."""


P = TypeVar("P", bound=Params)
CheckFn = Callable[[Rule[P], Facts, RuleContext], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class CheckKind:
    """A registered check kind and the dataclass that declares its parameters."""

    name: str
    fn: CheckFn
    params: type[Params]
    doc: str


CHECK_KINDS: dict[str, CheckKind] = {}


def check_kind(name: str, params: type[P] = NoParams) -> Callable[[CheckFn[P]], CheckFn[P]]:
    """Register ``fn`` as the check kind ``name``; its docstring explains it in `rules explain`.

    ``params`` is the frozen dataclass (a :class:`Params`) of the parameters a rule gives
    the check; a rule's ``params`` are resolved to it when the rule file is loaded. A name
    registered twice, or a ``params`` that is not a frozen Params dataclass, is refused.
    """
    if not (
        isinstance(params, type)
        and issubclass(params, Params)
        and dataclasses.is_dataclass(params)
        and params.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ):
        raise TypeError(f"check kind {name!r}: params must be a frozen Params dataclass")

    def register(fn: CheckFn[P]) -> CheckFn[P]:
        known = CHECK_KINDS.get(name)
        if known is not None:
            raise ValueError(
                f"check kind {name!r} is registered twice: by {_origin(known.fn)} "
                f"and by {_origin(fn)}"
            )
        CHECK_KINDS[name] = CheckKind(
            name=name, fn=fn, params=params, doc=(fn.__doc__ or "").strip()
        )
        return fn

    return register


def _origin(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


def load_check_kinds() -> dict[str, CheckKind]:
    """Import every module of ``rules.checks`` so that each registers its check kinds."""
    import importlib
    import pkgutil

    from lkjip_audit.rules import checks

    for module in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"{checks.__name__}.{module.name}")
    return CHECK_KINDS
