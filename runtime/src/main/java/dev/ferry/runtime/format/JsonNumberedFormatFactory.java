package dev.ferry.runtime.format;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.table.DeserializationSchemaAdapter;
import org.apache.flink.connector.file.table.factories.BulkReaderFormatFactory;
import org.apache.flink.connector.file.table.format.BulkDecodingFormat;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.JoinedRowData;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.util.Collector;

/**
 * The {@code json-numbered} format: the {@code pig-json} format (Pig's JsonLoader, {@link PigJsonDeserializationSchema}),
 * each line one record, whose last physical column, a BIGINT, holds the line's number in
 * its file (1, 2, 3...): with the filesystem source's {@code file.path} and {@code file.size} metadata it gives a row's
 * place in Pig's input order, which RANK without BY numbers (as {@link PigStorageNumberedFormatFactory} for text). A
 * file is never split between readers here.
 */
public final class JsonNumberedFormatFactory implements BulkReaderFormatFactory {

    public static final String IDENTIFIER = "json-numbered";

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
    public BulkDecodingFormat<RowData> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig formatOptions) {
        FactoryUtil.validateFactoryOptions(this, formatOptions);
        return new BulkDecodingFormat<>() {
            @Override
            public BulkFormat<RowData, FileSourceSplit> createRuntimeDecoder(
                    DynamicTableSource.Context sourceContext, DataType physicalDataType) {
                RowType recordType = PigStorageNumberedFormatFactory.recordType(physicalDataType, IDENTIFIER);
                DeserializationSchema<RowData> json = new PigJsonDeserializationSchema(
                        recordType,
                        sourceContext.createTypeInformation(TypeConversions.fromLogicalToDataType(recordType)));
                return new PigStorageNumberedFormatFactory.WholeFiles(new DeserializationSchemaAdapter(
                        new Numbered(json, sourceContext.createTypeInformation(physicalDataType))));
            }

            @Override
            public ChangelogMode getChangelogMode() {
                return ChangelogMode.insertOnly();
            }
        };
    }

    /** A record as the JSON format reads it, then its line's number in the file. */
    private static final class Numbered implements DeserializationSchema<RowData> {

        private static final long serialVersionUID = 1L;
        private final DeserializationSchema<RowData> json;
        private final TypeInformation<RowData> producedType;
        /** The lines read so far: one instance reads one file from its start (the files are not split). */
        private transient long records;

        Numbered(DeserializationSchema<RowData> json, TypeInformation<RowData> producedType) {
            this.json = json;
            this.producedType = producedType;
        }

        @Override
        public void open(InitializationContext context) throws Exception {
            json.open(context);
        }

        @Override
        public RowData deserialize(byte[] message) throws IOException {
            records++;
            RowData record = json.deserialize(message);
            return record == null ? null : new JoinedRowData(record, GenericRowData.of(records));
        }

        @Override
        public void deserialize(byte[] message, Collector<RowData> out) throws IOException {
            RowData row = deserialize(message);
            if (row != null) {
                out.collect(row);
            }
        }

        @Override
        public boolean isEndOfStream(RowData nextElement) {
            return false;
        }

        @Override
        public TypeInformation<RowData> getProducedType() {
            return producedType;
        }
    }
}
