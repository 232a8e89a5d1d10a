package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names Pig 0.18 gives fields qualified by {@code ::} and how it resolves a name against them
 * ({@code LogicalSchema.getField}: the field whose whole name is the one written first, a field it ends only without
 * one). Each expected schema is what real Pig's DESCRIBE printed for the same statements (unnamed fields left out, as
 * PigStorage's '-schema' writes them without a name). Rows of these shapes are compared with real Pig in the cli's
 * PigQualifiedNamesDifferentialTest.
 */
class PigQualifiedNamesTest {

    private static final String LOAD = "a = LOAD 'in' AS (id:int, s:chararray, t:chararray);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            g = GROUP a BY (s, t); r = FOREACH g GENERATE FLATTEN(group), COUNT(a) AS n;                                                                                 | group::s:chararray, group::t:chararray, n:long
            g = GROUP a BY (s, t); c = FOREACH g GENERATE FLATTEN(group), COUNT(a) AS n; j = JOIN c BY group::s, a BY s; r = FOREACH j GENERATE c::group::t, group::s, a::t, id; | c::group::t:chararray, c::group::s:chararray, a::t:chararray, a::id:int
            b = FOREACH a GENERATE id, s; j = JOIN a BY id, b BY id; p = FOREACH j GENERATE a::id AS id, b::id, a::s; r = FOREACH p GENERATE id, s;                        | id:int, a::s:chararray
            g = GROUP a BY (s, t); c = FOREACH g GENERATE FLATTEN(group), COUNT(a) AS n; j = JOIN c BY group::s, a BY s; x = FOREACH j GENERATE c::group::s AS s, a::s, n; r = FOREACH x GENERATE s, a::s; | s:chararray, a::s:chararray
            g = GROUP a BY (s, t); c = FOREACH g GENERATE FLATTEN(group), COUNT(a) AS n; r = FOREACH c GENERATE s, group::t, n;                                         | group::s:chararray, group::t:chararray, n:long
            g = GROUP a BY (s, t); c = FOREACH g GENERATE FLATTEN(group) AS (x, y), COUNT(a) AS n; r = FOREACH c GENERATE y, x;                                         | y:chararray, x:chararray
            b = FOREACH a GENERATE id AS k, id * 2 AS v; j = JOIN a BY id LEFT OUTER, b BY k; g = GROUP j BY a::s; p = FOREACH g GENERATE group, j.b::v AS vs; r = FOREACH p GENERATE group, SUM(vs.b::v) AS total, MAX($1.b::v) AS top; | group:chararray, total:long, top:int
            """)
    void storedSchemaIsPigs(String statements, String schema) {
        SqlJob job = translated(statements);
        SqlJob.SchemaFiles files = job.sinks().get(0).partFiles().schemaFiles();
        assertEquals(
                schema,
                files.fields().stream().map(f -> f.name() + ":" + f.type()).collect(Collectors.joining(", ")));
    }

    private static SqlJob translated(String statements) {
        Diagnostics diagnostics = new Diagnostics();
        return PigParser.parse(
                        LOAD + statements + "\nSTORE r INTO 'out' USING PigStorage(',', '-schema');\n",
                        "t.pig",
                        diagnostics)
                .flatMap(script -> PigToSql.translate(script, "job", diagnostics))
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
    }
}
