package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads job.properties with exactly {@link java.util.Properties} semantics (escapes, continuation lines,
 * ':' or whitespace separators, '#'/'!' comments). The Oozie CLI reads it as text in the platform charset:
 * we read UTF-8 and fall back to ISO-8859-1 for files that are not valid UTF-8.
 */
public final class JobProperties {

    private JobProperties() {}

    /** Name to value, sorted by name; empty (with a diagnostic) when the file cannot be read. */
    public static SortedMap<String, String> load(Path file, String displayPath, Diagnostics diagnostics) {
        return XmlReader.bytes(file, displayPath, diagnostics)
                .map(bytes -> parse(decode(bytes), displayPath, diagnostics))
                .orElse(Collections.emptySortedMap());
    }

    /** Parses properties text; {@code displayPath} names it in diagnostics. */
    public static SortedMap<String, String> parse(String text, String displayPath, Diagnostics diagnostics) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            diagnostics.report(
                    DiagnosticCode.OOZ_E013,
                    SourceSpan.file(displayPath),
                    "properties file is malformed: " + e.getMessage());
            return Collections.emptySortedMap();
        }
        SortedMap<String, String> map = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        if (!PropertyExpansion.check(map, displayPath, text, diagnostics)) {
            return Collections.emptySortedMap();
        }
        return Collections.unmodifiableSortedMap(map);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
