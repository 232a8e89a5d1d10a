package dev.ferry.runtime.format;

import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-storage} format, Pig's PigStorage for Flink's filesystem connector:
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE clicks (user_id STRING, n INT) WITH (
 *   'connector' = 'filesystem', 'path' = '...', 'format' = 'pig-storage',
 *   'pig-storage.field-delimiter' = ',')
 * }</pre>
 *
 * Columns may be INT, BIGINT, FLOAT, DOUBLE, STRING/VARCHAR, BOOLEAN or BYTES (Pig's int, long,
 * float, double, chararray, boolean, bytearray). A sink also writes ROW (tuple), ARRAY of ROW (bag),
 * ARRAY of scalars (a tuple of unknown arity), MAP with string keys and TIMESTAMP_LTZ (datetime),
 * in Pig's text form ({@link PigTextWriter}).
 */
public final class PigStorageFormatFactory implements DeserializationFormatFactory, SerializationFormatFactory {

    public static final String IDENTIFIER = "pig-storage";

    public static final ConfigOption<String> FIELD_DELIMITER = ConfigOptions.key("field-delimiter")
            .stringType()
            .defaultValue(FieldDelimiter.DEFAULT)
            .withDescription("The field delimiter, as PigStorage's argument: one character or an"
                    + " escape like \\t, \\x01 or \\u0001 (decimal, as in Pig).");

    public static final ConfigOption<Boolean> LINE_AS_FIELD = ConfigOptions.key("line-as-field")
            .booleanType()
            .defaultValue(false)
            .withDescription("Read each whole line as the first field, as TextLoader does: an empty line is an"
                    + " empty chararray, not null; further columns are null.");

    public static final ConfigOption<String> NULL_FORMAT = ConfigOptions.key("null-format")
            .stringType()
            .noDefaultValue()
            .withDescription("The text of a null field, as a Hive text table's serialization.null.format ('\\N'):"
                    + " a field of that text is null, an empty field is an empty chararray (a number that does not"
                    + " parse, null), and a null is written as that text. Unset: PigStorage's rules (an empty field"
                    + " is null, a null is written as nothing).");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FIELD_DELIMITER, LINE_AS_FIELD, NULL_FORMAT);
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        byte delimiter = delimiter(context, formatOptions);
        return new DecodingFormat<>() {
            @Override
            public DeserializationSchema<RowData> createRuntimeDecoder(
                    DynamicTableSource.Context sourceContext, DataType physicalDataType) {
                RowType rowType = (RowType) physicalDataType.getLogicalType();
                return new PigStorageDeserializationSchema(
                        delimiter,
                        formatOptions.get(LINE_AS_FIELD),
                        rowType.getFieldNames().toArray(String[]::new),
                        fieldTypes(rowType),
                        sourceContext.createTypeInformation(physicalDataType),
                        false,
                        nullFormat(formatOptions));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    @Override
    public EncodingFormat<SerializationSchema<RowData>> createEncodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        byte delimiter = delimiter(context, formatOptions);
        return new EncodingFormat<>() {
            @Override
            public SerializationSchema<RowData> createRuntimeEncoder(
                    DynamicTableSink.Context sinkContext, DataType physicalDataType) {
                RowType rowType = (RowType) physicalDataType.getLogicalType();
                return new PigStorageSerializationSchema(delimiter, writers(rowType), nullFormat(formatOptions));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    /** Validates the options and, early, the column types (partition columns live in the path). */
    private byte delimiter(DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        byte delimiter = FieldDelimiter.parse(formatOptions.get(FIELD_DELIMITER));
        List<String> partitionKeys = context.getCatalogTable().getPartitionKeys();
        for (RowType.RowField field :
                ((RowType) context.getPhysicalRowDataType().getLogicalType()).getFields()) {
            if (!partitionKeys.contains(field.getName())) {
                PigTextWriter.of(field.getName(), field.getType());
            }
        }
        return delimiter;
    }

    /** The null-format option's bytes, or null when unset. */
    private static byte[] nullFormat(ReadableConfig formatOptions) {
        return formatOptions
                .getOptional(NULL_FORMAT)
                .map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElse(null);
    }

    static PigTextWriter[] writers(RowType rowType) {
        return rowType.getFields().stream()
                .map(field -> PigTextWriter.of(field.getName(), field.getType()))
                .toArray(PigTextWriter[]::new);
    }

    static PigFieldType[] fieldTypes(RowType rowType) {
        return rowType.getFields().stream()
                .map(field -> PigFieldType.of(field.getName(), field.getType()))
                .toArray(PigFieldType[]::new);
    }
}
