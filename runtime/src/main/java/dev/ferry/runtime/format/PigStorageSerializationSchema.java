package dev.ferry.runtime.format;

import java.io.ByteArrayOutputStream;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.data.RowData;

/**
 * Turns one row into one line the way Pig's PigTextOutputFormat writes a tuple: fields in Pig's text
 * form ({@link PigTextWriter}) joined by the delimiter byte, null as nothing. The filesystem
 * sink adds the '\n' after each line, as Pig does.
 */
final class PigStorageSerializationSchema implements SerializationSchema<RowData> {

    private static final long serialVersionUID = 1L;

    private final byte delimiter;
    private final PigTextWriter[] types;
    /** A Hive text table's null text ({@code \N}) written for a null, or null: nothing is written. */
    private final byte[] nullFormat;

    private transient ByteArrayOutputStream buffer;

    PigStorageSerializationSchema(byte delimiter, PigTextWriter[] types) {
        this(delimiter, types, null);
    }

    PigStorageSerializationSchema(byte delimiter, PigTextWriter[] types, byte[] nullFormat) {
        this.delimiter = delimiter;
        this.types = types;
        this.nullFormat = nullFormat;
    }

    @Override
    public byte[] serialize(RowData row) {
        if (buffer == null) {
            buffer = new ByteArrayOutputStream(256);
        }
        buffer.reset();
        for (int pos = 0; pos < types.length; pos++) {
            if (pos > 0) {
                buffer.write(delimiter);
            }
            if (!row.isNullAt(pos)) {
                types[pos].write(row, pos, buffer);
            } else if (nullFormat != null) {
                buffer.write(nullFormat, 0, nullFormat.length);
            }
        }
        return buffer.toByteArray();
    }
}
