package dev.ferry.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognised by shape inside any text, with {@link SecretNames} deciding what a name means: an
 * assignment {@code NAME=VALUE} whose name is secret ({@code --password=x}, {@code -Ddb.password=x},
 * {@code DB_PASSWORD=x}, {@code TOKEN=x}, {@code ?password=x}), an option followed by its value
 * ({@code --password x}), Pig's {@code SET name value}, and the password of a URL's user-info ({@code jdbc:mysql://u:PASS@host}).
 * One rule for every channel: diagnostics (stderr, report) and the values the translator writes.
 */
public final class SecretText {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?<![\\w.-])((?:-{1,2}D?)?)([A-Za-z_][\\w.\\-]*)([=:])(\"[^\"]*\"|'[^']*'|[^\\s&;,'\"]+)");
    private static final Pattern OPTION =
            Pattern.compile("(?<![\\w.-])(--?)([A-Za-z_][\\w.\\-]*)(\\s+)([^\\s-][^\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//)([^/\\s:@]+):([^/\\s@]+)@");
    /** Pig's and Hive's {@code SET name value} (Hive's {@code SET name=value} is an assignment). */
    private static final Pattern SET =
            Pattern.compile("(?i)(?<![\\w.-])(set\\s+)([A-Za-z_][\\w.\\-]*)(\\s+)(\"[^\"]*\"|'[^']*'|[^\\s;'\"]+)");

    /** How {@link #redact} shows a secret: redacting a text twice changes nothing more. */
    private static final String REDACTED = "<secret ";

    private SecretText() {}

    /** One secret found: the key it is known by (for the reference and the warning) and where its value is. */
    public record Secret(String key, int start, int end) {}

    /** The secrets in {@code text}, in order, without overlaps. */
    public static List<Secret> find(String text) {
        List<Secret> found = new ArrayList<>();
        if (text.indexOf('=') < 0
                && text.indexOf(':') < 0
                && text.indexOf('-') < 0
                && !text.toLowerCase(Locale.ROOT).contains("set")) {
            return found; // each shape needs one of these (an assignment, an option, a URL's user-info, a SET)
        }
        // Each shape's name is its group 2 and its value its group 4.
        for (Pattern shape : List.of(ASSIGNMENT, OPTION, SET)) {
            Matcher m = shape.matcher(text);
            while (m.find()) {
                if (SecretNames.isSecret(m.group(2))
                        && !m.group(4).startsWith("${")
                        && !m.group(4).startsWith(REDACTED.strip())) {
                    add(found, new Secret(m.group(2), m.start(4), m.end(4)));
                }
            }
        }
        Matcher m = USER_INFO.matcher(text);
        while (m.find()) {
            if (!m.group(3).startsWith("${")) {
                add(found, new Secret(identifier(m.group(2)) + "_password", m.start(3), m.end(3)));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** {@code text} with each secret's value replaced by what {@code reference} gives for its key. */
    public static String replace(String text, Function<String, String> reference) {
        List<Secret> secrets = find(text);
        if (secrets.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Secret s : secrets) {
            out.append(text, last, s.start()).append(reference.apply(s.key()));
            last = s.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * A secret's key as an identifier (a job parameter's or an Airflow Variable's name): every character but
     * letters, digits and '_' becomes '_', and a leading digit gets a '_' before it.
     */
    public static String identifier(String key) {
        String name = key.replaceAll("[^A-Za-z0-9_]", "_");
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /** For messages: each secret value becomes {@code <secret KEY>}. */
    public static String redact(String text) {
        return text == null ? null : replace(text, key -> REDACTED + key.toLowerCase(Locale.ROOT) + ">");
    }

    private static void add(List<Secret> found, Secret secret) {
        for (Secret s : found) {
            if (secret.start() < s.end() && s.start() < secret.end()) {
                return;
            }
        }
        found.add(secret);
    }
}
