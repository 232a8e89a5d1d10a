"""Real Oozie as the oracle: each EL of data/el_oracle_cases.tsv evaluated by Oozie 5.2.1's
ELEvaluator (oracle/OozieElOracle.java, in a JVM of its own) against the Jinja Ferry translates it
to (the TSV's second column, which ElToJinjaOracleCasesTest pins), rendered with the runtime.

Needs a JDK and the jars listed in oracle/jars.txt in the local Maven repository; scripts/test.sh
fetches them (`mvn dependency:get -Dtransitive=false`), and the test fails without them.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest

from ferry_runtime.el.coord import CoordFunctions
from ferry_runtime.el.fn import BasicFunctions
from ferry_runtime.el.operators import ElOperators
from ferry_runtime.el.values import NULL, ElMap

HERE = Path(__file__).parent
CASES = HERE / "data" / "el_oracle_cases.tsv"
VARIABLES = {"a": "5", "b": "2.5", "e": "", "f": "false", "t": "TRUE", "s": "  padded ", "x": "abc"}
# Maps, as wf:actionData gives them (ElMap: a missing key is null); the oracle has no workflow to
# run, so the EL names them as variables and the stub's conf hands them out
MAPS = {"m": {"b": "1", "a": "x/y<&>"}, "n": {}}
# Oozie writes these functions' XML-escaped result into the workflow XML and parses it again: the
# action gets it unescaped, CRLF as LF; Properties.store's second line is the current date
REPARSED = re.compile(r"to(Json|Properties|Configuration)Str")
DATE_LINE = re.compile(r"^#[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \w+ \d{4}$", re.M)
M2 = Path(os.environ.get("FERRY_M2_REPOSITORY", Path.home() / ".m2" / "repository"))
JARS_FILE = HERE / "oracle" / "jars.txt"


def _jar(coordinate: str) -> str:
    group, artifact, version = coordinate.split(":")
    return f"{group.replace('.', '/')}/{artifact}/{version}/{artifact}-{version}.jar"


JARS = [
    _jar(line.strip())
    for line in JARS_FILE.read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


def _cases() -> list[tuple[str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            el, jinja = line.split("\t")
            rows.append((el, jinja))
    return rows


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append({"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}[value[i + 1]])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


@pytest.fixture(scope="module")
def oozie(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """EL -> ("OK", value) or ("ERROR", exception class), from real Oozie."""
    jars = [M2 / jar for jar in JARS]
    missing = [str(jar) for jar in jars if not jar.is_file()]
    if missing or not shutil.which("javac") or not shutil.which("java"):
        # scripts/test.sh fetches them: a missing jar is a broken set-up, never a skipped oracle.
        pytest.fail(f"Oozie oracle needs a JDK and {missing or JARS} (see {JARS_FILE})")
    classes = tmp_path_factory.mktemp("oozie-oracle")
    classpath = os.pathsep.join(map(str, jars))
    source = HERE / "oracle" / "OozieElOracle.java"
    subprocess.run(["javac", "-d", str(classes), "-cp", classpath, str(source)], check=True)
    cases = _cases()
    result = subprocess.run(
        ["java", "-cp", f"{classes}{os.pathsep}{classpath}", "OozieElOracle"]
        + [f"{k}={v}" for k, v in VARIABLES.items()]
        + [f"{k}=@" + ",".join(f"{e}:{v}" for e, v in m.items()) for k, m in MAPS.items()],
        input="".join(el + "\n" for el, _ in cases),
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    answers = result.stdout.splitlines()
    assert len(answers) == len(cases), result.stderr
    return {
        el: tuple(answer.split("\t", 1)) for (el, _), answer in zip(cases, answers, strict=True)
    }


def _render(jinja: str) -> tuple[str, str]:
    operators = ElOperators()
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    wf = type(
        "Wf",
        (),
        {
            "conf": staticmethod(
                lambda name: ElMap(MAPS[name]) if name in MAPS else VARIABLES.get(name, NULL)
            ),
        },
    )()
    namespace = {
        "el": operators,
        "empty": operators.empty,
        "fn": BasicFunctions(),
        "coord": CoordFunctions(wf),
        "wf": wf,
    }
    try:
        return ("OK", env.from_string(jinja).render(**namespace))
    except Exception as exc:  # Oozie fails the same expression: the kind does not matter
        return ("ERROR", type(exc).__name__)


@pytest.mark.parametrize(("el", "jinja"), _cases(), ids=[el for el, _ in _cases()])
def test_ferry_prints_what_oozie_prints(oozie, el, jinja):
    status, value = oozie[el]
    rendered_status, rendered = _render(jinja)
    if status == "ERROR":
        assert rendered_status == "ERROR", f"Oozie fails with {value}, Ferry renders {rendered!r}"
    else:
        expected = _unescape(value)
        if REPARSED.search(el):
            expected = html.unescape(expected).replace("\r\n", "\n")
            expected, rendered = DATE_LINE.sub("#DATE", expected), DATE_LINE.sub("#DATE", rendered)
        assert (rendered_status, rendered) == ("OK", expected)
