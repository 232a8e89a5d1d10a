package dev.ferry.generator.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Input-derived strings survive YAML printing as the same strings: no injected keys, no retyping. */
class YamlDocumentsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yes",
                "no",
                "on",
                "null",
                "~",
                "1.0",
                "0x1F",
                "2024-05-01",
                "-",
                "- item",
                "a: b",
                "key: value\nother: injected",
                "# comment",
                "x #not a comment",
                "'quoted'",
                "\"dq\"",
                "{a: 1}",
                "[1, 2]",
                "&anchor",
                "*alias",
                "!!python/object:os.system",
                "%TAG",
                "@at",
                "`tick`",
                "| literal",
                "> folded",
                "trailing space ",
                " leading",
                "tab\there",
                "line\r\nbreak",
                "\u2028sep",
                "emoji \uD83D\uDE00",
                "---",
                "...",
                "apps/x/pig/a b.pig",
                ""
            })
    void everyScalarReadsBackAsTheSameString(String hostile) {
        Map<String, Object> doc = FlinkDeploymentRenderer.map(
                "metadata",
                        FlinkDeploymentRenderer.map(
                                "annotations", FlinkDeploymentRenderer.map("ferry/source", hostile)),
                "args", List.of("--script", hostile));
        String yaml = YamlDocuments.render("header", List.of(doc));
        Map<String, Object> back = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertEquals(doc, back, yaml);
        assertTrue(yaml.startsWith("# header\n"), yaml);
    }

    @Test
    void unprintableCharactersNeverReachTheTextRaw() {
        // SnakeYAML prints a string YAML cannot hold (NUL) as !!binary base64: never raw, never a key.
        String yaml = YamlDocuments.render("h", List.of(FlinkDeploymentRenderer.map("k", "a\u0000b: c")));
        assertEquals("# h\nk: !!binary |-\n  YQBiOiBj\n", yaml);
    }
}
