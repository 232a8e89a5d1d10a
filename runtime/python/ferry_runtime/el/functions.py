"""Oozie EL function -> the Jinja expression a generated DAG calls: the one table.

The generator rewrites `${wf:errorMessage(wf:lastErrorNode())}` as
`{{ wf.error_message(wf.last_error_node()) }}`; `macros()` provides the objects these names live
on. A function missing here is not supported at run time and must get a diagnostic at conversion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ferry_runtime.el.datasets import Coordinator, CoordinatorFunctions
from ferry_runtime.el.fn import BasicFunctions
from ferry_runtime.el.fs import FileSystemFunctions
from ferry_runtime.el.hadoop import HadoopFunctions
from ferry_runtime.el.operators import ElOperators
from ferry_runtime.el.wf import WorkflowFunctions
from ferry_runtime.hcat import HCatalogFunctions


@dataclass(frozen=True)
class ElFunction:
    oozie: str  # as written in workflow.xml, e.g. "wf:errorMessage"
    jinja: str  # callable in templates, e.g. "wf.error_message"
    note: str = ""


EL_FUNCTIONS: Final[tuple[ElFunction, ...]] = (
    # basic (ELConstantsFunctions)
    ElFunction("firstNotNull", "fn.first_not_null"),
    ElFunction("concat", "fn.concat", "null arguments count as ''"),
    ElFunction("replaceAll", "fn.replace_all", "Java regex; $1 group references"),
    ElFunction("appendAll", "fn.append_all", "the delimiter is a regex for the split"),
    ElFunction("trim", "fn.trim", "String.trim(), null as ''"),
    ElFunction("urlEncode", "fn.url_encode", "java.net.URLEncoder, UTF-8"),
    ElFunction("timestamp", "fn.timestamp", "now, UTC, 2024-05-01T06:00Z"),
    ElFunction("toJsonStr", "fn.to_json_str", "json-simple; keys sorted"),
    ElFunction("toPropertiesStr", "fn.to_properties_str", "Properties.store; keys sorted"),
    ElFunction("toConfigurationStr", "fn.to_configuration_str", "JDOM pretty print; keys sorted"),
    ElFunction("empty", "empty", "the EL `empty` operator"),
    # workflow (DagELFunctions)
    ElFunction("wf:id", "wf.id", "the Airflow run_id"),
    ElFunction("wf:name", "wf.name", "the dag_id"),
    ElFunction("wf:appPath", "wf.app_path"),
    ElFunction("wf:conf", "wf.conf", "DAG params (job.properties, config-default.xml)"),
    ElFunction("wf:user", "wf.user", "param user.name, else the task owner"),
    ElFunction("wf:group", "wf.group", "param group.name"),
    ElFunction("wf:run", "wf.run", "times the DAG run was cleared"),
    ElFunction("wf:lastErrorNode", "wf.last_error_node", "latest failed action upstream"),
    ElFunction("wf:errorCode", "wf.error_code", "codes in ferry_runtime.errors.ERROR_CODES"),
    ElFunction("wf:errorMessage", "wf.error_message"),
    ElFunction("wf:transition", "wf.transition"),
    ElFunction("wf:actionData", "wf.action_data", "{}: Ferry actions capture no output"),
    ElFunction("wf:actionExternalId", "wf.action_external_id", "ferry_external_id"),
    ElFunction("wf:actionTrackerUri", "wf.action_tracker_uri", "ferry_tracker_uri"),
    ElFunction("wf:actionExternalStatus", "wf.action_external_status", "ferry_external_status"),
    # hadoop (HadoopELFunctions)
    ElFunction("hadoop:counters", "hadoop.counters", "{}: a Flink job has no Hadoop counters"),
    ElFunction("hadoop:conf", "hadoop.conf", "$HADOOP_CONF_DIR/*-site.xml"),
    # coordinator (CoordELFunctions; the dataset functions live in el/datasets.py)
    ElFunction("coord:nominalTime", "coord.nominal_time", "the run's tick or logical date, UTC"),
    ElFunction("coord:actualTime", "coord.actual_time", "the run's start"),
    ElFunction("coord:formatTime", "coord.format_time", "Java SimpleDateFormat pattern"),
    ElFunction("coord:epochTime", "coord.epoch_time", "seconds, or millis when 'true'"),
    ElFunction("coord:dateOffset", "coord.date_offset", "TimeUnit MINUTE..YEAR"),
    ElFunction("coord:dateTzOffset", "coord.date_tz_offset"),
    ElFunction("coord:name", "coord.name", "the dag_id"),
    ElFunction("coord:actionId", "coord.action_id", "the Airflow run_id"),
    ElFunction("coord:conf", "coord.conf", "same properties as wf:conf"),
    ElFunction("coord:user", "coord.user", "same as wf:user"),
    ElFunction("coord:days", "coord.days", "the count (unit DAY)"),
    ElFunction("coord:hours", "coord.hours", "minutes"),
    ElFunction("coord:minutes", "coord.minutes"),
    ElFunction("coord:months", "coord.months", "the count (unit MONTH)"),
    ElFunction("coord:endOfDays", "coord.end_of_days", "the count"),
    ElFunction("coord:endOfWeeks", "coord.end_of_weeks", "the count"),
    ElFunction("coord:endOfMonths", "coord.end_of_months", "the count"),
    # Dataset functions: the coordinator's data events, resolved from the nominal time
    ElFunction("coord:dataIn", "coord.data_in", "URIs, newest first, comma-separated"),
    ElFunction("coord:dataOut", "coord.data_out"),
    ElFunction("coord:dataInPartitions", "coord.data_in_partitions", "hcat:// URIs"),
    ElFunction("coord:dataInPartitionFilter", "coord.data_in_partition_filter", "hcat:// URIs"),
    ElFunction("coord:dataInPartitionMin", "coord.data_in_partition_min", "hcat:// URIs"),
    ElFunction("coord:dataInPartitionMax", "coord.data_in_partition_max", "hcat:// URIs"),
    ElFunction("coord:dataOutPartitions", "coord.data_out_partitions", "hcat:// URIs"),
    ElFunction("coord:dataOutPartitionValue", "coord.data_out_partition_value", "hcat:// URIs"),
    ElFunction("coord:databaseIn", "coord.database_in", "hcat:// URIs"),
    ElFunction("coord:databaseOut", "coord.database_out", "hcat:// URIs"),
    ElFunction("coord:tableIn", "coord.table_in", "hcat:// URIs"),
    ElFunction("coord:tableOut", "coord.table_out", "hcat:// URIs"),
    # hdfs (FsELFunctions)
    ElFunction("fs:exists", "fs.exists", "through fsspec; globs"),
    ElFunction("fs:isDir", "fs.is_dir"),
    ElFunction("fs:fileSize", "fs.file_size"),
    ElFunction("fs:dirSize", "fs.dir_size"),
    ElFunction("fs:blockSize", "fs.block_size"),
    # hcatalog (HCatELFunctions.hcat_exists)
    ElFunction("hcat:exists", "hcat.exists", "Hive metastore over Thrift (ferry_runtime.hcat)"),
)

BY_OOZIE_NAME: Final[dict[str, ElFunction]] = {row.oozie: row for row in EL_FUNCTIONS}


def macros(
    run_configuration: Mapping[str, str] | None = None, coordinator: Coordinator | None = None
) -> dict[str, Any]:
    """The DAG's `user_defined_macros`: the namespaces every `jinja` name above lives in, plus
    `el`, the EL operators with their coercions (ferry_runtime.el.operators).

    `run_configuration` holds the properties the coordinator sets per run (its `<configuration>`),
    as Jinja templates rendered when `wf.conf` reads them; `coordinator` its datasets and data
    events, for coord:dataIn and friends.
    """
    workflow = WorkflowFunctions(run_configuration or {})
    operators = ElOperators()
    return {
        "wf": workflow,
        "coord": CoordinatorFunctions(coordinator, workflow),
        "fn": BasicFunctions(),
        "fs": FileSystemFunctions(),
        "hadoop": HadoopFunctions(),
        "hcat": HCatalogFunctions(),
        "el": operators,
        "empty": operators.empty,
    }
