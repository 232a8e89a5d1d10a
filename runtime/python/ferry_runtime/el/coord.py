"""Oozie coordinator EL (`coord:`) at run time.

Nominal time: Oozie runs coordinator instance T at T and calls T its nominal time; on Airflow that
is the run's `logical_date` (trigger timetables: scheduled and backfilled runs, REST and CLI runs
with a logical date), else its `run_after` (manual runs without one): run_context.nominal_datetime.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from dateutil.relativedelta import relativedelta

from ferry_runtime import run_context
from ferry_runtime.el.java_time import format_java
from ferry_runtime.el.values import text, to_int
from ferry_runtime.run_context import current_context

OOZIE_TIME_PATTERN: Final = "yyyy-MM-dd'T'HH:mm'Z'"  # DateUtils.ISO8601_UTC_MASK

# coord:dateOffset's unit is org.apache.oozie.coord.TimeUnit.valueOf(unit) (case-sensitive);
# each adds getCalendarUnit() to a UTC Calendar, which relativedelta does the same way
# (month ends clamp: Jan 31 + 1 MONTH is Feb 29 in 2024).
OFFSET_UNITS: Final[dict[str, str]] = {
    "MINUTE": "minutes",
    "HOUR": "hours",
    "DAY": "days",
    "WEEK": "weeks",
    "MONTH": "months",
    "YEAR": "years",
    "END_OF_DAY": "days",
    "END_OF_WEEK": "weeks",
    "END_OF_MONTH": "months",
}
_OOZIE_TIME = re.compile(r"(\d+)-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2})Z")

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


def parse_oozie_time(value: Timestamp) -> datetime:
    """DateUtils.parseDateOozieTZ: exactly `yyyy-MM-ddTHH:mmZ` (blanks around allowed), as a
    non-lenient SimpleDateFormat reads it; seconds or an offset are an error, as in Oozie."""
    if isinstance(value, datetime):
        return parse_time(value)
    source = text(value)
    match = _OOZIE_TIME.fullmatch(source.strip())
    if match is None:
        raise ValueError(f"Could not parse [{source.strip()}] using [{OOZIE_TIME_PATTERN}] mask")
    year, month, day, hour, minute = (int(g) for g in match.groups())
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def oozie_time(moment: datetime) -> str:
    """`YYYY-MM-DDTHH:MMZ` in UTC."""
    return format_java(parse_time(moment), OOZIE_TIME_PATTERN)


def nominal_datetime(context: Mapping[str, Any]) -> datetime:
    """The run's Oozie nominal time (see run_context.nominal_datetime for every run type)."""
    return run_context.nominal_datetime(context)


def hours_in_day(moment: datetime, tz: str) -> int:
    """DateUtils.hoursInDay: 23, 24 or 25, the length of `moment`'s day in zone `tz` (from
    00:30 local plus 24 hours: 01:30 means 23, 23:30 means 25)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    local = parse_time(moment).astimezone(zone)
    half_past = datetime(local.year, local.month, local.day, 0, 30, tzinfo=zone)
    later = (half_past.astimezone(timezone.utc) + timedelta(hours=24)).astimezone(zone)
    return {1: 23, 23: 25}.get(later.hour, 24)


def days_in_month(moment: datetime, tz: str) -> int:
    """Calendar.getActualMaximum(DAY_OF_MONTH) of `moment`'s month in zone `tz`."""
    from zoneinfo import ZoneInfo

    local = parse_time(moment).astimezone(ZoneInfo(tz))
    return calendar.monthrange(local.year, local.month)[1]


def _positive(n: object) -> int:
    """ParamChecker.checkGTZero, as the frequency functions call it."""
    value = to_int(n)
    if value <= 0:
        raise ValueError(f"n must be greater than zero, was {value}")
    return value


