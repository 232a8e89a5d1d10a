"""The Oozie fs action on any file system fsspec reaches: file://, hdfs:// (pyarrow), s3:// (s3fs).

Group: run -> outcome. The operations run in document order, each with the rules of Oozie's
FsActionExecutor; the first that fails fails the action (error transition) and what ran before it
stays done, as in Oozie. Error codes are Oozie's (wf:errorCode): FS001 missing scheme (in a path
or the <name-node>), E0904 a <name-node> whose scheme is no file system (`nn:8020`), FS005
delete failed, FS006 move source missing, FS008 move failed, FS009 chmod/chgrp path missing,
FS010 bad permissions, FS011 relative path, FS012 several sources to one name, FS013 glob too big.
"""

from __future__ import annotations

import grp
import logging
import os
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.errors import ActionFailed, failure_recorded
from ferry_runtime.hadoop_fs import fs_action_name_node
from ferry_runtime.transitions import enter

GLOB_MAX: Final = 50000  # oozie-default.xml: oozie.action.fs.glob.max


def filesystem(path: str) -> tuple[Any, str]:
    """(fsspec file system, path inside it) for a URI or local path."""
    from fsspec.core import url_to_fs

    return url_to_fs(path)


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def full_path(path: str, name_node: str | None) -> str:
    """FsActionExecutor.resolveToFullPath: a scheme, or an absolute path and <name-node>."""
    path = path.strip()
    parts = urlsplit(path)
    if parts.scheme:
        return path
    if name_node is None:
        raise ActionFailed(f"Missing scheme in path [{path}]", "FS001")
    if not path.startswith("/"):
        raise ActionFailed(f"Path [{path}] cannot be relative", "FS011")
    node = urlsplit(name_node.strip())
    return f"{node.scheme}://{node.netloc}{path}"


def _glob(fs: Any, local: str) -> list[str]:
    matches = sorted(fs.glob(local)) if re.search(r"[*?\[{]", local) else []
    if not matches and fs.exists(local):
        matches = [local]
    if len(matches) > GLOB_MAX:
        raise ActionFailed("too many globbed files/dirs to do FS operation", "FS013")
    return matches


def mkdir(path: str, name_node: str | None = None) -> None:
    """mkdirs: parents too; an existing directory is fine."""
    fs, local = filesystem(full_path(path, name_node))
    if not fs.exists(local):
        fs.makedirs(local, exist_ok=True)


def delete(
    path: str, name_node: str | None = None, skip_trash: bool = True, log: Any = None
) -> None:
    """Recursive delete of every match; nothing to delete is fine."""
    fs, local = filesystem(full_path(path, name_node))
    if not skip_trash and log is not None:
        log.warning("skip-trash=false: %s is deleted, as there is no HDFS trash here", path)
    for match in _glob(fs, local):
        if fs.exists(match):
            try:
                fs.rm(match, recursive=True)
            except OSError as exc:
                raise ActionFailed(
                    f"delete, path [{match}] could not delete path: {exc}", "FS005"
                ) from exc


def _rename_fails(fs: Any, source: str, target: str) -> bool:
    """HDFS rename: into an existing directory; false when the target exists or has no parent."""
    if fs.isdir(target):
        return fs.exists(posixpath.join(target, posixpath.basename(source.rstrip("/"))))
    return fs.exists(target) or not fs.isdir(posixpath.dirname(target.rstrip("/")) or "/")


