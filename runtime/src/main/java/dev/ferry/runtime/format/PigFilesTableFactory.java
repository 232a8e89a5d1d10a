package dev.ferry.runtime.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.file.table.FileSystemConnectorOptions;
import org.apache.flink.connector.file.table.FileSystemTableFactory;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
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
 */
public final class PigFilesTableFactory implements DynamicTableSourceFactory {

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
        return files.optionalOptions();
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
        return files.createDynamicTableSource(new FactoryUtil.DefaultDynamicTableContext(
                context.getObjectIdentifier(),
                context.getCatalogTable().copy(options),
                context.getEnrichmentOptions(),
                context.getConfiguration(),
                context.getClassLoader(),
                context.isTemporary()));
    }
}
