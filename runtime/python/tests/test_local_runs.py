"""Whole workflows on FERRY_BACKEND=local under real Airflow: final states, actions run, logs.

The runtime jar is played by tests/fake_runtime.py (same CLI contract, no Flink).
"""

from __future__ import annotations

import json
from datetime import timedelta
from email import policy
from email.parser import BytesParser

from conftest import NOMINAL, OUTBOX, REPO, RUNTIME_RECORD

WF_OK_ACTIONS = ("sessionize", "revenue", "top_pages")


def runtime_calls(script: str) -> list[dict]:
    calls = [json.loads(line) for line in RUNTIME_RECORD.read_text().splitlines()]
    return [call for call in calls if call["argv"][1].endswith(f"/{script}.sql")]


# ------------------------------------------------------------- wf_ok: every action succeeds


def test_success_path_runs_every_ok_target_and_skips_error_path(run_dag):
    result = run_dag("wf_ok")
    assert result.state == "success"
    for action in WF_OK_ACTIONS:
        assert result.states(f"{action}.run", f"{action}.outcome") == ["success", "success"]
    assert result.states("route", "fork_1", "join_1", "end") == ["success"] * 4
    # shared by three actions, chosen by none: skipped whatever order the outcomes ran in
    assert result.states("notify_failure.send", "notify_failure.outcome", "fail") == [
        "skipped",
        "skipped",
        "skipped",
    ]
    assert "action 'sessionize' succeeded: ok transition to 'fork_1'" in result.log


def test_decision_takes_first_true_case(run_dag):
    result = run_dag("wf_ok")
    assert "case 1 -> sessionize: {{ params.withSessions == 'true' }} = True" in result.log
    assert "case 3 ->" not in result.log  # also true, but the first true case wins


def test_job_gets_rendered_params_sorted_then_prepare_steps_then_default_fs(run_dag):
    run_dag("wf_ok")
    (call,) = runtime_calls("sessionize")
    hdfs = REPO / "hdfs"
    assert call["argv"] == [
        "--script",
        str(REPO / "flink/wf/sessionize.sql"),
        "--param",
        f"INPUT={hdfs}/data/clicks/2024-05-01",  # coord.format_time(coord.nominal_time(), ...)
        "--param",
        f"OUTPUT={hdfs}/out/sessions",
        # a secret (by its name) reaches the job through its environment, not its command line
        "--param-env",
        "DB_PASSWORD=FERRY_PARAM_0",
        "--prepare-delete",
        f"{hdfs}/out/sessions",
        "--prepare-mkdir",
        "out/tmp",
        "--default-fs",
        "file:///",  # the action's <name-node>, rendered
        "--parallelism",
        "2",  # FERRY_PARALLELISM
    ]
    assert call["params"]["DB_PASSWORD"] == "hunter2-secret"
    assert call["cwd"] == str(REPO)  # relative paths resolve against the migrated repo
    assert (hdfs / "out/sessions/_SUCCESS").is_file()
    assert (REPO / "out/tmp").is_dir()


def test_secret_params_are_masked_in_the_log(run_dag):
    result = run_dag("wf_ok")
    assert "hunter2-secret" not in result.log
    assert "--param-env DB_PASSWORD=FERRY_PARAM_0" in result.log


def test_decision_default_when_no_case_is_true(run_dag):
    result = run_dag(
        "wf_ok", logical_date=NOMINAL + timedelta(days=1), conf={"withSessions": "false"}
    )
    assert result.state == "success"
    assert "case 3 -> end: {{ params.withSessions != 'false' }} = False" in result.log
    assert "no case is true: default -> end" in result.log
    assert result.states("route", "end") == ["success", "success"]
    not_reached = [task for task in result.tasks if task not in ("route", "end")]
    assert {result.tasks[task] for task in not_reached} == {"skipped"}, result.tasks


# --------------------------------------------- wf_fail: one forked action fails -> mail -> kill


def test_failed_action_takes_error_path_and_its_ok_path_is_skipped(run_dag):
    result = run_dag("wf_fail")
    assert result.states("bad.run", "bad.outcome") == ["failed", "success"]
    assert result.states("good.run", "good.outcome") == ["success", "success"]
    # join waits for both paths: the bad one left the fork, so the join is skipped, not failed
    assert result.states("join_1", "end") == ["skipped", "skipped"]
    assert result.states("notify_failure.send", "notify_failure.outcome") == ["success"] * 2
    assert "action 'bad' failed [RUNTIME_JOB_FAILED]: Table 'clicks' not found" in result.log


