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

    boolean isTaken(String name) {
        return taken.contains(name.toLowerCase(Locale.ROOT));
    }

    static int editDistance(String a, String b) {
        return dev.ferry.diagnostics.DidYouMean.distance(a, b);
    }
}
