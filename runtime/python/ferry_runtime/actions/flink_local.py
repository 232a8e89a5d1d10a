"""FERRY_BACKEND=local: run the job on an embedded Flink in a child process (`java -jar`).

Group: run -> outcome. The child's stdout and stderr go line by line into the task log; a non-zero
exit fails `run` with the last `ferry-runtime: error:` line as the action's error message.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.actions.flink_job import (
    ERROR_LINE_PREFIX,
    EXIT_CODES,
    FlinkSqlJob,
    runtime_args,
    secret_params,
)
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.redaction import secrets_of
from ferry_runtime.transitions import enter


def runtime_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """How to start the runtime: FERRY_RUNTIME_CMD, else `java -jar $FERRY_RUNTIME_JAR`."""
    env = os.environ if environ is None else environ
    if command := env.get("FERRY_RUNTIME_CMD"):
        return shlex.split(command)
    jar = env.get("FERRY_RUNTIME_JAR")
    if not jar:
        raise ActionFailed(
            "FERRY_BACKEND=local needs FERRY_RUNTIME_JAR (path to ferry-runtime.jar, built as "
            "runtime/target/ferry-runtime.jar) or FERRY_RUNTIME_CMD",
            "RUNTIME_FAILED",
        )
    java_home = env.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else "java"
    return [java, *JVM_OPTIONS, "-jar", jar]


#: The jars a job's SQL loads with ADD JAR '${FERRY_UDF_DIR}/NAME' (the image keeps both in
#: /opt/ferry/udfs), each built in its own module's target/ beside runtime/target: the Pig UDF
#: adapter, and the partition commit policy of an HCatStorer STORE.
BUILT_UDF_JARS = {"ferry-pig-udf.jar": "pig-udf", "ferry-hcatalog.jar": "hcatalog"}


def udf_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """FERRY_UDF_DIR for a job that loads the runtime's UDF jars, when the environment does not set
    it: one directory holding the jars of BUILT_UDF_JARS that are built in a source tree beside the
    runtime jar (runtime/pig-udf/target/ferry-pig-udf.jar and
    runtime/hcatalog/target/ferry-hcatalog.jar next to runtime/target/ferry-runtime.jar). One built
    jar is found in its own target/; two are linked into a directory of the user's cache, as the
    SQL names one directory for both. The runner's own default is the image's /opt/ferry/udfs,
    which a local run does not have."""
    env = os.environ if environ is None else environ
    jar = env.get("FERRY_RUNTIME_JAR")
    if env.get("FERRY_UDF_DIR") or not jar:
        return {}
    modules = Path(jar).resolve().parent.parent
    built = {
        name: modules / module / "target" / name
        for name, module in BUILT_UDF_JARS.items()
        if (modules / module / "target" / name).is_file()
    }
    if not built:
        return {}
    first = next(iter(built.values())).parent
    if len(built) == 1:
        return {"FERRY_UDF_DIR": str(first)}
    cache = cache_dir(env)
    digest = hashlib.sha256(str(modules).encode()).hexdigest()[:20]
    linked = None if cache is None else link_jars(cache / f"udfs-{digest}", built)
    # Without a writable cache, the adapter's directory: an HCatStorer job then needs FERRY_UDF_DIR.
    return {"FERRY_UDF_DIR": str(linked or first)}


def link_jars(directory: Path, jars: Mapping[str, Path]) -> Path | None:
    """The directory with a link NAME -> jar for each jar, made or brought up to date; None when it
    cannot be written. Each link is replaced in one step, so a run beside this one never sees a
    directory without it."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, target in jars.items():
            link = directory / name
            if link.is_symlink() and Path(os.readlink(link)) == target:
                continue
            partial = directory / f".{name}.{os.getpid()}"
            partial.unlink(missing_ok=True)
            partial.symlink_to(target)
            os.replace(partial, link)
    except OSError:
        return None
    return directory


def cache_dir(env: Mapping[str, str]) -> Path | None:
    """Ferry's directory in the user's cache (FERRY_CACHE_DIR, else $XDG_CACHE_HOME/ferry or
    ~/.cache/ferry), made if need be; None when it cannot be written."""
    home = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME", "/nonexistent")) / ".cache")
    cache = Path(env.get("FERRY_CACHE_DIR") or Path(home) / "ferry")
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return cache if os.access(cache, os.W_OK) else None


# C1 only: a job's fixed cost is mostly the JIT compiling Flink's planner and generated code once.
# On the sample's sessionize job (2 cores) C1 took 6.8 CPU s against C2's 12.4 at 4k rows, and 10
# against 18 at 1M rows (README, "Performance"). FERRY_RUNTIME_CMD replaces the whole command.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1",)


