# ruff: noqa: E501  (the XML templates keep their lines as a team writes them)
"""Writes a legacy Oozie repository laid out the way production teams keep theirs (issue #17).

    python e2e/production_repo.py OUT_DIR [--families N]

Every family of apps repeats the patterns a real repository has and the shared corpus has not:
1. no job.properties: submissions are `coordinator.properties`, `bundle.properties`,
   `workflow.properties`, `coord_<name>.properties` naming their app through
   `oozie.{wf,coord,bundle}.application.path`; one coordinator is submitted with two files;
2. dataset names built from properties a bundle (or the submission) passes
   (`dataset="${refined_dataset}"`, `<family>_${source}_raw`), a shared `<include>`d dataset file
   whose path is a property;
3. a generic loop workflow (oozie/util/loop) calling itself through `${wf:appPath()}` and
   `${loop_action}`, used by every family;
4. EL controls (`throttle="${24*4}"`) and instance EL with arithmetic
   (`coord:current(coord:daysInMonth(0) * 24 - 1)`, `coord:current(24 * period_days - 1)`);
5. the `${"$"}{MONTH + 0}` URI-template idiom (partitions without leading zeros);
6. the same app names in every family's directory;
7. scheme-less paths (`/wmf/data/...`) next to `${name_node}/...` ones.

Per family: a refine coordinator (two properties files), a bundle over it (one entry per source),
a monthly coordinator, a daily coordinator with a duplicate name, a workflow using the loop, and
the step the loop runs: 9 app files (workflow, coordinator or bundle XML) and 6 properties files.
10 families and the loop make 91 apps. Deterministic:
the same arguments write the same bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

SOURCES = ("text", "upload")
FAMILIES = (
    "webrequest", "pageview", "mediacount", "wikidata", "netflow", "eventlogging",
    "mediawiki", "cassandra", "projectview", "unique", "browser", "geoeditors",
    "clickstream", "banner", "virtualpageview", "session",
)  # fmt: skip

PROPERTIES_HEADER = "# Submitted with: oozie job -config {name} -run\n"


def common_properties() -> str:
    return (
        "name_node                         = hdfs://analytics-hadoop\n"
        "job_tracker                       = resourcemanager.analytics:8032\n"
        "queue_name                        = default\n"
        "user                              = analytics\n"
        "refinery_directory                = ${name_node}/wmf/refinery/current\n"
        "oozie_directory                   = ${refinery_directory}/oozie\n"
        "loop_workflow_file                = ${oozie_directory}/util/loop/workflow.xml\n"
        # A scheme-less path: Oozie resolves it against the name node (fs.defaultFS).
        "raw_data_directory                = /wmf/data/raw\n"
        "refined_data_directory            = ${name_node}/wmf/data/refined\n"
        "start_time                        = 2026-01-01T00:00Z\n"
        "stop_time                         = 2027-01-01T00:00Z\n"
        "sla_alert_contact                 = analytics-alerts@example.org\n"
    )


def datasets_xml(family: str) -> str:
    raw = "\n".join(
        f"""    <dataset name="{family}_{source}_raw" frequency="${{coord:hours(1)}}"
             initial-instance="${{start_time}}" timezone="Universal">
        <uri-template>${{raw_data_directory}}/{family}_{source}/hourly/${{YEAR}}/${{MONTH}}/${{DAY}}/${{HOUR}}</uri-template>
        <done-flag>_IMPORTED</done-flag>
    </dataset>"""
        for source in SOURCES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Datasets shared by every {family} job (included by path from the coordinators). -->
<datasets>
{raw}
    <dataset name="{family}_refined" frequency="${{coord:hours(1)}}"
             initial-instance="${{start_time}}" timezone="Universal">
        <uri-template>${{refined_data_directory}}/{family}/source=${{source}}/year=${{YEAR}}/month=${{"$"}}{{MONTH + 0}}/day=${{"$"}}{{DAY + 0}}/hour=${{"$"}}{{HOUR + 0}}</uri-template>
    </dataset>
</datasets>
"""


