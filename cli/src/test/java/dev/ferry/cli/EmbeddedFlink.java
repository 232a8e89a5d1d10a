package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.runtime.SqlScript;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.pig.SchemaFiles;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/** Translates a Pig script and runs the SQL on the MiniCluster the test class shares, as the runtime jar does. */
final class EmbeddedFlink {

    private EmbeddedFlink() {}

    /** The Flink SQL for a Pig script; fails the test with the diagnostics when it does not translate. */
    static String translate(Path script, String display) {
        Diagnostics diagnostics = new Diagnostics();
        // The whole front end, as convert reads a script: IMPORTs and macros expanded.
        RepoRoot root = repoRoot(script);
        return PigLoader.load(root, script, display, java.util.Optional.empty(), diagnostics)
                .flatMap(s -> PigToSql.translate(
                        s,
                        "job",
                        java.util.Set.of(),
                        HiveTables.NONE,
                        SchemaFiles.inRepository(root, root.path()),
                        diagnostics))
                .map(SqlScriptRenderer::render)
                .orElseThrow(() -> new AssertionError("translation failed:\n"
                        + String.join(
                                "\n",
                                diagnostics.sorted().stream()
                                        .map(d -> d.format())
                                        .toList())));
    }

    private static RepoRoot repoRoot(Path script) {
        try {
            return RepoRoot.of(script.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void run(String sql, Map<String, String> params) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        dev.ferry.runtime.SqlJob.run(env, SqlScript.split(SqlScript.bind(sql, params)));
    }
}
