"""Shell and fs actions' building blocks, on the local file system (real files, no mocks)."""

from __future__ import annotations

import os
import stat

import pytest

from ferry_runtime.actions import fs_ops, java_properties
from ferry_runtime.actions.shell import env_pairs, parse_output, resolve_against_app, split_link
from ferry_runtime.errors import ActionFailed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a=1\nb = 2\n", {"a": "1", "b": "2"}),
        ("a:1\nb 2\n", {"a": "1", "b": "2"}),
        ("# comment\n! also\n\n  key=value  \n", {"key": "value  "}),
        ("long=one \\\n    two\n", {"long": "one two"}),
        ("path=c\\:\\\\dir\\ttab\n", {"path": "c:\\dir\ttab"}),
        ("k\\=x=y\n", {"k=x": "y"}),
        ("u=\\u00e9t\\u00e9\n", {"u": "été"}),
        ("dup=1\ndup=2\n", {"dup": "2"}),
        ("empty=\nbare\n", {"empty": "", "bare": ""}),
        # no final line break; a value's own separators and spaces
        ("# comment\n! other\n\nk:v", {"k": "v"}),
        ("k v w", {"k": "v w"}),
        ("esc=a\\tb\\u0041\\\\", {"esc": "a\tbA\\"}),
        ("key\\ with\\ spaces=x", {"key with spaces": "x"}),
        # only \n, \r and \r\n end a line (LineReader), not the other breaks str.splitlines knows
        ("a=1\rb=2\r\nc=3", {"a": "1", "b": "2", "c": "3"}),
        ("a=1\x0bx\x1cy\x85z\u2028w", {"a": "1\x0bx\x1cy\x85z\u2028w"}),
    ],
)
def test_java_properties_load(text, expected):
    assert java_properties.loads(text) == expected


@pytest.mark.parametrize("text", ["u=\\u00", "u=\\u00g1"])
def test_a_malformed_unicode_escape_is_refused_as_properties_load_refuses_it(text):
    with pytest.raises(ValueError, match="Malformed"):
        java_properties.loads(text)


def test_output_over_max_output_data_fails():
    assert parse_output("k=" + "v" * 10, 12) == {"k": "v" * 10}
    with pytest.raises(ActionFailed) as raised:
        parse_output("k=" + "v" * 11, 12)
    assert raised.value.code == "OUTPUT_TOO_LARGE"
    assert "Output data exceeds its limit [12]" in raised.value.message


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("hdfs://nn/apps/run.sh#go.sh", ("hdfs://nn/apps/run.sh", "go.sh")),
        ("hdfs://nn/apps/run.sh", ("hdfs://nn/apps/run.sh", "run.sh")),
        ("lib/dict.zip#dict", ("lib/dict.zip", "dict")),
    ],
)
def test_file_links(entry, expected):
    assert split_link(entry) == expected


@pytest.mark.parametrize(
    "entry",
    [
        "/data/x.sh#../../home/u/.bashrc",
        "/data/x.sh#/etc/cron.d/x",
        "/data/lib.zip#a/../../b",
        "/data/x.sh#",
    ],
)
def test_links_out_of_the_working_directory_fail_the_action(entry):
    with pytest.raises(ActionFailed, match="is not a name in the working directory"):
        split_link(entry)


def test_relative_files_resolve_against_the_app_directory():
    assert resolve_against_app("run.sh", "hdfs://nn/apps/wf") == "hdfs://nn/apps/wf/run.sh"
    assert resolve_against_app("run.sh", "hdfs://nn/apps/wf/workflow.xml") == (
        "hdfs://nn/apps/wf/run.sh"
    )
    assert resolve_against_app("/abs/run.sh", None) == "/abs/run.sh"
    with pytest.raises(ActionFailed):
        resolve_against_app("run.sh", None)


def test_env_vars_split_at_the_first_equals():
    assert env_pairs(["A=1", "B=x=y", "C="]) == {"A": "1", "B": "x=y", "C": ""}
    with pytest.raises(ActionFailed):
        env_pairs(["NOVALUE"])


