package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry check --against DIR}: the committed migrated repository is compared with what Ferry generates now;
 * an edited, a missing and an extra generated file each fail with a unified diff; a hand edit is told from drift.
 */
class CheckAgainstTest {

    @TempDir
    Path tmp;

    Path repo;
    Path migrated;

    @BeforeEach
    void convert() {
        repo = LegacyRepos.write(tmp.resolve("legacy"), "clean", "todo");
        migrated = tmp.resolve("migrated");
        assertEquals(
                ExitCode.OK,
                FerryRun.of("convert", repo.toString(), "-o", migrated.toString())
                        .exitCode());
    }

    FerryRun check() {
        return FerryRun.of("check", repo.toString(), "--against", migrated.toString());
    }

    @Test
    void freshOutputIsUpToDate() {
        FerryRun run = check();
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("ferry: " + migrated + " is up to date\n"), run.out());
    }

    @Test
    void generationOptionsOfConvertAreGivenToCheckToo() {
        Path bound = tmp.resolve("bound");
        String[] options = {"--airflow-worker", "airflow/af-worker", "--no-janitor"};
        assertEquals(
                ExitCode.OK,
                FerryRun.of(concat(new String[] {"convert", repo.toString(), "-o", bound.toString()}, options))
                        .exitCode());
        FerryRun same =
                FerryRun.of(concat(new String[] {"check", repo.toString(), "--against", bound.toString()}, options));
        assertEquals(ExitCode.OK, same.exitCode(), same.err());
        FerryRun without = FerryRun.of("check", repo.toString(), "--against", bound.toString());
        assertEquals(ExitCode.INPUT_ERRORS, without.exitCode(), without.err());
        assertTrue(without.err().contains("k8s/rbac.yaml"), without.err());
        assertTrue(without.err().contains("dags/ferry_janitor.py"), without.err());
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
                .toArray(String[]::new);
    }

    @Test
    void handEditIsReportedAsSuchWithAUnifiedDiff() throws IOException {
        Path dag = migrated.resolve("dags/clean_wf.py");
        Files.writeString(dag, "import os  # added by hand\n" + Files.readString(dag));
        FerryRun run = check();
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(
                run.err()
                        .contains("ferry: dags/clean_wf.py: edited by hand (differs from what Ferry wrote)\n"
                                + "--- a/dags/clean_wf.py\n+++ b/dags/clean_wf.py\n@@ "),
                run.err());
        assertTrue(
                run.err().contains("\n-import os  # added by hand\n"),
                "Ferry's version has no such line: " + run.err());
        assertTrue(run.out().startsWith("ferry: 1 generated file(s) differ: 1 edited by hand in "), run.out());
    }

    @Test
    void handEditIsToldFromReportJsonAloneWhenNoManifestIsCommitted() throws IOException {
        Files.delete(migrated.resolve(".ferry/manifest.json"));
        Path dag = migrated.resolve("dags/clean_wf.py");
        Files.writeString(dag, "# by hand\n" + Files.readString(dag));
        FerryRun run = check();
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(
                run.err().contains("ferry: dags/clean_wf.py: edited by hand (differs from what Ferry wrote)\n"),
                run.err());
    }

    @Test
    void changedInputIsDriftNotAHandEdit() throws IOException {
        Path workflow = repo.resolve("apps/clean/workflow.xml");
        Files.writeString(
                workflow, Files.readString(workflow).replace("<message>failed</message>", "<message>broke</message>"));
        FerryRun run = check();
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(
                run.err().contains("ferry: dags/clean_wf.py: drifted (Ferry now generates something else)\n"),
                run.err());
        assertTrue(run.err().contains("+") && run.err().contains("broke"), run.err());
        assertTrue(run.err().contains("ferry: report.json: drifted"), "report.json records the new hash: " + run.err());
    }

    @Test
    void missingGeneratedFileFails() throws IOException {
        Files.delete(migrated.resolve("dags/todo_wf.py"));
        FerryRun run = check();
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(
                run.err()
                        .contains("ferry: dags/todo_wf.py: missing (Ferry generates it, it is not committed)\n"
                                + "--- /dev/null\n+++ b/dags/todo_wf.py\n"),
                run.err());
    }

    @Test
    void extraGeneratedFileFailsButTheTeamsOwnFilesDoNot() throws IOException {
        Files.writeString(migrated.resolve("dags/old_dag.py"), "print('left behind')\n");
        Files.writeString(migrated.resolve("README.md"), "our notes\n");
        Files.createDirectories(migrated.resolve(".github"));
        Files.writeString(migrated.resolve(".github/ci.yml"), "on: push\n");
        FerryRun run = check();
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(
                run.err()
                        .contains("ferry: dags/old_dag.py: extra (committed, Ferry no longer generates it)\n"
                                + "--- a/dags/old_dag.py\n+++ /dev/null\n"),
                run.err());
        assertTrue(run.err().contains("\n-print('left behind')\n"), run.err());
        assertTrue(run.out().startsWith("ferry: 1 generated file(s) differ: 1 extra in "), run.out());
    }
}
