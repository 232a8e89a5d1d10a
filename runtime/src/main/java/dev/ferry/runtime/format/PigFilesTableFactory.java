package dev.ferry.runtime.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.file.table.FileSystemConnectorOptions;
import org.apache.flink.connector.file.table.FileSystemTableFactory;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * The {@code pig-files} connector: Flink's filesystem source reading a LOAD location as Pig does ({@link
 * PigLocation}: Hadoop globs, comma-separated lists, directories without their hidden files). It takes the
 * filesystem connector's options; {@code path} is the location as the script wrote it, after parameter
 * substitution, so a glob that a parameter's value brings is expanded too:
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE logs (...) WITH (
 *   'connector' = 'pig-files', 'path' = '/data/logs/2026-01-0[1-3],/data/late', 'format' = 'pig-storage')
 * }</pre>
 *
 * <p>A path that does not exist, or a glob matching nothing, fails the job before it starts ({@link
 * PigLocation#checkExists}, called by the job runner).
 *
 * <p>As a sink it is Flink's filesystem sink writing a STORE's directory, whose files the job runner names and
 * compresses as Hadoop does for Pig once the job succeeded ({@link PigPartFiles}: {@code 'task'}, {@code
 * 'part-suffix'}, {@code 'compression'}), writing the .pig_schema and .pig_header files beside them ({@link
 * PigSchemaFiles}: {@code 'pig-schema'}, {@code 'pig-schema.sort-keys'}).
 */
public final class PigFilesTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {

    public static final String IDENTIFIER = "pig-files";

    private final FileSystemTableFactory files = new FileSystemTableFactory();

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return files.requiredOptions();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new HashSet<>(files.optionalOptions());
        options.addAll(Set.of(
                PigPartFiles.TASK,
                PigPartFiles.PART_SUFFIX,
                PigPartFiles.COMPRESSION,
                PigSchemaFiles.SCHEMA,
                PigSchemaFiles.SORT_KEYS));
        return options;
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        Map<String, String> options = new HashMap<>(context.getCatalogTable().getOptions());
        try {
            PigPartFiles.of(options);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("the pig-files connector's " + e.getMessage(), e);
        }
        options.remove(PigPartFiles.TASK.key());
        options.remove(PigPartFiles.PART_SUFFIX.key());
        options.remove(PigPartFiles.COMPRESSION.key());
        options.remove(PigSchemaFiles.SCHEMA.key());
        options.remove(PigSchemaFiles.SORT_KEYS.key());
        options.put(FactoryUtil.CONNECTOR.key(), FileSystemTableFactory.IDENTIFIER);
        return files.createDynamicTableSink(withOptions(context, options));
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        Map<String, String> options = new HashMap<>(context.getCatalogTable().getOptions());
        String location = options.get(FileSystemConnectorOptions.PATH.key());
        if (location == null) {
            throw new ValidationException("the pig-files connector needs a 'path'");
        }
        PigLocation.Resolved resolved;
        try {
            resolved = PigLocation.resolve(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cannot read the location '" + location + "': " + e.getMessage(), e);
        }
        options.put(FactoryUtil.CONNECTOR.key(), FileSystemTableFactory.IDENTIFIER);
        options.put(FileSystemConnectorOptions.PATH.key(), resolved.root().toString());
        if (resolved.regex() != null) {
            options.put(FileSystemConnectorOptions.SOURCE_PATH_REGEX_PATTERN.key(), resolved.regex());
        }
        return files.createDynamicTableSource(withOptions(context, options));
    }

    /** The context of the same table with other options (those of Flink's filesystem connector). */
    private static Context withOptions(Context context, Map<String, String> options) {
        return new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(),
                context.getCatalogTable().copy(options),
                context.getEnrichmentOptions(),
                context.getConfiguration(),
                context.getClassLoader(),
                context.isTemporary());
    }
}
