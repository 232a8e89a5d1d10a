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

/** A DEFINEd Java UDF is a TODO naming the class, its arguments and, from its source in the repository, what it is. */
class JavaUdfTodoTest {

    @TempDir
    Path repo;

    @Test
    void theTodoNamesTheClassAndTheSignatureItsSourceDeclares() throws Exception {
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
        Path script = Files.writeString(repo.resolve("t.pig"), """
                REGISTER 'udfs/acme.jar';
                DEFINE hour com.acme.ExtractHour();
                DEFINE keep com.acme.UrlFilter('http');
                DEFINE other com.acme.NotHere();
                a = LOAD 'in' AS (t:chararray);
                STORE a INTO 'out';
                """);
        Diagnostics diagnostics = new Diagnostics();
        PigLoader.load(RepoRoot.of(repo), script, "t.pig", Optional.empty(), diagnostics)
                .flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        List<String> todos = diagnostics.sorted().stream()
                .filter(d -> d.message().startsWith("DEFINE") || d.message().startsWith("REGISTER"))
                .map(d -> d.span() + " " + d.code().id() + " " + d.message())
                .toList();
        assertEquals(
                List.of(
                        "t.pig:1:1 PIG-W001 REGISTER 'udfs/acme.jar' ships code to Pig's tasks; the Flink job loads no jar",
                        "t.pig:2:1 PIG-E020 DEFINE hour com.acme.ExtractHour(): the Java UDF com.acme.ExtractHour (EvalFunc<Integer>, source"
                                + " udfs/src/main/java/com/acme/ExtractHour.java) is not translated yet: it needs the runtime adapter that runs"
                                + " Pig UDFs inside Flink, or its port to a Flink ScalarFunction returning Integer",
                        "t.pig:3:1 PIG-E020 DEFINE keep com.acme.UrlFilter('http'): the Java UDF com.acme.UrlFilter (FilterFunc, Algebraic, source"
                                + " udfs/src/main/java/com/acme/UrlFilter.java) is not translated yet: it needs the runtime adapter that runs"
                                + " Pig UDFs inside Flink, or its port to a Flink function",
                        "t.pig:4:1 PIG-E020 DEFINE other com.acme.NotHere(): the Java UDF com.acme.NotHere (its source is not in the repository:"
                                + " a REGISTERed jar's class) is not translated yet: it needs the runtime adapter that runs Pig UDFs inside"
                                + " Flink, or its port to a Flink function"),
                todos);
    }
}
