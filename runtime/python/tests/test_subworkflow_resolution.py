"""Sub-workflow app-paths known only at run time: the child found among the repository's DAGs.

The converter writes ferry_apps.json beside the DAG files (each workflow's path in the legacy
repository -> its DAG). Oozie reads the app-path when the action starts; an app-path naming no
application fails the action with E0505, and a child deeper than oozie.action.subworkflow.max.depth
(50) fails it too.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from ferry_runtime.actions.subworkflow import DEPTH_KEY, MAX_DEPTH, child_dag_id, child_depth
from ferry_runtime.errors import ActionFailed

APPS = {
    "oozie/util/loop": "loop_wf",
    "oozie/util/loop/workflow.xml": "loop_wf",
    "oozie/webrequest/step": "webrequest_step_wf",
    "oozie/webrequest/step/workflow.xml": "webrequest_step_wf",
}


@pytest.fixture
def dags(tmp_path: Path) -> Path:
    (tmp_path / "ferry_apps.json").write_text(json.dumps({"apps": APPS}))
    (tmp_path / "loop_wf.py").write_text("# a DAG file\n")
    return tmp_path


@pytest.mark.parametrize(
    ("app_path", "dag"),
    [
        # what the parent passes: a full URI, the path on the cluster ends with the repo's path
        (
            "hdfs://analytics-hadoop/wmf/refinery/current/oozie/webrequest/step/workflow.xml",
            "webrequest_step_wf",
        ),
        ("hdfs://nn:8020/wmf/refinery/current/oozie/webrequest/step", "webrequest_step_wf"),
        ("/wmf/refinery/current/oozie/util/loop/workflow.xml", "loop_wf"),
        ("oozie/util/loop/", "loop_wf"),
    ],
)
def test_the_longest_tail_names_the_child(dags: Path, app_path: str, dag: str) -> None:
    assert child_dag_id(app_path, dags) == dag


def test_wf_app_path_of_a_dag_names_the_dag_itself(dags: Path) -> None:
    # wf:appPath() is the DAG file: a loop calling itself runs its own DAG again
    assert child_dag_id(str(dags / "loop_wf.py"), dags) == "loop_wf"


@pytest.mark.parametrize("app_path", ["hdfs://nn/wmf/other/app", "", "hdfs://nn"])
def test_an_app_path_naming_no_dag_fails_as_oozie_e0505(dags: Path, app_path: str) -> None:
    with pytest.raises(ActionFailed) as failure:
        child_dag_id(app_path, dags)
    assert failure.value.code == "E0505"
    assert f"App definition [{app_path}] does not exist" in failure.value.message


def _context(conf: dict[str, str]) -> dict[str, object]:
    return {"dag_run": SimpleNamespace(conf=conf)}


def test_each_child_is_one_deeper_up_to_oozies_maximum() -> None:
    assert child_depth(_context({})) == 1
    assert child_depth(_context({DEPTH_KEY: "7"})) == 8
    assert child_depth(_context({DEPTH_KEY: str(MAX_DEPTH - 1)})) == MAX_DEPTH
    with pytest.raises(ActionFailed, match=r"Depth \[51\] cannot exceed maximum \[50\]"):
        child_depth(_context({DEPTH_KEY: str(MAX_DEPTH)}))
