package dev.ferry.runtime.pigudf;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.OutputFormatProvider;
import org.apache.flink.table.connector.sink.abilities.SupportsOverwrite;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-store} connector: a STORE that runs an unchanged Pig {@code StoreFunc} ({@link PigStoreOutputFormat}),
 * each column a field of the stored tuple with its Pig type:
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE counts_store (user STRING, n INT) WITH (
 *   'connector' = 'pig-store',
 *   'path' = '/data/out/counts',
 *   'store-function' = 'org.apache.pig.builtin.BinStorage',
 *   'field-types' = 'chararray,int',
 *   'task' = 'reduce')
 * }</pre>
 *
 * The function's class comes from the jars the job registers (USING JAR), the adapter's own jar among them. One task
 * writes, as Pig's local mode runs one map or reduce task: its files are those Pig's would be ({@code part-m-00000}
 * after a map, {@code part-r-00000} after a reduce, or the function's own names), committed as Pig commits them.
 */
public final class PigStoreTableFactory implements DynamicTableSinkFactory {

    public static final String IDENTIFIER = "pig-store";

    static final ConfigOption<String> PATH = ConfigOptions.key("path")
            .stringType()
            .noDefaultValue()
            .withDescription("the STORE location as the script wrote it (after parameter substitution)");

    static final ConfigOption<String> STORE_FUNCTION = ConfigOptions.key("store-function")
            .stringType()
            .noDefaultValue()
            .withDescription("the USING clause: the StoreFunc's class and its quoted constructor arguments");

    static final ConfigOption<String> FIELD_TYPES = ConfigOptions.key("field-types")
            .stringType()
            .noDefaultValue()
            .withDescription("the Pig type of each column, comma-separated: " + LoadedTuples.TYPES);

    static final ConfigOption<String> TASK = ConfigOptions.key("task")
            .stringType()
            .defaultValue("map")
            .withDescription("the Pig task that stores the rows, 'map' or 'reduce' (after a GROUP, JOIN, ORDER...):"
                    + " Hadoop names its files part-m-NNNNN or part-r-NNNNN");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH, STORE_FUNCTION, FIELD_TYPES);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(TASK);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        String storeFunction = options.get(STORE_FUNCTION);
        try {
            UdfSpec.parse(storeFunction);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("'store-function' = '" + storeFunction + "': " + e.getMessage(), e);
        }
        String task = options.get(TASK);
        if (!task.equals("map") && !task.equals("reduce")) {
            throw new ValidationException("'task' = '" + task + "': 'map' or 'reduce' expected");
        }
        DataType physical = context.getPhysicalRowDataType();
        byte[] types = LoadedTuples.typeCodes(options.get(FIELD_TYPES), (RowType) physical.getLogicalType());
        return new Sink(
                new PigStoreOutputFormat.Store(
                        options.get(PATH),
                        storeFunction,
                        context.getObjectIdentifier().getObjectName(),
                        ((RowType) physical.getLogicalType()).getFieldNames(),
                        types,
                        task.equals("reduce"),
                        false),
                physical);
    }

    /** The sink: one writing task. */
    private static final class Sink implements DynamicTableSink, SupportsOverwrite {

        private PigStoreOutputFormat.Store store;
        private final DataType physical;

        Sink(PigStoreOutputFormat.Store store, DataType physical) {
            this.store = store;
            this.physical = physical;
        }

        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
            return ChangelogMode.insertOnly();
        }

        @Override
        public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
            return OutputFormatProvider.of(
                    new PigStoreOutputFormat(store, context.createDataStructureConverter(physical)), 1);
        }

        /** INSERT OVERWRITE: the script removed the location before the STORE ({@code rmf}); the task removes it. */
        @Override
        public void applyOverwrite(boolean overwrite) {
            store = store.overwriting(overwrite);
        }

        @Override
        public DynamicTableSink copy() {
            return new Sink(store, physical);
        }

        @Override
        public String asSummaryString() {
            return "PigStore(" + store.storeFunction() + ")";
        }
    }
}
