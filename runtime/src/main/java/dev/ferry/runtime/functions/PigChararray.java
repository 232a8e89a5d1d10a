package dev.ferry.runtime.functions;

import java.nio.charset.StandardCharsets;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_CHARARRAY(x)}: Pig's {@code (chararray)x}. POCast prints numbers with their Java
 * {@code toString} and booleans as "true"/"false" (Flink's CAST gives "TRUE"); a bytearray is
 * decoded as UTF-8 (Utf8StorageConverter.bytesToCharArray).
 */
public final class PigChararray extends ScalarFunction {

    public String eval(Integer x) {
        return x == null ? null : x.toString();
    }

    public String eval(Long x) {
        return x == null ? null : x.toString();
    }

    public String eval(Float x) {
        return x == null ? null : x.toString();
    }

    public String eval(Double x) {
        return x == null ? null : x.toString();
    }

    public String eval(Boolean x) {
        return x == null ? null : x.toString();
    }

    public String eval(String x) {
        return x;
    }

    public String eval(byte[] x) {
        return x == null ? null : new String(x, StandardCharsets.UTF_8);
    }
}
