package dev.ferry.runtime.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;

/**
 * Pig's COV and COR over bags of one-field tuples: for every pair of arguments i &lt; j, a tuple
 * {@code (var<i>, var<j>, value)} in a bag, computed as Pig's {@code exec} does. The sums run over
 * the first bag; the second is read alongside it. Whatever Pig's class catches gives null for the
 * whole call, as in Pig: a value that is not a double (Pig casts each to {@code Double}), a null
 * value or bag, a second bag shorter than the first. With no arguments the result is null.
 */
public final class PigCovariance {

    private PigCovariance() {}

    /** COV(bag, bag, ...): (n·Σxy − Σx·Σy) / n². */
    public static final class Cov extends Pairwise {
        @Override
        double value(double n, Sums s) {
            return (n * s.xy - s.x * s.y) / (n * n);
        }
    }

    /** COR(bag, bag, ...): (n·Σxy − Σx·Σy) / √((n·Σx² − (Σx)²)(n·Σy² − (Σy)²)). */
    public static final class Cor extends Pairwise {
        @Override
        double value(double n, Sums s) {
            return (n * s.xy - s.x * s.y) / Math.sqrt((n * s.xx - s.x * s.x) * (n * s.yy - s.y * s.y));
        }
    }

    /** The sums of one pair of bags, as Pig's {@code computeAll} accumulates them. */
    record Sums(double xy, double x, double y, double xx, double yy) {}

    /** What COV and COR share: the pairs, the sums, the failure rule and the result type. */
    public abstract static class Pairwise extends ScalarFunction {

        abstract double value(double n, Sums sums);

        public Row[] eval(Row[]... bags) {
            if (bags.length == 0) {
                return null;
            }
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < bags.length; i++) {
                for (int j = i + 1; j < bags.length; j++) {
                    Row[] first = bags[i];
                    if (first == null || bags[j] == null) {
                        return null;
                    }
                    Sums sums = sums(first, bags[j]);
                    if (sums == null) {
                        return null;
                    }
                    out.add(Row.of("var" + i, "var" + j, value(first.length, sums)));
                }
            }
            return out.toArray(Row[]::new);
        }

        /** Null where Pig's loop throws (and its caller answers null). */
        private static Sums sums(Row[] first, Row[] second) {
            double xy = 0;
            double x = 0;
            double y = 0;
            double xx = 0;
            double yy = 0;
            for (int k = 0; k < first.length; k++) {
                if (k >= second.length) {
                    return null;
                }
                Double a = firstDouble(first[k]);
                Double b = firstDouble(second[k]);
                if (a == null || b == null) {
                    return null;
                }
                xy += a * b;
                x += a;
                y += b;
                xx += a * a;
                yy += b * b;
            }
            return new Sums(xy, x, y, xx, yy);
        }

        private static Double firstDouble(Row tuple) {
            return tuple != null && tuple.getArity() > 0 && tuple.getField(0) instanceof Double d ? d : null;
        }

        @Override
        public TypeInference getTypeInference(DataTypeFactory typeFactory) {
            DataType result = DataTypes.ARRAY(DataTypes.ROW(
                                    DataTypes.FIELD("f0", DataTypes.STRING()),
                                    DataTypes.FIELD("f1", DataTypes.STRING()),
                                    DataTypes.FIELD("f2", DataTypes.DOUBLE()))
                            .bridgedTo(Row.class))
                    .bridgedTo(Row[].class);
            return TypeInference.newBuilder()
                    .inputTypeStrategy(
                            InputTypeStrategies.varyingSequence(InputTypeStrategies.logical(LogicalTypeRoot.ARRAY)))
                    .outputTypeStrategy(call -> Optional.of(result))
                    .build();
        }
    }
}
