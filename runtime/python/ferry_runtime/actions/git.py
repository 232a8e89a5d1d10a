"""The Oozie git action: `git clone` on the worker, the checkout copied to destination-uri.

Group: run -> outcome. `run` does what Oozie 5's GitMain does in its YARN launcher, in its order:

1. <prepare> (delete/mkdir), as for every action.
2. destination-uri, then git-uri, must be URIs with a scheme (GitMain.isValidUri on
   `java.net.URI`): a scp-like `git@host:repo` or a bare path fails; a destination whose scheme no
   file system serves fails too.
3. key-path (optional): the SSH private key, read through the same file systems as the fs action
   (fsspec: hdfs://, s3://, file://...; a path without a scheme is on <name-node>), is written to
   `privkey` in a fresh directory of mode 0700, itself mode 0600, and given to ssh through
   GIT_SSH_COMMAND (`-i privkey -o IdentitiesOnly=yes`); both are deleted once the clone ends,
   whatever happens. Oozie fetches the key whatever the URI's scheme (a missing key fails any
   clone) and uses it for ssh:// only, as git does with GIT_SSH_COMMAND. Like Oozie's JSch
   (StrictHostKeyChecking=no), ssh accepts a host key it does not know; BatchMode=yes stops it
   from ever prompting. The key's bytes are never logged or pushed to XCom.
4. The clone: the real `git` CLI, argv without a shell, into a fresh local directory, full
   history. Without <branch>, every branch is fetched and the remote's default branch (HEAD)
   checked out, as JGit's clone does; with <branch>, only that branch (`--branch B
   --single-branch`; JGit fetches only refs/heads/B). git also accepts a tag there, JGit did not;
   a <branch> that renders empty clones the default branch (JGit was asked for `refs/heads/`).
5. The copy, Hadoop's FileSystem.copyFromLocalFile(delSrc=false, overwrite=true, entries, dst):
   mkdirs(destination), then every top-level entry of the checkout, `.git` included, is copied
   into it by FileUtil.copy's rules (Hadoop 2, which Oozie 5 builds against): a destination that
   already exists is merged into - its other entries stay, a file of the same name is
   overwritten - but an entry that is a directory on both sides fails ("Target ... is a
   directory", after the other entries are copied), so cloning again into the same destination
   fails, as Oozie's documentation warns ("should not exist previously"); the workflows therefore
   delete it in <prepare>. (Hadoop 3.3 merges such directories instead.) A destination that is a
   file fails. File modes are not carried (HDFS creates files with its default permission).

Failures carry Oozie's wf:errorCode for an exception in the launcher's main, JA018, and its
message as wf:errorMessage: "Unable to clone Git repo: " (Oozie stops there; Ferry adds git's
own reason), "Action Configuration does not have a proper URI ...", "File ... does not exist",
Hadoop's copy messages.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

from ferry_runtime._airflow import BaseOperator, mask_secret
from ferry_runtime.actions.fs_ops import filesystem, run_prepare
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.transitions import enter

LAUNCHER_FAILED: Final = "JA018"  # JavaActionExecutor: the launcher's main threw (error.code 0)
CLONE_FAILED: Final = "Unable to clone Git repo: "  # GitOperations.cloneRepo
DESTINATION_URI: Final = "oozie.git.destination.uri"
SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
# Characters java.net.URI never accepts unquoted (RFC 2396 "unwise" and delimiters, controls).
ILLEGAL: Final = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}]")


@dataclass(frozen=True)
class GitClone:
    """An Oozie <git> action; every string is a Jinja template."""

    node: str
    git_uri: str
    destination_uri: str
    branch: str | None = None
    key_path: str | None = None
    name_node: str | None = None
    prepare: Sequence[tuple[str, str]] = field(default_factory=tuple)


class GitFailed(ActionFailed):
    """A failure of GitMain: wf:errorCode JA018."""

    def __init__(self, message: str) -> None:
        super().__init__(message, LAUNCHER_FAILED)


def proper_uri(text: str) -> str:
    """GitMain.isValidUri: `new URI(text)` parses and has a scheme; the trimmed text."""
    uri = text.strip()
    reason = _syntax_error(uri)
    if reason is not None:
        raise GitFailed(
            f"Action Configuration does not have a proper URI: {uri} exception "
            f"java.net.URISyntaxException: {reason}: {uri}"
        )
    if not _scheme(uri):
        raise GitFailed(f"Action Configuration does not have a proper URI {uri} null scheme.")
    return uri


def _scheme(uri: str) -> str | None:
    match = re.match(r"([^:/?#]*):", uri)
    return match.group(1) if match else None


def _syntax_error(uri: str) -> str | None:
    """java.net.URI's complaint about `uri`, or None (the scheme and illegal characters)."""
    scheme = _scheme(uri)
    if scheme is not None:
        if not scheme:
            return "Expected scheme name at index 0"
        if not SCHEME.fullmatch(scheme):
            bad = next(i for i, c in enumerate(scheme) if not SCHEME.fullmatch(scheme[: i + 1]))
            return f"Illegal character in scheme name at index {bad}"
    illegal = ILLEGAL.search(uri)
    if illegal is not None:
        index = illegal.start()
        component = _component(uri, scheme, index)
        if component == "authority":
            index = len(scheme or "") + 3  # java.net.URI points at the authority's start
        return f"Illegal character in {component} at index {index}"
    return None


