"""The ``expression`` check kind: a row-level assertion in a safe expression language.

Expressions are evaluated by simpleeval, never Python ``eval``: only the row's columns,
numbers, strings and the functions ``abs``, ``round``, ``min`` and ``max`` are available.
A number cell (a Stated) is seen as its exact Decimal value.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from typing import Any

from simpleeval import EvalWithCompoundTypes

from lkjip_audit.facts import Facts, schema_for
from lkjip_audit.numbers import Stated
from lkjip_audit.rules.model import Rule
from lkjip_audit.rules.registry import Hit, RuleContext, check_kind

FUNCTIONS = {"abs": abs, "round": round, "min": min, "max": max}
EXPRESSION_PARAMS = ("assert", "where")


def _names(expression: str) -> set[str]:
    return {
        node.id
        for node in ast.walk(ast.parse(expression, mode="eval"))
        if isinstance(node, ast.Name)
    }


def _expression_problem(params: Mapping[str, Any]) -> str | None:
    try:
        columns = set(schema_for(str(params["table"])).columns)
    except KeyError:
        return f"table {params['table']!r} is not a known fact table"
    allowed = columns | set(FUNCTIONS) | {"settings"}
    for key in EXPRESSION_PARAMS:
        if key not in params:
            continue
        try:
            unknown = _names(str(params[key])) - allowed
        except SyntaxError as err:
            return f"{key}: {params[key]!r} is not a valid expression ({err.msg})"
        if unknown:
            return f"{key}: unknown name(s) {sorted(unknown)}; columns are {sorted(columns)}"
    return None


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Stated) else value


@check_kind(
    "expression",
    required=["table", "assert"],
    optional=["where"],
    validate=_expression_problem,
)
def expression(rule: Rule, facts: Facts, context: RuleContext) -> Iterator[Hit]:
    """Each row of ``table`` (that satisfies ``where``) for which ``assert`` is false is a hit.

    Params: ``table``; ``assert`` and ``where``: expressions over the row's columns and
    ``settings``. Message values: every column of the row.
    """
    evaluator = EvalWithCompoundTypes(functions=FUNCTIONS)
    for row in facts.table(rule.params["table"]).to_dict("records"):
        names = {k: _plain(v) for k, v in row.items()}
        names["settings"] = dict(context.settings)
        evaluator.names = names
        if "where" in rule.params and not evaluator.eval(str(rule.params["where"])):
            continue
        if evaluator.eval(str(rule.params["assert"])):
            continue
        yield Hit(
            page=row["page"],
            bbox=row["bbox"],
            evidence=row["raw"],
            values={k: v for k, v in row.items() if k != "bbox"},
        )
