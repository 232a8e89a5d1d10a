"""The migrated sample under a real Airflow 3 deployment, not dag.test().

The test starts an api-server, a scheduler (LocalExecutor) and a dag-processor from the venv,
each its own process group, on a metadata database in a temp AIRFLOW_HOME, and always stops them.
The sample (samples/clickstream, its coordinator cut to three days and its nameNode pointed at a
local directory, as a user's job.properties would) is converted by the real CLI. Workers run the
local backend (embedded Flink through the runtime jar); the dag-processor is told
FERRY_BACKEND=kubernetes: the two disagree, as a misconfigured deployment would, and every run
must still find its tasks.

- catch-up: unpausing the coordinator DAG runs its three logical dates, in order, each on that
  date's input (the output partitions hold what that day's page views give);
- `airflow dags trigger --logical-date D` processes D's data, not the trigger day's;
- a day without input fails its jobs and the run ends FAILED through the kill node, mail sent;
- a run marked failed through the REST API while its jobs run ends failed and leaves no job
  process behind (the task's on_kill stops what the task started);
- a write waits while another component holds the database's write lock longer than SQLite's
  default 5 s, as a scheduler starved of CPU does, instead of failing with an HTTP 500.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import os
import shlex
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CLI_JAR, ROOT, SAMPLE, import_dags, same_fields

DAG_ID = "clickstream_daily"
DATES = ["2026-01-15", "2026-01-16", "2026-01-17"]  # the coordinator's three days (02:00 UTC)
# Manual runs need a logical date inside the DAG's [start, end] (Airflow creates no task instance
# outside it) and one no other run has: off the 02:00 ticks. Each processes the day of its date.
TRIGGERED = "2026-01-18T01:00:00"  # 2026-01-18: a day only this run processes
MISSING = "2026-01-16T12:00:00"  # its page views are removed first: the jobs fail as Pig would
KILLED = "2026-01-17T12:00:00"  # marked failed while its jobs run
AIRFLOW = Path(sys.executable).parent / "airflow"
RUNTIME_JAR = ROOT / "runtime" / "target" / "ferry-runtime.jar"
WAIT = 900.0  # seconds for a group of runs (about 2 min a run on a busy 2-core machine)
BUSY_TIMEOUT = 60  # seconds a component's write waits for another's to end (see the fixture)

# Holds a job before it starts while the file `hold` exists, writing its pid to `pids`: the kill
# test then marks the run failed while its jobs are running processes of the task.
GATE = """\
import os, sys, time
hold, pids, command = sys.argv[1], sys.argv[2], sys.argv[3:]
if os.path.exists(hold):
    with open(pids, "a") as out:
        out.write(f"{os.getpid()}\\n")
    while os.path.exists(hold):
        time.sleep(0.2)
