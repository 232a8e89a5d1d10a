<#-- An Airflow DAG for one translated Oozie workflow. Every value is pre-rendered Python by DagRenderer. -->
"""${docstring}"""

from pathlib import Path

import pendulum
from airflow.sdk import DAG
<#if schedule.timetable>
from airflow.timetables.trigger import CronTriggerTimetable
</#if>
from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]

with DAG(
    dag_id=${dagId},
    description=${description},
    schedule=${schedule.expression},
    start_date=${schedule.start},
<#if schedule.end??>
    end_date=${schedule.end},
</#if>
    catchup=${schedule.catchup},
<#if schedule.maxActiveRuns??>
    max_active_runs=${schedule.maxActiveRuns},
</#if>
    params=${params},
    user_defined_macros=oozie.macros(
        run_configuration=${runConfiguration},
    ),
    tags=${tags},
) as dag:
<#list tasks as task>
    ${task.variable} = ${task.call}
</#list>
<#if edges?has_content>

<#list edges as edge>
    ${edge}
</#list>
</#if>
