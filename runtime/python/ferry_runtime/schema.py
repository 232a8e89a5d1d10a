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


# ---------------------------------------------------------------------------- core objects

# kind -> the kubernetes client's model of it, generated from the Kubernetes OpenAPI spec.
CORE_MODELS: dict[tuple[str, str], str] = {
    ("v1", "ConfigMap"): "V1ConfigMap",
    ("v1", "Secret"): "V1Secret",
    ("v1", "ServiceAccount"): "V1ServiceAccount",
    ("v1", "Pod"): "V1Pod",
    ("rbac.authorization.k8s.io/v1", "Role"): "V1Role",
    ("rbac.authorization.k8s.io/v1", "RoleBinding"): "V1RoleBinding",
}
_SCALARS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "datetime": (str,),
    "date": (str,),
}


def validate_core_object(doc: Mapping[str, Any]) -> list[str]:
    """Every problem with a core Kubernetes object (ConfigMap, Role, ...) as `<path>: <message>`,
    checked against the kubernetes client's OpenAPI-generated models: known kinds, no unknown
    fields, every field of its type, required fields present, names DNS-1123 subdomains."""
    key = (str(doc.get("apiVersion")), str(doc.get("kind")))
    model = CORE_MODELS.get(key)
    if model is None:
        return [f"(root): no schema for apiVersion={key[0]!r} kind={key[1]!r}"]
    errors: list[str] = []
    _check_model(doc, model, "", errors)
    name = (doc.get("metadata") or {}).get("name")
    if not isinstance(name, str) or not DNS_1123_SUBDOMAIN.match(name):
        errors.append(f"metadata.name: {name!r} is not a DNS-1123 subdomain")
    return errors


def validate_pod_template(template: Mapping[str, Any], path: str = "podTemplate") -> list[str]:
    """A FlinkDeployment's podTemplate against the core PodTemplateSpec model."""
    errors: list[str] = []
    body = {k: v for k, v in template.items() if k not in ("apiVersion", "kind")}
    _check_model(body, "V1PodTemplateSpec", path, errors)
    return errors


DNS_1123_SUBDOMAIN = re.compile(
    r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
)


def _check_model(value: Any, model: str, path: str, errors: list[str]) -> None:
    from kubernetes import client

    cls = getattr(client, model)
    if not isinstance(value, Mapping):
        errors.append(f"{path or '(root)'}: expected an object ({model})")
        return
    by_json = {json_name: attr for attr, json_name in cls.attribute_map.items()}
    kwargs: dict[str, Any] = {}
    for json_name, item in value.items():
        where = f"{path}.{json_name}" if path else json_name
        if json_name not in by_json:
            errors.append(f"{where}: unknown field of {model}")
            continue
        attr = by_json[json_name]
        _check_type(item, cls.openapi_types[attr], where, errors)
        kwargs[attr] = item
    configuration = client.Configuration()
    configuration.client_side_validation = True
    try:
        cls(local_vars_configuration=configuration, **kwargs)
    except (ValueError, TypeError) as exc:
        errors.append(f"{path or '(root)'}: {exc}")


def _check_type(value: Any, type_name: str, path: str, errors: list[str]) -> None:
    if value is None:
        return
    if type_name.startswith("list["):
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list")
            return
        for index, item in enumerate(value):
            _check_type(item, type_name[5:-1], f"{path}[{index}]", errors)
    elif type_name.startswith(("dict(", "dict[")):
        if not isinstance(value, Mapping):
            errors.append(f"{path}: expected a map")
            return
        inner = type_name[5:-1].split(", ", 1)[1]
        for key, item in value.items():
            _check_type(item, inner, f"{path}.{key}", errors)
    elif type_name in _SCALARS:
        ok = isinstance(value, _SCALARS[type_name])
        if type_name in ("int", "float") and isinstance(value, bool):
            ok = False
        if not ok:
            errors.append(f"{path}: expected {type_name}, got {type(value).__name__}")
    elif type_name == "object":
        return
    else:
        _check_model(value, type_name, path, errors)
