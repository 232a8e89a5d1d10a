package dev.ferry.cli;

import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Generated lines for the loaders whose input is not delimited text: JsonLoader (one JSON object a line, the fields
 * of its schema argument or of the AS), piggybank's CommonLogLoader and CombinedLogLoader (Apache access log lines)
 * and XMLLoader (one record of the tag it names a line). Values come from {@link VerifyInputs}'s vocabularies, so
 * keys meet as they do in delimited rows.
 */
final class TextFormats {

    /** One generated line of a loader's input. */
    @FunctionalInterface
    interface Format {
        String row(Random random);
    }

    private static final String COMMON_LOG = "CommonLogLoader";
    private static final String COMBINED_LOG = "CombinedLogLoader";
    private static final String XML_LOADER = "XMLLoader";
    private static final String[] HOSTS = {"10.0.0.1", "10.0.0.2", "192.168.1.7", "10.0.0.1", "host.example"};
    private static final String[] USERS = {"-", "-", "ann", "bob"};
    private static final String[] METHODS = {"GET", "GET", "POST", "HEAD"};
    private static final String[] URIS = {"/", "/index.html", "/a/b.gif", "/search?q=x%20y", "/index.html"};
    private static final String[] STATUSES = {"200", "200", "304", "404", "500"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux)", "curl/8.0", "-"};

    private TextFormats() {}

    /** The format of {@code load}'s loader, when it is one of these; empty for delimited text and the rest. */
    static Optional<Format> of(PigRelation.Load load, Map<String, String> params) {
        if (load.function() == null) {
            return Optional.empty();
        }
        // By class name, as the delimited loaders are: piggybank's (org.apache.pig.piggybank.storage[.apachelog]).
        String name = load.function().simpleName();
        List<String> args = load.function().arguments().stream()
                .map(a -> VerifyInputs.substitute(a, params))
                .toList();
        if (name.equals("JsonLoader")) {
            List<FieldSchema> schema = args.isEmpty()
                    ? load.schema()
                    : PigParser.schema(args.get(0), "JsonLoader").orElse(List.of());
            return schema.isEmpty() ? Optional.empty() : Optional.of(random -> json(schema, random));
        }
        if (name.equals(COMMON_LOG) || name.equals(COMBINED_LOG)) {
            boolean combined = name.equals(COMBINED_LOG);
            return Optional.of(random -> accessLog(combined, random));
        }
        if (name.equals(XML_LOADER) && args.size() == 1 && args.get(0).matches("[A-Za-z_][A-Za-z0-9_.:-]*")) {
            String tag = args.get(0);
            return Optional.of(random -> xml(tag, random));
        }
        return Optional.empty();
    }

    /** An object with the schema's fields in order; a field null one time in eight, as JsonStorage writes it. */
    private static String json(List<FieldSchema> schema, Random random) {
        List<String> members = new ArrayList<>();
        for (FieldSchema field : schema) {
            members.add(string(field.name()) + ":" + jsonValue(field.type(), field.fields(), random));
        }
        return "{" + String.join(",", members) + "}";
    }

    private static String jsonValue(PigType type, List<FieldSchema> inner, Random random) {
        if (random.nextInt(8) == 0) {
            return "null";
        }
        return switch (type) {
            case INT, LONG, BIGINTEGER -> VerifyInputs.pick(VerifyInputs.NUMBERS, random);
            case FLOAT, DOUBLE, BIGDECIMAL -> VerifyInputs.pick(VerifyInputs.DECIMALS, random);
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case TUPLE -> json(inner, random);
            case BAG -> {
                List<String> tuples = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    tuples.add(json(inner.isEmpty() ? List.of() : inner.get(0).fields(), random));
                }
                yield "[" + String.join(",", tuples) + "]";
            }
            case MAP -> "{\"k\":" + string(VerifyInputs.pick(VerifyInputs.WORDS, random)) + "}";
            case CHARARRAY, BYTEARRAY -> string(VerifyInputs.pick(VerifyInputs.WORDS, random));
            case DATETIME -> string("2026-0" + (1 + random.nextInt(3)) + "-1" + random.nextInt(3) + "T00:30:00.000Z");
        };
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * An access log line in the Common Log Format ({@code host ident user [time] "request" status bytes}), with
     * {@code "referer" "agent"} after it in the Combined one; a byte count of {@code -} now and then, as Apache writes
     * for none.
     */
    private static String accessLog(boolean combined, Random random) {
        String line = VerifyInputs.pick(HOSTS, random) + " - " + VerifyInputs.pick(USERS, random) + " [0"
                + (1 + random.nextInt(3)) + "/Jul/1995:0" + random.nextInt(10) + ":1" + random.nextInt(6)
                + ":0" + random.nextInt(10) + " -0400] \"" + VerifyInputs.pick(METHODS, random) + " "
                + VerifyInputs.pick(URIS, random) + " HTTP/1.0\" " + VerifyInputs.pick(STATUSES, random) + " "
                + (random.nextInt(8) == 0 ? "-" : String.valueOf(random.nextInt(5000)));
        return combined
                ? line + " \"" + (random.nextBoolean() ? "-" : "http://ref.example" + VerifyInputs.pick(URIS, random))
                        + "\" \"" + VerifyInputs.pick(AGENTS, random) + "\""
                : line;
    }

    /** One record of the tag: a few child elements, one with an attribute, values from the vocabularies. */
    private static String xml(String tag, Random random) {
        return "<" + tag + " id=\"" + VerifyInputs.pick(VerifyInputs.NUMBERS, random) + "\"><name>"
                + VerifyInputs.pick(VerifyInputs.WORDS, random) + "</name><value>"
                + VerifyInputs.pick(VerifyInputs.DECIMALS, random) + "</value></" + tag + ">";
    }
}
