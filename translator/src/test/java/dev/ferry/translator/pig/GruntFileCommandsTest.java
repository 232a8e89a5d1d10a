package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grunt's file commands become steps of the job in Pig's order: each runs after the STOREs before it (GruntParser
 * executes the batch first) and before those after it. A step reads {@code OPERATION[options] paths}, and the job's
 * statements and steps read in the order they run ({@code +sink} an INSERT). Run against real Pig in the cli's
 * PigFileCommandsDifferentialTest.
 */
class GruntFileCommandsTest {

    private static final String LOAD = "a = LOAD 'in' AS (n:int);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE a INTO 'o1'; fs -mkdir -p o2/x; STORE a INTO 'o2/x/y';   | +a_store MAKE_DIRECTORY[PARENTS,GLOB] o2/x +a_store_2
            mkdir o2; STORE a INTO 'o1';                                   | MAKE_DIRECTORY[PARENTS] o2 +a_store
            STORE a INTO 'o1'; cp o1 o2;                                   | +a_store COPY[OVERWRITE] o1 o2
            STORE a INTO 'o1'; fs -cp -f o1/part-* o2;                     | +a_store COPY[OVERWRITE,GLOB] o1/part-* o2
            STORE a INTO 'o1'; mv o1 o2; b = LOAD 'o2'; STORE b INTO 'o3'; | +a_store MOVE[] o1 o2 +b_store
            STORE a INTO 'o1'; fs -mv o1 o2 o3 dir;                        | +a_store MOVE[GLOB] o1 o2 o3 dir
            fs -put local.txt $IN; STORE a INTO 'o1';                      | COPY_FROM_LOCAL[GLOB] local.txt ${IN} +a_store
            copyFromLocal local.txt in; STORE a INTO 'o1';                 | COPY_FROM_LOCAL[OVERWRITE] local.txt in +a_store
            STORE a INTO 'o1'; fs -get o1 copy;                            | +a_store COPY_TO_LOCAL[GLOB] o1 copy
            STORE a INTO 'o1'; copyToLocal o1 copy;                        | +a_store COPY_TO_LOCAL[OVERWRITE] o1 copy
            STORE a INTO 'o1'; fs -touchz o1/_DONE o1/_READY;              | +a_store TOUCH[GLOB] o1/_DONE TOUCH[GLOB] o1/_READY
            rm old; STORE a INTO 'o1';                                     | REMOVE[RECURSIVE] old +a_store
            rmf old1 old2; STORE a INTO 'o1';                              | REMOVE[RECURSIVE,FORCE] old1 REMOVE[RECURSIVE,FORCE] old2 +a_store
            fs -rm old; STORE a INTO 'o1';                                 | REMOVE[GLOB] old +a_store
            fs -rm -f -skipTrash old; STORE a INTO 'o1';                   | REMOVE[FORCE,GLOB] old +a_store
            fs -rmr old*; STORE a INTO 'o1';                               | REMOVE[RECURSIVE,GLOB] old* +a_store
            rmf o1; STORE a INTO 'o1';                                     | +a_store
            rmf o1; mkdir o1; STORE a INTO 'o1';                           | REMOVE[RECURSIVE,FORCE] o1 MAKE_DIRECTORY[PARENTS] o1 +a_store
            fs -rm -r -f o1/*; STORE a INTO 'o1';                          | REMOVE[RECURSIVE,FORCE,GLOB] o1/* +a_store
            STORE a INTO 'o1'; fs -touchz o1/_DONE; rmf o1; STORE a INTO 'o2'; | +a_store TOUCH[GLOB] o1/_DONE REMOVE[RECURSIVE,FORCE] o1 +a_store_2
            """)
    void fileCommandsRunBetweenTheStoresAroundThem(String statements, String steps) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOAD + statements.replace("; ", ";\n") + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(steps, steps(job));
        assertEquals(
                List.of(),
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList());
    }

    /**
     * A LOAD of what a STORE wrote reads the stored rows directly, unless a file command touched the path (or a path
     * under or above it) in between: then it reads the files, which Pig wrote before the command.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STORE a INTO 'o1'; b = LOAD 'o1' AS (n:int); STORE b INTO 'o2';                          | in
            STORE a INTO 'o1'; fs -touchz o1/_DONE; b = LOAD 'o1' AS (n:int); STORE b INTO 'o2';     | in o1
            STORE a INTO 'o1/x'; fs -mkdir -p o1/y; b = LOAD 'o1/x' AS (n:int); STORE b INTO 'o2';   | in
            STORE a INTO 'o1/x'; fs -rm -r o1; b = LOAD 'o1/x' AS (n:int); STORE b INTO 'o2';        | in o1/x
            """)
    void aLoadOfAPathAFileCommandTouchedReadsItsFiles(String statements, String read) {
        Diagnostics diagnostics = new Diagnostics();
        SqlJob job = PigParser.parse(LOAD + statements.replace("; ", ";\n") + "\n", "t.pig", diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics))
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        assertEquals(read, job.sources().stream().map(SqlJob.Table::path).collect(Collectors.joining(" ")));
    }

    /** The steps and INSERTs in the order the job runs them. */
    private static String steps(SqlJob job) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= job.order().size(); i++) {
            for (SqlJob.FileCommand command : job.fileCommands()) {
                if (command.after() == i) {
                    out.add(command.operation() + "["
                            + command.options().stream()
                                    .sorted()
                                    .map(Enum::name)
                                    .collect(Collectors.joining(","))
                            + "] " + String.join(" ", command.paths()));
                }
            }
            if (i < job.order().size()) {
                String name = job.order().get(i);
                if (job.inserts().stream().anyMatch(insert -> insert.sink().equals(name))) {
                    out.add("+" + name);
                }
            }
        }
        return String.join(" ", out);
    }
}
