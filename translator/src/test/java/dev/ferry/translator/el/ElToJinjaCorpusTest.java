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
import org.junit.jupiter.api.Test;

/**
 * Every EL value of the Apache Oozie examples renders to Jinja; the functions left as TODOs are exactly the
 * ones listed here (coordinator data functions and Hadoop/HDFS look-ups are translated later).
 */
class ElToJinjaCorpusTest {

    private static final Pattern UNTRANSLATED = Pattern.compile("EL function '([^']+)'");

    @Test
    void rendersEveryCorpusValue() throws IOException {
        Path root = corpus();
        Set<String> untranslated = new TreeSet<>();
        int rendered = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                Diagnostics diagnostics = new Diagnostics();
                XmlElement xml = XmlReader.read(file, root.relativize(file).toString(), diagnostics).orElseThrow();
                rendered += render(xml, diagnostics);
                diagnostics.sorted().forEach(d -> {
                    assertEquals(DiagnosticCode.OOZ_W004, d.code(), d.format());
                    Matcher m = UNTRANSLATED.matcher(d.message());
                    assertTrue(m.find(), d.message());
                    untranslated.add(m.group(1));
                });
            }
        }
        assertTrue(rendered > 300, "EL values rendered: " + rendered);
        // coord:current/offset only appear in dataset <instance> elements, which CoordinatorDatasets reads
        // structurally rather than as Jinja.
        assertEquals(List.of("coord:current", "coord:offset", "hadoop:counters"), List.copyOf(untranslated));
    }

    private static int render(XmlElement element, Diagnostics diagnostics) {
        int count = 0;
        List<String> values = Stream.concat(Stream.of(element.text()), element.attributes().values().stream()).toList();
        for (String value : values) {
            String jinja = ElToJinja.render(ElParser.parse(value, element.span(), diagnostics).orElseThrow(), diagnostics);
            assertEquals(count(jinja, "{{"), count(jinja, "}}"), jinja);
            count++;
        }
        for (XmlElement child : element.children()) {
            count += render(child, diagnostics);
        }
        return count;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
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
