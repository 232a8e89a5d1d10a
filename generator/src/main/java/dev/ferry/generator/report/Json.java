package dev.ferry.generator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * JSON as Ferry writes it: two-space indent, LF line ends, fields in declaration order, a final newline. Written
 * token by token through Jackson's streaming generator (a record's fields are its components, {@link Fields}), so a
 * run that only writes JSON never builds Jackson's object mapper, whose reflection over the report's records was a
 * good part of a one-app conversion's start-up; the text is the one the mapper wrote ({@code JsonTest} compares them).
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final DefaultPrettyPrinter DEFAULT_PRETTY = new DefaultPrettyPrinter();

    private Json() {}

    /** A record written as a JSON object: its components, named as declared, in declaration order. */
    public interface Fields {
        default void writeFields(JsonGenerator out) throws IOException {
            for (RecordComponent component : COMPONENTS.get(getClass())) {
                Object value;
                try {
                    value = component.getAccessor().invoke(this);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("a record's accessor is public and throws nothing", e);
                }
                field(out, component.getName(), value);
            }
        }
    }

    /** Each record class's components, read once (reading them copies the class's record attribute every time). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true); // a record nested in a package-private class
            }
            return components;
        }
    };

    /** The one mapper of a run, for reading JSON (built on first use: building one is much of Jackson's start-up). */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** The value as Jackson's default pretty printer writes it (the manifest's and apps.json's format), no newline. */
    public static String indented(Object value) {
        return text(DEFAULT_PRETTY, value, "");
    }

    /** The value (records of {@link Fields}, lists, maps, strings, numbers, booleans) as pretty-printed JSON, a final newline. */
    public static String write(Object value) {
        return text(PRETTY, value, "\n");
    }

    /** The value as one line of JSON safe to embed in an HTML {@code <script>} element. */
    public static String htmlSafe(Object value) {
        StringWriter out = new StringWriter();
        try {
            Mapper.HTML_SAFE.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One field of a {@link Fields} record: its name, then its value. */
    public static void field(JsonGenerator out, String name, Object value) throws IOException {
        out.writeFieldName(name);
        value(out, value);
    }

    /**
     * The value written into one growing buffer, then copied once into the result: a large report (tens of MB at
     * thousands of apps) costs about three times its size at the peak, where {@code writeValueAsString} held its
     * segments, their joined copy and the string (twice that in two-byte chars) and the final newline copied it again.
     */
    private static String text(DefaultPrettyPrinter printer, Object value, String end) {
        StringWriter out = new StringWriter(); // compact (one byte a char) while the text is Latin-1
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(printer.createInstance());
            value(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(end).toString();
    }

    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Fields record) {
            out.writeStartObject();
            record.writeFields(out);
            out.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                field(out, (String) entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                value(out, item);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for a " + value.getClass().getName());
        }
    }

    /** Jackson's object mapper, for reading and for {@link #htmlSafe}: built when first used. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        /** For JSON inside an HTML {@code <script>}: {@code < > & '} escaped so no input can close the element. */
        static final ObjectWriter HTML_SAFE =
                MAPPER.writer().with(new HtmlSafeEscapes()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028, 0x2029 -> new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
                default -> null;
            };
        }
    }
}
