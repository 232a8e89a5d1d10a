package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A schema given as text (JsonLoader's argument, a UDF's getSchemaFromString) → its fields, or none. */
class PigSchemaTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two fields                       | a:int, b:chararray                 | a:int b:chararray
            nested tuple and bag             | t:tuple(x:int, y:chararray), b:{(z:long)} | t:tuple(x:int,y:chararray) b:bag(?:tuple(z:long))
            untyped field                    | a                                  | a:bytearray
            a second statement: none         | a:int); STORE x INTO 'y             | none
            a semicolon: none                | a:int; b:int                       | none
            an unmatched parenthesis: none   | a:int), (b:int                     | none
            a quote: none                    | a:chararray, 'b'                   | none
            not a schema: none               | a b c                              | none
            """)
    void readsOneSchemaOrNone(String name, String text, String expected) {
        assertEquals(
                expected,
                PigParser.schema(text, "s.pig")
                        .map(fields ->
                                fields.stream().map(PigSchemaTextTest::show).collect(Collectors.joining(" ")))
                        .orElse("none"));
    }

    @Test
    void fieldSpansAreInTheNamedFileOnLineOne() {
        assertEquals(
                "s.pig",
                PigParser.schema("a:int", "s.pig").orElseThrow().get(0).span().file());
        assertEquals(
                1,
                PigParser.schema("a:int", "s.pig").orElseThrow().get(0).span().line());
    }

    private static String show(FieldSchema f) {
        String head = (f.name() == null ? "?" : f.name()) + ":" + f.type().keyword();
        return f.fields().isEmpty()
                ? head
                : head + f.fields().stream().map(PigSchemaTextTest::show).collect(Collectors.joining(",", "(", ")"));
    }
}
