"""Dataset uri-templates filled per instance as Oozie fills them (el.uri_template).

Oozie's per-instance evaluator (CoordELEvaluator.createURIELEvaluator) knows YEAR (a number) and
MONTH, DAY, HOUR, MINUTE (two-digit texts) of the instance time in UTC, and nothing else. The
`${"$"}{MONTH + 0}` idiom leaves `${MONTH + 0}` after submission, which drops the leading zero.
The table's expectations are derived by hand from JSP EL's coercions; the oracle test checks the
same expressions against Oozie 5.2.1's own ELEvaluator (as test_el_oracle.py does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, timezone

import pytest
from test_el_oracle import HERE, JARS, M2

from ferry_runtime.el import uri_template
from ferry_runtime.el.datasets import Dataset

AT = datetime(2026, 1, 5, 7, 30, tzinfo=timezone.utc)

# (template, filled at 2026-01-05T07:30Z)
CASES = [
    ("/d/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}", "/d/2026/01/05/07/30"),
    # the idiom: "01" + 0 is the Long 1
    (
        "/d/year=${YEAR}/month=${MONTH + 0}/day=${DAY + 0}/hour=${HOUR + 0}",
        "/d/year=2026/month=1/day=5/hour=7",
    ),
    ("/d/${YEAR}${MONTH}${DAY}", "/d/20260105"),
    ("/d/${YEAR - 1}", "/d/2025"),
    ("/d/${MONTH * 10 + DAY}", "/d/15"),
    ("/d/${(HOUR + 1) % 24}", "/d/8"),
    ("/d/${MINUTE mod 7}", "/d/2"),
    # EL division is always Double: Java prints 2.5 and 15.0
    ("/d/${DAY / 2}", "/d/2.5"),
    ("/d/${MINUTE div 2}", "/d/15.0"),
    ("/d/${-HOUR}", "/d/-7"),
    ("/d/${1.5 + MONTH}", "/d/2.5"),
    ("no variables", "no variables"),
]


@pytest.mark.parametrize(("template", "expected"), CASES, ids=[c[0] for c in CASES])
def test_instance_variables_filled_as_oozie(template: str, expected: str) -> None:
    assert uri_template.fill(template, AT) == expected


@pytest.mark.parametrize(
    "template",
    ["/d/${SECOND}", "/d/${MONTH.x}", "/d/${fn(MONTH)}", "/d/${MONTH +}", "/d/${'a'}"],
)
def test_what_oozie_cannot_evaluate_fails_loudly(template: str) -> None:
    with pytest.raises(uri_template.UriTemplateError):
        uri_template.fill(template, AT)


def test_dataset_uri_drops_leading_zeros_with_the_idiom() -> None:
    hourly = Dataset(
        "refined",
        60,
        "minute",
        "2026-01-01T00:00Z",
        "UTC",
        "hdfs://nn/refined/year=${YEAR}/month=${MONTH + 0}/day=${DAY + 0}/hour=${HOUR + 0}",
    )
    assert hourly.uri(datetime(2026, 3, 9, 4, tzinfo=timezone.utc)) == (
        "hdfs://nn/refined/year=2026/month=3/day=9/hour=4"
    )


@pytest.fixture(scope="module")
def oozie_values(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Each CASES template evaluated by Oozie's ELEvaluator with the instance variables of AT."""
    jars = [M2 / jar for jar in JARS]
    missing = [str(jar) for jar in jars if not jar.is_file()]
    if missing or not shutil.which("javac") or not shutil.which("java"):
        pytest.fail(f"Oozie oracle needs a JDK and {missing or JARS}")
    classes = tmp_path_factory.mktemp("uri-oracle")
    classpath = os.pathsep.join(map(str, jars))
    subprocess.run(
        [
            "javac",
            "-d",
            str(classes),
            "-cp",
            classpath,
            str(HERE / "oracle" / "OozieElOracle.java"),
        ],
        check=True,
    )
    variables = uri_template.variables(AT)
    result = subprocess.run(
        ["java", "-cp", f"{classes}{os.pathsep}{classpath}", "OozieElOracle"]
        + [f"{name}={value}" for name, value in variables.items()],
        input="".join(template + "\n" for template, _ in CASES),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0] for c in CASES])
def test_oozie_fills_the_same(oozie_values: list[str], index: int) -> None:
    template, _ = CASES[index]
    assert oozie_values[index] == "OK\t" + uri_template.fill(template, AT)
