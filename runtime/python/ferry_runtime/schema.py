"""Validate a FlinkDeployment document against the operator's CRD schema.

The CRD's openAPIV3Schema only covers `spec` and `status`, and (like every structural schema)
lets unknown fields through, which the API server would then prune silently. Strict mode (the
default) rejects unknown fields wherever the schema lists properties and does not say
`x-kubernetes-preserve-unknown-fields`, as `kubectl apply --validate=strict` does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

API_VERSION = "flink.apache.org/v1beta1"
KIND = "FlinkDeployment"
SERVED_VERSION = "v1beta1"
DNS_1035_LABEL = re.compile(r"^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")
PRESERVE_UNKNOWN = "x-kubernetes-preserve-unknown-fields"


def validate_flink_deployment(
    doc: Mapping[str, Any], crd_path: Path | str, *, strict: bool = True
) -> list[str]:
    """Every problem with `doc` as `<json path>: <message>`, in document order; [] when valid."""
    from jsonschema import Draft7Validator

    errors: list[str] = []
    if doc.get("apiVersion") != API_VERSION:
        errors.append(f"apiVersion: expected {API_VERSION!r}, got {doc.get('apiVersion')!r}")
    if doc.get("kind") != KIND:
        errors.append(f"kind: expected {KIND!r}, got {doc.get('kind')!r}")
    metadata = doc.get("metadata")
    name = metadata.get("name") if isinstance(metadata, Mapping) else None
    if not isinstance(name, str) or not DNS_1035_LABEL.match(name):
        errors.append(
            f"metadata.name: {name!r} is not a DNS-1035 label (lowercase letters, digits "
            "and '-', starting with a letter, at most 63 characters)"
        )
    validator = Draft7Validator(_schema(str(Path(crd_path).resolve()), strict))
    body = {key: value for key, value in doc.items() if key in ("spec", "status")}
    for error in sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.path))):
        path = ".".join(str(part) for part in error.absolute_path) or "(root)"
        errors.append(f"{path}: {error.message}")
    return errors


@lru_cache(maxsize=8)
def _schema(crd_path: str, strict: bool) -> dict[str, Any]:
    crd = yaml.safe_load(Path(crd_path).read_text(encoding="utf-8"))
    for version in crd["spec"]["versions"]:
        if version["name"] == SERVED_VERSION:
            schema = version["schema"]["openAPIV3Schema"]
            return _closed(schema) if strict else schema
    raise ValueError(f"{crd_path}: no CRD version {SERVED_VERSION}")


def _closed(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `schema` where every object that lists properties accepts no others."""
    closed = dict(schema)
    if "properties" in closed:
        closed["properties"] = {name: _closed(sub) for name, sub in closed["properties"].items()}
        if "additionalProperties" not in closed and not closed.get(PRESERVE_UNKNOWN):
            closed["additionalProperties"] = False
    for key in ("items", "additionalProperties", "not"):
        if isinstance(closed.get(key), Mapping):
            closed[key] = _closed(closed[key])
    for key in ("anyOf", "allOf", "oneOf"):
        if isinstance(closed.get(key), list):
            closed[key] = [_closed(sub) for sub in closed[key]]
    return closed
