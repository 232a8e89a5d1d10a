"""Oozie's Hadoop EL (`hadoop:`, org.apache.oozie.action.hadoop.HadoopELFunctions).

A Ferry action runs on Flink, not MapReduce: there are no Hadoop counters. `hadoop.counters`
returns what an action's tasks pushed as XCom `ferry_hadoop_counters` ({group: {name: n}}),
else an empty map whose groups and counters read as null (the translator warns where a workflow
uses it). `hadoop.conf` reads the worker's Hadoop client configuration ($HADOOP_CONF_DIR).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree

from ferry_runtime.el.values import ElMap, text
from ferry_runtime.run_context import current_context, upstream_tasks, xcom_pull

COUNTERS_KEY: Final = "ferry_hadoop_counters"
# Configuration's default resources, then what JobConf adds (HadoopAccessorService.createJobConf)
SITE_FILES: Final = (
    "core-default.xml",
    "core-site.xml",
    "hdfs-site.xml",
    "mapred-site.xml",
    "yarn-site.xml",
)


class CounterGroups(ElMap):
    """hadoop:counters' Map<String, Map<String, Long>>: a missing group is an empty map."""

    def __missing__(self, key: str) -> Any:
        return ElMap()


def hadoop_configuration(conf_dir: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """name -> value from the *-site.xml files of `conf_dir` ($HADOOP_CONF_DIR), later files
    overriding earlier ones, `final` properties kept, as Configuration loads them."""
    directory = conf_dir if conf_dir is not None else os.environ.get("HADOOP_CONF_DIR")
    values: dict[str, str] = {}
    final: set[str] = set()
    if not directory:
        return values
    for name in SITE_FILES:
        path = Path(directory) / name
        if not path.is_file():
            continue
        for prop in ElementTree.parse(path).getroot().iter("property"):
            key, value = prop.findtext("name"), prop.findtext("value")
            if key is None or value is None or key.strip() in final:
                continue
            values[key.strip()] = value.strip()
            if (prop.findtext("final") or "").strip() == "true":
                final.add(key.strip())
    return values


class HadoopFunctions:
    """`hadoop` in templates: hadoop.counters('mr-node'), hadoop.conf('nn:8020', 'fs.defaultFS')."""

    def counters(self, node: Any) -> CounterGroups:
        context = current_context()
        for task in upstream_tasks(context["task"]):
            if getattr(task, "ferry_node", None) == text(node):
                pushed = xcom_pull(context, task.task_id, COUNTERS_KEY)
                if pushed:
                    return CounterGroups({g: ElMap(c) for g, c in dict(pushed).items()})
        return CounterGroups()

    def conf(self, host_port: Any, name: Any) -> str:
        """HadoopELFunctions.hadoop_conf: the property from the cluster's configuration, ''
        when it is not set (the host:port only selects the cluster in Oozie)."""
        return hadoop_configuration().get(text(name), "")
