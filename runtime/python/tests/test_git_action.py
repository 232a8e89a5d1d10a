"""The git action against real git: local repositories made here, cloned by the real `git` CLI.

The SSH case runs git's real ssh transport: `ssh` on the PATH is a stand-in that records the
arguments git gave it (and the key file's mode while the clone runs), then runs the remote
command (git-upload-pack) locally, as sshd would on the server.
"""

from __future__ import annotations

import hashlib
import shlex
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest

from ferry_runtime.actions import git
from ferry_runtime.errors import ActionFailed

KEY = (
    b"-----BEGIN OPENSSH PRIVATE KEY-----\n"
    b"not-a-real-key-but-secret-bytes\n"
    b"-----END OPENSSH PRIVATE KEY-----"
)


class Log:
    """Collects what the action logs, formatted."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, message: str, *args: object) -> None:
        self.lines.append(message % args if args else message)

    warning = info

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def run_git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Ferry", "-c", "user.email=f@example.com"]
    return subprocess.run(
        [*command, *args], check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A repository: main (the default branch) with two commits, and a branch `feature`."""
    repo = tmp_path / "origin"
    repo.mkdir()
    run_git(repo, "init", "-q", "-b", "main")
    (repo / "README.md").write_text("etl\n")
    (repo / "src").mkdir()
    (repo / "src" / "job.sh").write_text("echo run\n")
    run_git(repo, "add", "-A")
    run_git(repo, "commit", "-q", "-m", "first")
    (repo / "README.md").write_text("etl, second version\n")
    run_git(repo, "commit", "-q", "-am", "second")
    run_git(repo, "checkout", "-q", "-b", "feature")
    (repo / "feature.txt").write_text("only on feature\n")
    run_git(repo, "add", "-A")
    run_git(repo, "commit", "-q", "-m", "feature")
    run_git(repo, "checkout", "-q", "main")
    return repo


def clone(origin: str, destination: Path | str, log: Log | None = None, **kwargs: str) -> None:
    target = destination if isinstance(destination, str) else f"file://{destination}"
    git.clone_to_destination(
        git_uri=origin,
        destination_uri=target,
        branch=kwargs.get("branch"),
        key_path=kwargs.get("key_path"),
        name_node=kwargs.get("name_node"),
        log=log or Log(),
    )


def failure(origin: str, destination: Path | str, **kwargs: str) -> ActionFailed:
    with pytest.raises(ActionFailed) as raised:
        clone(origin, destination, **kwargs)
    assert raised.value.code == "JA018"
    return raised.value


def test_without_branch_the_default_branch_is_checked_out_with_every_branch_fetched(
    origin: Path, tmp_path: Path
) -> None:
    destination = tmp_path / "hdfs" / "apps" / "etl"  # missing, parents too: mkdirs
    clone(f"file://{origin}", destination)
    assert (destination / "README.md").read_text() == "etl, second version\n"
    assert (destination / "src" / "job.sh").read_text() == "echo run\n"
    assert not (destination / "feature.txt").exists()
    # The copy is a real repository: .git came along, full history, every branch fetched.
    assert run_git(destination, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    assert run_git(destination, "rev-list", "--count", "HEAD") == "2"
    assert "origin/feature" in run_git(destination, "branch", "-r")


def test_a_named_branch_is_the_only_one_cloned(origin: Path, tmp_path: Path) -> None:
    destination = tmp_path / "dest"
    clone(f"file://{origin}", destination, branch="feature")
    assert (destination / "feature.txt").read_text() == "only on feature\n"
    assert run_git(destination, "rev-parse", "--abbrev-ref", "HEAD") == "feature"
    assert run_git(destination, "branch", "-r").split() == ["origin/feature"]


def test_an_existing_destination_is_merged_into(origin: Path, tmp_path: Path) -> None:
    destination = tmp_path / "dest"
    destination.mkdir()
    (destination / "keep.txt").write_text("was here\n")
    (destination / "README.md").write_text("old\n")
    clone(f"file://{origin}", destination)
    # copyFromLocalFile(overwrite=true): same names overwritten, other entries left alone.
    assert (destination / "keep.txt").read_text() == "was here\n"
    assert (destination / "README.md").read_text() == "etl, second version\n"
    assert (destination / ".git").is_dir()


def test_cloning_again_into_a_checkout_fails_on_its_directories(
    origin: Path, tmp_path: Path
) -> None:
    destination = tmp_path / "dest"
    clone(f"file://{origin}", destination)
    (destination / "README.md").write_text("edited\n")
    error = failure(f"file://{origin}", destination)
    # Hadoop 2's FileUtil.checkDest: a directory on both sides fails, after the rest is copied.
    assert error.message == (
        f"Target file://{destination}/.git is a directory\n"
        f"Target file://{destination}/src is a directory"
    )
    assert (destination / "README.md").read_text() == "etl, second version\n"
    assert not (destination / ".git" / ".git").exists()


def test_a_destination_that_is_a_file_fails(origin: Path, tmp_path: Path) -> None:
    destination = tmp_path / "dest"
    destination.write_text("a file\n")
    assert failure(f"file://{origin}", destination).message == (
        f"Path is not a directory: {destination}"
    )


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        (
            "git@github.com:acme/etl.git",
            "Action Configuration does not have a proper URI: git@github.com:acme/etl.git "
            "exception java.net.URISyntaxException: Illegal character in scheme name at index 3: "
            "git@github.com:acme/etl.git",
        ),
        (
            "/srv/git/etl.git",
            "Action Configuration does not have a proper URI /srv/git/etl.git null scheme.",
        ),
    ],
)
def test_a_git_uri_without_a_scheme_fails_as_in_gitmain(
    uri: str, message: str, tmp_path: Path
) -> None:
    assert failure(uri, tmp_path / "dest").message == message
    assert not (tmp_path / "dest").exists()


