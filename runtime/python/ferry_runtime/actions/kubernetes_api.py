"""The few Kubernetes API calls the Flink job tasks and the janitor make, behind one interface.

`KubernetesApi` is what the runtime codes against; `HookApi` implements it with the cncf-kubernetes
`KubernetesHook` (imported when a task runs, so DAG files parse without it). Tests replace it with
an in-memory API that records and validates every request. Errors are the kubernetes client's
`ApiException` (or anything with an integer `status`).
"""

from __future__ import annotations

import builtins
from typing import Any, Final, Protocol

FLINK_DEPLOYMENT: Final = "FlinkDeployment"
CONFIG_MAP: Final = "ConfigMap"
# A job's secret parameters, per try, owned by its FlinkDeployment. Created and deleted by name
# only: the worker never reads or lists Secrets (both would show their data).
SECRET: Final = "Secret"

GROUP: Final = "flink.apache.org"
VERSION: Final = "v1beta1"
PLURAL: Final = "flinkdeployments"


class KubernetesApi(Protocol):
    """Create, read, delete and list FlinkDeployments and ConfigMaps, create and delete Secrets;
    read JobManager logs."""

    def create(self, kind: str, namespace: str, body: dict[str, Any]) -> dict[str, Any]: ...

    def get(self, kind: str, namespace: str, name: str) -> dict[str, Any]: ...

    def delete(self, kind: str, namespace: str, name: str) -> None: ...

    def list(
        self, kind: str, namespace: str, label_selector: str
    ) -> builtins.list[dict[str, Any]]: ...

    def pod_log(
        self, namespace: str, label_selector: str, container: str, tail_lines: int
    ) -> builtins.list[str]: ...

    def default_namespace(self) -> str | None: ...


def http_status(exc: BaseException) -> int | None:
    """The HTTP status of a Kubernetes ApiException (duck-typed: no kubernetes import needed)."""
    status = getattr(exc, "status", None)
    return status if isinstance(status, int) else None


def kubernetes_api(conn_id: str) -> KubernetesApi:
    """The API behind the Airflow Kubernetes connection `conn_id`."""
    from airflow.providers.cncf.kubernetes.hooks.kubernetes import KubernetesHook

    return HookApi(KubernetesHook(conn_id=conn_id))


class HookApi:
    """KubernetesApi over the cncf-kubernetes hook's API clients."""

    def __init__(self, hook: Any) -> None:
        self._hook = hook

    def _plain(self, obj: Any) -> dict[str, Any]:
        if isinstance(obj, dict):
            return obj
        return self._hook.api_client.sanitize_for_serialization(obj)

    def create(self, kind: str, namespace: str, body: dict[str, Any]) -> dict[str, Any]:
        if kind == FLINK_DEPLOYMENT:
            return self._plain(
                self._hook.custom_object_client.create_namespaced_custom_object(
                    GROUP, VERSION, namespace, PLURAL, body
                )
            )
        core = self._hook.core_v1_client
        if kind == SECRET:
            return self._plain(core.create_namespaced_secret(namespace, body))
        return self._plain(core.create_namespaced_config_map(namespace, body))

    def get(self, kind: str, namespace: str, name: str) -> dict[str, Any]:
        if kind == FLINK_DEPLOYMENT:
            return self._plain(
                self._hook.custom_object_client.get_namespaced_custom_object(
                    GROUP, VERSION, namespace, PLURAL, name
                )
            )
        return self._plain(self._hook.core_v1_client.read_namespaced_config_map(name, namespace))

    def delete(self, kind: str, namespace: str, name: str) -> None:
        if kind == FLINK_DEPLOYMENT:
            self._hook.custom_object_client.delete_namespaced_custom_object(
                GROUP, VERSION, namespace, PLURAL, name
            )
        elif kind == SECRET:
            self._hook.core_v1_client.delete_namespaced_secret(name, namespace)
        else:
            self._hook.core_v1_client.delete_namespaced_config_map(name, namespace)

    def list(self, kind: str, namespace: str, label_selector: str) -> builtins.list[dict[str, Any]]:
        if kind == FLINK_DEPLOYMENT:
            answer = self._hook.custom_object_client.list_namespaced_custom_object(
                GROUP, VERSION, namespace, PLURAL, label_selector=label_selector
            )
            return list(answer.get("items") or [])
        answer = self._hook.core_v1_client.list_namespaced_config_map(
            namespace, label_selector=label_selector
        )
        return [self._plain(item) for item in answer.items]

    def pod_log(
        self, namespace: str, label_selector: str, container: str, tail_lines: int
    ) -> builtins.list[str]:
        core = self._hook.core_v1_client
        lines: list[str] = []
        for pod in core.list_namespaced_pod(namespace, label_selector=label_selector).items:
            text = core.read_namespaced_pod_log(
                pod.metadata.name, namespace, container=container, tail_lines=tail_lines
            )
            lines += str(text).splitlines()
        return lines

    def default_namespace(self) -> str | None:
        return self._hook.get_namespace()
