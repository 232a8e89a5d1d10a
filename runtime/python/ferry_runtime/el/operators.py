"""EL operators with their JSP 2.0 coercions (spec JSP.2.3), as `el.*` in templates.

The translator writes Python's own operator when both operands' types are known to agree
(`'a' == 'b'`, `1 + 2`); otherwise it calls these, because Python's `+` concatenates strings,
`%` takes the divisor's sign, `'false'` is truthy and `'10' < '9'` compares text where EL
compares numbers.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Callable, Mapping, Sized
from typing import Any

from ferry_runtime.el.values import (
    is_floating,
    is_null,
    text,
    to_boolean,
    to_double,
    to_long,
)

_LONG_BITS = 1 << 64


def _wrap_long(value: int) -> int:
    """Java long arithmetic overflows silently (two's complement)."""
    value &= _LONG_BITS - 1
    return value - _LONG_BITS if value >= 1 << 63 else value


def _is_number(value: Any) -> builtins.bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class ElOperators:
    """`el` in templates: el.add(a, b), el.eq(a, b), el.bool(a), el.text(a), ..."""

    # --- coercions -------------------------------------------------------------------------
    def bool(self, value: Any) -> builtins.bool:
        """Operand of and/or/not/?: (coerced to Boolean)."""
        return to_boolean(value)

    def text(self, value: Any) -> str:
        """What `${...}` prints: null as '', true/false, Java's number forms."""
        return text(value)

    def empty(self, value: Any) -> builtins.bool:
        """EL `empty`: null, '' and empty maps/lists/arrays."""
        if is_null(value):
            return True
        if isinstance(value, str | Mapping | list | tuple | set):
            return len(value) == 0
        return isinstance(value, Sized) and not isinstance(value, str) and len(value) == 0

    # --- arithmetic (JSP.2.3.5.1-2.3.5.5) --------------------------------------------------
    def _arithmetic(self, left: Any, right: Any, op: Callable[[Any, Any], Any]) -> int | float:
        if is_null(left) and is_null(right):
            return 0
        if is_floating(left) or is_floating(right):
            return float(op(to_double(left), to_double(right)))
        return _wrap_long(op(to_long(left), to_long(right)))

    def add(self, left: Any, right: Any) -> int | float:
        return self._arithmetic(left, right, lambda a, b: a + b)

    def sub(self, left: Any, right: Any) -> int | float:
        return self._arithmetic(left, right, lambda a, b: a - b)

    def mul(self, left: Any, right: Any) -> int | float:
        return self._arithmetic(left, right, lambda a, b: a * b)

    def div(self, left: Any, right: Any) -> int | float:
        """`/` and `div`: always Double (1 div 0 is Infinity, 0 div 0 NaN), null/null is 0."""
        if is_null(left) and is_null(right):
            return 0
        dividend, divisor = to_double(left), to_double(right)
        if divisor == 0:
            if dividend == 0 or math.isnan(dividend):
                return math.nan
            return math.copysign(math.inf, dividend) * math.copysign(1.0, divisor)
        return dividend / divisor

    def mod(self, left: Any, right: Any) -> int | float:
        """`%` and `mod`: Java's remainder, with the dividend's sign (-7 mod 3 is -1)."""
        if is_null(left) and is_null(right):
            return 0
        if is_floating(left) or is_floating(right):
            divisor = to_double(right)
            return math.nan if divisor == 0 else math.fmod(to_double(left), divisor)
        dividend, divisor = to_long(left), to_long(right)
        if divisor == 0:
            raise ZeroDivisionError("EL: / by zero (Long remainder)")
        remainder = abs(dividend) % abs(divisor)
        return -remainder if dividend < 0 else remainder

    def neg(self, value: Any) -> int | float:
        """Unary minus: null is 0, a String with '.', 'e' or 'E' is a Double, else a Long."""
        if is_null(value):
            return 0
        if is_floating(value):
            return -to_double(value)
        return _wrap_long(-to_long(value))

    # --- comparisons (JSP.2.3.5.6-2.3.5.7) -------------------------------------------------
    def _compare(self, left: Any, right: Any) -> int:
        # types decide, not the text: "5.5" lt 10 is an error in Oozie (Long.valueOf)
        a: Any
        b: Any
        if isinstance(left, float) or isinstance(right, float):
            a, b = to_double(left), to_double(right)
        elif _is_number(left) or _is_number(right):
            a, b = to_long(left), to_long(right)
        elif isinstance(left, str) or isinstance(right, str):
            a, b = text(left), text(right)
        else:
            a, b = left, right
        return (a > b) - (a < b)

    def lt(self, left: Any, right: Any) -> builtins.bool:
        if left is right or is_null(left) or is_null(right):
            return False
        return self._compare(left, right) < 0

    def gt(self, left: Any, right: Any) -> builtins.bool:
        if left is right or is_null(left) or is_null(right):
            return False
        return self._compare(left, right) > 0

    def le(self, left: Any, right: Any) -> builtins.bool:
        if left is right:
            return True
        if is_null(left) or is_null(right):
            return False
        return self._compare(left, right) <= 0

    def ge(self, left: Any, right: Any) -> builtins.bool:
        if left is right:
            return True
        if is_null(left) or is_null(right):
            return False
        return self._compare(left, right) >= 0

    def eq(self, left: Any, right: Any) -> builtins.bool:
        if is_null(left) and is_null(right):
            return True
        if is_null(left) or is_null(right):
            return False
        if isinstance(left, float) or isinstance(right, float):
            return to_double(left) == to_double(right)
        if _is_number(left) or _is_number(right):
            return to_long(left) == to_long(right)
        if isinstance(left, bool) or isinstance(right, bool):
            return to_boolean(left) == to_boolean(right)
        if isinstance(left, str) or isinstance(right, str):
            return text(left) == text(right)
        return bool(left == right)

    def ne(self, left: Any, right: Any) -> builtins.bool:
        return not self.eq(left, right)