os.execvp(command[0], command)
"""


@dataclass
class Deployment:
    base: Path
    hdfs: Path
    port: int
    hold: Path
    pids: Path
    env: dict[str, str]
    logs: Path

    def api(self, method: str, path: str, body: object | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/v2/{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=BUSY_TIMEOUT + 30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            # Say why: the server's answer, and for a server error the components' logs.
            detail = f"{method} {path}: {error.msg}: {error.read().decode(errors='replace')}"
            if error.code >= 500:
                detail += f"\n{self.tail()}"
            raise urllib.error.HTTPError(
                error.url, error.code, detail, error.headers, None
            ) from error

    def airflow(self, *args: str) -> str:
        result = subprocess.run(
            [str(AIRFLOW), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, f"airflow {' '.join(args)}:\n{result.stdout}{result.stderr}"
        return result.stdout

    def runs(self) -> list[dict[str, object]]:
        answer = self.api("GET", f"dags/{DAG_ID}/dagRuns?order_by=logical_date&limit=100")
        assert isinstance(answer, dict)
        return list(answer["dag_runs"])

    def task_states(self, run_id: str) -> dict[str, str | None]:
        answer = self.api("GET", f"dags/{DAG_ID}/dagRuns/{run_id}/taskInstances?limit=100")
        assert isinstance(answer, dict)
        return {ti["task_id"]: ti["state"] for ti in answer["task_instances"]}

    def wait_for_runs(self, logical_dates: list[str], states: set[str]) -> list[dict[str, object]]:
        """The runs of these logical dates once each is in one of `states` (bounded)."""
        deadline = time.monotonic() + WAIT
        while True:
            runs = {str(r["logical_date"])[:19]: r for r in self.runs()}
            chosen = [runs.get(date) for date in logical_dates]
            if all(r is not None and r["state"] in states for r in chosen):
                return [r for r in chosen if r is not None]
            if time.monotonic() > deadline:
                pytest.fail(f"runs not {states} after {WAIT:.0f} s: {runs}\n{self.tail()}")
            time.sleep(2)

    def tail(self) -> str:
        return "\n".join(
            f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-40:])
            for log in sorted(self.logs.glob("*.log"))
        )


def day(logical_date: str) -> str:
    """The day a run processes: runDate, coord:formatTime(coord:nominalTime(), 'yyyy-MM-dd')."""
    return logical_date[:10]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_views(date: str) -> list[str]:
    """Each day's input: the sample's day, and other days of different subsets of it (so a run
    that read the wrong day's partition gives other rows)."""
    lines = (SAMPLE / "data" / "raw" / "page_views" / "2026-01-15" / "part-00000").read_text()
    rows = lines.splitlines(keepends=True)
    picked = {
        "2026-01-15": rows,
        "2026-01-16": rows[::2],
        "2026-01-17": [row for row in rows if "/product/" not in row],
        day(TRIGGERED): rows[1::3],
    }[date]
    return picked


def top_pages(rows: list[str]) -> list[str]:
    """top_pages.pig over `rows`, computed here: distinct visitors per url, most first, url
    ascending among equals, the first ten."""
    visitors: dict[str, set[str]] = collections.defaultdict(set)
    for row in rows:
        user, _ts, url, *_ = row.rstrip("\n").split("\t")
        visitors[url].add(user)
    ranked = sorted(visitors.items(), key=lambda item: (-len(item[1]), item[0]))
    return [f"{url}\t{len(users)}" for url, users in ranked[:10]]


def output_rows(hdfs: Path, dataset: str, date: str) -> list[str]:
    folder = hdfs / "data" / "clickstream" / "out" / dataset / date
    assert folder.is_dir(), f"no output partition {folder}"
    return [
        line
        for part in sorted(folder.iterdir())
        if not part.name.startswith((".", "_"))
        for line in part.read_text().splitlines()
    ]


def legacy_repo(base: Path, hdfs: Path) -> Path:
    """The sample as a user would have it: its coordinator ends after three days, its
    job.properties point the nameNode at the local stand-in for HDFS."""
    repo = base / "legacy"
    shutil.copytree(SAMPLE / "apps", repo / "apps")
    app = repo / "apps" / "clickstream"
    coordinator = app / "coordinator.xml"
    text = coordinator.read_text()
    assert 'end="2026-07-01T02:00Z"' in text
    coordinator.write_text(text.replace('end="2026-07-01T02:00Z"', 'end="2026-01-18T02:00Z"'))
    properties = app / "job.properties"
    text = properties.read_text()
    assert "nameNode=hdfs://namenode.prod.example.com:8020" in text
    properties.write_text(
        text.replace("nameNode=hdfs://namenode.prod.example.com:8020", f"nameNode={hdfs.as_uri()}")
    )
    return repo


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a component and everything it started (its own process group)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    for needed in (CLI_JAR, RUNTIME_JAR):
        if not needed.is_file():
            pytest.fail(f"{needed} is missing: build with `mvn install` first (scripts/test.sh)")
    base = tmp_path_factory.mktemp("airflow-deployment")
    hdfs = base / "hdfs"
    shutil.copytree(SAMPLE / "data" / "ref", hdfs / "data" / "clickstream" / "ref")
    for date in [*DATES, day(TRIGGERED)]:
        folder = hdfs / "data" / "clickstream" / "raw" / "page_views" / date
        folder.mkdir(parents=True)
        (folder / "part-00000").write_text("".join(page_views(date)))
    out = base / "migrated"
    converted = subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(legacy_repo(base, hdfs)), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert converted.returncode == 0, converted.stdout + converted.stderr

    home = base / "airflow"
    logs = base / "logs"
    logs.mkdir()
    port = free_port()
    gate = base / "gate.py"
    gate.write_text(GATE)
    hold, pids = base / "hold", base / "pids"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(base),
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(out / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": "2",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
        # One SQLite file for every component: a writer waits up to `timeout` seconds for another's
        # write lock (sqlite3's busy timeout; 5 s by default, which a busy machine exceeds, and the
        # API server then answers 500 "database is locked"). Airflow already sets WAL journaling.
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db?timeout={BUSY_TIMEOUT}",
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__API__WORKERS": "1",
        "AIRFLOW__API__EXPOSE_STACKTRACE": "True",  # a 500's answer names the database's error
        "AIRFLOW__API_AUTH__JWT_SECRET": "ferry-e2e-only",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
    }
    if "JAVA_HOME" in os.environ:
        env["JAVA_HOME"] = os.environ["JAVA_HOME"]
    # Workers (LocalExecutor children of the scheduler) run jobs locally; the dag-processor that
    # parses the DAG files believes in Kubernetes.
    worker_env = {
        **env,
        "FERRY_BACKEND": "local",
        "FERRY_OUTBOX": str(base / "outbox"),
        "FERRY_PARALLELISM": "1",
        "FERRY_RUNTIME_CMD": shlex.join(
            [sys.executable, str(gate), str(hold), str(pids), "java", "-jar", str(RUNTIME_JAR)]
        ),
    }
    parser_env = {**env, "FERRY_BACKEND": "kubernetes"}
    handle = Deployment(base, hdfs, port, hold, pids, env, logs)
    handle.airflow("db", "migrate")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for name, component_env in (
            ("api-server", env),
            ("dag-processor", parser_env),
            ("scheduler", worker_env),
        ):
            with (logs / f"{name}.log").open("wb") as log:
                processes.append(
                    subprocess.Popen(
                        [str(AIRFLOW), name],
                        env=component_env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        deadline = time.monotonic() + 180
        while True:
            with contextlib.suppress(OSError, ValueError):
                dag = handle.api("GET", f"dags/{DAG_ID}")
                if isinstance(dag, dict) and dag.get("dag_id") == DAG_ID:
                    break
            dead = [p.args for p in processes if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                pytest.fail(f"Airflow did not come up (exited: {dead})\n{handle.tail()}")
            time.sleep(2)
        yield handle
    finally:
        hold.unlink(missing_ok=True)
        for process in reversed(processes):
            stop(process)


def test_dag_processor_and_workers_disagreeing_on_the_backend_still_share_task_ids(
    deployment: Deployment,
) -> None:
    """The serialized DAG came from a kubernetes parse (its mail task is the SMTP one); the
    runs below execute on local workers: same task ids, so nothing is 'not found in Dag'."""
    answer = deployment.api("GET", f"dags/{DAG_ID}/tasks")
    assert isinstance(answer, dict)
    served = {task["task_id"]: task["operator_name"] for task in answer["tasks"]}
    assert served["notify-failure.send"] == "SendEmailSmtp", served
    # What a local worker builds from the same file.
    built = import_dags(Path(deployment.env["AIRFLOW__CORE__DAGS_FOLDER"]), deployment.base / "w")
    built = built["operators"][DAG_ID]
    assert built["notify-failure.send"] == "WriteEmailToOutbox", built
    assert sorted(built) == sorted(served)
    assert built["sessionize.run"] == served["sessionize.run"] == "RunFlinkSqlJob"


def test_catch_up_runs_each_logical_date_on_its_own_data(deployment: Deployment) -> None:
    deployment.airflow("dags", "unpause", DAG_ID)
    runs = deployment.wait_for_runs([f"{d}T02:00:00" for d in DATES], {"success", "failed"})
    assert [(str(r["logical_date"])[:19], r["run_type"], r["state"]) for r in runs] == [
        (f"{date}T02:00:00", "scheduled", "success") for date in DATES
    ]
    # max_active_runs=1 (Oozie concurrency 1, FIFO): each run started after the previous ended.
    for earlier, later in itertools.pairwise(runs):
        assert str(earlier["end_date"]) <= str(later["start_date"])
    for run in runs:
        states = deployment.task_states(str(run["dag_run_id"]))
        for task in ("sessionize.run", "revenue-by-country.run", "top-pages.run", "end"):
            assert states[task] == "success", (task, states)
        assert states["fail"] == "skipped", states
    produced = {date: output_rows(deployment.hdfs, "top_pages", date) for date in DATES}
    for date in DATES:
        assert produced[date] == top_pages(page_views(date)), date
        assert output_rows(deployment.hdfs, "sessions", date)
        assert output_rows(deployment.hdfs, "revenue", date)
    assert len({tuple(rows) for rows in produced.values()}) == 3, "the days' inputs differ"
    # The sample's day against what real Pig gave (samples/clickstream/expected); GROUP output
    # has no order, ORDER ... LIMIT has; doubles may differ in the last bits (summation order).
    expected = SAMPLE / "expected"
    for dataset, folder, delimiter in (
        ("sessions", "sessionize", "\t"),
        ("revenue", "revenue", ","),
        ("top_pages", "top_pages", "\t"),
    ):
        rows = output_rows(deployment.hdfs, dataset, DATES[0])
        pig = (expected / folder / "part-00000").read_text().splitlines()
        if dataset != "top_pages":
            rows.sort()
        assert len(rows) == len(pig), dataset
        for want, got in zip(pig, rows, strict=True):
            assert same_fields(want, got, delimiter), (dataset, want, got)
    written = sorted(p.name for p in (deployment.hdfs / "data/clickstream/out/top_pages").iterdir())
    assert written == DATES


def test_cli_trigger_with_a_logical_date_processes_that_date(deployment: Deployment) -> None:
    deployment.airflow("dags", "trigger", DAG_ID, "--logical-date", f"{TRIGGERED}+00:00")
    [run] = deployment.wait_for_runs([TRIGGERED], {"success", "failed"})
    assert (run["run_type"], run["state"]) == ("manual", "success")
    rows = output_rows(deployment.hdfs, "top_pages", day(TRIGGERED))
    assert rows == top_pages(page_views(day(TRIGGERED)))
    written = sorted(p.name for p in (deployment.hdfs / "data/clickstream/out/top_pages").iterdir())
    assert written == [*DATES, day(TRIGGERED)], "the run read no other day's partition"


def test_failing_jobs_end_the_run_failed_through_the_kill_node(deployment: Deployment) -> None:
    shutil.rmtree(deployment.hdfs / "data/clickstream/raw/page_views" / day(MISSING))
    deployment.airflow("dags", "trigger", DAG_ID, "--logical-date", f"{MISSING}+00:00")
    [run] = deployment.wait_for_runs([MISSING], {"success", "failed"})
    assert run["state"] == "failed"
    states = deployment.task_states(str(run["dag_run_id"]))
    assert states["sessionize.run"] == "failed", states
    assert states["notify-failure.send"] == "success", states
    assert states["fail"] == "failed", states
    assert states["end"] == "skipped", states
    # The failure mail (local backend: the outbox) names the day and the failed node.
    mails = sorted((deployment.base / "outbox").rglob("*.eml"))
    assert len(mails) == 1, mails
    assert f"clickstream {day(MISSING)} failed at" in mails[0].read_text()


def test_run_marked_failed_stops_its_running_jobs(deployment: Deployment) -> None:
    deployment.hold.touch()
    before = {
        dataset: output_rows(deployment.hdfs, dataset, day(KILLED))
        for dataset in ("sessions", "revenue", "top_pages")
    }
    deployment.airflow("dags", "trigger", DAG_ID, "--logical-date", f"{KILLED}+00:00")
    # The fork starts sessionize and revenue-by-country: both jobs are held, running.
    deadline = time.monotonic() + WAIT
    while len(pids := _pids(deployment.pids)) < 2:
        if time.monotonic() > deadline:
            pytest.fail(f"the jobs never started\n{deployment.tail()}")
        time.sleep(1)
    [run] = deployment.wait_for_runs([KILLED], {"running"})
    run_id = str(run["dag_run_id"])
    deployment.api("PATCH", f"dags/{DAG_ID}/dagRuns/{run_id}", {"state": "failed"})
    # The workers notice at their next heartbeat and kill the tasks; on_kill stops the jobs.
    deadline = time.monotonic() + 120
    while alive := [pid for pid in pids if _alive(pid)]:
        if time.monotonic() > deadline:
            pytest.fail(f"job processes {alive} outlived their run\n{deployment.tail()}")
        time.sleep(1)
    [run] = deployment.wait_for_runs([KILLED], {"success", "failed"})
    assert run["state"] == "failed"
    states = deployment.task_states(run_id)
    assert states["sessionize.run"] == "failed", states
    assert states["revenue-by-country.run"] == "failed", states
    assert states["end"] != "success", states
    # The jobs never got past the hold: the day's outputs are the catch-up run's, untouched.
    for dataset, rows in before.items():
        assert output_rows(deployment.hdfs, dataset, day(KILLED)) == rows, dataset


def _pids(file: Path) -> list[int]:
    return [int(line) for line in file.read_text().split()] if file.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead but not yet reaped by its (dying) parent.
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z"):
            return False
    return True


def test_a_write_waits_while_another_component_holds_the_database(deployment: Deployment) -> None:
    """The components share one SQLite file, and SQLite lets one writer in at a time: the others
    wait for the lock up to the driver's busy timeout, then fail ("database is locked": the API
    server answers 500). A component slowed down by a busy machine holds its write for seconds,
    longer than the 5 s Python's sqlite3 waits by default. Here the lock is held 8 s while the
    API server writes a variable: it must wait, then write."""
    database = deployment.base / "airflow" / "airflow.db"
    holder = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    released: list[float] = []

    def release() -> None:
        holder.rollback()
        released.append(time.monotonic())

    try:
        holder.execute("BEGIN IMMEDIATE")  # the write lock, as a writing component holds it
        timer = threading.Timer(8, release)
        timer.start()
        answer = deployment.api("POST", "variables", {"key": "ferry-e2e", "value": "held 8 s"})
        answered = time.monotonic()
        timer.join()
    finally:
        holder.close()
    assert isinstance(answer, dict)
    assert (answer["key"], answer["value"]) == ("ferry-e2e", "held 8 s")
    assert deployment.api("GET", "variables/ferry-e2e")["value"] == "held 8 s"
    assert len(released) == 1
    assert answered >= released[0], "the write did not wait for the lock"
