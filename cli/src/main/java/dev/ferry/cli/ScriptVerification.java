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
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigParameters;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
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
import java.util.stream.Stream;

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
            blank(b, text, start);
        }
        return b.toString();
    }

    /** Blanks the statement at {@code start} up to its {@code ;} (the text's end without one): spaces, line breaks kept. */
    private static void blank(StringBuilder b, String text, int start) {
        int end = text.indexOf(';', start);
        for (int i = start; i <= (end < 0 ? text.length() - 1 : end); i++) {
            if (b.charAt(i) != '\n') {
                b.setCharAt(i, ' ');
            }
        }
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
            blank(b, text, start);
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
        VerifyInputs.Reads all =
                VerifyInputs.Reads.of(original).withSeeds(LiteralSeeds.of(parsed.statements(), values));
        VerifyInputs.Reads reads = shortLines ? all : all.withoutShortLines();
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
            PigStatement.Store store = stores.get(i);
            Comparison comparison =
                    comparison(parsed, store.alias(), store.span().line(), values, original, i);
            comparisons.add(comparison);
            if (comparison.input().isPresent()) {
                inputStores
                        .append(comparison.definition())
                        .append(storeOf(comparison.input().get(), work.resolve("pig/" + i + "-input"), using(store)));
            }
        }
        // A DUMP alone prints lines that are its own: compared as its STORE would be (several are compared together).
        Comparison dumpComparison = dumps.size() == 1
                ? comparison(
                        parsed, dumps.get(0).argument(), dumps.get(0).span().line(), values, original, stores.size())
                : new Comparison.Multiset();
        List<String> dumpOrder = dumpComparison instanceof Comparison.TopN
                ? orderFields(
                        parsed,
                        ((Comparison.TopN) dumpComparison).alias(),
                        dumps.get(0).span().line())
                : List.of();
        if (dumpComparison.input().isPresent()) {
            inputStores
                    .append(dumpComparison.definition())
                    .append(storeOf(dumpComparison.input().get(), work.resolve(DUMP_INPUT), " using PigStorage(',')"));
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
        if (!job.fileCommands().isEmpty()) {
            // Its paths are the script's own: the job would run the command on them, not on scratch data.
            throw new Refused(
                    Diagnostic.of(
                            DiagnosticCode.VER_E001,
                            job.fileCommands().get(0).span(),
                            "verify does not run a job's file commands, whose paths are the script's own and not"
                                    + " scratch data"),
                    kinds);
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
            } else {
                comparison = ordered(comparison, keys);
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
            PigStatement.Command dump = dumps.get(0);
            Optional<SqlJob.Table> sink = job.sinks().stream()
                    .filter(s -> s.span().equals(dump.span()))
                    .findFirst();
            Optional<List<Integer>> keys = redirected.inserts().stream()
                    .filter(insert -> insert.span().equals(dump.span()))
                    .findFirst()
                    .flatMap(insert -> sortKeys(insert, sink));
            // The DUMP's sink is one task: it prints an ORDER held in a view in that order, the ORDER's fields by name.
            if (keys.isEmpty() && sink.isPresent() && !dumpOrder.isEmpty()) {
                List<String> columns =
                        sink.get().columns().stream().map(Column::name).toList();
                List<Integer> named = dumpOrder.stream().map(columns::indexOf).toList();
                keys = named.contains(-1) ? keys : Optional.of(named);
            }
            agree &= dumpsAgree(dumps, work, lines, ordered(dumpComparison, keys));
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

    /**
     * A TopN with the sink's sort fields {@code keys}; one whose INSERT does not order (or whose ORDER's fields are not
     * known) compares whole rows, as multisets. Any other comparison stays as it is.
     */
    private static Comparison ordered(Comparison comparison, Optional<List<Integer>> keys) {
        return comparison instanceof Comparison.TopN topN
                ? keys.<Comparison>map(k -> new Comparison.TopN(topN.alias(), k))
                        .orElseGet(Comparison.Multiset::new)
                : comparison;
    }

    /** Where Pig's copy stores the input of a DUMP's LIMIT or SAMPLE, as PigStorage(',') writes it. */
    private static final String DUMP_INPUT = "pig/dump-input";

    /** What Pig prints to stdout (its DUMPs) in a verification's work directory; the Flink job's beside it. */
    private static final String PIG_PRINTED = "pig-printed.txt";

    private static final String FLINK_PRINTED = "flink-printed.txt";

    /**
     * The lines the DUMPs printed in Pig and on Flink, compared as one multiset (a bag's tuples in any order): the
     * two DUMPs of a job may print in either order on Flink, and the order within one is not checked. The lines of a
     * DUMP alone are its own: compared by {@code comparison} (a LIMIT's, a SAMPLE's), each line's fields inside its
     * parentheses, as its STORE's rows would be. Adds the line to print; whether they agree.
     */
    private static boolean dumpsAgree(
            List<PigStatement.Command> dumps, Path work, List<String> lines, Comparison comparison) throws IOException {
        List<String> pig = Files.readAllLines(work.resolve(PIG_PRINTED), StandardCharsets.UTF_8);
        List<String> flink = Files.readAllLines(work.resolve(FLINK_PRINTED), StandardCharsets.UTF_8);
        String what = dumps.stream()
                .map(d -> "DUMP " + d.argument() + " (line " + d.span().line() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        boolean whole = comparison instanceof Comparison.Multiset;
        List<String> input = comparison.input().isPresent() ? PigOutput.read(work.resolve(DUMP_INPUT)) : List.of();
        String difference = whole
                ? OutputComparison.differences(pig, flink, false, ",")
                : comparison.differences(fieldsOf(pig), fieldsOf(flink), input, ",");
        String how = whole ? "compared as a multiset (their order is not checked)" : comparison.describe(input.size());
        if (difference.isEmpty() && pig.isEmpty()) {
            lines.add(EMPTY_AGREE + ": " + what + ", no line printed by Pig nor by the Flink job");
            return true;
        }
        if (difference.isEmpty()) {
            lines.add("agree: " + what + ", " + pig.size() + " line(s) printed, " + how);
            return true;
        }
        lines.add("DIFFER: " + what + " (" + (whole ? "the printed lines as a multiset" : how) + "): " + difference);
        return false;
    }

    /** Each DUMP line's fields: the text inside its parentheses ({@code (a,1)} prints the tuple a,1). */
    static List<String> fieldsOf(List<String> printed) {
        return printed.stream()
                .map(l -> l.startsWith("(") && l.endsWith(")") ? l.substring(1, l.length() - 1) : l)
                .toList();
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

        /** What Pig's copy appends to define {@link #input()} (empty when the script defines it). */
        default String definition() {
            return "";
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

        /** A RANK without BY of a SAMPLE of fraction {@code p}: a SAMPLE's rows, ranked 1..n in the input's order. */
        record RankedSample(String alias, double p) implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.rankedSampleDifferences(flink, input, p, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return new Sample(alias, p).describe(inputRows) + ", ranked 1..n in " + alias + "'s order";
            }
        }

        /**
         * A nested LIMIT of n of an ORDER by the tuple's fields {@code keys}, its kept tuples projected to the fields
         * {@code projection}, its bag the output's field {@code at}; {@code alias} the same FOREACH with that field the
         * ORDER's whole bag, which {@code definition} defines in Pig's copy.
         */
        record ProjectedTopN(
                String alias,
                String definition,
                int at,
                List<Integer> projection,
                List<Integer> keys,
                List<Boolean> descending,
                long n)
                implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.projectedTopNDifferences(
                        pig, flink, input, at, projection, keys, descending, n, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "a nested LIMIT " + n + " of an ORDER by " + keys + ", projected to " + projection
                        + ": any tuples tied at the cut (" + inputRows + " row(s) with the ORDER's whole bags)";
            }
        }

        /**
         * A FLATTEN (the output's fields from {@code at} on) of {@code TOP(n, field, bag)}; {@code alias} the same
         * FLATTEN of the whole bags, which {@code definition} defines in Pig's copy.
         */
        record FlattenedTop(String alias, String definition, int at, int field, long n) implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.flattenedTopNDifferences(
                        pig, flink, input, at, List.of(field), List.of(true), n, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "a FLATTEN of TOP(" + n + ", " + field + ", ...): any tuples tied on field " + field
                        + " at the cut (" + inputRows + " row(s) of the whole bags flattened)";
            }
        }

        /**
         * A LIMIT inside a nested FOREACH block, its bag the output's field {@code at} (or, {@code flattened}, its
         * tuple the fields from {@code at} on), sorted by the tuple's fields {@code keys} (none: no ORDER); {@code
         * alias} the same FOREACH with no limit, which {@code definition} defines in Pig's copy.
         */
        record NestedLimit(String alias, String definition, int at, boolean flattened, List<Integer> keys)
                implements OfInput {
            @Override
            public String differences(List<String> pig, List<String> flink, List<String> input, String delimiter) {
                return OutputComparison.nestedLimitDifferences(pig, flink, input, at, flattened, keys, delimiter);
            }

            @Override
            public String describe(int inputRows) {
                return "a nested LIMIT: " + (keys.isEmpty() ? "as many tuples" : "the same sort fields " + keys)
                        + " kept of each bag, each tuple one of its bag's (" + inputRows + " row(s) with whole bags)";
            }
        }
    }

    /**
     * What Pig defines of the rows a STORE or a DUMP of {@code alias} (at {@code line}) writes: a LIMIT whose input
     * is not an ORDER keeps some n rows of it; a SAMPLE with a literal (or parameter) fraction keeps each row with
     * that probability, and a RANK without BY of it numbers the kept rows; a LIMIT of n inside a nested FOREACH
     * block keeps n tuples of each bag ({@link #nestedLimit}); anything else is compared whole (in order when the
     * INSERT orders). One whose input alias is assigned again later is compared whole: the input's rows could not
     * be stored as they were. {@code text} is the script as written, {@code index} names the relation Pig's copy
     * adds for a nested LIMIT.
     */
    static Comparison comparison(
            PigScript script, String alias, int line, Map<String, String> values, String text, int index) {
        List<PigStatement> statements = script.statements();
        Optional<PigStatement.Assign> stored = lastAssign(statements, alias, line);
        if (stored.isEmpty()) {
            return new Comparison.Multiset();
        }
        PigRelation relation = stored.get().relation();
        if (relation instanceof PigRelation.NestedForeach foreach
                && !reassigned(statements, foreach.input(), stored.get())) {
            return projectedTopN(script, stored.get(), foreach, values, text, index)
                    .or(() -> nestedLimit(script, stored.get(), foreach, values, text, index))
                    .orElseGet(Comparison.Multiset::new);
        }
        if (relation instanceof PigRelation.Foreach flat) {
            Optional<Comparison> top = flattenedTop(script, stored.get(), flat, values, text, index);
            if (top.isPresent()) {
                return top.get();
            }
        }
        Optional<PigStatement.Assign> before = relation instanceof PigRelation.OneInput one
                ? lastAssign(statements, one.input(), stored.get().span().line())
                : Optional.empty();
        if (relation instanceof PigRelation.Rank rank
                && rank.keys().isEmpty()
                && before.isPresent()
                && before.get().relation() instanceof PigRelation.Sample sample
                && !reassigned(statements, sample.input(), before.get())) {
            return fraction(sample.fraction(), values)
                    .<Comparison>map(p -> new Comparison.RankedSample(sample.input(), p))
                    .orElseGet(Comparison.Multiset::new);
        }
        if (!(relation instanceof PigRelation.Limit || relation instanceof PigRelation.Sample)
                || reassigned(statements, ((PigRelation.OneInput) relation).input(), stored.get())) {
            return new Comparison.Multiset();
        }
        String input = ((PigRelation.OneInput) relation).input();
        if (relation instanceof PigRelation.Sample sample) {
            Optional<Double> p = fraction(sample.fraction(), values);
            return p.<Comparison>map(f -> new Comparison.Sample(input, f)).orElseGet(Comparison.Multiset::new);
        }
        boolean ordered = before.isPresent() && before.get().relation() instanceof PigRelation.Order;
        return ordered ? new Comparison.TopN(input, List.of()) : new Comparison.Limit(input);
    }

    /** Whether {@code alias} is assigned again at or after {@code assign}'s line. */
    private static boolean reassigned(List<PigStatement> statements, String alias, PigStatement.Assign assign) {
        return statements.stream()
                .anyMatch(st -> st instanceof PigStatement.Assign a
                        && a.alias().equals(alias)
                        && a.span().line() >= assign.span().line());
    }

    /**
     * A FOREACH whose nested block ends with {@code l = LIMIT x n} and GENERATEs {@code l} (or {@code FLATTEN(l)}
     * last), every other item one field of the input or a constant: compared by {@link
     * OutputComparison#nestedLimitDifferences}, against the same FOREACH with its LIMIT a FILTER keeping every tuple, which
     * Pig's copy computes as the relation {@code ferry_full_INDEX}. {@code x} ORDERed just before gives the sort
     * fields, by position or by name in the LOAD schema that declares the bag. Empty where the block is of another
     * shape, a sort field cannot be placed, or the statement is not written in this script: compared whole then.
     */
    static Optional<Comparison> nestedLimit(
            PigScript script,
            PigStatement.Assign stored,
            PigRelation.NestedForeach foreach,
            Map<String, String> values,
            String text,
            int index) {
        List<PigRelation.NestedCommand> commands = foreach.commands();
        if (commands.isEmpty()
                || !(commands.get(commands.size() - 1).op() instanceof PigRelation.NestedOp.Limit limit)) {
            return Optional.empty();
        }
        String limited = commands.get(commands.size() - 1).alias();
        int at = -1;
        boolean flattened = false;
        List<PigRelation.GenerateItem> items = foreach.items();
        for (int i = 0; i < items.size(); i++) {
            PigExpr expr = items.get(i).expr();
            boolean flattenedHere = expr instanceof PigExpr.Flatten f && isAlias(f.expr(), limited);
            if (isAlias(expr, limited) || flattenedHere && i == items.size() - 1) {
                if (at >= 0) {
                    return Optional.empty();
                }
                at = i;
                flattened = flattenedHere;
            } else if (!(isField(expr, limited)
                    || expr instanceof PigExpr.Call call
                            && call.arguments().stream().allMatch(a -> isField(a, limited)))) {
                return Optional.empty();
            }
        }
        Optional<List<Integer>> keys =
                limitKeys(script, commands, limit.input(), stored.span().line());
        Optional<String> full = withoutLimit(text, stored, commands.get(commands.size() - 1), limit, values)
                .map(statement -> "\nferry_full_" + index
                        + statement.substring(stored.alias().length()) + "\n");
        if (at < 0 || keys.isEmpty() || full.isEmpty() || text.contains("ferry_full_" + index)) {
            return Optional.empty();
        }
        return Optional.of(new Comparison.NestedLimit("ferry_full_" + index, full.get(), at, flattened, keys.get()));
    }

    /**
     * A FOREACH whose block has {@code o = ORDER b BY k; p = o.f; l = LIMIT p n} and GENERATEs {@code l}, or {@code o =
     * ORDER b BY k; l = LIMIT o n} and GENERATEs {@code l.f}, every other item one field of the input or a constant,
     * and no later block command names {@code l}: the kept tuples lose the ORDER's keys, so which tied tuples Pig
     * kept cannot be told from its output. Compared by {@link OutputComparison#projectedTopNDifferences} against the
     * same FOREACH with {@code l} the ORDER's whole bag ({@code l = FILTER o BY true}, GENERATE {@code l}), which Pig's
     * copy computes as {@code ferry_full_INDEX}. Empty for any other shape, a key or field that cannot be placed in
     * the LOAD schema, a count that is no number, or a statement not written in this script.
     */
    static Optional<Comparison> projectedTopN(
            PigScript script,
            PigStatement.Assign stored,
            PigRelation.NestedForeach foreach,
            Map<String, String> values,
            String text,
            int index) {
        List<PigRelation.NestedCommand> commands = foreach.commands();
        List<PigRelation.GenerateItem> items = foreach.items();
        int at = -1;
        String limited = null;
        for (int i = 0; i < items.size(); i++) {
            PigExpr expr = items.get(i).expr();
            PigExpr base = expr instanceof PigExpr.Dereference d ? d.base() : expr;
            if (base instanceof PigExpr.FieldRef ref
                    && ref.qualifier() == null
                    && lastCommand(commands, ref.name()) >= 0
                    && commands.get(lastCommand(commands, ref.name())).op() instanceof PigRelation.NestedOp.Limit) {
                if (at >= 0) {
                    return Optional.empty();
                }
                at = i;
                limited = ref.name();
            }
        }
        if (at < 0 || text.contains("ferry_full_" + index)) {
            return Optional.empty();
        }
        for (int i = 0; i < items.size(); i++) {
            PigExpr expr = items.get(i).expr();
            String other = limited;
            if (i != at
                    && !(isField(expr, other)
                            || expr instanceof PigExpr.Call call
                                    && call.arguments().stream().allMatch(a -> isField(a, other)))) {
                return Optional.empty();
            }
        }
        int l = lastCommand(commands, limited);
        PigRelation.NestedOp.Limit limit =
                (PigRelation.NestedOp.Limit) commands.get(l).op();
        PigExpr item = items.get(at).expr();
        // The LIMIT's input, and the ORDER it projects: the last assignments of their aliases before their use.
        int inputAt = limit.input() instanceof PigExpr.FieldRef in && in.qualifier() == null
                ? lastCommand(commands.subList(0, l), in.name())
                : -1;
        PigRelation.NestedCommand before = inputAt >= 0 ? commands.get(inputAt) : null;
        int orderAt;
        String field;
        if (before == null) {
            return Optional.empty();
        } else if (item instanceof PigExpr.Dereference d && before.op() instanceof PigRelation.NestedOp.Order) {
            orderAt = inputAt;
            field = d.field();
        } else if (item instanceof PigExpr.FieldRef
                && before.op() instanceof PigRelation.NestedOp.Assign assign
                && assign.expr() instanceof PigExpr.Dereference d
                && d.base() instanceof PigExpr.FieldRef projected
                && projected.qualifier() == null
                && lastCommand(commands.subList(0, inputAt), projected.name()) >= 0
                && commands.get(lastCommand(commands.subList(0, inputAt), projected.name()))
                                .op()
                        instanceof PigRelation.NestedOp.Order) {
            orderAt = lastCommand(commands.subList(0, inputAt), projected.name());
            field = d.field();
        } else {
            return Optional.empty();
        }
        PigRelation.NestedCommand orderCommand = commands.get(orderAt);
        PigRelation.NestedOp.Order order = (PigRelation.NestedOp.Order) orderCommand.op();
        // Pig's copy names the ORDER where the LIMIT was: its alias must still be the ORDER there.
        if (lastCommand(commands.subList(0, l), orderCommand.alias()) != orderAt
                || order.comparator() != null
                || !(order.input() instanceof PigExpr.FieldRef bag && bag.qualifier() == null)
                || commands.subList(0, orderAt).stream().anyMatch(c -> c.alias().equals(bag.name()))) {
            return Optional.empty();
        }
        List<String> names = bagFields(script, bag.name(), stored.span().line());
        List<Integer> keys = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (PigRelation.OrderKey key : order.keys()) {
            int position = key.expr() instanceof PigExpr.PositionalRef p
                    ? p.index()
                    : key.expr() instanceof PigExpr.FieldRef f && f.qualifier() == null ? names.indexOf(f.name()) : -1;
            if (position < 0) {
                return Optional.empty();
            }
            keys.add(position);
            descending.add(key.descending());
        }
        int projected = names.indexOf(field);
        Optional<Double> count = fraction(limit.count(), values);
        if (projected < 0 || count.isEmpty() || count.get() < 0 || count.get() != Math.floor(count.get())) {
            return Optional.empty();
        }
        Optional<String> full = withoutLimit(
                        text,
                        stored,
                        commands.get(l),
                        limit,
                        values,
                        item instanceof PigExpr.FieldRef ? orderCommand.alias() : null,
                        items.get(at),
                        limited)
                .map(statement -> "\nferry_full_" + index
                        + statement.substring(stored.alias().length()) + "\n");
        int bagAt = at;
        return full.map(definition -> new Comparison.ProjectedTopN(
                "ferry_full_" + index,
                definition,
                bagAt,
                List.of(projected),
                keys,
                descending,
                count.get().longValue()));
    }

    /**
     * {@code F = FOREACH T GENERATE f..., FLATTEN(t)} where {@code T = FOREACH ... GENERATE ..., TOP(n, i, bag) AS t,
     * ...}, every other item of F one field or a constant: TOP keeps the n tuples largest on field i, any of those
     * tied at the cut. Compared by {@link OutputComparison#flattenedTopNDifferences} against the same two statements
     * with the TOP the whole bag, which Pig's copy computes as {@code ferry_top_INDEX} and {@code ferry_full_INDEX}.
     * Empty for any other shape, an n or i that is no number, or statements not written in this script.
     */
    static Optional<Comparison> flattenedTop(
            PigScript script,
            PigStatement.Assign stored,
            PigRelation.Foreach flat,
            Map<String, String> values,
            String text,
            int index) {
        List<PigRelation.GenerateItem> items = flat.items();
        int at = items.size() - 1;
        if (at < 0
                || !(items.get(at).expr() instanceof PigExpr.Flatten f
                        && f.expr() instanceof PigExpr.FieldRef t
                        && t.qualifier() == null)
                || !items.subList(0, at).stream().allMatch(i -> isField(i.expr(), t.name()))
                || text.contains("ferry_top_" + index)
                || text.contains("ferry_full_" + index)) {
            return Optional.empty();
        }
        Optional<PigStatement.Assign> made =
                lastAssign(script.statements(), flat.input(), stored.span().line() - 1);
        if (made.isEmpty()
                || !(made.get().relation() instanceof PigRelation.Foreach source)
                || made.get().span().line() >= stored.span().line()) {
            return Optional.empty();
        }
        PigExpr.Call top = null;
        for (PigRelation.GenerateItem item : source.items()) {
            if (!item.names().isEmpty()
                    && t.name().equals(item.names().get(0).name())
                    && item.expr() instanceof PigExpr.Call call
                    && call.function()
                            .replaceFirst("^org\\.apache\\.pig\\.builtin\\.", "")
                            .equalsIgnoreCase("TOP")
                    && call.arguments().size() == 3
                    && call.arguments().get(2) instanceof PigExpr.FieldRef bag
                    && bag.qualifier() == null) {
                top = call;
            }
        }
        if (top == null) {
            return Optional.empty();
        }
        Optional<Double> n = fraction(top.arguments().get(0), values);
        Optional<Double> field = fraction(top.arguments().get(1), values);
        if (n.isEmpty()
                || field.isEmpty()
                || n.get() < 0
                || n.get() != Math.floor(n.get())
                || field.get() < 0
                || field.get() != Math.floor(field.get())) {
            return Optional.empty();
        }
        String bag = ((PigExpr.FieldRef) top.arguments().get(2)).name();
        int sourceStart = ScriptPaths.offsetOf(text, made.get().span());
        int sourceEnd = sourceStart < 0 ? -1 : statementEnd(text, sourceStart);
        int callAt = ScriptPaths.offsetOf(text, top.span());
        int callEnd = callAt < 0 ? -1 : text.indexOf('(', callAt);
        callEnd = callEnd < 0 ? -1 : closingParen(text, callEnd);
        int flatStart = ScriptPaths.offsetOf(text, stored.span());
        int flatEnd = flatStart < 0 ? -1 : statementEnd(text, flatStart);
        if (sourceEnd < 0
                || callAt < sourceStart
                || callEnd < 0
                || callEnd > sourceEnd
                || flatEnd < 0
                || !text.startsWith(made.get().alias(), sourceStart)
                || !text.startsWith(stored.alias(), flatStart)
                || !Pattern.matches(
                        "(?is)top\\s*\\(.*",
                        text.substring(callAt, callEnd + 1)
                                .replaceFirst("(?is)^org\\.apache\\.pig\\.builtin\\.", ""))) {
            return Optional.empty();
        }
        Matcher input = Pattern.compile("(?is)^\\s*=\\s*foreach\\s+" + Pattern.quote(flat.input()) + "\\b")
                .matcher(text.substring(flatStart + stored.alias().length(), flatEnd + 1));
        if (!input.find()) {
            return Optional.empty();
        }
        String whole = "\nferry_top_" + index
                + text.substring(sourceStart + made.get().alias().length(), callAt)
                + bag + text.substring(callEnd + 1, sourceEnd + 1) + (text.charAt(sourceEnd) == ';' ? "" : ";")
                + "\nferry_full_" + index + " = FOREACH ferry_top_" + index
                + text.substring(flatStart + stored.alias().length() + input.end(), flatEnd + 1)
                + (text.charAt(flatEnd) == ';' ? "" : ";") + "\n";
        return Optional.of(new Comparison.FlattenedTop(
                "ferry_full_" + index,
                whole,
                at,
                field.get().intValue(),
                n.get().longValue()));
    }

    /** The index of the parenthesis closing the one at {@code open}, -1 when none does (quotes skipped). */
    private static int closingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last block command assigning {@code alias}, -1 when none does. */
    private static int lastCommand(List<PigRelation.NestedCommand> commands, String alias) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (commands.get(i).alias().equals(alias)) {
                return i;
            }
        }
        return -1;
    }

    /** A field, a field of one ({@code A.x}) or a constant: one output field, not {@code limited}'s. */
    private static boolean isField(PigExpr expr, String limited) {
        PigExpr base = expr instanceof PigExpr.Dereference d ? d.base() : expr;
        return base instanceof PigExpr.FieldRef ref && !ref.name().equals(limited)
                || base instanceof PigExpr.PositionalRef
                || expr instanceof PigExpr.Literal;
    }

    private static boolean isAlias(PigExpr expr, String alias) {
        return expr instanceof PigExpr.FieldRef ref
                && ref.qualifier() == null
                && ref.name().equals(alias);
    }

    /**
     * The sort fields of the tuples a nested LIMIT keeps: none when its input is not ORDERed in the block (no block
     * command is an ORDER), the ORDER's fields when its input is the ORDER just before it, empty when a field cannot
     * be placed or an ORDER comes earlier (a FILTER of an ORDER keeps its order). Empty too when no ORDER but a
     * DISTINCT is in the block: Pig's distinct bag iterates sorted (DistinctDataBag), so a LIMIT of it keeps the
     * smallest tuples, which the translation keeps too; that is compared whole.
     */
    private static Optional<List<Integer>> limitKeys(
            PigScript script, List<PigRelation.NestedCommand> commands, PigExpr input, int line) {
        List<PigRelation.NestedCommand> orders = commands.stream()
                .filter(c -> c.op() instanceof PigRelation.NestedOp.Order)
                .toList();
        if (orders.isEmpty()) {
            return commands.stream().anyMatch(c -> c.op() instanceof PigRelation.NestedOp.Distinct)
                    ? Optional.empty()
                    : Optional.of(List.of());
        }
        PigRelation.NestedCommand before = commands.get(commands.size() - 2 < 0 ? 0 : commands.size() - 2);
        if (orders.size() != 1 || orders.get(0) != before || !isAlias(input, before.alias())) {
            return Optional.empty();
        }
        PigRelation.NestedOp.Order order = (PigRelation.NestedOp.Order) before.op();
        // A FILTER or a DISTINCT in the block keeps its input's fields: the bag they start from names them.
        PigExpr bag = order.input();
        for (int i = commands.size() - 3; i >= 0; i--) {
            PigRelation.NestedOp op = commands.get(i).op();
            if (isAlias(bag, commands.get(i).alias())) {
                bag = op instanceof PigRelation.NestedOp.Filter f
                        ? f.input()
                        : op instanceof PigRelation.NestedOp.Distinct d ? d.input() : null;
            }
        }
        List<String> names = bag instanceof PigExpr.FieldRef ref && ref.qualifier() == null
                ? bagFields(script, ref.name(), line)
                : List.of();
        List<Integer> keys = new ArrayList<>();
        for (PigRelation.OrderKey key : order.keys()) {
            int position = key.expr() instanceof PigExpr.PositionalRef p
                    ? p.index()
                    : key.expr() instanceof PigExpr.FieldRef f && f.qualifier() == null ? names.indexOf(f.name()) : -1;
            if (position < 0 || order.comparator() != null) {
                return Optional.empty();
            }
            keys.add(position);
        }
        return Optional.of(keys);
    }

    /**
     * The field names of the tuples of the bag {@code name} names: a GROUP's bag of a relation LOADed with AS (the
     * relation's name), else the one bag field of that name the script's LOAD schemas declare; none when neither
     * (or several such bags) is found.
     */
    private static List<String> bagFields(PigScript script, String name, int line) {
        Optional<PigStatement.Assign> relation = lastAssign(script.statements(), name, line);
        if (relation.isPresent()) {
            return relation.get().relation() instanceof PigRelation.Load load
                    ? load.schema().stream().map(FieldSchema::name).toList()
                    : List.of();
        }
        List<List<String>> bags = script.statements().stream()
                .filter(s -> s instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Load)
                .flatMap(s -> ((PigRelation.Load) ((PigStatement.Assign) s).relation()).schema().stream())
                .filter(f -> f.type() == PigType.BAG && name.equals(f.name()))
                .map(f -> f.fields().size() == 1 && f.fields().get(0).type() == PigType.TUPLE
                        ? f.fields().get(0).fields()
                        : f.fields())
                .map(fields -> fields.stream().map(FieldSchema::name).toList())
                .toList();
        return bags.size() == 1 ? bags.get(0) : List.of();
    }

    /**
     * The statement {@code stored} as written, its nested {@code LIMIT x n} ({@code limit}) a {@code FILTER x BY
     * true}, which keeps every tuple in x's order (a LIMIT of a huge n is no such thing: Pig's POSort of an ORDER then
     * LIMIT allocates a queue of n); empty when the statement or the LIMIT is not where the spans say (a macro's), or
     * the count is neither a number nor a parameter.
     */
    private static Optional<String> withoutLimit(
            String text,
            PigStatement.Assign stored,
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Limit limit,
            Map<String, String> values) {
        return withoutLimit(text, stored, command, limit, values, null, null, null);
    }

    /**
     * {@link #withoutLimit(String, PigStatement.Assign, PigRelation.NestedCommand, PigRelation.NestedOp.Limit, Map)},
     * the FILTER of {@code input} when not null (not the LIMIT's input), and, {@code item} not null, the GENERATE item
     * {@code item} of the LIMIT's alias {@code wholeBag}, bare or as {@code wholeBag.f}, the bare {@code wholeBag};
     * empty when the item is not written so or a block command after the LIMIT names {@code wholeBag}.
     */
    private static Optional<String> withoutLimit(
            String text,
            PigStatement.Assign stored,
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Limit limit,
            Map<String, String> values,
            String input,
            PigRelation.GenerateItem item,
            String wholeBag) {
        if (!(limit.count() instanceof PigExpr.Literal || limit.count() instanceof PigExpr.Param)) {
            return Optional.empty();
        }
        int start = ScriptPaths.offsetOf(text, stored.span());
        int at = ScriptPaths.offsetOf(text, command.span());
        if (start < 0
                || at < start
                || !text.startsWith(stored.alias(), start)
                || !stored.span().file().equals(command.span().file())) {
            return Optional.empty();
        }
        int end = statementEnd(text, start);
        String ending = end >= 0 && text.charAt(end) == ';' ? "" : ";";
        int limitEnd = text.indexOf(';', at);
        if (end < 0 || limitEnd < 0 || limitEnd > end) {
            return Optional.empty();
        }
        Matcher count = Pattern.compile(
                        "(?is)^((?:\\w+\\s*=\\s*)?)limit(\\s+\\S+)\\s+(?:\\d+[lL]?|\\$\\{?\\w+}?)(\\s*)$")
                .matcher(text.substring(at, limitEnd));
        if (!count.matches()) {
            return Optional.empty();
        }
        String filtered = input == null ? count.group(2) : count.group(2).replaceAll("\\S+$", input);
        String rest = text.substring(limitEnd, end + 1);
        if (item != null) {
            // A dereference's span is its dot's: the item starts at its base.
            PigExpr first = item.expr() instanceof PigExpr.Dereference d ? d.base() : item.expr();
            int itemAt = first instanceof PigExpr.FieldRef ref ? ScriptPaths.offsetOf(text, ref.span()) - limitEnd : -1;
            Matcher projection = itemAt < 0
                    ? null
                    : Pattern.compile("(?s)^" + Pattern.quote(wholeBag) + "(?:\\s*\\.\\s*\\w+)?\\b")
                            .matcher(rest.substring(itemAt));
            if (projection == null || !projection.find()) {
                return Optional.empty();
            }
            String between = rest.substring(0, itemAt);
            // The rewritten LIMIT is the bag's last assignment: no command after it may read the bag.
            if (Pattern.compile("(?s)\\b" + Pattern.quote(wholeBag) + "\\b.*\\bgenerate\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(between)
                    .find()) {
                return Optional.empty();
            }
            rest = between + wholeBag + rest.substring(itemAt + projection.end());
        }
        return Optional.of(text.substring(start, at)
                + count.group(1)
                + "FILTER"
                + filtered
                + " BY true"
                + count.group(3)
                + rest
                + ending);
    }

    /**
     * The index of the {@code ;} ending the statement at {@code start}: the first outside brackets, quotes and
     * comments, or of the brace closing a nested block when no {@code ;} follows it (Pig needs none there); -1 when
     * there is none.
     */
    private static int statementEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                for (i++; i < text.length() && text.charAt(i) != '\''; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '-' && text.startsWith("--", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
            } else if (c == '/' && text.startsWith("/*", i)) {
                i = text.indexOf("*/", i) < 0 ? text.length() : text.indexOf("*/", i) + 1;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' && depth == 1) {
                int after = i + 1;
                while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                return after < text.length() && text.charAt(after) == ';' ? after : i;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == ';' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The fields an ORDER {@code alias} sorts by, each by its name; none when one is not a plain field's name. */
    private static List<String> orderFields(PigScript script, String alias, int line) {
        Optional<PigStatement.Assign> order = lastAssign(script.statements(), alias, line);
        if (order.isEmpty() || !(order.get().relation() instanceof PigRelation.Order o)) {
            return List.of();
        }
        List<String> names = o.keys().stream()
                .map(k -> k.expr() instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? ref.name() : null)
                .toList();
        return names.contains(null) ? List.of() : names;
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

    /** A Pig STORE of {@code alias} into {@code dir}, {@code using} its store function (empty: PigStorage). */
    private static String storeOf(String alias, Path dir, String using) {
        return "\nstore " + alias + " into " + ScriptPaths.quote(dir.toString()) + using + ";\n";
    }

    /** The {@code USING} clause of {@code store}'s function, empty when it names none. */
    private static String using(PigStatement.Store store) {
        return store.function() == null
                ? ""
                : " using " + store.function().name() + "("
                        + String.join(
                                ", ",
                                store.function().arguments().stream()
                                        .map(a -> "'" + a + "'")
                                        .toList()) + ")";
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

    /**
     * The Grunt commands that change files: real Pig runs each on the copies of the STOREs it names, and verify refuses
     * one that names any other path (a LOAD's input, a local file): it never runs them on anything but scratch data.
     */
    private static final Set<String> REMOVALS =
            Set.of("RMF", "RM", "FS", "MKDIR", "CP", "MV", "COPYFROMLOCAL", "COPYTOLOCAL");

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
        // A run stopped at the timeout (no shutdown hooks) leaves Flink's temporary files in the scratch data only.
        Path tmp = Files.createDirectories(work.resolve("flink-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
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
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + why(log) + " (log: " + log + ")";
    }

    /** The runner's own last error line of the job's log ({@code ferry-runtime: error: ...}), after ": ". */
    private static String why(Path log) throws IOException {
        String prefix = "ferry-runtime: error: ";
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith(prefix))
                    .reduce((first, second) -> second)
                    .map(line -> ": " + line.substring(prefix.length()))
                    .orElse("");
        } catch (java.io.UncheckedIOException e) {
            return ""; // not text: the log path says where to look
        }
    }
}
