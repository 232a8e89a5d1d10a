"""The progress bar of `bin/ferry` on a pseudo-terminal: drawn on standard error when it is a
terminal, never in a pipe or in CI (the `CI` variable); it ends at every app of the repo."""

from __future__ import annotations

import os
import pty
import re
import subprocess

import pytest

from conftest import CLI_JAR, ROOT

REPO = ROOT / "e2e" / "apps"
FERRY = ROOT / "bin" / "ferry"


def run(*, on_terminal: bool, ci: bool) -> str:
    """`ferry check` over e2e/apps (the bar shown from the first file on); its standard error."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["JAVA_OPTS"] = "-Dferry.progress.after.ms=0"
    if ci:
        env["CI"] = "true"
    if not on_terminal:
        done = subprocess.run(
            [FERRY, "check", REPO], capture_output=True, text=True, env=env, check=False
        )
        return done.stderr
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [FERRY, "check", REPO], stdout=subprocess.DEVNULL, stderr=secondary, env=env
    )
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the terminal's last writer is gone
            break
        if not chunk:
            break
        out += chunk
    os.close(primary)
    process.wait()
    return out.decode()


def test_bar_on_a_terminal_ends_at_every_file() -> None:
    err = run(on_terminal=True, ci=False)
    assert "\rconverting" in err
    assert "converting 100% " in err
    assert re.search(r" (\d+)/\1 apps", err), err[:400]
    # The bar's line is finished: the diagnostics after it start on a line of their own.
    assert re.search(r" apps \(\d+:\d\d:\d\d\) *\r?\n", err), err[:400]


@pytest.mark.parametrize(("on_terminal", "ci"), [(False, False), (True, True)])
def test_no_bar_in_a_pipe_or_ci(on_terminal: bool, ci: bool) -> None:
    err = run(on_terminal=on_terminal, ci=ci)
    assert "converting" not in err
    # The diagnostics are there either way: the run itself happened.
    assert "warning" in err
