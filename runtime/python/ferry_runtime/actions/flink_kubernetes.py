"""FERRY_BACKEND=kubernetes: one FlinkDeployment per job try, removed whatever happens.

Group (every backend): run -> delete -> outcome.
- run (`RunFlinkSqlJob`) picks the backend when it runs. On Kubernetes it creates this try's
  FlinkDeployment from the repo's YAML (a per-try name, run labels, `--param` arguments appended
  to `spec.job.args`) and, when the YAML mounts the `ferry-sql` volume, a ConfigMap holding the
  SQL script, owned by the deployment; secret parameters (by name) go into a per-try Secret, also
  owned by the deployment, and reach the job as `--param-env NAME=VAR` with VAR from a
  `secretKeyRef`, so no secret value is written into the FlinkDeployment. It then polls
  `status.jobStatus.state` (FINISHED = success;
  FAILED, CANCELED, `lifecycleState == FAILED` or a JobManager in ERROR = failure, logged with
  `status.error` and the JobManager's last log lines). The stock FlinkKubernetesSensor only checks
  that the JobManager is READY, which a batch job's deployment is long before the job finishes.
- delete always runs (all_done): the operator never removes a finished batch deployment.

What else removes a deployment, so none outlives its run: the next try deletes the previous try's
before creating its own; `on_kill` deletes (task killed, marked failed, execution timeout); the
DAG's failure callback (`cleanup_dag_run`: run failed, dagrun_timeout) deletes everything the run
labelled; the generated janitor DAG (`ferry_runtime.janitor`) sweeps the rest; in a worker pod
that lives as long as the wait (poke mode under the KubernetesExecutor) the deployment is owned by
that pod, so Kubernetes garbage-collects it when the worker dies. Every delete is retried with
backoff; 404 means done.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, Final

import yaml

from ferry_runtime import trigger_rules
from ferry_runtime._airflow import AirflowSkipException, BaseOperator, BaseSensorOperator
from ferry_runtime.actions.flink_job import FlinkSqlJob, runtime_args, secret_params
from ferry_runtime.actions.kubernetes_api import (
    CONFIG_MAP,
    FLINK_DEPLOYMENT,
    GROUP,
    SECRET,
    KubernetesApi,
    http_status,
)
from ferry_runtime.actions.kubernetes_api import kubernetes_api as _hook_api
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.hadoop_fs import default_fs_uri
from ferry_runtime.redaction import secrets_of
from ferry_runtime.run_context import xcom_pull, xcom_push
from ferry_runtime.transitions import enter

KIND: Final = FLINK_DEPLOYMENT
DEPLOYMENT_KEY: Final = "deployment"  # XCom of run: {"name", "namespace", "config_map", "secret"}
MAX_NAME_LENGTH: Final = 45  # leaves room for the "-taskmanager-1-1" pods Flink derives from it

# The generated YAML mounts the script from this volume (a ConfigMap made per try), key SCRIPT_KEY.
SQL_VOLUME: Final = "ferry-sql"
# Flink's name for the file system scheme-less paths resolve on (Hadoop's fs.defaultFS).
DEFAULT_FS_OPTION: Final = "fs.default-scheme"
SCRIPT_KEY: Final = "job.sql"
CONFIG_MAP_SUFFIX: Final = "-sql"
MAX_CONFIG_MAP_BYTES: Final = 1024 * 1024  # the API server's limit for one object
SECRET_SUFFIX: Final = "-params"

MANAGED_BY: Final = ("app.kubernetes.io/managed-by", "ferry")
LABEL_DAG: Final = "ferry/dag"
LABEL_TASK: Final = "ferry/task"
LABEL_RUN: Final = "ferry/run"
LABEL_TRY: Final = "ferry/try"
# Labels are sanitized and cut to 63 chars; the exact ids go into annotations.
ANNOTATION_DAG_ID: Final = "ferry/dag-id"
ANNOTATION_RUN_ID: Final = "ferry/run-id"
ANNOTATION_TASK_ID: Final = "ferry/task-id"
ANNOTATION_TRY: Final = "ferry/try-number"

JOBMANAGER_CONTAINER: Final = "flink-main-container"
JOBMANAGER_LOG_LINES: Final = 40

# Seconds between delete attempts: 6 attempts over about a minute, then the task fails loudly
# (and the janitor still finds the deployment by its labels).
DELETE_BACKOFF: tuple[float, ...] = (1, 2, 4, 8, 16)

SUCCEEDED: Final = "succeeded"
FAILED: Final = "failed"

# The downward API env of a worker pod (KubernetesExecutor pod template).
POD_ENV: Final = ("POD_NAME", "POD_UID", "POD_NAMESPACE")


@dataclass(frozen=True)
class StatusRule:
    """A FlinkDeployment status field value that ends the wait."""

    field: str  # dotted path under .status
    value: str
    verdict: str
    code: str | None = None  # wf:errorCode() when the verdict is FAILED


# First matching row wins; no match means the job is still on its way.
STATUS_RULES: Final[tuple[StatusRule, ...]] = (
    StatusRule("jobStatus.state", "FINISHED", SUCCEEDED),
    StatusRule("jobStatus.state", "FAILED", FAILED, "FLINK_JOB_FAILED"),
    StatusRule("jobStatus.state", "CANCELED", FAILED, "FLINK_JOB_CANCELED"),
    StatusRule("lifecycleState", "FAILED", FAILED, "FLINK_DEPLOYMENT_FAILED"),
    # The JobManager crashed or cannot start (a batch job is not recovered: no HA, stateless).
    StatusRule("jobManagerDeploymentStatus", "ERROR", FAILED, "FLINK_JOBMANAGER_FAILED"),
)


def kubernetes_api(conn_id: str) -> KubernetesApi:
    """The API the tasks talk to (tests replace this function)."""
    return _hook_api(conn_id)


# ---------------------------------------------------------------------------- pure helpers


def deployment_name(base: str, dag_id: str, run_id: str, try_number: int) -> str:
    """`<base>-<8 hex of sha1(dag_id + run_id + try)>`: a DNS-1035 label of at most 45 chars.

    One name per task try: a retry or a cleared task creates a new deployment rather than
    changing a finished one (the operator would re-run a finished job on any spec change).
    """
    digest = hashlib.sha1(f"{dag_id}{run_id}{try_number}".encode()).hexdigest()[:8]
    stem = re.sub(r"[^a-z0-9-]+", "-", base.lower())
    stem = re.sub(r"^[^a-z]+", "", stem)  # Services named after it must start with a letter
    stem = stem[: MAX_NAME_LENGTH - len(digest) - 1].rstrip("-")
    return f"{stem or 'flink'}-{digest}"


def label_value(text: str) -> str:
    """`text` as a valid Kubernetes label value (63 chars of [A-Za-z0-9_.-], alphanumeric ends)."""
    value = re.sub(r"[^A-Za-z0-9_.-]", "_", text)[:63]
    return value.strip("_.-")


def run_selector(dag_id: str, run_id: str | None = None) -> str:
    """The label selector of what Ferry created for a DAG (and one of its runs)."""
    parts = [f"{MANAGED_BY[0]}={MANAGED_BY[1]}", f"{LABEL_DAG}={label_value(dag_id)}"]
    if run_id is not None:
        parts.append(f"{LABEL_RUN}={label_value(run_id)}")
    return ",".join(parts)


def namespace_of(
    doc: Mapping[str, Any],
    explicit: str | None,
    params: Mapping[str, Any],
    connection_namespace: Callable[[], str | None] = lambda: None,
) -> str:
    """The YAML's namespace, else the task's, the `ferry_namespace` param, FERRY_NAMESPACE, the
    Kubernetes connection's; never a silent `default` (a job in the wrong namespace runs with the
    wrong service account, quota and secrets)."""
    for candidate in (
        (doc.get("metadata") or {}).get("namespace"),
        explicit,
        params.get("ferry_namespace"),
        os.environ.get("FERRY_NAMESPACE"),
    ):
        if candidate and str(candidate).strip():
            return str(candidate).strip()
    from_connection = connection_namespace()
    if from_connection:
        return str(from_connection)
    raise ActionFailed(
        "no Kubernetes namespace for the FlinkDeployment: set the DAG param ferry_namespace, "
        "FERRY_NAMESPACE, or the namespace of the Kubernetes connection",
        "SUBMIT_FAILED",
    )


def deployment_body(
    doc: Mapping[str, Any],
    *,
    name: str,
    namespace: str,
    labels: Mapping[str, str],
    args: Sequence[str],
    annotations: Mapping[str, str] | None = None,
    owner: Mapping[str, Any] | None = None,
    config_map: str | None = None,
    secret: str | None = None,
    secret_env: Sequence[str] = (),
    tls: FlinkTls | None = None,
    default_fs: str | None = None,
) -> dict[str, Any]:
    """The FlinkDeployment to create: the repo's YAML renamed, labelled, with `args` appended,
    its `ferry-sql` volume pointed at `config_map`, owned by `owner` if given; each variable of
    `secret_env` set in the Flink containers from the key of that name in the Secret `secret`;
    TLS on when `tls` is given; `default_fs` as Flink's `fs.default-scheme` of the JobManager and
    TaskManagers."""
    if doc.get("kind") != KIND or not str(doc.get("apiVersion", "")).startswith(f"{GROUP}/"):
        raise ActionFailed(
            f"not a {KIND}: apiVersion={doc.get('apiVersion')!r} kind={doc.get('kind')!r}",
            "SUBMIT_FAILED",
        )
    body = copy.deepcopy(dict(doc))
    metadata = body.setdefault("metadata", {})
    metadata["name"] = name
    metadata["namespace"] = namespace
    metadata["labels"] = {**(metadata.get("labels") or {}), **labels}
    if annotations:
        metadata["annotations"] = {**(metadata.get("annotations") or {}), **annotations}
    if owner:
        metadata["ownerReferences"] = [dict(owner)]
    job = (body.get("spec") or {}).get("job")
    if not isinstance(job, dict):
        raise ActionFailed(
            f"{KIND} {doc.get('metadata', {}).get('name')!r} has no spec.job: "
            "a Ferry job runs in application mode",
            "SUBMIT_FAILED",
        )
    job["args"] = [*(job.get("args") or []), *args]
    if default_fs and default_fs.strip():
        # Every Flink process resolves scheme-less paths on it, not only the main (args).
        body["spec"].setdefault("flinkConfiguration", {})[DEFAULT_FS_OPTION] = default_fs_uri(
            default_fs
        )
    volume = sql_volume(body)
    if volume is not None:
        if config_map is None:
            raise ActionFailed(
                f"{KIND} {name}: the {SQL_VOLUME} volume needs a ConfigMap", "SUBMIT_FAILED"
            )
        volume["configMap"]["name"] = config_map
    if secret_env:
        if secret is None:
            raise ActionFailed(f"{KIND} {name}: secret parameters need a Secret", "SUBMIT_FAILED")
        add_secret_env(body, secret, secret_env)
    if tls is not None:
        tls.apply(body)
    # Pods carry the run's labels too (cost attribution per run, the janitor's selectors).
    pod_metadata = body["spec"].setdefault("podTemplate", {}).setdefault("metadata", {})
    pod_metadata["labels"] = {**(pod_metadata.get("labels") or {}), **labels}
    return body


def main_container(body: dict[str, Any]) -> dict[str, Any]:
    """The pod template's Flink container (JobManager and TaskManagers both start from it; the
    JobManager runs the job's main), created if the YAML has none."""
    pod_spec = body["spec"].setdefault("podTemplate", {}).setdefault("spec", {})
    containers = pod_spec.setdefault("containers", [])
    main = next((c for c in containers if c.get("name") == JOBMANAGER_CONTAINER), None)
    if main is None:
        main = {"name": JOBMANAGER_CONTAINER}
        containers.append(main)
    return main


