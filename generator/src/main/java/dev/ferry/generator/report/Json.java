package dev.ferry.generator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    /** For JSON inside an HTML {@code <script>}: {@code < > & '} escaped so no input can close the element. */
    private static final ObjectWriter HTML_SAFE = MAPPER.writer()
            .with(new HtmlSafeEscapes())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    /** The value (records, lists, maps) as pretty-printed JSON with a final newline. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as one line of JSON safe to embed in an HTML {@code <script>} element. */
    public static String htmlSafe(Object value) {
        try {
            return HTML_SAFE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
