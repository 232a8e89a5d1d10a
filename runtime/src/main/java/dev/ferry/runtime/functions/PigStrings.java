package dev.ferry.runtime.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.StringTokenizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * Pig's string builtins (org.apache.pig.builtin), each as Pig computes it: Java's String methods and
 * java.util.regex (Flink's REGEXP functions are Java regex too, but count, match and fail
 * differently). Where Pig catches an exception and warns, the function returns null.
 */
public final class PigStrings {

    private PigStrings() {}

    /** LAST_INDEX_OF(s, search): {@code String.lastIndexOf}, -1 when absent. */
    public static final class LastIndexOf extends ScalarFunction {
        public Integer eval(String s, String search) {
            return s == null || search == null ? null : s.lastIndexOf(search);
        }
    }

    /** REPLACE(s, regex, replacement): {@code String.replaceAll}; a bad pattern gives null. */
    public static final class Replace extends ScalarFunction {
        public String eval(String s, String regex, String replacement) {
            if (s == null || regex == null || replacement == null) {
                return null;
            }
            try {
                return s.replaceAll(regex, replacement);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** REGEX_EXTRACT(s, regex, group): the group of the first {@code find()}, null when none. */
    public static final class RegexExtract extends ScalarFunction {
        private transient String cachedRegex;
        private transient Pattern cached;

        public String eval(String s, String regex, Integer group) {
            if (s == null || regex == null || group == null) {
                return null;
            }
            Matcher m = pattern(regex).matcher(s);
            return m.find() && m.groupCount() >= group ? m.group(group) : null;
        }

        private Pattern pattern(String regex) {
            if (!regex.equals(cachedRegex)) {
                cached = Pattern.compile(regex);
                cachedRegex = regex;
            }
            return cached;
        }
    }

    /**
     * REGEX_EXTRACT_ALL(s, regex): every group when the whole string {@code matches()}, else null;
     * a tuple of unknown arity, so an ARRAY of strings (printed as a tuple).
     */
    public static final class RegexExtractAll extends ScalarFunction {
        public String[] eval(String s, String regex) {
            if (s == null || regex == null) {
                return null;
            }
            Matcher m = Pattern.compile(regex).matcher(s);
            if (!m.matches()) {
                return null;
            }
            String[] groups = new String[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.group(i + 1);
            }
            return groups;
        }
    }

    /** STRSPLIT(s[, regex[, limit]]): {@code String.split(regex, limit)} as a tuple (ARRAY). */
    public static final class StrSplit extends ScalarFunction {
        public String[] eval(String s) {
            return eval(s, "\\s", 0);
        }

        public String[] eval(String s, String regex) {
            return eval(s, regex, 0);
        }

        public String[] eval(String s, String regex, Integer limit) {
            if (s == null || regex == null || limit == null) {
                return null;
            }
            try {
                return s.split(regex, limit);
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
    }

    /**
     * REGEX_SEARCH(s, regex): a bag of group 1 of every match ({@code Matcher.find}), or null when
     * nothing matches. Pig fails the job on a bad pattern or one without a group; here it is null.
     */
    @FunctionHint(output = @DataTypeHint("ARRAY<ROW<match STRING>>"))
    public static final class RegexSearch extends ScalarFunction {
        public Row[] eval(String s, String regex) {
            if (s == null || regex == null) {
                return null;
            }
            try {
                Matcher m = Pattern.compile(regex).matcher(s);
                List<Object> found = new ArrayList<>();
                while (m.find()) {
                    found.add(m.group(1));
                }
                return found.isEmpty() ? null : PigBags.ofValues(found.toArray());
            } catch (PatternSyntaxException | IndexOutOfBoundsException e) {
                return null;
            }
        }
    }

    /** STRSPLITTOBAG(s[, regex[, limit]]): the same split as a bag of one-field tuples. */
    @FunctionHint(output = @DataTypeHint("ARRAY<ROW<f0 STRING>>"))
    public static final class StrSplitToBag extends ScalarFunction {
        public Row[] eval(String s) {
            return eval(s, "\\s", 0);
        }

        public Row[] eval(String s, String regex) {
            return eval(s, regex, 0);
        }

        public Row[] eval(String s, String regex, Integer limit) {
            String[] parts = new StrSplit().eval(s, regex, limit);
            return parts == null ? null : PigBags.ofValues(parts);
        }
    }

    /**
     * TOKENIZE(s[, delimiters]): {@code java.util.StringTokenizer} on space, double quote, comma,
     * parentheses and star by default; a bag of one-field tuples, empty tokens dropped.
     */
    @FunctionHint(output = @DataTypeHint("ARRAY<ROW<token STRING>>"))
    public static final class Tokenize extends ScalarFunction {
        public Row[] eval(String s) {
            return eval(s, " \",()*");
        }

        public Row[] eval(String s, String delimiters) {
            if (s == null) {
                return null;
            }
            StringTokenizer tokens = new StringTokenizer(s, delimiters == null ? " \",()*" : delimiters, false);
            List<String> out = new ArrayList<>();
            while (tokens.hasMoreTokens()) {
                out.add(tokens.nextToken());
            }
            return PigBags.ofValues(out.toArray(String[]::new));
        }
    }

    /** UCFIRST(s): the first character upper-cased with {@code Character.toUpperCase}. */
    public static final class UcFirst extends ScalarFunction {
        public String eval(String s) {
            if (s == null || s.isEmpty()) {
                return s;
            }
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** LCFIRST(s): the first character lower-cased with {@code Character.toLowerCase}. */
    public static final class LcFirst extends ScalarFunction {
        public String eval(String s) {
            if (s == null || s.isEmpty()) {
                return s;
            }
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** STARTSWITH(s, prefix). */
    public static final class StartsWith extends ScalarFunction {
        public Boolean eval(String s, String prefix) {
            return s == null || prefix == null ? null : s.startsWith(prefix);
        }
    }

    /** ENDSWITH(s, suffix). */
    public static final class EndsWith extends ScalarFunction {
        public Boolean eval(String s, String suffix) {
            return s == null || suffix == null ? null : s.endsWith(suffix);
        }
    }

    /** EqualsIgnoreCase(a, b): {@code String.equalsIgnoreCase}. */
    public static final class EqualsIgnoreCase extends ScalarFunction {
        public Boolean eval(String a, String b) {
            return a == null || b == null ? null : a.equalsIgnoreCase(b);
        }
    }

    /** TRIM(s): {@code String.trim}, which strips every character up to U+0020 (Flink's TRIM only spaces). */
    public static final class Trim extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : s.trim();
        }
    }

    /** LTRIM(s): leading spaces removed; tabs and other blanks stay (unlike TRIM). */
    public static final class LTrim extends ScalarFunction {
        private static final Pattern LEADING = Pattern.compile("^ +");

        public String eval(String s) {
            return s == null ? null : LEADING.matcher(s).replaceAll("");
        }
    }

    /** RTRIM(s): trailing spaces removed; tabs and other blanks stay (unlike TRIM). */
    public static final class RTrim extends ScalarFunction {
        private static final Pattern TRAILING = Pattern.compile(" +$");

        public String eval(String s) {
            return s == null ? null : TRAILING.matcher(s).replaceAll("");
        }
    }

    /** UPPER(s) / LOWER(s): {@code String.toUpperCase()} in the JVM's default locale, as Pig. */
    public static final class Upper extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : s.toUpperCase();
        }
    }

    /** LOWER(s). */
    public static final class Lower extends ScalarFunction {
        public String eval(String s) {
            return s == null ? null : s.toLowerCase();
        }
    }

    /** SPRINTF(format, args...): {@code String.format}; any null argument gives null. */
    public static final class Sprintf extends ScalarFunction {
        public String eval(String format, @DataTypeHint(inputGroup = InputGroup.ANY) Object... args) {
            if (format == null) {
                return null;
            }
            for (Object arg : args) {
                if (arg == null) {
                    return null;
                }
            }
            try {
                return String.format(format, args);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
