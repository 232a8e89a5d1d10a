"""The `ferry` command as users get it: the release archive Maven builds (bin/ferry, lib/), its
--version, a conversion, and `ferry run` running a generated DAG in real Airflow."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from conftest import ROOT

ARCHIVES = sorted((ROOT / "cli" / "target").glob("ferry-*.tar.gz"))
KILL_APP = ROOT / "e2e" / "apps" / "kill"
STATES = {"success", "failed", "skipped", "upstream_failed", "removed", "None"}


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ferry of the unpacked release archive."""
    if len(ARCHIVES) != 1:
        pytest.fail(
            f"expected one release archive in cli/target (mvn package builds it): {ARCHIVES}"
        )
    out = tmp_path_factory.mktemp("release")
    with tarfile.open(ARCHIVES[0]) as archive:
        archive.extractall(out, filter="tar")
    (home,) = out.iterdir()
    assert sorted(p.name for p in home.iterdir()) == ["README.md", "bin", "lib"]
    assert (home / "lib" / "ferry-cli.jar").is_file()
    return home / "bin" / "ferry"


def test_version_names_the_archive(ferry: Path) -> None:
    result = subprocess.run([ferry, "--version"], capture_output=True, text=True, check=True)
    version = ARCHIVES[0].name.removeprefix("ferry-").removesuffix(".tar.gz")
    assert result.stdout == f"ferry {version}\n"


def test_run_prints_task_states_and_fails_like_oozie(ferry: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy"
    shutil.copytree(KILL_APP, legacy / "kill")
    migrated = tmp_path / "migrated"
    subprocess.run([ferry, "convert", legacy, "-o", migrated], check=True, capture_output=True)
    result = subprocess.run(
        [ferry, "run", migrated, "--dag", "cf_kill", "--python", sys.executable],
        capture_output=True,
        text=True,
        check=False,
    )
    # The shell action exits 3, its error transition reaches the kill node: the run fails.
    assert result.returncode == 1, result.stdout + result.stderr
    lines = (line.split() for line in result.stdout.splitlines())
    states = {words[0]: words[1] for words in lines if len(words) == 2 and words[1] in STATES}
    assert states["breaks.run"] == "failed", result.stdout
    assert states["fail"] == "failed"
    assert states["end"] == "skipped"
    assert states["__run__"] == "failed"


def test_run_without_dags_is_a_usage_error(ferry: Path, tmp_path: Path) -> None:
    result = subprocess.run([ferry, "run", tmp_path, "--dag", "x"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "has no dags/ directory" in result.stderr
