"""The Oozie sub-workflow action: run the child workflow's DAG and wait for it.

Group: run -> outcome. The child's conf is the action's <configuration> (rendered per run), over
the parent's job configuration (params, then the run's conf) when <propagate-configuration/> is
there, as SubWorkflowActionExecutor builds it. The child's failure fails `run`: the action's
error transition.
- kubernetes backend (a real deployment, with a scheduler): the standard provider's
  TriggerDagRunOperator with wait_for_completion; a retry triggers a new child run.
- local backend: the child runs in a child process with dag.test() (no scheduler there to pick a
  triggered run up), on the parent's logical date plus its depth in microseconds (one run per DAG
  and date: a loop calling itself); `python -m ferry_runtime.actions.subworkflow`.

An app-path known only at run time (`${wf:appPath()}` in a loop calling itself, a property the
parent passes) is rendered when the action starts and looked up among the repository's DAGs:
`ferry_apps.json` beside the DAG files maps each workflow's path in the legacy repository to its
DAG,
and the app-path's longest tail that names one wins (as the translator finds a static child); a
DAG file itself (what wf:appPath() gives) names its DAG. None: the action fails with Oozie's E0505.
Each child's conf carries its depth (`oozie.action.subworkflow.depth`), and a child deeper than
oozie.action.subworkflow.max.depth (50, Oozie's default) fails the action, as in Oozie.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.transitions import enter

APPS_FILE: Final = "ferry_apps.json"  # written by the converter beside the DAG files
DEPTH_KEY: Final = "oozie.action.subworkflow.depth"  # SubWorkflowActionExecutor's conf key
MAX_DEPTH: Final = 50  # oozie-default.xml oozie.action.subworkflow.max.depth


@dataclass(frozen=True)
class SubWorkflow:
    """An Oozie <sub-workflow>: `dag` is the child's DAG id, or None when `app_path` (Jinja) names
    it at run time; configuration values are Jinja."""

    node: str
    dag: str | None
    configuration: Mapping[str, str] = field(default_factory=dict)
    propagate_configuration: bool = False
    app_path: str | None = None


def child_dag_id(app_path: str, dags_folder: Path) -> str:
    """The DAG an app-path names at run time (module docstring); ActionFailed E0505 when none."""
    path = app_path.strip()
    if "://" in path:
        path = path.split("://", 1)[1]
        path = path[path.find("/") :] if "/" in path else ""
    if path.endswith(".py") and (dags_folder / Path(path).name).is_file():
        return Path(path).stem
    apps_file = dags_folder / APPS_FILE
    apps: dict[str, str] = {}
    if apps_file.is_file():
        apps = json.loads(apps_file.read_text(encoding="utf-8")).get("apps", {})
    segments = [s for s in path.split("/") if s and s != "."]
    for start in range(len(segments)):
        tail = "/".join(segments[start:])
        if tail in apps:
            return apps[tail]
    raise ActionFailed(f"E0505: App definition [{app_path}] does not exist", "E0505")


def child_depth(context: Mapping[str, Any]) -> int:
    """The depth of the child this run starts (the top workflow is depth 0); fails past the max."""
    run_conf = getattr(context.get("dag_run"), "conf", None) or {}
    depth = int(run_conf.get(DEPTH_KEY, 0)) + 1
    if depth > MAX_DEPTH:
        raise ActionFailed(
            f"Depth [{depth}] cannot exceed maximum [{MAX_DEPTH}]"
            " (oozie.action.subworkflow.max.depth): the sub-workflows recurse too deep",
            "SUBWF001",
        )
    return depth


def _dags_folder(context: Mapping[str, Any]) -> Path:
    dag = context.get("dag")
    return Path(getattr(dag, "fileloc", "") or ".").parent


def resolve_child(sub: SubWorkflow, app_path: str | None, context: Mapping[str, Any]) -> str:
    """The child's DAG id: the static one, else the rendered app-path's."""
    if sub.dag is not None:
        return sub.dag
    return child_dag_id(app_path or "", _dags_folder(context))


def child_conf(
    configuration: Mapping[str, Any], propagate: bool, context: Mapping[str, Any]
) -> dict[str, str]:
    """<configuration> over, with propagate-configuration, the parent's params and run conf."""
    conf: dict[str, str] = {}
    if propagate:
        params = context.get("params") or {}
        conf.update({str(k): str(v) for k, v in dict(params).items() if v is not None})
        run_conf = getattr(context.get("dag_run"), "conf", None) or {}
        conf.update({str(k): str(v) for k, v in run_conf.items() if v is not None})
    conf.update({str(k): str(v) for k, v in configuration.items()})
    return conf


