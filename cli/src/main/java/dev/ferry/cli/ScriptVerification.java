package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.generator.sql.SqlScriptRenderer;
import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOracleException;
import dev.ferry.oracle.PigOutput;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigParameters;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PiggyBank;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.pig.SchemaFiles;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One Pig script through real Pig and through its translation on Flink, on the same input, every STORE
 * redirected to a scratch directory; the outcome and one line per STORE (and one for what the DUMPs print). Used by {@code ferry verify}
 * for one script and for every script of a repository.
 */
final class ScriptVerification {

    /** What became of one script. */
    enum Outcome {
        /** Every STORE wrote the same rows in Pig and on Flink, and the DUMPs printed the same lines. */
        AGREE("agree"),
        /** A STORE differs, or the Flink job failed where Pig succeeded. */
        DIFFER("DIFFER"),
        /** Not translated: only constructs not translated yet (PIG-E020) stand in the way; a script with no output is one. */
        TODO("TODO"),
        /** Not translated for another reason: an error Ferry gives for a script Pig may accept. */
        ERROR("error"),
        /**
         * Nothing to translate or compare: the script stores and dumps nothing, so Pig runs no job for it (it only
         * prints schemas and plans with DESCRIBE, EXPLAIN or ILLUSTRATE, or it is a macro library).
         */
        NO_EFFECT("no effect"),
        /** Translated but not compared: no input could be given, or Pig itself failed on it. */
        NOT_RUN("not run");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** The outcome, the inputs used (by kind), and the lines to print (STORE results or diagnostics). */
    record Result(Outcome outcome, List<VerifyInputs.Kind> inputs, List<String> lines) {
        /**
         * Whether the script agrees only on empty outputs: every STORE wrote no row and the DUMPs printed nothing, on
         * both sides. Such an agreement is no evidence, and is reported as {@value #EMPTY_AGREE}.
         */
        boolean empty() {
            return outcome == Outcome.AGREE
                    && !lines.isEmpty()
                    && lines.stream().allMatch(l -> l.startsWith(EMPTY_AGREE));
        }

        /** The outcome's label, {@value #EMPTY_AGREE} for an agreement on empty outputs only. */
        String label() {
            return empty() ? EMPTY_AGREE : outcome.label;
        }
    }

    /** How an agreement on an empty output begins: both sides wrote no row, so it shows nothing of the translation. */
    static final String EMPTY_AGREE = "agree (0 rows)";

    /** The input of one LOAD, or empty to read the path the script names. */
    @FunctionalInterface
    interface InputPlan {
        Optional<VerifyInputs.Input> input(
                PigRelation.Load load,
                String alias,
                int index,
                Map<String, String> values,
                boolean pigmix,
                VerifyInputs.Reads reads,
                Path work)
                throws IOException, VerifyInputs.NoInput;
    }

    /** Starts the Pig oracle when first needed and restarts it after it died. */
    static final class Oracle implements AutoCloseable {
        private final Path targetDir;
        private PigOracle pig;

        Oracle(Path targetDir) {
            this.targetDir = targetDir;
        }

        PigOracle get() throws IOException {
            if (pig == null || !pig.isAlive()) {
                close();
                pig = PigOracle.start(targetDir);
            }
            return pig;
        }

        @Override
        public void close() {
            if (pig != null) {
                pig.close();
                pig = null;
            }
        }
    }

    private static final Set<DiagnosticCode> TODO_CODES = Set.of(DiagnosticCode.PIG_E020, DiagnosticCode.PIG_E003);

    private ScriptVerification() {}

    static Result verify(
            RepoRoot root,
            Path script,
            String display,
            Map<String, String> params,
            InputPlan plan,
            Oracle oracle,
            Path runtimeJar,
            Path work)
            throws IOException, InterruptedException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<PigScript> parsed = PigLoader.load(root, script, display, Optional.empty(), diagnostics);
        Optional<SqlJob> translated = parsed.flatMap(p -> PigToSql.translate(
                p,
                "verify",
                params.keySet(),
                HiveTables.NONE,
                // As the conversion does: a LOAD without AS is typed by the repository's .pig_schema, which
                // its sample carries to Pig.
                SchemaFiles.inRepository(root, script.getParent()),
                diagnostics));
        List<Diagnostic> errors =
                diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
        if (translated.isEmpty() && parsed.isPresent() && hasNoEffect(parsed.get())) {
            return new Result(
                    Outcome.NO_EFFECT,
                    List.of(),
                    List.of(display + ": no STORE or DUMP, so Pig runs no job for it (DESCRIBE, EXPLAIN and"
                            + " ILLUSTRATE print schemas and plans, a macro only defines): nothing to translate or"
                            + " compare"));
        }
        if (translated.isEmpty()) {
            boolean todo = !errors.isEmpty() && errors.stream().allMatch(d -> TODO_CODES.contains(d.code()));
            return new Result(
                    todo ? Outcome.TODO : Outcome.ERROR,
                    List.of(),
                    diagnostics.sorted().stream().map(Diagnostic::format).toList());
        }
        SqlJob job = translated.get();
        List<PigStatement.Store> stores = parsed.get().statements().stream()
                .filter(PigStatement.Store.class::isInstance)
                .map(PigStatement.Store.class::cast)
                .toList();
        List<PigStatement.Command> dumps = parsed.get().statements().stream()
                .filter(s -> s instanceof PigStatement.Command c && c.keyword().equals("DUMP"))
                .map(PigStatement.Command.class::cast)
                .toList();
        String text = Files.readString(script, StandardCharsets.UTF_8);
        Map<String, String> bound = withParallelism(text, params);
        try {
            return run(
                    root,
                    text,
                    script,
                    display,
                    bound,
                    plan,
                    oracle,
                    runtimeJar,
                    work,
                    parsed.get(),
                    job,
                    stores,
                    dumps,
                    true);
        } catch (Refused refused) {
            if (!refused.pigFailed || !refused.inputs.contains(VerifyInputs.Kind.GENERATED)) {
                return new Result(Outcome.NOT_RUN, refused.inputs, List.of(refused.diagnostic.format()));
            }
            // Pig itself may fail on a generated line cut short (0.18's multi-query packager reads a GROUP key past the
            // end of a short tuple of a LOAD without AS): the same rows again, every line whole.
            try {
                Result whole = run(
                        root,
                        text,
                        script,
                        display,
                        bound,
                        plan,
                        oracle,
                        runtimeJar,
                        Files.createDirectories(work.resolve("whole-lines")),
                        parsed.get(),
                        job,
                        stores,
                        dumps,
                        false);
                List<String> lines = new ArrayList<>();
                lines.add("generated rows with no line cut short: real Pig failed on the first ones ("
                        + refused.diagnostic.message() + ")");
                lines.addAll(whole.lines());
                return new Result(whole.outcome(), whole.inputs(), lines);
            } catch (Refused again) {
                return new Result(Outcome.NOT_RUN, refused.inputs, List.of(refused.diagnostic.format()));
            }
        }
    }

