"""bin/ferry's start-up archive (AppCDS; on JDK 24+ an AOT cache): trained by the first
conversion into the cache, mapped by later runs, never mapped when incomplete, off with
FERRY_CDS=off, and never a reason for a run to fail (no writable cache, a truncated archive).
A wrapper `java` records what the launcher passes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CLI_JAR, ROOT, SAMPLE

FERRY = ROOT / "bin" / "ferry"


@pytest.fixture
def java_home(tmp_path: Path) -> Path:
    """A JAVA_HOME whose bin/java appends its arguments (a line a run) to calls.txt, runs java."""
    if not CLI_JAR.is_file():
        pytest.fail(f"{CLI_JAR} is missing: build with `mvn install` first (scripts/test.sh does)")
    real = shutil.which("java")
    assert real
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    wrapper = home / "bin" / "java"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >>"{home}/calls.txt"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return home


def ferry(java_home: Path, cache: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if k not in ("JAVA_OPTS", "FERRY_CDS", "FERRY_JAVA")
    }
    environment |= {"JAVA_HOME": str(java_home), "FERRY_CACHE_DIR": str(cache), **env}
    return subprocess.run(
        [FERRY, *args], capture_output=True, text=True, env=environment, check=False
    )


def last_call(java_home: Path) -> str:
    return (java_home / "calls.txt").read_text().splitlines()[-1]


def archives(cache: Path) -> list[Path]:
    return sorted(cache.glob("cds-*.jsa")) if cache.is_dir() else []


def test_trained_by_the_first_conversion_then_mapped(java_home: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert ferry(java_home, cache, "--version").returncode == 0
    assert ferry(java_home, cache, "check", "--help").returncode == 0
    assert archives(cache) == [], "help and version do not train"

    first = ferry(java_home, cache, "check", str(SAMPLE), "--format", "json")
    assert first.returncode == 0, first.stderr
    json.loads(first.stdout)  # the training run's standard output is only the report
    calls = (java_home / "calls.txt").read_text().splitlines()
    assert "-XX:DumpLoadedClassList=" in calls[-2], calls  # the run lists its classes
    assert "-Xshare:dump" in calls[-1], calls  # then a static archive of them
    (archive,) = archives(cache)
    assert archive.name.endswith(f"-{archive.stat().st_size}.jsa")
    assert list(cache.glob("*.tmp")) == []

    second = ferry(java_home, cache, "check", str(SAMPLE), "--format", "json")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert f"-XX:SharedArchiveFile={archive}" in last_call(java_home)
    assert "DumpLoadedClassList" not in last_call(java_home)


def test_a_truncated_archive_is_never_mapped(java_home: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert ferry(java_home, cache, "check", str(SAMPLE)).returncode == 0
    (archive,) = archives(cache)
    archive.chmod(0o644)
    with archive.open("r+b") as f:
        f.truncate(100_000)  # mapped, this crashes JDK 17 (SIGBUS)
    before = len((java_home / "calls.txt").read_text().splitlines())
    run = ferry(java_home, cache, "check", str(SAMPLE))
    assert run.returncode == 0, run.stderr
    (call, dump) = (java_home / "calls.txt").read_text().splitlines()[before:]
    assert "SharedArchiveFile" not in call  # the run maps nothing and trains again
    assert "-XX:DumpLoadedClassList=" in call
    assert f"-XX:SharedArchiveFile={archive}" not in dump


@pytest.mark.parametrize("case", ["off", "unwritable cache"])
def test_no_archive_and_the_run_still_works(java_home: Path, tmp_path: Path, case: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = blocker / "cache" if case == "unwritable cache" else tmp_path / "cache"
    env = {"FERRY_CDS": "off"} if case == "off" else {}
    for _ in range(2):
        run = ferry(java_home, cache, "check", str(SAMPLE), **env)
        assert run.returncode == 0, run.stderr
        assert "SharedArchiveFile" not in last_call(java_home)
        assert "DumpLoadedClassList" not in last_call(java_home)
    assert archives(tmp_path / "cache") == []


@pytest.mark.parametrize(
    ("java_opts", "collector"),
    [
        ("", "-XX:+UseSerialGC"),
        ("-Xmx2g", "-XX:+UseSerialGC"),
        ("-XX:+UseG1GC", "-XX:+UseG1GC"),
        ("-Xmx2g -XX:+UseParallelGC", "-XX:+UseParallelGC"),
        ("-XX:+UseCompressedOops", "-XX:+UseSerialGC"),
    ],
)
def test_serial_collector_unless_java_opts_chooses_one(
    java_home: Path, tmp_path: Path, java_opts: str, collector: str
) -> None:
    run = ferry(
        java_home, tmp_path / "cache", "check", str(SAMPLE), FERRY_CDS="off", JAVA_OPTS=java_opts
    )
    assert run.returncode == 0, (
        run.stderr
    )  # two collectors at once would stop the JVM before Ferry runs
    words = last_call(java_home).split()
    assert [w for w in words if w.startswith("-XX:+Use") and w.endswith("GC")] == [collector]
    assert "-XX:TieredStopAtLevel=1" in words
    assert "-XX:Tier3InvocationThreshold=800" in words  # C1 later than by default


def test_compile_commands_passed_and_silent(java_home: Path, tmp_path: Path) -> None:
    """The per-method compile commands reach the JVM, which prints nothing about them (without
    CompileCommand=quiet it writes a line per command to standard output, before Ferry's own)."""
    run = ferry(java_home, tmp_path / "cache", "convert", str(SAMPLE), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    words = last_call(java_home).split()
    commands = [w for w in words if w.startswith("-XX:CompileCommand=")]
    assert commands[0] == "-XX:CompileCommand=quiet"
    assert (
        "-XX:CompileCommand=exclude,freemarker.core.FMParserTokenManager::TokenLexicalActions"
        in commands
    )
    assert "CompileCommand" not in run.stdout + run.stderr
    assert run.stdout.startswith("ferry: wrote "), run.stdout


def newer_jdk() -> Path | None:
    """A JDK 24 or later on this machine (its release file), else None."""
    for release in sorted(Path("/usr/lib/jvm").glob("*/release")):
        found = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(), re.M)
        if found and int(found.group(1)) >= 24 and (release.parent / "bin" / "java").is_file():
            return release.parent
    return None


def test_on_jdk_24_or_later_an_aot_cache_trained_silently_then_mapped(tmp_path: Path) -> None:
    jdk = newer_jdk()
    if jdk is None:
        pytest.skip("no JDK 24 or later in /usr/lib/jvm")
    home = tmp_path / "jdk"  # the wrapper beside the JDK's release file, as a JDK's bin/java is
    (home / "bin").mkdir(parents=True)
    shutil.copy(jdk / "release", home / "release")
    wrapper = home / "bin" / "java"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >>"{home}/calls.txt"\nexec "{jdk}/bin/java" "$@"\n')
    wrapper.chmod(0o755)
    cache = tmp_path / "cache"

    first = ferry(home, cache, "check", str(SAMPLE), "--format", "json")
    assert first.returncode == 0, first.stderr
    json.loads(first.stdout)  # the training run's standard output is only the report: no VM notice
    calls = (home / "calls.txt").read_text().splitlines()
    assert "-XX:AOTMode=record" in calls[-2], calls
    assert "-XX:AOTMode=create" in calls[-1], calls
    (cached,) = sorted(cache.glob("aot-*.aot"))
    assert cached.name.endswith(f"-{cached.stat().st_size}.aot")
    assert sorted(p.name for p in cache.iterdir()) == [cached.name], "no configuration or temp left"

    second = ferry(home, cache, "check", str(SAMPLE), "--format", "json")
    assert second.returncode == 0, second.stderr
    assert (second.stdout, second.stderr) == (first.stdout, first.stderr)
    assert f"-XX:AOTCache={cached}" in last_call(home)
    assert "AOTMode" not in last_call(home)
