"""validate_flink_deployment against the operator's real CRD schema."""

from __future__ import annotations

import copy

import pytest
import yaml
from conftest import CRD, TESTS

from ferry_runtime.schema import validate_flink_deployment

GOOD = yaml.safe_load((TESTS / "repo/k8s/wf/finishes.yaml").read_text())


def broken(change) -> dict:
    doc = copy.deepcopy(GOOD)
    change(doc)
    return doc


def test_a_valid_deployment_has_no_errors():
    assert validate_flink_deployment(GOOD, CRD) == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            lambda d: d["spec"].update(flinkVersion="v9_9"),
            "spec.flinkVersion: 'v9_9' is not one of",
        ),
        (
            lambda d: d["spec"]["job"].update(parallelism="two"),
            "spec.job.parallelism: 'two' is not",
        ),
        (lambda d: d["spec"]["job"].update(upgradeMode="never"), "spec.job.upgradeMode: 'never'"),
        (
            lambda d: d["spec"].update(jobb={}),
            "spec: Additional properties are not allowed ('jobb'",
        ),
        (lambda d: d["spec"]["job"].update(argz=[]), "spec.job: Additional properties"),
        (lambda d: d["metadata"].update(name="Bad_Name"), "metadata.name: 'Bad_Name' is not"),
        (lambda d: d.update(kind="FlinkSessionJob"), "kind: expected 'FlinkDeployment'"),
        (lambda d: d.update(apiVersion="flink.apache.org/v1"), "apiVersion: expected"),
    ],
)
def test_each_problem_is_reported_with_its_path(change, error):
    errors = validate_flink_deployment(broken(change), CRD)
    assert any(error in message for message in errors), errors


def test_unknown_fields_pass_when_not_strict():
    doc = broken(lambda d: d["spec"]["job"].update(argz=[]))
    assert validate_flink_deployment(doc, CRD, strict=False) == []


def test_flink_configuration_accepts_any_key():
    doc = broken(lambda d: d["spec"]["flinkConfiguration"].update({"any.key": "1"}))
    assert validate_flink_deployment(doc, CRD) == []
