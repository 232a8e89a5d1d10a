"""An in-memory stand-in for KubernetesHook's custom-object calls (no API server here).

Each FlinkDeployment created plays a scripted list of `.status` values, one per `get`, keeping the
last; errors are the real `kubernetes.client.ApiException`, as the real hook raises them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from kubernetes.client.exceptions import ApiException


@dataclass
class FakeKubernetesHook:
    # metadata.name in the repo YAML -> statuses the deployment goes through
    scripts: dict[str, list[dict[str, Any]]]
    # deployments someone else removes once their job is over: delete answers 404
    vanish_when_done: set[str] = field(default_factory=set)
    objects: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    calls: list[tuple[str, str, str]] = field(default_factory=list)  # (verb, namespace, name)
    created: list[dict[str, Any]] = field(default_factory=list)
    _gets: dict[tuple[str, str], int] = field(default_factory=dict)

    def create_custom_object(self, group, version, plural, body, namespace=None):
        assert (group, version, plural) == ("flink.apache.org", "v1beta1", "flinkdeployments")
        key = (namespace, body["metadata"]["name"])
        self.calls.append(("create", *key))
        if key in self.objects:
            raise ApiException(status=409, reason="AlreadyExists")
        self.objects[key] = copy.deepcopy(body)
        self.created.append(copy.deepcopy(body))
        return copy.deepcopy(body)

    def get_custom_object(self, group, version, plural, name, namespace=None):
        key = (namespace, name)
        self.calls.append(("get", *key))
        if key not in self.objects:
            raise ApiException(status=404, reason="NotFound")
        obj = self.objects[key]
        script = self.scripts[self._base(obj)]
        step = self._gets.get(key, 0)
        self._gets[key] = step + 1
        obj["status"] = copy.deepcopy(script[min(step, len(script) - 1)])
        if self._base(obj) in self.vanish_when_done and step >= len(script) - 1:
            del self.objects[key]
        return copy.deepcopy(obj)

    def delete_custom_object(self, group, version, plural, name, namespace=None, **kwargs):
        key = (namespace, name)
        self.calls.append(("delete", *key))
        if key not in self.objects:
            raise ApiException(status=404, reason="NotFound")
        del self.objects[key]
        return {"kind": "Status", "status": "Success"}

    def verbs_for(self, name: str) -> list[str]:
        return [verb for verb, _, called in self.calls if called == name]

    @staticmethod
    def _base(obj: dict[str, Any]) -> str:
        return obj["metadata"]["name"].rsplit("-", 1)[0]
