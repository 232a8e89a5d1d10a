package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter substitution, IMPORT and macro expansion, with Pig 0.18's rules (each rule was checked
 * against real Pig with the oracle's CHECK request: the substituted value shows up in its
 * "Undefined alias" message, and the renamed macro aliases are accepted by name).
 */
class PigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** The LOAD path of the first statement after substitution. */
    private String loadedPath(String script, List<Path> paramFiles, Map<String, String> params) throws IOException {
        Diagnostics d = new Diagnostics();
        PigParameters parameters = PigParameters.of(paramFiles, params, d).orElseThrow();
        PigScript s = PigLoader.load(
                        new RepoRoot(dir.toRealPath()), write("s.pig", script), "s.pig", Optional.of(parameters), d)
                .orElseThrow(() -> new AssertionError(
                        d.sorted().stream().map(Diagnostic::format).toList()));
        return ((PigRelation.Load) ((PigStatement.Assign) s.statements().get(0)).relation()).path();
    }

    @Test
    void paramOverridesParamFilesAndLaterFilesOverrideEarlier() throws IOException {
        Path f1 = write("a.params", "# first\nIN = from_file1\nOTHER='q'\n");
        Path f2 = write("b.params", "IN = from_file2\n");
        String script = "A = load '$IN/${OTHER}' as (x:int);\nstore A into 'o';\n";
        assertEquals("from_file2/q", loadedPath(script, List.of(f1, f2), Map.of()));
        assertEquals("from_cli/q", loadedPath(script, List.of(f1, f2), Map.of("IN", "from_cli")));
    }

    @Test
    void defaultYieldsToParamButDeclareWins() throws IOException {
        assertEquals("cli", loadedPath("%default IN 'dflt'\nA = load '$IN';\n", List.of(), Map.of("IN", "cli")));
        assertEquals("dflt", loadedPath("%default IN 'dflt'\nA = load '$IN';\n", List.of(), Map.of()));
        assertEquals("decl", loadedPath("%declare IN 'decl'\nA = load '$IN';\n", List.of(), Map.of("IN", "cli")));
        assertEquals("two", loadedPath("%declare IN 'one'\n%declare IN 'two'\nA = load '$IN';\n", List.of(), Map.of()));
    }

    @Test
    void valuesUseEarlierParametersAndCommentsAreLeftAlone() throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ROOT", "/data");
        assertEquals(
                "/data/y1_x",
                loadedPath(
                        "%default Y 'y1'\n%declare X '${ROOT}/${Y}_x'\n-- $NOT_A_PARAM here\n"
                                + "/* nor $THIS */ A = load '$X';\n",
                        List.of(), params));
    }

    @Test
    void undefinedParameterIsReportedWhereItIsUsed() throws IOException {
        Diagnostics d = new Diagnostics();
        Optional<PigScript> s = PigLoader.load(
                new RepoRoot(dir.toRealPath()),
                write("u.pig", "A = load 'x';\nB = filter A by $0 == '$MISSING';\n"),
                "u.pig",
                Optional.of(PigParameters.none()),
                d);
        assertTrue(s.isEmpty());
        assertEquals(
                List.of("u.pig:2:24: error PIG-E002: undefined parameter 'MISSING'\n"
                        + "  hint: declare it with %default MISSING <value> or pass -param MISSING=<value>"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void shellCommandValueIsReportedNotRun() throws IOException {
        Path marker = dir.resolve("ran");
        Diagnostics d = new Diagnostics();
        Optional<PigScript> s = PigLoader.load(
                new RepoRoot(dir.toRealPath()),
                write("sh.pig", "%declare DAY `touch " + marker + "; date`\nA = load '$DAY';\n"),
                "sh.pig",
                Optional.of(PigParameters.none()),
                d);
        assertTrue(s.isEmpty());
        assertTrue(Files.notExists(marker), "the command must not run");
        Diagnostic first = d.sorted().get(0);
        assertEquals("PIG-E003 sh.pig:1:1", first.code().id() + " " + first.span());
    }

    @Test
    void macroAliasesAreRenamedAsPigDoes() throws IOException {
        String script = """
                DEFINE row_count(X) RETURNS Y {
                    G = group $X all;
                    $Y = foreach G generate COUNT($X);
                };
                A = load 'x' as (x:int);
                N = row_count(A);
                M = row_count(A);
                store M into 'o';
                """;
        Diagnostics d = new Diagnostics();
        PigScript s = PigLoader.load(
                        new RepoRoot(dir.toRealPath()), write("m.pig", script), "m.pig", Optional.empty(), d)
                .orElseThrow();
        assertEquals(
                List.of("A", "macro_row_count_G_0", "N", "macro_row_count_G_1", "M"),
                s.statements().stream()
                        .filter(PigStatement.Assign.class::isInstance)
                        .map(st -> ((PigStatement.Assign) st).alias())
                        .toList());
        PigRelation.Group g =
                (PigRelation.Group) ((PigStatement.Assign) s.statements().get(3)).relation();
        assertEquals("A", g.input());
        assertEquals(2, g.span().line(), "expanded statements keep the macro body's lines");
        PigRelation.Foreach f =
                (PigRelation.Foreach) ((PigStatement.Assign) s.statements().get(4)).relation();
        assertEquals("macro_row_count_G_1", f.input());
    }

    @Test
    void macroParametersReachStringsAndVoidMacrosStore() throws IOException {
        String script = """
                DEFINE save(rel, path) RETURNS void {
                    store $rel into '$path';
                };
                A = load 'x' as (x:int);
                save(A, 'out/a');
                """;
        PigScript s = PigLoader.load(
                        new RepoRoot(dir.toRealPath()),
                        write("v.pig", script),
                        "v.pig",
                        Optional.empty(),
                        new Diagnostics())
                .orElseThrow();
        PigStatement.Store store = (PigStatement.Store) s.statements().get(1);
        assertEquals("A -> out/a", store.alias() + " -> " + store.path());
    }

    @Test
    void substitutionLeavesMacroParametersToTheExpansion() throws IOException {
        String script = """
                %default OUT 'out/b'
                DEFINE keep(R, n) RETURNS K { $K = limit $R $n; };
                A = load 'x';
                B = keep(A, 3);
                store B into '$OUT';
                """;
        Diagnostics d = new Diagnostics();
        PigScript s = PigLoader.load(
                        new RepoRoot(dir.toRealPath()),
                        write("p.pig", script),
                        "p.pig",
                        Optional.of(PigParameters.none()),
                        d)
                .orElseThrow(() -> new AssertionError(
                        d.sorted().stream().map(Diagnostic::format).toList()));
        PigRelation.Limit limit =
                (PigRelation.Limit) ((PigStatement.Assign) s.statements().get(1)).relation();
        assertEquals("A limit 3", limit.input() + " limit " + ((PigExpr.Literal) limit.count()).value());
        assertEquals("out/b", ((PigStatement.Store) s.statements().get(2)).path());
    }

    @Test
    void importIsRelativeToTheImportingScript() throws IOException {
        // (a union of $R with itself Pig refuses: "Pig does not accept same alias as input for UNION operation")
        write("lib/macros.pig", "DEFINE both(R, S) RETURNS T { $T = union $R, $S; };\n");
        Path script = write(
                "jobs/main.pig",
                "IMPORT '../lib/macros.pig';\nA = load 'x';\nC = load 'y';\nB = both(A, C);\nstore B into 'o';\n");
        PigScript s = PigLoader.load(
                        new RepoRoot(dir.toRealPath()), script, "jobs/main.pig", Optional.empty(), new Diagnostics())
                .orElseThrow();
        PigRelation.Union u =
                (PigRelation.Union) ((PigStatement.Assign) s.statements().get(2)).relation();
        assertEquals(List.of("A", "C"), u.inputs());
    }

    @Test
    void unknownMacroAndWrongArityAreReported() throws IOException {
        Diagnostics d = new Diagnostics();
        String script = "DEFINE m(A) RETURNS B { $B = distinct $A; };\nX = load 'x';\nY = m(X, X);\nZ = nosuch(X);\n";
        assertTrue(PigLoader.load(new RepoRoot(dir.toRealPath()), write("e.pig", script), "e.pig", Optional.empty(), d)
                .isEmpty());
        assertEquals(
                List.of("e.pig:3:1 PIG-E004", "e.pig:4:1 PIG-E004"),
                d.sorted().stream().map(x -> x.span() + " " + x.code().id()).toList());
    }

    @Test
    void missingImportIsReported() throws IOException {
        Diagnostics d = new Diagnostics();
        assertTrue(PigLoader.load(
                        new RepoRoot(dir.toRealPath()),
                        write("i.pig", "IMPORT 'nowhere.pig';\n"),
                        "i.pig",
                        Optional.empty(),
                        d)
                .isEmpty());
        assertEquals(
                "i.pig:1:1 PIG-E005",
                d.sorted().get(0).span() + " " + d.sorted().get(0).code().id());
    }
}
