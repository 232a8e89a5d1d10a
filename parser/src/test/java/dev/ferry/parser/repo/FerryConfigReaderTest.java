package dev.ferry.parser.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.repo.FerryConfig.Entry;
import dev.ferry.parser.repo.FerryConfig.Sizing;
import java.io.StringReader;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ferry.yaml → what it configures, or FERRY-E010 at the line and column of the problem (and nothing applied). */
class FerryConfigReaderTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private FerryConfig parse(String yaml) {
        return FerryConfigReader.parse(new StringReader(yaml), "ferry.yaml", diagnostics);
    }

    @Test
    void everyLevelKeepsOnlyTheFieldsItSets() {
        FerryConfig config = parse("""
                submissions:
                  conf/daily.properties: apps/daily
                sizing:
                  parallelism: 4
                  taskManagerMemory: 4g
                  dags:
                    daily:
                      jobManagerMemory: 2048m
                      tasks:
                        aggregate: {parallelism: 16}
                """);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(
                new Entry<>("apps/daily", SourceSpan.of("ferry.yaml", 2, 3)),
                config.submissions().get("conf/daily.properties"));
        Sizing repo = config.sizing();
        assertEquals(new Sizing(4, null, "4g", repo.dags(), new TreeMap<>()), repo);
        Entry<Sizing> daily = repo.dags().get("daily");
        assertEquals(SourceSpan.of("ferry.yaml", 7, 5), daily.span());
        Sizing task = daily.value().tasks().get("aggregate").value();
        assertEquals(
                new Sizing(16, "2048m", "4g", new TreeMap<>(), new TreeMap<>()),
                task.over(daily.value().over(repo)));
    }

    @Test
    void anEmptyFileConfiguresNothing() {
        assertEquals(FerryConfig.NONE, parse(""));
        assertEquals(List.of(), diagnostics.sorted());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # ferry.yaml (\\n = new line)                                | line:col | message starts with
            sizes: {}                                                   | 1:1      | unknown key 'sizes' in the file
            sizing:\\n  parallelism: 0                                  | 2:16     | sizing.parallelism must be a whole number
            sizing:\\n  parallelism: many                               | 2:16     | sizing.parallelism must be a whole number
            sizing:\\n  parallelism: 99999                              | 2:16     | sizing.parallelism must be a whole number
            sizing:\\n  taskManagerMemory: lots                         | 2:22     | sizing.taskManagerMemory must be a memory size
            sizing:\\n  tasks: {}                                       | 2:3      | unknown key 'tasks' in sizing
            sizing:\\n  dags:\\n    d:\\n      dags: {}                 | 4:7      | unknown key 'dags' in sizing.dags.d
            sizing:\\n  dags:\\n    d:\\n      tasks:\\n        t:\\n          tasks: {} | 6:11 | unknown key 'tasks' in sizing.dags.d.tasks.t
            sizing:\\n  parallelism: 2\\n  parallelism: 3              | 3:3      | 'parallelism' is given twice in sizing
            sizing:\\n  parallelism: [2]                                | 2:16     | sizing.parallelism must be a single value
            sizing: 4                                                   | 1:9      | sizing must be a mapping
            submissions:\\n  a.properties:                              | 2:16     | the application of a.properties must be a single value
            - a                                                         | 1:1      | the file must be a mapping
            'sizing: {parallelism: 2'                                   | 1:24     | not valid YAML
            a: &x 1\\nb: *x                                             | 1:1      | unknown key 'a' in the file
            """)
    void aProblemIsOneErrorWhereItIsAndNothingIsApplied(String yaml, String position, String message) {
        FerryConfig config = parse(yaml.replace("\\n", "\n"));
        assertEquals(FerryConfig.NONE, config);
        Diagnostic first = diagnostics.sorted().get(0);
        assertEquals(DiagnosticCode.FERRY_E010, first.code());
        assertEquals(
                "ferry.yaml:" + position,
                first.span().file() + ":" + first.span().line() + ":"
                        + first.span().column(),
                first.toString());
        assertEquals(true, first.message().startsWith(message), first.message());
    }
}