    /** Commands that change no data: a script of only these, relations and DEFINEs runs no job in Pig. */
    private static final Set<String> NO_DATA_COMMANDS = Set.of("DESCRIBE", "EXPLAIN", "ILLUSTRATE", "SET", "REGISTER");

    /**
     * Whether the script writes nothing: no STORE, no DUMP and no command but {@link #NO_DATA_COMMANDS} (a removal,
     * a copy or a shell command has an effect). Pig builds its relations and runs no job.
     */
    static boolean hasNoEffect(PigScript script) {
        return script.statements().stream()
                .noneMatch(s -> s instanceof PigStatement.Store
                        || s instanceof PigStatement.Command c && !NO_DATA_COMMANDS.contains(c.keyword()));
    }

    /** Why a translated script was not run: a coded diagnostic. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;
        final transient List<VerifyInputs.Kind> inputs;
        /** Whether real Pig ran the script and failed on the input (not an ASSERT). */
        final boolean pigFailed;

        Refused(Diagnostic diagnostic, List<VerifyInputs.Kind> inputs) {
            this(diagnostic, inputs, false);
        }

        Refused(Diagnostic diagnostic, List<VerifyInputs.Kind> inputs, boolean pigFailed) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
            this.inputs = List.copyOf(inputs);
            this.pigFailed = pigFailed;
        }
    }

    /**
     * The script without its shell-command parameters ({@code %declare X `cmd`}, and a {@code %default} one when
     * nothing set X before): Ferry runs no command of its input, in Pig's copy neither. Each line becomes empty (line
     * numbers stay); X is then what the user passes ({@code --param X=...}, what the command prints), which Pig's copy
     * gets as a {@code -param} and the job as its parameter. A command whose output X would be and no --param X stops
     * the verification, naming the command.
     */
    static String withoutShellCommands(
            String text,
            List<PigScript.ParamDefault> defaults,
            Map<String, String> params,
            List<VerifyInputs.Kind> kinds)
            throws Refused {
        String[] lines = text.split("\n", -1);
        Set<String> set = new HashSet<>(params.keySet());
        for (PigScript.ParamDefault d : defaults) {
            boolean sets = d.declare() || !set.contains(d.name());
            set.add(d.name());
            if (!d.isShellCommand()) {
                continue;
            }
            if (sets && !params.containsKey(d.name())) {
                throw new Refused(
                        new Diagnostic(
                                DiagnosticCode.PIG_E003,
                                d.span(),
                                "parameter '" + d.name() + "' is the output of the shell command " + d.value()
                                        + ", which Ferry does not run (in Pig's copy neither), so verify needs its"
                                        + " value",
                                "pass what the command prints: --param " + d.name() + "=<value>"),
                        kinds);
            }
            int line = d.span().line() - 1;
            if (line >= 0 && line < lines.length) {
                lines[line] = "";
            }
        }
        return String.join("\n", lines);
    }

    /** Grunt commands that print what Pig knows of the script (schemas, plans, examples) and no data. */
    private static final Set<String> PRINTING_COMMANDS = Set.of("DESCRIBE", "EXPLAIN", "ILLUSTRATE");

    /**
     * The script without its DESCRIBE, EXPLAIN and ILLUSTRATE commands: Pig prints their schemas and plans where it
     * prints a DUMP's rows, the translated job has none of them (PIG-W001), and they change no row. Each command
     * written in this script becomes spaces up to its {@code ;} (line breaks stay, so every position stays); one a
     * macro expands is left as it is.
     */
    static String withoutPrintingCommands(String text, String display, List<PigStatement> statements) {
        StringBuilder b = new StringBuilder(text);
        for (PigStatement statement : statements) {
            if (!(statement instanceof PigStatement.Command command)
                    || !PRINTING_COMMANDS.contains(command.keyword())
                    || !command.span().file().equals(display)) {
                continue;
            }
            int start = ScriptPaths.offsetOf(text, command.span());
            if (start < 0
                    || !text.regionMatches(
                            true, start, command.keyword(), 0, command.keyword().length())) {
                continue;
            }
            int end = text.indexOf(';', start);
            for (int i = start; i <= (end < 0 ? text.length() - 1 : end); i++) {
                if (b.charAt(i) != '\n') {
                    b.setCharAt(i, ' ');
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code PARALLEL $N}, or {@code SET default_parallel $N} (or Hadoop's own reducer count): a parameter that sets
     * only the number of reducers.
     */
    private static final Pattern REDUCERS_PARAMETER = Pattern.compile(
            "(?i)(?:\\bparallel\\s+|(?<![\\w.$])set\\s+(?:default_parallel|mapred\\.reduce\\.tasks|mapreduce\\.job\\.reduces)"
                    + "\\s+['\"]?)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /**
     * The parameters with 1 for each one the script uses only as a number of reducers ({@code PARALLEL $N},
     * {@code SET default_parallel $N}) and is not given: the number of reducers changes no row (PigMix's
     * {@code parallel $PARALLEL}), so verify needs no value from the user.
     */
    static Map<String, String> withParallelism(String text, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        Matcher m = REDUCERS_PARAMETER.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            boolean elsewhere = Pattern.compile("\\$(\\{" + name + "}|" + name + "\\b)")
                    .matcher(REDUCERS_PARAMETER.matcher(text).replaceAll(""))
                    .find();
            if (!elsewhere
                    && !Pattern.compile("(?im)^\\s*%(?:default|declare)\\s+" + name + "\\b")
                            .matcher(text)
                            .find()) {
                all.putIfAbsent(name, "1");
            }
        }
        return all;
    }

    /** A parameter in a command's text: group 1 or 2 its name. */
    private static final Pattern PARAMETER =
            Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /**
     * The script without the SETs whose value is a parameter that has no value ({@code SET mapreduce.job.queuename
     * $QUEUE}): a setting's value cannot be guessed (a Hadoop property may want a number, a path, a name), and the
     * translation takes no SET but default_parallel (PIG-W001), so Pig's copy runs with that key's default, as the job
     * does. Each such SET written in this script becomes spaces up to its {@code ;} (line breaks stay). A reducer count
     * is bound to 1 instead ({@link #withParallelism}).
     */
    static String withoutUnboundSettings(
            String text, String display, List<PigStatement> statements, Map<String, String> values) {
        StringBuilder b = new StringBuilder(text);
        for (PigStatement statement : statements) {
            if (!(statement instanceof PigStatement.Command command)
                    || !command.keyword().equals("SET")
                    || !command.span().file().equals(display)) {
                continue;
            }
            Matcher parameter = PARAMETER.matcher(command.argument());
            boolean unbound = false;
            while (parameter.find()) {
                unbound |= !values.containsKey(parameter.group(1) != null ? parameter.group(1) : parameter.group(2));
            }
            int start = ScriptPaths.offsetOf(text, command.span());
            if (!unbound || start < 0 || !text.regionMatches(true, start, "set", 0, 3)) {
                continue;
            }
            int end = text.indexOf(';', start);
            for (int i = start; i <= (end < 0 ? text.length() - 1 : end); i++) {
                if (b.charAt(i) != '\n') {
                    b.setCharAt(i, ' ');
                }
            }
        }
        return b.toString();
    }

    private static Result run(
            RepoRoot root,
            String original,
            Path script,
            String display,
            Map<String, String> params,
            InputPlan plan,
            Oracle oracle,
            Path runtimeJar,
            Path work,
            PigScript parsed,
            SqlJob job,
            List<PigStatement.Store> stores,
            List<PigStatement.Command> dumps,
            boolean shortLines)
            throws IOException, InterruptedException, Refused {
        List<VerifyInputs.Kind> kinds = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        parsed.defaults().stream()
                .filter(d -> !d.isShellCommand())
                .forEach(d -> values.putIfAbsent(d.name(), d.value()));
        values.putAll(params);
        String text = withoutUnboundSettings(
                withoutPrintingCommands(
                        withoutShellCommands(original, parsed.defaults(), params, kinds), display, parsed.statements()),
                display,
                parsed.statements(),
                values);

        // Pig and Flink write their own copies of every STORE...
        Map<SourceSpan, Path> storeDirs = new LinkedHashMap<>();
        for (int i = 0; i < stores.size(); i++) {
            PigStatement.Store store = stores.get(i);
            storeDirs.put(store.span(), work.resolve("flink/" + i));
            text = redirect(text, display, store.span(), store.path(), work.resolve("pig/" + i), kinds);
        }
        // A removal before a STORE (rmf, rm, fs -rm) removes Pig's copy of that STORE: real Pig runs the script, and
        // the path as written is anything on this machine.
        for (PigStatement statement : parsed.statements()) {
            if (statement instanceof PigStatement.Command command && REMOVALS.contains(command.keyword())) {
                text = redirectRemoval(text, display, command, stores, work, kinds);
            }
        }
        // ...and read the same inputs; a LOAD of what an earlier STORE wrote reads Pig's copy (Flink reads the view).
        Map<SourceSpan, Path> sourceFiles = new LinkedHashMap<>();
        boolean pigmix = VerifyInputs.usesPigMix(parsed.statements().stream()
                .filter(PigStatement.Assign.class::isInstance)
                .map(s -> ((PigStatement.Assign) s).relation())
                .filter(PigRelation.Load.class::isInstance)
                .map(PigRelation.Load.class::cast)
                .toList());
        if (pigmix) {
            text = pigMixRegisters(text, work);
        }
        int index = 0;
        VerifyInputs.Reads reads = shortLines
                ? VerifyInputs.Reads.of(original)
                : VerifyInputs.Reads.of(original).withoutShortLines();
        Map<String, FuncSpec> defined = new HashMap<>();
        for (PigStatement statement : parsed.statements()) {
            if (statement instanceof PigStatement.DefineFunction define) {
                defined.put(define.name(), define.function());
            }
            if (!(statement instanceof PigStatement.Assign assign)
                    || !(assign.relation() instanceof PigRelation.Load named)) {
                continue;
            }
            // A LOAD USING a DEFINEd alias reads as the function the DEFINE names (its class and arguments).
            PigRelation.Load load = named.function() != null
                            && defined.containsKey(named.function().name())
                    ? new PigRelation.Load(
                            named.path(), defined.get(named.function().name()), named.schema(), named.span())
                    : named;
            Optional<Integer> stored = earlierStore(stores, load);
            if (stored.isPresent()) {
                text = redirect(text, display, load.span(), load.path(), work.resolve("pig/" + stored.get()), kinds);
                continue;
            }
            Optional<VerifyInputs.Input> input;
            try {
                input = plan.input(load, assign.alias(), index++, values, pigmix, reads, work);
            } catch (VerifyInputs.NoInput e) {
                throw new Refused(e.diagnostic, kinds);
            }
            if (input.isPresent() && input.get().storer().isPresent()) {
                input = Optional.of(storedByPig(input.get(), load, display, oracle, work, kinds));
            }
            if (input.isPresent()) {
                kinds.add(input.get().kind());
                sourceFiles.put(load.span(), input.get().file());
                text = redirect(
                        text, display, load.span(), load.path(), input.get().file(), kinds);
            }
        }
        // What Pig defines of each STORE; a LIMIT's or SAMPLE's input is stored too, to compare against.
        List<Comparison> comparisons = new ArrayList<>();
        StringBuilder inputStores = new StringBuilder();
        for (int i = 0; i < stores.size(); i++) {
            Comparison comparison = comparison(parsed, stores.get(i), values);
            comparisons.add(comparison);
            if (comparison.input().isPresent()) {
                inputStores.append(
                        storeOf(comparison.input().get(), work.resolve("pig/" + i + "-input"), stores.get(i)));
            }
        }
        text = text + inputStores;
        // A parameter outside the redirected paths needs a value, as for Pig (PIG-E002 names it).
        Diagnostics unbound = new Diagnostics();
        String redirectedText = text;
        if (PigParameters.of(List.of(), params, unbound)
                .flatMap(p -> p.substitute(redirectedText, display, unbound))
                .isEmpty()) {
            throw new Refused(
                    unbound.sorted().stream()
                            .filter(Diagnostic::isError)
                            .findFirst()
                            .orElseThrow(),
                    kinds);
        }

        List<SqlJob.Table> sinks = new ArrayList<>();
        for (SqlJob.Table sink : job.sinks()) {
            Path dir = storeDirs.get(sink.span());
            sinks.add(dir != null ? sink.withPath(dir.toString()) : sink);
        }
        List<SqlJob.Table> sources = new ArrayList<>();
        for (SqlJob.Table source : job.sources()) {
            Path file = sourceFiles.get(source.span());
            sources.add(file != null ? source.withPath(file.toString()) : source);
        }
        SqlJob redirected = job.withTables(sources, sinks);
        Path pigScript = Files.writeString(
                work.resolve("script.pig"),
                importsFrom(
                        piggybankRegisters(text, root, script.toAbsolutePath().getParent()),
                        root,
                        script.toAbsolutePath().getParent()));
        Path sql = Files.writeString(work.resolve("job.sql"), SqlScriptRenderer.render(redirected));
        Map<String, String> bound = new LinkedHashMap<>();
        job.parameters().forEach(p -> {
            if (p.defaultValue() != null) {
                bound.put(p.name(), p.defaultValue());
            }
        });
        bound.putAll(params);

        Path pigLog = oracle.get().logFile();
        long logBefore = Files.exists(pigLog) ? Files.size(pigLog) : 0;
        try {
            oracle.get().run(pigScript, params, work.resolve(PIG_PRINTED));
        } catch (PigOracleException e) {
            if (failedAnAssert(pigLog, logBefore)) {
                return bothFailAnAssert(display, kinds, job, runtimeJar, sql, bound, work);
            }
            throw new Refused(
                    Diagnostic.of(
                            DiagnosticCode.VER_E003,
                            SourceSpan.file(display),
                            "real Pig failed on the verification input: " + firstLine(e.getMessage())),
                    kinds,
                    true);
        } catch (IOException e) {
            throw new Refused(
                    Diagnostic.of(
                            DiagnosticCode.VER_E003,
                            SourceSpan.file(display),
                            "the Pig oracle could not run the script: " + firstLine(e.getMessage())),
                    kinds);
        }
        String flinkError = job.javaUdfs().needsAdapter() ? javaUdfJars(job, runtimeJar, work, bound) : null;
        if (flinkError == null) {
            flinkError = runFlink(runtimeJar, sql, bound, work);
        }
        if (flinkError != null) {
            return new Result(
                    Outcome.DIFFER, kinds, List.of(display + ": Pig ran, the Flink job failed: " + flinkError));
        }
        boolean agree = true;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            PigStatement.Store store = stores.get(i);
            Optional<SqlJob.Table> sink = job.sinks().stream()
                    .filter(s -> s.span().equals(store.span()))
                    .findFirst();
            Comparison comparison = comparisons.get(i);
            Optional<List<Integer>> keys = redirected.inserts().stream()
                    .filter(insert -> insert.span().equals(store.span()))
                    .findFirst()
                    .flatMap(insert -> sortKeys(insert, sink));
            if (comparison instanceof Comparison.Multiset) {
                comparison = keys.<Comparison>map(Comparison.Ordered::new).orElse(comparison);
            } else if (comparison instanceof Comparison.TopN topN) {
                // an INSERT that does not order (or the ORDER's fields not known): whole rows, as multisets
                comparison = keys.<Comparison>map(k -> new Comparison.TopN(topN.alias(), k))
                        .orElseGet(Comparison.Multiset::new);
            }
            List<String> pigRows = PigOutput.read(work.resolve("pig/" + i));
            List<String> flinkRows = PigOutput.read(work.resolve("flink/" + i));
            String delimiter = sink.map(SqlJob.Table::fieldDelimiter).orElse("\t");
            List<String> inputRows =
                    comparison.input().isPresent() ? PigOutput.read(work.resolve("pig/" + i + "-input")) : List.of();
            String difference = comparison.differences(pigRows, flinkRows, inputRows, delimiter);
            String what = "STORE " + store.alias() + " INTO '" + store.path() + "' (line "
                    + store.span().line() + ")";
            if (difference.isEmpty() && pigRows.isEmpty()) {
                lines.add(EMPTY_AGREE + ": " + what + ", no row written by Pig nor by the Flink job");
            } else if (difference.isEmpty()) {
                lines.add(
                        "agree: " + what + ", " + pigRows.size() + " row(s), " + comparison.describe(inputRows.size()));
            } else {
                agree = false;
                lines.add("DIFFER: " + what + " (" + comparison.describe(inputRows.size()) + "): " + difference);
                String multiset = OutputComparison.multisetDiff(pigRows, flinkRows, 10);
                if (!multiset.isEmpty()) {
                    lines.add(multiset);
                }
            }
        }
        if (!dumps.isEmpty()) {
            agree &= dumpsAgree(dumps, work, lines);
        }
        return new Result(agree ? Outcome.AGREE : Outcome.DIFFER, kinds, lines);
    }

    /**
     * A binary loader's input: real Pig stores the generated text rows with the loader's storer into a directory
     * beside them, which both sides then read (Pig writes the files its loader reads; no writer of ours stands in).
     */
    private static VerifyInputs.Input storedByPig(
            VerifyInputs.Input rows,
            PigRelation.Load load,
            String display,
            Oracle oracle,
            Path work,
            List<VerifyInputs.Kind> kinds)
            throws IOException, Refused {
        String storer = rows.storer().orElseThrow();
        Path dir = work.resolve(rows.file().getFileName().toString().replaceFirst("\\.txt$", "") + "-stored");
        Path script = Files.writeString(
                work.resolve(dir.getFileName() + ".pig"),
                VerifyInputs.storingScript(rows.file(), load.schema(), storer, dir));
        try {
            oracle.get().run(script, Map.of(), work.resolve(dir.getFileName() + "-printed.txt"));
        } catch (PigOracleException | IOException e) {
            throw new Refused(
                    Diagnostic.of(
                            DiagnosticCode.VER_E002,
                            load.function() != null ? load.function().span() : SourceSpan.file(display),
                            "real Pig could not write the generated rows with " + storer + " for '" + load.path()
                                    + "': " + firstLine(e.getMessage())),
                    kinds);
        }
        return new VerifyInputs.Input(dir, rows.kind());
    }

    /** What Pig prints to stdout (its DUMPs) in a verification's work directory; the Flink job's beside it. */
    private static final String PIG_PRINTED = "pig-printed.txt";

    private static final String FLINK_PRINTED = "flink-printed.txt";

    /**
     * The lines the DUMPs printed in Pig and on Flink, compared as one multiset (a bag's tuples in any order): the
     * two DUMPs of a job may print in either order on Flink, and the order within one is not checked. Adds the line
     * to print; whether they agree.
     */
    private static boolean dumpsAgree(List<PigStatement.Command> dumps, Path work, List<String> lines)
            throws IOException {
        List<String> pig = Files.readAllLines(work.resolve(PIG_PRINTED), StandardCharsets.UTF_8);
        List<String> flink = Files.readAllLines(work.resolve(FLINK_PRINTED), StandardCharsets.UTF_8);
        String what = dumps.stream()
                .map(d -> "DUMP " + d.argument() + " (line " + d.span().line() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        String difference = OutputComparison.differences(pig, flink, false, ",");
        if (difference.isEmpty() && pig.isEmpty()) {
            lines.add(EMPTY_AGREE + ": " + what + ", no line printed by Pig nor by the Flink job");
            return true;
        }
        if (difference.isEmpty()) {
            lines.add("agree: " + what + ", " + pig.size() + " line(s) printed, compared as a multiset (their order is"
                    + " not checked)");
            return true;
        }
        lines.add("DIFFER: " + what + " (the printed lines as a multiset): " + difference);
        return false;
    }

    /** How one STORE's rows are compared with Pig's: only what Pig defines of them. */
    sealed interface Comparison {

        /** The alias whose rows Pig stores beside the output to compare against (a LIMIT's or SAMPLE's input). */
        default Optional<String> input() {
            return Optional.empty();
        }

        /** A comparison against the rows of the relation {@code alias}, which Pig stores beside the output. */
        sealed interface OfInput extends Comparison {
            String alias();

            @Override
            default Optional<String> input() {
                return Optional.of(alias());
            }
        }

        /** Empty when Flink's rows agree, else the first difference. */
        String differences(List<String> pig, List<String> flink, List<String> input, String delimiter);

        /** The comparison used, for verify's output. */
        String describe(int inputRows);

        /** Equal as multisets: no order is defined. */
        record Multiset() implements Comparison {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.differences(pig, flink, false, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "equal as multisets";
            }
        }

        /** Equal, and in the order of the ORDER BY fields at {@code keys} (ties in any order). */
        record Ordered(List<Integer> keys) implements Comparison {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.differences(pig, flink, keys, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "equal, in order";
            }
        }

        /** A LIMIT with no ORDER before it: as many rows as Pig's, each one a row of the input (Pig keeps some n). */
        record Limit(String alias) implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.limitDifferences(pig, flink, input, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "LIMIT without ORDER: the same count, every row one of " + alias + "'s " + inputRows;
            }
        }

        /**
         * A LIMIT of an ORDERed relation, whose ORDER BY fields are the stored fields at {@code keys}: Pig keeps the
         * first n rows in that order, and any of the rows that tie with the last one kept. So the keys come in Pig's
         * order, the rows before the last key kept are Pig's, the rest as many rows of the ORDERed input with that key.
         */
        record TopN(String alias, List<Integer> keys) implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.topNDifferences(pig, flink, input, keys, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "equal, in order; rows tied with the last one kept may be any of " + alias + "'s";
            }
        }

        /** A SAMPLE of fraction {@code p}: every row one of the input's, the count within the binomial bound. */
        record Sample(String alias, double p) implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.sampleDifferences(flink, input, p, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                double[] bound = OutputComparison.sampleBound(inputRows, p);
                return String.format(
                        Locale.ROOT,
                        "SAMPLE %s: every row one of %s's %d, the count in [%d, %d] (%.0f standard deviations of"
                                + " the binomial)",
                        p,
                        alias,
                        inputRows,
                        (long) Math.ceil(bound[0]),
                        (long) Math.floor(bound[1]),
                        OutputComparison.SAMPLE_SIGMAS);
            }
        }
    }

    /**
     * What Pig defines of the rows {@code store} writes: a LIMIT whose input is not an ORDER keeps some n rows of
     * it; a SAMPLE with a literal (or parameter) fraction keeps each row with that probability; anything else is
     * compared whole (in order when the INSERT orders). A LIMIT or SAMPLE whose input alias is assigned again later
     * is compared whole: the input's rows could not be stored as they were.
     */
    static Comparison comparison(PigScript script, PigStatement.Store store, Map<String, String> values) {
        List<PigStatement> statements = script.statements();
        Optional<PigStatement.Assign> stored =
                lastAssign(statements, store.alias(), store.span().line());
        if (stored.isEmpty()) {
            return new Comparison.Multiset();
        }
        PigRelation relation = stored.get().relation();
        String input;
        boolean ordered = false;
        if (relation instanceof PigRelation.Limit limit) {
            input = limit.input();
            Optional<PigStatement.Assign> before =
                    lastAssign(statements, input, stored.get().span().line());
            ordered = before.isPresent() && before.get().relation() instanceof PigRelation.Order;
        } else if (relation instanceof PigRelation.Sample sample) {
            input = sample.input();
        } else {
            return new Comparison.Multiset();
        }
        boolean reassigned = statements.stream()
                .anyMatch(st -> st instanceof PigStatement.Assign a
                        && a.alias().equals(input)
                        && a.span().line() >= stored.get().span().line());
        if (reassigned) {
            return new Comparison.Multiset();
        }
        if (relation instanceof PigRelation.Sample sample) {
            Optional<Double> p = fraction(sample.fraction(), values);
            return p.<Comparison>map(f -> new Comparison.Sample(input, f)).orElseGet(Comparison.Multiset::new);
        }
        return ordered ? new Comparison.TopN(input, List.of()) : new Comparison.Limit(input);
    }

    private static Optional<PigStatement.Assign> lastAssign(List<PigStatement> statements, String alias, int line) {
        PigStatement.Assign last = null;
        for (PigStatement st : statements) {
            if (st instanceof PigStatement.Assign a
                    && a.alias().equals(alias)
                    && a.span().line() <= line) {
                last = a;
            }
        }
        return Optional.ofNullable(last);
    }

    /** A SAMPLE's fraction when it is a number or a parameter bound to one. */
    private static Optional<Double> fraction(PigExpr expr, Map<String, String> values) {
        String text = expr instanceof PigExpr.Literal literal && literal.value() instanceof Number
                ? literal.value().toString()
                : expr instanceof PigExpr.Param param ? values.get(param.name()) : null;
        try {
            return text == null ? Optional.empty() : Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A Pig STORE of {@code alias} into {@code dir} with the same store function as {@code like}. */
    private static String storeOf(String alias, Path dir, PigStatement.Store like) {
        String using = like.function() == null
                ? ""
                : " using " + like.function().name() + "("
                        + String.join(
                                ", ",
                                like.function().arguments().stream()
                                        .map(a -> "'" + a + "'")
                                        .toList()) + ")";
        return "\nstore " + alias + " into " + ScriptPaths.quote(dir.toString()) + using + ";\n";
    }

    /**
     * The sink's fields an ORDERed INSERT sorts by, or every field when an ORDER BY item is not one of them;
     * empty when the INSERT is not ordered.
     */
    private static Optional<List<Integer>> sortKeys(SqlJob.Insert insert, Optional<SqlJob.Table> sink) {
        if (!(insert.query() instanceof SqlQuery.Select select)
                || select.orderBy().isEmpty()
                || sink.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = sink.get().columns().stream().map(Column::name).toList();
        List<Integer> keys = new ArrayList<>();
        for (SqlQuery.OrderItem item : select.orderBy()) {
            SqlExpr sorted = item.expr();
            if (sorted instanceof SqlExpr.Call call
                    && call.function().equals("PIG_SHUFFLE_KEY")
                    && call.arguments().size() == 1) {
                sorted = call.arguments().get(0); // a GROUP's rows in its key's shuffle order: ordered by the key
            }
            int index = sorted instanceof SqlExpr.ColumnRef ref ? columns.indexOf(ref.name()) : -1;
            if (index < 0 || !select.items().stream().allMatch(it -> it.expr() instanceof SqlExpr.Star)) {
                return Optional.of(IntStream.range(0, columns.size()).boxed().toList());
            }
            keys.add(index);
        }
        return Optional.of(keys);
    }

    /** {@code REGISTER $PIGMIX_JAR}, or any other REGISTER: the rest of the line up to a ';'. */
    private static final Pattern ANY_REGISTER = Pattern.compile("(?im)^(\\s*register\\s+)([^;\\n]+)");

    /**
     * A script that loads with PigMix's loader REGISTERs PigMix's jar (a parameter, {@code $PIGMIX_JAR}), which is
     * not in the repository: the oracle provides the loader itself (its stand-in, on its classpath), so Pig's copy
     * registers an empty scratch jar instead. Pig needs only a jar to exist there; the loader's class is found on
     * the classpath.
     */
    private static String pigMixRegisters(String text, Path work) throws IOException {
        Path jar = work.resolve("pigmix.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            // Empty: the loader is on the oracle's classpath.
        }
        Matcher m = ANY_REGISTER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ScriptPaths.quote(jar.toString())));
        }
        return m.appendTail(out).toString();
    }

    private static final Pattern IMPORT = Pattern.compile("(?im)^(\\s*import\\s+)'([^'\\\\\\n]*)'");

    /** {@code REGISTER lib/udfs.jar}: a jar, quoted or not. */
    private static final Pattern REGISTER = Pattern.compile("(?im)^(\\s*register\\s+)'?([^'\\s;\\\\]+\\.jar)'?");

    /**
     * {@code REGISTER /usr/lib/pig/piggybank.jar}, a jar of the Pig installation the script ran on and no file of
     * the repository: the job runs the piggybank 0.17.0 the adapter carries, so real Pig registers that same jar, the one
     * Ferry reads piggybank's classes from. Without it Pig fails on the missing file before running anything. A
     * script naming piggybank's classes without any REGISTER of it ran with the jar on Pig's classpath: that jar is
     * REGISTERed first.
     */
    static String piggybankRegisters(String text, RepoRoot root, Path scriptDir) {
        Optional<Path> carried = PiggyBank.carriedJar();
        if (carried.isEmpty()) {
            return text;
        }
        Matcher m = REGISTER.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean registered = false;
        while (m.find()) {
            registered |= PiggyBank.isJar(m.group(2));
            boolean inRepository;
            try {
                RepoRoot.Located located = root.locate(scriptDir, m.group(2));
                // file:/usr/lib/pig/piggybank.jar names a file system, not a path of the repository.
                inRepository = !m.group(2).matches("[A-Za-z][\\w+.-]*:.*")
                        && located.inside()
                        && Files.isRegularFile(located.path());
            } catch (InvalidPathException notAPath) {
                inRepository = false;
            }
            String replaced = PiggyBank.isJar(m.group(2)) && !inRepository
                    ? m.group(1) + ScriptPaths.quote(carried.get().toString())
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        // A script that names piggybank's classes without REGISTERing its jar ran where Pig's classpath had it.
        return registered || !text.contains(PiggyBank.PACKAGE)
                ? out.toString()
                : "REGISTER " + ScriptPaths.quote(carried.get().toString()) + "; "
                        + out; // same line: lines keep their numbers
    }

    /**
     * The scratch copy runs in another directory: an {@code IMPORT 'macros/x.pig'} or a {@code REGISTER lib/u.jar}
     * (Pig reads both relative to where it runs) names the file beside the original script instead, when that
     * file is in the repository.
     */
    private static String importsFrom(String text, RepoRoot root, Path scriptDir) {
        return besideTheScript(besideTheScript(text, IMPORT, root, scriptDir), REGISTER, root, scriptDir);
    }

    /** Each match of {@code statement} (group 1 the keyword, group 2 the path) with the path made absolute. */
    private static String besideTheScript(String text, Pattern statement, RepoRoot root, Path scriptDir) {
        Matcher m = statement.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            RepoRoot.Located located;
            try {
                located = root.locate(scriptDir, m.group(2));
            } catch (InvalidPathException notAPath) {
                continue;
            }
            String replaced = located.inside()
                    ? m.group(1) + ScriptPaths.quote(located.path().toString())
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A job that calls Java UDFs reads the adapter's jar and the REGISTERed jars from {@code FERRY_UDF_DIR} and
     * {@code FERRY_UDF_JARS}, here both a
     * scratch directory with the adapter ({@code $FERRY_PIG_UDF_JAR}, else beside the runtime jar's module in a
     * source tree) and each jar at its repository path. Null when it is ready, else why not.
     */
    private static String javaUdfJars(SqlJob job, Path runtimeJar, Path work, Map<String, String> bound)
            throws IOException {
        String configured = System.getenv("FERRY_PIG_UDF_JAR");
        Path adapter = configured != null
                ? Path.of(configured)
                : runtimeJar.toAbsolutePath().getParent().resolveSibling("pig-udf/target/ferry-pig-udf.jar");
        if (!Files.isRegularFile(adapter)) {
            return "no Pig UDF adapter jar at " + adapter
                    + " (build it: mvn -pl runtime/pig-udf -am package -DskipTests, or set FERRY_PIG_UDF_JAR)";
        }
        Path udfs = Files.createDirectories(work.resolve("udfs"));
        Files.copy(adapter, udfs.resolve("ferry-pig-udf.jar"));
        for (SqlJob.Jar jar : job.javaUdfs().jars()) {
            Path target = udfs.resolve(jar.path());
            Files.createDirectories(target.getParent());
            Files.copy(jar.file(), target);
        }
        bound.put("FERRY_UDF_DIR", udfs.toString());
        bound.put("FERRY_UDF_JARS", udfs.toString());
        return null;
    }

    /** Whether Pig's log since {@code from} says its ASSERT (Pig's Assert UDF) failed the job. */
    private static boolean failedAnAssert(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        byte[] all = Files.readAllBytes(log);
        String since = new String(
                all,
                (int) Math.min(from, all.length),
                (int) (all.length - Math.min(from, all.length)),
                StandardCharsets.UTF_8);
        return since.contains("org.apache.pig.builtin.Assert");
    }

    /**
     * Pig failed the job on an ASSERT the input violates (generated rows are dirty on purpose): Pig's outcome is
     * the failure, so the script agrees when the Flink job fails on an ASSERT too, and differs when it succeeds or
     * fails for another reason.
     */
    private static Result bothFailAnAssert(
            String display,
            List<VerifyInputs.Kind> kinds,
            SqlJob job,
            Path runtimeJar,
            Path sql,
            Map<String, String> bound,
            Path work)
            throws IOException, InterruptedException {
        String flinkError = job.javaUdfs().called() ? javaUdfJars(job, runtimeJar, work, bound) : null;
        if (flinkError == null) {
            flinkError = runFlink(runtimeJar, sql, bound, work);
        }
        Path log = work.resolve("flink.log");
        boolean flinkAsserted = flinkError != null
                && Files.exists(log)
                && Files.readString(log, StandardCharsets.UTF_8).contains("Assertion violated");
        return flinkAsserted
                ? new Result(
                        Outcome.AGREE,
                        kinds,
                        List.of("agree: both jobs fail an ASSERT on this input (the comparison: the same failure)"))
                : new Result(
                        Outcome.DIFFER,
                        kinds,
                        List.of(display + ": Pig failed an ASSERT on this input, the Flink job "
                                + (flinkError == null ? "succeeded" : "failed otherwise: " + flinkError)));
    }

    private static Optional<Integer> earlierStore(List<PigStatement.Store> stores, PigRelation.Load load) {
        for (int i = stores.size() - 1; i >= 0; i--) {
            if (PigToSql.storePath(stores.get(i).path()).equals(PigToSql.storePath(load.path()))
                    && stores.get(i).span().line() < load.span().line()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The Grunt commands that remove paths; the translation takes them only before a STORE into the same path. */
    private static final Set<String> REMOVALS = Set.of("RMF", "RM", "FS");

    /** A path Grunt reads as one word, written without quotes. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[\\w/.:+@%=-]+");

    /**
     * {@code text} with the removal command at its span rewritten to remove the scratch copies of the STOREs it names,
     * options kept; refused (never run as written) when a path is not a STORE's or the command is not where its span
     * says.
     */
    private static String redirectRemoval(
            String text,
            String display,
            PigStatement.Command command,
            List<PigStatement.Store> stores,
            Path work,
            List<VerifyInputs.Kind> kinds)
            throws Refused {
        int start = ScriptPaths.offsetOf(text, command.span());
        if (!command.span().file().equals(display)
                || start < 0
                || !text.regionMatches(
                        true, start, command.keyword(), 0, command.keyword().length())) {
            throw removalRefused(command, "it is not written in this script's text", kinds);
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != ';') {
            end++;
        }
        List<String> words = new ArrayList<>(List.of(command.keyword().toLowerCase(Locale.ROOT)));
        for (String word : command.argument().split("\\s+")) {
            if (word.isEmpty() || word.startsWith("-") && command.keyword().equals("FS")) {
                words.add(word);
                continue;
            }
            // The same file however each is spelled (out, ./out/, out//), as the translation matches them.
            String path = PigToSql.storePath(word);
            int store = IntStream.range(0, stores.size())
                    .filter(i -> PigToSql.storePath(stores.get(i).path()).equals(path))
                    .findFirst()
                    .orElse(-1);
            String scratch = work.resolve("pig/" + store).toString();
            if (store < 0 || !PLAIN_PATH.matcher(scratch).matches()) {
                throw removalRefused(command, "'" + word + "' is not a path the script stores into", kinds);
            }
            words.add(scratch);
        }
        return text.substring(0, start) + String.join(" ", words) + text.substring(end);
    }

    private static Refused removalRefused(PigStatement.Command command, String why, List<VerifyInputs.Kind> kinds) {
        return new Refused(
                Diagnostic.of(
                        DiagnosticCode.VER_E001,
                        command.span(),
                        "verify does not run " + command.keyword().toLowerCase(Locale.ROOT)
                                + " on anything but scratch data, and " + why),
                kinds);
    }

    private static String redirect(
            String text, String display, SourceSpan span, String path, Path to, List<VerifyInputs.Kind> kinds)
            throws Refused {
        return ScriptPaths.replace(text, display, span, path, to.toString())
                .or(() -> ScriptPaths.replaceUnique(text, path, to.toString()))
                .orElseThrow(() -> new Refused(
                        Diagnostic.of(
                                DiagnosticCode.VER_E001,
                                span,
                                "the path '" + path + "' is not written literally in this statement nor once in the"
                                        + " script, so verify cannot point it at scratch data"),
                        kinds));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Runs the SQL with the runtime jar in its own JVM; null when the job succeeded, else why not. */
    private static String runFlink(Path jar, Path sql, Map<String, String> bound, Path work)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            return "no runtime jar at " + jar
                    + " (build it: mvn -pl runtime -am package -DskipTests, or pass --runtime-jar)";
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--script",
                sql.toString()));
        bound.forEach((k, v) -> command.add("--param=" + k + "=" + v));
        Path log = work.resolve("flink.log");
        // The job's stdout is what its DUMPs print; its log is on stderr.
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .redirectOutput(work.resolve(FLINK_PRINTED).toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "timed out (log: " + log + ")";
        }
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + " (log: " + log + ")";
    }
}
