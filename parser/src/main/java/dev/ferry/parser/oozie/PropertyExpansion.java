package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits of {@code ${name}} expansion among properties, checked once per properties file without
 * expanding anything: a value may refer to others at most {@link #MAX_DEPTH} levels deep (Hadoop's
 * Configuration stops substituting there too) and expand to at most {@link #MAX_LENGTH} characters, so
 * {@code a=${b}${b}...} chains cannot grow exponentially wherever Ferry or the runtime expands them.
 * A reference to itself (directly or through others) stays literal, as in Hadoop.
 */
public final class PropertyExpansion {

    public static final int MAX_DEPTH = 20;
    public static final long MAX_LENGTH = 1_000_000;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}\\s]+)}");

    private PropertyExpansion() {}

    /** Reports IO-E003 for each property past a limit; returns whether all are within them. */
    public static boolean check(
            Map<String, String> properties, String displayPath, String text, Diagnostics diagnostics) {
        Map<String, Long> lengths = new HashMap<>();
        boolean ok = true;
        for (String name : properties.keySet()) {
            long length;
            try {
                length = length(name, properties, lengths, new HashSet<>());
            } catch (TooDeep e) {
                diagnostics.report(
                        DiagnosticCode.IO_E003,
                        span(displayPath, text, name),
                        "property '" + name + "' refers to other properties more than " + MAX_DEPTH + " levels deep",
                        "Hadoop stops substituting at " + MAX_DEPTH + " levels; flatten the chain");
                ok = false;
                continue;
            }
            if (length > MAX_LENGTH) {
                diagnostics.report(
                        DiagnosticCode.IO_E003,
                        span(displayPath, text, name),
                        "property '" + name + "' expands to more than " + MAX_LENGTH + " characters",
                        "its ${...} references multiply; write the value out");
                ok = false;
            }
        }
        return ok;
    }

    private static final class TooDeep extends Exception {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** The expanded length (capped just above the limit), each property computed once. */
    private static long length(
            String name, Map<String, String> properties, Map<String, Long> lengths, Set<String> resolving)
            throws TooDeep {
        Long known = lengths.get(name);
        if (known != null) {
            return known;
        }
        if (resolving.size() > MAX_DEPTH) {
            throw new TooDeep();
        }
        String value = properties.get(name);
        resolving.add(name);
        long length = 0;
        Matcher m = REFERENCE.matcher(value);
        int last = 0;
        while (m.find()) {
            length += m.start() - last;
            last = m.end();
            String ref = m.group(1);
            length += properties.containsKey(ref) && !resolving.contains(ref)
                    ? length(ref, properties, lengths, resolving)
                    : m.group().length();
            length = Math.min(length, MAX_LENGTH + 1);
        }
        length = Math.min(length + value.length() - last, MAX_LENGTH + 1);
        resolving.remove(name);
        lengths.put(name, length);
        return length;
    }

    /** The line that defines {@code name}, for the diagnostic; the file's start when it cannot be told. */
    private static SourceSpan span(String displayPath, String text, String name) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(name)
                    && (line.length() == name.length() || "=: \t".indexOf(line.charAt(name.length())) >= 0)) {
                return SourceSpan.of(displayPath, i + 1, 1);
            }
        }
        return SourceSpan.file(displayPath);
    }
}
