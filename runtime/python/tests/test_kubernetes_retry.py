"""retry-max on a Flink job (kubernetes backend): a retry deletes the failed try's
FlinkDeployment and creates a new one, so the job really runs again (the fake API plays a
failing job for the first deployment and a finishing one for the second)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from fake_kubernetes import FakeKubernetesApi

from ferry_runtime.actions import flink_kubernetes

RUNNING = {"lifecycleState": "STABLE", "jobStatus": {"state": "RUNNING"}}
FAILS = [RUNNING, {**RUNNING, "jobStatus": {"state": "FAILED"}}]
FINISHES = [RUNNING, RUNNING, {**RUNNING, "jobStatus": {"state": "FINISHED"}}]


@dataclass
class FlakyKubernetesApi(FakeKubernetesApi):
    """Each new deployment of a base name plays the next script of `tries`."""

    tries: dict[str, list[list[dict[str, Any]]]] = field(default_factory=dict)

    def create(self, kind, namespace, body):
        if kind == "FlinkDeployment":
            base = self.base(body["metadata"]["name"])
            number = sum(1 for b in self.created() if self.base(b["metadata"]["name"]) == base)
            self.scripts[base] = self.tries[base][min(number, len(self.tries[base]) - 1)]
        return super().create(kind, namespace, body)


@pytest.fixture(scope="module")
def retried(run_dag):
    fake = FlakyKubernetesApi(scripts={}, tries={"wf-finishes": [FAILS, FINISHES]})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flink_kubernetes, "kubernetes_api", lambda conn_id: fake)
        result = run_dag("wf_k8s_retry")
    return result, fake


def test_retried_job_creates_a_new_deployment_and_succeeds(retried):
    result, fake = retried
    # submit and wait are one task, `run`, so the retry re-submits: no separate submit/wait.
    assert result.states("flaky.run", "flaky.delete", "flaky.outcome", "end") == [
        "success",
        "success",
        "success",
        "success",
    ]
    assert result.state == "success"
    first, second = (body["metadata"]["name"] for body in fake.created())
    assert first != second  # one name per try
    # Try 1 created its deployment; try 2 deleted it before creating its own; cleanup deleted it.
    assert fake.verbs_for(first)[:2] == ["delete", "create"]
    assert fake.verbs_for(first)[-1] == "delete"
    assert fake.verbs_for(second)[:2] == ["delete", "create"]
    assert fake.verbs_for(second)[-1] == "delete"
    assert fake.left() == []
    assert fake.invalid == []
    # reschedule mode: each try submitted once, however many times the sensor started again
    assert len(fake.created()) == 2
    # and each try's script ConfigMap went with its deployment
    assert [b["metadata"]["name"] for b in fake.created("ConfigMap")] == [
        f"{first}-sql",
        f"{second}-sql",
    ]
