"""The local backend's startup archive: written by a jar's first run, mapped by later ones, never a
partial or stale one."""

from __future__ import annotations

import os
from pathlib import Path

from ferry_runtime.actions.flink_local import startup_archive


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    jar = tmp_path / "runtime" / "ferry-runtime.jar"
    (jar.parent / "lib").mkdir(parents=True, exist_ok=True)
    if not jar.exists():
        jar.write_bytes(b"jar")
        (jar.parent / "lib" / "flink.jar").write_bytes(b"lib")
    return {
        "FERRY_RUNTIME_JAR": str(jar),
        "FERRY_CACHE_DIR": str(tmp_path / "cache"),
        "PATH": os.environ["PATH"],
        **extra,
    }


def test_first_run_writes_the_archive_and_later_runs_map_it(tmp_path):
    env = environment(tmp_path)
    first = startup_archive(env)
    assert first is not None
    [silence, dump] = first.options()
    assert silence == "-Xlog:cds*=off"
    assert dump == f"-XX:ArchiveClassesAtExit={first.partial}"
    first.partial.write_bytes(b"archive")  # what the JVM writes as it exits
    first.settle(succeeded=True)
    assert not first.partial.exists()
    later = startup_archive(env)
    assert later is not None
    assert later.path == first.path
    assert later.options() == ["-Xlog:cds*=off", f"-XX:SharedArchiveFile={first.path}"]


def test_a_failed_run_leaves_no_archive(tmp_path):
    env = environment(tmp_path)
    first = startup_archive(env)
    assert first is not None
    first.partial.write_bytes(b"archive of a run that failed")
    first.settle(succeeded=False)
    assert not first.partial.exists()
    assert not first.path.exists()
    again = startup_archive(env)
    assert again is not None
    assert "-XX:ArchiveClassesAtExit" in again.options()[1]


def test_another_build_of_the_jar_or_its_lib_is_another_archive(tmp_path):
    env = environment(tmp_path)
    before = startup_archive(env)
    jar = Path(env["FERRY_RUNTIME_JAR"])
    jar.write_bytes(b"rebuilt jar")
    rebuilt = startup_archive(env)
    (jar.parent / "lib" / "flink.jar").write_bytes(b"another lib")
    relinked = startup_archive(env)
    assert before is not None
    assert rebuilt is not None
    assert relinked is not None
    assert len({before.path, rebuilt.path, relinked.path}) == 3


def test_no_archive_when_off_or_without_a_jar_or_a_writable_cache(tmp_path):
    assert startup_archive(environment(tmp_path, FERRY_CDS="off")) is None
    assert startup_archive(environment(tmp_path, FERRY_RUNTIME_CMD="python3 fake.py")) is None
    assert (
        startup_archive({**environment(tmp_path), "FERRY_RUNTIME_JAR": str(tmp_path / "no.jar")})
        is None
    )
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert startup_archive(environment(tmp_path, FERRY_CACHE_DIR=str(blocked / "cache"))) is None


def test_the_cache_keeps_the_newest_archives_only(tmp_path):
    env = environment(tmp_path)
    cache = Path(env["FERRY_CACHE_DIR"])
    cache.mkdir()
    for age in range(4):  # archives of older builds, the oldest first
        old = cache / f"runtime-old{age}.jsa"
        old.write_bytes(b"archive")
        os.utime(old, ns=(age * 10**9, age * 10**9))
    archive = startup_archive(env)
    assert archive is not None
    archive.partial.write_bytes(b"archive")
    archive.settle(succeeded=True)
    assert sorted(p.name for p in cache.glob("runtime-*.jsa")) == sorted(
        [archive.path.name, "runtime-old3.jsa", "runtime-old2.jsa"]
    )
