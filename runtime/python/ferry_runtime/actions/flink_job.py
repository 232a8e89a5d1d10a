"""A Flink SQL job as the generated DAG describes it, and the runtime jar's command-line contract.

Both backends hand the job to the same runtime main: locally as `java -jar ferry-runtime.jar ARGS`,
on Kubernetes as ARGS appended to the FlinkDeployment's `spec.job.args`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

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


@dataclass(frozen=True)
class FlinkSqlJob:
    """One Oozie action turned Flink SQL job; `params` and `prepare` paths are Jinja templates."""

    node: str
    repo: Path
    script: str  # relative to repo
    deployment: str  # FlinkDeployment YAML, relative to repo
    params: Mapping[str, str] = field(default_factory=dict)
    prepare: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for operation, _path in self.prepare:
            if operation not in PREPARE_FLAGS:
                raise ValueError(
                    f"action '{self.node}': unknown <prepare> operation {operation!r} "
                    f"(expected one of {', '.join(PREPARE_FLAGS)})"
                )


def runtime_args(params: Mapping[str, object], prepare: Sequence[Sequence[str]]) -> list[str]:
    """`--param NAME=VALUE` for each parameter (sorted by name), then the prepare steps in order."""
    args: list[str] = []
    for name in sorted(params):
        args += ["--param", f"{name}={params[name]}"]
    for operation, path in prepare:
        args += [PREPARE_FLAGS[operation], str(path)]
    return args
