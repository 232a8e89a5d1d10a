package dev.ferry.runtime.functions;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.UserDefinedFunction;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Pig function library: SQL name → implementation, one row per Pig builtin or operator whose
 * Pig semantics Flink's own function does not match. Generated SQL calls these names; the runner
 * registers them as temporary system functions before the script runs.
 *
 * <p>Not listed because Flink already agrees with Pig (checked on Flink 2.2.0): integer {@code /}
 * truncates, {@code %} follows Java's sign rule and fails on zero in both, INT/BIGINT overflow
 * wraps, and CAST between numeric types narrows like Java (clamping doubles, wrapping longs).
 */
public final class PigFunctions {

    /** SQL name → function class, in a fixed order. */
    public static final Map<String, Class<? extends UserDefinedFunction>> LIBRARY = library();

    private PigFunctions() {}

    private static Map<String, Class<? extends UserDefinedFunction>> library() {
        Map<String, Class<? extends UserDefinedFunction>> m = new LinkedHashMap<>();
        // casts: Pig turns what it cannot convert into null; Flink's CAST fails the job
        m.put("PIG_CHARARRAY", PigChararray.class); // (chararray)x; booleans print as true/false
        m.put("PIG_INT", PigInt.class); // (int)s: "3.7" -> 3, "abc" -> null
        m.put("PIG_LONG", PigLong.class); // (long)s
        m.put("PIG_FLOAT", PigFloat.class); // (float)s
        m.put("PIG_DOUBLE", PigDouble.class); // (double)s
        m.put("PIG_BOOLEAN", PigBoolean.class); // (boolean)s: only true/false, any case
        // arithmetic
        m.put("PIG_DIVIDE", PigDivide.class); // a / b: null when b is zero, for every type
        m.put("PIG_ROUND", PigRound.class); // ROUND: Math.round, halves up, BIGINT result
        // strings: Pig counts from 0 and answers null (or -1) where Flink counts from 1
        m.put("PIG_SUBSTRING", PigSubstring.class); // SUBSTRING(s, begin, end), end exclusive
        m.put("PIG_INDEXOF", PigIndexOf.class); // INDEXOF(s, search[, from]), -1 if absent
        return Collections.unmodifiableMap(m);
    }

    /** Registers every function of the library that {@code env} does not have yet. */
    public static void registerAll(TableEnvironment env) {
        Set<String> existing =
                Arrays.stream(env.listUserDefinedFunctions())
                        .map(name -> name.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        LIBRARY.forEach(
                (name, implementation) -> {
                    if (!existing.contains(name)) {
                        env.createTemporarySystemFunction(name, implementation);
                    }
                });
    }
}
