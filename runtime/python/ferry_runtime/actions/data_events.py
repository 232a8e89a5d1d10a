"""A coordinator's input events (sensors on done-flags) and output events (Airflow assets).

Oozie keeps a materialized action WAITING until every data-in instance is available: its
`uri/done-flag` exists (`_SUCCESS` when the dataset has no <done-flag>, the directory itself when
<done-flag/> is empty; for an hcat:// dataset, the table partition: ferry_runtime.hcat), checking
again every minute, for at most the coordinator's <timeout> (minutes; -1 forever, default
oozie.service.coord.normal.default.timeout = 120). Here one sensor per data-in (or input-logic
group) does the same in reschedule mode, then the workflow's first node runs. Each sensor pushes
the URIs it resolved (XCom `ferry_data_in`), which coord:dataIn returns, so latest()/future()
resolve once, as in Oozie.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from ferry_runtime._airflow import AirflowSkipException, BaseOperator, BaseSensorOperator, TaskGroup
from ferry_runtime.el.coord import nominal_datetime, oozie_time
from ferry_runtime.el.datasets import (
    DATA_KEY,
    INPUT_GROUP,
    Coordinator,
    CoordinatorFunctions,
    DataIn,
    _renderer,
    instance_times,
)
from ferry_runtime.hcat import HCatError, is_hcat, partition_exists
from ferry_runtime.run_context import task_states, xcom_push

log = logging.getLogger(__name__)

CHECK_INTERVAL = timedelta(minutes=1)  # oozie.service.coord.input.check.requeue.interval


def path_exists(path: str) -> bool:
    """Whether a done-flag (or an instance directory) exists, through fsspec; for an hcat://
    instance, whether its partition exists in the Hive metastore (ferry_runtime.hcat). A
    metastore that cannot answer leaves the instance missing: Oozie keeps the action WAITING and
    checks again (CoordActionInputCheckXCommand re-queues itself after the error)."""
    if is_hcat(path):
        try:
            return partition_exists(path)
        except HCatError as exc:
            log.warning("%s; checking again at the next poke", exc)
            return False
    from fsspec.core import url_to_fs

    filesystem, local = url_to_fs(path)
    return bool(filesystem.exists(local))


class WaitForData(BaseSensorOperator):
    """Waits until every instance of one data-in (or one input-logic group) is available."""

    ui_color = "#e8f7e4"

    def __init__(self, *, unit: str, coordinator: Coordinator, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.unit = unit
        self.coordinator = coordinator

    def poke(self, context: Any) -> bool:
        group = self.coordinator.group(self.unit)
        members = list(group.members) if group else [self.unit]
        resolved: dict[str, list[str]] = {}
        for member in members:
            uris = self._available(context, self.coordinator.data_in(member))
            if uris is not None:
                resolved[member] = uris
                if group is not None and group.operator == "or":
                    break
            elif group is None or group.operator == "and":
                return False
        if not resolved:
            return False
        if group is not None:
            resolved[group.name] = [uri for member in resolved.values() for uri in member]
        xcom_push(context, DATA_KEY, resolved)
        return True

    def _available(self, context: Mapping[str, Any], event: DataIn) -> list[str] | None:
        dataset = self.coordinator.by_name[event.dataset]
        render = _renderer(context)
        nominal = nominal_datetime(context)
        times = instance_times(dataset, event, nominal, path_exists, render)
        if times is None:
            self.log.info("%s: latest/future instances not available yet", event.name)
            return None
        uris = [dataset.uri(t, render) for t in times]
        missing = [uri for uri in uris if not path_exists(dataset.done_path(uri))]
        self.log.info(
            "%s for nominal time %s: %d instance(s), %d missing %s",
            event.name,
            oozie_time(nominal),
            len(uris),
            len(missing),
            [dataset.done_path(uri) for uri in missing],
        )
        return None if missing else uris


def input_events(
    coordinator: Coordinator,
    *,
    timeout_minutes: int | None,
    poke_interval: timedelta = CHECK_INTERVAL,
    mode: str = "reschedule",
) -> TaskGroup:
    """The `input-events` task group: one sensor per data-in / input group, named after it."""
    # Airflow needs a number: "forever" (-1) becomes a year (Oozie's catch-up cap is 60 days).
    timeout = timedelta(days=365) if timeout_minutes is None else timedelta(minutes=timeout_minutes)
    with TaskGroup(group_id=INPUT_GROUP) as group:
        for unit in coordinator.sensor_units():
            WaitForData(
                task_id=unit,
                unit=unit,
                coordinator=coordinator,
                timeout=timeout,
                poke_interval=poke_interval,
                mode=mode,
            )
    return group


class PublishOutputs(BaseOperator):
    """After the workflow's end: one asset event per data-out, with the instance URI in `extra`."""

    ui_color = "#e8f7e4"

    def __init__(self, *, coordinator: Coordinator, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.coordinator = coordinator

    def execute(self, context: Any) -> None:
        states = task_states(context, [up.task_id for up in self.upstream_list])
        if any(state != "success" for state in states.values()):
            raise AirflowSkipException("the workflow did not reach its end node")
        functions = CoordinatorFunctions(self.coordinator)
        outlet_events = context.get("outlet_events")
        for asset, event in zip(self.outlets, self.coordinator.outputs, strict=True):
            uri = _data_out_uri(functions, context, event.name)
            self.log.info("data-out %s: %s", event.name, uri)
            if outlet_events is not None:
                outlet_events[asset].extra = {
                    "uri": uri,
                    "nominal_time": oozie_time(nominal_datetime(context)),
                }


def _data_out_uri(functions: CoordinatorFunctions, context: Mapping[str, Any], name: str) -> str:
    event = functions._coordinator.data_out(name)
    dataset = functions._coordinator.by_name[event.dataset]
    times = instance_times(
        dataset, DataIn(event.name, event.dataset, (event.instance,)), nominal_datetime(context)
    )
    return ",".join(dataset.uri(t, _renderer(context)) for t in times or [])


def output_events(coordinator: Coordinator) -> PublishOutputs:
    """The `output-events` task: outlets are one Asset per <data-out>, named coordinator-wide."""
    from airflow.sdk import Asset

    outlets = [
        Asset(name=f"{event.dataset}", uri=_asset_uri(coordinator, event.dataset))
        for event in coordinator.outputs
    ]
    return PublishOutputs(task_id="output-events", coordinator=coordinator, outlets=outlets)


def _asset_uri(coordinator: Coordinator, dataset_name: str) -> str:
    """A stable URI for a dataset: its template up to the first per-run part, as a URI."""
    template = coordinator.by_name[dataset_name].uri_template
    cut = min((i for i in (template.find("{{"), template.find("${")) if i >= 0), default=-1)
    prefix = template if cut < 0 else template[:cut]
    if "://" not in prefix:
        return f"oozie-dataset://{dataset_name}"
    return prefix
