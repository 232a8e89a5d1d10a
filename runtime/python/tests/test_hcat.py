"""hcat:// against a real Hive metastore: Apache Hive 3.1.3's standalone metastore (Thrift,
embedded Derby), launched by this module from metastore/target (the test-only Maven module
ferry-test-metastore, which `mvn install` / scripts/test.sh build). The tests create a database, a
partitioned table and partitions through Thrift, then ask hcat:exists and a coordinator's input
sensor about them.

Without the built jar (or a JDK) the tests fail, never skip: a missing metastore is a broken set-up.
"""

from __future__ import annotations

import copy
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from ferry_runtime.actions.data_events import WaitForData
from ferry_runtime.el import macros
from ferry_runtime.el.datasets import (
    DATA_KEY,
    Coordinator,
    CoordinatorFunctions,
    DataIn,
    Dataset,
    Instance,
    current,
    latest,
)
from ferry_runtime.hcat import (
    HCatError,
    HCatURI,
    connection_id,
    java_hashmap_order,
    metastore_client,
    metastores,
    partition_exists,
)

ROOT = Path(__file__).resolve().parents[3]
METASTORE = ROOT / "metastore" / "target"
JAR = METASTORE / "ferry-test-metastore.jar"
CLASSPATH = METASTORE / "metastore-classpath.txt"
STARTUP_LIMIT_SECONDS = 180
JAN_1 = datetime(2010, 1, 1, 6, tzinfo=timezone.utc)  # a nominal time


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def metastore(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The port of a freshly started real Hive metastore, with db `ferry` and table `clicks`
    (partition keys ds, region; partitions ds=2010-01-01/region=usa and ds=2010-01-01/region=eu)
    and the unpartitioned-by-region table `daily` (ds; partition ds=2010-01-02)."""
    if not JAR.is_file() or not CLASSPATH.is_file() or not shutil.which("java"):
        pytest.fail(
            f"the test metastore needs a JDK, {JAR} and {CLASSPATH} (mvn -pl metastore package)"
        )
    port = _free_port()
    work = tmp_path_factory.mktemp("metastore")
    log = (work / "metastore.log").open("w")
    started = time.monotonic()
    process = subprocess.Popen(
        [
            "java",
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            f"{JAR}{os.pathsep}{CLASSPATH.read_text().strip()}",
            "dev.ferry.metastore.TestMetastore",
            str(port),
            str(work / "hms"),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=work,
    )
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"the metastore exited: {(work / 'metastore.log').read_text()[-3000:]}")
            if time.monotonic() - started > STARTUP_LIMIT_SECONDS:
                pytest.fail(f"the metastore did not answer in {STARTUP_LIMIT_SECONDS}s")
            try:  # a plain connect first: Thrift's TSocket logs every refused attempt
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                with metastore_client([("127.0.0.1", port)]) as client:
                    client.get_all_databases()
                break
            except (OSError, HCatError):
                time.sleep(0.25)
        print(f"\nHive metastore answered after {time.monotonic() - started:.1f}s")
        _create(port, work)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _create(port: int, work: Path) -> None:
    from hmsclient.genthrift.hive_metastore.ttypes import (
        Database,
        FieldSchema,
        Partition,
        SerDeInfo,
        StorageDescriptor,
        Table,
    )

    def table(name: str, keys: list[str]) -> tuple[Table, StorageDescriptor]:
        sd = StorageDescriptor(
            cols=[FieldSchema("line", "string", "")],
            location=(work / "warehouse" / name).as_uri(),
            inputFormat="org.apache.hadoop.mapred.TextInputFormat",
            outputFormat="org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            serdeInfo=SerDeInfo(
                serializationLib="org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                parameters={},
            ),
            parameters={},
        )
        return (
            Table(
                tableName=name,
                dbName="ferry",
                owner="ferry",
                partitionKeys=[FieldSchema(key, "string", "") for key in keys],
                sd=sd,
                parameters={},
                tableType="MANAGED_TABLE",
            ),
            sd,
        )

    def partition(name: str, sd: StorageDescriptor, values: list[str]) -> Partition:
        located = copy.deepcopy(sd)
        located.location = f"{sd.location}/{'/'.join(values)}"
        return Partition(values=values, dbName="ferry", tableName=name, sd=located, parameters={})

    with metastore_client([("127.0.0.1", port)]) as client:
        client.create_database(
            Database(name="ferry", description="", locationUri=work.as_uri(), parameters={})
        )
        clicks, clicks_sd = table("clicks", ["ds", "region"])
        client.create_table(clicks)
        client.add_partition(partition("clicks", clicks_sd, ["2010-01-01", "usa"]))
        client.add_partition(partition("clicks", clicks_sd, ["2010-01-01", "eu"]))
        daily, daily_sd = table("daily", ["ds"])
        client.create_table(daily)
        client.add_partition(partition("daily", daily_sd, ["2010-01-02"]))


# --- HCatURI, as org.apache.oozie.util.HCatURI parses it -------------------------------------


def test_hcat_uri_parts_and_hashmap_order() -> None:
    uri = HCatURI.parse("hcat://ms:9083/default/invites/ds=2010-01-01;region=usa")
    assert (uri.server, uri.db, uri.table) == ("ms:9083", "default", "invites")
    # java.util.HashMap order: "region" hashes to bucket 12, "ds" to 15.
    assert list(uri.partitions.items()) == [("region", "usa"), ("ds", "2010-01-01")]
    assert uri.filter() == 'region="usa" AND ds="2010-01-01"'
    assert uri.partition_filter("pig") == "(region=='usa' AND ds=='2010-01-01')"
    assert uri.partition_filter("PIG") == "(region=='usa' AND ds=='2010-01-01')"
    assert uri.partition_filter("hive") == "(region='usa' AND ds='2010-01-01')"
    assert uri.partition_string() == "'region=usa,ds=2010-01-01'"
    assert uri.partition_value_string() == "region='usa',ds='2010-01-01'"


def test_java_hashmap_order_matches_a_real_jvm(tmp_path: Path) -> None:
    """java_hashmap_order against java.util.HashMap itself (JDK source launcher), past a resize."""
    samples = [
        ["ds", "region"],
        ["hour", "datestamp", "dt", "country"],
        [f"k{i}" for i in range(13)],  # 13 > 16 * 0.75: a 32-bucket table
        ["year", "month", "day", "hour", "minute", "région", "Ω", "a" * 40],
    ]
    source = tmp_path / "Order.java"
    source.write_text(
        "import java.util.*;\n"
        "public class Order { public static void main(String[] a) throws Exception {\n"
        "  var in = new java.io.BufferedReader(\n"
        '      new java.io.InputStreamReader(System.in, "UTF-8"));\n'
        '  var out = new java.io.PrintStream(System.out, true, "UTF-8");\n'
        "  for (String line; (line = in.readLine()) != null; ) {\n"
        "    Map<String, String> m = new HashMap<>();\n"
        '    for (String k : line.split(" ")) m.put(k, k);\n'
        '    out.println(String.join(" ", m.keySet())); } } }\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        ["java", "-Dfile.encoding=UTF-8", str(source)],
        input="".join(" ".join(keys) + "\n" for keys in samples),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    java = [line.split(" ") for line in result.stdout.splitlines()]
    assert java == [list(java_hashmap_order({k: k for k in keys})) for keys in samples]


def test_hcat_uri_java_split_rules() -> None:
    # A trailing '/' or ';' is dropped by String.split; empty pieces between ';' are skipped;
    # the last value of a repeated key wins; "=v" is the key "".
    assert HCatURI.parse("hcat://ms:1/db/t/dt=1/").partitions == {"dt": "1"}
    assert HCatURI.parse("hcat://ms:1/db/t/dt=1;;dt=2;").partitions == {"dt": "2"}
    assert HCatURI.parse("hcat://ms:1/db/t/=v").partitions == {"": "v"}
    assert HCatURI.parse("hcat://ms:1/db/t/dt=a%20b").partitions == {"dt": "a b"}
    assert HCatURI.parse("hcat://ms:1/db/t/;").partitions == {}  # ";".split(";") is empty
    for bad, reason in [
        ("hcat:///db/t/dt=1", "Server host and port are missing"),
        ("hcat://ms:1/db/t", "URI path is not in expected format"),
        ("hcat://ms:1/db/t/dt=1/x", "URI path is not in expected format"),
        ("hcat://ms:1//t/dt=1", "DB name is missing"),
        ("hcat://ms:1/db//dt=1", "Table name is missing"),
        ("hcat://ms:1/db/t/dt=", "Partition key value pair is not specified properly in (dt=)"),
        ("hcat://ms:1/db/t/dt=1=2", "not specified properly in (dt=1=2)"),
        ("hcat://ms:1/db/t/dt", "not specified properly in (dt)"),
        ("hcat://ms:1/db/t/dt=a b", "Illegal character"),
    ]:
        with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
            HCatURI.parse(bad)


def test_server_list_and_connection_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    uri = HCatURI.parse("hcat://ms1.prod:9083,ms2.prod:9084/db/t/dt=1")
    assert uri.server == "ms1.prod:9083,ms2.prod:9084"
    assert connection_id("MS1.prod", 9083) == "ferry_hcat_ms1_prod_9083"
    monkeypatch.setenv(
        "AIRFLOW_CONN_FERRY_HCAT_MS2_PROD_9084",
        '{"conn_type": "hive_metastore", "host": "10.0.0.7", "port": 19083}',
    )
    assert metastores(uri) == [("ms1.prod", 9083), ("10.0.0.7", 19083)]


# --- against the real metastore ---------------------------------------------------------------


def test_hcat_exists_finds_existing_partitions(metastore: int) -> None:
    hcat = macros()["hcat"]
    base = f"hcat://127.0.0.1:{metastore}/ferry"
    assert hcat.exists(f"{base}/clicks/ds=2010-01-01;region=usa") is True
    assert hcat.exists(f"{base}/clicks/region=eu;ds=2010-01-01") is True
    assert hcat.exists(f"{base}/daily/ds=2010-01-02") is True


def test_hcat_exists_is_false_for_missing_partitions(metastore: int) -> None:
    hcat = macros()["hcat"]
    base = f"hcat://127.0.0.1:{metastore}/ferry"
    assert hcat.exists(f"{base}/clicks/ds=2010-01-01;region=asia") is False
    assert hcat.exists(f"{base}/clicks/ds=2010-01-02;region=usa") is False
    assert hcat.exists(f"{base}/daily/ds=2010-01-01") is False


def test_hcat_exists_with_some_partition_keys_matches_any_partition(metastore: int) -> None:
    # HCatClient.getPartitions lists partitions by filter: naming only some keys is allowed.
    base = f"hcat://127.0.0.1:{metastore}/ferry/clicks"
    assert partition_exists(f"{base}/region=eu") is True
    assert partition_exists(f"{base}/ds=2010-01-01") is True
    assert partition_exists(f"{base}/region=asia") is False


def test_hcat_exists_errors_like_oozie(metastore: int) -> None:
    # Oozie's HCatURIHandler.exists throws (E0902) for these: the EL evaluation fails.
    base = f"hcat://127.0.0.1:{metastore}/ferry"
    with pytest.raises(HCatError, match="table not found"):
        partition_exists(f"{base}/nosuch/ds=1")
    with pytest.raises(HCatError, match="not a partitioning key"):
        partition_exists(f"{base}/clicks/country=usa")
    with pytest.raises(HCatError, match="no Hive metastore reachable"):
        partition_exists(f"hcat://127.0.0.1:{_free_port()}/ferry/clicks/ds=2010-01-01")


def test_server_list_falls_through_to_a_reachable_metastore(metastore: int) -> None:
    dead = _free_port()
    uri = f"hcat://127.0.0.1:{dead},127.0.0.1:{metastore}/ferry/clicks/ds=2010-01-01;region=usa"
    assert partition_exists(uri) is True


def test_airflow_connection_replaces_the_uri_server(
    metastore: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = "hcat://metastore.example.invalid:9083/ferry/clicks/ds=2010-01-01;region=usa"
    monkeypatch.setenv(
        "AIRFLOW_CONN_FERRY_HCAT_METASTORE_EXAMPLE_INVALID_9083",
        f'{{"conn_type": "hive_metastore", "host": "127.0.0.1", "port": {metastore}}}',
    )
    assert partition_exists(uri) is True


# --- a coordinator's input sensor on an hcat:// dataset ---------------------------------------


class _TaskInstance:
    def __init__(self) -> None:
        self.pushed: dict[str, Any] = {}

    def xcom_push(self, key: str, value: Any) -> None:
        self.pushed[key] = value


def _sensor(node: str, table: str, instance: Instance | None = None) -> WaitForData:
    # The corpus app's dataset (oozie-examples/hcatalog), daily, with a done-flag that Oozie
    # ignores for hcat:// (HCatURIHandler.getURIWithDoneFlag).
    dataset = Dataset(
        name="raw-logs",
        frequency=1,
        unit="day",
        initial_instance="2010-01-01T00:00Z",
        timezone="UTC",
        uri_template=f"{node}/ferry/{table}/ds=${{YEAR}}-${{MONTH}}-${{DAY}};region=usa",
        done_flag="_SUCCESS",
    )
    coordinator = Coordinator(
        datasets=[dataset],
        inputs=[DataIn("input", "raw-logs", instances=[instance or current(0)])],
    )
    return WaitForData(task_id="input", unit="input", coordinator=coordinator)


def _poke(sensor: WaitForData, nominal: datetime, **context: Any) -> tuple[bool, dict[str, Any]]:
    ti = _TaskInstance()
    return sensor.poke({"ti": ti, "data_interval_end": nominal, **context}), ti.pushed


def test_sensor_finds_an_hcat_partition(metastore: int) -> None:
    found, pushed = _poke(_sensor(f"hcat://127.0.0.1:{metastore}", "clicks"), JAN_1)
    uri = f"hcat://127.0.0.1:{metastore}/ferry/clicks/ds=2010-01-01;region=usa"
    assert found is True
    assert pushed == {DATA_KEY: {"input": [uri]}}
    functions = CoordinatorFunctions(_sensor(f"hcat://127.0.0.1:{metastore}", "clicks").coordinator)
    context = {"data_interval_end": datetime(2010, 1, 1, 6, tzinfo=timezone.utc)}
    assert functions.data_in_uris("input", context) == [uri]


def test_sensor_waits_for_a_missing_hcat_partition(metastore: int) -> None:
    found, pushed = _poke(_sensor(f"hcat://127.0.0.1:{metastore}", "clicks"), JAN_1.replace(day=2))
    assert (found, pushed) == (False, {})


def test_sensor_keeps_waiting_when_the_metastore_cannot_answer(metastore: int) -> None:
    # Oozie re-queues the input check after an HCat error; the action stays WAITING.
    found, pushed = _poke(_sensor(f"hcat://127.0.0.1:{metastore}", "nosuch"), JAN_1)
    assert (found, pushed) == (False, {})


def test_sensor_resolves_latest_on_a_templated_hcat_uri(metastore: int) -> None:
    # The server comes from the run's templates (as ${hcatNode} does in the corpus app): the
    # done-path of each candidate instance is the rendered hcat:// URI itself.
    sensor = _sensor("{{ node }}", "clicks", latest(0))
    sensor_context = {"task": sensor, "node": f"hcat://127.0.0.1:{metastore}"}
    found, pushed = _poke(sensor, JAN_1.replace(day=3), **sensor_context)
    uri = f"hcat://127.0.0.1:{metastore}/ferry/clicks/ds=2010-01-01;region=usa"
    assert (found, pushed) == (True, {DATA_KEY: {"input": [uri]}})
