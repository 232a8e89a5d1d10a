package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigScript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Constructs the parser understands but the Flink SQL translation does not handle yet are never
 * dropped: each one is a PIG-E020 error at its own line and column, naming the construct.
 */
class NotTranslatedYetTest {

    private static final String LOAD = "A = load 'in' using PigStorage(',') as (a:int, b:chararray);\n"
            + "B = load 'in2' using PigStorage(',') as (a:int, c:chararray);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            X = order A by a using org.example.Cmp;                | 3:5 | ORDER ... USING a comparator
            C = load 'in3' using PigStorage(','); D = foreach C generate $1 AS f; E = distinct D; X = foreach E generate COUNT(E.f); | 3:110 | COUNT of a bytearray value (Pig casts it to a bag when the job runs) is not translated yet
            X = foreach A { s = filter A by a > 0; generate a; }   | 3:17 | nested FILTER inside FOREACH
            X = stream A through `cat`;                            | 3:5 | STREAM is not translated yet, and cannot be as it is: it pipes the rows of 'A' through the command `cat`
            DEFINE c `sort -u` ship('x');                         | 3:1 | DEFINE c `sort -u` (a streaming command) is not translated yet, and cannot be
            REGISTER 'udfs.py' USING jython AS myfuncs;            | 3:1 | REGISTER of the jython UDFs in 'udfs.py' as 'myfuncs' is not translated yet, and cannot be as it is
            REGISTER 'lib/f.js' using javascript as js;            | 3:1 | REGISTER of the javascript UDFs in 'lib/f.js' as 'js'
            X = MAPREDUCE 'wc.jar' STORE A INTO 'tmp' LOAD 'out' AS (w:chararray) `wc tmp out`; | 3:5 | MAPREDUCE is not translated yet, and cannot be as it is: it runs the Hadoop job 'wc.jar'
            DEFINE f TOKENIZE(',');                                | 3:1 | DEFINE f TOKENIZE(','): a DEFINE of this builtin with constructor arguments is not translated yet
            DEFINE f org.apache.pig.builtin.Bloom('filter');       | 3:1 | DEFINE f org.apache.pig.builtin.Bloom('filter'): Bloom reads the first part file of the filter BuildBloom stored
            DEFINE b BuildBloom('jenkins', '100', '0.1');          | 3:1 | DEFINE b BuildBloom('jenkins', '100', '0.1'): the runtime computes Pig's filter (PIG_BUILDBLOOM
            DEFINE f InvokeForInt('a', 'String', 'true', 'x');     | 3:1 | DEFINE f InvokeForInt('a', 'String', 'true', 'x'): InvokeForInt takes 2 to 3 constructor argument(s)
            DEFINE f HiveUDF('upper');                             | 3:1 | DEFINE f HiveUDF('upper'): a Hive UDF (a GenericUDF, or a UDF through its bridge) runs on hive-exec's classes
            DEFINE f InvokerGenerator('java.lang.String', 'length', ''); | 3:1 | it generates a class per call site (ASM bytecode)
            X = foreach A generate InvokeForInt(b);                | 3:24 | InvokeForInt is translated where a DEFINE gives its constructor arguments
            DEFINE f InvokeForInt('com.acme.Util.parse', 'String'); X = foreach A generate f(b); | 3:10 | InvokeForInt('com.acme.Util.parse', 'String'): com.acme.Util is not a class of the JDK
            DEFINE f InvokeForInt('sun.nio.ch.Util.atBugLevel', 'String'); X = foreach A generate f(b); | 3:10 | sun.nio.ch.Util is not a public class of an exported JDK package
            DEFINE f InvokeForInt('java.lang.Integer.parseInt', 'String'); X = foreach A generate f(a); | 3:89 | InvokeForInt('java.lang.Integer.parseInt', 'String')'s argument 1 is a int, not the declared chararray: Pig fails the job with a ClassCastException
            DEFINE f InvokeForInt('java.lang.Integer.parseInt', 'String'); X = foreach A generate f(b, b); | 3:87 | is called with 2 argument(s) for 1 declared parameter(s): Pig fails the job
            DEFINE f InvokeForInt('java.lang.String.isEmpty', 'String', 'false'); X = foreach A generate f(b); | 3:94 | returns boolean, which Pig cannot type
            DEFINE f InvokeForString('java.lang.String.concat', 'String'); X = foreach A generate f(b); | 3:87 | names an instance method but says it is static: Pig fails the job
            DEFINE f InvokeForInt('java.lang.Math.abs', 'int int int', 'false'); X = foreach A generate f(a, a, a); | 3:93 | calls an instance method on a int
            X = foreach A generate CubeDimensions(a, b);           | 3:39 | CubeDimensions of a int dimension is not translated: Pig puts the chararray 'unknown' for a null one
            DEFINE c RollupDimensions('ALL'); X = foreach A generate c(b, a); | 3:63 | RollupDimensions of a int dimension
            fs -ls /tmp;                                           | 3:1 | fs -ls is not translated: of Hadoop's shell commands the job runs those that change files
            fs -cat /tmp/x;                                        | 3:1 | fs -cat is not translated: of Hadoop's shell commands the job runs those that change files
            fs -chmod 755 /tmp/x;                                  | 3:1 | fs -chmod is not translated
            fs -rm -r -f -x /tmp/x;                                | 3:1 | fs -rm -x is not translated: the job runs fs -rm with -R, -f, -r only
            fs -cp -p a b;                                         | 3:1 | fs -cp -p is not translated: the job runs fs -cp with -f only
            fs -mv a;                                              | 3:1 | fs -mv needs a source and a target
            fs;                                                    | 3:1 | fs  is not translated
            sh ls -l;                                              | 3:1 | sh is not translated: it runs a shell command on the machine running Pig, which a Flink SQL job does not do
            cat /tmp/x;                                            | 3:1 | cat is not translated: it prints files to Pig's console
            ls /tmp;                                               | 3:1 | ls is not translated: it lists a directory on Pig's console
            kill job_1;                                            | 3:1 | kill is not translated: it kills another Hadoop job
            cd /tmp;                                               | 3:1 | cd is not translated: it changes Grunt's working directory
            mkdir a b;                                             | 3:1 | mkdir takes one path, and this one has 2
            cp a;                                                  | 3:1 | cp takes two paths, and this one has 1
            rmf;                                                   | 3:1 | rmf without a path is not translated
            X = filter A by b matches a;                           | 3:17 | MATCHES with a pattern that is not a string literal
            X = load 'raw'; Y = foreach X generate TOTUPLE($2..);  | 3:48 | a field range to the last field as TOTUPLE's argument over a LOAD without AS
            X = join A by a, B by a; Y = rank X;                   | 3:30 | RANK without BY of a JOIN numbers its rows as Pig's reduce writes them
            X = cogroup A by a, B by a; Y = rank X;                | 3:33 | RANK without BY of a COGROUP numbers its rows by the key's bytes
            X = cross A, B; Y = rank X;                            | 3:21 | RANK without BY of a relation that is neither ORDERed nor a LOAD of text files
            store A into 'out/{a,b}';                              | 3:1 | STORE into a Hadoop glob
            store A into 'out/part-*';                             | 3:1 | STORE into a Hadoop glob
            store A into 'p1,p2';                                  | 3:1 | STORE into a Hadoop glob or a comma-separated list
            G = group A by b; X = foreach G { o = order A by a; c = cross o, A; generate COUNT(c); } | 3:53 | a nested CROSS or FOREACH of a bag ORDERed in the block
            G = group A by b; X = foreach G { f = foreach A generate flatten(TOBAG(a, a)); generate COUNT(f); } | 3:58 | a FLATTEN inside a nested FOREACH
            G = group A by b; X = foreach G { p = A.b; o = order p by $1; generate group, o; } | 3:59 | a nested ORDER of a projected bag by $1 (it has one field)
            X = foreach A generate (map[]) b; | 3:24 | casting chararray to map is not translated
            P = load 'p' using org.apache.pig.test.pigmix.udf.PigPerformanceLoader() as (u, m); X = foreach P generate (map[]) m; | 3:108 | load casters
            X = load 'b' as (b:bag{(d:datetime)}); | 3:25 | a datetime inside a loaded bag is not translated yet
            X = load 'b' as (b:bag{(i:bag{(m:map[int])})}); | 3:32 | a map of int values (map[int]) is not translated yet inside a loaded bag
            X = load 'b' as (t:tuple()); | 3:18 | a tuple field without the types of its tuples' fields
            X = load 'm' as (m:map[boolean]);                      | 3:18 | a map of boolean values (map[boolean]) is not translated yet
            X = load 'm' as (m:map[chararray]); Y = foreach X generate (map[int]) m; | 3:60 | a cast of a map of chararray values to map[int] (each value cast) is not translated yet
            X = load 'm' as (m:map[int]); Y = foreach X generate FLATTEN(m); | 3:54 | FLATTEN of a map (Pig gives a row per key and value
            Y = foreach A generate FLATTEN(STRSPLIT(b, ',')), TOBAG(a); | 3:51 | a bag beside a FLATTEN of a tuple of unknown width
            X = load 'raw'; Y = foreach X generate FLATTEN(TOTUPLE(*)), FLATTEN(STRSPLIT($0, ',')); | 3:40 | this item beside a FLATTEN of a tuple of unknown width
            X = foreach A generate (map[chararray]) TOMAP(b, a);   | 3:24 | a cast of a map of int values to map[chararray]
            X = foreach A generate TOMAP(b, a, b);                 | 3:24 | a map of an odd number of arguments (3) is not translated: Pig's TOMAP fails the job
            X = foreach A generate TOMAP(TOBAG(b));                | 3:24 | TOMAP of one argument
            X = foreach A generate TOMAP(b, a, b, b);              | 3:39 | a map whose values have different or complex types
            X = foreach A generate TOMAP(a, b);                    | 3:30 | a map key that is not a chararray
            X = foreach A generate b#'k';                          | 3:25 | a map lookup (#) on a chararray (Pig casts it to a map)
            X = foreach A generate {(a, b), (a)};                  | 3:24 | a bag constructor whose items have different types
            X = foreach A generate {(a), (TOMAP(b, b))};           | 3:24 | a bag constructor whose items have different types
            X = foreach A generate SUM(TOBAG(a, b));               | 3:24 | SUM of a bag value of bytearray tuples is not translated yet
            """)
    void reportedWhereItIs(String statement, String position, String message) {
        Diagnostic error = onlyError(LOAD + statement + "\nstore A into 'out' using PigStorage(',');\n");
        assertEquals("PIG-E020 t.pig:" + position, error.code().id() + " " + error.span());
        assertTrue(error.message().contains(message), error.message());
    }

    /** The one error of translating the script {@code text} (t.pig), which must not translate. */
    static Diagnostic onlyError(String text) {
        Diagnostics diagnostics = new Diagnostics();
        PigScript script = PigParser.parse(text, "t.pig", diagnostics)
                .orElseThrow(() -> new AssertionError(
                        diagnostics.sorted().stream().map(Diagnostic::format).toList()));
        Optional<?> job = PigToSql.translate(script, "job", diagnostics);
        assertTrue(job.isEmpty());
        List<Diagnostic> errors =
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }
}
