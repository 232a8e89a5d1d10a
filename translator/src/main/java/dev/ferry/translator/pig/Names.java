package dev.ferry.translator.pig;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Picks SQL names: unique within a view (case-insensitively, as Flink compares them) and readable. */
final class Names {

    private final Set<String> taken = new HashSet<>();

    /** {@code base}, or {@code base_2}, {@code base_3}... when it is taken. */
    String unique(String base) {
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
