"""A dataset uri-template's instance variables, filled as Oozie fills them for one instance.

Oozie evaluates a uri-template a second time per instance, with an EL evaluator whose only
variables are YEAR (a number) and MONTH, DAY, HOUR, MINUTE (two-digit texts) of the instance time
in UTC (CoordELEvaluator.createURIELEvaluator). So `${MONTH}` is `01` and `${MONTH + 0}` (what
`${"$"}{MONTH + 0}` leaves after submission) is `1`: JSP EL coerces the text to a number. The
translator lets through only arithmetic (`+ - * / % div mod`, unary minus, parentheses) over those
variables and number literals; anything else was refused at conversion (OOZ-E030).
"""

from __future__ import annotations

import ast
import re
from datetime import datetime
from typing import Any, Final

from ferry_runtime.el.operators import ElOperators

VARIABLE: Final = re.compile(r"\$\{([^{}]*)\}")
_WORD_OPERATORS: Final = ((re.compile(r"\bdiv\b"), "/"), (re.compile(r"\bmod\b"), "%"))
_EL: Final = ElOperators()
_BINARY: Final = {
    ast.Add: _EL.add,
    ast.Sub: _EL.sub,
    ast.Mult: _EL.mul,
    ast.Div: _EL.div,
    ast.Mod: _EL.mod,
}


class UriTemplateError(ValueError):
    """A `${...}` of a uri-template that Oozie's per-instance evaluator cannot evaluate either."""


def variables(at: datetime) -> dict[str, Any]:
    """The variables of instance time `at` (UTC), typed as Oozie sets them."""
    return {
        "YEAR": at.year,
        "MONTH": f"{at.month:02d}",
        "DAY": f"{at.day:02d}",
        "HOUR": f"{at.hour:02d}",
        "MINUTE": f"{at.minute:02d}",
    }


def fill(template: str, at: datetime) -> str:
    """`template` with every `${...}` evaluated for the instance at `at` (UTC)."""
    values = variables(at)
    return VARIABLE.sub(lambda m: _EL.text(evaluate(m.group(1), values)), template)


def evaluate(expression: str, values: dict[str, Any]) -> Any:
    """One `${...}` body: arithmetic over the instance variables with JSP EL's coercions."""
    text = expression.strip()
    for pattern, symbol in _WORD_OPERATORS:
        text = pattern.sub(symbol, text)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as e:
        raise UriTemplateError(
            f"uri-template ${{{expression}}} is not arithmetic: {e.msg}"
        ) from None
    return _value(tree.body, expression, values)


def _value(node: ast.expr, expression: str, values: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise UriTemplateError(
                f"uri-template ${{{expression}}}: variable {node.id} cannot be resolved "
                f"(an instance has only {', '.join(values)})"
            )
        return values[node.id]
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _value(node.operand, expression, values)
        return _EL.neg(operand) if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left = _value(node.left, expression, values)
        right = _value(node.right, expression, values)
        return _BINARY[type(node.op)](left, right)
    raise UriTemplateError(f"uri-template ${{{expression}}}: only + - * / % over YEAR..MINUTE")
