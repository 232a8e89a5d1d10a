"""The Oozie ssh action: the SSH provider's SSHOperator on the connection named after <host>.

Group: run -> outcome. The remote command line is <command> followed by the arguments, as
Oozie builds it: an <arg> (ssh-action 0.2) is quoted, so it reaches the command whole whatever
its value; an <args> is appended as written, and the remote shell parses it (as in Oozie).
A non-zero exit fails the action. With <capture-output/>, the command's stdout is parsed as
Java properties (at most oozie.action.max.output.data characters) into XCom
`ferry_action_data` for wf:actionData. The key is the connection's, never the DAG's.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Any

from ferry_runtime.actions.shell import MAX_OUTPUT_DATA, parse_output
from ferry_runtime.el.wf import ACTION_DATA_KEY
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.run_context import xcom_push
from ferry_runtime.transitions import enter

ARG = "arg"  # one argument: quoted for the remote shell
ARGS = "args"  # command-line text: appended as written


def command_line(command: str, arguments: Sequence[Sequence[str]]) -> str:
    """`command <args as written> '<arg quoted>'`, in document order."""
    parts = [str(command).strip()]
    for kind, text in arguments:
        parts.append(shlex.quote(str(text)) if kind == ARG else str(text).strip())
    return " ".join(part for part in parts if part)


def ssh_operator(
    *,
    node: str,
    ssh_conn_id: str,
    remote_host: str | None,
    command: str,
    arguments: Sequence[Sequence[str]],
    capture_output: bool,
    max_output_data: int = MAX_OUTPUT_DATA,
    **kwargs: Any,
) -> Any:
    """The work task (the ssh provider is imported here, so DAGs without ssh parse without it)."""
    from airflow.providers.ssh.operators.ssh import SSHOperator

    class RunSshCommand(SSHOperator):
        template_fields = (*SSHOperator.template_fields, "arguments")
        # SSHOperator reads a field ending in .sh as the name of a template file in the DAG
        # folder: the command `run.sh` (or an argument `x.sh`) would become that file's rendered
        # text, or fail the task.
        template_ext = ()
        ui_color = "#eef7e4"

        def __init__(self, **inner: Any) -> None:
            super().__init__(**inner)
            self.ferry_node = node
            self.arguments = [list(argument) for argument in arguments]

        def raise_for_status(self, exit_status: int, stderr: bytes, context: Any = None) -> None:
            for line in stderr.decode("utf-8", errors="replace").splitlines():
                self.log.info("stderr: %s", line)
            if exit_status != 0:
                raise ActionFailed(f"ssh command exited with status [{exit_status}]", "SSH_FAILED")

        # The action's outcome is its exit status (raise_for_status); no output is returned to XCom.
        def execute(self, context: Any) -> None:  # type: ignore[override]
            enter(self, context)
            with failure_recorded(context, "SSH_FAILED"):
                line = command_line(self.command or "", self.arguments)
                self.log.info("action '%s' on %s: %s", node, self.remote_host or ssh_conn_id, line)
                if self.remote_host:
                    self.ssh_hook.remote_host = self.remote_host
                with self.get_ssh_client() as client:
                    stdout = self.run_ssh_client_command(client, line, context=context)
                text = stdout.decode("utf-8", errors="replace")
                for out in text.splitlines():
                    self.log.info("stdout: %s", out)
                if capture_output:
                    xcom_push(context, ACTION_DATA_KEY, parse_output(text, max_output_data))

    kwargs.setdefault("task_id", "run")
    return RunSshCommand(
        ssh_conn_id=ssh_conn_id,
        remote_host=remote_host or None,
        command=command,
        do_xcom_push=False,
        **kwargs,
    )
