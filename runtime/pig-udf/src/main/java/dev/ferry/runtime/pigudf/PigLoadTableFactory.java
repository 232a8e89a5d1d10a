package dev.ferry.runtime.pigudf;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.InputFormatProvider;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-load} connector: a LOAD that runs an unchanged Pig {@code LoadFunc} ({@link PigLoadInputFormat}),
 * its columns the LOAD's AS fields with their Pig types, cast as Pig casts them ({@link LoadedTuples}):
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE raw (user STRING, n INT) WITH (
 *   'connector' = 'pig-load',
 *   'path' = '/data/in/*.kv',
 *   'load-function' = 'com.acme.KeyValueLoader(''user'', ''n'')',
 *   'field-types' = 'chararray,int')
 * }</pre>
 *
 * The loader's class comes from the jars the job registers (USING JAR), the adapter's own jar among them.
 */
public final class PigLoadTableFactory implements DynamicTableSourceFactory {

    public static final String IDENTIFIER = "pig-load";

    static final ConfigOption<String> PATH = ConfigOptions.key("path")
            .stringType()
            .noDefaultValue()
            .withDescription("the LOAD location as the script wrote it (after parameter substitution)");

    static final ConfigOption<String> LOAD_FUNCTION = ConfigOptions.key("load-function")
            .stringType()
            .noDefaultValue()
            .withDescription("the USING clause: the loader's class and its quoted constructor arguments");

    static final ConfigOption<String> FIELD_TYPES = ConfigOptions.key("field-types")
            .stringType()
            .noDefaultValue()
            .withDescription("the Pig type of each column, comma-separated: " + LoadedTuples.TYPES);

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH, LOAD_FUNCTION, FIELD_TYPES);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        String loadFunction = options.get(LOAD_FUNCTION);
        try {
            UdfSpec.parse(loadFunction);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("'load-function' = '" + loadFunction + "': " + e.getMessage(), e);
        }
        DataType physical = context.getPhysicalRowDataType();
        byte[] types = LoadedTuples.typeCodes(options.get(FIELD_TYPES), (RowType) physical.getLogicalType());
        return new Source(
                options.get(PATH), loadFunction, context.getObjectIdentifier().getObjectName(), types, physical);
    }

    /** The scan: a bounded InputFormat. */
    private record Source(String location, String loadFunction, String signature, byte[] types, DataType physical)
            implements ScanTableSource {

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            PigLoadInputFormat format = new PigLoadInputFormat(
                    location,
                    loadFunction,
                    signature,
                    types,
                    (RowType) physical.getLogicalType(),
                    context.createDataStructureConverter(physical));
            format.plan();
            return InputFormatProvider.of(format);
        }

        @Override
        public DynamicTableSource copy() {
            return new Source(location, loadFunction, signature, types, physical);
        }

        @Override
        public String asSummaryString() {
            return "PigLoad(" + loadFunction + ")";
        }
    }
}