def test_kill_fails_the_run_with_rendered_error_message(run_dag):
    result = run_dag("wf_fail")
    assert result.state == "failed"
    assert result.tasks["fail"] == "failed"
    assert (
        "workflow killed at node 'fail': Pig failed, error message[Table 'clicks' not found]"
        in result.log
    )


def test_runtime_output_is_streamed_and_last_error_line_is_the_message(run_dag):
    result = run_dag("wf_fail")
    assert "ferry-runtime: job started" in result.log
    assert "ferry-runtime: error: stage 1 failed" in result.log  # streamed, but not the message
    assert "ferry_runtime.errors.ActionFailed: Table 'clicks' not found" in result.log
    (call,) = runtime_calls("bad")
    assert call["argv"][2:] == [
        "--param",
        "DAY=20240501",
        "--param",
        "NOMINAL=2024-05-01T06:00Z",  # coord.nominal_time() = the cron tick, Oozie format
        "--parallelism",
        "2",
    ]


def test_email_goes_to_the_outbox_with_rendered_fields(run_dag):
    run_dag("wf_fail")
    (path,) = OUTBOX.glob("wf_fail.*.notify_failure.eml")
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert message["To"] == "ops@example.com, oncall@example.com"
    assert message["Cc"] == "lead@example.com"
    assert message["Subject"] == "wf_fail: bad failed [RUNTIME_JOB_FAILED]"
    error, run, workflow = message.get_content().splitlines()
    assert error == "Error: Table 'clicks' not found"
    assert run.startswith("Run: manual__")
    assert workflow == (
        "wf_fail for ops@example.com, oncall@example.com by airflow: "
        "bad -> notify_failure, good -> join_1, fork_1 -> ; data {}"
    )


# ------------------------------- wf_placeholder: an untranslated action takes its error path


def test_untranslated_action_fails_with_its_todo_and_takes_the_error_transition(run_dag):
    result = run_dag("wf_placeholder")
    assert result.state == "failed"
    assert result.states("legacy.not_translated", "legacy.outcome") == ["failed", "success"]
    assert result.states("end", "fail") == ["skipped", "failed"]
    assert (
        "workflow killed at node 'fail': failed [NOT_TRANSLATED] <map-reduce> action 'legacy' "
        "is not translated: Oozie <map-reduce> action at workflow.xml:21:9 is not translated yet"
        in result.log
    )


# ------------------------------------------------------------- wf_sla: action-level <sla:info>


def test_action_sla_records_met_and_missed_events_and_alerts_only_alert_events(run_dag):
    result = run_dag("wf_sla")
    # an SLA only reports: every action still follows its transitions, the run succeeds
    assert result.state == "success"
    assert (
        result.states("on_time.outcome", "late.outcome", "failing.outcome", "end")
        == ["success"] * 4
    )
    for event in ("START_MET", "END_MET"):
        assert f"Oozie SLA of action 'on_time': {event}" in result.log
    assert "Oozie SLA START_MISS of action 'on_time'" not in result.log
    for event in ("START_MISS", "END_MISS", "DURATION_MISS"):
        assert f"Oozie SLA of action 'late': {event}" in result.log
    # alerted: the misses alert-events lists, with the contact and message
    assert "Oozie SLA START_MISS of action 'late' for DAG wf_sla run" in result.log
    assert "(alert-contact: sla@example.com): late is late" in result.log
    assert "Oozie SLA DURATION_MISS of action 'late'" in result.log
    assert "Oozie SLA END_MISS of action 'late'" not in result.log  # recorded, not alerted
    # an action that fails misses its end whatever the time; END_MISS is alerted by default
    assert "Oozie SLA of action 'failing': END_MISS" in result.log
    assert "Oozie SLA END_MISS of action 'failing'" in result.log
    # the coordinator's should-start, checked when the first node starts
    assert "Oozie SLA of the workflow: START_MISS (expected start 2024-05-01 06:05:00+00:00)" in (
        result.log
    )
    assert "Oozie SLA START_MISS for DAG wf_sla run" in result.log
    assert "(alert-contact: sla@example.com): started late" in result.log
