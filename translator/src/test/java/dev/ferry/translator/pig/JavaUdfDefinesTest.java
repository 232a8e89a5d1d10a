package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a DEFINE of a Java UDF becomes, from the UDF's source in the repository: an EvalFunc of a type the adapter
 * converts, or a FilterFunc, translates; any other kind is a TODO naming the class, its arguments and what it is;
 * a class found nowhere is a bytearray with PIG-W040; a REGISTER that is not a jar of the repository is PIG-W041,
 * one that leaves it IO-E002.
 */
class JavaUdfDefinesTest {

    @TempDir
    Path tmp;

    @Test
    void eachDefineIsTranslatedOrReportedForWhatItIs() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path src = Files.createDirectories(repo.resolve("udfs/src/main/java/com/acme"));
        Files.writeString(src.resolve("ExtractHour.java"), """
                package com.acme;
                import org.apache.pig.EvalFunc;
                import org.apache.pig.data.Tuple;
                public class ExtractHour extends EvalFunc<Integer> {
                    public Integer exec(Tuple input) { return null; }
                }
                """);
        Files.writeString(src.resolve("UrlFilter.java"), """
                package com.acme;
                public class UrlFilter extends org.apache.pig.FilterFunc implements org.apache.pig.Algebraic {
                }
                """);
        Files.writeString(src.resolve("Pair.java"), """
                package com.acme;
                public class Pair extends org.apache.pig.EvalFunc<org.apache.pig.data.Tuple> {}
                """);
        Files.writeString(src.resolve("Attributes.java"), """
                package com.acme;
                import java.util.Map;
                public class Attributes extends org.apache.pig.EvalFunc<Map<String, Object>> {}
                """);
        Files.writeString(src.resolve("LogLoader.java"), """
                package com.acme;
                public class LogLoader extends org.apache.pig.LoadFunc {}
                """);
        Files.createDirectories(repo.resolve("scripts"));
        Files.write(repo.resolve("scripts/acme.jar"), new byte[0]);
        Files.write(tmp.resolve("outside.jar"), new byte[0]);
        Path script = Files.writeString(repo.resolve("scripts/t.pig"), """
                REGISTER 'acme.jar';
                REGISTER missing.jar;
                REGISTER hdfs:///lib/udfs.jar;
                REGISTER ../../outside.jar;
                REGISTER 'udfs.py' USING jython AS py;
                DEFINE hour com.acme.ExtractHour();
                DEFINE keep com.acme.UrlFilter('http');
                DEFINE other com.acme.NotHere();
                DEFINE pair com.acme.Pair();
                DEFINE attrs com.acme.Attributes();
                DEFINE logs com.acme.LogLoader('x');
                a = LOAD 'in' USING logs() AS (t:chararray);
                STORE a INTO 'out';
                """);
        Diagnostics diagnostics = new Diagnostics();
        PigLoader.load(RepoRoot.of(repo), script, "scripts/t.pig", Optional.empty(), diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        List<String> reported = diagnostics.sorted().stream()
                .map(d -> d.span() + " " + d.code().id() + " " + d.message())
                .toList();
        assertEquals(
                List.of(
                        "scripts/t.pig:2:1 PIG-W041 REGISTER missing.jar: no such file beside the script"
                                + " (scripts/missing.jar)",
                        "scripts/t.pig:3:1 PIG-W041 REGISTER hdfs:///lib/udfs.jar is not a jar file of the repository;"
                                + " a Java UDF from it needs the jar on the job's classpath another way",
                        "scripts/t.pig:4:1 PIG-W041 REGISTER ../../outside.jar is outside the repository (an absolute"
                                + " path, .. or a symbolic link); not read: a Java UDF from it needs the jar on the job's"
                                + " classpath another way",
                        "scripts/t.pig:5:1 PIG-E020 REGISTER of the jython UDFs in 'udfs.py' as 'py' is not translated yet,"
                                + " and cannot be as it is: Flink SQL runs Java functions only; port the functions to Java"
                                + " (a Flink ScalarFunction) or to Pig Latin",
                        "scripts/t.pig:8:1 PIG-W040 the result type of the Java UDF com.acme.NotHere is not known:"
                                + " neither its source nor a REGISTERed jar of the repository holds it; its result is read"
                                + " as a bytearray, Pig's default",
                        "scripts/t.pig:9:1 PIG-E020 DEFINE pair com.acme.Pair(): the Java UDF com.acme.Pair"
                                + " (EvalFunc<org.apache.pig.data.Tuple>, from udfs/src/main/java/com/acme/Pair.java) is not"
                                + " translated yet: the runtime's adapter runs EvalFuncs of a chararray, bytearray, number,"
                                + " boolean, datetime or bag and FilterFuncs; port it to a Flink function",
                        "scripts/t.pig:10:1 PIG-E020 DEFINE attrs com.acme.Attributes(): the Java UDF com.acme.Attributes"
                                + " (EvalFunc<Map<String,Object>>, from udfs/src/main/java/com/acme/Attributes.java) is not"
                                + " translated yet: the runtime's adapter runs EvalFuncs of a chararray, bytearray, number,"
                                + " boolean, datetime or bag and FilterFuncs; port it to a Flink function"),
                reported);
    }
}
