package dev.ferry.runtime.format;

import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-json} format: one JSON object a line read as Pig's JsonLoader reads it, by position
 * ({@link PigJsonDeserializationSchema}). Columns may be INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, BYTES,
 * TIMESTAMP_LTZ(3), MAP&lt;STRING, STRING&gt;, a ROW of those (a tuple) and an ARRAY of such ROWs (a bag). Writing is
 * Flink's {@code json} format's, which writes what JsonStorage writes for these types.
 */
public final class PigJsonFormatFactory implements DeserializationFormatFactory {

    public static final String IDENTIFIER = "pig-json";

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
        return Set.of();
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        return new DecodingFormat<>() {
            @Override
            public DeserializationSchema<RowData> createRuntimeDecoder(
                    DynamicTableSource.Context sourceContext, DataType physicalDataType) {
                return new PigJsonDeserializationSchema(
                        (RowType) physicalDataType.getLogicalType(),
                        sourceContext.createTypeInformation(physicalDataType));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }
}
