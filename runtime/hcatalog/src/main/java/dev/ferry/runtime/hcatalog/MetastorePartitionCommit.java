package dev.ferry.runtime.hcatalog;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.connector.file.table.PartitionCommitPolicy;
import org.apache.hadoop.hive.metastore.api.AlreadyExistsException;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.hadoop.hive.metastore.api.ThriftHiveMetastore;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * Adds each partition the job wrote to the Hive metastore, as HCatStorer's commit does
 * (FileOutputCommitterContainer.registerPartitions): a copy of the table's storage descriptor with the partition's
 * directory as its location, its values in the table's partition-key order. Flink's filesystem sink calls it once per
 * partition, static or dynamic, after it moved the partition's files into place and before the job ends, so a job
 * that cannot register its partition fails. A partition the metastore already has fails the job with HCatStorer's
 * words (its immutable tables: ERROR_DUPLICATE_PARTITION).
 *
 * <p>The sink names it with its three parameters (its constructor's arguments, each an element of Flink's list
 * option: an element holding ';' or a quote is single-quoted), the metastore's URIs ({@code hive.metastore.uris}: {@code
 * thrift://HOST:PORT}, comma-separated, tried in order), the database and the table:
 *
 * <pre>{@code
 * 'sink.partition-commit.policy.kind' = 'custom',
 * 'sink.partition-commit.policy.class' = 'dev.ferry.runtime.hcatalog.MetastorePartitionCommit',
 * 'sink.partition-commit.policy.class.parameters' = 'thrift://hms:9083;web;clicks'
 * }</pre>
 *
 * <p>Plain Thrift over a socket, as Hive's client talks to a metastore without SASL (Kerberos) or framed transport.
 */
public final class MetastorePartitionCommit implements PartitionCommitPolicy {

    /** HiveMetaStoreClient's default socket timeout (hive.metastore.client.socket.timeout, 600 s). */
    private static final int TIMEOUT_MILLIS = 600_000;

    private final List<URI> metastores;
    private final String database;
    private final String table;

    public MetastorePartitionCommit(String metastoreUris, String database, String table) {
        this.metastores = uris(metastoreUris);
        this.database = database;
        this.table = table;
    }

    /** The URIs of {@code hive.metastore.uris}: {@code thrift://HOST:PORT}, comma-separated. */
    static List<URI> uris(String metastoreUris) {
        List<URI> uris = new ArrayList<>();
        for (String part : metastoreUris.split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            URI uri = URI.create(text);
            if (!"thrift".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("the Hive metastore URI '" + text + "' is not thrift://HOST:PORT");
            }
            uris.add(uri);
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no Hive metastore URI given (thrift://HOST:PORT)");
        }
        return List.copyOf(uris);
    }

    @Override
    public void commit(Context context) throws Exception {
        try (TSocket socket = connect()) {
            ThriftHiveMetastore.Client client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
            Table described = client.get_table(database, table);
            Partition partition = partition(
                    described,
                    context.partitionValues(),
                    context.partitionPath().toString());
            try {
                client.add_partition(partition);
            } catch (AlreadyExistsException e) {
                throw new IOException("Partition already present with given partition key values: "
                        + database + "." + table + " " + context.partitionSpec()
                        + " (HCatStorer fails on a partition that exists)");
            }
        }
    }

    /**
     * The partition HCatStorer adds (FileOutputCommitterContainer.constructPartition): the table's storage descriptor
     * and columns, the partition's values and location.
     */
    static Partition partition(Table table, List<String> values, String location) {
        StorageDescriptor sd = table.getSd().deepCopy();
        sd.setLocation(location);
        Partition partition = new Partition();
        partition.setDbName(table.getDbName());
        partition.setTableName(table.getTableName());
        partition.setValues(new ArrayList<>(values));
        partition.setSd(sd);
        partition.setParameters(new HashMap<>());
        return partition;
    }

    /** A socket to the first metastore that answers. */
    private TSocket connect() throws IOException {
        TTransportException last = null;
        for (URI uri : metastores) {
            TSocket socket = new TSocket(uri.getHost(), uri.getPort(), TIMEOUT_MILLIS);
            try {
                socket.open();
                return socket;
            } catch (TTransportException e) {
                last = e;
            }
        }
        throw new IOException(
                "could not connect to the Hive metastore " + metastores + " to add the partition: " + last.getMessage(),
                last);
    }

    /** For the messages of a failure Thrift reports. */
    @Override
    public String toString() {
        return "MetastorePartitionCommit[" + metastores + ", " + database + "." + table + "]";
    }
}
