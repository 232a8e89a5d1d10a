"""Oozie coordinator datasets at run time: instance times, URIs and the dataset EL functions.

A synchronous dataset has instances at `initial-instance + k * frequency`, counted in the dataset's
timezone calendar for day and month frequencies (the wall-clock time stays across DST, as Java's
Calendar.add does in Oozie) and in absolute minutes for minute/hour frequencies. For a run with
nominal time T (see coord.nominal_datetime), `current(0)` is the latest instance at or before T
(CoordELFunctions.getCurrentInstance), `current(n)` is n instances from it, and an instance
before the initial instance does not exist (left out of ranges; empty alone). `offset(n, unit)`
shifts current(0) by n units; a single offset instance rounds down to an instance, a range
covers the instances between its two offsets (CoordELFunctions.expandOffsetTimes). `latest(n)`
and `future(n, limit)` depend on which instances exist, so the input sensor resolves them.

URIs: `${YEAR}`..`${MINUTE}` are the instance time in UTC, whatever the dataset timezone (Oozie's
CoordELEvaluator.createURIELEvaluator formats them in UTC); EL over them (`${MONTH + 0}`) is
evaluated as Oozie does (el.uri_template). Ranges list the newest instance first
and coord:dataIn joins the URIs with commas, as Oozie does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Final
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from ferry_runtime.el import uri_template
from ferry_runtime.el.coord import CoordFunctions, nominal_datetime, oozie_time, parse_time
from ferry_runtime.el.input_logic import LogicNode, unresolved
from ferry_runtime.el.values import NULL
from ferry_runtime.hadoop_fs import default_fs_uri
from ferry_runtime.hcat import HCatURI, is_hcat
from ferry_runtime.run_context import current_context, xcom_pull

UNITS: Final = ("minute", "day", "month")
OFFSET_UNITS: Final[dict[str, relativedelta]] = {
    "MINUTE": relativedelta(minutes=1),
    "HOUR": relativedelta(hours=1),
    "DAY": relativedelta(days=1),
    "MONTH": relativedelta(months=1),
    "YEAR": relativedelta(years=1),
}
DATA_KEY: Final = "ferry_data_in"  # XCom of an input sensor: {data-in or input-logic name: [uris]}
INPUT_GROUP: Final = "input-events"  # the task group of the input sensors


CALENDAR_COUNTS: Final = ("days_in_month", "hours_in_day")


@dataclass(frozen=True)
class Count:
    """An instance's n that Oozie computes per action: `constant` plus `factor * count(k)` for each
    (count, k, factor) of `terms`, where count is coord:daysInMonth or coord:hoursInDay
    (`days_in_month(0) * 24 - 1` is the hours of the nominal month, minus one)."""

    constant: int = 0
    terms: tuple[tuple[str, int, int], ...] = ()

    def __add__(self, other: int | Count) -> Count:
        other = other if isinstance(other, Count) else Count(int(other))
        merged: dict[tuple[str, int], int] = {}
        for count, k, factor in (*self.terms, *other.terms):
            merged[(count, k)] = merged.get((count, k), 0) + factor
        terms = tuple((count, k, f) for (count, k), f in merged.items() if f)
        return Count(self.constant + other.constant, terms)

    def __radd__(self, other: int) -> Count:
        return self + other

    def __neg__(self) -> Count:
        return self * -1

    def __sub__(self, other: int | Count) -> Count:
        return self + -(other if isinstance(other, Count) else Count(int(other)))

    def __rsub__(self, other: int) -> Count:
        return -self + other

    def __mul__(self, factor: int) -> Count:
        if isinstance(factor, Count):
            raise TypeError("an instance's n is linear in coord:daysInMonth / coord:hoursInDay")
        factor = int(factor)
        terms = tuple((count, k, f * factor) for count, k, f in self.terms) if factor else ()
        return Count(self.constant * factor, terms)

    def __rmul__(self, factor: int) -> Count:
        return self * factor

    def value(self, dataset: Dataset, nominal: datetime) -> int:
        """n for the action of nominal time `nominal` (CoordELFunctions.ph2_coord_daysInMonth /
        ph2_coord_hoursInDay: the nominal time moved k dataset periods, in the dataset's zone; -1
        when the nominal time is before the dataset's initial instance)."""
        total = self.constant
        for count, k, factor in self.terms:
            total += factor * calendar_count(count, dataset, nominal, k)
        return total


def calendar_count(count: str, dataset: Dataset, nominal: datetime, k: int) -> int:
    nominal = utc(nominal)
    if nominal < dataset.initial():
        return -1
    local = nominal.astimezone(dataset.zone).replace(tzinfo=None)
    steps = k * dataset.frequency
    if dataset.unit == "minute":
        local = (nominal + timedelta(minutes=steps)).astimezone(dataset.zone).replace(tzinfo=None)
    elif dataset.unit == "day":
        local = _wall(local + timedelta(days=steps), dataset.zone).replace(tzinfo=None)
    else:
        local = _wall(local + relativedelta(months=steps), dataset.zone).replace(tzinfo=None)
    if count == "days_in_month":
        return (local.replace(day=1) + relativedelta(months=1) - timedelta(days=1)).day
    if count == "hours_in_day":  # DateUtils.hoursInDay: 23 or 25 on a DST change
        midnight = _wall(local.replace(hour=0, minute=0, second=0, microsecond=0), dataset.zone)
        next_midnight = _wall(midnight.replace(tzinfo=None) + timedelta(days=1), dataset.zone)
        # In UTC: aware datetimes of one zone subtract as wall-clock times.
        elapsed = next_midnight.astimezone(timezone.utc) - midnight.astimezone(timezone.utc)
        return round(elapsed.total_seconds() / 3600)
    raise ValueError(f"not a calendar count: {count!r} (expected {', '.join(CALENDAR_COUNTS)})")


def days_in_month(k: int) -> Count:
    """coord:daysInMonth(k) inside an instance: resolved per run."""
    return Count(0, (("days_in_month", int(k), 1),))


def hours_in_day(k: int) -> Count:
    """coord:hoursInDay(k) inside an instance: resolved per run."""
    return Count(0, (("hours_in_day", int(k), 1),))


@dataclass(frozen=True)
class Instance:
    """One `<instance>` / `<start-instance>` / `<end-instance>` of a data event."""

    function: str  # current, offset, latest, future
    n: int | Count
    unit: str | None = None  # offset's unit
    limit: int | None = None  # future's look-ahead

    def resolved(self, dataset: Dataset, nominal: datetime) -> Instance:
        """This instance with n a number for the action of nominal time `nominal`."""
        if isinstance(self.n, Count):
            return replace(self, n=self.n.value(dataset, nominal))
        return self

    @property
    def count(self) -> int:
        if isinstance(self.n, Count):
            raise ValueError(f"{self.function}: n is computed per run; resolve the instance first")
        return self.n


def utc(moment: datetime | str) -> datetime:
    """A plain UTC datetime (Airflow hands out pendulum ones, whose arithmetic differs)."""
    parsed = parse_time(moment)
    return datetime(*parsed.timetuple()[:6], parsed.microsecond, tzinfo=timezone.utc)


def current(n: int | Count) -> Instance:
    return Instance("current", _n(n))


def offset(n: int | Count, unit: str) -> Instance:
    if unit.upper() not in OFFSET_UNITS:
        raise ValueError(f"coord:offset unit {unit!r} (expected {', '.join(OFFSET_UNITS)})")
    return Instance("offset", _n(n), unit.upper())


def latest(n: int | Count) -> Instance:
    return Instance("latest", _n(n))


def future(n: int | Count, limit: int) -> Instance:
    return Instance("future", _n(n), limit=int(limit))


def _n(n: int | Count) -> int | Count:
    return n if isinstance(n, Count) else int(n)


@dataclass(frozen=True)
class Dataset:
    """A `<dataset>`; `uri_template` is Jinja for its EL, with Oozie's ${YEAR}.. left in."""

    name: str
    frequency: int
    unit: str
    initial_instance: str
    timezone: str
    uri_template: str
    done_flag: str = "_SUCCESS"
    end_of: bool = False
    # Jinja for the file system a URI without a scheme is on (the workflow's name-node, standing
    # in for the Oozie server's fs.defaultFS); "" leaves such a URI a path of the worker's.
    default_fs: str = ""

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"dataset {self.name}: unit {self.unit!r} (expected {UNITS})")
        if self.frequency <= 0:
            raise ValueError(f"dataset {self.name}: frequency must be positive")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def initial(self) -> datetime:
        """The initial instance, moved to the end of its day/month for coord:endOfDays/Months."""
        moment = utc(self.initial_instance)
        if self.end_of:
            local = moment.astimezone(self.zone).replace(hour=0, minute=0, second=0, microsecond=0)
            if self.unit == "day":
                local = _wall(local.replace(tzinfo=None) + timedelta(days=1), self.zone)
            else:
                first = local.replace(tzinfo=None, day=1)
                local = _wall(first + relativedelta(months=1), self.zone)
            moment = local.astimezone(timezone.utc)
        return moment

    def instance_time(self, k: int) -> datetime:
        """Instance k: initial + k * frequency (calendar units in the dataset timezone)."""
        steps = k * self.frequency
        start = self.initial()
        if self.unit == "minute":
            return start + timedelta(minutes=steps)
        local = start.astimezone(self.zone).replace(tzinfo=None)
        if self.unit == "day":
            return _wall(local + timedelta(days=steps), self.zone).astimezone(timezone.utc)
        return _wall(local + relativedelta(months=steps), self.zone).astimezone(timezone.utc)

    def index_at_or_before(self, moment: datetime) -> int | None:
        """The largest k with instance_time(k) <= moment; None before the initial instance."""
        moment = utc(moment)
        start = self.initial()
        if moment < start:
            return None
        if self.unit == "minute":
            return int((moment - start) // timedelta(minutes=self.frequency))
        if self.unit == "day":
            guess = int((moment - start) // timedelta(days=self.frequency))
        else:
            a, b = start.astimezone(self.zone), moment.astimezone(self.zone)
            guess = ((b.year - a.year) * 12 + b.month - a.month) // self.frequency
        k = max(guess - 2, 0)
        while self.instance_time(k + 1) <= moment:
            k += 1
        while k > 0 and self.instance_time(k) > moment:
            k -= 1
        return k

    def index_at_or_after(self, moment: datetime) -> int:
        """The smallest k >= 0 with instance_time(k) >= moment."""
        k = self.index_at_or_before(moment)
        if k is None:
            return 0
        return k if self.instance_time(k) == utc(moment) else k + 1

    def uri(self, moment: datetime, render: Callable[[str], str] = str) -> str:
        """The instance's URI: the template's EL rendered, then its ${YEAR}.., ${MONTH + 0}..
        evaluated for the UTC time (el.uri_template, as Oozie's per-instance evaluator)."""
        uri = uri_template.fill(render(self.uri_template), utc(moment))
        return qualified(uri, render(self.default_fs).strip()) if self.default_fs else uri

    def done_path(self, uri: str) -> str:
        """What must exist for the instance to be available: uri/done-flag, or uri itself (always
        for hcat://: HCatURIHandler.getURIWithDoneFlag ignores the done-flag)."""
        if not self.done_flag or is_hcat(uri):
            return uri
        return uri.rstrip("/") + "/" + self.done_flag


SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def qualified(uri: str, default_fs: str) -> str:
    """An absolute path without a scheme on `default_fs` (`/a` on `hdfs://nn:8020` is
    `hdfs://nn:8020/a`), as Hadoop's Path.makeQualified puts it on fs.defaultFS; a URI with a
    scheme, a relative path or an empty `default_fs` stays as it is. `default_fs` reads as
    fs.defaultFS does (`nn:8020` is `hdfs://nn:8020`)."""
    if not default_fs or not uri.startswith("/") or uri.startswith("//") or SCHEME.match(uri):
        return uri
    return default_fs_uri(default_fs).rstrip("/") + uri


def _wall(local: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time in `zone` as Java's lenient Calendar reads it: a time in a DST gap moves
    forward by the gap (02:30 -> 03:30), an ambiguous one takes the first (daylight) offset."""
    aware = local.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:  # nonexistent: zoneinfo applied the pre-transition offset
        return aware.astimezone(timezone.utc).astimezone(zone)
    return aware


@dataclass(frozen=True)
class DataIn:
    """A `<data-in>`: `instances`, or the range `start`..`end`."""

    name: str
    dataset: str
    instances: Sequence[Instance] = ()
    start: Instance | None = None
    end: Instance | None = None

    @property
    def needs_existence_checks(self) -> bool:
        """latest/future resolve only against the instances that exist."""
        functions = {i.function for i in self.instances}
        functions |= {i.function for i in (self.start, self.end) if i is not None}
        return bool(functions & {"latest", "future"})


@dataclass(frozen=True)
class DataOut:
    name: str
    dataset: str
    instance: Instance
    nocleanup: bool = False


@dataclass(frozen=True)
class Coordinator:
    """Everything a DAG knows of its coordinator's data: the `COORDINATOR` of a generated DAG.

    `logic` holds the top-level elements of a coordinator 0.5 `<input-logic>` (see input_logic):
    then one sensor evaluates it; without it Oozie waits for every data-in, one sensor each.
    """

    datasets: Sequence[Dataset] = ()
    inputs: Sequence[DataIn] = ()
    logic: Sequence[LogicNode] = ()
    outputs: Sequence[DataOut] = ()
    by_name: dict[str, Dataset] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {d.name: d for d in self.datasets})
        names = {i.name for i in self.inputs}
        for node in (n for top in self.logic for n in top.walk()):
            if node.data_in is not None and node.data_in not in names:
                raise KeyError(f"input-logic: no <data-in> named {node.data_in!r}")

    def data_in(self, name: str) -> DataIn:
        for event in self.inputs:
            if event.name == name:
                return event
        raise KeyError(f"coord:dataIn: no <data-in> named {name!r}")

    def data_out(self, name: str) -> DataOut:
        for event in self.outputs:
            if event.name == name:
                return event
        raise KeyError(f"coord:dataOut: no <data-out> named {name!r}")

    @property
    def logic_sensor(self) -> str | None:
        """The one sensor of an input-logic: named after its first top-level element."""
        if not self.logic:
            return None
        name = self.logic[0].name
        return name if name and re.fullmatch(r"[\w.-]+", name) else "input-logic"

    def logic_names(self) -> list[str]:
        """Names coord:dataIn resolves through the input-logic (data-in names excepted)."""
        inputs = {i.name for i in self.inputs}
        names = [n.name for top in self.logic for n in top.walk() if n.name is not None]
        return [n for n in dict.fromkeys(names) if n not in inputs]

    def sensor_units(self) -> list[str]:
        """What one sensor each waits for: the input-logic, else each data-in."""
        sensor = self.logic_sensor
        return [sensor] if sensor is not None else [i.name for i in self.inputs]

    def sensor_for(self, name: str) -> str:
        """The sensor task whose XCom holds what `name` resolved to."""
        return self.logic_sensor or name


Exists = Callable[[str], bool]


def instance_times(
    dataset: Dataset,
    event: DataIn,
    nominal: datetime,
    exists: Exists | None = None,
    render: Callable[[str], str] = str,
) -> list[datetime] | None:
    """The instance times of a data event for nominal time T, newest first.

    None when latest/future cannot resolve yet (not enough instances exist); `exists` answers
    whether a done-path exists (needed for latest/future only), for the URI `render` gives (the
    done-path depends on the rendered URI: none for hcat://).
    """
    nominal = utc(nominal)
    k0 = dataset.index_at_or_before(nominal)
    if k0 is None:
        return []  # the nominal time is before the dataset's initial instance
    if event.start is not None and event.end is not None:
        start = event.start.resolved(dataset, nominal)
        end = event.end.resolved(dataset, nominal)
        return _range(dataset, start, end, k0, nominal, exists, render)
    times: list[datetime] = []
    for instance in (i.resolved(dataset, nominal) for i in event.instances):
        resolved = _range(dataset, instance, instance, k0, nominal, exists, render)
        if resolved is None:
            return None
        times.extend(resolved)
    return times


def _range(
    dataset: Dataset,
    start: Instance,
    end: Instance,
    k0: int,
    nominal: datetime,
    exists: Exists | None,
    render: Callable[[str], str] = str,
) -> list[datetime] | None:
    if start.function == "current":
        indexes = range(k0 + end.count, k0 + start.count - 1, -1)
        return [dataset.instance_time(k) for k in indexes if k >= 0]
    if start.function == "offset":
        base = dataset.instance_time(k0)
        low = base + OFFSET_UNITS[start.unit or "MINUTE"] * start.count
        high = base + OFFSET_UNITS[end.unit or "MINUTE"] * end.count
        first = dataset.index_at_or_after(low) if start is not end else None
        last = dataset.index_at_or_before(high)
        if last is None:
            return []
        if first is None:  # a single offset instance rounds down to an instance
            first = last
        return [dataset.instance_time(k) for k in range(last, first - 1, -1) if k >= 0]
    if exists is None:
        return None

    def available(k: int) -> bool:
        return exists(dataset.done_path(dataset.uri(dataset.instance_time(k), render)))

    if start.function == "latest":
        # latest(0) is the newest existing instance at or before T, latest(-1) the one before it...
        found: list[int] = []
        wanted = -start.count
        k = k0
        while k >= 0 and len(found) <= wanted:
            if available(k):
                found.append(k)
            k -= 1
        if len(found) <= wanted:
            return None
        chosen = found[-end.count : -start.count + 1] if end.count else found[: -start.count + 1]
        return [dataset.instance_time(k) for k in chosen]
    # future(n, limit): the n-th existing instance from current(0) on, at most `limit` ahead.
    limit = end.limit if end.limit is not None else 0
    found = []
    for k in range(k0, k0 + limit + 1):
        if len(found) > end.count:
            break
        if available(k):
            found.append(k)
    if len(found) <= end.count:
        return None
    return [dataset.instance_time(k) for k in reversed(found[start.count : end.count + 1])]


class CoordinatorFunctions(CoordFunctions):
    """`coord` in templates of a DAG with datasets: the time functions plus coord:dataIn & co."""

    def __init__(self, coordinator: Coordinator | None = None, workflow: Any = None) -> None:
        super().__init__(workflow)
        self._coordinator = coordinator or Coordinator()

    def data_in(self, name: str) -> str:
        """coord:dataIn: the data-in's URIs, newest first, or an input-logic element's (see
        input_logic), comma-separated."""
        return ",".join(self.data_in_uris(name))

    def data_in_uris(self, name: str, context: Mapping[str, Any] | None = None) -> list[str]:
        context = context or current_context()
        resolved = _sensor_result(context, self._coordinator.sensor_for(name), name)
        if resolved is not None:
            return resolved
        if name in self._coordinator.logic_names():
            return [unresolved(name)]  # its sensor has not resolved it (yet)
        event = self._coordinator.data_in(name)
        dataset = self._coordinator.by_name[event.dataset]
        times = instance_times(dataset, event, nominal_datetime(context))
        if times is None:
            raise RuntimeError(
                f"coord:dataIn('{name}') uses latest/future, which only its input sensor resolves"
            )
        return [dataset.uri(t, _renderer(context)) for t in times]

    def data_out(self, name: str) -> str:
        """coord:dataOut: the data-out instance's URI."""
        context = current_context()
        event = self._coordinator.data_out(name)
        dataset = self._coordinator.by_name[event.dataset]
        times = instance_times(
            dataset, DataIn(event.name, event.dataset, (event.instance,)), nominal_datetime(context)
        )
        return ",".join(dataset.uri(t, _renderer(context)) for t in times or [])

    # HCatalog datasets (HCatELFunctions): hcat://server/db/table/k=v;k=v, parsed as Oozie's
    # HCatURI (ferry_runtime.hcat), partitions in its HashMap order. The In functions read the
    # first instance of the data-in; the Out ones the data-out instance.
    def database_in(self, name: str) -> str:
        return HCatURI.parse(self.data_in_uris(name)[0]).db

    def table_in(self, name: str) -> str:
        return HCatURI.parse(self.data_in_uris(name)[0]).table

    def database_out(self, name: str) -> str:
        return HCatURI.parse(self.data_out(name).split(",")[0]).db

    def table_out(self, name: str) -> str:
        return HCatURI.parse(self.data_out(name).split(",")[0]).table

    def data_in_partitions(self, name: str, kind: str) -> str:
        """coord:dataInPartitions(name, 'hive-export'): k='v',k='v' of the one instance."""
        uris = self.data_in_uris(name)
        if kind != "hive-export":
            raise ValueError(f"Unsupported type: {kind} dataset name: {name}")
        if len(uris) > 1:
            raise ValueError(
                f"Multiple partitions not supported for hive-export type. Dataset name: {name}"
                f" URI: {','.join(uris)}"
            )
        return HCatURI.parse(uris[0]).partition_value_string()

    def data_in_partition_filter(self, name: str, kind: str) -> str:
        """coord:dataInPartitionFilter(name, 'pig'|other): an AND clause per instance, ORed."""
        return " OR ".join(HCatURI.parse(u).partition_filter(kind) for u in self.data_in_uris(name))

    def data_in_partition_min(self, name: str, key: str) -> str:
        return _partition_extreme(self.data_in_uris(name), key, min)

    def data_in_partition_max(self, name: str, key: str) -> str:
        return _partition_extreme(self.data_in_uris(name), key, max)

    def data_out_partitions(self, name: str) -> str:
        """coord:dataOutPartitions: 'k=v,k=v' (with the quotes) of the data-out instance."""
        return HCatURI.parse(self.data_out(name)).partition_string()

    def data_out_partition_value(self, name: str, key: str) -> str:
        return HCatURI.parse(self.data_out(name)).partitions.get(key, NULL)


def _partition_extreme(uris: Sequence[str], key: str, pick: Callable[..., str]) -> str:
    """coord:dataInPartitionMin/Max: string comparison; the first instance must have the key."""
    values = [HCatURI.parse(uri).partitions.get(key) for uri in uris]
    if not values or not values[0]:
        raise ValueError(f"No value in data-in uri for partition key: {key}")
    if any(value is None for value in values):
        raise ValueError(f"partition key {key} missing from an instance of {uris}")
    return pick(value for value in values if value is not None)


def _sensor_result(context: Mapping[str, Any], sensor: str, name: str) -> list[str] | None:
    """The URIs the input sensor resolved for `name` in this run, if it ran."""
    if "ti" not in context:
        return None
    resolved = xcom_pull(context, f"{INPUT_GROUP}.{sensor}", DATA_KEY)
    if isinstance(resolved, dict) and name in resolved:
        return list(resolved[name])
    return None


def _renderer(context: Mapping[str, Any]) -> Callable[[str], str]:
    task = context.get("task")
    if task is None:
        return str

    def render(template: str) -> str:
        return str(task.get_template_env().from_string(template).render(**context))

    return render


def describe(times: Sequence[datetime]) -> str:
    return ", ".join(oozie_time(t) for t in times)
