package dev.ferry.runtime.format;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.table.DeserializationSchemaAdapter;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.connector.file.table.format.BulkDecodingFormat;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-storage-numbered} format: {@code pig-storage} (same options) whose last physical column, a BIGINT,
 * holds each record's number in its file (1, 2, 3...). With the filesystem source's {@code file.path} and {@code
 * file.size} metadata it gives a row's place in Pig's input order, which RANK without BY numbers:
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE clicks (
 *   user_id STRING, n INT, file_path STRING METADATA FROM 'file.path' VIRTUAL,
 *   file_size BIGINT METADATA FROM 'file.size' VIRTUAL, record BIGINT
 * ) WITH ('connector' = 'pig-files', 'path' = '...', 'format' = 'pig-storage-numbered')
 * }</pre>
 *
 * A file is never split between readers here (each reader counts from its file's first record).
 */
public final class PigStorageNumberedFormatFactory implements BulkReaderFormatFactory {

    public static final String IDENTIFIER = "pig-storage-numbered";

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
        return Set.of(PigStorageFormatFactory.FIELD_DELIMITER, PigStorageFormatFactory.LINE_AS_FIELD);
    }

    @Override
    public BulkDecodingFormat<RowData> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        byte delimiter = FieldDelimiter.parse(formatOptions.get(PigStorageFormatFactory.FIELD_DELIMITER));
        boolean lineAsField = formatOptions.get(PigStorageFormatFactory.LINE_AS_FIELD);
        return new BulkDecodingFormat<>() {
            @Override
            public BulkFormat<RowData, FileSourceSplit> createRuntimeDecoder(
                    DynamicTableSource.Context sourceContext, DataType physicalDataType) {
                RowType lineType = recordType(physicalDataType, IDENTIFIER);
                PigStorageDeserializationSchema schema = new PigStorageDeserializationSchema(
                        delimiter,
                        lineAsField,
                        lineType.getFieldNames().toArray(String[]::new),
                        PigStorageFormatFactory.fieldTypes(lineType),
                        sourceContext.createTypeInformation(physicalDataType),
                        true);
                return new WholeFiles(new DeserializationSchemaAdapter(schema));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    /**
     * The columns a numbered format reads from a line: all but the last, which must be the BIGINT the record number
     * fills.
     */
    static RowType recordType(DataType physicalDataType, String format) {
        List<RowType.RowField> fields = ((RowType) physicalDataType.getLogicalType()).getFields();
        if (fields.isEmpty() || fields.get(fields.size() - 1).getType().getTypeRoot() != LogicalTypeRoot.BIGINT) {
            throw new ValidationException(
                    "the " + format + " format needs a last column of type BIGINT for the record number");
        }
        return new RowType(fields.subList(0, fields.size() - 1));
    }

    /** Flink's line reader, reading every file whole from its start: the record numbers count from there. */
    static final class WholeFiles implements BulkFormat<RowData, FileSourceSplit> {

        private static final long serialVersionUID = 1L;
        private final DeserializationSchemaAdapter lines;

        WholeFiles(DeserializationSchemaAdapter lines) {
            this.lines = lines;
        }

        @Override
        public Reader<RowData> createReader(Configuration config, FileSourceSplit split) throws IOException {
            return lines.createReader(config, split);
        }

        @Override
        public Reader<RowData> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
            if (split.getReaderPosition().isPresent()) {
                // A reader restored at a position would count from there, not from the file's start.
                throw new IOException("the " + IDENTIFIER + " format reads a file from its start only");
            }
            return lines.createReader(config, split);
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<RowData> getProducedType() {
            return lines.getProducedType();
        }
    }
}
