<#-- An Airflow DAG for one translated Oozie workflow. Every value is pre-rendered Python by DagRenderer. -->
${docstring}

<#list schedule.stdlib as line>
${line}
</#list>
from pathlib import Path

import pendulum
${schedule.sdkImport}
<#list schedule.thirdParty as line>
${line}
</#list>
from ferry_runtime import oozie

REPO = Path(__file__).resolve().parents[1]
<#if schedule.coordinator?has_content>

# The coordinator's datasets and data events, resolved per run from the nominal time.
${schedule.coordinator?remove_ending("\n")}
</#if>

with DAG(
    dag_id=${dagId},
    description=${description},
<#list schedule.dagArguments as argument>
    ${argument}
</#list>
    params=${params},
    user_defined_macros=oozie.macros(
        run_configuration=${runConfiguration},
<#if schedule.coordinator?has_content>
        coordinator=COORDINATOR,
</#if>
    ),
    tags=${tags},
) as dag:
<#list schedule.before as line>
    ${line}
</#list>
<#list tasks as task>
    ${task.variable} = ${task.call}
</#list>
<#list slas as sla>
    ${sla}
</#list>
<#list schedule.after as line>
    ${line}
</#list>
<#if edges?has_content || schedule.edgesBefore?has_content>

<#list schedule.edgesBefore as edge>
    ${edge}
</#list>
<#list edges as edge>
    ${edge}
</#list>
<#list schedule.edgesAfter as edge>
    ${edge}
</#list>
</#if>
