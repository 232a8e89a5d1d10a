"""Java SimpleDateFormat patterns (as in coord:formatTime) applied to Python datetimes.

Oozie formats with SimpleDateFormat in UTC, English names; week fields follow the JVM's default
US rules (weeks start on Sunday; week 1 holds January 1st).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Final

Field = Callable[[datetime, int], str]


def _number(value: int, width: int) -> str:
    return f"{value:0{width}d}"


def _text(short: str, full: str, width: int) -> str:
    return full if width >= 4 else short


def _us_week_start(day: datetime) -> datetime:
    """Sunday of the week holding `day`."""
    return day - timedelta(days=(day.weekday() + 1) % 7)


def _us_week_year(day: datetime) -> int:
    """The year whose week 1 holds this day's week: the year of the week's Saturday."""
    return (_us_week_start(day) + timedelta(days=6)).year


def _us_week_of_year(day: datetime) -> int:
    first = _us_week_start(day.replace(year=_us_week_year(day), month=1, day=1))
    return (_us_week_start(day).date() - first.date()).days // 7 + 1


def _week_of_month(day: datetime) -> int:
    first = _us_week_start(day.replace(day=1))
    return (_us_week_start(day).date() - first.date()).days // 7 + 1


def _year(day: datetime, width: int) -> str:
    return _number(day.year % 100, 2) if width == 2 else _number(day.year, width)


def _month(day: datetime, width: int) -> str:
    if width >= 3:
        return _text(calendar.month_abbr[day.month], calendar.month_name[day.month], width)
    return _number(day.month, width)


def _offset(day: datetime, width: int, *, iso: bool) -> str:
    delta = day.utcoffset() or timedelta(0)
    if iso and not delta:
        return "Z"
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    if iso and width == 1:
        return f"{sign}{hours:02d}"
    separator = ":" if iso and width >= 3 else ""
    return f"{sign}{hours:02d}{separator}{mins:02d}"


# Pattern letter -> formatter(datetime, letter count). Letters not listed are errors, as in Java.
FIELDS: Final[dict[str, Field]] = {
    "G": lambda d, n: "AD",
    "y": _year,
    "Y": lambda d, n: _year(d.replace(year=_us_week_year(d)), n),
    "M": _month,
    "L": _month,
    "w": lambda d, n: _number(_us_week_of_year(d), n),
    "W": lambda d, n: _number(_week_of_month(d), n),
    "D": lambda d, n: _number(d.timetuple().tm_yday, n),
    "d": lambda d, n: _number(d.day, n),
    "F": lambda d, n: _number((d.day - 1) // 7 + 1, n),
    "E": lambda d, n: _text(calendar.day_abbr[d.weekday()], calendar.day_name[d.weekday()], n),
    "u": lambda d, n: _number(d.isoweekday(), n),
    "a": lambda d, n: "AM" if d.hour < 12 else "PM",
    "H": lambda d, n: _number(d.hour, n),
    "k": lambda d, n: _number(d.hour or 24, n),
    "K": lambda d, n: _number(d.hour % 12, n),
    "h": lambda d, n: _number(d.hour % 12 or 12, n),
    "m": lambda d, n: _number(d.minute, n),
    "s": lambda d, n: _number(d.second, n),
    "S": lambda d, n: _number(d.microsecond // 1000, n),
    "z": lambda d, n: "Coordinated Universal Time" if n >= 4 else (d.tzname() or "UTC"),
    "Z": lambda d, n: _offset(d, n, iso=False),
    "X": lambda d, n: _offset(d, n, iso=True),
}


def _tokens(pattern: str) -> Iterator[tuple[str, int] | str]:
    """(letter, count) for a field, a plain str for literal text; quotes as in Java."""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            if pattern.startswith("''", i):
                yield "'"
                i += 2
                continue
            end = i + 1
            literal = []
            while end < len(pattern):
                if pattern.startswith("''", end):
                    literal.append("'")
                    end += 2
                elif pattern[end] == "'":
                    break
                else:
                    literal.append(pattern[end])
                    end += 1
            else:
                raise ValueError(f"unterminated quote in date pattern {pattern!r}")
            yield "".join(literal)
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            yield (char, end - i)
            i = end
        else:
            yield char
            i += 1


def format_java(moment: datetime, pattern: str) -> str:
    """`moment` formatted with a Java SimpleDateFormat `pattern` (naive datetimes are UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    out = []
    for token in _tokens(pattern):
        if isinstance(token, str):
            out.append(token)
            continue
        letter, count = token
        field = FIELDS.get(letter)
        if field is None:
            raise ValueError(f"illegal pattern character '{letter}' in date pattern {pattern!r}")
        out.append(field(moment, count))
    return "".join(out)
