package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.sql.SqlJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry verify SCRIPT.pig}: runs the script in real Pig (local mode, the oracle's own JVM) and
 * its translation on embedded Flink (the runtime jar, {@code java -jar}), each STORE redirected to a
 * scratch directory, and compares what each STORE wrote: as multisets, in order where the script
 * ORDERs; doubles within a relative 1e-9 (summation order differs between the engines).
 * Exit 0 when every STORE agrees, 1 when one differs or the script does not translate or run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class,
        footer = {"", "Exit codes: 0 every STORE agrees, 1 a difference (or the script does not translate), 2 usage."},
        description = "Run a Pig script in real Pig and its translation on embedded Flink; compare the outputs.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The Pig script.")
    Path script;

    @Option(names = "--param", description = "A Pig parameter, NAME=VALUE (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", description = "Read ALIAS's LOAD from PATH instead (repeatable).")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(names = "--oracle", description = "The built oracle module's target directory (default: oracle/target).")
    Path oracle;

    @Option(names = "--runtime-jar", description = "ferry-runtime.jar (default: $FERRY_RUNTIME_JAR, else runtime/target/ferry-runtime.jar).")
    Path runtimeJar;

    @Mixin
    Streams streams;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        Diagnostics diagnostics = new Diagnostics();
        String display = script.getFileName().toString();
        Optional<PigScript> parsed = PigLoader.load(dev.ferry.parser.repo.RepoRoot.of(script.toAbsolutePath().getParent()), script, display, Optional.empty(), diagnostics);
        Optional<SqlJob> job = parsed.flatMap(p -> PigToSql.translate(p, "verify", diagnostics));
        if (job.isEmpty()) {
            diagnostics.sorted().stream().map(Diagnostic::format).forEach(err::println);
            err.println(display + ": not translated, nothing to verify");
            return 1;
        }
        Path work = Files.createTempDirectory("ferry-verify");
        String text = Files.readString(script, StandardCharsets.UTF_8);
        List<PigStatement.Store> stores = parsed.get().statements().stream()
                .filter(PigStatement.Store.class::isInstance).map(PigStatement.Store.class::cast).toList();
        // Pig and Flink read the same inputs and write their own copies of every STORE.
        List<SqlJob.Table> sinks = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            text = ScriptPaths.replace(text, stores.get(i).span(), stores.get(i).path(), work.resolve("pig/" + i).toString());
            SqlJob.Table sink = job.get().sinks().get(i);
            sinks.add(new SqlJob.Table(sink.name(), sink.columns(), work.resolve("flink/" + i).toString(), sink.fieldDelimiter(),
                    sink.singleWriter(), sink.span()));
        }
        List<SqlJob.Table> sources = new ArrayList<>();
        for (SqlJob.Table source : job.get().sources()) {
            String path = data.getOrDefault(source.name(), source.path());
            sources.add(new SqlJob.Table(source.name(), source.columns(), path, source.fieldDelimiter(), source.singleWriter(), source.span()));
        }
        for (var load : ScriptPaths.loads(parsed.get()).entrySet()) {
            for (int i = 0; i < stores.size(); i++) {
                // A LOAD of what an earlier STORE wrote reads Pig's redirected copy.
                if (load.getValue().path().equals(stores.get(i).path()) && load.getValue().span().line() > stores.get(i).span().line()) {
                    text = ScriptPaths.replace(text, load.getValue().span(), load.getValue().path(), work.resolve("pig/" + i).toString());
                }
            }
            if (data.containsKey(load.getKey())) {
                text = ScriptPaths.replace(text, load.getValue().span(), load.getValue().path(), data.get(load.getKey()));
            }
        }
        SqlJob redirected = new SqlJob(job.get().name(), job.get().sourceFile(), job.get().parameters(), sources,
                job.get().views(), sinks, job.get().inserts());
        Path pigScript = Files.writeString(work.resolve(display), text);
        Path sql = Files.writeString(work.resolve("job.sql"), SqlScriptRenderer.render(redirected));
        Map<String, String> bound = new LinkedHashMap<>();
        job.get().parameters().forEach(p -> {
            if (p.defaultValue() != null) {
                bound.put(p.name(), p.defaultValue());
            }
        });
        bound.putAll(params);

        try (PigOracle pig = PigOracle.start(oracle != null ? oracle : PigOracle.defaultTargetDir())) {
            pig.run(pigScript, params);
        } catch (RuntimeException | IOException e) {
            err.println(display + ": Pig failed: " + e.getMessage());
            return 1;
        }
        String flinkError = runFlink(sql, bound, work);
        if (flinkError != null) {
            err.println(display + ": the Flink job failed: " + flinkError);
            return 1;
        }
        boolean agree = true;
        for (int i = 0; i < stores.size(); i++) {
            SqlJob.Insert insert = redirected.inserts().get(i);
            boolean ordered = insert.query() instanceof dev.ferry.translator.sql.SqlQuery.Select s && !s.orderBy().isEmpty();
            List<String> pigRows = PigOutput.read(work.resolve("pig/" + i));
            List<String> flinkRows = PigOutput.read(work.resolve("flink/" + i));
            String difference = OutputComparison.differences(pigRows, flinkRows, ordered, sinks.get(i).fieldDelimiter());
            String what = "STORE " + stores.get(i).alias() + " INTO '" + stores.get(i).path() + "' (line " + stores.get(i).span().line() + ")";
            if (difference.isEmpty()) {
                out.println("agree: " + what + ", " + pigRows.size() + " row(s)" + (ordered ? ", in order" : ""));
            } else {
                agree = false;
                out.println("DIFFER: " + what + ": " + difference);
                String multiset = OutputComparison.multisetDiff(pigRows, flinkRows, 10);
                if (!multiset.isEmpty()) {
                    out.println(multiset);
                }
            }
        }
        return agree ? 0 : 1;
    }

    /** Runs the SQL with the runtime jar in its own JVM; null when the job succeeded, else why not. */
    private String runFlink(Path sql, Map<String, String> bound, Path work) throws IOException, InterruptedException {
        Path jar = runtimeJar != null ? runtimeJar
                : System.getenv("FERRY_RUNTIME_JAR") != null ? Path.of(System.getenv("FERRY_RUNTIME_JAR"))
                : Path.of("runtime/target/ferry-runtime.jar");
        if (!Files.isRegularFile(jar)) {
            return "no runtime jar at " + jar + " (build it: mvn -pl runtime -am package -DskipTests, or pass --runtime-jar)";
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--script", sql.toString()));
        bound.forEach((k, v) -> command.add("--param=" + k + "=" + v));
        Path log = work.resolve("flink.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "timed out (log: " + log + ")";
        }
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + " (log: " + log + ")";
    }
}
