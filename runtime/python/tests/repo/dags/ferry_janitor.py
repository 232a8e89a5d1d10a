"""Deletes FlinkDeployments and ConfigMaps that outlived their Airflow task.

Written by Ferry into every migrated repository (`ferry convert --no-janitor`
leaves it out). Every 30 minutes it deletes, logging each, what belongs to a
task instance that is no longer running, or is older than two days: see
ferry_runtime.janitor.
"""

from ferry_runtime import janitor

dag = janitor.janitor_dag()
