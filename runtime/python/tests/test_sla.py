"""Action-level SLA events as Oozie's SLAOperations / SLA calculator define them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from ferry_runtime.sla import StartSla, check_action

NOMINAL = "2024-05-01T06:00Z"


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2024, 5, 1, hour, minute, second, tzinfo=timezone.utc)


def events(spec, started, ended, succeeded=True):
    return check_action({}, node="a", spec={"nominal_time": NOMINAL, **spec}, started=started,
                        ended=ended, succeeded=succeeded)["events"]  # fmt: skip


def test_each_criterion_is_met_or_missed_against_nominal_time_plus_minutes():
    spec = {"should_start": "10", "should_end": "30", "max_duration": "15"}
    assert events(spec, at(6, 10), at(6, 25)) == {"START": "MET", "END": "MET", "DURATION": "MET"}
    assert events(spec, at(6, 10, 1), at(6, 30, 1)) == {
        "START": "MISS",
        "END": "MISS",
        "DURATION": "MISS",  # 20 min 0 s > 15 min
    }


def test_minutes_are_floats_like_float_parse_float():
    assert events({"should_end": "0.5"}, at(6, 0), at(6, 0, 30)) == {"END": "MET"}
    assert events({"should_end": "0.5"}, at(6, 0), at(6, 0, 31)) == {"END": "MISS"}


def test_without_max_duration_the_expected_duration_is_end_minus_start():
    # SLAOperations.setExpectedDuration: expected end - expected start = 20 minutes
    spec = {"should_start": "10", "should_end": "30"}
    assert events(spec, at(6, 0), at(6, 20))["DURATION"] == "MET"
    assert events(spec, at(6, 0), at(6, 20, 1))["DURATION"] == "MISS"


def test_a_failed_action_misses_its_end_even_on_time():
    assert events({"should_end": "30"}, at(6, 0), at(6, 1), succeeded=False) == {"END": "MISS"}


def test_only_alert_events_are_alerted_and_end_miss_is_the_default(caplog):
    caplog.set_level(logging.INFO)
    spec = {"nominal_time": NOMINAL, "should_start": "0", "should_end": "0", "alert_contact": "x@y"}
    record = check_action({}, node="a", spec=spec, started=at(7, 0), ended=at(8, 0), succeeded=True)
    # no max-duration: expected duration = end - start = 0 minutes
    assert record["events"] == {"START": "MISS", "END": "MISS", "DURATION": "MISS"}
    assert record["alerted"] == ["END_MISS"]
    assert record["expected_end"] == "2024-05-01T06:00Z"
    record = check_action({}, node="a", spec={**spec, "alert_events": "start_miss"},
                          started=at(7, 0), ended=at(8, 0), succeeded=True)  # fmt: skip
    assert record["alerted"] == ["START_MISS"]


def test_bad_sla_values_are_errors_like_oozie_e0302():
    with pytest.raises(ValueError, match="negative"):
        events({"should_end": "-1"}, at(6, 0), at(6, 1))
    with pytest.raises(ValueError, match="Could not parse"):
        check_action({}, node="a", spec={"nominal_time": "2024-05-01 06:00"}, started=None,
                     ended=at(6, 0), succeeded=True)  # fmt: skip


def test_should_start_is_met_until_nominal_time_plus_minutes(caplog):
    caplog.set_level(logging.INFO)
    now = datetime.now(timezone.utc)
    StartSla(should_start=5)({"logical_date": now - timedelta(minutes=4)})
    assert "START_MET" in caplog.text
    assert "START_MISS" not in caplog.text
    StartSla(should_start=5, contact="ops@x")({"logical_date": now - timedelta(minutes=6)})
    assert "Oozie SLA START_MISS for DAG ? run ? (alert-contact: ops@x)" in caplog.text
