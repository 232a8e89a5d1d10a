package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;

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
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
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

    private static String project(String line, List<Integer> fields, String delimiter) {
        String[] all = line.split(java.util.regex.Pattern.quote(delimiter), -1);
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
