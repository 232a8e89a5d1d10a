package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.runtime.SqlJob;
import dev.ferry.runtime.SqlScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Generated hostile strings (quotes, triple quotes, line breaks of every kind, comment closers and
 * openers, Jinja and EL openers, backslashes, YAML indicators, NUL) planted into a directory name, the app
 * name, a property value and a Pig string literal: every conversion succeeds, every DAG compiles as Python
 * without running anything, every .sql is planned by Flink after the runtime's own binding and splitting,
 * and every YAML loads to the intended resource. (The DagBag import with a canary is e2e/test_hostile_strings.py.)
 */
class HostileStringsPropertyTest {

    static final List<String> PIECES = List.of(
            "\"",
            "'",
            "\"\"\"",
            "'''",
            "\n",
            "\r",
            "\r\n",
            "\u2028",
            "\u2029",
            "\u0085",
            "*/",
            "/*",
            "--",
            "#",
            "{{",
            "}}",
            "{%",
            "${",
            "}",
            "\\",
            "\\n",
            ": ",
            "- ",
            "&a",
            "*a",
            "!",
            "|",
            ">",
            "%",
            "[",
            "]",
            ";",
            "`",
            "\t",
            "\u0000",
            "é",
            "x",
            " ",
            "import os; os.system('touch CANARY')");

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    /** File names cannot hold '/' or NUL; XML (names, values) cannot hold NUL or most control characters. */
    static String forFileName(String s) {
        String name = s.replace("/", "_").replace("\u0000", "_");
        return name.isBlank() || name.equals(".") || name.equals("..") ? "_" + name + "_" : name;
    }

    static String forXml(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 && c != '\n' && c != '\t') {
                continue;
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An Oozie value is EL: a lone {@code ${} is an EL error in Oozie too, so it is planted as text, {@code $ {}. */
    static String el(String s) {
        return s.replace("${", "$ {");
    }

    /** A Pig single-quoted literal: Pig's escapes for quote, backslash and control characters. */
    static String pigLiteral(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                    out.append(
                            c < 0x20 || c == 0x85 || c == '\u2028' || c == '\u2029'
                                    ? String.format("\\u%04x", (int) c)
                                    : String.valueOf(c));
            }
        }
        return out.append("'").toString();
    }

    // The app name starts with a letter: a blank name (only spaces or line breaks) is OOZ-E004 by design,
    // which made this property fail for some seeds.
    @Property(tries = 10)
    void hostileStringsLandEscapedInEveryLanguage(
            @ForAll("hostile") String dir,
            @ForAll("hostile") String appName,
            @ForAll("hostile") String value,
            @ForAll("hostile") String literal)
            throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("ferry-hostile-");
        try {
            Path app = tmp.resolve("repo/apps").resolve(forFileName(dir));
            Files.createDirectories(app);
            Files.writeString(app.resolve("workflow.xml"), """
                    <workflow-app name="%s" xmlns="uri:oozie:workflow:0.5">
                      <start to="p"/>
                      <action name="p"><pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>s.pig</script>
                        <param>IN=/in</param><param>OUT=/out</param><param>V=%s</param></pig><ok to="end"/><error to="k"/></action>
                      <kill name="k"><message>%s</message></kill>
                      <end name="end"/>
                    </workflow-app>
                    """.formatted(
                            forXml("w" + appName), forXml(el(value)), forXml(el(value))));
            Files.writeString(
                    app.resolve("s.pig"),
                    "A = LOAD '$IN' AS (s:chararray);\nB = FILTER A BY s == " + pigLiteral(literal)
                            + " OR s == '$V';\nSTORE B INTO '$OUT';\n");
            Path out = tmp.resolve("out");
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Ferry.execute(
                    new String[] {"convert", tmp.resolve("repo").toString(), "-o", out.toString()},
                    new PrintWriter(stdout, true),
                    new PrintWriter(stderr, true));
            assertEquals(0, code, stderr.toString());

            List<Path> files;
            try (Stream<Path> walk = Files.walk(out)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path dag :
                    files.stream().filter(f -> f.toString().endsWith(".py")).toList()) {
                Process python = new ProcessBuilder(
                                "python3",
                                "-c",
                                "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                                dag.toString())
                        .redirectErrorStream(true)
                        .start();
                String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, python.waitFor(), dag + " is not Python:\n" + output + Files.readString(dag));
            }
            for (Path sql :
                    files.stream().filter(f -> f.toString().endsWith(".sql")).toList()) {
                planned(Files.readString(sql), tmp);
            }
            for (Path yaml :
                    files.stream().filter(f -> f.toString().endsWith(".yaml")).toList()) {
                // Every document loads; planted text stays inside scalar values (never a key: no injected
                // structure); each job file holds exactly one FlinkDeployment.
                long deployments = 0;
                for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(yaml))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> resource = (Map<String, Object>) document;
                    assertTrue(KUBERNETES_TOP_KEYS.containsAll(resource.keySet()), yaml + ": " + resource.keySet());
                    assertFalse(keyContains(resource, "CANARY"), yaml.toString());
                    if ("FlinkDeployment".equals(resource.get("kind"))) {
                        assertEquals("flink.apache.org/v1beta1", resource.get("apiVersion"));
                        deployments++;
                    }
                }
                if (!yaml.getFileName().toString().equals("rbac.yaml")) {
                    assertEquals(1, deployments, yaml.toString());
                }
            }
            assertFalse(Files.exists(Path.of("CANARY")) || Files.exists(tmp.resolve("CANARY")));
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final java.util.Set<String> KUBERNETES_TOP_KEYS =
            java.util.Set.of("apiVersion", "kind", "metadata", "spec", "data", "rules", "roleRef", "subjects");

    /** True when {@code needle} occurs in a mapping key anywhere in the loaded YAML. */
    private static boolean keyContains(Object node, String needle) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (String.valueOf(e.getKey()).contains(needle) || keyContains(e.getValue(), needle)) {
                    return true;
                }
            }
        } else if (node instanceof java.util.List<?> list) {
            return list.stream().anyMatch(item -> keyContains(item, needle));
        }
        return false;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{(\\w+)}");

    /** Bound and split by the runtime's own code, then planned by Flink: a comment that ended early would not plan. */
    static void planned(String sql, Path tmp) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            params.put(m.group(1), tmp.resolve(m.group(1)).toString());
        }
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        assertFalse(SqlJob.validate(env, SqlScript.split(SqlScript.bind(sql, params)))
                .explain()
                .isBlank());
    }
}