def refine_coordinator(family: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<coordinator-app xmlns="uri:oozie:coordinator:0.4"
    name="{family}-refine-${{source}}-coord"
    frequency="${{coord:hours(1)}}" start="${{start_time}}" end="${{stop_time}}" timezone="Universal">
    <parameters>
        <property><name>queue_name</name><value>default</value></property>
        <property><name>source</name></property>
        <property><name>raw_dataset</name><value>{family}_${{source}}_raw</value></property>
    </parameters>
    <controls>
        <timeout>-1</timeout>
        <concurrency>2</concurrency>
        <throttle>${{24*4}}</throttle>
    </controls>
    <datasets>
        <include>${{datasets_file}}</include>
    </datasets>
    <input-events>
        <data-in name="raw_input" dataset="${{raw_dataset}}">
            <instance>${{coord:current(0)}}</instance>
        </data-in>
    </input-events>
    <output-events>
        <data-out name="refined_output" dataset="{family}_refined" nocleanup="true">
            <instance>${{coord:current(0)}}</instance>
        </data-out>
    </output-events>
    <action>
        <workflow>
            <app-path>${{workflow_file}}</app-path>
            <configuration>
                <property><name>raw_location</name><value>${{coord:dataIn('raw_input')}}</value></property>
                <property><name>refined_location</name><value>${{coord:dataOut('refined_output')}}</value></property>
            </configuration>
        </workflow>
    </action>
</coordinator-app>
"""


def marker_workflow(name: str, location: str) -> str:
    """A workflow that marks its output done (an fs action: runs on any worker)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<workflow-app xmlns="uri:oozie:workflow:0.4" name="{name}">
    <parameters>
        <property><name>{location}</name></property>
    </parameters>
    <start to="mark_done"/>
    <action name="mark_done">
        <fs>
            <mkdir path="${{{location}}}"/>
            <touchz path="${{{location}}}/_SUCCESS"/>
        </fs>
        <ok to="end"/>
        <error to="kill"/>
    </action>
    <kill name="kill">
        <message>Action failed, error message[${{wf:errorMessage(wf:lastErrorNode())}}]</message>
    </kill>
    <end name="end"/>
</workflow-app>
"""


def bundle_xml(family: str) -> str:
    entries = "\n".join(
        f"""    <coordinator name="{family}-refine-{source}-coord">
        <app-path>${{coordinator_file}}</app-path>
        <configuration>
            <property><name>source</name><value>{source}</value></property>
            <property><name>raw_dataset</name><value>{family}_{source}_raw</value></property>
        </configuration>
    </coordinator>"""
        for source in SOURCES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bundle-app xmlns="uri:oozie:bundle:0.2" name="{family}-refine-bundle">
    <parameters>
        <property><name>coordinator_file</name></property>
    </parameters>
{entries}
</bundle-app>
"""


def monthly_coordinator(family: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<coordinator-app xmlns="uri:oozie:coordinator:0.4" name="{family}-monthly-coord"
    frequency="${{coord:months(1)}}" start="${{start_time}}" end="${{stop_time}}" timezone="Universal">
    <controls>
        <timeout>${{60 * 24 * 3}}</timeout>
        <concurrency>${{concurrency}}</concurrency>
    </controls>
    <datasets>
        <include>${{datasets_file}}</include>
    </datasets>
    <input-events>
        <data-in name="refined_input" dataset="${{refined_dataset}}">
            <start-instance>${{coord:current(0)}}</start-instance>
            <end-instance>${{coord:current(coord:daysInMonth(0) * 24 - 1)}}</end-instance>
        </data-in>
        <data-in name="period_input" dataset="${{refined_dataset}}">
            <start-instance>${{coord:current(24 * period_days - 1)}}</start-instance>
            <end-instance>${{coord:current(24 * period_days - 1)}}</end-instance>
        </data-in>
    </input-events>
    <action>
        <workflow>
            <app-path>${{workflow_file}}</app-path>
            <configuration>
                <property><name>month_location</name>
                    <value>${{refined_data_directory}}/{family}_monthly/${{coord:formatTime(coord:nominalTime(), "yyyy-MM")}}</value></property>
            </configuration>
        </workflow>
    </action>
</coordinator-app>
"""


def daily_coordinator() -> str:
    # The same name in every family's directory (pattern 6).
    return """<?xml version="1.0" encoding="UTF-8"?>
<coordinator-app xmlns="uri:oozie:coordinator:0.4" name="daily-aggregate-coord"
    frequency="${coord:days(1)}" start="${start_time}" end="${stop_time}" timezone="Universal">
    <action>
        <workflow>
            <app-path>${oozie_directory}/${family}/daily</app-path>
            <configuration>
                <property><name>day_location</name>
                    <value>${daily_directory}/${coord:formatTime(coord:nominalTime(), "yyyy-MM-dd")}</value></property>
            </configuration>
        </workflow>
    </action>
</coordinator-app>
"""


def loop_workflow() -> str:
    """The generic loop: runs ${loop_action} for loop_start..loop_end, calling itself for the rest."""
    return """<?xml version="1.0" encoding="UTF-8"?>
<workflow-app xmlns="uri:oozie:workflow:0.4" name="loop-${loop_name}-wf">
    <parameters>
        <property><name>loop_name</name></property>
        <property><name>loop_action</name></property>
        <property><name>loop_start</name></property>
        <property><name>loop_end</name></property>
    </parameters>
    <start to="check_bounds"/>
    <decision name="check_bounds">
        <switch>
            <case to="run_action">${loop_start le loop_end}</case>
            <default to="end"/>
        </switch>
    </decision>
    <action name="run_action">
        <sub-workflow>
            <app-path>${loop_action}</app-path>
            <propagate-configuration/>
            <configuration>
                <property><name>loop_value</name><value>${loop_start}</value></property>
            </configuration>
        </sub-workflow>
        <ok to="run_next"/>
        <error to="kill"/>
    </action>
    <action name="run_next">
        <sub-workflow>
            <app-path>${wf:appPath()}</app-path>
            <propagate-configuration/>
            <configuration>
                <property><name>loop_start</name><value>${loop_start + 1}</value></property>
            </configuration>
        </sub-workflow>
        <ok to="end"/>
        <error to="kill"/>
    </action>
    <kill name="kill">
        <message>Loop ${loop_name} failed at ${loop_start}: [${wf:errorMessage(wf:lastErrorNode())}]</message>
    </kill>
    <end name="end"/>
</workflow-app>
"""


def loop_user_workflow(family: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<workflow-app xmlns="uri:oozie:workflow:0.4" name="{family}-backfill-wf">
    <start to="backfill"/>
    <action name="backfill">
        <sub-workflow>
            <app-path>${{loop_workflow_file}}</app-path>
            <propagate-configuration/>
            <configuration>
                <property><name>loop_name</name><value>{family}-backfill</value></property>
                <property><name>loop_action</name><value>${{oozie_directory}}/{family}/step/workflow.xml</value></property>
                <property><name>loop_start</name><value>1</value></property>
                <property><name>loop_end</name><value>${{backfill_steps}}</value></property>
            </configuration>
        </sub-workflow>
        <ok to="end"/>
        <error to="kill"/>
    </action>
    <kill name="kill">
        <message>Backfill failed: [${{wf:errorMessage(wf:lastErrorNode())}}]</message>
    </kill>
    <end name="end"/>
</workflow-app>
"""


def step_workflow(family: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<workflow-app xmlns="uri:oozie:workflow:0.4" name="{family}-step-wf">
    <start to="mark_step"/>
    <action name="mark_step">
        <fs>
            <mkdir path="${{step_directory}}/step=${{loop_value}}"/>
        </fs>
        <ok to="end"/>
        <error to="kill"/>
    </action>
    <kill name="kill">
        <message>Step ${{loop_value}} failed</message>
    </kill>
    <end name="end"/>
</workflow-app>
"""


def properties(name: str, app_kind: str, app_path: str, extra: dict[str, str]) -> str:
    lines = [PROPERTIES_HEADER.format(name=name), common_properties()]
    lines.extend(f"{key:<34}= {value}\n" for key, value in extra.items())
    lines.append(f"oozie.{app_kind}.application.path = {app_path}\n")
    return "".join(lines)


def write_family(root: Path, family: str) -> None:
    base = root / "oozie" / family
    fam = f"${{oozie_directory}}/{family}"
    files: dict[str, str] = {
        "datasets.xml": datasets_xml(family),
        "refine/coordinator.xml": refine_coordinator(family),
        "refine/workflow.xml": marker_workflow(f"{family}-refine-wf", "refined_location"),
        "bundle/bundle.xml": bundle_xml(family),
        "monthly/coordinator.xml": monthly_coordinator(family),
        "monthly/workflow.xml": marker_workflow(f"{family}-monthly-wf", "month_location"),
        "daily/coordinator.xml": daily_coordinator(),
        "daily/workflow.xml": marker_workflow("daily-aggregate-wf", "day_location"),
        "backfill/workflow.xml": loop_user_workflow(family),
        "step/workflow.xml": step_workflow(family),
    }
    refine = {
        "datasets_file": f"{fam}/datasets.xml",
        "workflow_file": f"{fam}/refine/workflow.xml",
    }
    for source in SOURCES:
        name = f"coord_{source}.properties"
        files[f"refine/{name}"] = properties(
            name, "coord", f"{fam}/refine/coordinator.xml", {**refine, "source": source}
        )
    files["bundle/bundle.properties"] = properties(
        "bundle.properties",
        "bundle",
        f"{fam}/bundle/bundle.xml",
        {**refine, "coordinator_file": f"{fam}/refine/coordinator.xml"},
    )
    files["monthly/coordinator.properties"] = properties(
        "coordinator.properties",
        "coord",
        f"{fam}/monthly/coordinator.xml",
        {
            "datasets_file": f"{fam}/datasets.xml",
            "workflow_file": f"{fam}/monthly/workflow.xml",
            "refined_dataset": f"{family}_refined",
            "source": "text",
            "period_days": "7",
            "concurrency": "${2 * 2}",
        },
    )
    files["daily/coordinator.properties"] = properties(
        "coordinator.properties",
        "coord",
        f"{fam}/daily/coordinator.xml",
        {"family": family, "daily_directory": f"/wmf/data/derived/{family}_daily"},
    )
    files["backfill/workflow.properties"] = properties(
        "workflow.properties",
        "wf",
        f"{fam}/backfill/workflow.xml",
        {"backfill_steps": "3", "step_directory": f"/wmf/data/derived/{family}_backfill"},
    )
    for relative, text in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def write(root: Path, families: int) -> int:
    """Writes the repository; returns the number of apps (workflow, coordinator, bundle files)."""
    if not 1 <= families <= len(FAMILIES):
        raise ValueError(f"families must be within 1..{len(FAMILIES)}")
    loop = root / "oozie" / "util" / "loop" / "workflow.xml"
    loop.parent.mkdir(parents=True, exist_ok=True)
    loop.write_text(loop_workflow())
    for family in FAMILIES[:families]:
        write_family(root, family)
    return 1 + 9 * families


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--families", type=int, default=10)
    args = parser.parse_args()
    apps = write(args.out, args.families)
    print(f"wrote {apps} apps to {args.out}")


if __name__ == "__main__":
    main()
