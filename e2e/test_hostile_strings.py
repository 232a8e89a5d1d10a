"""Hostile names and values through the CLI jar, then Airflow's DagBag: no import error, no canary.

Each case plants one hostile string (quotes, triple quotes, line breaks of every kind, comment
closers, Jinja and EL openers, backslashes, YAML indicators) into a directory name, the app name, a
property value, a kill message and a Pig string literal, with Python that would create a canary file
if it ever ran. A bounded table of cases, converted one by one, imported in one Airflow process.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from test_corpus import airflow_python, import_dags

from conftest import CLI_JAR

CANARY = "import os; os.system('touch CANARY')"
HOSTILE = [
    f'x"""\n{CANARY}\n"""',
    f"x'''\n{CANARY}\n'''",
    f"a\r\n{CANARY}",
    f"a\u2028{CANARY}\u2029b",
    f"a\x85{CANARY}",
    "*/ -- {{ 7 * 7 }} {% if %} ${x} \\ \\n",
    '": &anchor *alias ! | > # - [ ] {',
    f"é\t\\'\\\"{CANARY}",
]


def xml_text(value: str) -> str:
    escaped = (
        value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace("${", "$ {")
    )
    return "".join(c if c >= " " or c in "\n\t" else "" for c in escaped).replace("\n", "&#10;")


def pig_literal(value: str) -> str:
    out = []
    for c in value:
        if c == "$":
            # Pig substitutes $name in literals; Ferry does not honour its \$ escape yet.
            out.append("S")
        elif c in "'\\":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c < " " or c in "\x85\u2028\u2029":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "'" + "".join(out) + "'"


def make_repo(root: Path, value: str) -> Path:
    app = root / "repo" / "apps" / value.replace("/", "_").replace("\x00", "_")
    app.mkdir(parents=True)
    (app / "workflow.xml").write_text(
        f"""<workflow-app name="{xml_text(value)}" xmlns="uri:oozie:workflow:0.5">
  <start to="p"/>
  <action name="p"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>s.pig</script>
    <param>IN=/in</param><param>OUT=/out</param><param>V={xml_text(value)}</param></pig>
    <ok to="end"/><error to="k"/></action>
  <kill name="k"><message>{xml_text(value)}</message></kill>
  <end name="end"/>
</workflow-app>
""",
        encoding="utf-8",
    )
    (app / "s.pig").write_text(
        "A = LOAD '$IN' AS (s:chararray);\n"
        f"B = FILTER A BY s == {pig_literal(value)} OR s == '$V';\n"
        "STORE B INTO '$OUT';\n",
        encoding="utf-8",
    )
    (app / "job.properties").write_text(
        "label=" + value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\n",
        encoding="utf-8",
    )
    return root / "repo"


def convert(repo: Path, out: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_hostile_strings_import_with_no_errors_and_never_run(tmp_path: Path) -> None:
    folders = {}
    for i, value in enumerate(HOSTILE):
        case = tmp_path / f"case{i}"
        repo = make_repo(case, value)
        out = case / "out"
        result = convert(repo, out, case)
        assert result.returncode == 0, f"case {i} {value!r}:\n{result.stderr}"
        folders[f"case{i}"] = str(out / "dags")
    found = import_dags(folders, tmp_path)
    assert {name: r["errors"] for name, r in found.items() if r["errors"]} == {}
    assert [name for name, r in found.items() if not r["dags"]] == []
    # The DagBag ran every module; Python planted in any name or value never executed.
    assert list(tmp_path.rglob("CANARY")) == []
    assert not (Path.cwd() / "CANARY").exists()


# Jinja planted as text: each opener, and a '{' right before an EL value (`{${wf:id()}}`).
JINJA = "{{ 7*7 }}|{% set z = 1 %}|{# c #}|{"


def every_channel_repo(root: Path) -> Path:
    """One app whose every text an action, the coordinator, job.properties, config-default.xml
    and the Pig script carry holds JINJA, as text and before an EL value."""
    app = root / "repo" / "apps" / "a"
    app.mkdir(parents=True)
    p = xml_text(JINJA)
    el = "{${wf:id()}}"
    (app / "workflow.xml").write_text(
        f"""<workflow-app name="w{p}" xmlns="uri:oozie:workflow:0.5" xmlns:sla="uri:oozie:sla:0.2">
  <global><configuration><property><name>g</name><value>G{p}{el}</value></property>
  </configuration></global>
  <start to="p"/>
  <action name="p"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node>
    <prepare><delete path="/tmp/{p}"/></prepare><script>s.pig</script>
    <param>IN=/in/{p}</param><param>OUT=/out{el}</param><param>V={p}</param></pig>
    <ok to="sh"/><error to="k"/></action>
  <action name="sh"><shell xmlns="uri:oozie:shell-action:0.3"><job-tracker>jt</job-tracker>
    <name-node>nn</name-node><exec>run{p}.sh</exec><argument>A{p}</argument>
    <argument>{el}</argument><env-var>E=V{p}{el}</env-var><file>/f/x{p}.sh#l</file></shell>
    <ok to="fs"/><error to="k"/></action>
  <action name="fs"><fs><mkdir path="/m{p}{el}"/><move source="/s{p}" target="/t{el}"/></fs>
    <ok to="em"/><error to="k"/></action>
  <action name="em"><email xmlns="uri:oozie:email-action:0.2"><to>a@b.c</to>
    <subject>S{p}</subject><body>B{p}{el}</body></email><ok to="ssh"/><error to="k"/></action>
  <action name="ssh"><ssh xmlns="uri:oozie:ssh-action:0.2"><host>u@h{p}</host>
    <command>/opt/c{p}{el}.sh</command><arg>R{p}.sh</arg></ssh>
    <ok to="sub"/><error to="k"/></action>
  <action name="sub"><sub-workflow><app-path>${{wf:conf('child')}}/{p}</app-path>
    <configuration><property><name>n</name><value>v{p}{el}</value></property></configuration>
    </sub-workflow><ok to="java"/><error to="k"/></action>
  <action name="java"><java><job-tracker>jt</job-tracker><name-node>nn</name-node>
    <main-class>M{p}</main-class><arg>{p}{el}</arg></java><ok to="d"/><error to="k"/></action>
  <decision name="d"><switch><case to="end">${{wf:conf('V') eq '{p}'}}</case>
    <default to="k"/></switch></decision>
  <kill name="k"><message>M{p}{el}</message></kill>
  <end name="end"/>
  <sla:info><sla:nominal-time>${{wf:conf('nt')}}</sla:nominal-time>
    <sla:should-end>${{10 * MINUTES}}</sla:should-end><sla:alert-contact>{p}</sla:alert-contact>
    <sla:notification-msg>N{p}</sla:notification-msg></sla:info>
