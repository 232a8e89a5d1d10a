package dev.ferry.generator.preview;

import dev.ferry.secrets.SecretNames;
import dev.ferry.secrets.SecretText;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input files as the preview shows them: every secret value replaced by {@code <secret key>}, by the rules the
 * translator uses for what it writes ({@link SecretText}: NAME=VALUE, --option value, URL user-info), plus the two
 * shapes that hold a secret in a source file: an Oozie {@code <property>} with a secret name, an option and its value in two elements, an element named after a secret, and a Pig
 * {@code %declare}/{@code %default} of a secret parameter. A page is shared more freely than the repository. Line
 * breaks inside a replaced value are kept, so every line keeps its number.
 */
final class SourceRedaction {

    private static final Pattern XML_PROPERTY =
            Pattern.compile("(<name>\\s*)([^<\\s]+)(\\s*</name>\\s*<value>)([^<]*)(</value>)");
    private static final Pattern PIG_DECLARATION = Pattern.compile(
            "(?m)^(\\s*%(?:declare|default)\\s+)([A-Za-z_]\\w*)(\\s+)('(?:[^'\\\\\\n]|\\\\.)*'|\"[^\"\\n]*\"|\\S+)");

    /** {@code <arg>--password</arg><arg>VALUE</arg>}: an option and its value in consecutive elements. */
    private static final Pattern SPLIT_OPTION =
            Pattern.compile("(>\\s*-{1,2}D?)([A-Za-z_][\\w.\\-]*)(\\s*</[\\w:.-]+>\\s*<[\\w:.-]+>)([^<]*)(<)");

    /** {@code <password>VALUE</password>} (hive2's): an element named after a secret. */
    private static final Pattern SECRET_ELEMENT = Pattern.compile("(<(?:[\\w.-]+:)?([\\w.-]+)\\s*>)([^<]*)(</)");

    private static final Pattern MARKUP_BOUNDARY = Pattern.compile("(?=<)|(?<=>)");

    private SourceRedaction() {}

    static String redact(String text) {
        // SecretText reads element text, not markup: each run between tags is redacted on its own, so a value
        // never runs into the closing tag after it.
        StringBuilder pieces = new StringBuilder();
        for (String piece : MARKUP_BOUNDARY.split(text, -1)) {
            pieces.append(SecretText.redact(piece));
        }
        String redacted = pieces.toString();
        redacted = replace(redacted, XML_PROPERTY, 2, 4);
        redacted = replace(redacted, SPLIT_OPTION, 2, 4);
        redacted = replace(redacted, SECRET_ELEMENT, 2, 3);
        return replace(redacted, PIG_DECLARATION, 2, 4);
    }

    /** Each match whose name group is a secret and whose value is not an EL/parameter reference: value replaced. */
    private static String replace(String text, Pattern pattern, int nameGroup, int valueGroup) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String name = m.group(nameGroup);
            String value = m.group(valueGroup).strip();
            String bare = value.replaceAll("^['\"]|['\"]$", "");
            if (!SecretNames.isSecret(name)
                    || bare.isEmpty()
                    || bare.startsWith("${")
                    || bare.startsWith("$")
                    || bare.startsWith("<secret ")) {
                continue;
            }
            String lineBreaks = "\n".repeat((int)
                    m.group(valueGroup).chars().filter(c -> c == '\n').count());
            out.append(text, last, m.start(valueGroup))
                    .append("<secret ")
                    .append(name.toLowerCase(Locale.ROOT))
                    .append('>')
                    .append(lineBreaks);
            last = m.end(valueGroup);
        }
        return out.append(text.substring(last)).toString();
    }

    /** {@code sources} with every text redacted. */
    static Function<String, java.util.Optional<String>> of(Function<String, java.util.Optional<String>> sources) {
        return file -> sources.apply(file).map(SourceRedaction::redact);
    }
}
