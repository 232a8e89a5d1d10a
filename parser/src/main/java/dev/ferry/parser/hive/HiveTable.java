package dev.ferry.parser.hive;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Hive table as the metastore describes it ({@code get_table}): what HCatLoader reads and HCatStorer writes.
 *
 * @param columns          the data columns, in the table's order, with their Hive types as the metastore spells them
 *                         ({@code int}, {@code varchar(10)}, {@code array<string>})
 * @param partitionKeys    the partition columns, in order (after the data columns in HCatLoader's schema)
 * @param location         the table's directory ({@code hdfs://nn/warehouse/db.db/t}), where its partitions' {@code
 *                         k=v/} directories are
 * @param inputFormat      the storage descriptor's InputFormat class
 * @param serializationLib the SerDe class
 * @param serdeParameters  the SerDe's parameters ({@code field.delim}, {@code serialization.null.format}...)
 */
public record HiveTable(
        String database,
        String name,
        List<Column> columns,
        List<Column> partitionKeys,
        String location,
        String inputFormat,
        String serializationLib,
        SortedMap<String, String> serdeParameters) {

    public HiveTable {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        serdeParameters = new TreeMap<>(serdeParameters);
    }

    /** A column: its name and its Hive type. */
    public record Column(String name, String type) {}

    /** The table's SerDe parameters (a copy). */
    public Map<String, String> serde() {
        return new TreeMap<>(serdeParameters);
    }

    /** {@code db.table}, as messages name it. */
    public String qualifiedName() {
        return database + "." + name;
    }
}
