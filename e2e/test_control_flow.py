"""Oozie control flow, run for real: small Oozie apps (e2e/apps) converted by the ferry CLI jar
and run with dag.test() in Airflow 3 (local backend), one DAG run per case.

Each test states the path Oozie takes through its workflow and the job status Oozie ends with,
then checks the tasks that succeeded and the DAG run's state against it (Oozie SUCCEEDED ->
Airflow success; KILLED or FAILED -> failed). An action is a task group: `<node>.run` does the
work, `<node>.outcome` follows ok/error; control nodes are single tasks named after the node.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CLI_JAR, ROOT

APPS = ROOT / "e2e" / "apps"
RUN_DAG = ROOT / "e2e" / "run_dag.py"
DATE = "2026-01-15T00:00:00+00:00"
SUCCESS = "success"


def action(node: str) -> set[str]:
    """The tasks of an action that ran and took its ok transition."""
    return {f"{node}.run", f"{node}.outcome"}


def failed_action(node: str) -> set[str]:
    """What succeeds of an action whose work failed: only its outcome (the error transition)."""
    return {f"{node}.outcome"}


# Every DAG run the tests check: case -> (DAG, run conf); "{dir}" is the case's own directory.
CASES: dict[str, tuple[str, dict[str, str]]] = {
    "decision-first": ("cf_decision", {"mode": "a"}),
    "decision-default": ("cf_decision", {"mode": "x"}),
    "forks": ("cf_forks", {}),
    "kill": ("cf_kill", {}),
    "errors": ("cf_errors", {}),
    "el-error-action": ("cf_el_errors", {"mode": "action"}),
    "el-error-decision": ("cf_el_errors", {"mode": "decision"}),
    "el-error-not-reached": ("cf_el_errors", {"mode": "none"}),
    "subwf-ok": ("cf_subwf", {"marker": "{dir}/child-ran", "childExit": "0"}),
    "subwf-fails": ("cf_subwf", {"marker": "{dir}/child-ran", "childExit": "1"}),
    "retries": ("cf_retries", {"markerDir": "{dir}"}),
    "capture-ready": ("cf_capture", {"status": "ready"}),
    "capture-late": ("cf_capture", {"status": "late"}),
    "fs": ("cf_fs", {"root": "file://{dir}/fs"}),
    "sla": ("cf_sla", {}),
    "git-ok": (
        "cf_git",
        {"root": "file://{dir}", "repo": "file://{dir}/origin", "branch": "feature"},
    ),
    "git-fails": ("cf_git", {"root": "file://{dir}", "repo": "file://{dir}/missing.git"}),
    # root has no scheme: it resolves on nameNode, the workflow's <global> name-node
    "default-fs-local": ("cf_default_fs", {"nameNode": "file:///", "root": "{dir}"}),
    "default-fs-remote": ("cf_default_fs", {"nameNode": "nofs://namenode:8020", "root": "{dir}"}),
    "default-fs-bare": ("cf_default_fs", {"nameNode": "namenode:8020", "root": "{dir}"}),
    "fs-name-node-bare": ("cf_fs_name_node", {"nameNode": "namenode:8020", "root": "{dir}"}),
}

# Runs the cases one after the other in one Airflow process: its start-up (the in-process
# execution API) costs more than a whole small DAG run.
BATCH = """
import json, sys
from run_dag import run
cases = json.load(open(sys.argv[1]))
results = {}
for case, (dag, conf) in cases.items():
    print(f"=== ferry case {case} ===", flush=True)
    results[case] = run(dag, sys.argv[2], conf)
    print(f"=== ferry case {case} end ===", flush=True)
