package dev.ferry.runtime.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Pig's text form of an untyped map, {@code [k#v,k2#v2]}, read as
 * {@code org.apache.pig.builtin.Utf8StorageConverter.consumeMap} reads it (Pig 0.18): values stay
 * the text they were (Pig's bytearray), nested tuples, bags and maps included.
 */
public final class PigMaps {

    /** How a MAP&lt;STRING, STRING&gt; column is written back, in Pig's HashMap order. */
    static final PigText TEXT =
            PigText.of(new MapType(new VarCharType(VarCharType.MAX_LENGTH), new VarCharType(VarCharType.MAX_LENGTH)));

    private PigMaps() {}

    /** Whether a column type is a map of text to text, the form a LOAD's {@code map[]} is read into. */
    static boolean isTextMap(LogicalType type) {
        MapType map = (MapType) type;
        return isText(map.getKeyType()) && isText(map.getValueType());
    }

    private static boolean isText(LogicalType type) {
        return type.getTypeRoot() == LogicalTypeRoot.VARCHAR || type.getTypeRoot() == LogicalTypeRoot.CHAR;
    }

    /** The map, or null where Pig discards the field (it throws inside consumeMap and logs a warning). */
    public static MapData parse(String text) {
        int i = text.indexOf('[');
        if (i < 0) {
            return null;
        }
        i++;
        if (i < text.length() && text.charAt(i) == ']') {
            return new GenericMapData(Map.of()); // Pig 0.18 reads "[]" as an empty map
        }
        // In the text's order: a STORE lists them in the order of a HashMap filled in that order, as Pig's.
        Map<StringData, StringData> entries = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        while (true) {
            int hash = text.indexOf('#', i);
            if (hash < 0) {
                return null;
            }
            String key = text.substring(i, hash);
            if (key.isEmpty()) {
                return null;
            }
            i = hash + 1;
            Deque<Character> level = new ArrayDeque<>();
            out.setLength(0);
            char end;
            while (true) {
                if (i >= text.length()) {
                    return null;
                }
                char c = text.charAt(i++);
                if (c == '[' || c == '{' || c == '(') {
                    level.push(c);
                } else if (c == ']' && level.isEmpty()) {
                    end = c;
                    break;
                } else if (c == ']' || c == '}' || c == ')') {
                    if (level.isEmpty()) {
                        return null; // "Malformed map"
                    }
                    if (level.peek() == opening(c)) {
                        level.pop();
                    }
                } else if (c == ',' && level.isEmpty()) {
                    end = c;
                    break;
                }
                out.append(c);
            }
            entries.put(StringData.fromString(key), out.length() == 0 ? null : StringData.fromString(out.toString()));
            if (end == ']') {
                return new GenericMapData(entries);
            }
        }
    }

    private static char opening(char closing) {
        return closing == ')' ? '(' : closing == ']' ? '[' : '{';
    }
}
