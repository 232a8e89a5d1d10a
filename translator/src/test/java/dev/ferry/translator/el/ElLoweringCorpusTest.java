package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.oozie.XmlElement;
import dev.ferry.parser.oozie.XmlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every EL value of the Apache Oozie examples lowers to a template, and every EL function they call (grep of the XML:
 * {@code prefix:name(} or a bare basic function) is either translated or reported: the ones left as OOZ-W004
 * TODOs are exactly the dataset functions listed here (translated by the coordinator datasets work), the ones
 * translated with a caveat (OOZ-W008) exactly hadoop:counters.
 */
@Tag("corpus")
class ElLoweringCorpusTest {

    private static final Pattern UNTRANSLATED = Pattern.compile("EL function '([^']+)'");
    /** An EL function call as it appears in the XML, inside or outside ${...}: prefix:name( or a basic one. */
    private static final Pattern CALL = Pattern.compile("\\b((?:wf|coord|fs|hadoop|hcat|bundle):[A-Za-z]+|firstNotNull"
            + "|concat|replaceAll|appendAll|trim|urlEncode|timestamp|toJsonStr|toPropertiesStr|toConfigurationStr)"
            + "\\s*\\(");

    @Test
    void rendersEveryCorpusValue() throws IOException {
        Path root = corpus();
        Set<String> untranslated = new TreeSet<>();
        Set<String> caveats = new TreeSet<>();
        Set<String> called = new TreeSet<>();
        int rendered = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList()) {
                Diagnostics diagnostics = new Diagnostics();
                XmlElement xml = XmlReader.read(file, root.relativize(file).toString(), diagnostics)
                        .orElseThrow();
                rendered += render(xml, diagnostics);
                Matcher calls = CALL.matcher(Files.readString(file));
                while (calls.find()) {
                    called.add(calls.group(1));
                }
                diagnostics.sorted().forEach(d -> {
                    Matcher m = UNTRANSLATED.matcher(d.message());
                    assertTrue(m.find(), d.message());
                    if (d.code() == DiagnosticCode.OOZ_W008) {
                        caveats.add(m.group(1));
                    } else {
                        assertEquals(DiagnosticCode.OOZ_W004, d.code(), d.format());
                        untranslated.add(m.group(1));
                    }
                });
            }
        }
        assertTrue(rendered > 300, "EL values rendered: " + rendered);
        // coord:current/offset only appear in dataset <instance> elements, which CoordinatorDatasets reads
        // structurally rather than as templates.
        assertEquals(List.of("coord:current", "coord:offset"), List.copyOf(untranslated));
        assertEquals(List.of("hadoop:counters"), List.copyOf(caveats));
        for (String function : called) {
            assertTrue(
                    ElFunctionTable.function(function).isPresent() || untranslated.contains(function),
                    function + " is called in the corpus but neither translated nor reported");
        }
        assertTrue(called.size() >= 20, "EL functions called in the corpus: " + called);
    }

    private static int render(XmlElement element, Diagnostics diagnostics) {
        int count = 0;
        List<String> values = Stream.concat(Stream.of(element.text()), element.attributes().values().stream())
                .toList();
        for (String value : values) {
            Template template = ElLowering.template(
                    ElParser.parse(value, element.span(), diagnostics).orElseThrow(), diagnostics);
            assertEquals(value.isEmpty(), template.parts().isEmpty(), value);
            count++;
        }
        for (XmlElement child : element.children()) {
            count += render(child, diagnostics);
        }
        return count;
    }

    private static Path corpus() {
        String configured = System.getProperty("ferry.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "corpus/oozie-examples"))) {
            return Path.of(configured, "corpus/oozie-examples");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/corpus/oozie-examples"))) {
                return dir.resolve("shared/corpus/oozie-examples");
            }
        }
        return fail("cannot find shared/corpus/oozie-examples (set -Dferry.shared)");
    }
}
