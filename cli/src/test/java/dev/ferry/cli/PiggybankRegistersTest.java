package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.parser.pig.PiggyBank;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Pig's copy of a script REGISTERs the piggybank jar Ferry carries in place of piggybank's jar of the Pig
 * installation the script ran on (not a file of the repository); every other REGISTER stays as written.
 */
class PiggybankRegistersTest {

    @Test
    void piggybanksJarOutsideTheRepositoryBecomesTheCarriedOne(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("lib"));
        Files.writeString(repo.resolve("lib/piggybank.jar"), "");
        String carried = PiggyBank.carriedJar().orElseThrow().toString();
        String script = String.join(
                "\n",
                "REGISTER '/usr/lib/pig/piggybank.jar';",
                "register /opt/pig/contrib/piggybank/java/piggybank-0.12.0.jar",
                "REGISTER file:/home/hadoop/lib/pig/piggybank.jar",
                "REGISTER '<yourpathtopiggybank>/piggybank.jar';",
                "REGISTER lib/piggybank.jar;",
                "REGISTER /usr/lib/pig/udfs.jar;",
                "");
        String expected = String.join(
                "\n",
                "REGISTER '" + carried + "';",
                "register '" + carried + "'",
                "REGISTER '" + carried + "'",
                "REGISTER '" + carried + "';",
                "REGISTER lib/piggybank.jar;",
                "REGISTER /usr/lib/pig/udfs.jar;",
                "");
        assertEquals(expected, ScriptVerification.piggybankRegisters(script, RepoRoot.of(repo), repo));
    }

    @Test
    void piggybanksClassesWithoutARegisterGetTheCarriedJarFirst(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        String carried = PiggyBank.carriedJar().orElseThrow().toString();
        String uses = "a = load 'x' using org.apache.pig.piggybank.storage.CSVExcelStorage(',');\n";
        assertEquals(
                "REGISTER '" + carried + "'; " + uses,
                ScriptVerification.piggybankRegisters(uses, RepoRoot.of(repo), repo));
        String plain = "a = load 'x' using PigStorage(',');\n";
        assertEquals(plain, ScriptVerification.piggybankRegisters(plain, RepoRoot.of(repo), repo));
    }
}
