"""`ferry preview` in a real headless Chromium (Debian's `chromium`, driven by Playwright): the page
loads with no console error, draws one node per task and one edge per transition (each edge ending
at its target), clicking a task shows its Oozie element beside its generated Python and, for a Pig
action, each Flink SQL view beside the Pig line it comes from; hostile names and contents show as
text and never become markup or script. A screenshot of each page is kept in e2e/artifacts/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import CLI_JAR, ROOT, SAMPLE

ARTIFACTS = ROOT / "e2e" / "artifacts"
KILL_APP = ROOT / "e2e" / "apps" / "kill"

# Geometry of every drawn node and edge end, read in the browser (SVG user units).
GEOMETRY = """() => [...document.querySelectorAll('svg.graph')].map(svg => ({
  nodes: [...svg.querySelectorAll('g.node')].map(g => {
    const m = g.transform.baseVal.consolidate().matrix, r = g.querySelector('rect');
    return {id: g.dataset.task, x: m.e, y: m.f,
            w: r.width.baseVal.value, h: r.height.baseVal.value};
  }),
  edges: [...svg.querySelectorAll('path.edge')].map(p => {
    const end = p.getPointAtLength(p.getTotalLength());
    return {from: p.dataset.from, to: p.dataset.to, port: p.dataset.port, x: end.x, y: end.y};
  }),
}))"""


def chromium_path() -> str:
    found = os.environ.get("FERRY_CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("no chromium on PATH: scripts/test.sh installs Debian's `chromium` package")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        instance = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox"]
        )
        yield instance
        instance.close()


def preview(repo: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    return subprocess.run(
        ["java", "-jar", str(CLI_JAR), "preview", str(repo), *extra, "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


def open_page(browser: Browser, page_file: Path) -> tuple[Page, list[str]]:
    """The page loaded in a fresh tab; the list collects console errors and uncaught exceptions."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    # Any request other than the file itself would be a resource fetched from outside the page.
    page.on(
        "request",
        lambda r: problems.append("fetched " + r.url) if r.url != page_file.as_uri() else None,
    )
    page.goto(page_file.as_uri())
    return page, problems


