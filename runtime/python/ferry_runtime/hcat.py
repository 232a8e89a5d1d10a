"""HCatalog (`hcat://`) partitions at run time: Oozie's HCatURI, and whether a partition exists,
asked of the Hive metastore over Thrift. `hcat:exists(uri)` and the input sensors of coordinator
datasets whose uri-template is `hcat://...` share the one probe, `partition_exists`.

The URI (org.apache.oozie.util.HCatURI, Oozie 5.2):
`hcat://SERVER/DB/TABLE/KEY=VALUE;KEY=VALUE...`. It is a java.net.URI: it must have an authority
(SERVER, else "Server host and port are missing"); its decoded path, split on '/' as Java's
String.split does (trailing empty pieces dropped), must be exactly ['', DB, TABLE, PARTITIONS]; DB,
TABLE and PARTITIONS must not be empty. PARTITIONS splits on ';', empty pieces skipped; each piece
must split on '=' into exactly two parts (so `k=`, `k=a=b` and `k` are errors; `=v` is a key '').
A repeated key keeps its last value. The partitions are a java.util.HashMap, so everything Oozie
prints from them (coord:dataInPartitionFilter, coord:dataOutPartitions...) lists them in HashMap
order, not as written: `ds=..;region=..` prints region first. `partitions` reproduces that order.

The server (HCatURIHandler.getMetastoreConnectURI): Oozie sets hive.metastore.uris to
`thrift://` + the authority, so SERVER is the metastore's host:port, or a comma-separated list of
them (Hive's client splits hive.metastore.uris on ','; Hive 3 may shuffle the list,
hive.metastore.uri.selection). Ferry reads every entry as host:port (9083 without a port) and
tries them in order until one connects. Each may be replaced by an Airflow Connection whose id is
`ferry_hcat_<host>_<port>`, lower case, every character other than a-z and 0-9 written `_`
(`hcat://metastore.prod:9083/...` -> `ferry_hcat_metastore_prod_9083`): its host and port (9083
when it has none) are used instead. No such connection: the URI's own host:port.

Existence (HCatURIHandler.exists): a partition exists when HCatClient.getPartitions(db, table,
partitions) is not empty, that is when the metastore's listPartitionsByFilter with the filter
`k1="v1" AND k2="v2"` (HCatClientHMSImpl.getFilterString) finds one. The keys may name only some
of the partition columns: any matching partition counts. Oozie ignores the dataset's done-flag
for hcat:// (getURIWithDoneFlag returns the URI). A missing database or table, a key that is not a
partition column, or an unreachable metastore is an error, not `false` (HCatAccessorException
E0902 / E1501): hcat:exists fails, and a coordinator action keeps WAITING (the input check is
re-queued) until its timeout, which the sensor does by poking again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import unquote, urlsplit

DEFAULT_PORT: Final = 9083  # hive.metastore.port
CONNECTION_PREFIX: Final = "ferry_hcat_"
CONNECT_TIMEOUT_SECONDS: Final = 20.0
SCHEME: Final = "hcat://"
# Characters java.net.URI refuses anywhere in a URI (it throws URISyntaxException).
_ILLEGAL = re.compile(r"""[\s"<>\\^`{|}]|%(?![0-9A-Fa-f]{2})""")


class HCatError(Exception):
    """The metastore could not answer (Oozie's HCatAccessorException)."""


def is_hcat(uri: str) -> bool:
    return uri.startswith(SCHEME)


def _java_split(text: str, separator: str) -> list[str]:
    """String.split(separator) for a one-character literal: no match gives [text]; otherwise
    trailing empty strings are dropped (so ";" gives [])."""
    if separator not in text:
        return [text]
    pieces = text.split(separator)
    while pieces and pieces[-1] == "":
        pieces.pop()
    return pieces


def _java_hash(text: str) -> int:
    """java.lang.String.hashCode, over UTF-16 code units, as an unsigned 32-bit int."""
    value = 0
    encoded = text.encode("utf-16-le")
    for i in range(0, len(encoded), 2):
        value = (31 * value + int.from_bytes(encoded[i : i + 2], "little")) & 0xFFFFFFFF
    return value


def java_hashmap_order(entries: dict[str, str]) -> dict[str, str]:
    """`entries` (in insertion order) in the order a java.util.HashMap<String, String> iterates
    them: by bucket (the spread hash masked by the table size: 16, doubled whenever the size
    passes 3/4 of it), then by insertion within a bucket."""
    capacity = 16
    while len(entries) > capacity * 3 // 4:
        capacity *= 2

    def bucket(key: str) -> int:
        h = _java_hash(key)
        return (h ^ (h >> 16)) & (capacity - 1)

    ordered = sorted(enumerate(entries), key=lambda pair: (bucket(pair[1]), pair[0]))
    return {key: entries[key] for _, key in ordered}


