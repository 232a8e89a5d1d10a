package dev.ferry.runtime.format;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one line into one row the way Pig's {@code PigStorage.getNext} and the cast to the
 * {@code AS} schema do. Never fails: a value Pig would discard becomes null and is logged.
 */
final class PigStorageDeserializationSchema implements DeserializationSchema<RowData> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PigStorageDeserializationSchema.class);
    private static final int LOGGED_DISCARDS = 10;

    private final byte delimiter;
    private final boolean lineAsField;
    private final String[] columns;
    private final PigFieldType[] types;
    private final TypeInformation<RowData> producedType;
    /** Whether each row has one more field, after the line's: the record's number in its file (1, 2, 3...). */
    private final boolean numbered;
    /** A Hive text table's null text ({@code \N}): that field is null and an empty one is read as a value; or null. */
    private final byte[] nullFormat;

    private transient long discarded;
    /** The records read so far: one instance reads one file from its start (a numbered table's files are not split). */
    private transient long records;

    PigStorageDeserializationSchema(
            byte delimiter,
            boolean lineAsField,
            String[] columns,
            PigFieldType[] types,
            TypeInformation<RowData> producedType) {
        this(delimiter, lineAsField, columns, types, producedType, false);
    }

    PigStorageDeserializationSchema(
            byte delimiter,
            boolean lineAsField,
            String[] columns,
            PigFieldType[] types,
            TypeInformation<RowData> producedType,
            boolean numbered) {
        this(delimiter, lineAsField, columns, types, producedType, numbered, null);
    }

    PigStorageDeserializationSchema(
            byte delimiter,
            boolean lineAsField,
            String[] columns,
            PigFieldType[] types,
            TypeInformation<RowData> producedType,
            boolean numbered,
            byte[] nullFormat) {
        this.nullFormat = nullFormat;
        this.delimiter = delimiter;
        this.lineAsField = lineAsField;
        this.columns = columns;
        this.types = types;
        this.producedType = producedType;
        this.numbered = numbered;
    }

    /**
     * Flink's filesystem source hands over lines split on '\n' with one trailing '\r' removed. Pig
     * reads through Hadoop's LineRecordReader, which also ends a line at a lone '\r', so each
     * remaining '\r' starts another record here ("a\rb" is two rows in Pig, too).
     */
    @Override
    public void deserialize(byte[] message, Collector<RowData> out) {
        int start = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\r') {
                out.collect(parse(message, start, i));
                start = i + 1;
            }
        }
        out.collect(parse(message, start, message.length));
    }

    @Override
    public RowData deserialize(byte[] message) {
        return parse(message, 0, message.length);
    }

    /**
     * PigStorage.getNext: a field ends at every delimiter byte and the last one at the end of the line
     * (so a trailing delimiter adds an empty field); an empty field is null. Fields beyond the schema
     * are dropped and missing ones are null, as Pig's cast to the AS schema does. With a null format (a Hive text
     * table's, read as HCatLoader reads it through LazySimpleSerDe), a field of that text is null and an empty field
     * is a value: an empty chararray, a number that does not parse (null).
     */
    RowData parse(byte[] line, int from, int to) {
        GenericRowData row = new GenericRowData(types.length + (numbered ? 1 : 0));
        if (numbered) {
            row.setField(types.length, ++records);
        }
        if (lineAsField) {
            // TextLoader: the line is one field, never null; an empty line is an empty chararray or bytearray.
            boolean text =
                    types.length > 0 && (types[0] == PigFieldType.CHARARRAY || types[0] == PigFieldType.BYTEARRAY);
            if (types.length > 0 && (to > from || text)) {
                row.setField(0, read(0, line, from, to));
            }
            return row;
        }
        int field = 0;
        int start = from;
        for (int i = from; i <= to && field < types.length; i++) {
            if (i == to || line[i] == delimiter) {
                if (nullFormat != null ? !isNullFormat(line, start, i) : i > start) {
                    row.setField(field, read(field, line, start, i));
                }
                field++;
                start = i + 1;
            }
        }
        return row;
    }

    private boolean isNullFormat(byte[] line, int start, int end) {
        return java.util.Arrays.equals(line, start, end, nullFormat, 0, nullFormat.length);
    }

    private Object read(int field, byte[] line, int start, int end) {
        PigFieldType type = types[field];
        String text = type.needsText() ? PigFieldType.decode(line, start, end) : null;
        Object value = type.read(text, line, start, end);
        if (value == null) {
            logDiscarded(field, text);
        }
        return value;
    }

    /** Pig warns FIELD_DISCARDED_TYPE_CONVERSION_FAILED; we log the first few of each reader. */
    private void logDiscarded(int field, String text) {
        discarded++;
        if (discarded <= LOGGED_DISCARDS) {
            LOG.warn(
                    "pig-storage: value '{}' of column '{}' is not a valid {}; set to null, as Pig does{}",
                    text,
                    columns[field],
                    types[field].name().toLowerCase(java.util.Locale.ROOT),
                    discarded == LOGGED_DISCARDS ? " (further such warnings are not logged)" : "");
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
