package dev.ferry.runtime.format;

import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
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
 * The {@code elephant-bird-json} format: each line a map, as elephant-bird's {@code
 * com.twitter.elephantbird.pig.load.JsonLoader} reads it ({@link ElephantBirdJsonDeserializationSchema}). The table
 * has one column, a MAP&lt;STRING, STRING&gt;; {@code 'elephant-bird-json.nested-load' = 'true'} is the loader's
 * {@code -nestedLoad} option. Read only.
 */
public final class ElephantBirdJsonFormatFactory implements DeserializationFormatFactory {

    public static final String IDENTIFIER = "elephant-bird-json";

    /** JsonLoader('-nestedLoad'): nested objects are maps and arrays bags, instead of their JSON text. */
    public static final ConfigOption<Boolean> NESTED_LOAD =
            ConfigOptions.key("nested-load").booleanType().defaultValue(false);

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
        return Set.of(NESTED_LOAD);
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        boolean nested = formatOptions.get(NESTED_LOAD);
        return new DecodingFormat<>() {
            @Override
            public DeserializationSchema<RowData> createRuntimeDecoder(
                    DynamicTableSource.Context sourceContext, DataType physicalDataType) {
                return new ElephantBirdJsonDeserializationSchema(
                        (RowType) physicalDataType.getLogicalType(),
                        nested,
                        sourceContext.createTypeInformation(physicalDataType));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }
}
