"""The Oozie shell action: a command run on the worker, with Oozie's ShellMain semantics.

Group: run -> outcome. `run` fetches the action's <file>/<archive> entries into a fresh working
directory, runs <exec> with its <argument>s as argv (no shell in between, so no argument is
ever re-parsed), with the worker's environment plus the <env-var> NAME=VALUE pairs, and streams
stdout and stderr into the task log. A non-zero exit fails the action (its error transition).
With <capture-output/>, stdout is parsed as Java properties, at most `max_output_data`
characters (oozie.action.max.output.data, 2048), and pushed as XCom `ferry_action_data`, which
`wf:actionData('node')` reads.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.actions import java_properties
from ferry_runtime.actions.fs_ops import filesystem, run_prepare
from ferry_runtime.el.wf import ACTION_DATA_KEY
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.run_context import xcom_push
from ferry_runtime.transitions import enter

MAX_OUTPUT_DATA: Final = 2048  # oozie-default.xml: oozie.action.max.output.data
APP_PATH_PARAM: Final = "oozie.wf.application.path"


@dataclass(frozen=True)
class ShellCommand:
    """An Oozie <shell> action; every string is a Jinja template."""

    node: str
    command: str
    arguments: Sequence[str] = ()
    env: Sequence[str] = ()
    files: Sequence[str] = ()
    archives: Sequence[str] = ()
    capture_output: bool = False
    prepare: Sequence[tuple[str, str]] = field(default_factory=tuple)
    max_output_data: int = MAX_OUTPUT_DATA


def env_pairs(entries: Sequence[str]) -> dict[str, str]:
    """<env-var> entries: split at the first '=', as ShellMain does; one without '=' is an error."""
    pairs: dict[str, str] = {}
    for entry in entries:
        name, sep, value = str(entry).partition("=")
        if not sep or not name:
            raise ActionFailed(f"env-var [{entry}] is not NAME=VALUE", "SHELL_FAILED")
        pairs[name] = value
    return pairs


def split_link(entry: str) -> tuple[str, str]:
    """`path#link` -> (path, link); without '#', the link is the path's file name (Oozie's rule).

    The link is a name in the action's working directory: an absolute one, or one with a `..`
    part, would put the file elsewhere on the worker (YARN refuses such links too)."""
    path, sep, link = entry.partition("#")
    path = path.strip()
    link = link.strip() if sep else path.rstrip("/").rsplit("/", 1)[-1]
    if not link or link.startswith("/") or ".." in link.split("/"):
        raise ActionFailed(
            f"<file>/<archive> [{entry}]: the link [{link}] is not a name in the working directory",
            "SHELL_FAILED",
        )
    return path, link


def resolve_against_app(path: str, app_path: str | None) -> str:
    """A relative <file> resolves against the workflow application's directory, as in Oozie."""
    if "://" in path or path.startswith("/"):
        return path
    if not app_path:
        raise ActionFailed(
            f"<file>/<archive> '{path}' is relative and the DAG has no param {APP_PATH_PARAM} "
            "to resolve it against",
            "SHELL_FAILED",
        )
    base = app_path.rstrip("/")
    if base.endswith(".xml"):
        base = base.rsplit("/", 1)[0]
    return f"{base}/{path}"


def parse_output(stdout: str, limit: int) -> dict[str, str]:
    """Captured stdout -> properties; over `limit` characters fails, as Oozie's launcher does."""
    if len(stdout) > limit:
        raise ActionFailed(
            f"Output data exceeds its limit [{limit}] (oozie.action.max.output.data): "
            f"{len(stdout)} characters",
            "OUTPUT_TOO_LARGE",
        )
    try:
        return java_properties.loads(stdout)
    except ValueError as exc:
        raise ActionFailed(
            f"captured output is not Java properties: {exc}", "SHELL_FAILED"
        ) from exc


