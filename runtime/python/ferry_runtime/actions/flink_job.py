"""A Flink SQL job as the generated DAG describes it, and the runtime jar's command-line contract.

Both backends hand the job to the same runtime main: locally as `java -jar ferry-runtime.jar ARGS`,
on Kubernetes as ARGS appended to the FlinkDeployment's `spec.job.args`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ferry_runtime.hadoop_fs import default_fs_uri
from ferry_runtime.redaction import is_sensitive

# Oozie <prepare> child element -> runtime jar flag.
PREPARE_FLAGS: Final[dict[str, str]] = {
    "delete": "--prepare-delete",
    "mkdir": "--prepare-mkdir",
}

# Runtime jar exit status -> wf:errorCode() of the action (anything else: RUNTIME_FAILED).
EXIT_CODES: Final[dict[int, str]] = {
    1: "RUNTIME_JOB_FAILED",
    2: "RUNTIME_USAGE_ERROR",
}

ERROR_LINE_PREFIX: Final = "ferry-runtime: error:"

# Environment variables the job reads its secret parameters from (`--param-env NAME=VAR`).
PARAM_ENV_PREFIX: Final = "FERRY_PARAM_"


@dataclass(frozen=True)
class FlinkSqlJob:
    """One Oozie action turned Flink SQL job; `params` and `prepare` paths are Jinja templates."""

    node: str
    repo: Path
    script: str  # relative to repo
    deployment: str  # FlinkDeployment YAML, relative to repo
    params: Mapping[str, str] = field(default_factory=dict)
    prepare: tuple[tuple[str, str], ...] = ()
    # The action's <name-node> (Jinja): where scheme-less job and prepare paths resolve.
    default_fs: str | None = None

    def __post_init__(self) -> None:
        for operation, _path in self.prepare:
            if operation not in PREPARE_FLAGS:
                raise ValueError(
                    f"action '{self.node}': unknown <prepare> operation {operation!r} "
                    f"(expected one of {', '.join(PREPARE_FLAGS)})"
                )


def runtime_args(
    params: Mapping[str, object],
    prepare: Sequence[Sequence[str]],
    env_params: Mapping[str, str] | None = None,
    default_fs: str | None = None,
) -> list[str]:
    """`--param NAME=VALUE` for each parameter (sorted by name), `--param-env NAME=ENV_VAR` for
    each one the job reads from its environment (a secret: its value stays off the command line),
    the prepare steps in order, then `--default-fs` when the action names a file system (read as
    Hadoop reads fs.defaultFS: `nn:8020` is `hdfs://nn:8020`)."""
    args: list[str] = []
    for name in sorted(params):
        args += ["--param", f"{name}={params[name]}"]
    for name in sorted(env_params or {}):
        args += ["--param-env", f"{name}={(env_params or {})[name]}"]
    for operation, path in prepare:
        args += [PREPARE_FLAGS[operation], str(path)]
    if default_fs and default_fs.strip():
        args += ["--default-fs", default_fs_uri(default_fs)]
    return args


def secret_params(
    params: Mapping[str, object],
) -> tuple[dict[str, object], dict[str, str], dict[str, str]]:
    """Split `params` for a job's command line: (plain params, {secret param: env var}, {env var:
    value}). A secret (by its name) goes through an environment variable, never an argument."""
    plain: dict[str, object] = {}
    env_params: dict[str, str] = {}
    values: dict[str, str] = {}
    for name in sorted(params):
        if is_sensitive(name):
            variable = f"{PARAM_ENV_PREFIX}{len(env_params)}"
            env_params[name] = variable
            values[variable] = str(params[name])
        else:
            plain[name] = params[name]
    return plain, env_params, values
