"""Runs one generated DAG end to end in real Airflow, on the local backend (`ferry run`).

Sets up a throw-away Airflow home (SQLite), points the DAGs folder at the migrated repository's
dags/, serializes the DAGs (dag.test() refuses unserialized ones) and runs one DAG run with
``dag.test()``. Prints each task's final state; writes them as JSON with --summary. Exits 0 when
the run succeeded, 1 when it failed.

    python -m ferry_runtime.local_run --repo out/clickstream --dag clickstream_daily \
        --logical-date 2026-01-15T02:00:00+00:00 --conf '{"nameNode": "file:///tmp/x"}'
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def airflow_env(repo: Path, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(repo / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
            "FERRY_BACKEND": "local",
        }
    )
    env.setdefault("FERRY_OUTBOX", str(home / "outbox"))
    return env


def prepare_airflow(repo: Path, home: Path) -> dict[str, str]:
    env = airflow_env(repo, home)
    airflow = str(Path(sys.executable).parent / "airflow")
    for command in (["db", "migrate"], ["dags", "reserialize"]):
        subprocess.run([airflow, *command], env=env, check=True, capture_output=True, text=True)
    return env


def run(dag_id: str, logical_date: str, conf: dict[str, str]) -> dict[str, str]:
    """In a process whose environment came from prepare_airflow: one dag.test() run."""
    import pendulum  # type: ignore[import-untyped,unused-ignore]
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag()
    if bag.import_errors:
        raise SystemExit(f"DAG import errors: {bag.import_errors}")
    dag = bag.get_dag(dag_id)
    if dag is None:
        raise SystemExit(f"no DAG {dag_id!r} in {os.environ['AIRFLOW__CORE__DAGS_FOLDER']}")
    dag_run = dag.test(logical_date=pendulum.parse(logical_date), run_conf=conf)
    states = {ti.task_id: str(ti.state) for ti in dag_run.get_task_instances()}
    states["__run__"] = str(dag_run.state)
    return states


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--dag", required=True)
    parser.add_argument("--logical-date", required=True)
    parser.add_argument("--conf", default="{}")
    parser.add_argument("--summary", type=Path)
    parser.add_argument("--in-airflow", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    repo = args.repo.resolve()
    if args.in_airflow:
        states = run(args.dag, args.logical_date, json.loads(args.conf))
        for task, state in sorted(states.items()):
            print(f"{task:45} {state}")
        if args.summary:
            args.summary.write_text(json.dumps(states, indent=2, sort_keys=True))
        return 0 if states["__run__"] == "success" else 1
    with tempfile.TemporaryDirectory(prefix="ferry-airflow-") as home:
        env = prepare_airflow(repo, Path(home))
        command = [sys.executable, "-m", "ferry_runtime.local_run", "--in-airflow", *sys.argv[1:]]
        return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
