package dev.ferry.parser.oozie;

import java.nio.file.Path;
import java.util.List;

/**
 * The checks of {@link OozieFilesTest} over inputs the project owns (so they run on a fresh clone): the sample
 * repository, the end-to-end apps, and a workflow with every action kind the Apache Oozie examples use.
 */
class OwnedOozieFilesTest extends OozieFilesTest {

    @Override
    Path root() {
        return Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
    }

    @Override
    List<String> directories() {
        return List.of("samples", "e2e/apps", "parser/src/test/resources/oozie/owned");
    }

    @Override
    int minimumFiles() {
        return 25;
    }
}
