"""The Airflow 3 names the runtime uses (task SDK, standard provider), in one place."""

from __future__ import annotations

from airflow.providers.standard.operators.branch import BaseBranchOperator
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import BaseOperator, BaseSensorOperator, TaskGroup, get_current_context
from airflow.sdk.exceptions import (
    AirflowException,
    AirflowFailException,
    AirflowRescheduleException,
    AirflowSensorTimeout,
    AirflowSkipException,
    AirflowTaskTimeout,
)
from airflow.sdk.log import mask_secret

__all__ = [
    "AirflowException",
    "AirflowFailException",
    "AirflowRescheduleException",
    "AirflowSensorTimeout",
    "AirflowSkipException",
    "AirflowTaskTimeout",
    "BaseBranchOperator",
    "BaseOperator",
    "BaseSensorOperator",
    "EmptyOperator",
    "TaskGroup",
    "get_current_context",
    "mask_secret",
]
