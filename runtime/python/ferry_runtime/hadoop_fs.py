"""How Hadoop and Oozie read a `<name-node>` value, for the places the runtime needs it.

Two readings, from their sources:
- as `fs.defaultFS` (a Pig, Java or map-reduce action: JavaActionExecutor sets `fs.default.name` to
  the `<name-node>`; a dataset's server-side default file system): `FileSystem.getDefaultUri` first
  applies `fixName`, where `local` is `file:///` and a name without `/` (the old `host:port` form,
  `nn:8020`) is `hdfs://nn:8020`; what is left must have a scheme, else "No scheme in default FS";
- as a Path (the fs action: FsActionExecutor's `validatePath(new Path(nameNode), true)`): the text
  before a `:` that comes before any `/` is the scheme, so `nn:8020` is the scheme `nn`, which is
  not a file system (E0904), and `nn` has none (FS001).
"""

from __future__ import annotations

import re
from typing import Final

from ferry_runtime.errors import ActionFailed

URI_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # java.net.URI's scheme syntax


def default_fs_uri(name: str) -> str:
    """`name` as Hadoop's FileSystem.getDefaultUri reads an fs.defaultFS value (fixName first)."""
    fixed = name.strip()
    if fixed == "local":
        fixed = "file:///"
    elif "/" not in fixed:
        fixed = "hdfs://" + fixed
    if not URI_SCHEME.match(fixed):
        raise ValueError(f"No scheme in default FS: {fixed}")
    return fixed


def path_scheme(path: str) -> str | None:
    """The scheme Hadoop's Path(String) reads: text before a ':' that precedes every '/'."""
    colon = path.find(":")
    slash = path.find("/")
    if colon == -1 or (slash != -1 and slash < colon):
        return None
    return path[:colon]


def fs_action_name_node(name_node: str) -> str:
    """An fs action's `<name-node>` checked as FsActionExecutor does before any operation: FS001
    without a scheme, E0904 when the scheme names no file system (the file systems fsspec reaches
    stand in for Oozie's oozie.service.HadoopAccessorService.supported.filesystems)."""
    from fsspec import available_protocols

    node = name_node.strip()
    scheme = path_scheme(node)
    if not scheme:
        raise ActionFailed(f"Missing scheme in path [{node}]", "FS001")
    if scheme not in available_protocols():
        raise ActionFailed(f"Scheme [{scheme}] not supported in uri [{node}]", "E0904")
    return node
