"""How an action's work reports a failure to its `outcome` task, and the error codes it can carry.

A work task that fails pushes XCom `ferry_failure` = {"message", "code"} and then raises. Airflow
3.3 keeps an XCom pushed by a task that later fails (verified with dag.test(): a downstream
all_done task reads it), so the outcome task reads the message from there; on a retry Airflow
clears the task's XComs first, so a stale message never survives a later success.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final

from ferry_runtime._airflow import (
    AirflowException,
    AirflowRescheduleException,
    AirflowSensorTimeout,
    AirflowSkipException,
    AirflowTaskTimeout,
)
from ferry_runtime.run_context import xcom_push

FAILURE_KEY: Final = "ferry_failure"  # pushed by the work task that failed
ERROR_KEY: Final = "ferry_error"  # pushed by the action's outcome task; read by wf.errorMessage

# wf:errorCode() values a Ferry action reports -> what happened.
ERROR_CODES: Final[dict[str, str]] = {
    "FLINK_JOB_FAILED": "the Flink job ended FAILED (status.jobStatus.state)",
    "FLINK_JOB_CANCELED": "the Flink job ended CANCELED (status.jobStatus.state)",
    "FLINK_DEPLOYMENT_FAILED": "the operator gave up on the deployment (status.lifecycleState)",
    "FLINK_DEPLOYMENT_GONE": "the FlinkDeployment disappeared before its job finished",
    "FLINK_JOBMANAGER_FAILED": "JobManager crashed or did not start (jobManagerDeploymentStatus)",
    "BACKEND_NOT_SET": "no backend chosen: FERRY_BACKEND is unset or names no backend",
    "SUBMIT_FAILED": "the FlinkDeployment could not be built or created",
    "RUNTIME_JOB_FAILED": "the local runtime ran the job and it failed (exit 1)",
    "RUNTIME_USAGE_ERROR": "the local runtime rejected the script or its parameters (exit 2)",
    "RUNTIME_FAILED": "the local runtime could not start or exited abnormally",
    "EMAIL_FAILED": "the email could not be sent or written",
    "POD_FAILED": "the action's pod could not be built or its command failed",
    "POD_NEEDS_KUBERNETES": "the action runs in a pod, which the local backend cannot start",
    "OUTPUT_TOO_LARGE": "capture-output wrote more than oozie.action.max.output.data (2048)",
    "TIMEOUT": "the action did not finish in time",
    "TASK_FAILED": "the task failed without reporting why (killed, lost, ...)",
    "NOT_TRANSLATED": "the Oozie action has no translation yet (see the conversion report)",
    "SHELL_FAILED": "the shell command exited non-zero or could not start",
    "SSH_FAILED": "the ssh command exited non-zero, or the connection failed",
    "SUBWORKFLOW_FAILED": "the sub-workflow's DAG run failed",
    "E0505": "sub-workflow: the app-path (known at run time) names no converted workflow",
    "SUBWF001": "sub-workflow: deeper than oozie.action.subworkflow.max.depth (50)",
    "FS_FAILED": "an fs operation failed (Oozie reports the exception's message)",
    "JA018": "the launcher's main class threw: Oozie's code for a failed git action (clone, copy)",
    # Oozie's own FsActionExecutor codes, kept for wf:errorCode() and decisions on it.
    "FS001": "fs: missing scheme in path",
    "E0904": "fs: the <name-node>'s scheme is no file system (nn:8020 reads as scheme nn)",
    "FS005": "fs: delete could not delete the path",
    "FS006": "fs: move source does not exist",
    "FS007": "fs: move target on another name node",
    "FS008": "fs: move could not rename",
    "FS009": "fs: chmod/chgrp path does not exist",
    "FS010": "fs: invalid permissions mask",
    "FS011": "fs: path cannot be relative",
    "FS012": "fs: several sources moved to one target name",
    "FS013": "fs: too many globbed paths",
}


class ActionFailed(AirflowException):
    """The action's work failed: `message` is wf:errorMessage(), `code` wf:errorCode()."""

    def __init__(self, message: str, code: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown Ferry error code {code!r}")
        super().__init__(message)
        self.message = message
        self.code = code


# Control flow that Airflow signals with exceptions: not failures of the action.
_NOT_FAILURES = (AirflowSkipException, AirflowRescheduleException)


@contextmanager
def failure_recorded(context: Mapping[str, Any], code: str) -> Iterator[None]:
    """Run an action's work; if it raises, push message and code for the outcome task, re-raise."""
    try:
        yield
    except _NOT_FAILURES:
        raise
    except ActionFailed as exc:
        _record(context, exc.message, exc.code)
        raise
    except (AirflowSensorTimeout, AirflowTaskTimeout) as exc:
        _record(context, str(exc) or "timed out", "TIMEOUT")
        raise
    except Exception as exc:
        _record(context, str(exc) or type(exc).__name__, code)
        raise


def _record(context: Mapping[str, Any], message: str, code: str) -> None:
    xcom_push(context, FAILURE_KEY, {"message": message, "code": code})
