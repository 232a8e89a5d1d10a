package dev.ferry.translator.repo;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * One {@code oozie job -config FILE -run}: a properties file and the application it names through
 * {@code oozie.{wf,coord,bundle}.application.path} (or, for a {@code job.properties} naming none, the
 * application beside it). Each submission becomes its own DAG (a bundle's: one per coordinator entry).
 *
 * @param propertiesFile  display path of the properties file (relative to the repository)
 * @param app             the application file in the repository (workflow, coordinator or bundle XML)
 * @param properties      the file's properties, as java.util.Properties reads them
 */
record Submission(String propertiesFile, AppKind kind, Path app, SortedMap<String, String> properties) {

    /** What a submission runs, and the property naming its application path. */
    enum AppKind {
        WORKFLOW("oozie.wf.application.path", "workflow.xml"),
        COORDINATOR("oozie.coord.application.path", "coordinator.xml"),
        BUNDLE("oozie.bundle.application.path", "bundle.xml");

        final String property;
        final String defaultFile;

        AppKind(String property, String defaultFile) {
            this.property = property;
            this.defaultFile = defaultFile;
        }
    }

    /** The file's name without {@code .properties}: the DAG id's suffix when an app has several submissions. */
    String stem() {
        String name = propertiesFile.substring(propertiesFile.lastIndexOf('/') + 1);
        return name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
    }
}