class CoordFunctions:
    """`coord` in templates: coord.nominal_time(), coord.format_time(ts, 'yyyyMMdd'), ...

    Times are Oozie's strings (`2024-05-01T06:00Z`, UTC: oozie.processing.timezone's default).
    """

    def __init__(self, workflow: Any = None) -> None:
        self._workflow = workflow  # WorkflowFunctions, for coord:conf and coord:user

    def nominal_time(self) -> str:
        return oozie_time(nominal_datetime(current_context()))

    def actual_time(self) -> str:
        """When the run actually started (Oozie: when the action was materialized)."""
        context = current_context()
        started = getattr(context.get("dag_run"), "start_date", None)
        return oozie_time(started or datetime.now(timezone.utc))

    def format_time(self, timestamp: Timestamp, pattern: str) -> str:
        """DateUtils.formatDateCustom: a SimpleDateFormat pattern, in UTC."""
        return format_java(parse_oozie_time(timestamp), text(pattern))

    def epoch_time(self, timestamp: Timestamp, millis: object) -> str:
        """coord:epochTime(ts, millis): seconds (or, when `millis` is 'true', milliseconds)
        since 1970 as a String (DateUtils.formatDateEpoch; Boolean.valueOf(millis))."""
        moment = parse_oozie_time(timestamp)
        seconds = int(moment.timestamp())
        return str(seconds * 1000 if text(millis).lower() == "true" else seconds)

    def date_offset(self, timestamp: Timestamp, amount: object, unit: object) -> str:
        key = OFFSET_UNITS.get(text(unit))
        if key is None:
            raise ValueError(
                f"No enum constant org.apache.oozie.coord.TimeUnit.{text(unit)} "
                f"(coord:dateOffset units: {', '.join(OFFSET_UNITS)})"
            )
        moment = parse_oozie_time(timestamp) + relativedelta(**{key: to_int(amount)})
        return oozie_time(moment)

    def date_tz_offset(self, timestamp: Timestamp, tz: object) -> str:
        """The same instant on `tz`'s wall clock, still written with a 'Z' (DateUtils.formatDate
        with the Calendar moved to `tz`): 2012-01-01T10:00Z in America/New_York is ...T05:00Z."""
        moment = parse_oozie_time(timestamp).astimezone(java_time_zone(text(tz)))
        return format_java(moment.replace(tzinfo=timezone.utc), OOZIE_TIME_PATTERN)

    def name(self) -> str:
        """The coordinator's name: the DAG's id (Ferry names a coordinator's DAG after it)."""
        return str(current_context()["dag"].dag_id)

    def action_id(self) -> str:
        """The coordinator action's id; an Airflow run is the action: its run_id."""
        return str(current_context()["run_id"])

    def conf(self, name: object) -> str:
        """coord:conf: the coordinator job's configuration, the same properties wf:conf reads."""
        return self._workflow.conf(text(name))

    def user(self) -> str:
        return self._workflow.user()

    # Frequencies (CoordELFunctions.ph1_coord_*): the count, its unit goes to the schedule;
    # hours are counted in minutes, as Oozie does.
    def days(self, n: object) -> int:
        return _positive(n)

    def hours(self, n: object) -> int:
        return _positive(n) * 60

    def minutes(self, n: object) -> int:
        return _positive(n)

    def months(self, n: object) -> int:
        return _positive(n)

    def end_of_days(self, n: object) -> int:
        return _positive(n)

    def end_of_weeks(self, n: object) -> int:
        return _positive(n)

    def end_of_months(self, n: object) -> int:
        return _positive(n)


def java_time_zone(tz_id: str) -> Any:
    """DateUtils.getTimeZone: an Olson id, UTC, or GMT+hh:mm / GMT-hhmm; anything else is an
    error (Java would silently give GMT)."""
    from zoneinfo import ZoneInfo

    match = re.fullmatch(r"GMT([+-])(\d{2}):?(\d{2})", tz_id)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3))))
    if tz_id in ("GMT", "UTC"):
        return timezone.utc
    try:
        return ZoneInfo(tz_id)
    except Exception as exc:
        raise ValueError(f"Invalid TimeZone: {tz_id}") from exc