json.dump(results, open(sys.argv[3], "w"), indent=2, sort_keys=True)
"""


@dataclass
class Run:
    states: dict[str, str]  # task id -> final state; "__run__" -> the DAG run's state
    log: str  # everything the run printed (task logs included)
    dir: Path  # the case's own directory


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """e2e/apps converted once by the CLI jar; every case run with dag.test() in one process."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with mvn package first")
    base = tmp_path_factory.mktemp("control-flow")
    repo = base / "apps"
    subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(APPS), "-o", str(repo)],
        check=True,
        capture_output=True,
        text=True,
    )
    sys.path.insert(0, str(RUN_DAG.parent))
    from run_dag import prepare_airflow

    env = prepare_airflow(repo, base / "airflow-home")
    dirs = {case: base / "cases" / case for case in CASES}
    cases = {}
    for case, (dag, conf) in CASES.items():
        dirs[case].mkdir(parents=True)
        cases[case] = [dag, {k: v.replace("{dir}", str(dirs[case])) for k, v in conf.items()}]
    (dirs["fs"] / "fs").mkdir()
    (dirs["fs"] / "fs" / "data.txt").write_text("not empty\n")
    for case in ("git-ok", "git-fails"):
        (dirs[case] / "keys").mkdir()
        (dirs[case] / "keys" / "deploy_key").write_text(DEPLOY_KEY)
    git_origin(dirs["git-ok"] / "origin")
    # A checkout left by an earlier run: the action's <prepare> deletes it (Oozie would fail to copy
    # over its .git directory).
    (dirs["git-ok"] / "checkout" / ".git").mkdir(parents=True)
    (dirs["git-ok"] / "checkout" / "stale.txt").write_text("from an earlier run\n")
    for case in ("default-fs-local", "default-fs-remote", "default-fs-bare"):
        (dirs[case] / "in").mkdir()
        (dirs[case] / "in" / "words.txt").write_text("b,2\na,1\nb,3\n")
        (dirs[case] / "out").mkdir()
        (dirs[case] / "out" / "stale.txt").write_text("from an earlier run\n")
    (base / "cases.json").write_text(json.dumps(cases))
    result = subprocess.run(
        [sys.executable, "-c", BATCH, str(base / "cases.json"), DATE, str(base / "results.json")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        cwd=RUN_DAG.parent,
        # the caller's PYTHONPATH stays after run_dag's (a runtime under test wins)
        env={
            **env,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(RUN_DAG.parent), env.get("PYTHONPATH")])
            ),
        },
    )
    assert (base / "results.json").is_file(), f"the runs did not finish:\n{result.stdout}"
    states = json.loads((base / "results.json").read_text())
    logs = re.findall(
        r"=== ferry case (\S+) ===\n(.*?)=== ferry case \1 end ===", result.stdout, re.S
    )
    by_case = dict(logs)
    return {case: Run(states[case], by_case.get(case, ""), dirs[case]) for case in CASES}


DEPLOY_KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "key-material-never-logged\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