@pytest.mark.parametrize(
    ("uri", "reason"),
    [
        # java.net.URI's own messages for these (checked with `new java.net.URI(uri)`, Java 17).
        ("https://github.com/a b", "Illegal character in path at index 20"),
        ("https://git hub.com/x", "Illegal character in authority at index 8"),
        ("file:///x?a b", "Illegal character in query at index 11"),
        ("mailto:a b", "Illegal character in opaque part at index 8"),
        ("/srv/a b", "Illegal character in path at index 6"),
        ("git@github.com:acme/etl.git", "Illegal character in scheme name at index 3"),
        (":x", "Expected scheme name at index 0"),
        ("/srv/git/etl.git", None),
        ("ssh://git@github.com/acme/etl.git", None),
    ],
)
def test_uri_syntax_errors_are_java_nets(uri: str, reason: str | None) -> None:
    assert git._syntax_error(uri) == reason


def test_a_destination_without_a_scheme_or_file_system_fails(origin: Path, tmp_path: Path) -> None:
    assert failure(f"file://{origin}", str(tmp_path / "dest")).message == (
        f"Action Configuration does not have a proper URI {tmp_path}/dest null scheme."
    )
    message = failure(f"file://{origin}", "nosuchfs://nn/dest").message
    assert message.startswith(
        "Action Configuration does not have a valid filesystem for URI "
        "oozie.git.destination.uriexception "
    )


def test_a_repository_that_is_not_there_fails_the_clone(tmp_path: Path) -> None:
    message = failure(f"file://{tmp_path}/nowhere.git", tmp_path / "dest").message
    assert message.startswith("Unable to clone Git repo: fatal: ")
    assert "nowhere.git" in message
    assert not (tmp_path / "dest").exists()


def test_a_branch_that_is_not_there_fails_the_clone(origin: Path, tmp_path: Path) -> None:
    message = failure(f"file://{origin}", tmp_path / "dest", branch="nope").message
    assert (
        message
        == "Unable to clone Git repo: fatal: Remote branch nope not found in upstream origin"
    )


def test_a_password_in_the_uri_is_never_shown(tmp_path: Path) -> None:
    log = Log()
    with pytest.raises(ActionFailed) as raised:
        clone("https://etl:s3cr3t@127.0.0.1:9/etl.git", tmp_path / "dest", log=log)
    assert "s3cr3t" not in raised.value.message + log.text
    assert "https://etl:***@127.0.0.1:9/etl.git" in log.text


FAKE_SSH = textwrap.dedent(
    """\
    #!/bin/sh
    # Records what git ran ssh with, and the key file as it is during the clone.
    key=""
    prev=""
    for arg in "$@"; do
        [ "$prev" = "-i" ] && key="$arg"
        printf 'arg %s\\n' "$arg" >> "$FAKE_SSH_LOG"
        prev="$arg"
    done
    printf 'key-mode %s\\n' "$(stat -c %a "$key")" >> "$FAKE_SSH_LOG"
    printf 'dir-mode %s\\n' "$(stat -c %a "$(dirname "$key")")" >> "$FAKE_SSH_LOG"
    printf 'key-sha256 %s\\n' "$(sha256sum < "$key" | cut -d' ' -f1)" >> "$FAKE_SSH_LOG"
    for command; do :; done
    exec sh -c "$command"
    """
)