class RunShellCommand(BaseOperator):
    """Run the action's command in a fresh working directory; fail on a non-zero exit."""

    template_fields = ("command", "arguments", "env", "files", "archives", "prepare")
    ui_color = "#eef7e4"

    def __init__(self, *, shell: ShellCommand, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = shell.node
        self.command = shell.command
        self.arguments = list(shell.arguments)
        self.env = list(shell.env)
        self.files = list(shell.files)
        self.archives = list(shell.archives)
        self.prepare = [list(step) for step in shell.prepare]
        self.capture_output = shell.capture_output
        self.max_output_data = shell.max_output_data
        self._process: subprocess.Popen[str] | None = None

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "SHELL_FAILED"):
            run_prepare(self.prepare, self.log)
            app_path = (context.get("params") or {}).get(APP_PATH_PARAM)
            with tempfile.TemporaryDirectory(prefix=f"ferry-shell-{self.ferry_node}-") as cwd:
                self._localize(Path(cwd), app_path)
                stdout = self._run(Path(cwd))
            if self.capture_output:
                data = parse_output(stdout, self.max_output_data)
                self.log.info("captured output of '%s': %s", self.ferry_node, sorted(data))
                xcom_push(context, ACTION_DATA_KEY, data)

    def _localize(self, cwd: Path, app_path: str | None) -> None:
        for entry in self.files:
            source, link = split_link(str(entry))
            fs, local = filesystem(resolve_against_app(source, app_path))
            fs.get(local, str(cwd / link), recursive=fs.isdir(local))
            self.log.info("file %s -> ./%s", source, link)
        for entry in self.archives:
            source, link = split_link(str(entry))
            fs, local = filesystem(resolve_against_app(source, app_path))
            with tempfile.TemporaryDirectory() as scratch:
                copy = Path(scratch) / local.rstrip("/").rsplit("/", 1)[-1]
                fs.get(local, str(copy))
                shutil.unpack_archive(str(copy), str(cwd / link))
            self.log.info("archive %s -> ./%s/", source, link)

    def _argv(self, cwd: Path) -> list[str]:
        command = str(self.command).strip()
        if not command:
            raise ActionFailed(f"shell action '{self.ferry_node}' has no <exec>", "SHELL_FAILED")
        shipped = cwd / command
        if "/" not in command and shipped.is_file():
            # A script shipped with <file>: ShellMain runs it from the working directory.
            shipped.chmod(shipped.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            command = str(shipped)
        return [command, *(str(argument) for argument in self.arguments)]

    def _environment(self, cwd: Path) -> dict[str, str]:
        env = dict(os.environ)
        env.update(env_pairs(self.env))
        # The working directory goes last on the PATH, so a <file> script runs by its link name,
        # as it does in Oozie's launcher container (ShellMain itself runs <exec> as given).
        env["PATH"] = os.pathsep.join(p for p in (env.get("PATH", ""), str(cwd)) if p)
        return env

    def _run(self, cwd: Path) -> str:
        argv = self._argv(cwd)
        self.log.info("action '%s': running %s", self.ferry_node, argv)
        captured: list[str] = []
        try:
            process = subprocess.Popen(
                argv,
                cwd=cwd,
                env=self._environment(cwd),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                bufsize=1,
                start_new_session=True,
            )
        except OSError as exc:
            raise ActionFailed(f"cannot run {argv[0]}: {exc}", "SHELL_FAILED") from exc
        self._process = process
        assert process.stdout is not None
        assert process.stderr is not None
        stderr = process.stderr
        relay = threading.Thread(target=self._relay, args=(stderr,), daemon=True)
        relay.start()
        for line in process.stdout:
            captured.append(line)
            self.log.info("stdout: %s", line.rstrip("\n"))
        status = process.wait()
        relay.join()
        self._process = None
        if status != 0:
            raise ActionFailed(
                f"Main class [org.apache.oozie.action.hadoop.ShellMain], exit code [{status}]",
                "SHELL_FAILED",
            )
        return "".join(captured)

    def _relay(self, stream: Any) -> None:
        for line in stream:
            self.log.info("stderr: %s", line.rstrip("\n"))

    def on_kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
