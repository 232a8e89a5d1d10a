"""Oozie's HDFS EL (`fs:`, org.apache.oozie.action.hadoop.FsELFunctions) on whatever filesystem
fsspec reaches from the worker.

Local paths and file:// always work; hdfs://, s3://, gs://... need that fsspec implementation
installed on the worker (e.g. pyarrow for hdfs://). As in Oozie: fs:exists expands globs
(FileSystem.globStatus), sizes of missing paths are -1, a directory's length and block size are
Hadoop's FileStatus values for a directory (0), fs:dirSize adds the files directly inside.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ferry_runtime.el.values import text

# Hadoop's default block sizes when the filesystem does not report one: fs.local.block.size and
# fs.s3a.block.size are 32 MiB, dfs.blocksize is 128 MiB.
DEFAULT_BLOCK_SIZES: Final[dict[str, int]] = {"file": 32 << 20, "local": 32 << 20, "s3": 32 << 20}
HDFS_BLOCK_SIZE: Final = 128 << 20
_GLOB = re.compile(r"[*?\[{]")


def _filesystem(path: Any) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    return url_to_fs(text(path))


def _protocol(filesystem: Any) -> str:
    protocol = filesystem.protocol
    return str(protocol[0] if isinstance(protocol, tuple | list) else protocol)


def _hadoop_glob(pattern: str) -> list[str]:
    """Hadoop's {a,b} alternation expanded into fsspec globs (which know * ? [...])."""
    match = re.search(r"\{([^{}]*)\}", pattern)
    if match is None:
        return [pattern]
    expanded: list[str] = []
    for choice in match.group(1).split(","):
        expanded += _hadoop_glob(pattern[: match.start()] + choice + pattern[match.end() :])
    return expanded


class FileSystemFunctions:
    """`fs` in templates: fs.exists(path), fs.is_dir(path), fs.file_size(path), ..."""

    def exists(self, path: Any) -> bool:
        """fs:exists: true when the path, or any path its glob matches, exists."""
        filesystem, local = _filesystem(path)
        if not _GLOB.search(local):
            return bool(filesystem.exists(local))
        return any(filesystem.glob(pattern) for pattern in _hadoop_glob(local))

    def is_dir(self, path: Any) -> bool:
        filesystem, local = _filesystem(path)
        return bool(filesystem.isdir(local))

    def file_size(self, path: Any) -> int:
        """FileStatus.getLen(): -1 when missing, 0 for a directory."""
        filesystem, local = _filesystem(path)
        if not filesystem.exists(local):
            return -1
        if filesystem.isdir(local):
            return 0
        return int(filesystem.size(local))

    def dir_size(self, path: Any) -> int:
        """Total size of the files directly in the directory (Oozie does not recurse); -1 when
        the path is missing or a file."""
        filesystem, local = _filesystem(path)
        if not filesystem.isdir(local):
            return -1
        entries = filesystem.ls(local, detail=True)
        return sum(int(entry.get("size") or 0) for entry in entries if entry["type"] == "file")

    def block_size(self, path: Any) -> int:
        """FileStatus.getBlockSize(): -1 when missing, 0 for a directory."""
        filesystem, local = _filesystem(path)
        if not filesystem.exists(local):
            return -1
        if filesystem.isdir(local):
            return 0
        info = filesystem.info(local)
        reported = info.get("blocksize") or info.get("block_size")
        if reported:
            return int(reported)
        return DEFAULT_BLOCK_SIZES.get(_protocol(filesystem), HDFS_BLOCK_SIZE)
