package dev.ferry.runtime.format;

import java.util.Set;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.connector.file.table.factories.BulkWriterFormatFactory;
import org.apache.flink.connector.file.table.format.BulkDecodingFormat;
import org.apache.flink.formats.avro.AvroFileFormatFactory;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.types.DataType;

/**
 * The {@code pig-avro} format: Avro container files as Pig's AvroStorage reads and writes them, Flink's {@code avro}
 * file format (its options, {@code pig-avro.codec}...) but for the files' top-level schema, a record: Flink's
 * writes a union of null and the record (a table's row type is nullable), which Pig's AvroStorage cannot read
 * ("Not a record schema").
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE out (name STRING, t ROW<name STRING, clicks INT>) WITH (
 *   'connector' = 'filesystem', 'path' = '...', 'format' = 'pig-avro', 'pig-avro.codec' = 'null')
 * }</pre>
 */
public final class PigAvroFormatFactory implements BulkReaderFormatFactory, BulkWriterFormatFactory {

    public static final String IDENTIFIER = "pig-avro";

    private final AvroFileFormatFactory avro = new AvroFileFormatFactory();

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return avro.requiredOptions();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return avro.optionalOptions();
    }

    @Override
    public BulkDecodingFormat<RowData> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        return avro.createDecodingFormat(context, formatOptions);
    }

    @Override
    public EncodingFormat<BulkWriter.Factory<RowData>> createEncodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        EncodingFormat<BulkWriter.Factory<RowData>> format = avro.createEncodingFormat(context, formatOptions);
        return new EncodingFormat<>() {
            @Override
            public BulkWriter.Factory<RowData> createRuntimeEncoder(
                    DynamicTableSink.Context sink, DataType physicalDataType) {
                return format.createRuntimeEncoder(sink, physicalDataType.notNull());
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return format.getChangelogMode();
            }
        };
    }
}
