package dev.ferry.translator.el;

/**
 * What an EL expression evaluates to, as far as the translator can tell. It decides whether Python's own
 * operator means what EL's does ({@code 1 + 2}, {@code 'a' == 'b'}) or the runtime's {@code el.*} helper must
 * apply EL's coercions, and whether {@code ${...}} can print the value as is.
 */
public enum ElType {
    /** A String (Oozie functions and job properties); prints as is. */
    STRING,
    /** A Long. */
    LONG,
    /** A Double: prints in Java's form ({@code 1.0E7}), so through {@code el.text}. */
    DOUBLE,
    /** A Long or a Double, decided at run time ({@code el.add} of two properties). */
    NUMBER,
    BOOLEAN,
    /** {@code null}. */
    NULL,
    /** A Map&lt;String, String&gt; (wf:actionData): an index gives a String. */
    STRING_MAP,
    /** hadoop:counters' Map&lt;String, Map&lt;String, Long&gt;&gt;. */
    COUNTER_GROUPS,
    /** One counter group: an index gives a Long, or null for a counter it does not hold. */
    COUNTERS,
    /** Anything else. */
    ANY;

    boolean numeric() {
        return this == LONG || this == DOUBLE || this == NUMBER;
    }

    /** Printed by {@code ${...}} exactly as Python's str() prints it. */
    boolean printsAsIs() {
        return this == STRING || this == LONG;
    }

    /** The type of {@code this[key]}. */
    ElType indexed() {
        return switch (this) {
            case STRING_MAP -> STRING;
            case COUNTER_GROUPS -> COUNTERS;
            default -> ANY; // a counter may be missing: null, so never compared as a Long
        };
    }
}
