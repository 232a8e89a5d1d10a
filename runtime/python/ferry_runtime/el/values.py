"""EL values as Oozie's evaluator (JSP 2.0 EL, Apache commons-el 1.0) sees them.

Python has no `null` that prints as '', so the helpers whose Oozie counterpart returns `null`
(wf:conf of an unset property, wf:lastErrorNode before any error...) return `NULL`: a str equal
to '' that the EL operators and `firstNotNull` still recognise as null. Coercions follow the
JSP 2.0 specification, section JSP.2.8 ("Type Conversion").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from jinja2 import Undefined


class ElNull(str):
    """EL `null`: prints as '', counts as null for `eq`, `empty`, firstNotNull and arithmetic."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NULL"


NULL: Final = ElNull("")


def is_null(value: Any) -> bool:
    """None, NULL, or a Jinja Undefined (a missing map key: Oozie's Map.get gives null)."""
    return value is None or isinstance(value, ElNull | Undefined)


def java_double(value: float) -> str:
    """Double.toString: '2.0', '2.5', '1.0E7', '1.0E-4', 'NaN', 'Infinity'."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    if 1e-3 <= abs(value) < 1e7:
        return repr(value)  # Python's repr is plain decimal in this range, like Java's
    # Java's "computerized scientific notation", with the shortest round-tripping digits
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    significant = "".join(map(str, digits))
    power = int(exponent) + len(significant) - 1
    return f"{'-' if sign else ''}{significant[0]}.{significant[1:] or '0'}E{power}"


def text(value: Any) -> str:
    """EL coercion to String: null -> '', booleans 'true'/'false', Java number and Map forms."""
    if is_null(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, Mapping):
        # java.util.AbstractMap.toString / Hashtable.toString
        return "{" + ", ".join(f"{text(k)}={text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(text(v) for v in value) + "]"
    return str(value)


def to_boolean(value: Any) -> bool:
    """EL coercion to Boolean: null and '' are false, a String is Boolean.valueOf (case-blind)."""
    if is_null(value) or value == "":
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() == "true"
    raise TypeError(f"EL cannot coerce {value!r} ({type(value).__name__}) to Boolean")


def is_floating(value: Any) -> bool:
    """True when EL arithmetic works in Double: a float, or a String with '.', 'e' or 'E'."""
    if isinstance(value, float):
        return True
    return isinstance(value, str) and any(c in value for c in ".eE")


def to_long(value: Any) -> int:
    """EL coercion to Long: null and '' are 0, a String is Long.valueOf, a Double truncates."""
    if is_null(value) or value == "":
        return 0
    if isinstance(value, bool):
        raise TypeError(f"EL cannot coerce the Boolean {text(value)} to a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value, 10) if value.lstrip("+-").isdigit() else _bad_number(value)
        except ValueError:
            return _bad_number(value)
    raise TypeError(f"EL cannot coerce {value!r} to a number")


def to_double(value: Any) -> float:
    """EL coercion to Double: null and '' are 0.0, a String is Double.valueOf (trims blanks)."""
    if is_null(value) or value == "":
        return 0.0
    if isinstance(value, bool):
        raise TypeError(f"EL cannot coerce the Boolean {text(value)} to a number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        stripped = value.strip()
        try:
            return float(stripped.rstrip("dDfF") if stripped[-1:] in "dDfF" else stripped)
        except ValueError:
            return _bad_number(value)
    raise TypeError(f"EL cannot coerce {value!r} to a number")


def _bad_number(value: str) -> Any:
    raise ValueError(f"EL cannot coerce the String {value!r} to a number")


class ElMap(dict[str, Any]):
    """A Map from an EL function (wf:actionData, hadoop:counters): a missing key reads as null."""

    def __missing__(self, key: str) -> Any:
        return NULL


def to_int(value: Any) -> int:
    """A function's `int` parameter, as EL coerces its argument (Integer.valueOf)."""
    return to_long(value)