@dataclass(frozen=True)
class HCatURI:
    """A parsed `hcat://server/db/table/k=v;k=v` (org.apache.oozie.util.HCatURI)."""

    uri: str
    server: str  # the authority: host:port, or host:port,host:port,...
    db: str
    table: str
    partitions: dict[str, str]  # in java.util.HashMap order

    @classmethod
    def parse(cls, uri: str) -> HCatURI:
        def error(reason: str) -> ValueError:
            return ValueError(f"{reason}: {uri}")

        if _ILLEGAL.search(uri):
            raise error("Illegal character in URI")
        parts = urlsplit(uri)
        if not parts.scheme or "://" not in uri or not parts.netloc:
            raise error("Server host and port are missing")
        paths = _java_split(unquote(parts.path), "/")
        if len(paths) != 4:
            raise error("URI path is not in expected format")
        _, db, table, raw = paths
        if not db:
            raise error("DB name is missing")
        if not table:
            raise error("Table name is missing")
        if not raw:
            raise error("Partition details are missing")
        partitions: dict[str, str] = {}
        for part in _java_split(raw, ";"):
            if not part:
                continue
            key_value = _java_split(part, "=")
            if len(key_value) != 2:
                raise error(f"Partition key value pair is not specified properly in ({part})")
            partitions[key_value[0]] = key_value[1]
        return cls(uri, unquote(parts.netloc), db, table, java_hashmap_order(partitions))

    def filter(self) -> str:
        """The metastore filter HCatClient.getPartitions sends: `k="v" AND k="v"`."""
        return " AND ".join(f'{key}="{value}"' for key, value in self.partitions.items())

    def partition_filter(self, kind: str) -> str:
        """HCatURI.toPartitionFilter: `(k=='v' AND k=='v')` for pig, `=` for anything else."""
        equals = "==" if kind.lower() == "pig" else "="
        return "(" + " AND ".join(f"{k}{equals}'{v}'" for k, v in self.partitions.items()) + ")"

    def partition_string(self) -> str:
        """HCatURI.toPartitionString (coord:dataOutPartitions): `'k=v,k=v'`."""
        return "'" + ",".join(f"{k}={v}" for k, v in self.partitions.items()) + "'"

    def partition_value_string(self) -> str:
        """HCatURI.toPartitionValueString('hive-export') (coord:dataInPartitions):
        `k='v',k='v'`."""
        return ",".join(f"{k}='{v}'" for k, v in self.partitions.items())


def connection_id(host: str, port: int) -> str:
    """The Airflow Connection that overrides metastore `host:port`: ferry_hcat_<host>_<port>."""
    return CONNECTION_PREFIX + re.sub(r"[^a-z0-9]", "_", f"{host}_{port}".lower())


def metastores(uri: HCatURI) -> list[tuple[str, int]]:
    """The metastore servers to try, in order: each host:port of the URI, or its connection."""
    servers = []
    for entry in uri.server.split(","):
        host, _, port = entry.strip().rpartition(":")
        if not host or not port.isdigit():
            host, port = entry.strip(), str(DEFAULT_PORT)
        servers.append(_connection(host, int(port)) or (host, int(port)))
    return servers


def _connection(host: str, port: int) -> tuple[str, int] | None:
    from airflow.sdk import Connection
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        connection = Connection.get(connection_id(host, port))
    except AirflowNotFoundException:
        return None
    return str(connection.host or host), int(connection.port or DEFAULT_PORT)


@contextmanager
def metastore_client(servers: list[tuple[str, int]]) -> Iterator[Any]:
    """A Thrift ThriftHiveMetastore client on the first server that accepts a connection."""
    from hmsclient.genthrift.hive_metastore import ThriftHiveMetastore
    from thrift.protocol import TBinaryProtocol
    from thrift.transport import TSocket, TTransport

    failures = []
    for host, port in servers:
        sock = TSocket.TSocket(host, port)
        sock.setTimeout(CONNECT_TIMEOUT_SECONDS * 1000)
        transport = TTransport.TBufferedTransport(sock)
        try:
            transport.open()
        except (OSError, TTransport.TTransportException) as exc:
            failures.append(f"{host}:{port}: {exc}")
            continue
        try:
            yield ThriftHiveMetastore.Client(TBinaryProtocol.TBinaryProtocol(transport))
        finally:
            transport.close()
        return
    raise HCatError("no Hive metastore reachable: " + "; ".join(failures))


def partition_exists(uri: str) -> bool:
    """Whether the partition(s) an hcat:// URI names exist (HCatURIHandler.exists)."""
    from hmsclient.genthrift.hive_metastore.ttypes import MetaException, NoSuchObjectException
    from thrift.Thrift import TException

    parsed = HCatURI.parse(uri)
    with metastore_client(metastores(parsed)) as client:
        try:
            found = client.get_partitions_by_filter(parsed.db, parsed.table, parsed.filter(), -1)
        except NoSuchObjectException as exc:
            raise HCatError(f"{uri}: {exc.message}") from exc
        except MetaException as exc:
            raise HCatError(f"{uri}: {exc.message}") from exc
        except TException as exc:
            raise HCatError(f"{uri}: {exc}") from exc
    return bool(found)


class HCatalogFunctions:
    """`hcat` in templates: hcat.exists(uri) (HCatELFunctions.hcat_exists)."""

    def exists(self, uri: Any) -> bool:
        """hcat:exists: true when the URI's partition exists in its metastore; an error when
        the metastore cannot say (missing table, unknown partition key, unreachable)."""
        return partition_exists(str(uri))
