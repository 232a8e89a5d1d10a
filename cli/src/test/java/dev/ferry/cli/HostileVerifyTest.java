package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ferry verify --repo} runs a repository's scripts in real Pig on this machine: a script of a repository one
 * does not trust may neither remove anything outside verify's scratch data nor run a program.
 */
class HostileVerifyTest {

    @TempDir
    Path tmp;

    /**
     * The rerun idiom (remove the output, then store into it) translates; verify stores into scratch copies, and the
     * removal must remove those, not the path as written (before: real Pig deleted the directory, and verify said
     * "agree"), also where the removal spells the path another way ({@code VICTIM/.}: the same file for Hadoop).
     * {@code fs -rmr} of a path that is not there fails in Pig itself, as on a cluster without the output.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rmf VICTIM                          | agree
            fs -rm -r -f -skipTrash VICTIM/     | agree
            fs -rmr VICTIM                      | not run
            rmf VICTIM/.                        | agree
            fs -rm -r -f VICTIM//               | agree
            %default OUT 'VICTIM'\\nrmf $OUT     | agree
            """)
    void aRemovalRemovesOnlyTheScratchCopy(String removal, String outcome) throws Exception {
        Path victim = Files.createDirectories(tmp.resolve("outside/victim"));
        Files.writeString(victim.resolve("keep.txt"), "precious\n");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        String lines = removal.replace("\\n", "\n").replace("VICTIM", victim.toString());
        String store = lines.contains("$OUT") ? "$OUT" : victim.toString();
        Files.writeString(
                repo.resolve("s.pig"), "A = LOAD 'in' AS (x:int);\n" + lines + "\nSTORE A INTO '" + store + "';\n");
        StringWriter out = new StringWriter();
        VerifyCommandTest.run(out, "verify", "--repo", repo.toString());
        assertEquals("precious\n", Files.readString(victim.resolve("keep.txt")), out.toString());
        assertTrue(out.toString().startsWith(outcome + " "), out.toString());
    }

    /**
     * A file command translates (the job runs it between its statements), but its paths are the script's own: verify
     * runs neither real Pig nor the job on a script whose command names anything but a STORE's path, nor a job with a
     * file command; what the command names stays as it was.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cp VICTIM/keep.txt VICTIM/copy.txt
            mv VICTIM/keep.txt VICTIM/moved.txt
            mkdir VICTIM/new
            fs -rm -r VICTIM
            fs -touchz VICTIM/_DONE
            fs -cp -f VICTIM/keep.txt VICTIM/other.txt
            copyToLocal VICTIM/keep.txt VICTIM/local.txt
            """)
    void aFileCommandOnAPathOfTheScriptNeverRuns(String command) throws Exception {
        Path victim = Files.createDirectories(tmp.resolve("outside/victim"));
        Files.writeString(victim.resolve("keep.txt"), "precious\n");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(
                repo.resolve("s.pig"),
                "A = LOAD 'in' AS (x:int);\nSTORE A INTO 'out';\n" + command.replace("VICTIM", victim.toString())
                        + ";\n");
        StringWriter out = new StringWriter();
        VerifyCommandTest.run(out, "verify", "--repo", repo.toString());
        try (java.util.stream.Stream<Path> files = Files.list(victim)) {
            assertEquals(
                    List.of("keep.txt"),
                    files.map(f -> f.getFileName().toString()).toList(),
                    out.toString());
        }
        assertEquals("precious\n", Files.readString(victim.resolve("keep.txt")), out.toString());
        assertTrue(out.toString().startsWith("not run "), out.toString());
    }

    /**
     * Pig runs a {@code `command`} parameter value when it substitutes parameters, also in a file the script IMPORTs
     * (which Ferry reads for its macros only); the oracle refuses the shell, so the script is not run.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "%declare X `touch CANARY`",
                "%default X `touch CANARY`",
            })
    void aShellCommandInAnImportedFileNeverRuns(String declaration) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path canary = tmp.resolve("CANARY");
        Files.writeString(
                repo.resolve("m.pig"),
                declaration.replace("CANARY", canary.toString())
                        + "\nDEFINE f(R) RETURNS T { $T = FILTER $R BY x > 0; };\n");
        Files.writeString(
                repo.resolve("s.pig"), "IMPORT 'm.pig';\nA = LOAD 'in' AS (x:int);\nB = f(A);\nSTORE B INTO 'out';\n");
        StringWriter out = new StringWriter();
        VerifyCommandTest.run(out, "verify", "--repo", repo.toString());
        assertFalse(Files.exists(canary), out.toString());
        assertTrue(out.toString().contains("SH command is not permitted"), out.toString());
    }
}
