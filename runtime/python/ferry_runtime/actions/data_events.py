"""A coordinator's input events (sensors on done-flags) and output events (Airflow assets).

Oozie keeps a materialized action WAITING until every data-in instance is available: its
`uri/done-flag` exists (`_SUCCESS` when the dataset has no <done-flag>, the directory itself when
<done-flag/> is empty; for an hcat:// dataset, the table partition: ferry_runtime.hcat), checking
again every minute, for at most the coordinator's <timeout> (minutes; -1 forever, default
oozie.service.coord.normal.default.timeout = 120). Here one sensor per data-in does the same in
reschedule mode, then the workflow's first node runs. With a coordinator 0.5 <input-logic>, one
sensor evaluates it instead on every poke (el.input_logic: and/or/combine, min, wait) and also
resolves coord:dataIn of each named element. Each sensor pushes the URIs it resolved (XCom
`ferry_data_in`), which coord:dataIn returns, so latest()/future()
resolve once, as in Oozie.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
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
    utc,
)
from ferry_runtime.el.input_logic import Availability, Status, check_inputs, waited
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
    """Waits until one data-in is available, or until the coordinator's input-logic holds."""

    ui_color = "#e8f7e4"

    def __init__(self, *, unit: str, coordinator: Coordinator, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.unit = unit
        self.coordinator = coordinator
        self._first_poke: datetime | None = None

    def poke(self, context: Any) -> bool:
        render = _renderer(context)
        nominal = utc(nominal_datetime(context))
        resolved: dict[str, list[str]] = {}

        def instances(name: str) -> list[tuple[str, str]] | None:
            uris = self._instances(context, self.coordinator.data_in(name), nominal, render)
            if uris is not None and self.coordinator.data_in(name).needs_existence_checks:
                resolved[name] = uris  # latest/future: what coord:dataIn(name) then lists
            dataset = self.coordinator.by_name[self.coordinator.data_in(name).dataset]
            return None if uris is None else [(uri, dataset.done_path(uri)) for uri in uris]

        availability = Availability(instances, path_exists)
        if not self.coordinator.logic:
            found = instances(self.unit)
            missing = [done for _, done in found or [] if not availability.available(done)]
            self.log.info(
                "%s for nominal time %s: %s",
                self.unit,
                oozie_time(nominal),
                "latest/future instances not available yet"
                if found is None
                else f"{len(found)} instance(s), {len(missing)} missing {missing}",
            )
            if found is None or missing:
                return False
            resolved[self.unit] = [uri for uri, _ in found]
            xcom_push(context, DATA_KEY, resolved)
            return True
        waited_for = waited(datetime.now(timezone.utc), nominal, self._created(context))
        outcome = check_inputs(
            self.coordinator.logic, availability, waited_for, self.coordinator.logic_names()
        )
        result = outcome.result
        status = "no condition" if result is None else (result.status or Status.FALSE).value
        self.log.info(
            "input-logic for nominal time %s (waited %s): %s; probed %s",
            oozie_time(nominal),
            waited_for,
            status,
            {path: ("found" if hit else "missing") for path, hit in availability.probed.items()},
        )
        if not outcome.ready:
            return False
        xcom_push(context, DATA_KEY, {**resolved, **outcome.resolved})
        return True

    def _created(self, context: Mapping[str, Any]) -> datetime:
        """The sensor's first poke: when Oozie would have materialized the action."""
        ti = context.get("ti")
        first = None
        if self.reschedule and ti is not None and hasattr(ti, "get_first_reschedule_date"):
            first = ti.get_first_reschedule_date(context)
        if first is None:
            self._first_poke = self._first_poke or datetime.now(timezone.utc)
            return self._first_poke
        return utc(first)

    def _instances(
        self,
        context: Mapping[str, Any],
        event: DataIn,
        nominal: datetime,
        render: Callable[[str], str],
    ) -> list[str] | None:
        """The data-in's instance URIs, newest first; None while latest/future cannot resolve."""
        dataset = self.coordinator.by_name[event.dataset]

        def exists(path: str) -> bool:
            return path_exists(render(path) if "{{" in path else path)

        times = instance_times(dataset, event, nominal, exists, render)
        return None if times is None else [dataset.uri(t, render) for t in times]


FOREVER_TIMEOUT = timedelta(days=7)  # = CoordinatorSchedule.FOREVER_TIMEOUT_MINUTES


def input_events(
    coordinator: Coordinator,
    *,
    timeout_minutes: int | None,
    poke_interval: timedelta = CHECK_INTERVAL,
    mode: str = "reschedule",
) -> TaskGroup:
    """The `input-events` task group: one sensor per data-in / input group, named after it."""
    # Airflow needs a number: "forever" (-1) waits FOREVER_TIMEOUT (the translator writes that
    # number itself, with a warning, so the DAG says how long it waits).
    timeout = FOREVER_TIMEOUT if timeout_minutes is None else timedelta(minutes=timeout_minutes)
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
