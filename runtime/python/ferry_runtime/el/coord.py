"""Oozie coordinator EL (`coord:`) at run time.

Nominal time: Oozie runs coordinator instance T at T and calls T its nominal time. Generated DAGs
are scheduled with CronTriggerTimetable, whose run for cron tick T has `data_interval_end == T`
(on Airflow 3 also `logical_date == T`, but with an `interval` set, and on 2.x, `logical_date` is
the interval's start). So coord:nominalTime() = `data_interval_end`, falling back to
`logical_date`, then the run's `run_after` (manual runs without a logical date on Airflow 3).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, Final

from dateutil.relativedelta import relativedelta

from ferry_runtime.el.java_time import format_java
from ferry_runtime.run_context import current_context

OOZIE_TIME_PATTERN: Final = "yyyy-MM-dd'T'HH:mm'Z'"  # how Oozie prints EL timestamps

# coord:dateOffset time unit -> relativedelta keyword.
OFFSET_UNITS: Final[dict[str, str]] = {
    "MINUTE": "minutes",
    "HOUR": "hours",
    "DAY": "days",
    "WEEK": "weeks",
    "MONTH": "months",
    "YEAR": "years",
}

Timestamp = str | datetime


def parse_time(value: Timestamp) -> datetime:
    """An Oozie timestamp (`2024-05-01T06:00Z`, ISO 8601 with seconds or offset) as UTC datetime."""
    if isinstance(value, datetime):
        moment = value
    else:
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def oozie_time(moment: datetime) -> str:
    """`YYYY-MM-DDTHH:MMZ` in UTC."""
    return format_java(parse_time(moment), OOZIE_TIME_PATTERN)


def nominal_datetime(context: Mapping[str, Any]) -> datetime:
    """The run's Oozie nominal time (see the module docstring for the mapping)."""
    for key in ("data_interval_end", "logical_date"):
        if context.get(key) is not None:
            return parse_time(context[key])
    dag_run = context.get("dag_run")
    run_after = getattr(dag_run, "run_after", None)
    if run_after is not None:
        return parse_time(run_after)
    return datetime.now(timezone.utc)


class CoordFunctions:
    """`coord` in templates: coord.nominal_time(), coord.format_time(ts, 'yyyyMMdd'), ..."""

    def nominal_time(self) -> str:
        return oozie_time(nominal_datetime(current_context()))

    def actual_time(self) -> str:
        """When the run actually started (Oozie: when the action was materialized)."""
        context = current_context()
        started = getattr(context.get("dag_run"), "start_date", None)
        return oozie_time(started or datetime.now(timezone.utc))

    def format_time(self, timestamp: Timestamp, pattern: str) -> str:
        return format_java(parse_time(timestamp), pattern)

    def date_offset(self, timestamp: Timestamp, amount: int, unit: str = "DAY") -> str:
        key = OFFSET_UNITS.get(unit.upper())
        if key is None:
            raise ValueError(f"coord:dateOffset unit {unit!r} (expected {', '.join(OFFSET_UNITS)})")
        return oozie_time(parse_time(timestamp) + relativedelta(**{key: int(amount)}))

    def date_tz_offset(self, timestamp: Timestamp, tz: str) -> str:
        """The timestamp shifted by `tz`'s UTC offset at that instant (coord:dateTzOffset)."""
        from zoneinfo import ZoneInfo

        moment = parse_time(timestamp)
        offset = moment.astimezone(ZoneInfo(tz)).utcoffset()
        return oozie_time(moment + offset) if offset else oozie_time(moment)

    # Frequencies: Oozie returns minutes for days/hours/minutes and a month count for months.
    def days(self, n: int) -> int:
        return int(n) * 24 * 60

    def hours(self, n: int) -> int:
        return int(n) * 60

    def minutes(self, n: int) -> int:
        return int(n)

    def months(self, n: int) -> int:
        return int(n)
