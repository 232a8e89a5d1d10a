"""Oozie user retry (retry-max, retry-interval, retry-policy) as Airflow task retries.

Oozie retries an action that ended in ERROR only for the error codes of
oozie.service.LiteWorkflowStoreService.user.retry.error.code (JA008, JA009, JA017, JA018, JA019,
FS008, FS009, FS014) plus user.retry.error.code.ext; a shell or java main's non-zero exit
reports its exit code, so plain Oozie retries it only with error.code.ext=ALL. Ferry's tasks do
not carry Oozie's launcher codes, so every failure of the retried task is retried (Oozie's
behaviour with error.code.ext=ALL), the usual setting of users who write retry-max.

retry-policy="exponential": Oozie waits interval * 2^k before retry k+1 (ActionXCommand
.getRetryDelay); Airflow's exponential backoff (multiplier 2) waits between that and twice it
(Airflow adds a deterministic jitter), so retries may start later than under Oozie, never sooner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

EXPONENTIAL = "exponential"


@dataclass(frozen=True)
class Retry:
    """retries after the first try, minutes between tries, exponential or periodic."""

    max: int
    interval_minutes: float = 10
    exponential: bool = False

    @classmethod
    def of(cls, retry_max: int, retry_interval: float, retry_policy: str) -> Retry | None:
        if retry_max <= 0:
            return None
        return cls(
            max=int(retry_max),
            interval_minutes=float(retry_interval),
            exponential=str(retry_policy).strip().lower() == EXPONENTIAL,
        )

    def apply(self, task: Any) -> None:
        """Set Airflow's retries on a work task (before the DAG is serialized)."""
        task.retries = self.max
        task.retry_delay = timedelta(minutes=self.interval_minutes)
        task.retry_exponential_backoff = 2.0 if self.exponential else 0
