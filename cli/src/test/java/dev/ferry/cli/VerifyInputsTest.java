package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input verify --repo gives a LOAD: a sample of the repository's file, else generated rows; never outside the repository. */
class VerifyInputsTest {

    private static final SourceSpan AT = SourceSpan.of("job.pig", 1, 5);

    private static PigRelation.Load load(String path, FuncSpec function, List<FieldSchema> schema) {
        return new PigRelation.Load(path, function, schema, AT);
    }

    @Test
    void aFileInTheRepositoryIsSampledAfterParameterValues(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("data/day=1"));
        Files.writeString(repo.resolve("data/day=1/part-0"), "a,1\nb,2\n");
        Files.writeString(repo.resolve("data/day=1/_SUCCESS"), "");
        Path work = Files.createDirectories(tmp.resolve("work"));
        VerifyInputs.Input input = VerifyInputs.of(
                RepoRoot.of(repo), repo, load("data/day=$DAY", null, List.of()), 0, Map.of("DAY", "1"), work);
        assertEquals(VerifyInputs.Kind.SAMPLED, input.kind());
        assertEquals("a,1\nb,2\n", Files.readString(input.file()));
    }

    @Test
    void elsewhereRowsAreGeneratedDeterministicallyWithTheLoadsDelimiterAndWidth(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "not to be read\n");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema = List.of(
                new FieldSchema("name", PigType.CHARARRAY, AT),
                new FieldSchema("n", PigType.INT, AT),
                new FieldSchema("d", PigType.DOUBLE, AT));
        // '../secret.txt' leaves the repository: it is not read, rows are generated instead.
        PigRelation.Load load = load("../secret.txt", new FuncSpec("PigStorage", List.of(","), AT), schema);
        VerifyInputs.Input first =
                VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of(), Files.createDirectories(tmp.resolve("w1")));
        VerifyInputs.Input again =
                VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of(), Files.createDirectories(tmp.resolve("w2")));
        assertEquals(VerifyInputs.Kind.GENERATED, first.kind());
        List<String> rows = Files.readAllLines(first.file());
        assertEquals(rows, Files.readAllLines(again.file()));
        assertEquals(VerifyInputs.GENERATED_ROWS, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.split(",", -1).length <= 3), rows.toString());
        assertTrue(
                rows.stream().anyMatch(r -> r.split(",", -1).length == 3 && r.split(",", -1)[1].isEmpty()),
                "some null ints: " + rows);
        assertTrue(rows.stream().noneMatch(r -> r.contains("not to be read")));
    }

    @Test
    void aLoaderWithoutATextFormIsVerE002(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        PigRelation.Load load = load("in", new FuncSpec("org.example.AvroLoader", List.of(), AT), List.of());
        VerifyInputs.NoInput none = assertThrows(
                VerifyInputs.NoInput.class, () -> VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of(), tmp));
        assertEquals("VER-E002 job.pig:1:5", none.diagnostic.code().id() + " " + none.diagnostic.span());
    }
}
