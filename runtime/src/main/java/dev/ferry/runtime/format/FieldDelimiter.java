package dev.ferry.runtime.format;

import org.apache.flink.table.api.ValidationException;

/**
 * The byte that separates fields, read from the {@code pig-storage.field-delimiter} option the way
 * Pig reads {@code PigStorage('...')}'s argument.
 *
 * <p>Mirrors {@code org.apache.pig.impl.util.StorageUtil.parseFieldDel} (Pig 0.18): one character,
 * or an escape spelled out: {@code \t}, {@code \xHH} (hex) or {@code \\uNNNN}. Pig reads the digits
 * after {@code \\u} as <em>decimal</em> ({@code Integer.valueOf(s)}, no radix), so {@code \\u0001}
 * is byte 1 and {@code \\u44} is ','; and it keeps only the low byte of the character
 * ({@code (byte) c}), because PigStorage compares raw bytes of the line.
 */
public final class FieldDelimiter {

    /** PigStorage's default delimiter. */
    public static final String DEFAULT = "\t";

    private FieldDelimiter() {}

    /** Parses the option value; throws a {@link ValidationException} for values Pig rejects. */
    public static byte parse(String option) {
        if (option == null || option.isEmpty()) {
            throw new ValidationException("pig-storage.field-delimiter must not be empty");
        }
        String delimiter = stripSingleQuotes(option);
        if (delimiter.length() == 1) {
            return (byte) delimiter.charAt(0);
        }
        if (delimiter.isEmpty() || delimiter.charAt(0) != '\\') {
            throw new ValidationException(
                    "pig-storage.field-delimiter must be a single character or an escape like \\t,"
                            + " \\x01, \\u0001; got '" + option + "'");
        }
        String digits = delimiter.substring(2);
        try {
            switch (delimiter.charAt(1)) {
                case 't':
                    return (byte) '\t';
                case 'x':
                    return Integer.valueOf(digits, 16).byteValue();
                case 'u':
                    return Integer.valueOf(digits).byteValue();
                default:
                    throw new ValidationException("pig-storage.field-delimiter: unknown escape '" + option + "'");
            }
        } catch (NumberFormatException e) {
            throw new ValidationException("pig-storage.field-delimiter: bad number in escape '" + option + "'");
        }
    }

    /** {@code StorageUtil.parseSingleQuotedString}: 'x' stands for x; anything else is kept. */
    private static String stripSingleQuotes(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start++) != '\'') {
            // skip to just past the first quote
        }
        int end = start;
        while (end < s.length() && s.charAt(end) != '\'') {
            if (s.charAt(end) == '\\') {
                end++;
            }
            end++;
        }
        return end < s.length() ? s.substring(start, end) : s;
    }
}