def move(source: str, target: str, name_node: str | None = None) -> None:
    source = full_path(source, name_node)
    fs, local = filesystem(source)
    parts = urlsplit(target.strip())
    if parts.scheme:
        if (parts.scheme, parts.netloc) != (urlsplit(source).scheme, urlsplit(source).netloc):
            raise ActionFailed("move, target NN URI different from that of source", "FS007")
        _, target_local = filesystem(target.strip())
    else:
        target_local = target.strip()
    matches = _glob(fs, local)
    if not matches:
        raise ActionFailed(f"move, source path [{source}] does not exist", "FS006")
    if len(matches) > 1 and not fs.isdir(target_local):
        raise ActionFailed(
            "move, could not rename multiple sources to the same target name", "FS012"
        )
    for match in matches:
        if _rename_fails(fs, match, target_local):
            raise ActionFailed(f"move, could not move [{match}] to [{target}]", "FS008")
        destination = target_local
        if fs.isdir(target_local):
            destination = posixpath.join(target_local, posixpath.basename(match.rstrip("/")))
        fs.mv(match, destination, recursive=True)


def permission_bits(permissions: str, path: str) -> int:
    """FsActionExecutor.createShortPermission: '755', or '-rwxr-xr-x' (FsPermission.valueOf)."""
    text = permissions.strip()
    if len(text) == 3 and text.isdigit() and all(c in "01234567" for c in text):
        return int(text, 8)
    if len(text) == 10 and re.fullmatch(r"[-dl]([-r][-w][-xsStT]){3}", text):
        bits = 0
        for char, bit in zip(
            text[1:], (0o400, 0o200, 0o100, 0o40, 0o20, 0o10, 4, 2, 1), strict=True
        ):
            if char not in "-ST":
                bits |= bit
        if text[9] in "tT":
            bits |= 0o1000
        return bits
    raise ActionFailed(f"chmod, path [{path}] invalid permissions mask [{permissions}]", "FS010")


def _targets(fs: Any, path: str, dir_files: bool, recursive: bool, root: bool = True) -> list[str]:
    """FsActionExecutor.recursiveFsOperation: path, children if dir-files, deeper if recursive."""
    if not (dir_files and fs.isdir(path)):
        return [path]
    found = [path] if root else []
    for child in sorted(fs.ls(path, detail=False)):
        if child.rstrip("/") == path.rstrip("/"):
            continue
        if recursive and fs.isdir(child):
            found.extend(_targets(fs, child, dir_files, recursive, root=False))
        found.append(child)
    return found


def _matched_targets(
    operation: str, path: str, name_node: str | None, dir_files: bool, recursive: bool
) -> tuple[Any, str, Iterator[str]]:
    """The file system, full path and (lazily) every target of chmod/chgrp on a glob: FS009
    when nothing matches, before anything else is checked."""
    full = full_path(path, name_node)
    fs, local = filesystem(full)
    matches = _glob(fs, local)
    if not matches:
        raise ActionFailed(f"{operation}, path(s) that matches [{full}] does not exist", "FS009")
    targets = (t for match in matches for t in _targets(fs, match, dir_files, recursive))
    return fs, full, targets


def chmod(
    path: str,
    permissions: str,
    name_node: str | None = None,
    dir_files: bool = True,
    recursive: bool = False,
) -> None:
    fs, full, targets = _matched_targets("chmod", path, name_node, dir_files, recursive)
    mode = permission_bits(permissions, full)
    for target in targets:
        if _is_local(fs):
            os.chmod(target, mode)
        elif hasattr(fs, "chmod"):
            fs.chmod(target, mode)
        else:
            raise ActionFailed(f"chmod is not supported on {full}", "FS_FAILED")


def chgrp(
    path: str,
    group: str,
    name_node: str | None = None,
    dir_files: bool = True,
    recursive: bool = False,
) -> None:
    """setOwner(path, wf user, group); the owner is kept here (changing it needs root locally)."""
    fs, full, targets = _matched_targets("chgrp", path, name_node, dir_files, recursive)
    for target in targets:
        if _is_local(fs):
            os.chown(target, -1, grp.getgrnam(group).gr_gid)
        elif hasattr(fs, "chown"):
            fs.chown(target, None, group)
        else:
            raise ActionFailed(f"chgrp is not supported on {full}", "FS_FAILED")


