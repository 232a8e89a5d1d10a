"""Hostile names and values through the CLI jar, then Airflow's DagBag: no import error, no canary.

Each case plants one hostile string (quotes, triple quotes, line breaks of every kind, comment
closers, Jinja and EL openers, backslashes, YAML indicators) into a directory name, the app name, a
property value, a kill message and a Pig string literal, with Python that would create a canary file
if it ever ran. A bounded table of cases, converted one by one, imported in one Airflow process.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from test_corpus import import_dags

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


def test_hostile_strings_import_with_no_errors_and_never_run(tmp_path: Path) -> None:
    folders = {}
    for i, value in enumerate(HOSTILE):
        case = tmp_path / f"case{i}"
        repo = make_repo(case, value)
        out = case / "out"
        result = subprocess.run(
            ["java", "-jar", str(CLI_JAR), "convert", str(repo), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
            cwd=case,
        )
        assert result.returncode == 0, f"case {i} {value!r}:\n{result.stderr}"
        folders[f"case{i}"] = str(out / "dags")
    found = import_dags(folders, tmp_path)
    assert {name: r["errors"] for name, r in found.items() if r["errors"]} == {}
    assert [name for name, r in found.items() if not r["dags"]] == []
    # The DagBag ran every module; Python planted in any name or value never executed.
    assert list(tmp_path.rglob("CANARY")) == []
    assert not (Path.cwd() / "CANARY").exists()
