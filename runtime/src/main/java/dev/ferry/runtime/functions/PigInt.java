package dev.ferry.runtime.functions;

import dev.ferry.runtime.pig.ChararrayCasts;
import dev.ferry.runtime.pig.LoadCasts;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code PIG_INT(x)}: Pig's {@code (int)x}. From STRING (a chararray) it follows CastUtils, from BYTES (a
 * bytearray) the load casts of Utf8StorageConverter; a value Pig cannot convert is null, where
 * Flink's CAST fails the job.
 */
public final class PigInt extends ScalarFunction {

    public Integer eval(String x) {
        return x == null ? null : ChararrayCasts.toInteger(x);
    }

    public Integer eval(byte[] x) {
        return x == null ? null : LoadCasts.toInteger(new String(x, StandardCharsets.UTF_8));
    }
}
