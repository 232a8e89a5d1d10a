package dev.ferry.cli;

import dev.ferry.parser.hive.HiveTable;
import dev.ferry.parser.hive.HiveTables;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.NoSuchObjectException;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.hadoop.hive.metastore.api.ThriftHiveMetastore;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;

/**
 * The Hive tables of a metastore ({@code thrift://host:port}, binary protocol, no SASL: what {@code
 * hive.metastore.uris} names), asked with Hive's own Thrift client ({@code get_table}) once per table; the
 * conversion's threads share the answers.
 */
final class MetastoreTables implements HiveTables {

    /** How long one call may take, connecting included. */
    private static final int TIMEOUT_MILLIS = 20_000;

    private final URI uri;
    private final Map<String, Optional<HiveTable>> asked = new HashMap<>();

    private MetastoreTables(URI uri) {
        this.uri = uri;
    }

    /** The metastore at {@code uri}; a URI that is not {@code thrift://host:port} is refused. */
    static MetastoreTables at(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a URI: " + e.getMessage(), e);
        }
        if (!"thrift".equals(parsed.getScheme()) || parsed.getHost() == null || parsed.getPort() < 0) {
            throw new IllegalArgumentException("'" + uri + "' is not thrift://HOST:PORT");
        }
        return new MetastoreTables(parsed);
    }

    @Override
    public synchronized Optional<HiveTable> table(String database, String name) {
        String key = database + "\u0000" + name;
        Optional<HiveTable> known = asked.get(key);
        if (known == null) {
            known = ask(database, name);
            asked.put(key, known);
        }
        return known;
    }

    @Override
    public Optional<String> source() {
        return Optional.of(uri.toString());
    }

    private Optional<HiveTable> ask(String database, String name) {
        TSocket socket = new TSocket(uri.getHost(), uri.getPort(), TIMEOUT_MILLIS);
        try {
            socket.open();
            ThriftHiveMetastore.Client client = new ThriftHiveMetastore.Client(new TBinaryProtocol(socket));
            return Optional.of(of(client.get_table(database, name)));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        } catch (TException | RuntimeException e) {
            throw new Unavailable(
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
        } finally {
            socket.close();
        }
    }

    private static HiveTable of(Table table) {
        StorageDescriptor sd = table.getSd();
        Map<String, String> serde =
                sd.getSerdeInfo() != null && sd.getSerdeInfo().getParameters() != null
                        ? sd.getSerdeInfo().getParameters()
                        : Map.of();
        return new HiveTable(
                table.getDbName(),
                table.getTableName(),
                columns(sd.getCols()),
                columns(table.getPartitionKeys()),
                sd.getLocation(),
                sd.getInputFormat(),
                sd.getSerdeInfo() == null ? null : sd.getSerdeInfo().getSerializationLib(),
                new TreeMap<>(serde));
    }

    private static List<HiveTable.Column> columns(List<FieldSchema> fields) {
        return fields == null
                ? List.of()
                : fields.stream()
                        .map(f -> new HiveTable.Column(f.getName(), f.getType()))
                        .toList();
    }
}