def git_origin(repo: Path) -> None:
    """A repository with a default branch `main` and a branch `feature` one commit ahead."""
    repo.mkdir()

    def git(*args: str) -> None:
        command = [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Ferry",
            "-c",
            "user.email=f@example.com",
        ]
        subprocess.run([*command, *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (repo / "README.md").write_text("etl\n")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    git("checkout", "-q", "-b", "feature")
    (repo / "feature.txt").write_text("only on feature\n")
    git("add", "-A")
    git("commit", "-q", "-m", "feature")
    git("checkout", "-q", "main")


def succeeded(states: dict[str, str]) -> set[str]:
    return {task for task, state in states.items() if state == SUCCESS and task != "__run__"}


@pytest.mark.parametrize(
    ("case", "chosen"),
    [
        # mode=a makes both cases true: Oozie evaluates cases in order and takes the first.
        ("decision-first", "first"),
        # mode=x makes no case true: the default transition.
        ("decision-default", "fallback"),
    ],
)
def test_decision_takes_the_first_true_case_or_the_default(
    runs: dict[str, Run], case: str, chosen: str
) -> None:
    states, log = runs[case].states, runs[case].log
    # Oozie: start -> route -> <chosen> -> end, job SUCCEEDED; the other actions never start.
    assert succeeded(states) == {"route", *action(chosen), "end"}, log
    assert states["__run__"] == SUCCESS
    assert states["fail"] == "skipped"


def test_nested_fork_and_join_wait_for_every_path(runs: dict[str, Run]) -> None:
    states, log = runs["forks"].states, runs["forks"].log
    # Oozie: both outer paths run; the inner fork's two paths meet at inner-join before
    # after-inner; outer-join fires once left and after-inner arrived; job SUCCEEDED.
    assert succeeded(states) == {
        "outer-fork",
        *action("left"),
        "inner-fork",
        *action("inner-a"),
        *action("inner-b"),
        "inner-join",
        *action("after-inner"),
        "outer-join",
        "end",
    }, log
    assert states["__run__"] == SUCCESS


def test_kill_fails_the_run_with_its_message(runs: dict[str, Run]) -> None:
    states, log = runs["kill"].states, runs["kill"].log
    # Oozie: breaks exits 3 -> ERROR -> error transition to the kill node: job KILLED, with the
    # kill message carrying wf:errorMessage (ShellMain's "exit code [3]").
    assert states["breaks.run"] == "failed"
    assert succeeded(states) == failed_action("breaks"), log
    assert states["fail"] == "failed"
    assert states["end"] == "skipped"
    assert states["__run__"] == "failed"
    assert (
        "cf-kill stopped at [breaks]: "
        "Main class [org.apache.oozie.action.hadoop.ShellMain], exit code [3]" in log
    )


def test_error_transition_to_a_recovery_path_succeeds(runs: dict[str, Run]) -> None:
    states, log = runs["errors"].states, runs["errors"].log
    # Oozie: breaks fails -> error to recover -> end: the job SUCCEEDED (an action that took its
    # error transition does not fail the job); `never`, on the ok path, never starts.
    assert states["breaks.run"] == "failed"
    assert succeeded(states) == {*failed_action("breaks"), *action("recover"), "end"}, log
    assert states["never.run"] == "skipped"
    assert states["__run__"] == SUCCESS


def test_node_whose_el_does_not_parse_fails_the_run_where_oozie_fails_the_job(
    runs: dict[str, Run],
) -> None:
    # Oozie: `first` runs; starting broken_action, ActionStartXCommand cannot evaluate its argument
    # and fails the job (EL_ERROR): no error transition, `recover` never starts, the job FAILED.
    states, log = runs["el-error-action"].states, runs["el-error-action"].log
    assert succeeded(states) == {"route", *action("first")}, log
    assert states["broken_action"] == "failed"
    assert states["recover.run"] == "upstream_failed"
    assert states["__run__"] == "failed"
    assert "shell 'broken_action' cannot start: el-errors/workflow.xml:23:" in log
    # The same for a decision whose predicate does not parse.
    states, log = runs["el-error-decision"].states, runs["el-error-decision"].log
    assert succeeded(states) == {"route"}, log
    assert states["broken_decision"] == "failed"
    assert states["__run__"] == "failed"
    # A run that reaches neither succeeds: the workflow itself was accepted.
    states, log = runs["el-error-not-reached"].states, runs["el-error-not-reached"].log
    assert succeeded(states) == {"route", "end"}, log
    assert states["__run__"] == SUCCESS


def test_sub_workflow_runs_the_child_and_waits(runs: dict[str, Run]) -> None:
    run = runs["subwf-ok"]
    # Oozie: child runs cf-subwf-child with the parent's configuration (propagate-configuration:
    # marker, childExit) plus <configuration> (childNote); it SUCCEEDS, so child -> end, SUCCEEDED.
    assert succeeded(run.states) == {*action("child"), "end"}, run.log
    assert run.states["__run__"] == SUCCESS
    assert (run.dir / "child-ran").read_text().strip() == "from cf_subwf"


def test_sub_workflow_failure_is_the_parents_error(runs: dict[str, Run]) -> None:
    run = runs["subwf-fails"]
    # Oozie: the child job ends KILLED (its action fails into its kill node), so the parent's
    # sub-workflow action ends in ERROR: error transition to fail, the parent KILLED.
    assert (run.dir / "child-ran").is_file(), "the child did not run"
    assert run.states["child.run"] == "failed"
    assert succeeded(run.states) == failed_action("child"), run.log
    assert run.states["__run__"] == "failed"
    assert "child failed: sub-workflow cf_subwf_child ended FAILED" in run.log


def test_retry_max_reruns_a_failed_action(runs: dict[str, Run]) -> None:
    run = runs["retries"]
    # Both actions fail on their first try. flaky-retried (retry-max=1) is tried again and
    # succeeds -> ok; flaky-unretried (retry-max=0) is not -> error to recover -> end: SUCCEEDED.
    assert succeeded(run.states) == {
        *action("flaky-retried"),
        *failed_action("flaky-unretried"),
        *action("recover"),
        "end",
    }, run.log
    assert run.states["flaky-unretried.run"] == "failed"
    assert run.states["__run__"] == SUCCESS
    assert (run.dir / "retried").is_file()
    assert (run.dir / "unretried").is_file()


@pytest.mark.parametrize(
    ("case", "chosen"), [("capture-ready", "ready"), ("capture-late", "not-ready")]
)
def test_captured_output_decides_through_action_data(
    runs: dict[str, Run], case: str, chosen: str
) -> None:
    states, log = runs[case].states, runs[case].log
    # Oozie: probe's stdout (status=..., arg=...) is its action data; route's case reads
    # wf:actionData('probe')['status'] -> ready when it is 'ready', else the default.
    assert succeeded(states) == {*action("probe"), "route", *action(chosen), "end"}, log
    assert states["__run__"] == SUCCESS
    # The argument reached the command as one argv entry, never through a shell.
    assert "stdout: arg=a b; $(touch pwned) `touch pwned`" in log


def test_fs_operations_run_in_order_and_stop_at_the_first_failure(runs: dict[str, Run]) -> None:
    run = runs["fs"]
    root = run.dir / "fs"
    # Oozie: prepare-dirs runs delete (missing path: fine), mkdir (parents too), touchz, move
    # (a/b becomes moved), chmod 750 on moved and its files: ok -> refuse. refuse's mkdir runs,
    # its touchz of a non-empty file fails, so the last mkdir never runs: error -> fail, KILLED.
    assert succeeded(run.states) == {*action("prepare-dirs"), *failed_action("refuse")}, run.log
    assert run.states["__run__"] == "failed"
    assert (root / "moved" / "_SUCCESS").is_file()
    assert not (root / "a" / "b").exists()
    assert (root / "moved").stat().st_mode & 0o777 == 0o750
    assert (root / "moved" / "_SUCCESS").stat().st_mode & 0o777 == 0o750
    assert (root / "before").is_dir()
    assert not (root / "after").exists()
    assert f"[FS_FAILED]: file://{root}/data.txt must be a zero-length file" in run.log


def test_action_slas_report_met_and_missed_and_never_change_the_path(runs: dict[str, Run]) -> None:
    run = runs["sla"]
    # Oozie: on-time -> late -> end, SUCCEEDED; the SLA service records events and mails the misses
    # alert-events lists, it never changes a job's path or status.
    assert succeeded(run.states) == {*action("on-time"), *action("late"), "end"}, run.log
    assert run.states["__run__"] == SUCCESS
    for event in ("START_MET", "END_MET"):
        assert f"Oozie SLA of action 'on-time': {event}" in run.log
    # late: expected start 2026-01-15T00:01Z and end 2026-01-17T00:00Z, both long past when the
    # test runs; ran 1 s > 0.06 s. END_MISS is recorded but not alerted (not in its alert-events).
    for event in ("START_MISS", "DURATION_MISS", "END_MISS"):
        assert f"Oozie SLA of action 'late': {event}" in run.log
    assert "Oozie SLA START_MISS of action 'late' for DAG cf_sla run" in run.log
    assert "Oozie SLA DURATION_MISS of action 'late' for DAG cf_sla run" in run.log
    assert "Oozie SLA END_MISS of action 'late'" not in run.log
    assert "@example.com): late is late" in run.log
    # the workflow's SLA: from on-time's start to reaching end, against 2026-01-15T00:00Z
    for event in ("START_MISS", "END_MISS", "DURATION_MET"):
        assert f"Oozie SLA of workflow 'cf-sla': {event}" in run.log
    assert "Oozie SLA END_MISS of workflow 'cf-sla' for DAG cf_sla run" in run.log  # the default
    assert "Oozie SLA START_MISS of workflow" not in run.log


def test_git_clones_the_branch_into_the_destination(runs: dict[str, Run]) -> None:
    run = runs["git-ok"]
    checkout = run.dir / "checkout"
    # Oozie: prepare deletes the old checkout; GitMain fetches the key, clones branch feature and
    # copies the checkout, .git included, to destination-uri: ok -> end, SUCCEEDED.
    assert succeeded(run.states) == {*action("clone"), "end"}, run.log
    assert run.states["__run__"] == SUCCESS
    assert (checkout / "feature.txt").read_text() == "only on feature\n"
    assert (checkout / "README.md").read_text() == "etl\n"
    assert (checkout / ".git" / "HEAD").read_text().strip() == "ref: refs/heads/feature"
    assert not (checkout / "stale.txt").exists()
    assert "key-material-never-logged" not in run.log


def test_git_clone_failure_takes_the_error_transition(runs: dict[str, Run]) -> None:
    run = runs["git-fails"]
    # Oozie: the clone of a repository that is not there fails in GitMain (JA018) -> ERROR ->
    # error transition to the kill node: KILLED, with wf:errorCode and wf:errorMessage.
    assert run.states["clone.run"] == "failed"
    assert succeeded(run.states) == failed_action("clone"), run.log
    assert run.states["fail"] == "failed"
    assert run.states["end"] == "skipped"
    assert run.states["__run__"] == "failed"
    assert "cf-git failed at [clone] [JA018]: Unable to clone Git repo: fatal: " in run.log
    assert not (run.dir / "checkout").exists()


def test_scheme_less_paths_resolve_on_the_global_name_node(runs: dict[str, Run]) -> None:
    run = runs["default-fs-local"]
    # Oozie: count's prepare deletes {root}/out on the name node (file:///), Pig reads {root}/in and
    # writes {root}/out there; mark inherits <global>'s name-node, so its scheme-less touchz works.
    assert succeeded(run.states) == {*action("count"), *action("mark"), "end"}, run.log
    assert run.states["__run__"] == SUCCESS
    out = run.dir / "out"
    assert not (out / "stale.txt").exists()
    rows = sorted(
        line for part in out.glob("part-*") for line in part.read_text().splitlines() if line
    )
    assert rows == ["a,1", "b,5"]
    assert (out / "_DONE").is_file()
    assert "--default-fs file:///" in run.log


def test_scheme_less_paths_never_fall_back_to_the_workers_disk(runs: dict[str, Run]) -> None:
    run = runs["default-fs-remote"]
    # The name node is a file system this worker cannot reach: the job fails at its prepare step
    # rather than deleting or writing the local directory of the same path.
    assert succeeded(run.states) == {*failed_action("count")}, run.log
    assert run.states["__run__"] == "failed"
    assert (run.dir / "out" / "stale.txt").is_file()
    assert "scheme 'nofs'" in run.log


def test_a_name_node_without_a_scheme_is_hdfs_as_in_hadoop(runs: dict[str, Run]) -> None:
    run = runs["default-fs-bare"]
    # <name-node>namenode:8020</name-node>: Oozie sets it as fs.defaultFS, which Hadoop's
    # FileSystem.getDefaultUri reads as hdfs://namenode:8020 (fixName). The job gets that file
    # system, which this worker cannot reach: it fails there, never on the local disk.
    assert succeeded(run.states) == {*failed_action("count")}, run.log
    assert run.states["__run__"] == "failed"
    assert "--default-fs hdfs://namenode:8020" in run.log
    assert (run.dir / "out" / "stale.txt").is_file()


def test_an_fs_action_name_node_without_a_scheme_fails_as_in_oozie(runs: dict[str, Run]) -> None:
    run = runs["fs-name-node-bare"]
    # The fs action reads its <name-node> as a Path (scheme `namenode`), not as fs.defaultFS:
    # FsActionExecutor refuses it before any operation (HadoopAccessorService, E0904).
    assert succeeded(run.states) == {*failed_action("mark")}, run.log
    assert run.states["__run__"] == "failed"
    assert "[E0904] Scheme [namenode] not supported in uri [namenode:8020]" in run.log
    assert not (run.dir / "made").exists()
