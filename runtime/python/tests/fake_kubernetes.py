"""An in-memory Kubernetes API for the runtime's KubernetesApi interface (no API server here).

It records every request and validates every body it is sent: FlinkDeployments against the
operator's CRD (tests/schemas) and their podTemplate, ConfigMaps against the Kubernetes
OpenAPI models of the kubernetes client. A body that does not validate is refused with a 422, as
an API server with strict field validation would, and remembered in `invalid`.

Each FlinkDeployment created plays a scripted list of `.status` values, one per `get`, keeping the
last. Errors are the real `kubernetes.client.ApiException`. Owner references are garbage-collected
as Kubernetes does: deleting an object deletes what it owns, and an object owned by a pod in
`dead_pods` goes when `collect_garbage` runs.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from conftest import CRD
from kubernetes.client.exceptions import ApiException

from ferry_runtime.schema import (
    validate_core_object,
    validate_flink_deployment,
    validate_pod_template,
)

_UIDS = itertools.count(1)


@dataclass
class Request:
    verb: str
    kind: str
    namespace: str
    name: str
    body: dict[str, Any] | None = None


@dataclass
class FakeKubernetesApi:
    # metadata.name in the repo YAML -> statuses the deployment goes through
    scripts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # deployments someone else removes once their job is over: delete answers 404
    vanish_when_done: set[str] = field(default_factory=set)
    # base name -> HTTP statuses the next deletes of the existing deployment answer
    delete_errors: dict[str, list[int]] = field(default_factory=dict)
    jobmanager_log: list[str] = field(default_factory=list)
    namespace: str | None = None  # the Kubernetes connection's namespace
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    objects: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    invalid: list[tuple[str, list[str]]] = field(default_factory=list)
    _gets: dict[tuple[str, str, str], int] = field(default_factory=dict)

    # ------------------------------------------------------------------ KubernetesApi

    def create(self, kind: str, namespace: str, body: dict[str, Any]) -> dict[str, Any]:
        name = body["metadata"]["name"]
        self.requests.append(Request("create", kind, namespace, name, copy.deepcopy(body)))
        errors = self.validate(kind, body)
        if body["metadata"].get("namespace") != namespace:
            errors.append("metadata.namespace differs from the request's namespace")
        if errors:
            self.invalid.append((name, errors))
            raise ApiException(status=422, reason=f"Unprocessable Entity: {errors}")
        key = (kind, namespace, name)
        if key in self.objects:
            raise ApiException(status=409, reason="AlreadyExists")
        stored = copy.deepcopy(body)
        stored["metadata"]["uid"] = f"uid-{next(_UIDS)}"
        stored["metadata"]["creationTimestamp"] = self.now.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.objects[key] = stored
        return copy.deepcopy(stored)

    def get(self, kind: str, namespace: str, name: str) -> dict[str, Any]:
        key = (kind, namespace, name)
        self.requests.append(Request("get", kind, namespace, name))
        if key not in self.objects:
            raise ApiException(status=404, reason="NotFound")
        obj = self.objects[key]
        if kind == "FlinkDeployment":
            script = self.scripts[self.base(name)]
            step = self._gets.get(key, 0)
            self._gets[key] = step + 1
            obj["status"] = copy.deepcopy(script[min(step, len(script) - 1)])
            if self.base(name) in self.vanish_when_done and step >= len(script) - 1:
                self._remove(key)
        return copy.deepcopy(obj)

    def delete(self, kind: str, namespace: str, name: str) -> None:
        key = (kind, namespace, name)
        self.requests.append(Request("delete", kind, namespace, name))
        errors = self.delete_errors.get(self.base(name)) if kind == "FlinkDeployment" else None
        if errors and key in self.objects:
            raise ApiException(status=errors.pop(0), reason="injected")
        if key not in self.objects:
            raise ApiException(status=404, reason="NotFound")
        self._remove(key)

    def list(self, kind: str, namespace: str, label_selector: str) -> list[dict[str, Any]]:
        self.requests.append(Request("list", kind, namespace, label_selector))
        wanted = dict(part.split("=", 1) for part in label_selector.split(",") if part)
        return [
            copy.deepcopy(obj)
            for (k, ns, _), obj in sorted(self.objects.items())
            if k == kind
            and ns == namespace
            and all((obj["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
        ]

    def pod_log(
        self, namespace: str, label_selector: str, container: str, tail_lines: int
    ) -> list[str]:
        self.requests.append(Request("log", "Pod", namespace, label_selector))
        assert container == "flink-main-container"
        return self.jobmanager_log[-tail_lines:]

    def default_namespace(self) -> str | None:
        return self.namespace

    # ------------------------------------------------------------------ what tests ask

    @staticmethod
    def validate(kind: str, body: dict[str, Any]) -> list[str]:
        if kind == "FlinkDeployment":
            errors = validate_flink_deployment(body, CRD)
            for where in ("", "jobManager.", "taskManager."):
                spec = body["spec"]
                part = spec if not where else spec.get(where[:-1]) or {}
                if "podTemplate" in part:
                    errors += validate_pod_template(part["podTemplate"], f"spec.{where}podTemplate")
            return errors
        return validate_core_object(body)

    def left(self) -> list[tuple[str, str, str]]:
        """What is still there (kind, namespace, name)."""
        return sorted(self.objects)

    def verbs_for(self, name: str, kind: str = "FlinkDeployment") -> list[str]:
        return [r.verb for r in self.requests if r.name == name and r.kind == kind]

    def created(self, kind: str = "FlinkDeployment") -> list[dict[str, Any]]:
        return [r.body for r in self.requests if r.verb == "create" and r.kind == kind and r.body]

    def collect_garbage(self, dead_pods: set[str]) -> None:
        """Kubernetes' garbage collector after the worker pods `dead_pods` (uids) are gone."""
        for key, obj in list(self.objects.items()):
            owners = obj["metadata"].get("ownerReferences") or []
            if any(o["kind"] == "Pod" and o["uid"] in dead_pods for o in owners):
                self._remove(key)

    def age(self, by: timedelta) -> None:
        """Every object becomes older by `by` (the janitor's clock)."""
        for obj in self.objects.values():
            created = datetime.fromisoformat(
                obj["metadata"]["creationTimestamp"].replace("Z", "+00:00")
            )
            obj["metadata"]["creationTimestamp"] = (created - by).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _remove(self, key: tuple[str, str, str]) -> None:
        obj = self.objects.pop(key, None)
        if obj is None:
            return
        uid = obj["metadata"]["uid"]
        for other_key, other in list(self.objects.items()):
            if any(o.get("uid") == uid for o in other["metadata"].get("ownerReferences") or []):
                self._remove(other_key)

    @staticmethod
    def base(name: str) -> str:
        name = name.removesuffix("-sql").removesuffix("-params")
        return name.rsplit("-", 1)[0]
