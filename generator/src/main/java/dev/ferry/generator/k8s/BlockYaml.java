package dev.ferry.generator.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The text SnakeYAML's dump prints (with {@link YamlDocuments}' options) for the documents whose every scalar is plain
 * printable ASCII, written directly instead of through SnakeYAML's representer, serializer and emitter (which cost
 * ~15% of a 1,000-app conversion). Anything else is left to SnakeYAML: {@link #print} answers empty when a string
 * needs quoting beyond {@code '...'} around a word YAML would read as another type (a {@code #}, {@code ": "}, a
 * quote, a leading or trailing space, a line break, a non-ASCII character, an indicator first), when a number would
 * not read back as itself, or for a shape other than maps of scalars, maps and lists of scalars and maps. Whether a
 * word is read as another type is asked of SnakeYAML's own {@link Resolver}; {@code BlockYamlTest} compares the two
 * printers on generated documents.
 */
final class BlockYaml {

    /** SnakeYAML prints a mapping key of 128 characters or more as an explicit {@code ? } key. */
    private static final int SIMPLE_KEY_LIMIT = 128;

    private static final Resolver RESOLVER = new Resolver();

    private final StringBuilder out = new StringBuilder();

    private BlockYaml() {}

    /** The document as SnakeYAML prints it, or empty when SnakeYAML must print it. */
    static Optional<String> print(Map<String, Object> document) {
        BlockYaml yaml = new BlockYaml();
        return !document.isEmpty() && yaml.mapping(document, 0, false)
                ? Optional.of(yaml.out.toString())
                : Optional.empty();
    }

    /**
     * The entries at {@code indent}; when {@code inItem} the first is already placed after a list item's {@code "- "}.
     */
    private boolean mapping(Map<?, ?> map, int indent, boolean inItem) {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || key.length() >= SIMPLE_KEY_LIMIT) {
                return false;
            }
            if (!(first && inItem)) {
                spaces(indent);
            }
            first = false;
            if (!scalar(key)) {
                return false;
            }
            out.append(':');
            if (!value(entry.getValue(), indent)) {
                return false;
            }
        }
        return true;
    }

    /** A mapping value after its {@code key:}, the key at {@code indent}. */
    private boolean value(Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append(" {}\n");
                return true;
            }
            out.append('\n');
            return mapping(map, indent + 2, false);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
                return true;
            }
            out.append('\n');
            return sequence(list, indent + 2);
        }
        out.append(' ');
        if (!scalar(value)) {
            return false;
        }
        out.append('\n');
        return true;
    }

    /** The items, each {@code "- "} at {@code indent}. */
    private boolean sequence(List<?> list, int indent) {
        for (Object item : list) {
            spaces(indent);
            out.append("- ");
            if (item instanceof Map<?, ?> map) {
                if (map.isEmpty() || !mapping(map, indent + 2, true)) {
                    return false;
                }
            } else if (item instanceof List<?> || !scalar(item)) {
                return false;
            } else {
                out.append('\n');
            }
        }
        return true;
    }

    private boolean scalar(Object value) {
        if (value instanceof String text) {
            if (!plainInBlock(text)) {
                return false;
            }
            if (RESOLVER.resolve(NodeId.scalar, text, true) == Tag.STR) {
                out.append(text);
            } else {
                // A word YAML reads as a boolean, a number, null, a date...: quoted to stay a string.
                out.append('\'').append(text).append('\'');
            }
            return true;
        }
        Tag tag;
        if (value instanceof Boolean) {
            tag = Tag.BOOL;
        } else if (value instanceof Integer || value instanceof Long) {
            tag = Tag.INT;
        } else if (value instanceof Double number && Double.isFinite(number)) {
            tag = Tag.FLOAT;
        } else {
            return false;
        }
        String text = value.toString();
        if (!plainInBlock(text) || RESOLVER.resolve(NodeId.scalar, text, true) != tag) {
            return false;
        }
        out.append(text);
        return true;
    }

    /**
     * Whether SnakeYAML's scalar analysis allows {@code text} plain in block context (so also single-quoted as is):
     * printable ASCII, no quote, no comment, no indicator where YAML would read one, no space at either end, not a
     * number with a leading zero.
     */
    static boolean plainInBlock(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        if (text.startsWith("---") || text.startsWith("...") || leadingZero(text)) {
            return false;
        }
        char first = text.charAt(0);
        if ("#,[]{}&*!|>'\"%@`?:".indexOf(first) >= 0) {
            return false;
        }
        if (first == '-' && (length == 1 || text.charAt(1) == ' ')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || c == '#' || c == '\'' || c == '"' || c == '\\') {
                return false;
            }
            if (c == ':' && (i + 1 == length || text.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** A number-like word with a leading zero ({@code 08}, {@code 0_9}): SnakeYAML quotes it though YAML 1.1 reads a string. */
    private static boolean leadingZero(String text) {
        if (text.length() < 2 || text.charAt(0) != '0') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private void spaces(int count) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
    }
}
