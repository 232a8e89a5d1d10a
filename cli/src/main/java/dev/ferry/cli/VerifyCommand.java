package dev.ferry.cli;

import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry verify SCRIPT.pig}: runs the script in real Pig (local mode, the oracle's own JVM) and
 * its translation on embedded Flink (the runtime jar, {@code java -jar}), each STORE redirected to a
 * scratch directory, and compares what each STORE wrote: as multisets, in order where the script
 * ORDERs; doubles within a relative 1e-9 (summation order differs between the engines); a LIMIT without ORDER
 * and a SAMPLE only as far as Pig defines them ({@link ScriptVerification#comparison}).
 * Exit 0 when every STORE agrees, 1 when one differs or the script does not translate or run.
 *
 * <p>{@code ferry verify --repo DIR} does it for every {@code .pig} file under DIR, each LOAD reading a
 * sample of its file when the repository holds it, else rows generated from its schema
 * ({@link VerifyInputs}), and prints one line per script and the counts: the agree rate.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        footer = {
            "",
            "Exit codes: 0 every STORE agrees (--repo: every translated script agrees, none is an error),",
            "1 a difference, a script that does not translate or cannot run, 2 usage."
        },
        description =
                "Run a Pig script (or every script of a repository) in real Pig and its translation on embedded Flink; compare the outputs.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "The Pig script.")
    Path script;

    @Option(
            names = "--repo",
            description = "Verify every .pig file under this directory, on sampled or generated input.")
    Path repo;

    @Option(names = "--param", description = "A Pig parameter, NAME=VALUE (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", description = "Read ALIAS's LOAD from PATH instead (repeatable; one script only).")
    Map<String, String> data = new LinkedHashMap<>();

    @Option(names = "--oracle", description = "The built oracle module's target directory (default: oracle/target).")
    Path oracle;

    @Option(
            names = "--runtime-jar",
            description = "ferry-runtime.jar (default: $FERRY_RUNTIME_JAR, else runtime/target/ferry-runtime.jar).")
    Path runtimeJar;

    @Option(
            names = "--keep-work",
            description = "Keep the work directory (inputs given to the LOADs, Pig's and Flink's outputs) and print its"
                    + " path; by default it is deleted when verify ends.")
    boolean keepWork;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((script == null) == (repo == null) || (repo != null && !data.isEmpty())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give either SCRIPT.pig (with --data if wanted) or --repo DIR");
        }
        Path jar = runtimeJar != null
                ? runtimeJar
                : System.getenv("FERRY_RUNTIME_JAR") != null
                        ? Path.of(System.getenv("FERRY_RUNTIME_JAR"))
                        : Path.of("runtime/target/ferry-runtime.jar");
        try (ScriptVerification.Oracle pig = new ScriptVerification.Oracle(
                oracle != null ? oracle : dev.ferry.oracle.PigOracle.defaultTargetDir())) {
            return repo != null ? verifyRepo(pig, jar) : verifyScript(pig, jar);
        }
    }

    private int verifyScript(ScriptVerification.Oracle pig, Path jar) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(script)) {
            throw new IOException("no such script: " + script);
        }
        try (ScratchDirectory scratch = ScratchDirectory.create(keepWork, err)) {
            return verifyScript(pig, jar, scratch, out, err);
        }
    }

    private int verifyScript(
            ScriptVerification.Oracle pig, Path jar, ScratchDirectory scratch, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Path work = scratch.path();
        // A script named by a relative path ("job.pig") has no parent of its own: its directory is the cwd's.
        Path file = script.toAbsolutePath();
        ScriptVerification.Result result = ScriptVerification.verify(
                RepoRoot.of(file.getParent()),
                file,
                file.getFileName().toString(),
                params,
                (load, alias, index, values, pigmix, reads, dir) -> Optional.ofNullable(data.get(alias))
                        .map(path -> new VerifyInputs.Input(Path.of(path), VerifyInputs.Kind.GIVEN)),
                pig,
                jar,
                work);
        boolean agreeOrDiffer = result.outcome() == ScriptVerification.Outcome.AGREE
                || result.outcome() == ScriptVerification.Outcome.DIFFER;
        result.lines().forEach(agreeOrDiffer ? out::println : err::println);
        if (result.outcome() == ScriptVerification.Outcome.DIFFER) {
            out.println(scratch.differNote(work));
        }
        if (result.outcome() == ScriptVerification.Outcome.TODO
                || result.outcome() == ScriptVerification.Outcome.ERROR) {
            err.println(script.getFileName() + ": not translated, nothing to verify");
        }
        return result.outcome() == ScriptVerification.Outcome.AGREE ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }

    private int verifyRepo(ScriptVerification.Oracle pig, Path jar) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(repo)) {
            throw new IOException("no such directory: " + repo);
        }
        RepoRoot root = RepoRoot.of(repo);
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(root.path())) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".pig") && Files.isRegularFile(p))
                    .filter(root::contains)
                    .sorted()
                    .toList();
        }
        try (ScratchDirectory scratch =
                ScratchDirectory.create(keepWork, spec.commandLine().getErr())) {
            return verifyRepo(pig, jar, root, scripts, scratch, out);
        }
    }

    private int verifyRepo(
            ScriptVerification.Oracle pig,
            Path jar,
            RepoRoot root,
            List<Path> scripts,
            ScratchDirectory scratch,
            PrintWriter out)
            throws IOException, InterruptedException {
        Map<ScriptVerification.Outcome, Integer> counts = new EnumMap<>(ScriptVerification.Outcome.class);
        Map<VerifyInputs.Kind, Integer> inputs = new EnumMap<>(VerifyInputs.Kind.class);
        int emptyAgree = 0;
        for (int i = 0; i < scripts.size(); i++) {
            Path file = scripts.get(i);
            String display = root.display(file);
            Path work = Files.createDirectories(scratch.path().resolve(String.valueOf(i)));
            ScriptVerification.Result result = ScriptVerification.verify(
                    root,
                    file,
                    display,
                    params,
                    (load, alias, index, values, pigmix, reads, dir) -> Optional.of(
                            VerifyInputs.of(root, file.getParent(), load, index, values, pigmix, reads, dir)),
                    pig,
                    jar,
                    work);
            counts.merge(result.outcome(), 1, Integer::sum);
            emptyAgree += result.empty() ? 1 : 0;
            if (result.outcome() == ScriptVerification.Outcome.AGREE
                    || result.outcome() == ScriptVerification.Outcome.DIFFER) {
                result.inputs().forEach(kind -> inputs.merge(kind, 1, Integer::sum));
            }
            out.println(String.format(Locale.ROOT, "%-8s %s%s", result.label(), display, describe(result.inputs())));
            result.lines().forEach(line -> out.println("         " + line.replace("\n", "\n         ")));
            if (result.outcome() == ScriptVerification.Outcome.DIFFER) {
                out.println("         " + scratch.differNote(work));
            }
        }
        int translated = count(counts, ScriptVerification.Outcome.AGREE)
                + count(counts, ScriptVerification.Outcome.DIFFER)
                + count(counts, ScriptVerification.Outcome.NOT_RUN);
        int agree = count(counts, ScriptVerification.Outcome.AGREE);
        int compared = agree + count(counts, ScriptVerification.Outcome.DIFFER);
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "scripts %d: translated %d, no effect %d, TODO %d, error %d",
                scripts.size(),
                translated,
                count(counts, ScriptVerification.Outcome.NO_EFFECT),
                count(counts, ScriptVerification.Outcome.TODO),
                count(counts, ScriptVerification.Outcome.ERROR)));
        out.println(String.format(
                Locale.ROOT,
                "translated %d: agree %d%s, differ %d, not run %d",
                translated,
                agree,
                emptyAgree == 0 ? "" : " (" + emptyAgree + " on empty outputs only)",
                count(counts, ScriptVerification.Outcome.DIFFER),
                count(counts, ScriptVerification.Outcome.NOT_RUN)));
        out.println(String.format(
                Locale.ROOT,
                "agree rate: %s of all scripts, %s of the scripts compared",
                rate(agree, scripts.size()),
                rate(agree, compared)));
        out.println(String.format(
                Locale.ROOT,
                "inputs of the scripts compared: %d sampled from the repository, %d generated from LOAD schemas",
                inputs.getOrDefault(VerifyInputs.Kind.SAMPLED, 0),
                inputs.getOrDefault(VerifyInputs.Kind.GENERATED, 0)));
        boolean clean = compared == agree
                && count(counts, ScriptVerification.Outcome.ERROR) == 0
                && count(counts, ScriptVerification.Outcome.NOT_RUN) == 0;
        return clean ? ExitCode.OK : ExitCode.INPUT_ERRORS;
    }

    private static String describe(List<VerifyInputs.Kind> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (VerifyInputs.Kind kind : VerifyInputs.Kind.values()) {
            long n = kinds.stream().filter(kind::equals).count();
            if (n > 0) {
                parts.add(n + " " + kind.name().toLowerCase(Locale.ROOT));
            }
        }
        return "  (inputs: " + String.join(", ", parts) + ")";
    }

    private static int count(Map<ScriptVerification.Outcome, Integer> counts, ScriptVerification.Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    private static String rate(int part, int whole) {
        return whole == 0
                ? part + "/0"
                : String.format(Locale.ROOT, "%d/%d (%.0f%%)", part, whole, 100.0 * part / whole);
    }
}