@pytest.fixture
def fake_ssh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ssh = bin_dir / "ssh"
    ssh.write_text(FAKE_SSH)
    ssh.chmod(0o755)
    record = tmp_path / "ssh.log"
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path('/usr/bin')}:{Path('/bin')}")
    monkeypatch.setenv("FAKE_SSH_LOG", str(record))
    return record


def test_the_key_at_key_path_is_the_ssh_identity_and_is_deleted_after(
    origin: Path, tmp_path: Path, fake_ssh: Path
) -> None:
    keys = tmp_path / "hdfs" / "keys"
    keys.mkdir(parents=True)
    (keys / "etl_rsa").write_bytes(KEY)  # no newline at the end, as keys often are stored
    log = Log()
    destination = tmp_path / "dest"
    # key-path without a scheme is on <name-node>'s file system.
    clone(
        f"ssh://git.example.com{origin}",
        destination,
        log=log,
        key_path=f"{keys}/etl_rsa",
        name_node="file://",
    )
    assert (destination / "README.md").read_text() == "etl, second version\n"
    record = fake_ssh.read_text().splitlines()
    args = [line.removeprefix("arg ") for line in record if line.startswith("arg ")]
    key = Path(args[args.index("-i") + 1])
    options = [args[i + 1] for i, arg in enumerate(args) if arg == "-o"]
    assert {"IdentitiesOnly=yes", "BatchMode=yes", "StrictHostKeyChecking=no"} <= set(options)
    assert "git.example.com" in args
    assert args[-1] == f"git-upload-pack '{origin}'"
    # During the clone: privkey, mode 0600, in a 0700 directory, the key's bytes plus a newline.
    assert key.name == "privkey"
    assert "key-mode 600" in record
    assert "dir-mode 700" in record
    written = hashlib.sha256(KEY + b"\n").hexdigest()
    assert f"key-sha256 {written}" in record
    # After: gone, and its material was never logged or copied to the destination.
    assert not key.exists()
    assert not key.parent.exists()
    assert "secret-bytes" not in log.text
    for file in destination.rglob("*"):
        assert not file.is_file() or b"secret-bytes" not in file.read_bytes()


def test_the_key_is_deleted_when_the_clone_fails(tmp_path: Path, fake_ssh: Path) -> None:
    (tmp_path / "key").write_bytes(KEY + b"\n")
    message = failure(
        f"ssh://git.example.com{tmp_path}/nowhere.git",
        tmp_path / "dest",
        key_path=f"file://{tmp_path}/key",
    ).message
    assert message.startswith("Unable to clone Git repo: ")
    args = [line.removeprefix("arg ") for line in fake_ssh.read_text().splitlines()]
    key = Path(args[args.index("-i") + 1])
    assert not key.parent.exists()


def test_a_missing_key_fails_whatever_the_scheme(origin: Path, tmp_path: Path) -> None:
    # GitMain fetches key-path before cloning, even for a clone that would not use it.
    message = failure(f"file://{origin}", tmp_path / "dest", key_path=f"file://{tmp_path}/no-key")
    assert message.message == f"File file://{tmp_path}/no-key does not exist"
    assert not (tmp_path / "dest").exists()


def test_an_empty_key_path_fails_as_in_gitmain(origin: Path, tmp_path: Path) -> None:
    message = failure(f"file://{origin}", tmp_path / "dest", key_path=" ").message
    assert message == "Can not create a Path from an empty string"


def test_ssh_command_and_argv() -> None:
    assert shlex.split(git.ssh_command(Path("/tmp/a b/privkey"))) == [
        "ssh",
        "-o",
        "BatchMode=yes",
        "-o",
        "StrictHostKeyChecking=no",
        "-i",
        "/tmp/a b/privkey",
        "-o",
        "IdentitiesOnly=yes",
    ]
    assert git.clone_argv("file:///r", "dev", Path("/t")) == [
        "git",
        "clone",
        "--branch",
        "dev",
        "--single-branch",
        "--",
        "file:///r",
        "/t",
    ]
    assert git.key_location("/keys/k", "hdfs://nn:8020") == "hdfs://nn:8020/keys/k"
    assert git.key_location("s3://bucket/k", "hdfs://nn:8020") == "s3://bucket/k"


def test_copied_files_get_the_destinations_default_mode(origin: Path, tmp_path: Path) -> None:
    (origin / "src" / "job.sh").chmod(0o755)
    run_git(origin, "commit", "-q", "-am", "executable")
    destination = tmp_path / "dest"
    clone(f"file://{origin}", destination)
    # Hadoop's create() does not carry the local file's mode; neither does the copy here.
    assert not (destination / "src" / "job.sh").stat().st_mode & stat.S_IXUSR