def trigger_operator(sub: SubWorkflow, **kwargs: Any) -> BaseOperator:
    """kubernetes backend: TriggerDagRunOperator that enters like every node and waits."""
    from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator

    class TriggerSubWorkflow(TriggerDagRunOperator):
        template_fields = (*TriggerDagRunOperator.template_fields, "configuration", "app_path")

        def __init__(self, **inner: Any) -> None:
            super().__init__(**inner)
            self.ferry_node = sub.node
            self.configuration = dict(sub.configuration)
            self.app_path = sub.app_path

        def execute(self, context: Any) -> Any:
            enter(self, context)
            with failure_recorded(context, "SUBWORKFLOW_FAILED"):
                self.trigger_dag_id = resolve_child(sub, self.app_path, context)
                self.conf = child_conf(self.configuration, sub.propagate_configuration, context)
                self.conf[DEPTH_KEY] = str(child_depth(context))
            # Raises DagRunTriggerException: the task runner triggers the child and waits for it.
            return super().execute(context)

    kwargs.setdefault("task_id", "run")
    return TriggerSubWorkflow(
        trigger_dag_id=sub.dag or "(resolved at run time)",
        wait_for_completion=True,
        allowed_states=["success"],
        failed_states=["failed"],
        poke_interval=30,
        **kwargs,
    )


class RunSubWorkflowLocally(BaseOperator):
    """local backend: the child DAG's run, with dag.test() in a child process."""

    template_fields = ("configuration", "app_path")
    ui_color = "#f0e4ff"

    def __init__(self, *, sub: SubWorkflow, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = sub.node
        self.sub = sub
        self.child_dag = sub.dag
        self.configuration = dict(sub.configuration)
        self.app_path = sub.app_path
        self.propagate = sub.propagate_configuration

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "SUBWORKFLOW_FAILED"):
            self.child_dag = resolve_child(self.sub, self.app_path, context)
            conf = child_conf(self.configuration, self.propagate, context)
            depth = child_depth(context)
            conf[DEPTH_KEY] = str(depth)
            logical_date = context.get("logical_date")
            if logical_date is not None:
                # Airflow keeps one run per DAG and logical date: a child of the same DAG (a loop
                # calling itself) runs `depth` microseconds after its parent's date.
                logical_date = logical_date + timedelta(microseconds=depth)
            command = [
                sys.executable,
                "-m",
                "ferry_runtime.actions.subworkflow",
                self.child_dag,
                "--conf",
                json.dumps(conf, sort_keys=True),
            ]
            if logical_date is not None:
                command += ["--logical-date", logical_date.isoformat()]
            self.log.info("sub-workflow '%s': running DAG %s", self.ferry_node, self.child_dag)
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            for line in (result.stdout + result.stderr).splitlines():
                self.log.info("%s: %s", self.child_dag, line)
            if result.returncode != 0:
                raise ActionFailed(
                    f"sub-workflow {self.child_dag} ended "
                    + ("FAILED" if result.returncode == 1 else f"abnormally ({result.returncode})"),
                    "SUBWORKFLOW_FAILED",
                )


def main(argv: list[str] | None = None) -> int:
    """Run one DAG with dag.test(); exit 0 when the run succeeded, 1 when it failed."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("dag")
    parser.add_argument("--conf", default="{}")
    parser.add_argument("--logical-date")
    args = parser.parse_args(argv)
    import pendulum
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag().get_dag(args.dag)
    if dag is None:
        print(f"DAG {args.dag} not found", file=sys.stderr)
        return 2
    logical_date = pendulum.parse(args.logical_date) if args.logical_date else None
    dag_run = dag.test(logical_date=logical_date, run_conf=json.loads(args.conf))
    for ti in dag_run.get_task_instances():
        print(f"{ti.task_id} {ti.state}")
    print(f"run {dag_run.run_id} {dag_run.state}")
    return 0 if str(dag_run.state) == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