def _component(uri: str, scheme: str | None, index: int) -> str:
    """The part of `uri` java.net.URI names when `index` holds an illegal character."""
    fragment, query = uri.find("#"), uri.find("?")
    if 0 <= fragment < index:
        return "fragment"
    if 0 <= query < index:
        return "query"
    start = len(scheme) + 1 if scheme else 0
    if uri.startswith("//", start):
        end = uri.find("/", start + 2)
        if index < (len(uri) if end < 0 else end):
            return "authority"
    if scheme and not uri.startswith("/", start):
        return "opaque part"
    return "path"


def key_location(key_path: str, name_node: str | None) -> str:
    """key-path as GitMain reads it: with its own scheme, or a path on <name-node>'s file system."""
    path = key_path.strip()
    if urlsplit(path).scheme or not name_node:
        return path
    if not path.startswith("/"):
        raise GitFailed(f"key-path [{path}] is relative: give it an absolute path or a URI")
    node = urlsplit(name_node.strip())
    return f"{node.scheme}://{node.netloc}{path}"


@contextmanager
def local_key(key_path: str | None, name_node: str | None, log: Any) -> Iterator[Path | None]:
    """The key copied to `privkey` (0600) in a fresh 0700 directory, removed on exit, or None."""
    if key_path is None:
        yield None
        return
    if not key_path.strip():
        # <key-path/> renders empty: GitMain's `new Path("")` throws.
        raise GitFailed("Can not create a Path from an empty string")
    location = key_location(key_path, name_node)
    with tempfile.TemporaryDirectory(prefix="ferry-git-key-") as directory:
        key = Path(directory) / "privkey"
        fs, path = filesystem(location)
        try:
            with fs.open(path, "rb") as source:
                material = source.read()
        except FileNotFoundError as exc:
            raise GitFailed(f"File {location} does not exist") from exc
        descriptor = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(material)
            if material and not material.endswith(b"\n"):
                out.write(b"\n")  # OpenSSH refuses a key without its last newline; JSch did not
        log.info("copied the SSH key at %s to a local file only this user can read", location)
        yield key


def ssh_command(key: Path | None) -> str:
    """GIT_SSH_COMMAND: Oozie's JSch settings, the key as the only identity."""
    parts = ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no"]
    if key is not None:
        parts += ["-i", str(key), "-o", "IdentitiesOnly=yes"]
    return shlex.join(parts)


def clone_argv(uri: str, branch: str | None, target: Path) -> list[str]:
    argv = ["git", "clone"]
    if branch:
        argv += ["--branch", branch, "--single-branch"]
    return [*argv, "--", uri, str(target)]


def hide_password(uri: str) -> tuple[str, str | None]:
    """(the URI as it may be shown, the password it carries or None)."""
    parts = urlsplit(uri)
    if not parts.password:
        return uri, None
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc)), parts.password


def clone(
    uri: str,
    branch: str | None,
    key: Path | None,
    target: Path,
    log: Any,
    shown: Callable[[str], str],
    started: Callable[[subprocess.Popen[str]], None] | None = None,
) -> None:
    """`git clone` into `target`; git's output goes to the log; a failure is CLONE_FAILED + why."""
    argv = clone_argv(uri, branch, target)
    env = dict(os.environ)
    env.update(
        {
            "GIT_SSH_COMMAND": ssh_command(key),
            "GIT_TERMINAL_PROMPT": "0",  # never wait for a user name or password
            "LC_ALL": "C",  # git's messages in English, as they reach wf:errorMessage
        }
    )
    log.info("running %s", shown(shlex.join(argv)))
    try:
        process = subprocess.Popen(
            argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # on_kill stops git and the ssh or https helper it started
        )
    except OSError as exc:
        raise GitFailed(f"{CLONE_FAILED}cannot run git: {exc}") from exc
    if started is not None:
        started(process)
    output, _ = process.communicate()
    lines = [shown(line) for line in output.splitlines() if line.strip()]
    for line in lines:
        log.info("git: %s", line)
    if process.returncode != 0:
        reasons = [line for line in lines if line.startswith("fatal:")] or lines[-1:]
        raise GitFailed(CLONE_FAILED + " ".join(reasons))


