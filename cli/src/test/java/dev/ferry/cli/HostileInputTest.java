package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Ferry run as a hostile user would, one case per probe of issue 14, through the real command line on
 * repositories generated in a temporary directory: the exit code, the diagnostic, what is (not) written,
 * and that nothing outside the test's own temporary root changed (a sentinel beside it and a snapshot of
 * the tree).
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    /** Outside everything the test writes: must never change. */
    Path outsideSecret;

    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void plantOutsideFile() throws IOException {
        outsideSecret = tmp.resolve("outside/etc/passwd");
        Files.createDirectories(outsideSecret.getParent());
        Files.writeString(outsideSecret, "root:OUTSIDE-CANARY:0:0\n");
        Files.writeString(
                tmp.resolve("outside/x.xml"),
                "<configuration><property><name>k</name><value>OUTSIDE-CANARY</value>" + "</property></configuration>");
        Files.writeString(
                tmp.resolve("outside/m.pig"),
                "DEFINE m(R) RETURNS T { $T = FILTER $R BY x > 0; }; -- OUTSIDE-CANARY\n");
    }

    static Run ferry(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ferry.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A one-app repository: workflow.xml with one pig action (its body given), s.pig and job.properties. */
    Path repo(String name, String pigAction, String pig, String properties) throws IOException {
        Path app = tmp.resolve(name).resolve("apps/a");
        Files.createDirectories(app);
        Files.writeString(app.resolve("workflow.xml"), """
                <workflow-app name="w" xmlns="uri:oozie:workflow:0.5">
                  <start to="p"/>
                  <action name="p">%s<ok to="end"/><error to="k"/></action>
                  <kill name="k"><message>failed</message></kill>
                  <end name="end"/>
                </workflow-app>
                """.formatted(pigAction));
        Files.writeString(app.resolve("s.pig"), pig);
        Files.writeString(app.resolve("job.properties"), properties);
        return tmp.resolve(name);
    }

    Path repo(String name) throws IOException {
        return repo(name, PIG_ACTION, PIG, "");
    }

    static final String PIG_ACTION = "<pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>s.pig</script>"
            + "<param>IN=/in</param><param>OUT=/out</param></pig>";
    static final String PIG = "A = LOAD '$IN' AS (x:int);\nSTORE A INTO '$OUT';\n";

    /** Every file under the temp root with its content, except the output directories a case may write. */
    Map<String, String> snapshot(Path... except) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (Stream.of(except).noneMatch(p::startsWith)) {
                    files.put(tmp.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    static String allOutput(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> {
                        try {
                            return p + "\n" + Files.readString(p, StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception in"), run.err());
    }

    @Test
    void directoryNameWithPythonCodeStaysInsideDocstringAndComments() throws IOException {
        String evil = "x\"\"\"\nimport os; os.system(\"touch PWNED\")\n\"\"\"";
        Path repo = tmp.resolve("r");
        Path app = repo.resolve("apps").resolve(evil);
        Files.createDirectories(app);
        Path plain = repo("plain");
        try (Stream<Path> files = Files.list(plain.resolve("apps/a"))) {
            for (Path f : files.toList()) {
                Files.copy(f, app.resolve(f.getFileName().toString()));
            }
        }
        Path out = tmp.resolve("out");
        Run run = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String dag = Files.readString(out.resolve("dags/w.py"));
        // The name is inside the docstring with its quotes escaped and its line breaks spelled \n.
        assertFalse(dag.contains("\nimport os"), dag);
        assertTrue(dag.contains("- apps/x\\\"\\\"\\\"\\\\nimport os; os.system(\\\"touch PWNED\\\")"), dag);
        String sql = Files.readString(out.resolve("flink/w/p.sql"));
        sql.lines().filter(l -> l.contains("PWNED")).forEach(l -> assertTrue(l.startsWith("-- "), l));
        String yaml = Files.readString(out.resolve("k8s/w/p.yaml"));
        // In YAML the name may only be a comment or inside a scalar value: every document loads to a
        // Kubernetes object whose keys are its own, and the value keeps the text as written.
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            assertTrue(
                    java.util.Set.of("apiVersion", "kind", "metadata", "spec", "data")
                            .containsAll(((java.util.Map<?, ?>) document).keySet()),
                    String.valueOf(document));
        }
        yaml.lines()
                .filter(l -> l.contains("PWNED") && !l.startsWith("# "))
                .forEach(l -> assertTrue(l.startsWith("      "), "PWNED outside a comment or block scalar: " + l));
        String report = Files.readString(out.resolve("report.md"));
        report.lines().filter(l -> l.contains("PWNED")).forEach(l -> assertFalse(l.startsWith("import"), l));
    }

    @Test
    void outputEqualToTheRepoOrHoldingItIsRefusedAndNothingTouched() throws IOException {
        Path repo = repo("r");
        Map<String, String> before = snapshot();
        for (Path out : List.of(repo, tmp, repo.resolve("apps/.."))) {
            Run run = ferry("convert", repo.toString(), "-o", out.toString());
            assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
            assertTrue(
                    run.err().contains("ferry: error: the output ") && run.err().contains("nothing written"),
                    run.err());
            assertEquals(before, snapshot(), "something changed for -o " + out);
        }
    }

    @Test
    void outputThatIsAFileIsRefused() throws IOException {
        Path repo = repo("r");
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "mine");
        Map<String, String> before = snapshot();
        Run run = ferry("convert", repo.toString(), "-o", file.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.err().contains("exists and is not a directory"), run.err());
        assertEquals(before, snapshot());
    }

    @Test
    void existingOutputKeepsGitAndNotesRemovesOnlyStaleGeneratedFilesAndRefusesOverHandEdits() throws IOException {
        Path repo = repo("r");
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(out.resolve("README.md"), "our notes\n");
        assertEquals(0, ferry("convert", repo.toString(), "-o", out.toString()).exitCode());
        assertTrue(Files.readString(out.resolve(".ferry/manifest.json")).contains("\"dags/w.py\" : \"sha256:"));
        assertEquals("our notes\n", Files.readString(out.resolve("README.md")));
        assertTrue(Files.exists(out.resolve(".git/HEAD")));

        // The app is renamed: its old files are stale and removed (and said so); the rest stays.
        Files.writeString(
                repo.resolve("apps/a/workflow.xml"),
                Files.readString(repo.resolve("apps/a/workflow.xml")).replace("name=\"w\"", "name=\"v\""));
        Run rename = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, rename.exitCode(), rename.err());
        assertTrue(rename.out().contains("ferry: removed dags/w.py"), rename.out());
        assertFalse(Files.exists(out.resolve("dags/w.py")));
        assertFalse(Files.exists(out.resolve("flink/w")));
        assertTrue(Files.readString(out.resolve("report.md")).contains("- removed `dags/w.py`"));
        assertEquals("our notes\n", Files.readString(out.resolve("README.md")));
        assertTrue(Files.exists(out.resolve(".git/HEAD")));

        // A hand edit refuses the run (nothing touched) until --force.
        Files.writeString(out.resolve("dags/v.py"), Files.readString(out.resolve("dags/v.py")) + "# reviewed\n");
        Files.writeString(repo.resolve("s_new.txt"), "unrelated");
        Map<String, String> before = snapshot();
        Run edited = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(ExitCode.FAILURE, edited.exitCode(), edited.all());
        assertTrue(
                edited.err().contains("dags/v.py (edited since Ferry wrote it)")
                        && edited.err().contains("--force"),
                edited.err());
        assertEquals(before, snapshot());
        Run forced = ferry("convert", repo.toString(), "-o", out.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertFalse(Files.readString(out.resolve("dags/v.py")).contains("# reviewed"));
        assertEquals("our notes\n", Files.readString(out.resolve("README.md")));
    }

    @Test
    void pathsLeavingTheRepositoryAreErrorsAndNothingOutsideIsRead() throws IOException {
        String outside = "../../../outside";
        List<String> actions = List.of(
                "<pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>" + outside
                        + "/etc/passwd</script></pig>",
                "<hive xmlns=\"uri:oozie:hive-action:0.5\"><job-tracker>jt</job-tracker><name-node>nn</name-node><script>"
                        + outside + "/etc/passwd</script></hive>",
                "<java><job-tracker>jt</job-tracker><name-node>nn</name-node><job-xml>" + outside + "/x.xml</job-xml>"
                        + "<main-class>org.example.Main</main-class></java>",
                "<pig><job-tracker>jt</job-tracker><name-node>nn</name-node><script>"
                        + tmp.resolve("outside/etc/passwd") + "</script></pig>");
        for (int i = 0; i < actions.size(); i++) {
            Path repo = repo("r" + i, actions.get(i), PIG, "");
            Path out = tmp.resolve("out" + i);
            Run run = ferry("convert", repo.toString(), "-o", out.toString());
            assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), actions.get(i) + "\n" + run.all());
            assertTrue(
                    run.err()
                            .matches(
                                    "(?s).*apps/a/workflow\\.xml:\\d+:\\d+: error IO-E002: .*outside the repository.*"),
                    run.err());
            assertFalse(run.all().contains("OUTSIDE-CANARY"));
            // The workflow is not converted; the repository's s.pig, which no action now runs, is translated on its
            // own and is all that is written.
            assertFalse(Files.exists(out.resolve("dags")), actions.get(i));
            assertTrue(Files.exists(out.resolve("flink/_standalone/apps/a/s.sql")), actions.get(i));
            assertFalse(allOutput(out).contains("OUTSIDE-CANARY"));
        }
        Path imports = repo("imp", PIG_ACTION, "IMPORT '" + tmp.resolve("outside/m.pig") + "';\n" + PIG, "");
        Run run = ferry(
                "convert", imports.toString(), "-o", tmp.resolve("out-imp").toString());
        assertTrue(run.err().contains("apps/a/s.pig:1:1: error IO-E002"), run.err());
        assertFalse(allOutput(tmp.resolve("out-imp")).contains("OUTSIDE-CANARY"));
    }

    @Test
    void datasetIncludesAndAppPathsLeavingTheRepositoryAreErrorsNotMissingFiles() throws IOException {
        Path repo = repo("r");
        Files.writeString(repo.resolve("apps/a/coordinator.xml"), """
                <coordinator-app name="c" frequency="${coord:days(1)}" start="2026-01-01T00:00Z" end="2026-02-01T00:00Z"
                                 timezone="UTC" xmlns="uri:oozie:coordinator:0.4">
                  <datasets><include>../../../outside/x.xml</include></datasets>
                  <action><workflow><app-path>../../../outside</app-path></workflow></action>
                </coordinator-app>
                """);
        Files.writeString(tmp.resolve("outside/workflow.xml"), "<workflow-app name=\"OUTSIDE-CANARY\"/>");
        Run run = ferry("convert", repo.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(
                run.err()
                        .matches(
                                "(?s).*apps/a/coordinator\\.xml:1:1: error IO-E002: '[^']*outside/x\\.xml' is outside.*"),
                run.err());
        assertFalse(run.all().contains("OUTSIDE-CANARY"));
        Files.delete(tmp.resolve("outside/workflow.xml"));
    }

    @Test
    void symlinksInsideTheRepositoryLeadingOutAreErrorsAndNotRead() throws IOException {
        Path repo = repo("r");
        Files.delete(repo.resolve("apps/a/s.pig"));
        Files.createSymbolicLink(repo.resolve("apps/a/s.pig"), tmp.resolve("outside/etc/passwd"));
        Files.createSymbolicLink(repo.resolve("apps/leak.xml"), tmp.resolve("outside/x.xml"));
        Path out = tmp.resolve("out");
        Run run = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(run.err().contains("apps/leak.xml:1:1: error IO-E002"), run.err());
        assertTrue(run.err().matches("(?s).*apps/a/workflow\\.xml:3:\\d+: error IO-E002: .*"), run.err());
        assertFalse(run.all().contains("OUTSIDE-CANARY"));
        assertFalse(Files.exists(out));
    }

    @Test
    void repositoryGivenThroughASymlinkConvertsAndEarlierOutputSurvivesARefusal() throws IOException {
        Path repo = repo("r");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), repo);
        Path out = tmp.resolve("out");
        Run run = ferry("convert", link.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 DAG(s)"), run.out());
        assertTrue(Files.exists(out.resolve("dags/w.py")));
        // -o through the link to the repository itself is still the repository.
        assertEquals(
                ExitCode.FAILURE,
                ferry("convert", repo.toString(), "-o", link.toString()).exitCode());
        assertTrue(Files.exists(repo.resolve("apps/a/workflow.xml")));
    }

    @Test
    void plantedSecretsNeverLeaveOnAnyChannel() throws IOException {
        String pigAction =
                "<pig><job-tracker>jt</job-tracker><name-node>nn</name-node><configuration><property><name>db.password"
                        + "</name><value>CANARY-CONF</value></property></configuration><script>s.pig</script><param>IN=/in</param>"
                        + "<param>OUT=/out</param><param>TOKEN=CANARY-PARAM</param></pig><ok to=\"sh\"/><error to=\"k\"/></action>"
                        + "<action name=\"sh\"><shell xmlns=\"uri:oozie:shell-action:0.3\"><job-tracker>jt</job-tracker><name-node>nn"
                        + "</name-node><exec>run.sh</exec><argument>--password=CANARY-ARG</argument><argument>-Ddb.password=CANARY-D"
                        + "</argument><argument>jdbc:mysql://etl:CANARY-URL@db:3306/x</argument><argument>--db-password</argument>"
                        + "<argument>CANARY-SPLIT</argument><env-var>DB_PASSWORD=CANARY-ENV</env-var>"
                        + "</shell>";
        Path repo = repo(
                "r",
                pigAction,
                "%declare API_TOKEN 'CANARY-DECLARE'\n%default SECRET_KEY 'CANARY-DEFAULT'\n" + PIG
                        + "B = LOAD 'hdfs://loader:CANARY-PIGLOAD@nn/x' AS (x:int);\nSTORE B INTO 'ftp://writer:CANARY-PIGSTORE@host/o/b';\n",
                "jdbcUrl=jdbc:postgresql://u:CANARY-PROPURL@h/db\nreporting.db.password=CANARY-PROP\n");
        Path wf = repo.resolve("apps/a/workflow.xml");
        Files.writeString(
                wf,
                Files.readString(wf)
                        .replace(
                                "<start to=\"p\"/>",
                                "<global><configuration><property><name>mail.password"
                                        + "</name><value>CANARY-GLOBAL</value></property></configuration></global><start to=\"p\"/>"));
        Path out = tmp.resolve("out");
        Run run = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        Run preview = ferry("preview", repo.toString());
        assertEquals(0, preview.exitCode(), preview.all());
        assertTrue(preview.all().contains("&lt;secret db.password&gt;"), "the preview shows where the secret was");
        String everything = run.all() + allOutput(out) + preview.all();
        for (String canary : List.of(
                "CANARY-CONF",
                "CANARY-PARAM",
                "CANARY-ARG",
                "CANARY-D",
                "CANARY-URL",
                "CANARY-ENV",
                "CANARY-DECLARE",
                "CANARY-DEFAULT",
                "CANARY-PROPURL",
                "CANARY-PROP",
                "CANARY-GLOBAL",
                "CANARY-SPLIT",
                "CANARY-PIGLOAD",
                "CANARY-PIGSTORE")) {
            assertFalse(everything.contains(canary), canary + " leaked:\n" + everything);
        }
        String dag = Files.readString(out.resolve("dags/w.py"));
        for (String key : List.of(
                "TOKEN",
                "API_TOKEN",
                "SECRET_KEY",
                "password",
                "db.password",
                "etl_password",
                "DB_PASSWORD",
                "db-password",
                "u_password",
                "reporting.db.password",
                "loader_password",
                "writer_password")) {
            assertTrue(dag.contains("{{ var.value.get('" + key + "') }}"), key + "\n" + dag);
            assertTrue(run.err().contains("OOZ-W002") && run.err().contains("'" + key + "'"), key);
        }
        // The passwords the Pig script wrote into its paths are job parameters of the SQL, filled from the DAG.
        String sql = Files.readString(out.resolve("flink/w/p.sql"));
        assertTrue(
                sql.contains("'hdfs://loader:${loader_password}@nn/x'")
                        && sql.contains("'ftp://writer:${writer_password}@host/o/b'"),
                sql);
    }

    @Test
    void exponentialPropertyExpansionIsAClearError() throws IOException {
        StringBuilder props = new StringBuilder("a0=x\n");
        for (int i = 1; i <= 10; i++) {
            props.append("a")
                    .append(i)
                    .append("=")
                    .append(("${a" + (i - 1) + "}").repeat(8))
                    .append('\n');
        }
        Path repo = repo("r", PIG_ACTION, PIG, props.toString());
        Run run = ferry("convert", repo.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(
                run.err()
                        .contains(
                                "apps/a/job.properties:8:1: error IO-E003: property 'a7' expands to more than 1000000 characters"),
                run.err());
        assertNoStackTrace(run);
    }

    @Test
    void doublingMacroStopsAtTheExpansionLimit() throws IOException {
        StringBuilder pig = new StringBuilder("DEFINE m0(R) RETURNS T { $T = FILTER $R BY x > 0; };\n");
        for (int i = 1; i <= 25; i++) {
            pig.append("DEFINE m")
                    .append(i)
                    .append("(R) RETURNS T { a = m")
                    .append(i - 1)
                    .append("($R); b = m")
                    .append(i - 1)
                    .append("($R); $T = UNION a, b; };\n");
        }
        pig.append("A = LOAD '$IN' AS (x:int);\nB = m25(A);\nSTORE B INTO '$OUT';\n");
        Run run = ferry(
                "convert",
                repo("r", PIG_ACTION, pig.toString(), "").toString(),
                "-o",
                tmp.resolve("out").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(run.err().contains("error IO-E003: macro calls expand more than 10000 times"), run.err());
    }

    @Test
    void longExpressionsConvertAndDeepNestingIsALimitNotAStackOverflow() throws IOException {
        String terms = IntStream.range(0, 5000).mapToObj(i -> "x").collect(Collectors.joining(" + "));
        Run plus = ferry(
                "convert",
                repo(
                                "plus",
                                PIG_ACTION,
                                "A = LOAD '$IN' AS (x:int);\nB = FOREACH A GENERATE " + terms
                                        + ";\nSTORE B INTO '$OUT';\n",
                                "")
                        .toString(),
                "-o",
                tmp.resolve("out-plus").toString());
        assertEquals(0, plus.exitCode(), plus.all());
        String parens = "(".repeat(10_000) + "x" + ")".repeat(10_000);
        String ternary = "x > 0 ? x : ".repeat(2000) + "x";
        for (String deep : List.of(parens, ternary)) {
            Run run = ferry(
                    "convert",
                    repo(
                                    "deep",
                                    PIG_ACTION,
                                    "A = LOAD '$IN' AS (x:int);\nB = FOREACH A GENERATE " + deep
                                            + ";\nSTORE B INTO '$OUT';\n",
                                    "")
                            .toString(),
                    "-o",
                    tmp.resolve("out-deep").toString());
            assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
            assertTrue(run.err().matches("(?s).*apps/a/s\\.pig:2:\\d+: error IO-E003: .*"), run.err());
            assertNoStackTrace(run);
        }
    }

    @Test
    void deepXmlIsRefusedWhileRead() throws IOException {
        Path repo = repo("r");
        Path wf = repo.resolve("apps/a/workflow.xml");
        Files.writeString(
                wf,
                Files.readString(wf)
                        .replace(
                                "<end name=\"end\"/>",
                                "<end name=\"end\"/>" + "<x>".repeat(100_000) + "</x>".repeat(100_000)));
        Run run = ferry("convert", repo.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(run.err().contains("error IO-E003: XML elements nested more than 200 deep"), run.err());
    }

    @Test
    void pigParameterValuesExpandAsPigExpandsThemAndACycleIsPigsError() throws IOException {
        StringBuilder declares = new StringBuilder("%declare d0 'ab'\n");
        for (int i = 1; i <= 3; i++) {
            declares.append("%declare d")
                    .append(i)
                    .append(" '$d")
                    .append(i - 1)
                    .append("$d")
                    .append(i - 1)
                    .append("'\n");
        }
        Path repo = repo("r", PIG_ACTION, declares + "A = LOAD '$IN/$d3' AS (x:int);\nSTORE A INTO '$OUT';\n", "");
        Path out = tmp.resolve("out");
        Run run = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out.resolve("dags/w.py")).contains("\"d3\": \"" + "ab".repeat(8) + "\""));

        Path cycle = repo("c", PIG_ACTION, "%default a '$b'\n%default b '$a'\n" + PIG, "");
        Run pigError =
                ferry("convert", cycle.toString(), "-o", tmp.resolve("out-c").toString());
        assertEquals(ExitCode.INPUT_ERRORS, pigError.exitCode(), pigError.all());
        assertTrue(
                pigError.err()
                        .contains("apps/a/s.pig:1:1: error PIG-E002: Undefined parameter : b found when trying to find"
                                + " the value of a."),
                pigError.err());
    }

    @Test
    void namespaceLessWorkflowConvertsWithAWarningThatOozieRejectsIt() throws IOException {
        Path repo = repo("r");
        Path wf = repo.resolve("apps/a/workflow.xml");
        Files.writeString(wf, Files.readString(wf).replace(" xmlns=\"uri:oozie:workflow:0.5\"", ""));
        Path out = tmp.resolve("out");
        Run run = ferry("convert", repo.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err()
                        .contains(
                                "apps/a/workflow.xml:1:1: warning OOZ-W007: the root element has no namespace: Oozie itself"
                                        + " rejects this file at submission"),
                run.err());
        assertTrue(Files.exists(out.resolve("dags/w.py")));
    }

    /**
     * Names and script text reach the terminal in diagnostics and the summary: an ESC (a terminal escape sequence), a
     * BEL, a carriage return or a bidirectional override from the repository is printed as its escape, never sent.
     */
    @Test
    void controlCharactersFromTheRepositoryNeverReachTheTerminal() throws IOException {
        String controls = "\u001b]0;TITLE\u0007\u001b[2K\r\u202e";
        Path repo = tmp.resolve("r");
        Path app = Files.createDirectories(repo.resolve("apps").resolve("a" + controls));
        Files.writeString(
                app.resolve("s.pig"),
                "A = LOAD 'x' AS (x:int);\nB = FOREACH A GENERATE x" + controls + ";\nSTORE B INTO 'y';\n");
        Run run = ferry("convert", repo.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.all());
        assertTrue(run.err().contains("apps/a\\u001b]0;TITLE\\u0007\\u001b[2K\\u000d\\u202e/s.pig:2:"), run.err());
        String sent = run.all()
                .chars()
                .filter(c -> !VisibleControls.shown(c))
                .mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(" "));
        assertEquals("", sent, run.all());
    }

    @Test
    void exitCodesAreDocumentedInTheHelp() {
        Run help = ferry("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("3   internal error: a Ferry bug"), help.out());
    }

    @Test
    void nothingOutsideTheTempRootWasTouchedByAnyCase() throws IOException {
        // Each case plants OUTSIDE-CANARY files beside its repositories; they must hold exactly what was planted.
        assertEquals("root:OUTSIDE-CANARY:0:0\n", Files.readString(outsideSecret));
        assertFalse(Files.exists(Path.of("PWNED")));
    }
}