class StartupArchive:
    """The classes a job loads, archived (dynamic class-data sharing) by the first run of a runtime
    jar and mapped by every later one: loading and linking Flink's classes is a large part of a
    job's fixed cost (README, "Performance"). The first run writes the archive when it exits
    (-XX:ArchiveClassesAtExit) to a file of its own, moved into place once the run succeeded, so a
    run maps only a complete archive. Its name carries a key of the Java binary, the jar and its
    lib/ (paths, sizes, times) and the JVM options, so another build or JDK never maps a stale one
    (the JVM checks the class path again itself and runs without the archive when it differs).
    FERRY_CDS=off turns it off; FERRY_CACHE_DIR moves the cache; no writable cache means none."""

    KEPT = 3

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")

    def options(self) -> list[str]:
        """The JVM options of a run: map the archive, or write it when there is none yet."""
        if self.path.is_file():
            return ["-Xlog:cds*=off", f"-XX:SharedArchiveFile={self.path}"]
        return ["-Xlog:cds*=off", f"-XX:ArchiveClassesAtExit={self.partial}"]

    def settle(self, succeeded: bool) -> None:
        """After the run: keep the archive it wrote if it succeeded, else drop it."""
        if not self.partial.is_file():
            return
        if succeeded and not self.path.is_file():
            os.replace(self.partial, self.path)
            self.prune()
        else:
            self.partial.unlink(missing_ok=True)

    def prune(self) -> None:
        """Keeps the KEPT newest archives in the cache (~100 MB each, one per build)."""
        archives = sorted(
            self.path.parent.glob("runtime-*.jsa"), key=lambda p: p.stat().st_mtime_ns, reverse=True
        )
        for old in archives[self.KEPT :]:
            old.unlink(missing_ok=True)


def startup_archive(environ: Mapping[str, str] | None = None) -> StartupArchive | None:
    """The runtime jar's startup archive in the user's cache, or None (FERRY_CDS=off, a
    FERRY_RUNTIME_CMD, no jar file, no writable cache)."""
    env = os.environ if environ is None else environ
    if env.get("FERRY_CDS", "on") == "off" or env.get("FERRY_RUNTIME_CMD"):
        return None
    jar = Path(env.get("FERRY_RUNTIME_JAR", ""))
    java_home = env.get("JAVA_HOME")
    java = shutil.which(str(Path(java_home) / "bin" / "java") if java_home else "java")
    if not jar.is_file() or java is None:
        return None
    cache = cache_dir(env)
    if cache is None:
        return None
    key = hashlib.sha256(" ".join(JVM_OPTIONS).encode())
    lib = jar.resolve().parent / "lib"
    for file in [Path(java).resolve(), jar.resolve(), *sorted(lib.glob("*.jar"))]:
        stat = file.stat()
        key.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return StartupArchive(cache / f"runtime-{key.hexdigest()[:20]}.jsa")


class RunFlinkSqlLocally(BaseOperator):
    """Run one Flink SQL script with the runtime jar on this worker."""

    template_fields = ("job_params", "prepare", "default_fs")
    ui_color = "#e4f0ff"

    def __init__(self, *, job: FlinkSqlJob, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = job.node
        self.repo = job.repo
        self.script = job.script
        self.job_params = dict(job.params)
        self.prepare = [list(step) for step in job.prepare]
        self.default_fs = job.default_fs
        self._process: subprocess.Popen[str] | None = None

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "RUNTIME_FAILED"):
            run_locally(self)

    def on_kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()


def run_locally(op: Any) -> None:
    """Run `op`'s script (op.repo / op.script, op.job_params, op.prepare, op.default_fs) with the
    runtime jar, its output line by line into op.log; op._process is the child while it runs
    (for on_kill)."""
    script = op.repo / op.script
    if not script.is_file():
        raise ActionFailed(f"SQL script not found: {script}", "RUNTIME_USAGE_ERROR")
    command = [*runtime_command(), "--script", str(script)]
    archive = startup_archive()
    if archive is not None:
        command[1:1] = archive.options()
    # Secrets go to the child through its environment: every local user sees a command line.
    plain, env_params, secret_values = secret_params(op.job_params)
    command += runtime_args(plain, op.prepare, env_params, op.default_fs)
    if parallelism := os.environ.get("FERRY_PARALLELISM"):
        command += ["--parallelism", parallelism]
    redact = secrets_of(op.job_params)
    op.log.info("action '%s': %s", op.ferry_node, redact(shlex.join(command)))
    last_error = None
    # Relative paths in parameters resolve against the migrated repository, as the jobs expect.
    with subprocess.Popen(
        command,
        cwd=op.repo,
        env={**os.environ, **udf_environment(), **secret_values},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    ) as process:
        op._process = process
        assert process.stdout is not None
        for raw in process.stdout:
            line = redact(raw.rstrip("\n"))
            op.log.info("%s", line)
            if line.startswith(ERROR_LINE_PREFIX):
                last_error = line[len(ERROR_LINE_PREFIX) :].strip()
        status = process.wait()
    op._process = None
    if archive is not None:
        archive.settle(status == 0)
    if status != 0:
        raise ActionFailed(
            last_error or f"ferry-runtime exited with status {status}",
            EXIT_CODES.get(status, "RUNTIME_FAILED"),
        )
    op.log.info("action '%s': job finished", op.ferry_node)
