"""Every application of the shared corpus (Apache Oozie's examples) converts, and real Airflow
imports what it becomes.

Each example directory is converted as a repository of its own by the real CLI; the generated
DAGs must import through DagBag with zero errors, pass ruff (with the AIR rules) and ruff format,
and every FlinkDeployment must validate against the operator's CRD.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI_JAR, CORPUS, assert_ruff_clean, k8s_problems
from schema_variants import WITH_SIBLINGS, repository, variants

pytestmark = pytest.mark.corpus

APPS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not APPS:
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    out = tmp_path_factory.mktemp("corpus")
    repos: dict[str, Path] = {}
    for app in APPS:
        target = out / app
        repo = CORPUS / app
        if app in WITH_SIBLINGS:
            repo = repository(CORPUS, app, out / "repos" / app)
        result = subprocess.run(
            ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{app} does not convert:\n{result.stderr}"
        assert "\tat " not in result.stderr, result.stderr
        repos[app] = target
    return repos


def test_every_app_has_a_dag(converted: dict[str, Path]) -> None:
    for app, repo in converted.items():
        assert sorted((repo / "dags").glob("*.py")), f"{app}: no DAG written"


def airflow_python(code: str, argument: str, tmp_path: Path) -> object:
    """`code` run by this Python in an Airflow home under tmp_path with `argument`; the JSON its
    last line prints. The runtime is the installed one, or PYTHONPATH's (runtime/python) if set."""
    result = subprocess.run(
        [sys.executable, "-c", code, argument],
        capture_output=True,
        text=True,
        check=True,
        env={
            "AIRFLOW_HOME": str(tmp_path / "airflow"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "PATH": "/usr/bin:/bin",
            "FERRY_BACKEND": "local",
            "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        },
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def import_dags(folders: dict[str, str], tmp_path: Path) -> dict[str, dict]:
    """DagBag over each folder in one Airflow process: {name: {"dags": [...], "errors": {...}}}."""
    probe = (
        "import json, sys; from airflow.dag_processing.dagbag import DagBag; "
        "result = {}\n"
        "for name, folder in json.loads(sys.argv[1]).items():\n"
        "    bag = DagBag(folder)\n"
        "    result[name] = {'dags': sorted(bag.dag_ids),"
        " 'errors': {k: str(v) for k, v in bag.import_errors.items()}}\n"
        "print(json.dumps(result))"
    )
    found = airflow_python(probe, json.dumps(folders), tmp_path)
    assert isinstance(found, dict)
    return found


def test_every_dag_imports_in_airflow(converted: dict[str, Path], tmp_path: Path) -> None:
    found = import_dags({app: str(repo / "dags") for app, repo in converted.items()}, tmp_path)
    assert {app: r["errors"] for app, r in found.items() if r["errors"]} == {}
    assert [app for app, r in found.items() if not r["dags"]] == []


def test_generated_python_is_ruff_clean(converted: dict[str, Path]) -> None:
    assert_ruff_clean([repo / "dags" for repo in converted.values()])


def test_kubernetes_objects_validate_against_their_schemas(converted: dict[str, Path]) -> None:
    files = sorted(f for repo in converted.values() for f in (repo / "k8s").rglob("*.yaml"))
    assert any(f.name != "rbac.yaml" for f in files), "no FlinkDeployment for the Pig actions"
    assert all((repo / "k8s" / "rbac.yaml").is_file() for repo in converted.values())
    assert [problem for file in files for problem in k8s_problems(file)] == []


def test_older_schema_variants_convert_and_import(tmp_path: Path) -> None:
    made = variants(CORPUS, tmp_path / "variants")
    assert len(made) >= 40, sorted(made)
    folders: dict[str, str] = {}
    for name, app in made.items():
        target = tmp_path / "out" / name
        result = subprocess.run(
            ["java", "-jar", str(CLI_JAR), "convert", str(app), "-o", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{name} does not convert:\n{result.stderr}"
        # The variant was read with its own version's schema and JAXB classes, not as 1.0.
        assert "OOZ-W007" not in result.stderr, result.stderr
        folders[name] = str(target / "dags")
    found = import_dags(folders, tmp_path)
    assert {name: r["errors"] for name, r in found.items() if r["errors"]} == {}
    assert [name for name, r in found.items() if not r["dags"]] == []
