package dev.ferry.runtime.format;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.LogicalType;

/** A value of one column type in Pig's text form, exactly as the pig-storage format writes it. */
public final class PigText implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PigTextWriter writer;

    private PigText(PigTextWriter writer) {
        this.writer = writer;
    }

    public static PigText of(LogicalType type) {
        return new PigText(PigTextWriter.of("value", type));
    }

    /** The text of a value in Flink's internal form; null for null. */
    public String text(Object internal) {
        if (internal == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(GenericRowData.of(internal), 0, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
