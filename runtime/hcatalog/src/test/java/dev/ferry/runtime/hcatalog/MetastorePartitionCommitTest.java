package dev.ferry.runtime.hcatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy's parameters as hive.metastore.uris gives them, and the partition it adds. Adding it to a real metastore
 * is the cli's HCatalogMetastoreTest (Hive 3.1.3, against HCatStorer's own partitions).
 */
class MetastorePartitionCommitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            thrift://hms:9083                          | [thrift://hms:9083]
            thrift://a:9083,thrift://b:9084            | [thrift://a:9083, thrift://b:9084]
            ' thrift://a:9083 , ,thrift://b:9084 '     | [thrift://a:9083, thrift://b:9084]
            """)
    void urisAreHiveMetastoreUris(String given, String uris) {
        assertEquals(uris, MetastorePartitionCommit.uris(given).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://hms:9083  | the Hive metastore URI 'http://hms:9083' is not thrift://HOST:PORT
            thrift://hms     | the Hive metastore URI 'thrift://hms' is not thrift://HOST:PORT
            ' , '            | no Hive metastore URI given (thrift://HOST:PORT)
            """)
    void otherUrisAreRefused(String given, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> MetastorePartitionCommit.uris(given))
                        .getMessage());
    }

    /** The table's storage descriptor with the partition's directory, its values in the table's key order. */
    @Test
    void thePartitionIsTheTablesStorageAtItsDirectory() {
        StorageDescriptor sd = new StorageDescriptor();
        sd.setCols(List.of(new FieldSchema("foo", "int", null)));
        sd.setLocation("file:/w/oozie");
        sd.setInputFormat("org.apache.hadoop.mapred.TextInputFormat");
        sd.setSerdeInfo(new SerDeInfo(null, "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of()));
        Table table = new Table();
        table.setDbName("default");
        table.setTableName("oozie");
        table.setSd(sd);
        Partition partition = MetastorePartitionCommit.partition(
                table, List.of("2011-01-01", "usa"), "file:/w/oozie/ds=2011-01-01/region=usa");
        assertEquals(List.of("2011-01-01", "usa"), partition.getValues());
        assertEquals("default.oozie", partition.getDbName() + "." + partition.getTableName());
        assertEquals("file:/w/oozie/ds=2011-01-01/region=usa", partition.getSd().getLocation());
        assertEquals(sd.getCols(), partition.getSd().getCols());
        assertEquals(sd.getSerdeInfo(), partition.getSd().getSerdeInfo());
        assertEquals("file:/w/oozie", table.getSd().getLocation(), "the table's own descriptor is not changed");
        assertEquals(URI.create(partition.getSd().getLocation()).getPath(), "/w/oozie/ds=2011-01-01/region=usa");
    }
}
