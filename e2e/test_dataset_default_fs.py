"""A dataset uri-template without a scheme (`/data/logs/${YEAR}/...`) is on the name-node.

Oozie checks such a URI on its server's fs.defaultFS; the converted DAG puts it on the workflow's
`<global>` name-node. Here the name-node is a `file://` directory, so under dag.test() the input
sensor finds the instance only if it looks there, not on the worker's `/data` (where it would give
up after the coordinator's one-minute timeout and fail the run).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import CLI_JAR, run_generated_dag

COORDINATOR = """<coordinator-app xmlns="uri:oozie:coordinator:0.4" name="logs-coord"
    frequency="${coord:days(1)}" start="2024-01-01T00:00Z" end="2024-02-01T00:00Z" timezone="UTC">
  <controls><timeout>1</timeout></controls>
  <datasets>
    <dataset name="logs" frequency="${coord:days(1)}" initial-instance="2024-01-01T00:00Z"
             timezone="UTC">
      <uri-template>/data/logs/${YEAR}/${MONTH}/${DAY}</uri-template>
    </dataset>
  </datasets>
  <input-events>
    <data-in name="in" dataset="logs"><instance>${coord:current(0)}</instance></data-in>
  </input-events>
  <action><workflow><app-path>${nameNode}/app</app-path></workflow></action>
</coordinator-app>
"""

WORKFLOW = """<workflow-app xmlns="uri:oozie:workflow:0.5" name="logs-wf">
  <global><name-node>${nameNode}</name-node></global>
  <start to="end"/>
  <end name="end"/>
</workflow-app>
"""


def test_sensor_looks_for_a_scheme_less_instance_on_the_name_node(tmp_path: Path) -> None:
    name_node = tmp_path / "namenode"
    instance = name_node / "data" / "logs" / "2024" / "01" / "05"
    instance.mkdir(parents=True)
    (instance / "_SUCCESS").write_text("")
    app = tmp_path / "legacy" / "app"
    app.mkdir(parents=True)
    (app / "coordinator.xml").write_text(COORDINATOR)
    (app / "workflow.xml").write_text(WORKFLOW)
    (app / "job.properties").write_text(
        f"nameNode=file://{name_node}\noozie.coord.application.path=${{nameNode}}/app\n"
    )
    migrated = tmp_path / "migrated"
    converted = subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(tmp_path / "legacy"), "-o", str(migrated)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert converted.returncode == 0, converted.stdout + converted.stderr
    assert (
        "default_fs=\"{{ wf.conf('nameNode') }}\""
        in (migrated / "dags" / "logs_coord.py").read_text()
    )
    states, log = run_generated_dag(
        migrated, "logs_coord", "2024-01-05T00:00:00+00:00", {}, tmp_path
    )
    assert states["__run__"] == "success", log[-4000:]
    assert states["input-events.in"] == "success"
