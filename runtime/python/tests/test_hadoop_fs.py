"""A <name-node> read as Hadoop and Oozie read it (read in their sources: FileSystem.getDefaultUri
with fixName, Path(String), FsActionExecutor.validatePath and HadoopAccessorService's E0904)."""

from __future__ import annotations

import pytest

from ferry_runtime.errors import ActionFailed
from ferry_runtime.hadoop_fs import default_fs_uri, fs_action_name_node, path_scheme


# As fs.defaultFS (Pig and other launcher actions, a dataset's default file system).
@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("hdfs://nn:8020", "hdfs://nn:8020"),
        ("nn:8020", "hdfs://nn:8020"),  # the old host:port form
        ("nn_host", "hdfs://nn_host"),  # Hadoop's own test: TestFileSystemInitialization
        (" nn:8020 ", "hdfs://nn:8020"),
        ("local", "file:///"),
        ("file:///", "file:///"),
        ("s3a://bucket", "s3a://bucket"),
    ],
)
def test_a_default_fs_is_read_as_hadoop_reads_fs_default_fs(name: str, uri: str) -> None:
    assert default_fs_uri(name) == uri


@pytest.mark.parametrize("name", ["nn_host/", "/user/x"])
def test_a_default_fs_with_a_slash_and_no_scheme_is_refused_as_hadoop_refuses_it(name: str) -> None:
    with pytest.raises(ValueError, match="No scheme in default FS"):
        default_fs_uri(name)


@pytest.mark.parametrize(
    ("path", "scheme"),
    [
        ("hdfs://nn:8020/x", "hdfs"),
        ("nn:8020", "nn"),
        ("nn", None),
        ("/a:b", None),
        ("a/b:c", None),
        ("file:///", "file"),
    ],
)
def test_the_scheme_of_a_hadoop_path(path: str, scheme: str | None) -> None:
    assert path_scheme(path) == scheme


# As a Path (the fs action): FsActionExecutor checks the name-node before any operation.
@pytest.mark.parametrize(
    ("name_node", "code", "message"),
    [
        ("nn:8020", "E0904", "Scheme [nn] not supported in uri [nn:8020]"),
        ("namenode", "FS001", "Missing scheme in path [namenode]"),
        ("hdfs://nn:8020", None, None),
        ("file://", None, None),
    ],
)
def test_an_fs_action_name_node_is_checked_as_a_path(
    name_node: str, code: str | None, message: str | None
) -> None:
    if code is None:
        assert fs_action_name_node(name_node) == name_node
        return
    with pytest.raises(ActionFailed) as raised:
        fs_action_name_node(name_node)
    assert (raised.value.code, raised.value.message) == (code, message)
