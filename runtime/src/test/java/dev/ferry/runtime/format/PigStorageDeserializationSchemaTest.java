package dev.ferry.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * Lines as Flink's filesystem source hands them over (split on '\n', one trailing '\r' removed)
 * → rows, for the schema (s:chararray, i:int, d:double) and delimiter ','. The expected rows are what
 * Pig 0.18 loaded from the same lines (see PigStorageFormatTest for the file).
 */
class PigStorageDeserializationSchemaTest {

    private final PigStorageDeserializationSchema schema = new PigStorageDeserializationSchema(
            (byte) ',',
            false,
            new String[] {"s", "i", "d"},
            new PigFieldType[] {PigFieldType.CHARARRAY, PigFieldType.INT, PigFieldType.DOUBLE},
            null);

    @Test
    void fullLine() {
        assertEquals(List.of("+I(a,1,2.5)"), rows("a,1,2.5"));
    }

    @Test
    void shortLinePadsWithNulls() {
        assertEquals(List.of("+I(b,2,null)"), rows("b,2"));
        assertEquals(List.of("+I(c,null,null)"), rows("c"));
    }

    @Test
    void emptyLineIsAllNulls() {
        assertEquals(List.of("+I(null,null,null)"), rows(""));
    }

    @Test
    void longLineDropsExtraFields() {
        assertEquals(List.of("+I(d,4,4.5)"), rows("d,4,4.5,extra,more"));
    }

    @Test
    void trailingDelimiterAddsAnEmptyField() {
        assertEquals(List.of("+I(e,5,5.5)"), rows("e,5,5.5,"));
        assertEquals(List.of("+I(null,6,null)"), rows(",6,"));
        assertEquals(List.of("+I(null,null,null)"), rows(",,"));
    }

    @Test
    void badNumberIsNull() {
        assertEquals(List.of("+I(h,9,null)"), rows("h,9,x"));
        assertEquals(List.of("+I(k,3,5.04E7)"), rows("k,3.7,5.04E7"));
    }

    @Test
    void numbersMayCarryBlanksButStringsKeepThem() {
        assertEquals(List.of("+I( i ,10,1.5)"), rows(" i , 10 , 1.5 "));
        assertEquals(List.of("+I(j,11,100.0)"), rows("j,011,1e2"));
    }

    @Test
    void loneCarriageReturnEndsARecordAsInHadoop() {
        assertEquals(List.of("+I(g,8,null)", "+I(null,9,null)"), rows("g,8\r,9"));
        // "h,9,x\r\r\n": Flink strips the last '\r', Hadoop ends a line at each '\r'
        assertEquals(List.of("+I(h,9,null)", "+I(null,null,null)"), rows("h,9,x\r"));
    }

    /** The numbered variant (RANK without BY): each record, one per '\r' too, gets the next number after its fields. */
    @Test
    void numberedRecordsCountFromTheFilesStart() {
        PigStorageDeserializationSchema numbered = new PigStorageDeserializationSchema(
                (byte) ',', false, new String[] {"s"}, new PigFieldType[] {PigFieldType.CHARARRAY}, null, true);
        List<String> out = new ArrayList<>();
        for (String line : List.of("a,1", "", "b\rc", "zoë")) {
            out.addAll(rows(numbered, line));
        }
        assertEquals(List.of("+I(a,1)", "+I(null,2)", "+I(b,3)", "+I(c,4)", "+I(zoë,5)"), out);
    }

    private List<String> rows(String line) {
        return rows(schema, line);
    }

    private static List<String> rows(PigStorageDeserializationSchema schema, String line) {
        List<String> out = new ArrayList<>();
        schema.deserialize(line.getBytes(StandardCharsets.UTF_8), new Collector<>() {
            @Override
            public void collect(RowData row) {
                out.add(row.toString());
            }

            @Override
            public void close() {}
        });
        return out;
    }

    @Test
    void serializerWritesNullsAsNothing() {
        PigStorageSerializationSchema writer = new PigStorageSerializationSchema((byte) '|', new PigTextWriter[] {
            PigTextWriter.of("a", new VarCharType(VarCharType.MAX_LENGTH)),
            PigTextWriter.of("b", new IntType()),
            PigTextWriter.of("c", new DoubleType())
        });
        assertEquals("||", new String(writer.serialize(new GenericRowData(3)), StandardCharsets.UTF_8));
        assertEquals(
                "x|7|5.04E7",
                new String(
                        writer.serialize(
                                GenericRowData.of(org.apache.flink.table.data.StringData.fromString("x"), 7, 5.04E7)),
                        StandardCharsets.UTF_8));
    }

    /**
     * A Hive text table as HCatLoader reads it through LazySimpleSerDe (serialization.null.format '\\N'): only that
     * text is null; an empty field is an empty string, and an empty or unparsable number null.
     */
    @Test
    void hiveNullFormatOnlyThatTextIsNull() {
        PigStorageDeserializationSchema hive = new PigStorageDeserializationSchema(
                (byte) 1,
                false,
                new String[] {"s", "i", "d"},
                new PigFieldType[] {PigFieldType.CHARARRAY, PigFieldType.INT, PigFieldType.DOUBLE},
                null,
                false,
                "\\N".getBytes(StandardCharsets.UTF_8));
        List<String[]> cases = List.of(
                new String[] {"a\u00011\u00012.5", "+I(a,1,2.5)"},
                new String[] {"\\N\u0001\\N\u0001\\N", "+I(null,null,null)"},
                new String[] {"\u0001\u0001", "+I(,null,null)"},
                new String[] {"\\Nx\u0001x\u0001", "+I(\\Nx,null,null)"},
                new String[] {"ü\u00017", "+I(ü,7,null)"});
        for (String[] c : cases) {
            assertEquals(List.of(c[1]), rows(hive, c[0]), c[0]);
        }
    }

    @Test
    void hiveNullFormatWritesNullsAsThatText() {
        PigStorageSerializationSchema writer = new PigStorageSerializationSchema(
                (byte) 1,
                new PigTextWriter[] {
                    PigTextWriter.of("a", new VarCharType(VarCharType.MAX_LENGTH)), PigTextWriter.of("b", new IntType())
                },
                "\\N".getBytes(StandardCharsets.UTF_8));
        assertEquals("\\N\u0001\\N", new String(writer.serialize(new GenericRowData(2)), StandardCharsets.UTF_8));
        assertEquals(
                "\u00017",
                new String(
                        writer.serialize(GenericRowData.of(org.apache.flink.table.data.StringData.fromString(""), 7)),
                        StandardCharsets.UTF_8));
    }
}
