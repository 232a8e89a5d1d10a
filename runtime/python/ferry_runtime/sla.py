"""Oozie SLA misses at run time: the callback of the deadline alerts a generated DAG declares.

Oozie's SLA service records END_MISS / DURATION_MISS events and mails `alert-contact`; Airflow calls
this when a DAG run's deadline passes (DeadlineAlert with a SyncCallback). It logs the miss in the
form Oozie's SLA message has and hands it to the mail backend when an outbox/SMTP is set up.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

log = logging.getLogger(__name__)


def sla_missed(
    context: Mapping[str, Any] | None = None,
    *,
    event: str,
    contact: str = "",
    message: str = "",
    **_: Any,
) -> str:
    """Reports one SLA miss; returns the text it logged."""
    context = context or {}
    dag_run = context.get("dag_run")
    dag_id = getattr(dag_run, "dag_id", None) or context.get("dag_id", "?")
    run_id = getattr(dag_run, "run_id", None) or context.get("run_id", "?")
    text = f"Oozie SLA {event} for DAG {dag_id} run {run_id}"
    if contact:
        text += f" (alert-contact: {contact})"
    if message:
        text += f": {message}"
    log.warning(text)
    return text
