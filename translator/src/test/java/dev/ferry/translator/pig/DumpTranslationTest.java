package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code DUMP alias} is a sink of the job (format DUMP, no path) with an INSERT; DESCRIBE, EXPLAIN and ILLUSTRATE only
 * print in Pig and are dropped with a warning; a script with neither STORE nor DUMP has no effect as a batch job.
 */
class DumpTranslationTest {

    private static final String LOAD = "r = LOAD 'in' AS (name:chararray, n:int);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // script after the LOAD | sinks (name:format:path) | diagnostics (code line; the file as line 1)
                "DUMP r;|r_dump:DUMP:null|",
                "DUMP r;\\nDUMP r;|r_dump:DUMP:null r_dump_2:DUMP:null|",
                "o = ORDER r BY n;\\nDUMP o;\\nSTORE r INTO 'out';|o_dump:DUMP:null r_store:PIG_STORAGE:out|",
                "DESCRIBE r;\\nDUMP r;|r_dump:DUMP:null|PIG-W001 2",
                "DESCRIBE r;\\nEXPLAIN r;\\nILLUSTRATE r;|none|PIG-E020 1 PIG-W001 2 PIG-W001 3 PIG-W001 4",
                "DUMP nowhere;|none|PIG-E010 2",
            })
    void dumpIsASinkOfTheJob(String body, String sinks, String expectedDiagnostics) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SqlJob> job = PigParser.parse(LOAD + body.replace("\\n", "\n") + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        assertEquals(
                sinks,
                job.map(j -> String.join(
                                " ",
                                j.sinks().stream()
                                        .map(t -> t.name() + ":" + t.format() + ":" + t.path())
                                        .toList()))
                        .orElse("none"));
        job.ifPresent(j -> assertEquals(
                j.sinks().stream().map(SqlJob.Table::name).toList(),
                j.inserts().stream().map(SqlJob.Insert::sink).toList()));
        List<String> found = diagnostics.sorted().stream()
                .map(d -> d.code().id() + " " + d.span().line())
                .toList();
        assertEquals(expectedDiagnostics == null ? "" : expectedDiagnostics, String.join(" ", found));
    }
}
