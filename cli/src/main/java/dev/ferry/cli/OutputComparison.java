package dev.ferry.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Compares Pig's and Flink's output lines: in order for an ORDERed result, as multisets otherwise.
 * Fields that are both doubles may differ in the last bits (summation order differs between the
 * engines), so they compare with a relative tolerance of 1e-9; every other field compares exactly.
 * This is the tolerance {@code ferry verify} documents. A bag's tuples compare as a multiset, at any
 * depth ({@code {(b),(a)}} agrees with {@code {(a),(b)}}): Pig's bags have no order (a GROUP's bag
 * holds its rows as the shuffle delivered them), so neither has Flink's; the order a nested ORDER
 * gives a bag is not checked.
 */
final class OutputComparison {

    /** Lines one side has more often than the other (exact text), at most {@code max} of each side. */
    static String multisetDiff(List<String> pig, List<String> flink, int max) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        pig.forEach(l -> counts.merge(canonicalBags(l), 1, Integer::sum));
        flink.forEach(l -> counts.merge(canonicalBags(l), -1, Integer::sum));
        List<String> out = new ArrayList<>();
        int pigOnly = 0;
        int flinkOnly = 0;
        for (var e : counts.entrySet()) {
            for (int i = 0; i < Math.abs(e.getValue()); i++) {
                if (e.getValue() > 0 && pigOnly++ < max) {
                    out.add("- " + e.getKey() + "    (Pig only)");
                } else if (e.getValue() < 0 && flinkOnly++ < max) {
                    out.add("+ " + e.getKey() + "    (Flink only)");
                }
            }
        }
        if (pigOnly > max || flinkOnly > max) {
            out.add("... " + pigOnly + " line(s) only in Pig, " + flinkOnly + " only in Flink");
        }
        return String.join("\n", out);
    }

    private OutputComparison() {}

    /**
     * {@link #differences(List, List, boolean, String)} for an output ORDERed by the fields at {@code sortKeys}:
     * rows that tie on those fields may come in any order (Pig and Flink break ties differently), so the
     * outputs agree when the sort fields agree line by line and the rows agree as multisets.
     */
    static String differences(List<String> expected, List<String> actual, List<Integer> sortKeys, String delimiter) {
        String rows = differences(expected, actual, false, delimiter);
        if (!rows.isEmpty()) {
            return rows;
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = project(expected.get(i), sortKeys, delimiter);
            String a = project(actual.get(i), sortKeys, delimiter);
            if (!sameLine(e, a, delimiter)) {
                return "line " + (i + 1) + " is out of order\nPig:   " + expected.get(i) + "\nFlink: " + actual.get(i);
            }
        }
        return "";
    }

    /** The fields at {@code fields}, each bag's tuples sorted ({@link #canonicalBags}): a bag has no order. */
    private static String project(String line, List<Integer> fields, String delimiter) {
        String[] all = canonicalBags(line).split(java.util.regex.Pattern.quote(delimiter), -1);
        List<String> kept = new ArrayList<>();
        for (int field : fields) {
            kept.add(field < all.length ? all[field] : "");
        }
        return String.join(delimiter, kept);
    }

    /** Empty when equal, else a description of the first difference. */
    static String differences(List<String> expected, List<String> actual, boolean ordered, String delimiter) {
        List<String> e = new ArrayList<>(
                expected.stream().map(OutputComparison::canonicalBags).toList());
        List<String> a = new ArrayList<>(
                actual.stream().map(OutputComparison::canonicalBags).toList());
        if (!ordered) {
            e.sort(null);
            a.sort(null);
        }
        if (e.size() != a.size()) {
            return "Pig wrote " + e.size() + " lines, Flink " + a.size() + "\nPig:   " + head(e) + "\nFlink: "
                    + head(a);
        }
        for (int i = 0; i < e.size(); i++) {
            if (!sameLine(e.get(i), a.get(i), delimiter)) {
                return "line " + (i + 1) + " differs\nPig:   " + e.get(i) + "\nFlink: " + a.get(i);
            }
        }
        return "";
    }

    /**
     * A LIMIT with no ORDER before it: Pig keeps <em>some</em> n rows of its input and does not say which, so
     * Flink's output agrees when it has as many rows as Pig's and is a sub-multiset of the LIMIT's input (as
     * Pig computed it). Empty when it agrees, else the first breach.
     */
    static String limitDifferences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
        if (pig.size() != flink.size()) {
            return "Pig kept " + pig.size() + " row(s), Flink " + flink.size() + "\nPig:   "
                    + head(sortedCanonical(pig)) + "\nFlink: " + head(sortedCanonical(flink));
        }
        return notContained(flink, input, delimiter);
    }

    /**
     * A LIMIT of an ORDERed relation (the sort fields at {@code sortKeys}): Pig keeps the first n rows of the order,
     * and which of the rows tied with the last one kept it does not say. Flink's output agrees when it has as many
     * rows as Pig's, its keys come line by line as Pig's, its rows whose key differs from the last key Pig kept equal Pig's as multisets, and its rows
     * with that key are rows of the ORDERed input (as Pig computed it) with that key. Empty when it agrees.
     */
    static String topNDifferences(
            List<String> pig, List<String> flink, List<String> input, List<Integer> sortKeys, String delimiter) {
        if (pig.size() != flink.size() || pig.isEmpty()) {
            return differences(pig, flink, false, delimiter);
        }
        for (int i = 0; i < pig.size(); i++) {
            String p = project(pig.get(i), sortKeys, delimiter);
            if (!sameLine(p, project(flink.get(i), sortKeys, delimiter), delimiter)) {
                return "line " + (i + 1) + " is out of order\nPig:   " + pig.get(i) + "\nFlink: " + flink.get(i);
            }
        }
        String cut = project(pig.get(pig.size() - 1), sortKeys, delimiter);
        java.util.function.Predicate<String> atCut = row -> sameLine(project(row, sortKeys, delimiter), cut, delimiter);
        String before = differences(
                pig.stream().filter(atCut.negate()).toList(),
                flink.stream().filter(atCut.negate()).toList(),
                false,
                delimiter);
        if (!before.isEmpty()) {
            return "before the last key kept: " + before;
        }
        return notContained(
                flink.stream().filter(atCut).toList(),
                input.stream().filter(atCut).toList(),
                delimiter);
    }

    /**
     * A SAMPLE of fraction {@code p} of an input of n rows: Pig keeps each row with probability p (its SAMPLE is
     * {@code FILTER BY RANDOM() < p}), so Flink's output agrees when it is a sub-multiset of the input and its count
     * lies within {@link #sampleBound} of n·p. Empty when it agrees, else the first breach.
     */
    static String sampleDifferences(List<String> flink, List<String> input, double p, String delimiter) {
        double[] bound = sampleBound(input.size(), p);
        if (flink.size() < bound[0] || flink.size() > bound[1]) {
            return "Flink kept " + flink.size() + " of " + input.size() + " row(s), outside the binomial bound ["
                    + (long) Math.ceil(bound[0]) + ", " + (long) Math.floor(bound[1]) + "] for p = " + p;
        }
        return notContained(flink, input, delimiter);
    }

    /**
     * RANK without BY of a SAMPLE of fraction {@code p}: the rows without their rank (the first field) are a SAMPLE
     * of the input ({@link #sampleDifferences}), the ranks are 1..n, each once, and they number the kept rows in the
     * input's order (Pig's RANK numbers the rows in the order it reads them, and its SAMPLE keeps that order). Empty
     * when {@code rows} agree, else the first breach.
     */
    static String rankedSampleDifferences(List<String> rows, List<String> input, double p, String delimiter) {
        TreeMap<Long, String> byRank = new TreeMap<>();
        for (String row : rows) {
            int cut = row.indexOf(delimiter);
            long rank;
            try {
                rank = Long.parseLong(cut < 0 ? row : row.substring(0, cut));
            } catch (NumberFormatException notARank) {
                return "a row whose first field is no rank: " + row;
            }
            if (byRank.put(rank, cut < 0 ? "" : row.substring(cut + delimiter.length())) != null) {
                return "the rank " + rank + " is given twice";
            }
        }
        if (!byRank.isEmpty() && (byRank.firstKey() != 1 || byRank.lastKey() != byRank.size())) {
            return "the ranks are not 1.." + byRank.size() + ": " + byRank.firstKey() + ".." + byRank.lastKey();
        }
        List<String> kept = new ArrayList<>(byRank.values());
        String sample = sampleDifferences(kept, input, p, delimiter);
        if (!sample.isEmpty()) {
            return sample;
        }
        // The earliest input row each one can be is the only choice that leaves the most rows for those after it.
        int next = 0;
        for (int i = 0; i < kept.size(); i++) {
            String row = canonicalBags(kept.get(i));
            while (next < input.size() && !sameLine(canonicalBags(input.get(next)), row, delimiter)) {
                next++;
            }
            if (next == input.size()) {
                return "rank " + (i + 1) + " numbers a row that does not follow the row of rank " + i
                        + " in the input's order: " + kept.get(i);
            }
            next++;
        }
        return "";
    }

    /**
     * A LIMIT of n inside a nested FOREACH block: of each input row's bag Pig keeps n tuples, the first n of its
     * ORDER when an ORDER comes just before it (any of the tuples tied with the last one kept), else any n. The
     * output's field {@code at} is that bag, or, {@code flattened}, the fields from {@code at} on are one of its
     * tuples; {@code keys} are the ORDER's fields in the tuple (none without ORDER). {@code full} is the same
     * FOREACH with no limit, computed by Pig. Flink's rows agree when, with each kept bag (each flattened tuple)
     * reduced to its tuples' keys, they equal Pig's as multisets (so as many tuples of each key as Pig kept:
     * without ORDER, as many tuples), and each row is one of {@code full}'s: flattened, a row of it; else a row with
     * the same other fields whose bag holds the kept one, a row of {@code full} to each. Pig's own rows are held
     * to the same, which checks the comparison's reading of the output's fields. Empty when they agree.
     */
    static String nestedLimitDifferences(
            List<String> pig,
            List<String> flink,
            List<String> full,
            int at,
            boolean flattened,
            List<Integer> keys,
            String delimiter) {
        String own = nestedLimitContained("Pig", pig, full, at, flattened, delimiter);
        if (!own.isEmpty()) {
            return "Pig's own rows do not read as this nested LIMIT's (the comparison's reading is wrong): " + own;
        }
        String kept = differences(
                pig.stream()
                        .map(r -> keptKeys(r, at, flattened, keys, delimiter))
                        .toList(),
                flink.stream()
                        .map(r -> keptKeys(r, at, flattened, keys, delimiter))
                        .toList(),
                false,
                delimiter);
        if (!kept.isEmpty()) {
            return "the rows with each kept tuple reduced to its " + (keys.isEmpty() ? "count" : "sort fields " + keys)
                    + " differ: " + kept;
        }
        return nestedLimitContained("Flink", flink, full, at, flattened, delimiter);
    }

    /**
     * A nested LIMIT of n of an ORDER whose kept tuples are projected to fields the ORDER's keys need not be among
     * ({@code urls = sorted.url; last = LIMIT urls n} or {@code GENERATE best.carrier} of {@code best = LIMIT best
     * n}): the output's field {@code at} is a bag of the kept tuples' fields {@code projection}. {@code full} is the
     * same FOREACH with that field the ORDER's whole bag (its tuples' fields, keys included), computed by Pig. Of a
     * bag of m tuples Pig keeps the first min(n, m) in the order of the fields {@code keys} ({@code descending} each),
     * and which of the tuples tied on the keys with the last one kept it does not say: a row agrees with a row of
     * {@code full} with the same other fields when its bag is, as a multiset, the projection of every tuple before
     * the last key kept and of as many tuples of that key as make min(n, m). Pig's and Flink's rows each must agree
     * with their own row of {@code full} (Pig's checks the comparison's reading: its key order compares numbers as
     * numbers, other text as text, an empty field (null) first). Empty when they agree.
     */
    static String projectedTopNDifferences(
            List<String> pig,
            List<String> flink,
            List<String> full,
            int at,
            List<Integer> projection,
            List<Integer> keys,
            List<Boolean> descending,
            long n,
            String delimiter) {
        if (pig.size() != flink.size()) {
            return differences(pig, flink, false, delimiter);
        }
        BiPredicate<String, String> fits =
                (row, whole) -> projectedTopN(row, whole, at, projection, keys, descending, n, delimiter);
        String own = matched(pig, full, fits, "Pig" + NOT_FIRST_TUPLES);
        if (!own.isEmpty()) {
            return "Pig's own rows do not read as this LIMIT of an ORDER (the comparison's reading is wrong): " + own;
        }
        return matched(flink, full, fits, "Flink" + NOT_FIRST_TUPLES);
    }

    /**
     * A FLATTEN of {@code TOP(n, i, bag)} (the fields from {@code at} on, the last ones): of each bag of m tuples Pig
     * keeps the min(n, m) largest on field i ({@code keys} [i], {@code descending} [true]), and which of the tuples
     * tied on it with the last one kept it does not say. {@code full} is the same FLATTEN of the whole bags, computed
     * by Pig. The rows are taken as groups of equal fields before {@code at} (one input row each, as a GROUP's key
     * makes them): Pig's and Flink's tuples of each group must each be the first of that group's tuples in {@code
     * full}, and no group may be one {@code full} lacks. Empty when they agree.
     */
    static String flattenedTopNDifferences(
            List<String> pig,
            List<String> flink,
            List<String> full,
            int at,
            List<Integer> keys,
            List<Boolean> descending,
            long n,
            String delimiter) {
        Map<String, List<List<String>>> whole = byPrefix(full, at, delimiter);
        String own = flattenedTopN("Pig", pig, whole, at, keys, descending, n, delimiter);
        if (!own.isEmpty()) {
            return "Pig's own rows do not read as this TOP (the comparison's reading is wrong): " + own;
        }
        return flattenedTopN("Flink", flink, whole, at, keys, descending, n, delimiter);
    }

    private static String flattenedTopN(
            String who,
            List<String> rows,
            Map<String, List<List<String>>> whole,
            int at,
            List<Integer> keys,
            List<Boolean> descending,
            long n,
            String delimiter) {
        Map<String, List<List<String>>> kept = byPrefix(rows, at, delimiter);
        for (var group : kept.entrySet()) {
            if (!whole.containsKey(group.getKey())) {
                return who + " wrote rows of a group that is not in the input: " + group.getKey();
            }
        }
        for (var group : whole.entrySet()) {
            List<String> tuples = kept.getOrDefault(group.getKey(), List.of()).stream()
                    .map(t -> "(" + String.join(",", t) + ")")
                    .toList();
            if (!firstOfOrder(tuples, group.getValue(), null, keys, descending, n)) {
                return who + "'s rows of the group " + group.getKey().replace(delimiter, " ")
                        + " are not its first tuples in the order of " + keys + ": " + tuples;
            }
        }
        return "";
    }

    /** The rows' fields from {@code at} on, by their fields before it. */
    private static Map<String, List<List<String>>> byPrefix(List<String> rows, int at, String delimiter) {
        Map<String, List<List<String>>> groups = new TreeMap<>();
        for (String row : rows) {
            List<String> fields = fields(canonicalBags(row), delimiter);
            int cut = Math.min(at, fields.size());
            groups.computeIfAbsent(String.join(delimiter, fields.subList(0, cut)), k -> new ArrayList<>())
                    .add(fields.subList(cut, fields.size()));
        }
        return groups;
    }

    private static final String NOT_FIRST_TUPLES =
            " wrote a row whose bag is not the first tuples of its input row's order (or more rows than there): ";

    /**
     * Empty when each row has its own row of {@code full} it {@code fits} (a bipartite matching), else {@code
     * unmatched} followed by the first row without one.
     */
    private static String matched(
            List<String> rows, List<String> full, BiPredicate<String, String> fits, String unmatched) {
        List<List<Integer>> candidates = new ArrayList<>();
        for (String row : rows) {
            List<Integer> fit = new ArrayList<>();
            for (int j = 0; j < full.size(); j++) {
                if (fits.test(row, full.get(j))) {
                    fit.add(j);
                }
            }
            candidates.add(fit);
        }
        int[] taken = new int[full.size()];
        Arrays.fill(taken, -1);
        for (int i = 0; i < rows.size(); i++) {
            if (!augment(i, candidates, taken, new boolean[full.size()])) {
                return unmatched + rows.get(i);
            }
        }
        return "";
    }

    /** Whether {@code row}'s bag at {@code at} is a LIMIT of n of {@code whole}'s, projected: see above. */
    private static boolean projectedTopN(
            String row,
            String whole,
            int at,
            List<Integer> projection,
            List<Integer> keys,
            List<Boolean> descending,
            long n,
            String delimiter) {
        List<String> r = fields(canonicalBags(row), delimiter);
        List<String> f = fields(canonicalBags(whole), delimiter);
        if (r.size() != f.size()
                || at >= r.size()
                || !r.get(at).startsWith("{")
                || !f.get(at).startsWith("{")) {
            return false;
        }
        for (int i = 0; i < f.size(); i++) {
            if (i != at && !sameLine(f.get(i), r.get(i), delimiter)) {
                return false;
            }
        }
        return firstOfOrder(
                bagTuples(r.get(at)),
                bagTuples(f.get(at)).stream().map(OutputComparison::tupleFields).toList(),
                projection,
                keys,
                descending,
                n);
    }

    /**
     * Whether {@code kept} (tuples' text) is, as a multiset, the first min(n, m) of the m {@code tuples} in the order
     * of their fields {@code keys} ({@code descending} each), any of those tied on the keys with the last one, each
     * projected to the fields {@code projection} (all of them when null).
     */
    private static boolean firstOfOrder(
            List<String> kept,
            List<List<String>> tuples,
            List<Integer> projection,
            List<Integer> keys,
            List<Boolean> descending,
            long n) {
        Comparator<List<String>> order = (x, y) -> {
            for (int k = 0; k < keys.size(); k++) {
                int c = compareField(pick(x, keys.get(k)), pick(y, keys.get(k)));
                if (c != 0) {
                    return descending.get(k) ? -c : c;
                }
            }
            return 0;
        };
        List<List<String>> sorted = tuples.stream().sorted(order).toList();
        int count = (int) Math.min(n, sorted.size());
        if (kept.size() != count) {
            return false;
        }
        if (count == 0) {
            return true;
        }
        List<String> last = sorted.get(count - 1);
        List<String> before = new ArrayList<>();
        List<String> beforeOrTied = new ArrayList<>();
        for (List<String> tuple : sorted) {
            int c = order.compare(tuple, last);
            String projected = projection == null
                    ? "(" + String.join(",", tuple) + ")"
                    : "("
                            + String.join(
                                    ",",
                                    projection.stream().map(p -> pick(tuple, p)).toList()) + ")";
            if (c < 0) {
                before.add(projected);
            }
            if (c <= 0) {
                beforeOrTied.add(projected);
            }
        }
        return notContained(before, kept, ",").isEmpty()
                && notContained(kept, beforeOrTied, ",").isEmpty();
    }

    private static String pick(List<String> tuple, int field) {
        return field < tuple.size() ? tuple.get(field) : "";
    }

    /** Pig's order of two printed fields: an empty one (null) first, numbers as numbers, other text as text. */
    private static int compareField(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return Boolean.compare(!x.isEmpty(), !y.isEmpty());
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y));
        } catch (NumberFormatException notNumbers) {
            return x.compareTo(y);
        }
    }

    /** The row with the bag at {@code at} (the fields from {@code at} on, flattened) reduced to its tuples' keys. */
    private static String keptKeys(String row, int at, boolean flattened, List<Integer> keys, String delimiter) {
        List<String> fields = fields(canonicalBags(row), delimiter);
        if (fields.size() <= at) {
            return row;
        }
        List<String> out = new ArrayList<>(fields.subList(0, at));
        if (flattened) {
            List<String> tuple = fields.subList(at, fields.size());
            keys.forEach(k -> out.add(k < tuple.size() ? tuple.get(k) : ""));
        } else {
            String bag = fields.get(at);
            List<String> reduced = new ArrayList<>();
            for (String tuple : bagTuples(bag)) {
                List<String> inner = tupleFields(tuple);
                reduced.add("("
                        + String.join(
                                ",",
                                keys.stream()
                                        .map(k -> k < inner.size() ? inner.get(k) : "")
                                        .toList()) + ")");
            }
            reduced.sort(null);
            out.add("{" + String.join(",", reduced) + "}");
            out.addAll(fields.subList(at + 1, fields.size()));
        }
        return String.join(delimiter, out);
    }

    /** Empty when each row is one of {@code full}'s (a row to each), as {@link #nestedLimitDifferences} says. */
    private static String nestedLimitContained(
            String who, List<String> rows, List<String> full, int at, boolean flattened, String delimiter) {
        if (flattened) {
            return notContained(who, rows, full, delimiter);
        }
        // A row to each: a bipartite matching of the rows to the full rows whose other fields are equal and whose bag
        // holds the row's (augmenting paths: rows of equal other fields may hold different bags).
        return matched(
                rows,
                full,
                (row, whole) -> holds(whole, row, at, delimiter),
                who + " wrote a row whose bag is not part of its input row's (or more rows than there): ");
    }

    private static boolean augment(int row, List<List<Integer>> candidates, int[] taken, boolean[] seen) {
        for (int j : candidates.get(row)) {
            if (!seen[j]) {
                seen[j] = true;
                if (taken[j] < 0 || augment(taken[j], candidates, taken, seen)) {
                    taken[j] = row;
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code full} has {@code row}'s fields but the bag at {@code at}, and a bag there holding row's. */
    private static boolean holds(String full, String row, int at, String delimiter) {
        List<String> f = fields(canonicalBags(full), delimiter);
        List<String> r = fields(canonicalBags(row), delimiter);
        if (f.size() != r.size() || f.size() <= at) {
            return false;
        }
        for (int i = 0; i < f.size(); i++) {
            if (i != at && !sameLine(f.get(i), r.get(i), delimiter)) {
                return false;
            }
        }
        if (!f.get(at).startsWith("{") || !r.get(at).startsWith("{")) {
            return false;
        }
        return notContained(bagTuples(r.get(at)), bagTuples(f.get(at)), ",").isEmpty();
    }

    private static List<String> fields(String line, String delimiter) {
        return List.of(line.split(java.util.regex.Pattern.quote(delimiter), -1));
    }

    /** The tuples of a bag's text ({@code {(a,1),(b,2)}}), none when it is not a bag. */
    private static List<String> bagTuples(String bag) {
        return bag.startsWith("{") && bag.endsWith("}") ? topLevel(bag.substring(1, bag.length() - 1)) : List.of();
    }

    /** The fields of a tuple's text ({@code (a,1)}); a text that is no tuple is its only field. */
    private static List<String> tupleFields(String tuple) {
        return tuple.startsWith("(") && tuple.endsWith(")")
                ? topLevel(tuple.substring(1, tuple.length() - 1))
                : List.of(tuple);
    }

    /** Standard deviations either side of n·p a SAMPLE's count may lie (a false DIFFER about once in 1.7 million). */
    static final double SAMPLE_SIGMAS = 5;

    /**
     * The counts a SAMPLE of fraction p of n rows may keep: n·p ± {@link #SAMPLE_SIGMAS} standard deviations of
     * the binomial distribution (sqrt(n·p·(1−p))), and at least ± 1 row; p outside [0, 1] is clamped as Pig's
     * comparison with RANDOM() does.
     */
    static double[] sampleBound(int n, double p) {
        double q = Math.min(1, Math.max(0, p));
        double spread = Math.max(1, SAMPLE_SIGMAS * Math.sqrt(n * q * (1 - q)));
        return new double[] {Math.max(0, n * q - spread), Math.min(n, n * q + spread)};
    }

    /** Empty when every row of {@code rows} is matched by its own row of {@code input}, else the first that is not. */
    static String notContained(List<String> rows, List<String> input, String delimiter) {
        return notContained("Flink", rows, input, delimiter);
    }

    /** {@link #notContained(List, List, String)} of the rows {@code who} wrote. */
    private static String notContained(String who, List<String> rows, List<String> input, String delimiter) {
        List<String> pool = new ArrayList<>(sortedCanonical(input));
        Map<String, Integer> exact = new java.util.HashMap<>();
        pool.forEach(l -> exact.merge(l, 1, Integer::sum));
        List<String> unmatched = new ArrayList<>();
        for (String row : sortedCanonical(rows)) {
            if (exact.getOrDefault(row, 0) > 0) {
                exact.merge(row, -1, Integer::sum);
                pool.remove(row);
            } else {
                unmatched.add(row);
            }
        }
        for (String row : unmatched) {
            // A double may differ in its last bits: the first close row left (doubles only: text matched above).
            int at = -1;
            for (int i = 0; i < pool.size() && at < 0; i++) {
                if (sameLine(pool.get(i), row, delimiter)) {
                    at = i;
                }
            }
            if (at < 0) {
                return who + " wrote a row that is not in the input (or more often than there): " + row;
            }
            exact.merge(pool.remove(at), -1, Integer::sum);
        }
        return "";
    }

    private static List<String> sortedCanonical(List<String> lines) {
        return lines.stream().map(OutputComparison::canonicalBags).sorted().toList();
    }

    /**
     * The text with the tuples of every bag ({@code {...}}) in sorted order, nested bags first; text
     * whose brackets do not balance stays as it is.
     */
    static String canonicalBags(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '{' ? closing(text, i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            List<String> tuples = new ArrayList<>();
            for (String tuple : topLevel(text.substring(i + 1, end))) {
                tuples.add(canonicalBags(tuple));
            }
            tuples.sort(null);
            out.append('{').append(String.join(",", tuples)).append('}');
            i = end + 1;
        }
        return out.toString();
    }

    /** The index of the bracket closing the one at {@code open}, or -1 when they do not balance. */
    private static int closing(String text, int open) {
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                stack.push(c);
            } else if (c == '}' || c == ')' || c == ']') {
                char expected = c == '}' ? '{' : c == ')' ? '(' : '[';
                if (stack.isEmpty() || stack.pop() != expected) {
                    return -1;
                }
                if (stack.isEmpty()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The comma-separated items of a bag's inside, split only outside nested brackets. */
    private static List<String> topLevel(String inside) {
        List<String> items = new ArrayList<>();
        if (inside.isEmpty()) {
            return items;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        items.add(inside.substring(start));
        return items;
    }

    private static boolean sameLine(String expected, String actual, String delimiter) {
        if (expected.equals(actual)) {
            return true;
        }
        String[] e = expected.split(java.util.regex.Pattern.quote(delimiter), -1);
        String[] a = actual.split(java.util.regex.Pattern.quote(delimiter), -1);
        if (e.length != a.length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            if (!e[i].equals(a[i]) && !closeDoubles(e[i], a[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean closeDoubles(String e, String a) {
        if (!(e.contains(".") || e.contains("E")) || !(a.contains(".") || a.contains("E"))) {
            return false;
        }
        try {
            double x = Double.parseDouble(e);
            double y = Double.parseDouble(a);
            return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    private static String head(List<String> lines) {
        return lines.subList(0, Math.min(5, lines.size())).toString();
    }
}