def test_paths_need_a_scheme_or_a_name_node(tmp_path):
    with pytest.raises(ActionFailed) as raised:
        fs_ops.mkdir(str(tmp_path / "x"))
    assert raised.value.code == "FS001"
    fs_ops.mkdir(str(tmp_path / "x"), name_node="file://")
    assert (tmp_path / "x").is_dir()
    with pytest.raises(ActionFailed) as raised:
        fs_ops.mkdir("relative/x", name_node="file://")
    assert raised.value.code == "FS011"


def test_delete_is_recursive_globbed_and_fine_when_missing(tmp_path):
    for name in ("out-1/part", "out-2/part", "keep/part"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    fs_ops.delete(f"file://{tmp_path}/out-*")
    fs_ops.delete(f"file://{tmp_path}/missing")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep"]


def test_move_follows_hdfs_rename(tmp_path):
    root = f"file://{tmp_path}"
    (tmp_path / "src").mkdir()
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(ActionFailed) as raised:
        fs_ops.move(f"{root}/nothing", f"{tmp_path}/t")
    assert raised.value.code == "FS006"
    # onto an existing file, or under a missing parent: rename fails (FS008)
    with pytest.raises(ActionFailed) as raised:
        fs_ops.move(f"{root}/src", f"{tmp_path}/file")
    assert raised.value.code == "FS008"
    with pytest.raises(ActionFailed) as raised:
        fs_ops.move(f"{root}/src", f"{tmp_path}/no/parent")
    assert raised.value.code == "FS008"
    # into an existing directory: moved under it
    fs_ops.move(f"{root}/src", f"{tmp_path}/dir")
    assert (tmp_path / "dir" / "src").is_dir()
    # to a new name (target without scheme: the source's file system)
    fs_ops.move(f"{root}/dir", f"{tmp_path}/renamed")
    assert (tmp_path / "renamed" / "src").is_dir()


def test_chmod_dir_files_and_recursive(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "f").write_text("x")
    (tmp_path / "d" / "sub" / "g").write_text("x")
    mode = lambda p: stat.S_IMODE(os.stat(p).st_mode)  # noqa: E731
    fs_ops.chmod(f"file://{tmp_path}/d", "700", dir_files=False)
    assert mode(tmp_path / "d") == 0o700
    assert mode(tmp_path / "d" / "f") != 0o700
    fs_ops.chmod(f"file://{tmp_path}/d", "750")  # dir-files defaults to true: one level
    assert (mode(tmp_path / "d" / "f"), mode(tmp_path / "d" / "sub")) == (0o750, 0o750)
    assert mode(tmp_path / "d" / "sub" / "g") != 0o750
    fs_ops.chmod(f"file://{tmp_path}/d", "-rwxr-x---", recursive=True)
    assert mode(tmp_path / "d" / "sub" / "g") == 0o750
    with pytest.raises(ActionFailed) as raised:
        fs_ops.chmod(f"file://{tmp_path}/d", "75")
    assert raised.value.code == "FS010"
    with pytest.raises(ActionFailed) as raised:
        fs_ops.chmod(f"file://{tmp_path}/none", "755")
    assert raised.value.code == "FS009"


def test_touchz_creates_and_refuses_non_empty_files(tmp_path):
    fs_ops.touchz(f"file://{tmp_path}/new/_SUCCESS")
    assert (tmp_path / "new" / "_SUCCESS").read_bytes() == b""
    fs_ops.touchz(f"file://{tmp_path}/new/_SUCCESS")  # an empty file is fine
    (tmp_path / "data").write_text("x")
    with pytest.raises(ActionFailed, match="must be a zero-length file"):
        fs_ops.touchz(f"file://{tmp_path}/data")
    with pytest.raises(ActionFailed, match="is a directory"):
        fs_ops.touchz(f"file://{tmp_path}/new")


def test_setrep_leaves_local_files_alone(tmp_path):
    (tmp_path / "f").write_text("x")
    fs_ops.setrep(f"file://{tmp_path}/f", "2")
    assert (tmp_path / "f").read_text() == "x"


def test_ssh_command_line_quotes_every_argument():
    from ferry_runtime.actions.ssh import command_line

    arguments = [("arg", "a b"), ("arg", "$(rm -rf /)"), ("args", '"Hello Oozie!" -v')]
    assert command_line("run.sh", arguments) == "run.sh 'a b' '$(rm -rf /)' \"Hello Oozie!\" -v"


class FakeSshHook:
    """What SSHOperator asks of its hook; records the remote command line."""

    def __init__(self, exit_status: int, stdout: bytes) -> None:
        self.remote_host = ""
        self.commands: list[str] = []
        self.result = (exit_status, stdout, b"")

    def get_conn(self):
        import contextlib

        return contextlib.nullcontext(object())

    def exec_ssh_client_command(self, client, command, timeout, environment, get_pty):
        self.commands.append(command)
        return self.result


class FakeTi:
    def __init__(self) -> None:
        self.xcoms: dict[str, object] = {}

    def xcom_push(self, key, value):
        self.xcoms[key] = value


@pytest.mark.parametrize(("status", "fails"), [(0, False), (2, True)])
def test_ssh_runs_the_quoted_command_and_captures_output(status, fails):
    from airflow.sdk import DAG

    from ferry_runtime.actions.ssh import ssh_operator

    with DAG("ssh_probe", schedule=None):
        op = ssh_operator(
            node="remote",
            ssh_conn_id="ssh_etl_gateway",
            remote_host="gateway",
            command="report.sh",
            arguments=[("args", "2026-01-15 --full"), ("arg", "x y")],
            capture_output=True,
        )
    hook = FakeSshHook(status, b"rows=42\n")
    op.ssh_hook = hook
    ti = FakeTi()
    if fails:
        with pytest.raises(ActionFailed, match=r"exited with status \[2\]"):
            op.execute({"ti": ti})
        assert ti.xcoms["ferry_failure"]["code"] == "SSH_FAILED"
    else:
        op.execute({"ti": ti})
        assert ti.xcoms["ferry_action_data"] == {"rows": "42"}
    assert hook.commands == ["report.sh 2026-01-15 --full 'x y'"]
    assert hook.remote_host == "gateway"


def test_shell_ships_files_and_archives_into_its_working_directory(tmp_path):
    import zipfile

    from airflow.sdk import DAG

    from ferry_runtime.actions.shell import RunShellCommand, ShellCommand

    script = tmp_path / "run.sh"
    script.write_text(
        '#!/bin/sh\necho "lib=$(cat lib/dict.txt)"\necho "first=$1"\necho "env=$MODE"\n'
    )
    with zipfile.ZipFile(tmp_path / "lib.zip", "w") as archive:
        archive.writestr("dict.txt", "words")
    with DAG("shell_probe", schedule=None):
        op = RunShellCommand(
            shell=ShellCommand(
                node="probe",
                command="go.sh",  # the shipped script, under its link name
                arguments=("one two",),
                env=("MODE=full",),
                files=(f"file://{script}#go.sh",),
                archives=(f"{tmp_path}/lib.zip#lib",),
                capture_output=True,
            )
        )
    ti = FakeTi()
    op.execute({"ti": ti, "params": {}})
    assert ti.xcoms["ferry_action_data"] == {"lib": "words", "first": "one two", "env": "full"}


def test_shell_non_zero_exit_is_the_action_error(tmp_path):
    from airflow.sdk import DAG

    from ferry_runtime.actions.shell import RunShellCommand, ShellCommand

    with DAG("shell_fails", schedule=None):
        op = RunShellCommand(shell=ShellCommand(node="x", command="sh", arguments=("-c", "exit 4")))
    ti = FakeTi()
    with pytest.raises(ActionFailed, match=r"exit code \[4\]"):
        op.execute({"ti": ti, "params": {}})
    assert ti.xcoms["ferry_failure"]["code"] == "SHELL_FAILED"
