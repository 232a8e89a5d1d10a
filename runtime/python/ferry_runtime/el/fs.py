"""Oozie's HDFS EL (`fs:`) on whatever filesystem fsspec reaches from the worker.

Local paths and file:// always work; hdfs://, s3://, gs://... need that fsspec implementation
installed on the worker (e.g. pyarrow for hdfs://). Sizes of missing paths are -1, as in Oozie.
"""

from __future__ import annotations

from typing import Any


def _filesystem(path: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    return url_to_fs(path)


class FileSystemFunctions:
    """`fs` in templates: fs.exists(path), fs.is_dir(path), fs.file_size(path), ..."""

    def exists(self, path: str) -> bool:
        filesystem, local = _filesystem(path)
        return bool(filesystem.exists(local))

    def is_dir(self, path: str) -> bool:
        filesystem, local = _filesystem(path)
        return bool(filesystem.isdir(local))

    def file_size(self, path: str) -> int:
        filesystem, local = _filesystem(path)
        if not filesystem.isfile(local):
            return -1
        return int(filesystem.size(local))

    def dir_size(self, path: str) -> int:
        """Total size of the files directly in the directory (Oozie does not recurse)."""
        filesystem, local = _filesystem(path)
        if not filesystem.isdir(local):
            return -1
        entries = filesystem.ls(local, detail=True)
        return sum(int(entry.get("size") or 0) for entry in entries if entry["type"] == "file")

    def block_size(self, path: str) -> int:
        filesystem, local = _filesystem(path)
        if not filesystem.exists(local):
            return -1
        return int(filesystem.info(local).get("blocksize") or 0)