class _TargetIsDirectory(OSError):
    pass


def _check_dest(fs: Any, src_name: str | None, dst: str) -> str:
    """Hadoop 2's FileUtil.checkDest with overwrite=true."""
    if fs.exists(dst) and fs.isdir(dst):
        if src_name is None:
            raise _TargetIsDirectory(dst)
        return _check_dest(fs, None, posixpath.join(dst, src_name))
    return dst


def _copy(fs: Any, source: Path, dst: str) -> None:
    """FileUtil.copy(localFS, source, fs, dst, deleteSource=false, overwrite=true)."""
    dst = _check_dest(fs, source.name, dst)
    if source.is_dir():
        fs.makedirs(dst, exist_ok=True)
        for child in sorted(source.iterdir()):
            _copy(fs, child, posixpath.join(dst, child.name))
    else:
        fs.put_file(str(source), dst)


def destination_filesystem(destination: str) -> tuple[Any, str]:
    """GitMain: FileSystem.get(destination); no file system for its scheme fails the action."""
    try:
        return filesystem(destination)
    except (ValueError, ImportError) as exc:
        # Oozie's message, missing space included.
        raise GitFailed(
            "Action Configuration does not have a valid filesystem for URI "
            f"{DESTINATION_URI}exception {exc}"
        ) from exc


def copy_checkout(checkout: Path, destination: str) -> None:
    """mkdirs(destination) and copyFromLocalFile(false, true, top-level entries, destination)."""
    fs, root = destination_filesystem(destination)
    root = root.rstrip("/") or "/"
    base = destination.rstrip("/")

    def shown(path: str) -> str:
        return base + path[len(root.rstrip("/")) :] if path.startswith(root) else path

    if fs.exists(root) and not fs.isdir(root):
        raise GitFailed(f"Path is not a directory: {root}")
    fs.makedirs(root, exist_ok=True)
    errors: list[str] = []
    for entry in sorted(checkout.iterdir()):
        try:
            _copy(fs, entry, root)
        except _TargetIsDirectory as exc:
            errors.append(f"Target {shown(str(exc))} is a directory")
        except OSError as exc:
            errors.append(str(exc) or type(exc).__name__)
    if errors:
        raise GitFailed("\n".join(errors))


def clone_to_destination(
    *,
    git_uri: str,
    destination_uri: str,
    branch: str | None,
    key_path: str | None,
    name_node: str | None,
    log: Any,
    scratch_prefix: str = "ferry-git-",
    started: Callable[[subprocess.Popen[str]], None] | None = None,
) -> None:
    """GitMain.run after prepare: check the URIs, fetch the key, clone, copy to the destination."""
    destination = proper_uri(destination_uri)
    destination_filesystem(destination)
    uri = proper_uri(git_uri)
    shown_uri, password = hide_password(uri)
    if password:
        mask_secret(password)

    def shown(text: str) -> str:
        return text.replace(uri, shown_uri).replace(password, "***") if password else text

    branch = branch.strip() if branch and branch.strip() else None
    with tempfile.TemporaryDirectory(prefix=scratch_prefix) as scratch:
        checkout = Path(scratch) / "checkout"
        with local_key(key_path, name_node, log) as key:
            clone(uri, branch, key, checkout, log, shown, started)
        log.info("cloned %s%s", shown_uri, f" (branch {branch})" if branch else "")
        copy_checkout(checkout, destination)
    log.info("copied the checkout to %s", destination)


class RunGitClone(BaseOperator):
    """Clone the repository and copy it to destination-uri; any failure is the action's error."""

    template_fields = ("git_uri", "destination_uri", "branch", "key_path", "name_node", "prepare")
    ui_color = "#eef7e4"

    def __init__(self, *, git: GitClone, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = git.node
        self.git_uri = git.git_uri
        self.destination_uri = git.destination_uri
        self.branch = git.branch
        self.key_path = git.key_path
        self.name_node = git.name_node
        self.prepare = [list(step) for step in git.prepare]
        self._process: subprocess.Popen[str] | None = None

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, LAUNCHER_FAILED):
            run_prepare(self.prepare, self.log)
            clone_to_destination(
                git_uri=str(self.git_uri),
                destination_uri=str(self.destination_uri),
                branch=self.branch,
                key_path=self.key_path,
                name_node=self.name_node,
                log=self.log,
                scratch_prefix=f"ferry-git-{self.ferry_node}-",
                started=self._track,
            )

    def _track(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    def on_kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
