"""The ``expression`` check kind: a row-level assertion in a safe expression language.

Expressions are evaluated by simpleeval, never Python ``eval``: only the row's columns,
numbers, strings and the functions ``abs``, ``round``, ``min`` and ``max`` are available.
A number cell (a Stated) is seen as its exact Decimal value.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from simpleeval import EvalWithCompoundTypes

from lkjip_audit.facts import Facts, schema_for
from lkjip_audit.numbers import Stated
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.params import ParamError, Params, Table
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

FUNCTIONS = {"abs": abs, "round": round, "min": min, "max": max}


def _names(expression: str) -> set[str]:
    return {
        node.id
        for node in ast.walk(ast.parse(expression, mode="eval"))
        if isinstance(node, ast.Name)
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpressionParams(Params):
    """Parameters of ``expression``; both expressions may name only the table's columns."""

    table: Table
    assert_: str = field(metadata={"param": "assert"})  # `assert` is a Python keyword
    where: str | None = None

    def __post_init__(self) -> None:
        columns = set(schema_for(self.table).columns)
        allowed = columns | set(FUNCTIONS) | {"settings"}
        for key, expression in (("assert", self.assert_), ("where", self.where)):
            if expression is None:
                continue
            try:
                unknown = _names(expression) - allowed
            except SyntaxError as err:
                raise ParamError(key, f"is not a valid expression ({err.msg})") from None
            if unknown:
                raise ParamError(
                    key, f"uses unknown name(s) {sorted(unknown)}; columns are {sorted(columns)}"
                )


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Stated) else value


@check_kind("expression", ExpressionParams)
def expression(rule: Rule[ExpressionParams], facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each row of ``table`` (that satisfies ``where``) for which ``assert`` is false is a hit.

    Params: ``table``; ``assert`` and ``where``: expressions over the row's columns and
    ``settings``. Message values: every column of the row.
    """
    evaluator = EvalWithCompoundTypes(functions=FUNCTIONS)
    for row in facts.table(rule.params.table).to_dict("records"):
        names = {k: _plain(v) for k, v in row.items()}
        names["settings"] = dict(context.settings)
        evaluator.names = names
        if rule.params.where is not None and not evaluator.eval(rule.params.where):
            continue
        if evaluator.eval(rule.params.assert_):
            continue
        yield Hit(
            page=row["page"],
            bbox=row["bbox"],
            evidence=row["raw"],
            values={k: v for k, v in row.items() if k != "bbox"},
        )
