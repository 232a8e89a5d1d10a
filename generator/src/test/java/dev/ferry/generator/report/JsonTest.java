package dev.ferry.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Json's streaming writer prints the text Jackson's object mapper printed for the same records and maps. */
class JsonTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** Strings as input brings them: quotes, backslashes, controls, line separators, non-BMP, HTML, empty, null. */
    private static final List<String> HOSTILE = Arrays.asList(
            "plain",
            "",
            null,
            "q\"uote",
            "back\\slash",
            "tab\tnew\nline\r",
            "nul\u0000bell\u0007",
            "\u2028\u2029",
            "</script><b>&'",
            "\u00e9t\u00e9 \uD83D\uDE00",
            "\uD800 lone surrogate",
            "{\"json\": [1]}");

    @Test
    void theReportPrintsAsTheMapperPrintedIt() throws Exception {
        Report report = report();
        String expected = MAPPER.writer(PRETTY).writeValueAsString(report) + "\n";
        assertEquals(expected, Json.write(report));
    }

    @Test
    void anEmptyReportPrintsAsTheMapperPrintedIt() throws Exception {
        Report empty = new Report(
                1, "", new Report.Summary(0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals(MAPPER.writer(PRETTY).writeValueAsString(empty) + "\n", Json.write(empty));
    }

    @Test
    void mapsAndListsPrintAsTheMapperPrintedThem() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", List.of());
        nested.put("long", Long.MAX_VALUE);
        nested.put("negative", -7);
        nested.put("flag", false);
        nested.put("none", null);
        nested.put("empty", Map.of());
        nested.put("strings", HOSTILE);
        Map<String, Object> document = new LinkedHashMap<>();
        for (String key : HOSTILE) {
            document.put(key == null ? "null key" : key, nested);
        }
        document.put("list of maps", List.of(nested, Map.of("k", "v"), List.of(List.of())));
        assertEquals(MAPPER.writer(PRETTY).writeValueAsString(document) + "\n", Json.write(document));
        // The manifest's and apps.json's format: Jackson's default pretty printer.
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("generator", "ferry");
        manifest.put("files", new TreeMap<>(Map.of("dags/a.py", "ab12", "k8s/x/y.yaml", "cd34")));
        manifest.put("apps", document);
        assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest), Json.indented(manifest));
    }

    private static Report report() {
        List<Report.Finding> findings = new ArrayList<>();
        List<Report.Dag> dags = new ArrayList<>();
        List<Report.Script> scripts = new ArrayList<>();
        List<Report.GeneratedFile> files = new ArrayList<>();
        int n = 0;
        for (String s : HOSTILE) {
            findings.add(new Report.Finding("OOZ-E0" + n, "error", s, n, -n, s, s));
            dags.add(new Report.Dag(
                    s,
                    "dags/" + s + ".py",
                    Arrays.asList(s, "b"),
                    n % 2 == 0 ? null : s,
                    List.of(new Report.Task(s, "flink_job", s, n % 2 == 0, Arrays.asList(s))),
                    List.of(new Report.Transition(s, "ok", s))));
            scripts.add(new Report.Script(s, "todo", s, n % 3 == 0 ? List.of() : Arrays.asList(s, s), s));
            files.add(new Report.GeneratedFile(s, s));
            n++;
        }
        List<Report.App> apps = List.of(
                new Report.App("apps/x", List.of("a", "b"), 2, findings),
                new Report.App(null, List.of(), 0, List.of()));
        return new Report(1, "repo \"x\"", new Report.Summary(1, 2, 3, 4, 5, 6), dags, apps, scripts, findings, files);
    }
}
