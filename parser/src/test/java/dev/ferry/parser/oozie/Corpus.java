package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/corpus: from the ferry.shared system property, else by walking up from the working directory. */
public final class Corpus {

    private Corpus() {}

    static Path oozieExamples() {
        return locate("corpus/oozie-examples");
    }

    public static Path locate(String relative) {
        String configured = System.getProperty("ferry.shared");
        if (configured != null && Files.isDirectory(Path.of(configured).resolve(relative))) {
            return Path.of(configured).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("cannot find shared/" + relative + " (set -Dferry.shared)");
    }
}
