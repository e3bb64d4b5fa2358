"""The ``expression`` check kind: a row-level assertion in a safe expression language.

Expressions are evaluated by simpleeval, never Python ``eval``: only the row's columns,
numbers, strings and the functions ``abs``, ``round``, ``min`` and ``max`` are available.
A number cell (a Stated) is seen as its exact Decimal value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lkjip_audit.facts import Facts, schema_for
from lkjip_audit.numbers import Stated
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import ParamError, Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind
from lkjip_audit.rules.safe_expression import ExpressionError, check_expression, evaluator


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpressionParams(Params):
    """Parameters of ``expression``; both expressions may name only the table's columns."""

    table: Table
    assert_: str = field(metadata={"param": "assert"})  # `assert` is a Python keyword
    where: str | None = None

    def __post_init__(self) -> None:
        names = {*schema_for(self.table).columns, "settings"}
        for key, expression in (("assert", self.assert_), ("where", self.where)):
            if expression is None:
                continue
            try:
                check_expression(expression, names)
            except ExpressionError as err:
                raise ParamError(key, str(err)) from None


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Stated) else value


@check_kind("expression", ExpressionParams)
def expression(rule: Rule[ExpressionParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each row of ``table`` (that satisfies ``where``) for which ``assert`` is false is a hit.

    Params: ``table``; ``assert`` and ``where``: expressions over the row's columns and
    ``settings``. Message values: every column of the row.
    """
    evaluate = evaluator()
    for row in facts.table(rule.params.table).to_dict("records"):
        names = {k: _plain(v) for k, v in row.items()}
        names["settings"] = dict(context.settings)
        evaluate.names = names
        if rule.params.where is not None and not evaluate.eval(rule.params.where):
            continue
        if evaluate.eval(rule.params.assert_):
            continue
        yield Hit(
            page=row["page"],
            bbox=row["bbox"],
            evidence=row["raw"],
            values={k: v for k, v in row.items() if k != "bbox"},
        )
