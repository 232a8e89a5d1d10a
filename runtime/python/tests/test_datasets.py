"""Dataset instances and coord:current/offset/latest/future, against Oozie's documented semantics.

Each expected value is derived by hand from the Coordinator Functional Specification and
CoordELFunctions: instances are initial-instance + k x frequency (calendar units in the dataset
timezone for days/months), current(0) is the latest instance at or before the nominal time,
ranges list the newest instance first, instances before the initial one do not exist, and the
${YEAR}..${MINUTE} of a URI are the instance time in UTC.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ferry_runtime.el.datasets import (
    Coordinator,
    CoordinatorFunctions,
    Count,
    DataIn,
    DataOut,
    Dataset,
    Instance,
    _wall,
    current,
    days_in_month,
    future,
    hours_in_day,
    instance_times,
    latest,
    offset,
    qualified,
)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def times(values: list[datetime] | None) -> list[str] | None:
    return None if values is None else [v.strftime("%Y-%m-%dT%H:%MZ") for v in values]


# Oozie's aggregator example: raw logs every 20 minutes from 2010-01-01T00:00Z.
RAW_LOGS = Dataset(
    name="raw-logs",
    frequency=20,
    unit="minute",
    initial_instance="2010-01-01T00:00Z",
    timezone="UTC",
    uri_template="hdfs://nn/logs/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}",
)
HOURLY = Dataset(
    name="aggregated",
    frequency=60,
    unit="minute",
    initial_instance="2010-01-01T01:00Z",
    timezone="UTC",
    uri_template="hdfs://nn/agg/${YEAR}${MONTH}${DAY}${HOUR}",
)
# Daily at local midnight in Los Angeles from 2009-01-01 (08:00Z in winter).
DAILY_LA = Dataset(
    name="daily",
    frequency=1,
    unit="day",
    initial_instance="2009-01-01T08:00Z",
    timezone="America/Los_Angeles",
    uri_template="hdfs://nn/daily/${YEAR}/${MONTH}/${DAY}/${HOUR}",
)
MONTHLY = Dataset(
    name="monthly",
    frequency=1,
    unit="month",
    initial_instance="2009-01-31T00:00Z",
    timezone="UTC",
    uri_template="hdfs://nn/monthly/${YEAR}-${MONTH}-${DAY}",
)


@pytest.mark.parametrize(
    ("dataset", "event", "nominal", "expected"),
    [
        # current(-2)..current(0) at 01:00: 01:00, 00:40, 00:20 (newest first).
        (
            RAW_LOGS,
            DataIn("in", "raw-logs", start=current(-2), end=current(0)),
            "2010-01-01T01:00Z",
            ["2010-01-01T01:00Z", "2010-01-01T00:40Z", "2010-01-01T00:20Z"],
        ),
        # A nominal time between instances: current(0) is the one before it (01:00 for 01:10).
        (
            RAW_LOGS,
            DataIn("in", "raw-logs", instances=[current(0)]),
            "2010-01-01T01:10Z",
            ["2010-01-01T01:00Z"],
        ),
        # Oozie's coordinator-with-offset example: offset(-42, MINUTE)..offset(0, HOUR) at 01:00
        # covers the instances from 00:18 to 01:00, i.e. 00:20, 00:40, 01:00 = current(-2..0).
        (
            RAW_LOGS,
            DataIn("in", "raw-logs", start=offset(-42, "MINUTE"), end=offset(0, "HOUR")),
            "2010-01-01T01:00Z",
            ["2010-01-01T01:00Z", "2010-01-01T00:40Z", "2010-01-01T00:20Z"],
        ),
        # A single offset rounds down to an instance: offset(1, MINUTE) of an hourly dataset is
        # current(0) (the example's comment says so).
        (
            HOURLY,
            DataIn("out", "aggregated", instances=[offset(1, "MINUTE")]),
            "2010-01-01T02:00Z",
            ["2010-01-01T02:00Z"],
        ),
        # Instances before initial-instance do not exist: at 01:00 the hourly dataset (initial
        # 01:00) has only current(0) of current(-2)..current(0); at 00:30 it has nothing.
        (
            HOURLY,
            DataIn("in", "aggregated", start=current(-2), end=current(0)),
            "2010-01-01T01:00Z",
            ["2010-01-01T01:00Z"],
        ),
        (HOURLY, DataIn("in", "aggregated", instances=[current(0)]), "2010-01-01T00:30Z", []),
        # Daily in Los Angeles across the 2009-03-08 DST change: midnight PST is 08:00Z, midnight
        # PDT 07:00Z. At 2009-03-10T07:30Z current(0) is 03-10 00:00 PDT, current(-2) is 03-08
        # 00:00, still PST (the change happens at 02:00).
        (
            DAILY_LA,
            DataIn("in", "daily", start=current(-2), end=current(0)),
            "2009-03-10T07:30Z",
            ["2009-03-10T07:00Z", "2009-03-09T07:00Z", "2009-03-08T08:00Z"],
        ),
        # At 2009-03-10T06:59Z (23:59 PDT on 03-09) current(0) is still 03-09.
        (
            DAILY_LA,
            DataIn("in", "daily", instances=[current(0)]),
            "2009-03-10T06:59Z",
            ["2009-03-09T07:00Z"],
        ),
        # Monthly from Jan 31: Calendar.add(MONTH, k) from the initial instance clamps to the
        # month's end: Feb 28 (2009), then Mar 31 again. On 03-15 current(0) is Feb 28,
        # current(-1) Jan 31.
        (
            MONTHLY,
            DataIn("in", "monthly", start=current(-1), end=current(0)),
            "2009-03-15T00:00Z",
            ["2009-02-28T00:00Z", "2009-01-31T00:00Z"],
        ),
        (
            MONTHLY,
            DataIn("in", "monthly", instances=[current(0)]),
            "2009-03-31T00:00Z",
            ["2009-03-31T00:00Z"],
        ),
        # Monthly at local midnight in Los Angeles: Jan 1 00:00 PST = 08:00Z, Apr 1 00:00 PDT =
        # 07:00Z (the wall-clock time stays, the UTC time moves by the DST hour).
        (
            Dataset(
                "m", 1, "month", "2009-01-01T08:00Z", "America/Los_Angeles", "hdfs://nn/${MONTH}"
            ),
            DataIn("in", "m", start=current(-1), end=current(0)),
            "2009-04-15T00:00Z",
            ["2009-04-01T07:00Z", "2009-03-01T08:00Z"],
        ),
    ],
)
def test_instances(dataset: Dataset, event: DataIn, nominal: str, expected: list[str]) -> None:
    assert times(instance_times(dataset, event, t(nominal))) == expected


def test_uri_variables_are_utc_whatever_the_dataset_timezone() -> None:
    # Oozie's CoordELEvaluator.createURIELEvaluator formats ${YEAR}.. in UTC: local midnight of
    # 2009-03-10 in Los Angeles is 07:00Z, so DAY is 10 and HOUR 07.
    assert DAILY_LA.uri(t("2009-03-10T07:00Z")) == "hdfs://nn/daily/2009/03/10/07"
    assert RAW_LOGS.uri(t("2010-01-01T00:40Z")) == "hdfs://nn/logs/2010/01/01/00/40"


def test_done_flag_default_custom_and_empty() -> None:
    assert RAW_LOGS.done_path("hdfs://nn/logs/x") == "hdfs://nn/logs/x/_SUCCESS"
    ready = Dataset("d", 1, "day", "2009-01-01T00:00Z", "UTC", "u", done_flag="_READY")
    assert ready.done_path("hdfs://nn/d/") == "hdfs://nn/d/_READY"
    directory = Dataset("d", 1, "day", "2009-01-01T00:00Z", "UTC", "u", done_flag="")
    assert directory.done_path("hdfs://nn/d") == "hdfs://nn/d"


def test_end_of_days_moves_the_initial_instance_to_the_next_midnight() -> None:
    # DateUtils.moveToEnd(END_OF_DAY): 2009-01-01T08:00Z is 00:00 PST; the next day starts at
    # 2009-01-02 00:00 PST = 08:00Z.
    eod = Dataset("d", 1, "day", "2009-01-01T08:00Z", "America/Los_Angeles", "u", end_of=True)
    assert eod.initial() == t("2009-01-02T08:00Z")


def test_wall_clock_in_a_dst_gap_moves_forward_like_java_calendar() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/Los_Angeles")
    # 2009-03-08 02:30 does not exist in Los Angeles; lenient Calendar gives 03:30 PDT = 10:30Z.
    assert _wall(datetime(2009, 3, 8, 2, 30), zone).astimezone(timezone.utc) == t(
        "2009-03-08T10:30Z"
    )


# What exists of RAW_LOGS at a nominal time of 01:00: 01:00 itself is missing.
EXISTING = {"2010-01-01T00:20Z", "2010-01-01T00:40Z", "2010-01-01T01:20Z"}


def exists(path: str) -> bool:
    # hdfs://nn/logs/2010/01/01/00/40/_SUCCESS -> 2010-01-01T00:40Z
    y, m, d, h, mi = path.split("/")[4:9]
    return f"{y}-{m}-{d}T{h}:{mi}Z" in EXISTING


@pytest.mark.parametrize(
    ("instance", "expected"),
    [
        # latest(0) is the newest existing instance at or before 01:00, 00:40; latest(-1) the one
        # before it.
        (latest(0), ["2010-01-01T00:40Z"]),
        (latest(-1), ["2010-01-01T00:20Z"]),
        # future(0, 3): the first existing instance from current(0) on: 01:20.
        (future(0, 3), ["2010-01-01T01:20Z"]),
        # latest(-2) needs three existing instances at or before 01:00: not yet -> unresolved.
        (latest(-2), None),
    ],
)
def test_latest_and_future_follow_what_exists(
    instance: Instance, expected: list[str] | None
) -> None:
    event = DataIn("i", "raw-logs", [instance])
    assert times(instance_times(RAW_LOGS, event, t("2010-01-01T01:00Z"), exists)) == expected


def test_coord_data_in_and_data_out_strings() -> None:
    coordinator = Coordinator(
        datasets=[RAW_LOGS, HOURLY],
        inputs=[DataIn("input", "raw-logs", start=current(-2), end=current(0))],
        outputs=[DataOut("output", "aggregated", current(0))],
    )
    functions = CoordinatorFunctions(coordinator)
    context = {"data_interval_end": t("2010-01-01T01:00Z")}
    # coord:dataIn joins the instance URIs with commas, newest first.
    assert functions.data_in_uris("input", context) == [
        "hdfs://nn/logs/2010/01/01/01/00",
        "hdfs://nn/logs/2010/01/01/00/40",
        "hdfs://nn/logs/2010/01/01/00/20",
    ]


HCAT = Dataset(
    name="raw",
    frequency=20,
    unit="minute",
    initial_instance="2010-01-01T00:00Z",
    timezone="UTC",
    uri_template="hcat://localhost:11002/default/invites/ds=${YEAR}-${MONTH}-${DAY};region=usa",
    done_flag="",
)


def test_hcatalog_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    coordinator = Coordinator(
        datasets=[HCAT], inputs=[DataIn("input", "raw", instances=[current(0)])]
    )
    functions = CoordinatorFunctions(coordinator)
    context = {"data_interval_end": t("2010-01-01T01:00Z")}
    monkeypatch.setattr("ferry_runtime.el.datasets.current_context", lambda: context)
    # Oozie's HCatURI: hcat://server/db/table/partitions; pig filters compare with ==. The
    # partitions are a java.util.HashMap: region (bucket 12) comes before ds (bucket 15).
    assert functions.database_in("input") == "default"
    assert functions.table_in("input") == "invites"
    assert functions.data_in_partition_filter("input", "pig") == (
        "(region=='usa' AND ds=='2010-01-01')"
    )
    assert functions.data_in_partition_filter("input", "hive") == (
        "(region='usa' AND ds='2010-01-01')"
    )
    assert functions.data_in_partitions("input", "hive-export") == "region='usa',ds='2010-01-01'"
    assert functions.data_in_partition_max("input", "ds") == "2010-01-01"
    with pytest.raises(ValueError, match="Unsupported type: pig"):
        functions.data_in_partitions("input", "pig")


# coord:daysInMonth(k) / coord:hoursInDay(k) inside an instance: the nominal time moved k dataset
# periods, counted in the dataset's zone (CoordELFunctions.ph2_coord_daysInMonth / hoursInDay).
@pytest.mark.parametrize(
    ("count", "dataset", "nominal", "k", "expected"),
    [
        (days_in_month(0), HOURLY, "2024-02-10T05:00Z", 0, 29),  # leap February
        (days_in_month(0), HOURLY, "2023-02-10T05:00Z", 0, 28),
        (days_in_month(0), HOURLY, "2024-03-31T23:00Z", 0, 31),
        # 60-minute periods: k = 1 moves one hour, into April
        (days_in_month(1), HOURLY, "2024-03-31T23:30Z", 1, 30),
        # daily in Los Angeles: 2024-03-01T07:00Z is still February 29 there
        (days_in_month(0), DAILY_LA, "2024-03-01T07:00Z", 0, 29),
        (days_in_month(-1), DAILY_LA, "2024-03-02T12:00Z", -1, 31),
        (hours_in_day(0), DAILY_LA, "2024-03-10T12:00Z", 0, 23),  # spring forward
        (hours_in_day(0), DAILY_LA, "2024-11-03T12:00Z", 0, 25),  # fall back
        (hours_in_day(1), DAILY_LA, "2024-11-02T12:00Z", 1, 25),
        (hours_in_day(0), HOURLY, "2024-03-10T12:00Z", 0, 24),  # UTC has no DST
        (days_in_month(0), HOURLY, "2009-12-31T00:00Z", 0, -1),  # before the initial instance
    ],
)
def test_calendar_counts(count: Count, dataset: Dataset, nominal: str, k: int, expected: int):
    assert count.terms[0][1] == k
    assert count.value(dataset, t(nominal)) == expected


@pytest.mark.parametrize(
    ("count", "constant", "terms"),
    [
        (days_in_month(0) * 24 - 1, -1, (("days_in_month", 0, 24),)),
        (24 * days_in_month(0) - 1, -1, (("days_in_month", 0, 24),)),
        (-days_in_month(0) + 1, 1, (("days_in_month", 0, -1),)),
        (1 - days_in_month(-1), 1, (("days_in_month", -1, -1),)),
        (days_in_month(0) - days_in_month(0) + 5, 5, ()),
        (
            hours_in_day(0) + days_in_month(0) * 2,
            0,
            (("hours_in_day", 0, 1), ("days_in_month", 0, 2)),
        ),
    ],
)
def test_counts_are_linear(count: Count, constant: int, terms: tuple) -> None:
    assert (count.constant, count.terms) == (constant, terms)


def test_a_count_times_a_count_is_refused() -> None:
    with pytest.raises(TypeError, match="linear"):
        days_in_month(0) * days_in_month(1)  # type: ignore[operator]


def test_a_month_of_hourly_instances_for_a_monthly_run() -> None:
    # A monthly job reading every hour of its month: start current(0), end current(days * 24 - 1),
    # with the nominal time at the month's first hour (the production repos' idiom).
    event = DataIn("in", "aggregated", start=current(0), end=current(days_in_month(0) * 24 - 1))
    february = times(instance_times(HOURLY, event, t("2024-02-01T00:00Z")))
    assert february is not None
    assert len(february) == 29 * 24
    assert (february[0], february[-1]) == ("2024-02-29T23:00Z", "2024-02-01T00:00Z")
    april = times(instance_times(HOURLY, event, t("2024-04-01T00:00Z")))
    assert april is not None
    assert len(april) == 30 * 24


# A dataset URI without a scheme is on the workflow's name-node (Hadoop qualifies a path with
# fs.defaultFS); one with a scheme, a relative one, or no default stays as written.
@pytest.mark.parametrize(
    ("uri", "default_fs", "expected"),
    [
        ("/data/2024/05", "hdfs://nn:8020", "hdfs://nn:8020/data/2024/05"),
        ("/data/2024/05", "hdfs://nn:8020/", "hdfs://nn:8020/data/2024/05"),
        ("hdfs://other/data", "hdfs://nn:8020", "hdfs://other/data"),
        ("s3a://bucket/data", "hdfs://nn:8020", "s3a://bucket/data"),
        ("hcat://metastore:9083/db/t/dt=1", "hdfs://nn:8020", "hcat://metastore:9083/db/t/dt=1"),
        ("file:///tmp/x", "hdfs://nn:8020", "file:///tmp/x"),
        ("relative/x", "hdfs://nn:8020", "relative/x"),
        ("/data/x", "", "/data/x"),
        # a name-node without a scheme stands for fs.defaultFS as Hadoop reads it
        ("/data/x", "nn:8020", "hdfs://nn:8020/data/x"),
    ],
)
def test_uris_without_a_scheme_are_on_the_default_fs(uri: str, default_fs: str, expected: str):
    assert qualified(uri, default_fs) == expected


def test_a_dataset_puts_its_scheme_less_instances_on_its_default_fs() -> None:
    dataset = Dataset(
        "d",
        1,
        "day",
        "2024-01-01T00:00Z",
        "UTC",
        "/data/${YEAR}/${MONTH}/${DAY}",
        default_fs="{{ params.name_node }}",
    )
    render = lambda text: text.replace("{{ params.name_node }}", "hdfs://nn:8020")  # noqa: E731
    assert dataset.uri(t("2024-05-02T00:00Z"), render) == "hdfs://nn:8020/data/2024/05/02"
    assert dataset.done_path(dataset.uri(t("2024-05-02T00:00Z"), render)).endswith("/02/_SUCCESS")
