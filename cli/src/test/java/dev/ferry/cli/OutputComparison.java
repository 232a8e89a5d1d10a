package dev.ferry.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares Pig's and Flink's output lines: in order for an ORDERed result, as multisets otherwise.
 * Fields that are both doubles may differ in the last bits (summation order differs between the
 * engines), so they compare with a relative tolerance of 1e-9; every other field compares exactly.
 */
final class OutputComparison {

    private OutputComparison() {}

    /** Empty when equal, else a description of the first difference. */
    static String differences(List<String> expected, List<String> actual, boolean ordered, String delimiter) {
        List<String> e = new ArrayList<>(expected);
        List<String> a = new ArrayList<>(actual);
        if (!ordered) {
            e.sort(null);
            a.sort(null);
        }
        if (e.size() != a.size()) {
            return "Pig wrote " + e.size() + " lines, Flink " + a.size() + "\nPig:   " + head(e) + "\nFlink: " + head(a);
        }
        for (int i = 0; i < e.size(); i++) {
            if (!sameLine(e.get(i), a.get(i), delimiter)) {
                return "line " + (i + 1) + " differs\nPig:   " + e.get(i) + "\nFlink: " + a.get(i);
            }
        }
        return "";
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
