"""Expressions of rule files, checked when the file loads and evaluated by simpleeval.

simpleeval already refuses, while evaluating, what could escape or exhaust the process:
names starting with ``_`` (dunder access), lambdas, powers beyond ``MAX_POWER`` and strings
beyond ``MAX_STRING_LENGTH``. A rule file is checked against the same limits when it loads,
so that its author reads one line naming the rule and the key instead of a failure on
every document: only the syntax simpleeval evaluates (without comprehensions, assignments,
imports or f-strings), only known names, only the whitelisted functions, and every part
made of constants alone is evaluated once by simpleeval itself, so ``9**9**9`` or
``'a' * 10**10`` is refused with simpleeval's own reason.
"""

from __future__ import annotations

import ast
from collections.abc import Set

import simpleeval
from simpleeval import EvalWithCompoundTypes

FUNCTIONS = {"abs": abs, "round": round, "min": min, "max": max}
MAX_EXPRESSION_LENGTH = 2000
"""The longest expression a rule may hold (characters); the shipped ones are under 100."""

_NOT_ALLOWED = {
    ast.ListComp: "a comprehension",
    ast.SetComp: "a comprehension",
    ast.DictComp: "a comprehension",
    ast.GeneratorExp: "a comprehension",
    ast.Lambda: "a lambda",
    ast.NamedExpr: "an assignment (:=)",
    ast.JoinedStr: "an f-string",
    ast.Starred: "unpacking (*)",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
}
_SYNTAX = (ast.Expression, ast.expr_context, ast.boolop, ast.keyword, ast.Slice)


class ExpressionError(ValueError):
    """An expression a rule cannot hold; the message says what is wrong, in one line."""


def evaluator(names: dict | None = None) -> EvalWithCompoundTypes:
    """A simpleeval evaluator with only :data:`FUNCTIONS` and ``names``."""
    # A copy: simpleeval adds its compound types (list, dict, ...) to the mapping it is given.
    return EvalWithCompoundTypes(functions=dict(FUNCTIONS), names=names or {})


_EVALUATED = frozenset(evaluator().nodes) - _NOT_ALLOWED.keys()
"""The expression nodes simpleeval evaluates, less those refused above."""


def _refused(node: ast.AST) -> None:
    """Refuse what simpleeval refuses by design (checked first: it says most)."""
    if type(node) in _NOT_ALLOWED:
        raise ExpressionError(f"uses {_NOT_ALLOWED[type(node)]}, which is not allowed")
    if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
        raise ExpressionError(f"reads {node.attr!r}: names starting with _ are not allowed")


def _check_node(node: ast.AST, names: Set[str], operators: Set[type]) -> None:
    kind = type(node)
    if isinstance(node, ast.operator | ast.unaryop | ast.cmpop):
        if kind not in operators:
            raise ExpressionError(f"uses the operator {kind.__name__}, which is not allowed")
    elif isinstance(node, ast.Name) and node.id not in names | FUNCTIONS.keys():
        raise ExpressionError(
            f"uses unknown name {node.id!r}; names are {sorted(names)} and {', '.join(FUNCTIONS)}"
        )
    elif isinstance(node, ast.Call) and not isinstance(node.func, ast.Name):
        # A called name is checked as a name; anything else would be a method or a result.
        raise ExpressionError(f"calls something else than {', '.join(FUNCTIONS)}")
    elif not isinstance(node, _SYNTAX) and kind not in _EVALUATED:
        raise ExpressionError(f"uses {kind.__name__}, which is not allowed")


def _has_name(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) for n in ast.walk(node))


def _constant_parts(node: ast.AST):
    """The largest parts of ``node`` computed from constants alone (operations on literals)."""
    if isinstance(node, ast.BinOp | ast.UnaryOp | ast.BoolOp | ast.Compare) and not _has_name(node):
        yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _constant_parts(child)


def check_expression(expression: str, names: Set[str]) -> None:
    """Refuse ``expression`` unless simpleeval can evaluate it within its limits over ``names``.

    Raises :class:`ExpressionError` with a one-line reason.
    """
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(
            f"has {len(expression):,} characters; at most {MAX_EXPRESSION_LENGTH:,} are allowed"
        )
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError as err:
        raise ExpressionError(f"is not a valid expression ({err.msg})") from None
    except (RecursionError, MemoryError):
        raise ExpressionError("is nested too deeply") from None
    constants = evaluator()
    operators = set(constants.operators)
    nodes = list(ast.walk(tree))
    for node in nodes:
        _refused(node)
    for node in nodes:
        _check_node(node, names, operators)
    for part in _constant_parts(tree.body):
        try:
            constants.eval(ast.unparse(part))
        except (simpleeval.NumberTooHigh, simpleeval.IterableTooLong) as err:
            raise ExpressionError(f"goes beyond simpleeval's limits ({err})") from None
        except (ArithmeticError, TypeError, ValueError) as err:
            raise ExpressionError(f"cannot be computed ({type(err).__name__}: {err})") from None
