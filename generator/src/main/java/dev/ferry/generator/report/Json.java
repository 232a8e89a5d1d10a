package dev.ferry.generator.report;

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

/** JSON as Ferry writes it: two-space indent, LF line ends, fields in declaration order, a final newline. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectWriter WRITER = MAPPER.writer(PRETTY);
    private static final ObjectWriter DEFAULT_PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    /** For JSON inside an HTML {@code <script>}: {@code < > & '} escaped so no input can close the element. */
    private static final ObjectWriter HTML_SAFE =
            MAPPER.writer().with(new HtmlSafeEscapes()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    /** The one mapper of a run, for reading JSON too (building a mapper is much of Jackson's start-up). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The value as Jackson's default pretty printer writes it (the manifest's and apps.json's format), no newline. */
    public static String indented(Object value) {
        return text(DEFAULT_PRETTY, value, "");
    }

    /** The value (records, lists, maps) as pretty-printed JSON with a final newline. */
    public static String write(Object value) {
        return text(WRITER, value, "\n");
    }

    /** The value as one line of JSON safe to embed in an HTML {@code <script>} element. */
    public static String htmlSafe(Object value) {
        return text(HTML_SAFE, value, "");
    }

    /**
     * The value written into one growing buffer, then copied once into the result: a large report (tens of MB at
     * thousands of apps) costs about three times its size at the peak, where {@code writeValueAsString} held its
     * segments, their joined copy and the string (twice that in two-byte chars) and the final newline copied it again.
     */
    private static String text(ObjectWriter writer, Object value, String end) {
        StringWriter out = new StringWriter(); // compact (one byte a char) while the text is Latin-1
        try {
            writer.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(end).toString();
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
