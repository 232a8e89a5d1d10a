package dev.ferry.runtime.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.types.Row;

/**
 * {@code PIG_BAG_SORT(bag, keys)}: the bag of a nested {@code ORDER b BY ...}, its tuples in the order Pig's
 * POSort gives them inside a FOREACH block. The keys are a literal: the tuple fields' positions, each followed by
 * 'a' (ascending) or 'd' (descending), comma separated ({@code 1d,0a}); 'A' and 'D' for a datetime, whose text is
 * compared by instant ({@link PigDateTimes#millis}) as Pig's DateTime.compareTo does. Pig compares a key's values by
 * DataType.compare: a null is below every value, so first ascending and last descending; the sort is stable
 * (Collections.sort), so tuples equal on the keys keep the order the bag had, which for a GROUP's bag is the
 * order its rows arrived in (Pig's and Flink's may differ there).
 */
public final class PigBagSort extends ScalarFunction {

    public Row[] eval(Row[] bag, String keys) {
        if (bag == null) {
            return null;
        }
        Row[] sorted = bag.clone();
        Arrays.sort(sorted, comparator(keys)); // stable, as Collections.sort
        return sorted;
    }

    static Comparator<Row> comparator(String keys) {
        List<Comparator<Row>> parts = new ArrayList<>();
        for (String key : keys.split(",")) {
            char order = key.isEmpty() ? ' ' : key.charAt(key.length() - 1);
            if (key.length() < 2 || "adAD".indexOf(order) < 0) {
                throw new ValidationException("PIG_BAG_SORT needs keys such as '1d,0a', got " + keys);
            }
            int field = Integer.parseInt(key.substring(0, key.length() - 1));
            boolean datetime = Character.isUpperCase(order);
            Comparator<Row> ascending = (x, y) -> compare(
                    value(x == null ? null : x.getField(field), datetime),
                    value(y == null ? null : y.getField(field), datetime));
            parts.add(Character.toLowerCase(order) == 'd' ? ascending.reversed() : ascending);
        }
        return parts.stream().reduce(Comparator::thenComparing).orElseThrow();
    }

    /** What a key compares: a datetime's instant, any other value itself. */
    private static Object value(Object field, boolean datetime) {
        return datetime && field != null ? (Object) PigDateTimes.millis(field.toString()) : field;
    }

    /** Pig's DataType.compare of two values of one type: a null is below every value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.sequence(
                        InputTypeStrategies.logical(LogicalTypeRoot.ARRAY),
                        InputTypeStrategies.explicit(DataTypes.STRING())))
                .outputTypeStrategy(
                        call -> Optional.of(call.getArgumentDataTypes().get(0)))
                .build();
    }
}