def test_clickstream_graph_and_panels(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "preview.html"
    result = preview(SAMPLE, out)
    assert result.returncode == 0, result.stderr
    migrated = tmp_path / "migrated"
    subprocess.run(
        ["java", "-jar", str(CLI_JAR), "convert", str(SAMPLE), "-o", str(migrated)],
        check=True,
        capture_output=True,
    )
    (dag,) = json.loads((migrated / "report.json").read_text())["dags"]
    page, problems = open_page(browser, out)

    (drawn,) = page.evaluate(GEOMETRY)
    assert sorted(n["id"] for n in drawn["nodes"]) == sorted(t["id"] for t in dag["tasks"])
    assert Counter((e["from"], e["to"], e["port"]) for e in drawn["edges"]) == Counter(
        (t["from"], t["to"], t["port"]) for t in dag["transitions"]
    )
    # The sample's own shape, read from its workflow.xml: 9 nodes, 13 transitions, among them
    # the fork's two paths and sessionize's error transition.
    assert len(drawn["nodes"]) == 9
    assert len(drawn["edges"]) == 13
    edges = {(e["from"], e["to"], e["port"]) for e in drawn["edges"]}
    assert {
        ("analytics-fork", "sessionize", "next"),
        ("analytics-fork", "revenue-by-country", "next"),
        ("sessionize", "notify-failure", "error"),
        ("publish-decision", "top-pages", "case"),
    } <= edges
    boxes = {n["id"]: n for n in drawn["nodes"]}
    for a in drawn["nodes"]:
        assert a["w"] > 0
        assert a["h"] > 0
        for b in drawn["nodes"]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            assert a is b or apart, (a, b)
    for e in drawn["edges"]:
        target = boxes[e["to"]]
        assert target["x"] - 1 <= e["x"] <= target["x"] + target["w"] + 1, e
        assert target["y"] - 1 <= e["y"] <= target["y"] + target["h"] + 1, e
    # Left to right, as Airflow draws a DAG: every ok/next edge moves right.
    for e in drawn["edges"]:
        if e["port"] in ("ok", "next"):
            assert boxes[e["from"]]["x"] < boxes[e["to"]]["x"], e

    assert page.locator(".task-panel:visible").count() == 0
    page.click("svg g.node[data-task='sessionize']")
    panel = page.locator(".task-panel:visible")
    assert panel.count() == 1
    assert panel.get_attribute("data-task") == "sessionize"
    oozie = panel.locator(".code.oozie").inner_text()
    assert '<action name="sessionize">' in oozie
    assert "</action>" in oozie
    assert '<action name="revenue-by-country">' not in oozie
    python = panel.locator(".code.python").inner_text()
    assert "sessionize = oozie.flink_sql_job(" in python
    assert '"sessionize",' in python
    assert "revenue_by_country" not in python
    # Findings at their line: OOZ-W001 at workflow.xml:41 (sessionize's configuration).
    flagged = panel.locator(".code.oozie .line.flagged")
    assert flagged.count() == 1
    assert flagged.get_attribute("data-line") == "41"
    assert "OOZ-W001" in panel.locator(".code.oozie .diag").inner_text()
    # Each SQL view in the row of the Pig statement it comes from.
    rows = panel.locator("table.pig-sql tr")
    row_texts = [
        (r.locator("td").nth(0).inner_text(), r.locator("td").nth(1).inner_text())
        for r in rows.all()
    ]
    valid = [pig for pig, sql in row_texts if "CREATE TEMPORARY VIEW valid AS" in sql]
    assert len(valid) == 1
    assert "valid = FILTER views BY" in valid[0]
    assert "by_user = GROUP" not in valid[0]
    # A Pig statement over several lines stays whole beside its SQL statement.
    views = [pig for pig, sql in row_texts if "CREATE TEMPORARY TABLE `views`" in sql]
    assert len(views) == 1
    assert "views = LOAD" in views[0]
    assert "revenue:double);" in views[0]
    store = [pig for pig, sql in row_texts if "INSERT INTO" in sql]
    assert store
    assert "STORE sessions INTO" in store[-1]

    # The task list selects too, and only one panel shows at a time.
    page.click(".tasklist button:text-is('fail')")
    assert page.locator(".task-panel:visible").get_attribute("data-task") == "fail"
    assert "<kill" in page.locator(".task-panel:visible .code.oozie").inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.click("svg g.node[data-task='sessionize']")
    page.screenshot(path=str(ARTIFACTS / "preview-clickstream.png"), full_page=True)
    assert problems == []
    page.close()


# Strings that become markup or script if any part of the page forgets to escape them.
HOSTILE = (
    "<img src=x onerror=\"window.__pwned='img'\">"
    "</script><script>window.__pwned='script'</script>"
    "'\"><svg onload=window.__pwned=1>&amp;"
)


def test_hostile_names_are_text(browser: Browser, tmp_path: Path) -> None:
    repo = tmp_path / "legacy"
    # A directory name may hold any of it but '/': the page shows file names too.
    app = repo / HOSTILE.replace("/", "_")
    shutil.copytree(KILL_APP, app)
    workflow = app / "workflow.xml"
    xml_hostile = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    text = workflow.read_text()
    comment = f"<!-- {HOSTILE.replace('--', '- -')} -->"
    text = text.replace('<kill name="fail">', f'<kill name="fail">{comment}', 1)
    workflow.write_text(text.replace('name="cf-kill"', f'name="cf-kill {xml_hostile}"', 1))
    out = tmp_path / "preview.html"
    result = preview(repo, out)
    assert result.returncode in (0, 1), result.stderr
    html = out.read_text()
    assert "<img" not in html
    assert "<svg onload" not in html
    assert html.count("<script>") == 1

    page, problems = open_page(browser, out)
    for node in page.locator("svg g.node").all():
        node.click()
    page.click("svg g.node[data-task='fail']")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("svg").count() == page.locator("svg.graph").count() >= 1
    # Escaped, not dropped: the directory name and the comment in the kill element (the panel shown)
    # read back as the text they are.
    body = page.locator("body").inner_text()
    assert HOSTILE.replace("/", "_") in body
    assert HOSTILE.replace("--", "- -") in body
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "preview-hostile.png"), full_page=True)
    assert problems == []
    page.close()


def test_serve_renders_on_loopback_and_refuses_other_hosts(browser: Browser) -> None:
    """--serve: the page on http://127.0.0.1:PORT/; a forged Host (DNS rebinding) refused."""
    server = subprocess.Popen(
        ["java", "-jar", str(CLI_JAR), "preview", str(SAMPLE), "--serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = line.split(" on ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:"), line
        page = browser.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(url)
        assert page.locator("svg g.node").count() == 9
        page.click("svg g.node[data-task='top-pages']")
        assert page.locator(".task-panel:visible").get_attribute("data-task") == "top-pages"
        assert problems == []
        page.close()
        forged = urllib.request.Request(url, headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged, timeout=30)
        assert refused.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url + "report.json", timeout=30)
        assert missing.value.code == 404
    finally:
        server.terminate()
        server.wait(timeout=30)
