package dev.ferry.runtime.functions;

import dev.ferry.runtime.format.PigMaps;
import dev.ferry.runtime.pig.LoadCasts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * Casts of a loaded bytearray to a complex type, as the loader's LoadCaster does them in Pig 0.18.
 */
public final class PigLoadCasters {

    private PigLoadCasters() {}

    /**
     * {@code (map[]) x} of a PigStorage bytearray: Utf8StorageConverter's bytesToMap, the text form
     * {@code [k#v,...]}, values kept as text; null where Pig gives null (text that is not a map).
     */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, STRING>"))
    public static final class TextToMap extends ScalarFunction {
        public Map<String, String> eval(String text) {
            if (text == null) {
                return null;
            }
            MapData parsed = PigMaps.parse(text);
            if (parsed == null) {
                return null;
            }
            ArrayData keys = parsed.keyArray();
            ArrayData values = parsed.valueArray();
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < parsed.size(); i++) {
                StringData value = values.isNullAt(i) ? null : values.getString(i);
                map.put(keys.getString(i).toString(), value == null ? null : value.toString());
            }
            return map;
        }
    }

    /**
     * A map of bytearray values read as {@code map[int]} (a LOAD's {@code m:map[int]}, or {@code (map[int]) m} of a
     * loaded map): Pig's POCast converts each value with the loader's caster (Utf8StorageConverter's bytesToInteger
     * and the like), a value it cannot convert becoming null; the keys stay. One subclass per value type.
     */
    abstract static class MapValuesAs<T> extends ScalarFunction {

        /** One value's conversion (a method, not a lambda field: Flink serializes the function). */
        abstract T value(String text);

        public Map<String, T> eval(@DataTypeHint("MAP<STRING, STRING>") Map<String, String> map) {
            if (map == null) {
                return null;
            }
            Map<String, T> typed = new LinkedHashMap<>();
            map.forEach((key, value) -> typed.put(key, value == null ? null : value(value)));
            return typed;
        }
    }

    /** {@code PIG_MAP_INT(m)}: a map of bytearray values as {@code map[int]}. */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, INT>"))
    public static final class MapOfInt extends MapValuesAs<Integer> {
        @Override
        Integer value(String text) {
            return LoadCasts.toInteger(text);
        }
    }

    /** {@code PIG_MAP_LONG(m)}: a map of bytearray values as {@code map[long]}. */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, BIGINT>"))
    public static final class MapOfLong extends MapValuesAs<Long> {
        @Override
        Long value(String text) {
            return LoadCasts.toLong(text);
        }
    }

    /** {@code PIG_MAP_FLOAT(m)}: a map of bytearray values as {@code map[float]}. */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, FLOAT>"))
    public static final class MapOfFloat extends MapValuesAs<Float> {
        @Override
        Float value(String text) {
            return LoadCasts.toFloat(text);
        }
    }

    /** {@code PIG_MAP_DOUBLE(m)}: a map of bytearray values as {@code map[double]}. */
    @FunctionHint(output = @DataTypeHint("MAP<STRING, DOUBLE>"))
    public static final class MapOfDouble extends MapValuesAs<Double> {
        @Override
        Double value(String text) {
            return LoadCasts.toDouble(text);
        }
    }

    /**
     * {@code (bag{tuple(map[])}) x} of a bytearray PigMix's loader read (PigPerformanceLoader's
     * bytesToBag): elements separated by ^B, each a type letter ('m' for a map) then the value; a
     * map's entries separated by ^C, each a one-byte key, one separator byte and the value. PigMix's
     * copy loop is reproduced byte for byte: each element's bytes lose the type letter and gain a
     * trailing NUL, and each map value loses its first byte and gains a trailing NUL. An element of
     * another type than a map, or an unknown type letter, fails the job (Pig fails the cast or later
     * reads of the map).
     */
    @FunctionHint(output = @DataTypeHint("ARRAY<ROW<f0 MAP<STRING, STRING>>>"))
    public static final class PigMixBagOfMaps extends ScalarFunction {
        public Row[] eval(String text) {
            if (text == null) {
                return null;
            }
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            List<Row> bag = new ArrayList<>();
            int pos = 0;
            while (pos < b.length) {
                int start = pos;
                while (pos < b.length && b[pos] != 2) {
                    pos++;
                }
                byte type = b[start];
                if (type != 'm') {
                    throw new IllegalArgumentException(
                            "PigMix bag element of type '" + (char) type + "' cast to a bag of maps ("
                                    + (type == 2 ? "an empty element" : "only 'm' elements are maps") + ")");
                }
                bag.add(Row.of(map(shiftedCopy(b, start, pos))));
                pos++;
            }
            return bag.toArray(Row[]::new);
        }

        private static Map<String, String> map(byte[] b) {
            Map<String, String> m = new HashMap<>();
            int pos = 0;
            while (pos < b.length) {
                String key = new String(b, pos, 1, StandardCharsets.UTF_8);
                pos += 2;
                int start = pos;
                while (pos < b.length && b[pos] != 3) {
                    pos++;
                }
                m.put(key, new String(shiftedCopy(b, start, pos), StandardCharsets.UTF_8));
                pos++;
            }
            return m;
        }

        /** PigMix's copy of {@code b[start, end)}: {@code end - start} bytes, without the first, then a NUL. */
        private static byte[] shiftedCopy(byte[] b, int start, int end) {
            byte[] copy = new byte[Math.max(0, end - start)];
            if (end - start > 1) {
                System.arraycopy(b, start + 1, copy, 0, end - start - 1);
            }
            return copy;
        }
    }
}
