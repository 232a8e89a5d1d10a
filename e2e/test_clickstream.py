"""The sample repository converted, imported by real Airflow and run end to end (local backend).

The DAG's outputs are compared with samples/clickstream/expected/, which the Java differential test
(cli SampleDifferentialTest) checks against real Pig's output on every build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from ferry_runtime.actions.flink_kubernetes import FlinkTls
from ferry_runtime.schema import validate_flink_deployment

from conftest import (
    CRD,
    ROOT,
    SAMPLE,
    assert_ruff_clean,
    import_dags,
    k8s_problems,
    same_fields,
)

RUN_DAG = ROOT / "e2e" / "run_dag.py"
DAY = "2026-01-15"


def run_dag(
    repo: Path, logical_date: str, conf: dict[str, str], tmp: Path
) -> tuple[dict[str, str], str]:
    summary = tmp / "summary.json"
    result = subprocess.run(
        [
            sys.executable,
            str(RUN_DAG),
            "--repo",
            str(repo),
            "--dag",
            "clickstream_daily",
            "--logical-date",
            logical_date,
            "--conf",
            json.dumps(conf),
            "--summary",
            str(summary),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FERRY_OUTBOX": str(tmp / "outbox")},
    )
    assert summary.is_file(), f"the DAG did not run:\n{result.stdout}\n{result.stderr}"
    return json.loads(summary.read_text()), result.stdout + result.stderr


def read_output(directory: Path) -> list[str]:
    lines: list[str] = []
    for part in sorted(p for p in directory.iterdir() if not p.name.startswith((".", "_"))):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return lines


def test_generated_dag_imports_in_airflow(migrated_repo: Path, tmp_path: Path) -> None:
    found = import_dags(migrated_repo / "dags", tmp_path / "airflow")
    assert found["errors"] == {}
    # the sample's DAG, and the janitor every migrated repository gets
    assert list(found["dags"]) == ["clickstream_daily", "ferry_janitor"]
    assert found["dags"]["ferry_janitor"] == ["sweep"]
    task_ids = found["dags"]["clickstream_daily"]
    # Oozie node names are the task ids (actions are task groups named after the node).
    for node in ["analytics-fork", "analytics-join", "publish-decision", "fail", "end"]:
        assert node in task_ids
    for action in ["sessionize", "revenue-by-country", "top-pages", "notify-failure"]:
        assert any(t.startswith(action + ".") for t in task_ids), action


def test_generated_python_is_ruff_clean(migrated_repo: Path) -> None:
    assert_ruff_clean([migrated_repo / "dags"])


def test_kubernetes_objects_validate_against_their_schemas(migrated_repo: Path) -> None:
    files = sorted((migrated_repo / "k8s").rglob("*.yaml"))
    assert [f.stem for f in files] == ["revenue-by-country", "sessionize", "top-pages", "rbac"]
    assert [problem for file in files for problem in k8s_problems(file)] == []
    for file in files[:3]:
        document = yaml.safe_load(file.read_text())
        assert validate_flink_deployment(document, CRD) == [], file
        containers = document["spec"]["podTemplate"]["spec"]["containers"]
        assert containers[0]["name"] == "flink-main-container"


def test_flink_deployments_are_hardened_and_match_the_runtime(migrated_repo: Path) -> None:
    """What the runtime (volume, ConfigMap key) and the image (user, paths) expect is what the
    generated specs say; every pod runs as the image's non-root user, read-only, no capabilities."""
    from ferry_runtime.actions import flink_kubernetes

    for file in sorted((migrated_repo / "k8s").glob("*/*.yaml")):
        spec = yaml.safe_load(file.read_text())["spec"]
        pod = spec["podTemplate"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 9999  # flink in flink:2.2-java17
        (container,) = pod["containers"]
        assert container["securityContext"] == {
            "allowPrivilegeEscalation": False,
            "privileged": False,
            "readOnlyRootFilesystem": True,
            "runAsNonRoot": True,
            "capabilities": {"drop": ["ALL"]},
        }
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes[mounts["/tmp"]]["emptyDir"] == {}
        assert volumes[mounts["/opt/flink/log"]]["emptyDir"] == {}
        sql = volumes[flink_kubernetes.SQL_VOLUME]["configMap"]
        assert sql["items"] == [{"key": flink_kubernetes.SCRIPT_KEY, "path": "job.sql"}]
        mount = next(m for m in container["volumeMounts"] if m["name"] == "ferry-sql")
        assert spec["job"]["args"] == ["--script", f"{mount['mountPath']}/job.sql"]
        config = spec["flinkConfiguration"]
        assert config["kubernetes.operator.jm-deployment.shutdown-ttl"] == "10 min"
        assert config["kubernetes.jobmanager.memory.limit-factor"] == "1.0"
        assert config["kubernetes.taskmanager.memory.limit-factor"] == "1.0"


def test_dag_run_produces_pigs_outputs(migrated_repo: Path, hdfs: Path, tmp_path: Path) -> None:
    states, log = run_dag(
        migrated_repo, f"{DAY}T02:00:00+00:00", {"nameNode": f"file://{hdfs}"}, tmp_path
    )
    assert states["__run__"] == "success", log
    # Oozie's path: fork, both Pig actions, join, decision (publishTopPages=true), top-pages, end.
    for task in ["analytics-fork", "analytics-join", "publish-decision", "end"]:
        assert states[task] == "success", (task, states)
    assert states["fail"] == "skipped"
    assert all(
        state == "skipped" for task, state in states.items() if task.startswith("notify-failure.")
    )
    outputs = {
        "sessionize": ("sessions", "\t"),
        "revenue": ("revenue", ","),
        "top_pages": ("top_pages", "\t"),
    }
    for script, (directory, delimiter) in outputs.items():
        expected = (SAMPLE / "expected" / script / "part-00000").read_text().splitlines()
        actual = read_output(hdfs / "data" / "clickstream" / "out" / directory / DAY)
        if script != "top_pages":  # ORDER ... LIMIT keeps its order; the others are unordered
            actual.sort()
        assert len(actual) == len(expected), script
        for e, a in zip(expected, actual, strict=True):
            assert same_fields(e, a, delimiter), (script, e, a)


def test_failing_job_ends_on_the_kill_path(migrated_repo: Path, hdfs: Path, tmp_path: Path) -> None:
    # No page views exist for 2026-01-16: both Pig actions fail, as Pig would on a missing input.
    states, log = run_dag(
        migrated_repo, "2026-01-16T02:00:00+00:00", {"nameNode": f"file://{hdfs}"}, tmp_path
    )
    assert states["__run__"] == "failed", log
    assert states["fail"] == "failed"
    assert states["analytics-join"] == "skipped"
    assert states["end"] == "skipped"
    assert any(t.startswith("notify-failure.") and s == "success" for t, s in states.items()), (
        states
    )
    assert "Clickstream run for 2026-01-16 failed at [" in log
    mails = sorted((tmp_path / "outbox").rglob("*.eml"))
    assert len(mails) == 1, mails
    assert "clickstream 2026-01-16 failed at" in mails[0].read_text()


def test_runtime_docker_context_matches_what_the_specs_reference(migrated_repo: Path) -> None:
    """No image can be built here: check the build context instead. The image the specs name is
    built FROM flink:2.2-java17, puts the jar where jarURI points, enables the S3 file system,
    runs as the user the pods' runAsUser names, and (baked mode) ships scripts where IMAGE-mode
    specs point; every file it copies exists in the context after the Maven build."""
    from dockerfile_parse import DockerfileParser

    parser = DockerfileParser(path=str(ROOT / "runtime" / "Dockerfile"))
    stages: dict[str, list[dict[str, str]]] = {}
    current = ""
    for instruction in parser.structure:
        if instruction["instruction"] == "COMMENT":
            continue
        if instruction["instruction"] == "FROM":
            words = instruction["value"].split()
            current = words[-1] if "AS" in (w.upper() for w in words) else f"final:{words[0]}"
            stages[current] = []
        stages[current].append(instruction)
    assert list(stages) == ["runtime", "baked", "final:runtime"]
    runtime = stages["runtime"]
    assert runtime[0]["value"].split()[0] == "flink:2.2-java17"
    args = dict(i["value"].split("=", 1) for i in runtime if i["instruction"] == "ARG")
    copies = [i["value"].split() for i in runtime if i["instruction"] == "COPY"]
    users = [i["value"] for i in runtime if i["instruction"] == "USER"]
    runs = " ".join(i["value"] for i in runtime if i["instruction"] == "RUN")
    assert "/opt/flink/plugins/s3-fs-hadoop/" in runs
    jar_copy, lib_copy, pig_udf_copy, hcatalog_copy, entrypoint_copy = copies
    assert jar_copy[0] == "--chown=flink:flink"
    # The TLS entry point: in the context, executable, where the submitted TLS specs point.
    assert entrypoint_copy[0] == "--chmod=0555"
    assert (ROOT / entrypoint_copy[1]).is_file()
    assert entrypoint_copy[2] == FlinkTls.ENTRYPOINT
    source = jar_copy[1].replace("${RUNTIME_JAR}", args["RUNTIME_JAR"])
    assert (ROOT / source).is_file(), f"{source} is not in the build context (mvn package first)"
    # The jars the runtime needs beside Flink's (joda-time for Pig's datetimes, the Avro, ORC and
    # Parquet formats the image's lib/ lacks, their Hadoop classes), none of the ones Flink's image
    # has (its lib/ has csv and json, log4j).
    assert lib_copy[0] == "--chown=flink:flink"
    assert lib_copy[2] == "/opt/flink/usrlib/lib/"
    lib = ROOT / lib_copy[1].replace("${RUNTIME_LIB}", args["RUNTIME_LIB"])
    jars = sorted(p.name for p in lib.glob("*.jar"))
    assert any(name.startswith("joda-time-") for name in jars), jars
    formats = ("flink-avro-", "flink-orc-", "flink-parquet-")
    for format_jar in formats:
        assert any(name.startswith(format_jar) for name in jars), (format_jar, jars)
    assert any(name.startswith("hadoop-common-") for name in jars), jars
    image_has = ("flink-", "log4j-")
    duplicated = [n for n in jars if n.startswith(image_has) and not n.startswith(formats)]
    assert not duplicated, jars
    # The Pig UDF adapter: in the context, where the runner's FERRY_UDF_DIR default points,
    # outside usrlib/ (only the jobs that register it load Pig's classes).
    pig_udf = pig_udf_copy[1].replace("${PIG_UDF_JAR}", args["PIG_UDF_JAR"])
    assert (ROOT / pig_udf).is_file(), f"{pig_udf} is not in the build context (mvn package first)"
    assert pig_udf_copy[2] == "/opt/ferry/udfs/ferry-pig-udf.jar"
    # HCatStorer's partition commit policy: beside the adapter, where the jobs' ADD JAR finds it.
    hcatalog = hcatalog_copy[1].replace("${HCATALOG_JAR}", args["HCATALOG_JAR"])
    assert (ROOT / hcatalog).is_file(), f"{hcatalog} is not in the build context (mvn package)"
    assert hcatalog_copy[2] == "/opt/ferry/udfs/ferry-hcatalog.jar"
    assert users[-1] == "9999:9999"
    for file in sorted((migrated_repo / "k8s").glob("*/*.yaml")):
        spec = yaml.safe_load(file.read_text())["spec"]
        assert spec["job"]["jarURI"] == "local://" + jar_copy[2]
        pod_security = spec["podTemplate"]["spec"]["securityContext"]
        assert f"{pod_security['runAsUser']}:{pod_security['runAsGroup']}" == users[-1]
    baked = [i["value"].split() for i in stages["baked"] if i["instruction"] == "COPY"]
    assert baked == [["--chown=flink:flink", "${MIGRATED_REPO}/flink/", "/opt/ferry/flink/"]]