def touchz(path: str, name_node: str | None = None) -> None:
    """Create an empty file; an existing one must be empty (it is rewritten, as fs.create does)."""
    full = full_path(path, name_node)
    fs, local = filesystem(full)
    if fs.exists(local):
        if fs.isdir(local):
            raise ActionFailed(f"{full} is a directory", "FS_FAILED")
        if int(fs.size(local) or 0) != 0:
            raise ActionFailed(f"{full} must be a zero-length file", "FS_FAILED")
    parent = posixpath.dirname(local.rstrip("/"))
    if parent and not fs.exists(parent):
        fs.makedirs(parent, exist_ok=True)  # HDFS create() makes missing parents
    with fs.open(local, "wb"):
        pass


def setrep(path: str, replication_factor: str, log: Any = None) -> None:
    """HDFS replication of a file; a directory is left alone; other file systems have none."""
    fs, local = filesystem(full_path(path, None))
    if not fs.isfile(local):
        return
    if hasattr(fs, "setrep"):
        fs.setrep(local, int(replication_factor))
    elif log is not None:
        log.info("setrep %s %s: %s has no replication", replication_factor, path, fs.protocol)


def _flag(arguments: Mapping[str, Any], name: str, default: bool) -> bool:
    value = arguments.get(name)
    return default if value is None else str(value).strip().lower() == "true"


def run_step(step: Mapping[str, Any], name_node: str | None, log: Any) -> None:
    """One fs operation, from its Oozie element's attributes."""
    op = str(step["op"])
    if op == "mkdir":
        mkdir(step["path"], name_node)
    elif op == "delete":
        # Oozie skips the trash unless skip-trash="false".
        delete(step["path"], name_node, skip_trash=str(step.get("skip-trash")) != "false", log=log)
    elif op == "move":
        move(step["source"], step["target"], name_node)
    elif op == "chmod":
        chmod(
            step["path"],
            step["permissions"],
            name_node,
            dir_files=_flag(step, "dir-files", True),
            recursive=_flag(step, "recursive", False),
        )
    elif op == "chgrp":
        chgrp(
            step["path"],
            step["group"],
            name_node,
            dir_files=_flag(step, "dir-files", True),
            recursive=_flag(step, "recursive", False),
        )
    elif op == "touchz":
        touchz(step["path"], name_node)
    elif op == "setrep":
        if step.get("replication-factor") is not None:
            setrep(step["path"], step["replication-factor"], log)
    else:
        raise ActionFailed(f"unknown fs operation <{op}>", "FS_FAILED")


def run_prepare(steps: Sequence[Sequence[str]], log: logging.Logger | Any) -> None:
    """<prepare>: delete and mkdir before the action starts (paths need a scheme)."""
    for operation, path in steps:
        log.info("prepare: %s %s", operation, path)
        if operation == "delete":
            delete(path)
        elif operation == "mkdir":
            mkdir(path)
        else:
            raise ActionFailed(f"unknown prepare operation <{operation}>", "FS_FAILED")


@dataclass(frozen=True)
class FsOperations:
    """An Oozie <fs> action: `steps` are dicts {"op": ..., attribute: value}, values Jinja."""

    node: str
    steps: Sequence[Mapping[str, str]]
    name_node: str | None = None


class RunFsOperations(BaseOperator):
    """Run the fs operations in order; the first failure fails the action."""

    template_fields = ("steps", "name_node")
    ui_color = "#eef7e4"

    def __init__(self, *, fs: FsOperations, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "run")
        super().__init__(**kwargs)
        self.ferry_node = fs.node
        self.steps = [dict(step) for step in fs.steps]
        self.name_node = fs.name_node

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "FS_FAILED"):
            if self.name_node is not None and self.name_node.strip():
                fs_action_name_node(self.name_node)  # checked before any operation, as Oozie does
            for number, step in enumerate(self.steps, start=1):
                shown = " ".join(f"{k}={v}" for k, v in step.items() if k != "op")
                self.log.info("fs %d/%d: %s %s", number, len(self.steps), step["op"], shown)
                run_step(step, self.name_node, self.log)
