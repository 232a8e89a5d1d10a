package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The path of one LOAD or STORE statement is rewritten there, by value, and nowhere else. */
class ScriptPathsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "the statement's literal",
                        "a = LOAD 'in' AS (x);\nSTORE a INTO 'out';\n",
                        1,
                        5,
                        "in",
                        Optional.of("a = LOAD '/s/p' AS (x);\nSTORE a INTO 'out';\n")),
                Arguments.of(
                        "a later statement's same path is left alone",
                        "a = LOAD 'p';\nb = LOAD 'p';\n",
                        2,
                        5,
                        "p",
                        Optional.of("a = LOAD 'p';\nb = LOAD '/s/p';\n")),
                Arguments.of(
                        "a path spelled with escapes compares by value",
                        "a = LOAD 'd\\u0041ta' USING PigStorage('\\t');\n",
                        1,
                        5,
                        "dAta",
                        Optional.of("a = LOAD '/s/p' USING PigStorage('\\t');\n")),
                Arguments.of(
                        "a quote in the replacement is escaped",
                        "STORE a INTO 'o';\n",
                        1,
                        1,
                        "o",
                        Optional.of("STORE a INTO '/s/it\\'s';\n")),
                Arguments.of(
                        "a commented-out path is skipped",
                        "a = LOAD /* 'p' */ 'p';\n",
                        1,
                        5,
                        "p",
                        Optional.of("a = LOAD /* 'p' */ '/s/p';\n")),
                Arguments.of(
                        "a path not in the statement is not taken from the next one",
                        "a = LOAD '$p' AS (n);\nb = LOAD 'x';\n",
                        1,
                        5,
                        "x",
                        Optional.empty()),
                Arguments.of(
                        "a literal left open before the path ends the search",
                        "a = LOAD 'x\n' 'p';\n",
                        1,
                        5,
                        "p",
                        Optional.empty()),
                Arguments.of(
                        "a literal left open after the path does not undo it",
                        "a = LOAD 'p' 'x\n';\n",
                        1,
                        5,
                        "p",
                        Optional.of("a = LOAD '/s/p' 'x\n';\n")),
                Arguments.of(
                        "a span of another file (a macro's) is not in this text",
                        "a = LOAD 'x';\n",
                        1,
                        5,
                        "x",
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replacesOnlyTheStatementsLiteral(
            String name, String text, int line, int column, String path, Optional<String> expected) {
        String file = name.contains("another file") ? "macros.pig" : "job.pig";
        String replacement = name.contains("quote") ? "/s/it's" : "/s/p";
        assertEquals(
                expected, ScriptPaths.replace(text, "job.pig", SourceSpan.of(file, line, column), path, replacement));
    }

    /** A path a macro call passes: replaced where the script spells it once, never when it spells it twice. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "passed once to a macro|DEFINE save(r, p) RETURNS void { STORE $r INTO '$p'; };\\nsave(A, 'o/x');|o/x"
                        + "|DEFINE save(r, p) RETURNS void { STORE $r INTO '$p'; };\\nsave(A, '/s/p');",
                "spelled twice|save(A, 'o/x');\\nsave(B, 'o/x');|o/x|",
                "once, and once in a comment|-- save(A, 'o/x')\\nsave(A, 'o/x');|o/x|-- save(A, 'o/x')\\nsave(A, '/s/p');",
                "not spelled|save(A, '$OUT');|o/x|",
                "a literal left open anywhere|save(A, 'o/x');\\nx = 'open;|o/x|"
            })
    void aPathSpelledOnceInTheScriptIsReplacedThere(String name, String text, String path, String expected) {
        assertEquals(
                Optional.ofNullable(expected).map(e -> e.replace("\\n", "\n")),
                ScriptPaths.replaceUnique(text.replace("\\n", "\n"), path, "/s/p"));
    }
}
