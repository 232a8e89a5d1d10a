"""Oozie EL at run time: each function against what Oozie (Java) returns, as tables."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from ferry_runtime import oozie
from ferry_runtime.el.coord import CoordFunctions, nominal_datetime, parse_time
from ferry_runtime.el.fn import BasicFunctions, empty
from ferry_runtime.el.functions import EL_FUNCTIONS
from ferry_runtime.el.java_time import format_java

coord = CoordFunctions()
fn = BasicFunctions()
TS = "2024-05-01T06:00Z"  # a Wednesday


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("yyyy-MM-dd", "2024-05-01"),
        ("yyyyMMdd", "20240501"),
        ("HH", "06"),
        ("yyyy-MM-dd'T'HH:mm", "2024-05-01T06:00"),
        ("yyyy-MM-dd'T'HH:mm'Z'", "2024-05-01T06:00Z"),
        ("yyyy/MM/dd/HH", "2024/05/01/06"),
        ("yy/M/d H:m:s.SSS", "24/5/1 6:0:0.000"),
        ("EEE, d MMM yyyy", "Wed, 1 May 2024"),
        ("EEEE MMMM", "Wednesday May"),
        ("D", "122"),
        ("hh a", "06 AM"),
        ("u", "3"),
        ("Z|X|XXX", "+0000|Z|Z"),
        ("'It''s' HH 'o''clock'", "It's 06 o'clock"),
        ("yyyy-MM-dd-'run'", "2024-05-01-run"),
    ],
)
def test_format_time(pattern, expected):
    assert coord.format_time(TS, pattern) == expected


@pytest.mark.parametrize(
    ("day", "pattern", "expected"),
    [
        # Java's default (US) weeks: start on Sunday, week 1 holds January 1st
        ("2024-12-31T00:00Z", "ww YYYY", "01 2025"),
        ("2024-12-28T00:00Z", "ww YYYY yyyy", "52 2024 2024"),
        ("2024-05-01T00:00Z", "w W F", "18 1 1"),
        ("2024-05-01T00:00Z", "k K h", "24 0 12"),
    ],
)
def test_format_time_week_and_hour_fields(day, pattern, expected):
    assert coord.format_time(day, pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "error"), [("yyyy-qq", "illegal pattern character 'q'"), ("'T", "unterminated")]
)
def test_format_time_rejects_what_java_rejects(pattern, error):
    with pytest.raises(ValueError, match=error):
        format_java(parse_time(TS), pattern)


@pytest.mark.parametrize(
    ("timestamp", "amount", "unit", "expected"),
    [
        (TS, -1, "DAY", "2024-04-30T06:00Z"),
        (TS, 3, "HOUR", "2024-05-01T09:00Z"),
        (TS, 90, "MINUTE", "2024-05-01T07:30Z"),
        ("2024-01-31T00:00Z", 1, "MONTH", "2024-02-29T00:00Z"),
        ("2024-02-29T00:00Z", 1, "YEAR", "2025-02-28T00:00Z"),
        (TS, 2, "WEEK", "2024-05-15T06:00Z"),
        (TS, "-2", "END_OF_MONTH", "2024-03-01T06:00Z"),  # EL coerces '-2' to the int parameter
    ],
)
def test_date_offset(timestamp, amount, unit, expected):
    # CoordELFunctions.ph2_coord_dateOffset: Calendar.add(TimeUnit.valueOf(unit).getCalendarUnit())
    assert coord.date_offset(timestamp, amount, unit) == expected


def test_date_offset_unit_is_case_sensitive_like_enum_value_of():
    with pytest.raises(ValueError, match=r"No enum constant .*TimeUnit\.day"):
        coord.date_offset(TS, 1, "day")


def test_date_tz_offset_and_frequencies():
    # CoordELFunctions.ph2_coord_dateTzOffset; the example of Oozie's coordinator docs
    assert coord.date_tz_offset("2012-01-01T10:00Z", "America/New_York") == "2012-01-01T05:00Z"
    assert coord.date_tz_offset("2012-07-01T10:00Z", "America/New_York") == "2012-07-01T06:00Z"
    assert coord.date_tz_offset("2012-01-01T10:00Z", "GMT+0530") == "2012-01-01T15:30Z"
    assert coord.date_tz_offset(TS, "UTC") == TS
    with pytest.raises(ValueError, match="Invalid TimeZone: Mars/Base"):
        coord.date_tz_offset(TS, "Mars/Base")
    # ph1_coord_days/months/minutes return n, ph1_coord_hours n * 60 (the unit goes to the schedule)
    assert (coord.days(2), coord.hours(3), coord.minutes(15), coord.months(1)) == (2, 180, 15, 1)
    assert (coord.end_of_days(1), coord.end_of_weeks(2), coord.end_of_months(3)) == (1, 2, 3)
    with pytest.raises(ValueError, match="greater than zero"):  # ParamChecker.checkGTZero
        coord.days(0)


def test_parse_time_accepts_oozie_and_iso_forms():
    expected = datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)
    assert parse_time(TS) == expected
    assert parse_time("2024-05-01T06:00:00Z") == expected
    assert parse_time("2024-05-01T08:00:00+02:00") == expected
    assert parse_time(expected.replace(tzinfo=None)) == expected


TICK = datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        # scheduled or backfilled tick of a CronTriggerTimetable with an interval: logical_date
        # is the interval start, the tick is data_interval_end
        (
            {
                "data_interval_end": TICK,
                "logical_date": TICK - timedelta(days=1),
                "dag_run": SimpleNamespace(run_type="scheduled", run_after=TICK),
            },
            TICK,
        ),
        (
            {
                "data_interval_end": TICK,
                "logical_date": TICK - timedelta(days=1),
                "dag_run": SimpleNamespace(run_type="backfill", run_after=TICK),
            },
            TICK,
        ),
        ({"data_interval_end": TICK, "logical_date": TICK}, TICK),
        ({"data_interval_end": None, "logical_date": TICK}, TICK),
        # `airflow dags trigger --logical-date TICK` a day later: the data interval is inferred
        # from the trigger time, the logical date is the one asked for
        (
            {
                "data_interval_end": TICK + timedelta(days=1),
                "logical_date": TICK,
                "dag_run": SimpleNamespace(run_type="manual", run_after=TICK + timedelta(days=1)),
            },
            TICK,
        ),
        # Airflow 3 manual run without a logical date
        ({"logical_date": None, "dag_run": SimpleNamespace(run_after=TICK)}, TICK),
        (
            {
                "logical_date": None,
                "data_interval_end": None,
                "dag_run": SimpleNamespace(run_type="manual", run_after=TICK),
            },
            TICK,
        ),
    ],
)
def test_nominal_time_is_the_cron_tick(context, expected):
    assert nominal_datetime(context) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: fn.concat(None, "a"), "a"),
        (lambda: fn.concat("a", 1), "a1"),
        (lambda: fn.first_not_null(None, "b"), "b"),
        (lambda: fn.replace_all("a-b-c", "-", "_"), "a_b_c"),
        (lambda: fn.replace_all("2024-05-01", r"(\d+)-(\d+)-(\d+)", "$3/$2/$1"), "01/05/2024"),
        (lambda: fn.replace_all("a.b", r"\.", r"\$"), "a$b"),
        (lambda: fn.replace_all(None, "x", "y"), ""),
        (lambda: fn.append_all("a,b", "/x", ","), "a/x,b/x"),
        (lambda: fn.trim("  x \t"), "x"),
        (lambda: fn.url_encode("a b&c~*é"), "a+b%26c%7E*%C3%A9"),
        (lambda: fn.to_json_str({"b": "1", "a": "x"}), '{"a":"x","b":"1"}'),
        (lambda: [empty(x) for x in (None, "", [], {}, "a", 0)], [True] * 4 + [False] * 2),
    ],
)
def test_basic_functions(call, expected):
    assert call() == expected


def test_timestamp_is_oozie_utc_to_the_minute():
    # ELConstantsFunctions.timestamp: DateUtils.formatDateOozieTZ(new Date()), yyyy-MM-dd'T'HH:mm'Z'
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", fn.timestamp())
    fixed = BasicFunctions(
        clock=lambda: datetime(2024, 5, 1, 8, 7, 59, 999000, tzinfo=timezone(timedelta(hours=2)))
    )
    assert fixed.timestamp() == "2024-05-01T06:07Z"


def test_every_el_function_in_the_table_exists_in_the_macros():
    macros = oozie.macros()
    assert len({row.oozie for row in EL_FUNCTIONS}) == len(EL_FUNCTIONS)
    for row in EL_FUNCTIONS:
        namespace, _, attribute = row.jinja.rpartition(".")
        target = getattr(macros[namespace], attribute) if namespace else macros[attribute]
        assert callable(target), row


def test_helpers_outside_a_task_say_so():
    with pytest.raises(RuntimeError, match="only work inside a running Airflow task"):
        oozie.macros()["wf"].id()


def _conf_context(monkeypatch, params, run_conf=None):
    import jinja2

    from ferry_runtime.el import coord as coord_module
    from ferry_runtime.el import wf as wf_module

    env = jinja2.Environment()
    env.globals["coord"] = coord
    context = {
        "params": params,
        "dag_run": SimpleNamespace(conf=run_conf or {}),
        "task": SimpleNamespace(get_template_env=lambda: env),
        "data_interval_end": TICK,
        "logical_date": TICK,
    }
    monkeypatch.setattr(wf_module, "current_context", lambda: context)
    monkeypatch.setattr(coord_module, "current_context", lambda: context)
    return context


def test_wf_conf_precedence_run_conf_over_coordinator_over_params(monkeypatch):
    _conf_context(
        monkeypatch,
        params={"queue": "default", "runDate": "from-params", "only": "p"},
        run_conf={"queue": "urgent"},
    )
    wf = oozie.macros(
        run_configuration={
            "runDate": "{{ coord.format_time(coord.nominal_time(), 'yyyy-MM-dd') }}",
            "queue": "coordinator-queue",
        }
    )["wf"]
    assert wf.conf("queue") == "urgent"  # oozie job -D beats everything
    assert wf.conf("runDate") == "2024-05-01"  # the coordinator's <configuration>, rendered
    assert wf.conf("only") == "p"
    assert wf.conf("missing") == ""


def test_wf_conf_reads_a_secret_property_from_its_variable_and_expands_the_rest(monkeypatch):
    # Ferry writes a job.properties value holding a secret as run configuration: the secret an
    # Airflow Variable reference, the rest literal text whose ${...} references expand as usual.
    context = _conf_context(monkeypatch, params={"host": "db.example.com"})
    variables = {"u_password": "s3cret", "db.password": "pw"}
    context["var"] = SimpleNamespace(value=SimpleNamespace(get=lambda key: variables[key]))
    wf = oozie.macros(
        run_configuration={
            "jdbcUrl": "jdbc:postgresql://u:{{ var.value.get('u_password') }}@${host}/db",
            "db.password": "{{ var.value.get('db.password') }}",
        }
    )["wf"]
    assert wf.conf("jdbcUrl") == "jdbc:postgresql://u:s3cret@db.example.com/db"
    assert wf.conf("db.password") == "pw"


def test_wf_conf_expands_references_like_hadoop_configuration(monkeypatch):
    _conf_context(
        monkeypatch,
        params={
            "nameNode": "hdfs://nn:8020",
            "root": "${nameNode}/data",
            "input": "${root}/in/${day}",
            "day": "2024-05-01",
            "unbound": "${nope}/x/${day}",
            "loop": "${loop}",
        },
        run_conf={"nameNode": "file:///tmp/h"},
    )
    wf = oozie.macros()["wf"]
    assert wf.conf("input") == "file:///tmp/h/data/in/2024-05-01"
    # Configuration.substituteVars stops at the first unbound reference and keeps it literally
    assert wf.conf("unbound") == "${nope}/x/${day}"
    with pytest.raises(ValueError, match="20 substitutions"):
        wf.conf("loop")


def test_user_name_is_always_set_like_oozie_sets_it_on_every_job(monkeypatch):
    # the Oozie examples: oozie.wf.application.path=${nameNode}/user/${user.name}/...
    context = _conf_context(
        monkeypatch,
        params={"nameNode": "hdfs://nn:8020", "app": "${nameNode}/user/${user.name}/apps/pig"},
    )
    context["task"].owner = "etl"
    wf = oozie.macros()["wf"]
    assert wf.conf("app") == "hdfs://nn:8020/user/etl/apps/pig"
    assert wf.conf("user.name") == "etl" == wf.user()
    # a user.name given at submit (oozie job -D user.name=..., dags trigger --conf) wins
    context["dag_run"].conf["user.name"] = "alice"
    assert wf.conf("app") == "hdfs://nn:8020/user/alice/apps/pig"
    assert wf.user() == "alice"
