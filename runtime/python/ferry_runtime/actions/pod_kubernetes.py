"""FERRY_BACKEND=kubernetes: an Oozie pod action as a KubernetesPodOperator (group: run -> outcome).

The pod runs `pod.PRELUDE` (working directory, prepare, files, then the command). Secrets reach it
only as Kubernetes Secret references; capture-output comes back through the XCom sidecar and is
pushed as `ferry_action_data`, which wf:actionData reads.

Pods run hardened, as the Flink jobs' pods do (`FERRY_POD_SECURITY`, read on the worker when the
pod is built): `restricted` (the default) runs every container, the XCom sidecar included, as
uid/gid 1000 with runAsNonRoot, no privilege escalation, no capabilities, the RuntimeDefault
seccomp profile and a read-only root filesystem, with an emptyDir on /tmp for the working
directory; `image` is the opt-out for an image that must run as its own (root) user or write
outside /tmp: no securityContext at all, the image's defaults.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
from airflow.providers.cncf.kubernetes.secret import Secret
from kubernetes.client import models as k8s

from ferry_runtime.actions.pod import PRELUDE, PodAction, action_data, pod_name, prelude_env
from ferry_runtime.el.wf import ACTION_DATA_KEY
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.run_context import xcom_push
from ferry_runtime.transitions import enter

POD_SECURITY_ENV: Final = "FERRY_POD_SECURITY"
RESTRICTED: Final = "restricted"
IMAGE_DEFAULTS: Final = "image"
ACTION_UID: Final = 1000
TMP_VOLUME: Final = "ferry-tmp"


def pod_security(setting: str | None) -> dict[str, Any]:
    """KubernetesPodOperator arguments for a FERRY_POD_SECURITY value (None: the default)."""
    chosen = (setting or RESTRICTED).strip().lower()
    if chosen == IMAGE_DEFAULTS:
        return {
            "security_context": {},
            "container_security_context": None,
            "xcom_sidecar_container_security_context": None,
            "volumes": [],
            "volume_mounts": [],
        }
    if chosen != RESTRICTED:
        raise ActionFailed(
            f"{POD_SECURITY_ENV}={chosen!r}: expected {RESTRICTED} or {IMAGE_DEFAULTS}",
            "POD_FAILED",
        )
    container = k8s.V1SecurityContext(
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=True,
        run_as_non_root=True,
        capabilities=k8s.V1Capabilities(drop=["ALL"]),
    )
    return {
        "security_context": k8s.V1PodSecurityContext(
            run_as_non_root=True,
            run_as_user=ACTION_UID,
            run_as_group=ACTION_UID,
            fs_group=ACTION_UID,
            seccomp_profile=k8s.V1SeccompProfile(type="RuntimeDefault"),
        ),
        "container_security_context": container,
        "xcom_sidecar_container_security_context": container,
        "volumes": [k8s.V1Volume(name=TMP_VOLUME, empty_dir=k8s.V1EmptyDirVolumeSource())],
        "volume_mounts": [k8s.V1VolumeMount(name=TMP_VOLUME, mount_path="/tmp")],
    }


def resources(memory_mb: str | None, vcores: str | None) -> k8s.V1ResourceRequirements | None:
    """<launcher><memory.mb>/<vcores> -> the container's requests (memory also its limit)."""
    if memory_mb is None and vcores is None:
        return None
    requests: dict[str, str] = {}
    limits: dict[str, str] = {}
    if memory_mb is not None:
        requests["memory"] = limits["memory"] = f"{int(memory_mb)}Mi"
    if vcores is not None:
        requests["cpu"] = str(int(vcores))
    return k8s.V1ResourceRequirements(requests=requests, limits=limits or None)


def _downward(name: str, field_path: str) -> k8s.V1EnvVar:
    """An env var from the pod's own fields (a spark driver in client mode needs its IP)."""
    source = k8s.V1EnvVarSource(field_ref=k8s.V1ObjectFieldSelector(field_path=field_path))
    return k8s.V1EnvVar(name=name, value_from=source)


class RunActionPod(KubernetesPodOperator):
    """Run one Oozie action's command in its own pod; fail the task if the command fails."""

    template_fields = (
        *KubernetesPodOperator.template_fields,
        "ferry_env",
        "configuration",
        "prepare",
        "files",
        "archives",
    )
    # Every field is a value, never the name of a template file (provider versions differ on this).
    template_ext = ()
    ui_color = "#e4f7e4"

    def __init__(
        self,
        *,
        action: PodAction,
        namespace: str | None = None,
        kubernetes_conn_id: str = "kubernetes_default",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(
            name=pod_name(action.node),
            image=action.image,
            cmds=["/bin/sh", "-c", PRELUDE, "oozie-action"],
            arguments=list(action.command),
            secrets=[Secret("env", name, secret, key) for name, secret, key in action.secret_env],
            do_xcom_push=action.capture_output,
            container_resources=resources(action.memory_mb, action.vcores),
            namespace=namespace,
            kubernetes_conn_id=kubernetes_conn_id,
            labels={"ferry/action-type": action.action_type},
            pod_runtime_info_envs=[
                _downward("FERRY_POD_IP", "status.podIP"),
                _downward("FERRY_POD_NAME", "metadata.name"),
            ],
            **kwargs,
        )
        self.ferry_node = action.node
        self.ferry_env = dict(action.env)
        self.configuration = dict(action.configuration)
        self.prepare = [list(step) for step in action.prepare]
        self.files = list(action.files)
        self.archives = list(action.archives)
        self.carried = [(name, Path(action.repo or ".") / path) for path, name in action.carried]
        self.capture_output = action.capture_output

    def build_pod_request_obj(self, context: Any = None, *, dry_run: bool = False) -> k8s.V1Pod:
        carried = [(name, path.read_text(encoding="utf-8")) for name, path in self.carried]
        self.env_vars = {
            **self.ferry_env,
            **prelude_env(
                configuration=self.configuration,
                prepare=self.prepare,
                files=self.files,
                archives=self.archives,
                carried=carried,
            ),
        }
        for name, value in pod_security(os.environ.get(POD_SECURITY_ENV)).items():
            setattr(self, name, value)
        return super().build_pod_request_obj(context, dry_run=dry_run)

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "POD_FAILED"):
            if not self.namespace:
                # As for Flink jobs: the param, FERRY_NAMESPACE or the connection; never `default`.
                from ferry_runtime.actions.flink_kubernetes import namespace_of

                params = context.get("params") or {}
                try:
                    self.namespace = namespace_of({}, None, params, self.hook.get_namespace)
                except ActionFailed as exc:
                    raise ActionFailed(exc.message, "POD_FAILED") from None
            result = super().execute(context)
            if self.capture_output:
                xcom_push(context, ACTION_DATA_KEY, action_data(result))