def secret_key_env(variable: str, secret: str, key: str) -> dict[str, Any]:
    return {"name": variable, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def add_secret_env(body: dict[str, Any], secret: str, variables: Sequence[str]) -> None:
    """Set `variables` in the Flink containers from the keys of the same names in `secret`."""
    main = main_container(body)
    main["env"] = [
        *(main.get("env") or []),
        *(secret_key_env(variable, secret, variable) for variable in variables),
    ]


@dataclass(frozen=True)
class FlinkTls:
    """TLS between the job's Flink processes (and, with `rest`, on its REST endpoint), keys and
    certificates from the Kubernetes Secret `secret`: `keystore.p12` and `truststore.p12` (PKCS12;
    for internal TLS one self-signed key pair can be both) and `password`, the password of both
    stores and of the key. The stores are mounted read-only; the password reaches Flink only
    through the image's TLS entry point (runtime/docker/flink-tls-entrypoint.sh), never through the
    FlinkDeployment or its ConfigMap."""

    secret: str
    rest: bool = False

    MOUNT: ClassVar[str] = "/opt/ferry/tls"
    VOLUME: ClassVar[str] = "ferry-tls"
    ENTRYPOINT: ClassVar[str] = "/opt/ferry/bin/flink-tls-entrypoint.sh"
    PASSWORD_ENV: ClassVar[str] = "FERRY_TLS_PASSWORD"
    PASSWORD_KEY: ClassVar[str] = "password"
    STORES: ClassVar[tuple[str, ...]] = ("keystore.p12", "truststore.p12")

    @classmethod
    def of(cls, params: Mapping[str, Any], environ: Mapping[str, str]) -> FlinkTls | None:
        """From the DAG params `ferry_flink_tls_secret` / `ferry_flink_tls_rest`, else the
        worker's FERRY_FLINK_TLS_SECRET / FERRY_FLINK_TLS_REST; None when no Secret is named."""
        secret = str(
            params.get("ferry_flink_tls_secret") or environ.get("FERRY_FLINK_TLS_SECRET") or ""
        ).strip()
        if not secret:
            return None
        rest = params.get("ferry_flink_tls_rest", environ.get("FERRY_FLINK_TLS_REST", "false"))
        return cls(secret, str(rest).strip().lower() in ("1", "true", "yes"))

    def configuration(self) -> dict[str, str]:
        """The flinkConfiguration entries: stores by path, passwords deliberately absent."""
        entries = {"kubernetes.entry.path": self.ENTRYPOINT}
        for scope in ("internal", "rest") if self.rest else ("internal",):
            entries[f"security.ssl.{scope}.enabled"] = "true"
            entries[f"security.ssl.{scope}.keystore"] = f"{self.MOUNT}/keystore.p12"
            entries[f"security.ssl.{scope}.truststore"] = f"{self.MOUNT}/truststore.p12"
        return entries

    def apply(self, body: dict[str, Any]) -> None:
        name = body["metadata"]["name"]
        configuration = body["spec"].setdefault("flinkConfiguration", {})
        written = sorted(k for k in configuration if re.fullmatch(r"security\.ssl\..*password", k))
        if written:
            raise ActionFailed(
                f"{KIND} {name}: TLS is on (Secret {self.secret}), so its passwords come from the "
                f"Secret; remove {', '.join(written)} from the YAML's flinkConfiguration",
                "SUBMIT_FAILED",
            )
        configuration.update(self.configuration())
        pod_spec = body["spec"].setdefault("podTemplate", {}).setdefault("spec", {})
        pod_spec["volumes"] = [
            *(pod_spec.get("volumes") or []),
            {
                "name": self.VOLUME,
                "secret": {
                    "secretName": self.secret,
                    "defaultMode": 0o440,  # the pods' fsGroup (the flink user's group) reads it
                    "items": [{"key": store, "path": store} for store in self.STORES],
                },
            },
        ]
        main = main_container(body)
        main["volumeMounts"] = [
            *(main.get("volumeMounts") or []),
            {"name": self.VOLUME, "mountPath": self.MOUNT, "readOnly": True},
        ]
        main["env"] = [
            *(main.get("env") or []),
            secret_key_env(self.PASSWORD_ENV, self.secret, self.PASSWORD_KEY),
        ]


def owned_metadata(
    name: str,
    namespace: str,
    labels: Mapping[str, str],
    annotations: Mapping[str, str],
    owner: Mapping[str, Any],
) -> dict[str, Any]:
    """Metadata of an object a try's FlinkDeployment owns (its ConfigMap, its Secret)."""
    return {
        "name": name,
        "namespace": namespace,
        "labels": dict(labels),
        "annotations": dict(annotations),
        "ownerReferences": [dict(owner)],
    }


def secret_body(
    name: str,
    namespace: str,
    values: Mapping[str, str],
    labels: Mapping[str, str],
    annotations: Mapping[str, str],
    owner: Mapping[str, Any],
) -> dict[str, Any]:
    """The per-try Secret holding the job's secret parameters, owned by its FlinkDeployment."""
    return {
        "apiVersion": "v1",
        "kind": SECRET,
        "metadata": owned_metadata(name, namespace, labels, annotations, owner),
        "type": "Opaque",
        "stringData": dict(values),
    }


def sql_volume(body: Mapping[str, Any]) -> dict[str, Any] | None:
    """The pod template's `ferry-sql` ConfigMap volume, if the YAML ships the script that way."""
    pod_spec = ((body.get("spec") or {}).get("podTemplate") or {}).get("spec") or {}
    for volume in pod_spec.get("volumes") or []:
        if volume.get("name") == SQL_VOLUME and isinstance(volume.get("configMap"), dict):
            return volume
    return None


def shipped_files(volume: Mapping[str, Any], script: Path) -> dict[str, bytes]:
    """The files besides the script that the `ferry-sql` volume lists (the jars the job REGISTERs,
    under `udfs/`), by ConfigMap key: each read from its item path in the script's directory, which
    the path must not leave."""
    base = script.parent.resolve()
    files = {}
    for item in volume["configMap"].get("items") or []:
        key, path = item.get("key"), item.get("path")
        if key == SCRIPT_KEY:
            continue
        file = (base / str(path)).resolve()
        if not isinstance(key, str) or not isinstance(path, str) or not file.is_relative_to(base):
            raise ActionFailed(
                f"the {SQL_VOLUME} volume lists {path!r}, which is not a file beside the script",
                "SUBMIT_FAILED",
            )
        if not file.is_file():
            raise ActionFailed(
                f"{file} is missing: the job's REGISTERed jars are written beside its script "
                "by ferry convert",
                "SUBMIT_FAILED",
            )
        files[key] = file.read_bytes()
    return files


def config_map_body(
    name: str,
    namespace: str,
    script: str,
    labels: Mapping[str, str],
    annotations: Mapping[str, str],
    owner: Mapping[str, Any],
    files: Mapping[str, bytes] | None = None,
) -> dict[str, Any]:
    """The per-try ConfigMap holding the SQL script (and `files`, the jars the job REGISTERs, as
    binary data), owned by its FlinkDeployment."""
    files = files or {}
    size = len(script.encode("utf-8")) + sum(len(data) for data in files.values())
    if size > MAX_CONFIG_MAP_BYTES:
        what = "the SQL script and its jars are" if files else "the SQL script is"
        raise ActionFailed(
            f"{what} larger than a ConfigMap can hold ({MAX_CONFIG_MAP_BYTES} bytes): ship the "
            "script in the image or on s3:// / gs://, and large jars in an image built FROM the "
            "runtime image (--param FERRY_UDF_JARS=<their directory>, their items dropped from "
            f"the {SQL_VOLUME} volume)",
            "SUBMIT_FAILED",
        )
    body = {
        "apiVersion": "v1",
        "kind": CONFIG_MAP,
        "metadata": owned_metadata(name, namespace, labels, annotations, owner),
        "data": {SCRIPT_KEY: script},
    }
    if files:
        body["binaryData"] = {
            key: base64.b64encode(data).decode("ascii") for key, data in sorted(files.items())
        }
    return body


def owner_reference(kind: str, api_version: str, name: str, uid: str) -> dict[str, Any]:
    return {
        "apiVersion": api_version,
        "kind": kind,
        "name": name,
        "uid": uid,
        "blockOwnerDeletion": False,
        "controller": False,
    }


def worker_pod_owner(
    namespace: str, mode: str, environ: Mapping[str, str]
) -> dict[str, Any] | None:
    """The worker pod as owner, when that pod outlives the whole wait.

    Only under the KubernetesExecutor (POD_NAME/POD_UID from the downward API), only in poke
    mode (in reschedule mode each poke is a new pod: the first one's exit would collect the
    running job) and only in the pod's own namespace (owners cannot be in another namespace).
    """
    name, uid, pod_namespace = (environ.get(key) for key in POD_ENV)
    if not (name and uid) or mode != "poke" or (pod_namespace or namespace) != namespace:
        return None
    return owner_reference("Pod", "v1", name, uid)


def job_verdict(status: Mapping[str, Any]) -> StatusRule | None:
    """The rule that ends the wait for this `.status`, or None while the job is still running."""
    for rule in STATUS_RULES:
        value: Any = status
        for part in rule.field.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value == rule.value:
            return rule
    return None


def error_text(status: Mapping[str, Any]) -> str:
    """`status.error`'s message (the operator stores a JSON-serialized exception there)."""
    raw = status.get("error")
    if not raw:
        return ""
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return str(raw)
    if isinstance(parsed, Mapping) and parsed.get("message"):
        kind = parsed.get("type")
        return f"{kind}: {parsed['message']}" if kind else str(parsed["message"])
    return str(raw)


def retryable(status: int | None) -> bool:
    """Worth another attempt: no answer (connection), throttled, server error, conflict."""
    return status is None or status in (409, 429) or status >= 500


# ---------------------------------------------------------------------------- API operations


def delete_object(api: KubernetesApi, kind: str, name: str, namespace: str, log: Any) -> None:
    """Delete with backoff; 404 means already gone. Raises after the last attempt fails."""
    for attempt, pause in enumerate((*DELETE_BACKOFF, None), start=1):
        try:
            api.delete(kind, namespace, name)
        except Exception as exc:
            status = http_status(exc)
            if status == 404:
                log.info("%s %s/%s: not there (nothing to delete)", kind, namespace, name)
                return
            if pause is None or not retryable(status):
                log.error(
                    "%s %s/%s: delete failed (attempt %d): %s", kind, namespace, name, attempt, exc
                )
                raise
            log.warning(
                "%s %s/%s: delete answered %s (attempt %d); again in %s s",
                kind,
                namespace,
                name,
                status,
                attempt,
                pause,
            )
            time.sleep(pause)
        else:
            log.info("%s %s/%s: deleted", kind, namespace, name)
            return


def delete_run_objects(api: KubernetesApi, ref: Mapping[str, Any], log: Any) -> None:
    """Delete a try's FlinkDeployment, its ConfigMap and its Secret (owned, but not every cluster
    runs GC promptly, and a ConfigMap whose owner was never created has no owner)."""
    delete_object(api, KIND, ref["name"], ref["namespace"], log)
    if ref.get("config_map"):
        delete_object(api, CONFIG_MAP, ref["config_map"], ref["namespace"], log)
    if ref.get("secret"):
        delete_object(api, SECRET, ref["secret"], ref["namespace"], log)


def jobmanager_log(api: KubernetesApi, name: str, namespace: str, log: Any) -> list[str]:
    """The JobManager's last log lines (Flink labels its pods app=<name>, component=jobmanager)."""
    try:
        return api.pod_log(
            namespace,
            f"app={name},component=jobmanager",
            JOBMANAGER_CONTAINER,
            JOBMANAGER_LOG_LINES,
        )
    except Exception as exc:
        log.warning("cannot read the JobManager log of %s/%s: %s", namespace, name, exc)
        return []


def load_deployment(path: Any) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ActionFailed(f"cannot read {KIND} {path}: {exc}", "SUBMIT_FAILED") from exc
    if not isinstance(doc, dict):
        raise ActionFailed(f"{path}: expected one {KIND} mapping", "SUBMIT_FAILED")
    return doc


# ---------------------------------------------------------------------------- tasks


class RunFlinkSqlJob(BaseSensorOperator):
    """Run one Flink SQL job on the backend chosen when the task runs.

    The task ids are the same for every backend, so a DAG parsed by a dag-processor with one
    FERRY_BACKEND runs on workers with another. On Kubernetes every try creates its own
    FlinkDeployment (the name has the try number) after deleting the previous try's, then waits
    for its job, so an Airflow retry really re-runs the job. In reschedule mode the task starts
    again at every poke: it submits only at the first start of a try and re-pushes its XCom at
    the later starts, because Airflow clears a task's XComs whenever it starts.
    """

    template_fields = ("job_params", "prepare", "namespace", "default_fs")
    ui_color = "#e4f0ff"

    def __init__(
        self,
        *,
        job: FlinkSqlJob,
        backend: str | None = None,
        namespace: str | None = None,
        kubernetes_conn_id: str = "kubernetes_default",
        poke_interval: float = 30.0,
        timeout: timedelta | float = timedelta(hours=24),
        mode: str = "reschedule",
        replace_timeout: float = 300.0,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(poke_interval=poke_interval, timeout=timeout, mode=mode, **kwargs)
        self.ferry_node = job.node
        self.ferry_backend = backend
        self.repo = job.repo
        self.script = job.script
        self.deployment_path = job.repo / job.deployment
        self.job_params = dict(job.params)
        self.prepare = [list(step) for step in job.prepare]
        self.default_fs = job.default_fs
        self.namespace = namespace
        self.kubernetes_conn_id = kubernetes_conn_id
        self.replace_timeout = replace_timeout
        self._submitted: dict[str, Any] | None = None
        self._process: Any = None

    def execute(self, context: Any) -> Any:
        from ferry_runtime.actions.flink_local import run_locally
        from ferry_runtime.backends import resolve

        enter(self, context)
        with failure_recorded(context, "BACKEND_NOT_SET"):
            backend = resolve(self.ferry_backend)
        if backend == "local":
            with failure_recorded(context, "RUNTIME_FAILED"):
                run_locally(self)
            return None
        ti = context["ti"]
        with failure_recorded(context, "SUBMIT_FAILED"):
            api = kubernetes_api(self.kubernetes_conn_id)
            if self.reschedule and context.get("task_reschedule_count", 0) > 0:
                ref = self._reference(context, api, ti.try_number)
                xcom_push(context, DEPLOYMENT_KEY, ref)
                self._submitted = ref
            else:
                if ti.try_number > 1:
                    previous = self._reference(context, api, ti.try_number - 1)
                    delete_run_objects(api, previous, self.log)
                self._submitted = submit(self, context, api)
        with failure_recorded(context, "TASK_FAILED"):
            return super().execute(context)

    def _reference(self, context: Any, api: KubernetesApi, try_number: int) -> dict[str, Any]:
        doc, name, namespace = identity(self, context, api, try_number)
        config_map = name + CONFIG_MAP_SUFFIX if sql_volume(doc) is not None else None
        secret = name + SECRET_SUFFIX if secret_params(self.job_params)[1] else None
        return {"name": name, "namespace": namespace, "config_map": config_map, "secret": secret}

    def poke(self, context: Any) -> bool:
        ref: dict[str, Any] = (
            xcom_pull(context, self.task_id, DEPLOYMENT_KEY) or self._submitted or {}
        )
        name, namespace = ref["name"], ref["namespace"]
        api = kubernetes_api(self.kubernetes_conn_id)
        try:
            deployment = api.get(KIND, namespace, name)
        except Exception as exc:
            status_code = http_status(exc)
            if status_code == 404:
                raise ActionFailed(
                    f"{KIND} {namespace}/{name} disappeared before its job finished",
                    "FLINK_DEPLOYMENT_GONE",
                ) from exc
            if retryable(status_code):
                self.log.warning("Kubernetes API answered %s; polling again later", status_code)
                return False
            raise
        status = deployment.get("status") or {}
        self.log.info(
            "%s %s/%s: lifecycleState=%s jobManagerDeploymentStatus=%s jobStatus.state=%s",
            KIND,
            namespace,
            name,
            status.get("lifecycleState"),
            status.get("jobManagerDeploymentStatus"),
            (status.get("jobStatus") or {}).get("state"),
        )
        rule = job_verdict(status)
        if rule is None:
            return False
        if rule.verdict == SUCCEEDED:
            return True
        error = error_text(status)
        self.log.error("%s %s/%s failed; status.error: %s", KIND, namespace, name, error)
        lines = jobmanager_log(api, name, namespace, self.log)
        if lines:
            self.log.error("last %d lines of the JobManager log:\n%s", len(lines), "\n".join(lines))
        raise ActionFailed(
            f"{KIND} {name}: {rule.field} {rule.value}" + (f": {error}" if error else ""),
            rule.code or "FLINK_JOB_FAILED",
        )

    def on_kill(self) -> None:
        """Killed (marked failed, execution timeout, worker shutdown): remove what this try made."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        if self._submitted is not None:
            delete_run_objects(kubernetes_api(self.kubernetes_conn_id), self._submitted, self.log)
            self._submitted = None


def identity(
    op: Any, context: Any, api: KubernetesApi, try_number: int
) -> tuple[dict[str, Any], str, str]:
    """(the repo's YAML, this try's deployment name, namespace) for a submitting task."""
    doc = load_deployment(op.deployment_path)
    ti = context["ti"]
    base = str((doc.get("metadata") or {}).get("name") or op.ferry_node)
    name = deployment_name(base, ti.dag_id, ti.run_id, try_number)
    namespace = namespace_of(doc, op.namespace, context.get("params") or {}, api.default_namespace)
    return doc, name, namespace


def submit(op: RunFlinkSqlJob, context: Any, api: KubernetesApi) -> dict[str, Any]:
    """Create the FlinkDeployment (and its script ConfigMap) of `op`'s current try."""
    ti = context["ti"]
    doc, name, namespace = identity(op, context, api, ti.try_number)
    labels = {
        MANAGED_BY[0]: MANAGED_BY[1],
        LABEL_DAG: label_value(ti.dag_id),
        LABEL_TASK: label_value(op.ferry_node),
        LABEL_RUN: label_value(ti.run_id),
        LABEL_TRY: str(ti.try_number),
    }
    annotations = {
        ANNOTATION_DAG_ID: ti.dag_id,
        ANNOTATION_RUN_ID: ti.run_id,
        ANNOTATION_TASK_ID: op.task_id,
        ANNOTATION_TRY: str(ti.try_number),
    }
    volume = sql_volume(doc)
    config_map = name + CONFIG_MAP_SUFFIX if volume is not None else None
    script, files = "", {}
    if volume is not None:
        # Read before anything is created: a missing file fails the try with nothing to clean up.
        script = (op.repo / op.script).read_text(encoding="utf-8")
        files = shipped_files(volume, op.repo / op.script)
    plain, env_params, secret_values = secret_params(op.job_params)
    secret = name + SECRET_SUFFIX if secret_values else None
    tls = FlinkTls.of(context.get("params") or {}, os.environ)
    body = deployment_body(
        doc,
        name=name,
        namespace=namespace,
        labels=labels,
        annotations=annotations,
        args=runtime_args(plain, op.prepare, env_params, op.default_fs),
        default_fs=op.default_fs,
        owner=worker_pod_owner(namespace, op.mode, os.environ),
        config_map=config_map,
        secret=secret,
        secret_env=tuple(secret_values),
        tls=tls,
    )
    if tls is not None:
        op.log.info(
            "action '%s': Flink TLS on (%s) with the stores and password of Secret %s/%s",
            op.ferry_node,
            "internal and REST" if tls.rest else "internal",
            namespace,
            tls.secret,
        )
    ref = {"name": name, "namespace": namespace, "config_map": config_map, "secret": secret}
    # Pushed before creating, so `delete` removes it even if this task dies half-way.
    xcom_push(context, DEPLOYMENT_KEY, ref)
    redact = secrets_of(op.job_params)
    op.log.info(
        "action '%s': creating %s %s/%s with args %s",
        op.ferry_node,
        KIND,
        namespace,
        name,
        redact(" ".join(body["spec"]["job"]["args"])),
    )
    # A leftover of the same name (a cleared task, a worker that died) goes first.
    delete_run_objects(api, ref, op.log)
    deadline = time.monotonic() + op.replace_timeout
    while True:
        try:
            created = api.create(KIND, namespace, body)
            break
        except Exception as exc:
            # 409: the leftover deleted above is still finalizing.
            if http_status(exc) != 409 or time.monotonic() > deadline:
                raise
            op.log.info("previous %s still terminating; retrying in 5 s", KIND)
            time.sleep(5)
    if config_map is not None:
        owner = owner_of(created, body)
        api.create(
            CONFIG_MAP,
            namespace,
            config_map_body(config_map, namespace, script, labels, annotations, owner, files),
        )
        op.log.info(
            "%s %s/%s: holds the SQL script %s", CONFIG_MAP, namespace, config_map, op.script
        )
    if secret is not None:
        api.create(
            SECRET,
            namespace,
            secret_body(
                secret, namespace, secret_values, labels, annotations, owner_of(created, body)
            ),
        )
        op.log.info(
            "%s %s/%s: holds the secret parameters %s",
            SECRET,
            namespace,
            secret,
            ", ".join(sorted(env_params)),
        )
    return ref


def owner_of(created: Mapping[str, Any], body: Mapping[str, Any]) -> dict[str, Any]:
    """The owner reference to the FlinkDeployment the API just created."""
    uid = (created.get("metadata") or {}).get("uid")
    name = body["metadata"]["name"]
    if not uid:
        raise ActionFailed(
            f"{KIND} {body['metadata']['namespace']}/{name}: the API returned no uid",
            "SUBMIT_FAILED",
        )
    return owner_reference(KIND, body["apiVersion"], name, uid)


class DeleteFlinkDeployment(BaseOperator):
    """Delete this try's FlinkDeployment and ConfigMap, whatever happened to the job."""

    ui_color = "#f4f4f4"

    def __init__(
        self,
        *,
        node: str,
        submit_task_id: str,
        kubernetes_conn_id: str = "kubernetes_default",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "delete")
        super().__init__(trigger_rule=trigger_rules.CLEANUP, **kwargs)
        self.ferry_node = node
        self.submit_task_id = submit_task_id
        self.kubernetes_conn_id = kubernetes_conn_id

    def execute(self, context: Any) -> None:
        ref = xcom_pull(context, self.submit_task_id, DEPLOYMENT_KEY)
        if not ref:
            # Not reached, or run on the local backend: skipped, as the action's other tasks.
            raise AirflowSkipException(f"action '{self.ferry_node}' created no {KIND}")
        delete_run_objects(kubernetes_api(self.kubernetes_conn_id), ref, self.log)


# ---------------------------------------------------------------------------- DAG-level cleanup


class RunCleanup:
    """A DAG's on_failure_callback (run failed, dagrun_timeout): delete every FlinkDeployment and
    ConfigMap the run created, found by its labels in the namespaces its jobs use.

    It knows its jobs' connections and namespaces from when the DAG was built: the scheduler
    hands callbacks its serialized DAG, whose tasks are not the runtime's operators."""

    __name__ = "cleanup_dag_run"

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = dict(params)
        self.targets: set[tuple[str, str]] = set()  # (connection id, explicit namespace or "")

    def __call__(self, context: Mapping[str, Any]) -> None:
        import logging

        log = logging.getLogger(__name__)
        dag = context.get("dag")
        dag_run = context.get("dag_run")
        run_id = context.get("run_id") or getattr(dag_run, "run_id", None)
        if dag is None or run_id is None:
            return
        params = {
            **_plain_params(self.params),
            **_plain_params(context.get("params") or {}),
            **dict(getattr(dag_run, "conf", None) or {}),
        }
        for conn_id, explicit in sorted(self.targets):
            api = kubernetes_api(conn_id)
            try:
                namespace = namespace_of({}, explicit or None, params, api.default_namespace)
            except ActionFailed as exc:
                log.warning("cannot clean up run %s: %s", run_id, exc.message)
                continue
            sweep_run(api, namespace, dag.dag_id, run_id, log)


def sweep_run(api: KubernetesApi, namespace: str, dag_id: str, run_id: str, log: Any) -> list[str]:
    """Delete what Ferry created for one DAG run in `namespace`; the names deleted."""
    deleted: list[str] = []
    for kind in (KIND, CONFIG_MAP):
        for obj in api.list(kind, namespace, run_selector(dag_id, run_id)):
            metadata = obj.get("metadata") or {}
            annotations = metadata.get("annotations") or {}
            # Labels are cut to 63 chars: the exact run id decides.
            if annotations.get(ANNOTATION_RUN_ID, run_id) != run_id:
                continue
            log.info("run %s ended: deleting %s %s/%s", run_id, kind, namespace, metadata["name"])
            delete_object(api, kind, metadata["name"], namespace, log)
            deleted.append(metadata["name"])
    return deleted


def _plain_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """DAG params hold Param objects; their values are what a task's context shows."""
    return {key: getattr(value, "value", value) for key, value in params.items()}


def add_dag_cleanup(dag: Any, kubernetes_conn_id: str, namespace: str | None) -> None:
    """Make a `RunCleanup` one of the DAG's failure callbacks (one per DAG) and tell it about a
    job's connection and namespace."""
    if dag is None:
        return
    callbacks = dag.on_failure_callback
    if callbacks is None:
        callbacks = []
    elif not isinstance(callbacks, list):
        callbacks = [callbacks]
    cleanup = next((c for c in callbacks if isinstance(c, RunCleanup)), None)
    if cleanup is None:
        cleanup = RunCleanup(getattr(dag, "params", None) or {})
        dag.on_failure_callback = [*callbacks, cleanup]
        # The DAG computes this once, when it is created; serialization and the scheduler read it.
        dag.has_on_failure_callback = True
    cleanup.targets.add((kubernetes_conn_id, namespace or ""))
