package dev.ferry.translator.workflow;

import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.oozie.CoordinatorApp;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Path;
import java.util.SortedMap;

/**
 * Everything read for one workflow application: the workflow, the coordinator that schedules it
 * (null when none does), and its configuration files.
 *
 * @param repoRoot      the legacy repository's real root; display paths are relative to it, and every file an
 *                      input names is read only when it lies under it ({@link #root()})
 * @param workflowDir   the directory of workflow.xml, against which pig scripts resolve
 * @param dagId         the DAG id the repository chose (disambiguated), null for the one named after the app
 * @param hiveTables    the Hive tables its Pig scripts' HCatLoader and HCatStorer name (the metastore given, or none)
 */
public record WorkflowSources(
        Path repoRoot,
        Path workflowDir,
        WorkflowApp workflow,
        CoordinatorApp coordinator,
        SortedMap<String, String> jobProperties,
        SortedMap<String, String> configDefault,
        String jobPropertiesFile,
        String dagId,
        HiveTables hiveTables) {

    public WorkflowSources(
            Path repoRoot,
            Path workflowDir,
            WorkflowApp workflow,
            CoordinatorApp coordinator,
            SortedMap<String, String> jobProperties,
            SortedMap<String, String> configDefault,
            String jobPropertiesFile,
            String dagId) {
        this(
                repoRoot,
                workflowDir,
                workflow,
                coordinator,
                jobProperties,
                configDefault,
                jobPropertiesFile,
                dagId,
                HiveTables.NONE);
    }

    public WorkflowSources(
            Path repoRoot,
            Path workflowDir,
            WorkflowApp workflow,
            CoordinatorApp coordinator,
            SortedMap<String, String> jobProperties,
            SortedMap<String, String> configDefault,
            String jobPropertiesFile) {
        this(repoRoot, workflowDir, workflow, coordinator, jobProperties, configDefault, jobPropertiesFile, null);
    }

    public RepoRoot root() {
        return new RepoRoot(repoRoot);
    }

    public String display(Path file) {
        return repoRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