</workflow-app>
""",
        encoding="utf-8",
    )
    (app / "coordinator.xml").write_text(
        f"""<coordinator-app name="c{p}" frequency="${{coord:days(1)}}" start="2026-01-01T00:00Z"
    end="2026-02-01T00:00Z" timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
  <datasets><dataset name="ds" frequency="${{coord:days(1)}}" initial-instance="2026-01-01T00:00Z"
    timezone="UTC"><uri-template>/data/{p}/${{YEAR}}{{${{DAY}}</uri-template>
    <done-flag>_D{p}</done-flag></dataset></datasets>
  <input-events><data-in name="in" dataset="ds"><instance>${{coord:current(0)}}</instance>
  </data-in></input-events>
  <action><workflow><app-path>${{appDir}}</app-path><configuration>
    <property><name>cc</name><value>CV{p}{{${{coord:dataIn('in')}}</value></property>
  </configuration></workflow></action>
</coordinator-app>
""",
        encoding="utf-8",
    )
    (app / "job.properties").write_text(
        "nameNode=hdfs://nn\nappDir=${nameNode}/apps/a\n"
        "oozie.coord.application.path=${nameNode}/apps/a/coordinator.xml\n"
        f"V={JINJA}\nnt=2026-01-01T00:00Z\n",
        encoding="utf-8",
    )
    (app / "config-default.xml").write_text(
        f"<configuration><property><name>d</name><value>D{p}</value></property></configuration>",
        encoding="utf-8",
    )
    (app / "s.pig").write_text(
        f"%declare DECL {pig_literal(JINJA)}\n-- {JINJA}\n"
        "A = LOAD '$IN' AS (s:chararray);\n"
        f"B = FILTER A BY s == {pig_literal(JINJA)} OR s == '$V' OR s == '$DECL';\n"
        "STORE B INTO '$OUT';\n",
        encoding="utf-8",
    )
    return root / "repo"


# Every templated field of every task, parsed by the DAG's own Jinja environment (what Airflow
# renders when the task runs): it must parse, and the planted `7*7` / `set` must be text, never an
# expression; no value is the name of a template file (an operator's template_ext).
TEMPLATED_FIELDS = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
from jinja2 import nodes

def strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{path}[{k!r}]")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from strings(v, f"{path}[{i}]")

bag = DagBag(sys.argv[1])
found = {"errors": {k: str(v) for k, v in bag.import_errors.items()}, "fields": 0,
         "unparsable": [], "evaluated": [], "file_names": []}
for dag in bag.dags.values():
    env = dag.get_template_env()
    for task in dag.tasks:
        ext = tuple(task.template_ext or ())
        for field in task.template_fields:
            for path, text in strings(getattr(task, field, None), f"{task.task_id}.{field}"):
                found["fields"] += 1
                if ext and text.endswith(ext):
                    found["file_names"].append(path)
                try:
                    tree = env.parse(text)
                except Exception as e:
                    found["unparsable"].append(f"{path}: {e}: {text!r}")
                    continue
                if list(tree.find_all((nodes.Mul, nodes.Assign))):
                    found["evaluated"].append(f"{path}: {text!r}")
print(json.dumps(found))
"""


def test_planted_jinja_stays_text_in_every_templated_field(tmp_path: Path) -> None:
    repo = every_channel_repo(tmp_path)
    out = tmp_path / "out"
    result = convert(repo, out, tmp_path)
    assert result.returncode == 0, result.stderr
    found = airflow_python(TEMPLATED_FIELDS, str(out / "dags"), tmp_path)
    assert isinstance(found, dict)
    assert found["errors"] == {}
    assert found["fields"] > 20, found
    assert found["unparsable"] == []
    assert found["evaluated"] == []
    assert found["file_names"] == []
