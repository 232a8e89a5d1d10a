"""Oozie SLA misses at run time: the callback of the deadline alerts a generated DAG declares.

Oozie's SLA service records END_MISS / DURATION_MISS events and mails `alert-contact`; Airflow calls
this when a DAG run's deadline passes (DeadlineAlert with a SyncCallback). It logs the miss in the
form Oozie's SLA message has and hands it to the mail backend when an outbox/SMTP is set up.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

log = logging.getLogger(__name__)


def sla_missed(
    context: Mapping[str, Any] | None = None,
    *,
    event: str,
    contact: str = "",
    message: str = "",
    logger: logging.Logger | Any = None,
    **_: Any,
) -> str:
    """Reports one SLA miss (to `logger`, a task's log, else this module's); returns the text."""
    context = context or {}
    dag_run = context.get("dag_run")
    dag_id = getattr(dag_run, "dag_id", None) or context.get("dag_id", "?")
    run_id = getattr(dag_run, "run_id", None) or context.get("run_id", "?")
    text = f"Oozie SLA {event} for DAG {dag_id} run {run_id}"
    if contact:
        text += f" (alert-contact: {contact})"
    if message:
        text += f": {message}"
    (logger or log).warning(text)
    return text


# Action-level SLAs (`<sla:info>` inside an `<action>`). Oozie registers an action's SLA when the
# action starts (SLAOperations.createSlaRegistrationEvent): expected start = nominal-time +
# should-start minutes, expected end = nominal-time + should-end minutes, expected duration =
# max-duration minutes (or, without it, expected end - expected start). The minutes are floats
# (Float.parseFloat) and must not be negative. The calculator then records one event per criterion:
# START_MET/START_MISS, END_MET/END_MISS (also END_MISS when the action does not end successfully,
# DG_SLAMonitoring "SLA Status"), DURATION_MET/DURATION_MISS. Every event is recorded; only those in
# alert-events (default END_MISS: oozie.sla.service.SLAService.alert.events) are alerted to
# alert-contact (SLAEmailEventListener).
#
# Airflow has no per-task SLA since 3.0, so the action's outcome task checks the SLA when the
# action ends: the events are the ones Oozie records, but an alert is raised when the action ends
# rather than at the deadline (Oozie alerts a START_MISS even for an action still queued). The DAG
# run's own deadline alert, when the coordinator has an SLA, still fires on time.

STARTED_KEY = "ferry_started_at"  # XCom: when the action's first work task started (ISO 8601)
SLA_KEY = "ferry_sla"  # XCom of the outcome task: the action's SLA record
DEFAULT_ALERT_EVENTS = "END_MISS"
EVENTS = ("START_MISS", "END_MISS", "DURATION_MISS")


def sla_spec(
    *,
    nominal_time: str,
    should_start: str | float | None = None,
    should_end: str | float | None = None,
    max_duration: str | float | None = None,
    alert_events: str | None = None,
    alert_contact: str = "",
    notification_msg: str = "",
) -> dict[str, Any]:
    """One `<sla:info>` as generated DAGs pass it; the values are templates (minutes as text)."""
    return {
        "nominal_time": nominal_time,
        "should_start": should_start,
        "should_end": should_end,
        "max_duration": max_duration,
        "alert_events": alert_events,
        "alert_contact": alert_contact,
        "notification_msg": notification_msg,
    }


def record_start(context: Mapping[str, Any]) -> None:
    """on_execute_callback of an action's first work task: the action's actual start."""
    context["ti"].xcom_push(key=STARTED_KEY, value=datetime.now(timezone.utc).isoformat())


def _minutes(value: Any, what: str) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    minutes = float(str(value).strip())
    if minutes < 0:
        raise ValueError(f"sla {what} is negative: {value}")
    return minutes


def check_action(
    context: Mapping[str, Any],
    *,
    node: str,
    spec: Mapping[str, Any],
    started: datetime | None,
    ended: datetime,
    succeeded: bool,
    logger: logging.Logger | Any = None,
    what: str = "action",
) -> dict[str, Any]:
    """The SLA record of one action (or, `what`="workflow", of the workflow) that has ended;
    alerts the misses its alert-events name."""
    from ferry_runtime.el.coord import oozie_time, parse_oozie_time

    nominal = parse_oozie_time(str(spec["nominal_time"]))
    should_start = _minutes(spec.get("should_start"), "should-start")
    should_end = _minutes(spec.get("should_end"), "should-end")
    max_duration = _minutes(spec.get("max_duration"), "max-duration")
    expected_start = None if should_start is None else nominal + timedelta(minutes=should_start)
    expected_end = None if should_end is None else nominal + timedelta(minutes=should_end)
    expected_duration = None
    if max_duration is not None and max_duration > 0:
        expected_duration = timedelta(minutes=max_duration)
    elif expected_start is not None and expected_end is not None:
        expected_duration = expected_end - expected_start
    started = started or ended
    events: dict[str, str] = {}
    if expected_start is not None:
        events["START"] = "MISS" if started > expected_start else "MET"
    if expected_end is not None:
        events["END"] = "MISS" if not succeeded or ended > expected_end else "MET"
    if expected_duration is not None:
        events["DURATION"] = "MISS" if ended - started > expected_duration else "MET"
    record: dict[str, Any] = {
        "node": node,
        "nominal_time": oozie_time(nominal),
        "expected_start": None if expected_start is None else oozie_time(expected_start),
        "actual_start": started.isoformat(),
        "expected_end": None if expected_end is None else oozie_time(expected_end),
        "actual_end": ended.isoformat(),
        "events": events,
    }
    wanted = {
        e.strip().upper()
        for e in str(spec.get("alert_events") or DEFAULT_ALERT_EVENTS).split(",")
        if e.strip()
    }
    alerted = []
    for criterion, status in events.items():
        event = f"{criterion}_{status}"
        (logger or log).info("Oozie SLA of %s '%s': %s", what, node, event)
        if status == "MISS" and event in wanted:
            alerted.append(event)
            sla_missed(
                context,
                event=f"{event} of {what} '{node}'",
                contact=str(spec.get("alert_contact") or ""),
                message=str(spec.get("notification_msg") or ""),
                logger=logger,
            )
    record["alerted"] = alerted
    return record


class StartSla:
    """on_execute_callback of a scheduled workflow's first node: START_MET or START_MISS against the
    nominal time (the run's logical date) + should-start minutes, alerted when it is a miss."""

    def __init__(self, *, should_start: float, contact: str = "", message: str = "") -> None:
        self.minutes = float(should_start)
        self.contact = contact
        self.message = message

    def __call__(self, context: Mapping[str, Any]) -> None:
        from ferry_runtime.el.coord import nominal_datetime
        from ferry_runtime.el.datasets import utc

        expected = utc(nominal_datetime(context)) + timedelta(minutes=self.minutes)
        logger = getattr(context.get("task"), "log", None) or log
        if datetime.now(timezone.utc) <= expected:
            logger.info("Oozie SLA of the workflow: START_MET (expected start %s)", expected)
            return
        logger.info("Oozie SLA of the workflow: START_MISS (expected start %s)", expected)
        sla_missed(context, event="START_MISS", contact=self.contact, message=self.message,
                   logger=logger)  # fmt: skip


class WorkflowSla:
    """An unscheduled workflow's `<sla:info>` (no DAG-run deadline can count from its nominal-time,
    an EL value): its first node records the start (`record_start`), and reaching `end` (the job
    SUCCEEDED) or a `kill` (KILLED: END_MISS whatever the time) checks every criterion, as
    `check_action` does for an action. A run that fails without reaching a kill is not checked."""

    def __init__(
        self, *, workflow: str, spec: Mapping[str, Any], first_task_ids: list[str], succeeded: bool
    ) -> None:
        self.workflow = workflow
        self.spec = dict(spec)
        self.first_task_ids = list(first_task_ids)
        self.succeeded = succeeded

    def __call__(self, context: Mapping[str, Any]) -> None:
        task = context["task"]
        spec = task.render_template(self.spec, context)  # callbacks are not templated: render here
        starts = [
            context["ti"].xcom_pull(task_ids=task_id, key=STARTED_KEY)
            for task_id in self.first_task_ids
        ]
        started = min((datetime.fromisoformat(str(s)) for s in starts if s), default=None)
        try:
            check_action(context, node=self.workflow, spec=spec, started=started,
                         ended=datetime.now(timezone.utc), succeeded=self.succeeded,
                         logger=task.log, what="workflow")  # fmt: skip
        except ValueError as e:  # Oozie rejects the SLA (E0302); it never fails the job
            task.log.error("SLA of workflow '%s' not checked: %s", self.workflow, e)
