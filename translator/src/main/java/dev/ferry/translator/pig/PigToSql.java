package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.hive.HiveTable;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigSchemaFile;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.secrets.SecretNames;
import dev.ferry.secrets.SecretText;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlQuery.OrderItem;
import dev.ferry.translator.sql.SqlQuery.Select;
import dev.ferry.translator.sql.SqlQuery.SelectItem;
import dev.ferry.translator.sql.SqlType;
import dev.ferry.translator.sql.TablesRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Translates one Pig script into one Flink SQL batch job: every alias becomes a view named after
 * it, in script order; LOAD and STORE become file tables in Pig's text format.
 */
public final class PigToSql {

    private static final Pattern PARAMETER =
            Pattern.compile("(?<!\\\\)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final PigScript script;
    private final Diagnostics diagnostics;
    /** The parameters the caller gives (a workflow action's {@code <param>}s): a %default of them does nothing. */
    private final Set<String> givenParameters;

    private final TreeSet<String> parameters = new TreeSet<>();
    /** Parameters that stand for a secret the script wrote into a path: filled from a secret store, never from the script. */
    private final TreeSet<String> secretParameters = new TreeSet<>();

    private final ExprTranslator expressions;
    /** The loaders the runtime's adapter runs (LOAD USING a user's class or BinStorage). */
    private final JavaLoaders loaders;
    /** Whether the script SETs elephant-bird's elephantbird.jsonloader.nestedLoad to true (every such JsonLoader nests). */
    private final boolean jsonNestedBySet;
    /** The Hadoop task writing each STORE's files in Pig's plan. */
    private final StoreTasks storeTasks;

    private final Map<String, Relation> aliases = new HashMap<>();
    /** The Hive tables HCatLoader and HCatStorer name, as the metastore given at conversion describes them. */
    private final HiveTables hiveTables;
    /** Aliases whose statement failed: reading one again is a follow-on error, reported once. */
    private final java.util.Set<String> failedAliases = new java.util.HashSet<>();

    private final Map<String, Integer> viewNames = new HashMap<>();
    private final List<SqlJob.Table> sources = new ArrayList<>();
    private final List<SqlJob.View> views = new ArrayList<>();
    private final List<SqlJob.Table> sinks = new ArrayList<>();
    /** The names of sources, views and sinks as they are created: the order the job runs them in. */
    private final List<String> order = new ArrayList<>();

    private final List<SqlJob.Insert> inserts = new ArrayList<>();
    /** Tables and views that a RANK read again as a numbered copy: they go when nothing else reads them. */
    private final Set<String> superseded = new LinkedHashSet<>();
    /** The numbered copy of each table or view a RANK read again. */
    private final Map<String, Positioned> positionedCopies = new HashMap<>();
    /** SAMPLEs that a RANK drew again as numbered copies, with the RANK's span. */
    private final Map<String, SourceSpan> samplesDrawnAgain = new LinkedHashMap<>();

    private final Names tableNames = new Names();
    private final AliasUses uses;
    /** What each STORE wrote, by its path as written: a later LOAD of the path reads it from here. */
    private final Map<String, Relation> storedPaths = new HashMap<>();
    /** The .pig_schema each STORE with '-schema' (or JsonStorage) wrote, by its path. */
    private final Map<String, SqlJob.SchemaFiles> storedSchemas = new HashMap<>();
    /**
     * Stored paths whose STORE Pig has run before the statement being translated is parsed: an EXEC, a DUMP or a file
     * command runs the STOREs before it (GruntParser executes the batch), so a LOAD after it finds their files.
     */
    private final java.util.Set<String> ranStores = new java.util.HashSet<>();
    /** The .pig_schema files of the repository a LOAD without AS types its fields by. */
    private final SchemaFiles schemaFiles;
    /** The sink each STORE wrote, by its path as written (normalized), and the stored path it is known by. */
    private final Map<String, Map.Entry<String, String>> storedSinks = new HashMap<>();
    /** True when a removal undid a STORE ({@link #storeRemoved}). */
    private boolean storesRemoved;
    /** Paths the script removed ({@code rmf}, {@code fs -rm -r}) that no STORE has written since, with where. */
    private final Map<String, SourceSpan> removedPaths = new LinkedHashMap<>();
    /** The file command of each removal in {@link #removedPaths}: a STORE into its path replaces it. */
    private final Map<String, SqlJob.FileCommand> removals = new HashMap<>();
    /** The file commands the job runs, each with the names {@link #order} held when the script reached it. */
    private final List<Map.Entry<SqlJob.FileCommand, java.util.Set<String>>> fileCommands = new ArrayList<>();
    /** The commands of the nested FOREACH being translated (empty otherwise). */
    private List<PigRelation.NestedCommand> nestedCommands = List.of();
    /** The nested block over a bag field of a plain relation being translated ({@link RowBags}); else null. */
    private RowBags.Plan rowBag;
    /** The FLATTENs of bag values the current plain FOREACH makes (their input filled in by it). */
    private final List<SqlQuery.Unnest> flattened = new ArrayList<>();
    /** The GROUP bags a top-N FOREACH reads under another name: never one-row relations (scalars) there. */
    private final java.util.Set<String> bagAliases = new java.util.HashSet<>();
    /** The nested FILTER or DISTINCT bag whose FLATTEN selects the GROUP input's rows (flattenNarrowBag), or null. */
    private Value.Bag narrowBag;
    /** The number of AS names of the GENERATE item being expanded: the width of a flattened tuple Ferry does not know. */
    private int asWidth;
    /** Ordered relations that a reader needed as a view (LIMIT read by several statements). */
    private final Map<Relation.Ordered, Relation.Named> materialized = new HashMap<>();
    /** GROUPs and COGROUPs read as rows, one view each. */
    private final Map<Relation.Grouped, Relation.Named> groupRows = new HashMap<>();

    private final Map<Relation.Cogrouped, Relation.Named> cogroupRows = new HashMap<>();
    private int statementIndex;

    private PigToSql(
            PigScript script,
            Set<String> givenParameters,
            HiveTables hiveTables,
            SchemaFiles schemaFiles,
            Diagnostics diagnostics) {
        this.script = script;
        this.hiveTables = hiveTables;
        this.schemaFiles = schemaFiles;
        this.diagnostics = diagnostics;
        this.givenParameters = Set.copyOf(givenParameters);
        this.expressions = new ExprTranslator(parameters, diagnostics, script.udfs());
        this.loaders = new JavaLoaders(script.udfs(), script.statements());
        this.jsonNestedBySet = ElephantBirdJson.nestedBySet(script.statements());
        this.storeTasks = new StoreTasks(script.statements());
        this.uses = AliasUses.of(script.statements());
    }

    /**
     * {@code %declare X `cmd`} (and a {@code %default} one when nothing set X before) makes Pig run {@code cmd} when
     * it reads the script, and X is its output: a %declare's even over a {@code -param X} (PreprocessorContext
     * processShellCmd overwrites). Ferry never runs a command of the input, so X is a parameter the job must be given:
     * a standalone job's required argument, in a workflow the Airflow Variable X.
     */
    private void shellCommandParameter(PigScript.ParamDefault d) {
        diagnostics.report(
                DiagnosticCode.PIG_W005,
                d.span(),
                "parameter '" + d.name() + "' is the output of the shell command " + d.value()
                        + ", which Ferry does not run: the job must be given '" + d.name() + "' instead",
                "in a workflow the DAG reads it from the Airflow Variable '" + d.name()
                        + "': set it to what the command prints, before the run");
    }

    /** The job, or empty when any statement could not be translated (the diagnostics say why). */
    public static Optional<SqlJob> translate(PigScript script, String jobName, Diagnostics diagnostics) {
        return translate(script, jobName, Set.of(), diagnostics);
    }

    /**
     * The job of a script whose caller gives {@code givenParameters} (as {@code -param}s): a {@code %default X `cmd`}
     * of a given X does not run its command in Pig, so it is not reported.
     */
    public static Optional<SqlJob> translate(
            PigScript script, String jobName, Set<String> givenParameters, Diagnostics diagnostics) {
        return translate(script, jobName, givenParameters, HiveTables.NONE, diagnostics);
    }

    /** As above, the tables HCatLoader and HCatStorer name looked up in {@code hiveTables}. */
    public static Optional<SqlJob> translate(
            PigScript script,
            String jobName,
            Set<String> givenParameters,
            HiveTables hiveTables,
            Diagnostics diagnostics) {
        return translate(script, jobName, givenParameters, hiveTables, SchemaFiles.NONE, diagnostics);
    }

    /** As above, a LOAD without AS typed by the .pig_schema file {@code schemaFiles} has for its path. */
    public static Optional<SqlJob> translate(
            PigScript script,
            String jobName,
            Set<String> givenParameters,
            HiveTables hiveTables,
            SchemaFiles schemaFiles,
            Diagnostics diagnostics) {
        return new PigToSql(script, givenParameters, hiveTables, schemaFiles, diagnostics).run(jobName);
    }

    private Optional<SqlJob> run(String jobName) {
        boolean failed = false;
        for (statementIndex = 0; statementIndex < script.statements().size(); statementIndex++) {
            PigStatement statement = script.statements().get(statementIndex);
            try {
                translate(statement);
            } catch (TranslationError error) {
                error.diagnostic().ifPresent(diagnostics::add);
                failed = true;
                // Only the aliases the statement defines fail; their readers are follow-on errors, reported once.
                for (String alias : definedAliases(statement)) {
                    aliases.remove(alias);
                    failedAliases.add(alias);
                }
            }
        }
        if (inserts.isEmpty() && !failed && storesRemoved) {
            diagnostics.add(ExprTranslator.unsupported(
                            SourceSpan.file(script.file()),
                            "every STORE's output is removed later by the script, which so leaves nothing behind;"
                                    + " a job that writes nothing is not generated")
                    .diagnostic()
                    .orElseThrow());
            failed = true;
        }
        if (inserts.isEmpty() && !failed) {
            diagnostics.report(
                    DiagnosticCode.PIG_E020,
                    SourceSpan.file(script.file()),
                    "the script has no STORE or DUMP, so it has no effect as a batch job",
                    "store the result to translate it");
            failed = true;
        }
        if (failed) {
            return Optional.empty();
        }
        Map<String, String> defaults = new TreeMap<>();
        // A secret's %default/%declare value is not printed in the script's header (the DAG passes a reference).
        for (PigScript.ParamDefault d : script.defaults()) {
            if (!d.declare() && defaults.containsKey(d.name())) {
                continue; // %default sets only what is not set; %declare always does
            }
            if (d.isShellCommand()) {
                if (d.declare() || !givenParameters.contains(d.name())) {
                    shellCommandParameter(d);
                }
                defaults.put(d.name(), null); // required: only the caller can give the command's output
            } else {
                defaults.put(
                        d.name(),
                        SecretNames.isSecret(d.name())
                                ? "a secret, read from the Airflow Variable '" + d.name() + "'"
                                : d.value());
            }
        }
        parameters.addAll(defaults.keySet());
        List<SqlJob.JobParameter> jobParameters = parameters.stream()
                .map(name -> new SqlJob.JobParameter(name, defaults.get(name), secretParameters.contains(name)))
                .toList();
        JavaUdfCalls udfs = expressions.javaUdfs();
        SqlJob.JavaUdfs javaUdfs = udfs.called() || loaders.used()
                ? new SqlJob.JavaUdfs(
                        udfs.called(),
                        script.jars().stream()
                                .map(jar -> new SqlJob.Jar(jar.path(), jar.file()))
                                .toList(),
                        udfs.called() ? udfs.firstDefine() : loaders.first(),
                        loaders.used())
                : SqlJob.JavaUdfs.NONE;
        dropUnreadSuperseded();
        // Each file command comes after what the job had created when the script reached it.
        List<SqlJob.FileCommand> steps = fileCommands.stream()
                .map(c -> c.getKey()
                        .at((int) order.stream().filter(c.getValue()::contains).count()))
                .toList();
        return Optional.of(new SqlJob(
                jobName, script.file(), jobParameters, sources, views, sinks, inserts, order, javaUdfs, steps));
    }

    private static List<String> definedAliases(PigStatement statement) {
        if (statement instanceof PigStatement.Assign assign) {
            return List.of(assign.alias());
        }
        if (statement instanceof PigStatement.Split split) {
            List<String> outputs = new ArrayList<>(split.branches().stream()
                    .map(PigStatement.SplitBranch::alias)
                    .toList());
            if (split.otherwise() != null) {
                outputs.add(split.otherwise());
            }
            return outputs;
        }
        if (statement instanceof PigStatement.MacroCall call) {
            return call.outputs();
        }
        return List.of();
    }

    private void translate(PigStatement statement) {
        if (statement instanceof PigStatement.Assign assign) {
            aliases.put(assign.alias(), relation(assign.alias(), assign.relation()));
            failedAliases.remove(assign.alias());
        } else if (statement instanceof PigStatement.Split split) {
            split(split);
        } else if (statement instanceof PigStatement.Store store) {
            store(store);
        } else if (statement instanceof PigStatement.Command command) {
            command(command);
        } else if (statement instanceof PigStatement.DefineFunction define
                && (loaders.define(define) || StorageFunctions.isStorage(define.function()))) {
            // a loader or a storage function: the LOADs and STOREs that name it use it (JavaLoaders.resolved)
        } else if (statement instanceof PigStatement.DefineFunction define
                && ExprTranslator.isDefinableBuiltin(define.function())) {
            expressions.define(define.name(), define.function());
        } else if (statement instanceof PigStatement.DefineFunction define
                && ExprTranslator.isBuiltinAlias(define.function())) {
            expressions.defineBuiltin(define.name(), define.function());
        } else if (statement instanceof PigStatement.DefineFunction define && JavaUdfCalls.isJavaClass(define)) {
            expressions.javaUdfs().define(define);
        } else if (statement instanceof PigStatement.DefineFunction define) {
            throw JavaUdfTodo.of(define, script.udfs());
        } else if (statement instanceof PigStatement.Assert assertion) {
            assertion(assertion);
        } else {
            throw NotTranslatable.of(statement)
                    .orElseGet(() -> ExprTranslator.unsupported(
                            statement.span(),
                            describe(statement) + " is not translated yet by the Flink SQL translation"));
        }
    }

    /**
     * {@code ASSERT a BY cond[, 'message']}: Pig filters {@code a} through its Assert UDF, which fails the job
     * when the condition is false or null; {@code a} then names the checked rows. PIG_ASSERT does the same.
     */
    private void assertion(PigStatement.Assert assertion) {
        Relation.Named input = named(assertion.input(), assertion.span());
        SqlExpr check = SqlExpr.Call.of(
                "PIG_ASSERT",
                condition(assertion.condition(), input),
                SqlExpr.Literal.text(assertion.message() == null ? "" : assertion.message()));
        Relation.Named checked = view(
                assertion.input(),
                assertion.span(),
                SqlQuery.selectAll(input.sqlName()).withWhere(check),
                input.fields());
        aliases.put(assertion.input(), keepOrder(assertion.input(), checked, input));
    }

    private void command(PigStatement.Command command) {
        if (List.of("DUMP", "EXEC").contains(command.keyword())
                || GruntFileCommands.KEYWORDS.contains(command.keyword())) {
            // Grunt runs the STOREs so far before the command: a later LOAD of their paths finds their files.
            ranStores.addAll(storedPaths.keySet());
        }
        if (GruntFileCommands.KEYWORDS.contains(command.keyword())) {
            fileCommand(command);
            return;
        }
        switch (command.keyword()) {
            case "DUMP" -> dump(command);
            case "DESCRIBE", "EXPLAIN", "ILLUSTRATE" ->
                diagnostics.report(
                        DiagnosticCode.PIG_W001,
                        command.span(),
                        command.keyword() + " only prints in Pig; it is not part of the batch job");
            case "REGISTER" -> {
                if (NotTranslatable.of(command).isPresent()) {
                    throw NotTranslatable.of(command).get();
                }
                // A jar of the repository reaches the job when it calls a Java UDF (JavaUdfs); one that is not is
                // PIG-W041 already. What the script uses from it (a DEFINE, a loader, a call) is reported there.
            }
            case "EXEC" -> {
                if (!command.argument().isBlank()) {
                    throw ExprTranslator.unsupported(
                            command.span(),
                            "EXEC of another script is not translated yet by the Flink SQL translation");
                }
                // Pig runs the STOREs so far first; a later LOAD of a stored path reads the stored view (reload).
                diagnostics.report(
                        DiagnosticCode.PIG_W001,
                        command.span(),
                        "EXEC only runs the STOREs before it first in Pig; the Flink job runs every STORE in one"
                                + " statement set, and a LOAD of a path the script stored reads the stored rows");
            }
            case "SET" -> {
                // the job's parallelism (PigParallelism); elephant-bird's JsonLoader reads its property
                // (ElephantBirdJson)
                if (!command.argument().startsWith("default_parallel") && !ElephantBirdJson.setsNestedLoad(command)) {
                    diagnostics.report(
                            DiagnosticCode.PIG_W001,
                            command.span(),
                            "SET tunes Pig's MapReduce execution; Flink settings belong to the FlinkDeployment",
                            "carry the intent into flinkConfiguration by hand if it matters: " + command.text());
                }
            }
            default ->
                throw NotTranslatable.of(command)
                        .orElseGet(() -> ExprTranslator.unsupported(
                                command.span(),
                                command.keyword() + " is not translated yet by the Flink SQL translation"));
        }
    }

    /**
     * A Grunt file command ({@link GruntFileCommands}): each operation runs where the script has it, after the STOREs
     * before it. A recursive removal of a path a later STORE writes is the idiom that clears a script's output first:
     * that STORE then replaces what is at the path (INSERT OVERWRITE) unless another file command comes between; a
     * removal of what a STORE before it wrote undoes that STORE ({@link #storeRemoved}).
     */
    private void fileCommand(PigStatement.Command command) {
        List<GruntFileCommands.Parsed> operations = GruntFileCommands.of(command);
        for (GruntFileCommands.Parsed operation : operations) {
            boolean removal = operation.operation() == SqlJob.FileOperation.REMOVE
                    && operation.options().contains(SqlJob.FileOption.RECURSIVE)
                    && !GruntFileCommands.globbed(operation);
            // Grunt takes the word as it is: a quoted path names a file whose name has the quotes (Pig 0.18).
            if (removal && storeRemoved(storePath(operation.paths().get(0)), command)) {
                continue;
            }
            if (!removal) {
                // a later STORE now finds what this command left: Pig's check of its output
                removedPaths.clear();
                removals.clear();
            }
            List<String> paths = operation.paths().stream()
                    .map(path -> withoutSecrets(bindPathParameters(path, parameters), command.span()))
                    .toList();
            SqlJob.FileCommand step =
                    new SqlJob.FileCommand(operation.operation(), paths, operation.options(), command.span(), 0);
            fileCommands.add(Map.entry(step, java.util.Set.copyOf(order)));
            for (int i = 0; i < paths.size(); i++) {
                // a LOAD of a path the command touched reads its files
                forgetStored(storePath(operation.paths().get(i)), storePath(paths.get(i)));
            }
            if (removal) {
                removedPaths.putIfAbsent(storePath(operation.paths().get(0)), command.span());
                removals.putIfAbsent(storePath(operation.paths().get(0)), step);
            }
        }
    }

    /**
     * A removal of what a STORE before it wrote: Grunt runs that STORE first, then removes its output, so the path is
     * gone when the script ends. The job does not write it (PIG-W001); a later LOAD of the path finds nothing there.
     */
    private boolean storeRemoved(String path, PigStatement.Command command) {
        Map.Entry<String, String> stored = storedSinks.remove(path);
        if (stored == null) {
            return false;
        }
        String sink = stored.getKey();
        SqlJob.Insert insert =
                inserts.stream().filter(i -> i.sink().equals(sink)).findFirst().orElseThrow();
        inserts.remove(insert);
        sinks.removeIf(t -> t.name().equals(sink));
        order.remove(sink);
        storedPaths.remove(stored.getValue());
        storedSchemas.remove(stored.getValue());
        ranStores.remove(stored.getValue());
        storesRemoved = true;
        diagnostics.report(
                DiagnosticCode.PIG_W001,
                insert.span(),
                "this STORE's output is removed by the " + command.keyword().toLowerCase(java.util.Locale.ROOT)
                        + " at line " + command.span().line() + " (Pig runs the STORE, then removes what it wrote):"
                        + " the job does not write it");
        return true;
    }

    /**
     * A file command touched {@code path}: what a STORE wrote at, under or above it is no longer the STORE's rows
     * alone, so a later LOAD there reads the files (the STORE ran before the command), and a later removal removes
     * them rather than undoing the STORE.
     */
    private void forgetStored(String written, String bound) {
        storedPaths.keySet().removeIf(stored -> related(stored, bound));
        storedSinks.keySet().removeIf(stored -> related(stored, written));
    }

    /** Whether one path is the other or lies under it. */
    private static boolean related(String a, String b) {
        return a.equals(b)
                || a.startsWith(b.endsWith("/") ? b : b + "/")
                || b.startsWith(a.endsWith("/") ? a : a + "/");
    }

    /**
     * A path as Hadoop's {@code Path} names the file it means, so that a removal, a STORE and a later LOAD spelled
     * differently meet: {@code ./out}, {@code out/}, {@code out//}, {@code a/./out} and {@code a/b/../out} are
     * {@code out}, {@code out}, {@code out}, {@code a/out} and {@code a/out} (Hadoop's {@code Path} collapses
     * repeated slashes, drops the trailing one and normalizes the URI's {@code .} and {@code ..} segments). A
     * {@code scheme://authority} prefix is kept as it is; a leading {@code ..} stays, as in a URI, and so does one
     * after a segment naming a parameter (which may stand for several).
     */
    public static String storePath(String path) {
        Matcher prefix = SCHEME_AUTHORITY.matcher(path);
        String head = prefix.lookingAt() ? prefix.group() : "";
        String rest = path.substring(head.length());
        boolean absolute = rest.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rest.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            // A parameter may stand for several segments: ".." after one is left for the bound path.
            if (segment.equals("..")
                    && !segments.isEmpty()
                    && !segments.peekLast().equals("..")
                    && !segments.peekLast().contains("$")) {
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        String normalized = (absolute ? "/" : "") + String.join("/", segments);
        // "." alone, or a path of only "./" segments, is the working directory: keep the text rather than "".
        return normalized.isEmpty() ? path : head + normalized;
    }

    private static final Pattern SCHEME_AUTHORITY = Pattern.compile("[A-Za-z][\\w+.-]*://[^/]*");

    /** A call's function as a column name's base: a Java UDF's class without its package, lower case. */
    private static String simpleName(PigExpr.Call call) {
        String function = call.function();
        return function.substring(function.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * PARTITION BY names the Hadoop Partitioner that picks each key's reducer: it moves rows between reducers,
     * never changes them, so the translation drops it (PIG-W004). Pig rejects it on a skewed JOIN (its own
     * sampling partitioner), and so does Ferry.
     */
    private void ignorePartitioner(PigRelation relation) {
        String partitioner = relation instanceof PigRelation.Join join
                ? join.partitioner()
                : relation instanceof PigRelation.Cogroup cogroup
                        ? cogroup.partitioner()
                        : relation instanceof PigRelation.Cross cross
                                ? cross.partitioner()
                                : relation instanceof PigRelation.Distinct distinct ? distinct.partitioner() : null;
        if (partitioner == null) {
            return;
        }
        if (relation instanceof PigRelation.Join join && "skewed".equals(join.strategy())) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    relation.span(),
                    "a skewed JOIN cannot have a PARTITION BY (Pig: Custom Partitioner is not supported for skewed"
                            + " join)"));
        }
        diagnostics.report(
                DiagnosticCode.PIG_W004,
                relation.span(),
                "PARTITION BY " + partitioner + " is dropped: a Hadoop partitioner only chooses the reducer of each"
                        + " key, the rows are the same without it",
                "Flink distributes the keys itself; nothing to do unless the partitioner had side effects");
    }

    /** What a statement the translation does not handle is called in its diagnostic. */
    private static String describe(PigStatement statement) {
        return switch (statement.getClass().getSimpleName()) {
            case "Split" -> "SPLIT";
            case "Assert" -> "ASSERT";
            case "DefineFunction" -> "DEFINE (user-defined function)";
            case "DefineCommand" -> "DEFINE (streaming command)";
            case "MacroDefinition" -> "a macro definition";
            case "MacroCall" -> "a macro call";
            case "Import" -> "IMPORT";
            default -> statement.getClass().getSimpleName();
        };
    }

    private Relation relation(String alias, PigRelation relation) {
        ignorePartitioner(relation);
        if (relation instanceof PigRelation.Order order && order.comparator() != null) {
            throw ExprTranslator.unsupported(relation.span(), "ORDER ... USING a comparator UDF is not translated yet");
        }
        if (relation instanceof PigRelation.Load load) {
            return load(alias, load);
        }
        if (relation instanceof PigRelation.Cogroup cogroup) {
            return cogroup(alias, cogroup);
        }
        if (relation instanceof PigRelation.Filter filter
                && relationOf(filter.input(), filter.span()) instanceof Relation.Grouped grouped) {
            return cogrouped(grouped).filtered(filter.condition(), filter.span());
        }
        if (relation instanceof PigRelation.Filter filter
                && relationOf(filter.input(), filter.span()) instanceof Relation.Cogrouped cogrouped) {
            return cogrouped.filtered(filter.condition(), filter.span());
        }
        if (relation instanceof PigRelation.Filter filter) {
            Relation.Named input = named(filter.input(), filter.span());
            SqlExpr condition = condition(filter.condition(), input);
            Relation.Named result = view(
                    alias, filter.span(), SqlQuery.selectAll(input.sqlName()).withWhere(condition), input.fields());
            return keepOrder(filter.input(), result, input);
        }
        if (relation instanceof PigRelation.Foreach foreach) {
            return foreach(alias, foreach);
        }
        if (relation instanceof PigRelation.NestedForeach block) {
            PigRelation.NestedForeach nested = NestedAliases.unique(block);
            Relation input = relationOf(nested.input(), nested.span());
            if (!(input instanceof Relation.Grouped) && !(input instanceof Relation.Cogrouped)) {
                Optional<Relation> overBagField = overBagField(alias, nested);
                if (overBagField.isPresent()) {
                    return overBagField.get();
                }
            }
            return nestedForeach(alias, nested, input);
        }
        if (relation instanceof PigRelation.Group group) {
            return group(alias, group);
        }
        if (relation instanceof PigRelation.Join join) {
            return join(alias, join);
        }
        if (relation instanceof PigRelation.Order order) {
            return order(alias, order);
        }
        if (relation instanceof PigRelation.Limit limit) {
            return limit(alias, limit);
        }
        if (relation instanceof PigRelation.Distinct distinct) {
            Relation.Named input = named(distinct.input(), distinct.span());
            return view(
                    alias, distinct.span(), SqlQuery.selectAll(input.sqlName()).withDistinct(), input.fields());
        }
        if (relation instanceof PigRelation.Alias same) {
            return relationOf(same.source(), same.span());
        }
        if (relation instanceof PigRelation.Union union) {
            return union(alias, union);
        }
        if (relation instanceof PigRelation.Cross cross) {
            return cross(alias, cross);
        }
        if (relation instanceof PigRelation.Sample sample) {
            return sample(alias, sample);
        }
        if (relation instanceof PigRelation.Rank rank) {
            return rank(alias, rank);
        }
        if (relation instanceof PigRelation.Cube cube) {
            return cube(alias, cube);
        }
        throw NotTranslatable.of(relation)
                .orElseGet(() -> ExprTranslator.unsupported(
                        relation.span(),
                        relation.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)
                                + " is not translated yet by the Flink SQL translation"));
    }

    private Relation load(String alias, PigRelation.Load load) {
        HCatalog.Table hcat = hcatLoad(load);
        StorageFunctions.Storage storage;
        try {
            storage = hcat != null
                    ? hcat.storage()
                    : StorageFunctions.load(
                            loaders.resolved(load.function()), load.path(), load.schema(), jsonNestedBySet);
        } catch (TranslationError noFlinkFormat) {
            // A loader Flink has no format for: the runtime's adapter runs it, if it is one the adapter runs.
            FuncSpec loader = load.function() == null
                    ? null
                    : loaders.loader(load.function()).orElse(null);
            if (loader == null) {
                throw noFlinkFormat;
            }
            return adaptedLoad(alias, load, loader);
        }
        expressions.complexCasts().loadedWith(storage.caster());
        // Warned once the fields translate: a field the storage cannot read is the one error to see.
        Runnable warnNotes = () -> storage.notes()
                .forEach(note -> expressions.warnDiffers(
                        load.function().span(), load.function().simpleName(), note));
        String delimiter = delimiter(storage);
        String path = hcat != null
                ? hcat.table().location()
                : withoutSecrets(bindPathParameters(load.path(), parameters), load.span());
        Relation stored = storedPaths.get(storePath(path));
        List<FieldSchema> schema = hcat != null
                ? hcat.schema(load.function().span())
                : !load.schema().isEmpty()
                        ? load.schema()
                        : !storage.schema().isEmpty() ? storage.schema() : schemaFileFields(load, storage, path, true);
        if (hcat == null && schema.isEmpty() && storage.fileTag() != SqlJob.FileTag.NONE) {
            throw StorageFunctions.tagWithoutSchema(load.function(), storage.fileTag());
        }
        if (stored != null) {
            warnNotes.run();
            return reload(alias, load, stored, schema, storage.format() == SqlJob.FileFormat.PIG_STORAGE);
        }
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Names names = new Names();
        String tableDelimiter = delimiter;
        if (schema.isEmpty()) {
            // Pig keeps each line's own fields ($0, $1...); the table holds the line, $n splits it.
            fields.add(new Field(null, null, "line", PigType.BYTEARRAY, delimiter));
            columns.add(new Column("line", SqlType.STRING));
            tableDelimiter = "\n";
        }
        List<SelectItem> complexRead = new ArrayList<>();
        boolean converted = false;
        // With AS too, PigStorage's loader casts each field to the .pig_schema's type first; the AS casts after.
        List<FieldSchema> fileFields =
                hcat == null && !load.schema().isEmpty() && storage.schema().isEmpty()
                        ? schemaFileFields(load, storage, path, false)
                        : List.of();
        for (var fieldSchema : schema) {
            FieldSchema fileField = fields.size() < fileFields.size() ? fileFields.get(fields.size()) : null;
            boolean complex = LoadedComplexFields.isComplex(fieldSchema);
            Inner inner = fieldSchema.type() == PigType.MAP
                    ? PigTypes.loadedMap(fieldSchema)
                    : complex ? LoadedComplexFields.inner(fieldSchema) : null;
            // JsonLoader reads a tuple as an object and a bag as an array of objects: typed columns, as Avro's.
            boolean typedFile = TypedFileColumns.carriesTypes(storage.format())
                    || (complex && storage.format() == SqlJob.FileFormat.JSON);
            boolean typedMap =
                    inner != null && fieldSchema.type() == PigType.MAP && TypedMaps.converts(inner.valueType());
            if (typedMap && typedFile) {
                throw ExprTranslator.unsupported(
                        fieldSchema.span(),
                        "a map of " + inner.valueType().keyword() + " values in " + storage.format()
                                + " files is not translated yet");
            }
            boolean castTwice = fileField != null
                    && !typedFile
                    && !fieldSchema.type().isComplex()
                    && fieldSchema.type() != PigType.BYTEARRAY
                    && !fileField.type().isComplex()
                    && fileField.type() != PigType.BYTEARRAY
                    && fileField.type() != fieldSchema.type();
            // A number partition key is read as its directory's text: HCatLoader gives null for Hive's default
            // partition name there (its converter's NumberFormatException), where Flink would fail the job.
            boolean keyText = hcat != null && HCatalog.numberKey(hcat.table(), fieldSchema);
            var type = keyText
                    ? SqlType.STRING
                    : castTwice
                            ? PigTypes.columnType(fileField.type()).orElseThrow()
                            : typedFile
                                    ? TypedFileColumns.declared(fieldSchema, storage.format())
                                    : fieldSchema.type() == PigType.MAP
                                            ? PigTypes.LOADED_MAP
                                            : complex
                                                    ? SqlType.STRING
                                                    : PigTypes.columnType(fieldSchema.type())
                                                            .orElseThrow(
                                                                    () -> ExprTranslator.unsupported(
                                                                            fieldSchema.span(),
                                                                            fieldSchema
                                                                                            .type()
                                                                                            .keyword()
                                                                                    + " fields are not supported by the Flink SQL translation yet"));
            if (fields.isEmpty() && storage.fileTag() != SqlJob.FileTag.NONE && type != SqlType.STRING) {
                throw ExprTranslator.unsupported(
                        fieldSchema.span(),
                        "the file tag is a chararray; declaring it "
                                + fieldSchema.type().keyword() + " is not translated yet");
            }
            // AS (int, chararray): unnamed fields, reachable by position only.
            String sqlName =
                    names.unique(fieldSchema.name() != null ? unqualified(fieldSchema.name()) : "f" + fields.size());
            fields.add(new Field(
                    unqualified(fieldSchema.name()),
                    qualifier(fieldSchema.name()),
                    sqlName,
                    fieldSchema.type(),
                    null,
                    inner));
            columns.add(new Column(sqlName, type));
            // A biginteger or bigdecimal field is read from its text as Pig's caster reads it (PigStorage's only).
            boolean big = PigTypes.isBig(fieldSchema.type()) && !typedFile;
            if (big && storage.format() != SqlJob.FileFormat.PIG_STORAGE) {
                throw ExprTranslator.unsupported(
                        fieldSchema.span(),
                        "a " + fieldSchema.type().keyword() + " field of "
                                + load.function().simpleName() + " is not translated yet (of PigStorage it is)");
            }
            // A datetime field: its text read as Utf8StorageConverter.bytesToDateTime (and JsonLoader's parser) reads
            // it, the offset kept, the default zone without one, null for text that is not a datetime.
            boolean datetime = fieldSchema.type() == PigType.DATETIME && !typedFile && !castTwice && !keyText;
            converted |= complex || typedMap || big || datetime || castTwice || keyText;
            // The table's column reads the file's type as the loader does; the AS casts that value.
            SqlExpr read = keyText
                    ? expressions
                            .cast(
                                    new Value.Scalar(SqlExpr.ColumnRef.of(sqlName), PigType.CHARARRAY),
                                    fieldSchema.type(),
                                    fieldSchema.span())
                            .sql()
                    : castTwice
                            ? expressions
                                    .cast(
                                            new Value.Scalar(SqlExpr.ColumnRef.of(sqlName), fileField.type()),
                                            fieldSchema.type(),
                                            fieldSchema.span())
                                    .sql()
                            : big || datetime
                                    ? expressions
                                            .cast(
                                                    new Value.Scalar(SqlExpr.ColumnRef.of(sqlName), PigType.BYTEARRAY),
                                                    fieldSchema.type(),
                                                    fieldSchema.span())
                                            .sql()
                                    : typedMap
                                            ? TypedMaps.valuesAs(SqlExpr.ColumnRef.of(sqlName), inner.valueType())
                                                    .sql()
                                            : !complex
                                                    ? SqlExpr.ColumnRef.of(sqlName)
                                                    : typedFile
                                                            ? TypedFileColumns.read(
                                                                    fieldSchema, sqlName, storage.format())
                                                            : LoadedComplexFields.read(fieldSchema, sqlName);
            if (hcat != null) {
                // Hive's varchar(n) reader keeps the first n characters of a longer value.
                OptionalInt length = HCatalog.varcharLength(hcat.table(), fieldSchema.name());
                if (length.isPresent()) {
                    read = SqlExpr.Call.of(
                            "SUBSTRING", read, SqlExpr.Literal.number(1), SqlExpr.Literal.number(length.getAsInt()));
                    converted = true;
                }
            }
            complexRead.add(new SelectItem(read, sameColumn(read, sqlName) ? null : sqlName));
        }
        warnNotes.run();
        String table = tableName(alias);
        sources.add(SqlJob.Table.source(
                table,
                columns,
                path,
                tableDelimiter,
                load.span(),
                storage.format(),
                storage.fileTag(),
                hcat == null ? null : hcat.layout()));
        order.add(table);
        if (converted) {
            // The table holds the bags' and tuples' text and the maps' bytearray values; this view reads them as Pig's
            // load caster does.
            return view(alias, load.span(), Select.of(complexRead, new SqlQuery.TableRef(table)), fields);
        }
        return new Relation.Named(table, fields);
    }

    /** The key JsonStorage writes a stored field under: its name in Pig's schema (alias::name after a JOIN). */
    private static String jsonKey(Field field, String schemaName, SourceSpan span) {
        if (schemaName == null || field.isRest()) {
            throw ExprTranslator.unsupported(
                    span,
                    "JsonStorage of a field without a name ('" + field.sqlName()
                            + "') is not translated yet; name it with AS");
        }
        return schemaName;
    }

    /**
     * {@code LOAD 'db.table' USING HCatLoader()}: the Hive table the metastore describes, read from its files with the
     * schema HCatLoader gives (its columns, then its partition columns); null for any other LOAD.
     */
    private HCatalog.Table hcatLoad(PigRelation.Load load) {
        FuncSpec loader = load.function() == null ? null : loaders.resolved(load.function());
        if (!HCatalog.loads(loader)) {
            return null;
        }
        if (!load.schema().isEmpty()) {
            throw ExprTranslator.unsupported(
                    load.schema().get(0).span(),
                    "HCatLoader with AS is not translated yet: HCatLoader gives the table's own schema; drop the AS"
                            + " and rename with FOREACH ... GENERATE");
        }
        return HCatalog.table(bindParameters(load.path(), parameters), loader, hiveTables);
    }

    /**
     * {@code LOAD path USING loader AS (...)}: a table the runtime's adapter fills by running the loader, one column
     * per declared field, cast as Pig casts the loader's fields.
     */
    private Relation adaptedLoad(String alias, PigRelation.Load load, FuncSpec loader) {
        SourceSpan using = load.function().span();
        List<FieldSchema> schema = loaders.fields(loader, load, using);
        SqlJob.LoadFunction function = loaders.loadFunction(withParameters(loader), schema, using);
        String path = withoutSecrets(bindPathParameters(load.path(), parameters), load.span());
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Names names = new Names();
        for (var fieldSchema : schema) {
            if (PigTypes.isBig(fieldSchema.type())) {
                throw ExprTranslator.unsupported(
                        fieldSchema.span(),
                        "a " + fieldSchema.type().keyword() + " field of a Java loader is not translated yet");
            }
            String sqlName = names.unique(fieldSchema.name() != null ? fieldSchema.name() : "f" + fields.size());
            fields.add(new Field(fieldSchema.name(), null, sqlName, fieldSchema.type()));
            columns.add(
                    new Column(sqlName, PigTypes.columnType(fieldSchema.type()).orElseThrow()));
        }
        String table = tableName(alias);
        sources.add(SqlJob.Table.loader(table, columns, path, load.span(), function));
        order.add(table);
        return new Relation.Named(table, fields);
    }

    /**
     * The fields PigStorage's LOAD without AS gets from the .pig_schema file of {@code path} (JsonMetadata, read when
     * Pig parses the LOAD): the file an earlier STORE of the script wrote with '-schema' once Pig has run that STORE
     * (an EXEC, a DUMP or a file command runs the STOREs before it first), else the repository's file for the path.
     * Empty where there is none (the LOAD's fields stay untyped); with '-schema', no file fails a LOAD {@code
     * withoutAs} as in Pig (with AS, the file the job's input has when it runs may be there).
     */
    private List<FieldSchema> schemaFileFields(
            PigRelation.Load load, StorageFunctions.Storage storage, String path, boolean withoutAs) {
        if (storage.schemaFile() == StorageFunctions.SchemaFileUse.NONE) {
            return List.of();
        }
        SourceSpan span =
                load.function() == null ? load.span() : load.function().span();
        List<FieldSchema> fields = new ArrayList<>();
        if (storage.fileTag() != SqlJob.FileTag.NONE) {
            // PigStorage puts the tag first in the schema it reads (Utils.getSchemaWithInputSourceTag).
            fields.add(new FieldSchema(
                    storage.fileTag() == SqlJob.FileTag.FILE_NAME ? "INPUT_FILE_NAME" : "INPUT_FILE_PATH",
                    PigType.CHARARRAY,
                    span));
        }
        String stored = storePath(path);
        if (storedPaths.containsKey(stored)) {
            SqlJob.SchemaFiles written = ranStores.contains(stored) ? storedSchemas.get(stored) : null;
            if (written == null) {
                if (withoutAs && storage.schemaFile() == StorageFunctions.SchemaFileUse.REQUIRED) {
                    throw StorageFunctions.schemaFileNotFound(load.function(), true);
                }
                return List.of();
            }
            fields.addAll(SchemaFiles.fields(written, span).fields());
            return fields;
        }
        Optional<SchemaFiles.Found> found = schemaFiles.find(withDefaults(path), span);
        if (found.isEmpty()) {
            if (withoutAs && storage.schemaFile() == StorageFunctions.SchemaFileUse.REQUIRED) {
                throw StorageFunctions.schemaFileNotFound(load.function(), false);
            }
            return List.of();
        }
        PigSchemaFile.Result read = found.get().schema();
        if (read instanceof PigSchemaFile.Unreadable unreadable) {
            throw ExprTranslator.unsupported(
                    span,
                    "the schema file " + found.get().display() + " that PigStorage reads for this LOAD is not one"
                            + " Ferry reads (" + unreadable.why() + "): declare the fields with AS (...)");
        }
        fields.addAll(((PigSchemaFile.Fields) read).fields());
        return fields;
    }

    /** The name after the last {@code ::} of a name a .pig_schema gives ({@code a::n} after a JOIN), or the name. */
    private static String unqualified(String name) {
        return name == null || !name.contains("::") ? name : name.substring(name.lastIndexOf("::") + 2);
    }

    /** What comes before the last {@code ::} of such a name, or null. */
    private static String qualifier(String name) {
        return name == null || !name.contains("::") ? null : name.substring(0, name.lastIndexOf("::"));
    }

    /** A parameter as {@link #bindParameters} leaves it in a path. */
    private static final Pattern BOUND_PARAMETER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A path with the script's own values of its parameters ({@code %default}, {@code %declare}) where it has them. */
    private String withDefaults(String path) {
        Map<String, String> values = new HashMap<>();
        for (PigScript.ParamDefault d : script.defaults()) {
            if (d.isShellCommand() || givenParameters.contains(d.name())) {
                continue;
            }
            if (d.declare() || !values.containsKey(d.name())) {
                values.put(d.name(), d.value());
            }
        }
        Matcher m = BOUND_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A LOAD of a path an earlier STORE of the same script wrote: Pig runs that STORE first; one Flink
     * statement set would read the path before it is written, so the rows come from the stored view, read back with
     * {@code declared} (the AS, or the .pig_schema Pig found). A PigStorage LOAD with neither has no schema in Pig:
     * its fields are the stored text as bytearrays, reached by position.
     */
    private Relation reload(
            String alias, PigRelation.Load load, Relation stored, List<FieldSchema> declaredSchema, boolean pigText) {
        Relation.Named input = materialize(stored);
        List<FieldSchema> schema = declaredSchema;
        if (schema.isEmpty()
                && pigText
                && input.fields().stream().noneMatch(f -> f.isRest() || f.type().isComplex())) {
            schema = input.fields().stream()
                    .map(f -> new FieldSchema(null, PigType.BYTEARRAY, load.span()))
                    .toList();
        }
        if (schema.isEmpty()) {
            return new Relation.Named(
                    input.sqlName(),
                    input.fields().stream().map(f -> f.qualified(alias)).toList());
        }
        Scope scope = new Scope.Plain(input, null);
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Names names = new Names();
        for (int i = 0; i < schema.size(); i++) {
            var declared = schema.get(i);
            Value.Scalar value =
                    i < input.fields().size() || input.fields().stream().anyMatch(Field::isRest)
                            ? ((Scope.Plain) scope).positional(i, declared.span())
                            : new Value.Scalar(SqlExpr.Literal.NULL, PigType.BYTEARRAY);
            if (PigTypes.columnType(declared.type()).isEmpty()) {
                throw ExprTranslator.unsupported(
                        declared.span(),
                        declared.type().keyword() + " fields are not supported by the Flink SQL translation yet");
            }
            // Through the file Pig's value becomes text and is read back with the declared type.
            Value.Scalar text = value.type() == PigType.BYTEARRAY || value.type() == PigType.CHARARRAY
                    ? value
                    : expressions.cast(value, PigType.CHARARRAY, declared.span());
            Value.Scalar typed =
                    expressions.cast(new Value.Scalar(text.sql(), PigType.BYTEARRAY), declared.type(), declared.span());
            String sqlName = names.unique(declared.name() != null ? unqualified(declared.name()) : "f" + i);
            items.add(new SelectItem(typed.sql(), sameColumn(typed.sql(), sqlName) ? null : sqlName));
            fields.add(new Field(unqualified(declared.name()), qualifier(declared.name()), sqlName, declared.type()));
        }
        return view(alias, load.span(), Select.of(items, new SqlQuery.TableRef(input.sqlName())), fields);
    }

    private static boolean sameColumn(SqlExpr expr, String sqlName) {
        return expr instanceof SqlExpr.ColumnRef ref && ref.name().equals(sqlName);
    }

    private Relation foreach(String alias, PigRelation.Foreach foreach) {
        return foreach(alias, foreach, relationOf(foreach.input(), foreach.span()));
    }

    private Relation foreach(String alias, PigRelation.Foreach foreach, Relation input) {
        if (input instanceof Relation.Grouped grouped) {
            Optional<Value.Bag> narrowed = flattenedNarrowBag(foreach.items(), grouped);
            if (narrowed.isPresent()) {
                return flattenNarrowBag(alias, foreach, grouped, narrowed.get());
            }
        }
        if (input instanceof Relation.Grouped grouped && !readsBagsAsRows(foreach.items())) {
            return aggregate(alias, foreach, grouped);
        }
        if (input instanceof Relation.Grouped grouped) {
            return cogroupForeach(alias, foreach, cogrouped(grouped));
        }
        if (input instanceof Relation.Cogrouped cogrouped) {
            return cogroupForeach(alias, foreach, cogrouped);
        }
        Relation.Named named = named(foreach.input(), foreach.span());
        flattened.clear();
        Projection projection = project(foreach, scope(named));
        SqlQuery.From from = new SqlQuery.TableRef(named.sqlName());
        for (SqlQuery.Unnest unnest : flattened) {
            from = new SqlQuery.Unnest(from, unnest.collection(), unnest.alias(), unnest.columns());
        }
        flattened.clear();
        Relation.Named result = view(alias, foreach.span(), Select.of(projection.items, from), projection.fields);
        return keepOrder(foreach.input(), result, named);
    }

    /**
     * {@code GENERATE group, FLATTEN(x)} where x is a nested FILTER or DISTINCT (of a projection) of the GROUP's
     * bag: x's rows are the input's rows that pass the FILTER, each with its group's key, DISTINCT per group.
     * Every other GENERATE item must be the key (all of it where x is DISTINCT, so that the rows stay apart by
     * group); empty when the FOREACH is not of that form.
     */
    private Optional<Value.Bag> flattenedNarrowBag(List<PigRelation.GenerateItem> items, Relation.Grouped grouped) {
        if (nestedCommands.isEmpty()) {
            return Optional.empty();
        }
        List<PigExpr> flattened = items.stream()
                .map(PigRelation.GenerateItem::expr)
                .filter(e -> e instanceof PigExpr.Flatten f && !isGroupKey(f.expr()))
                .map(e -> ((PigExpr.Flatten) e).expr())
                .toList();
        boolean othersAreKey = items.stream()
                .map(PigRelation.GenerateItem::expr)
                .allMatch(e -> e instanceof PigExpr.Flatten f
                        || isGroupKey(e)
                        || e instanceof PigExpr.Dereference d && isGroupKey(d.base())
                        || rowBag != null && rowBag.isRowField(e));
        // Over a bag field (RowBags) the key is the row's number, which the GENERATE never reads: equal rows would
        // become one.
        boolean wholeKey = rowBag == null
                && (grouped.all()
                        || items.stream()
                                .map(PigRelation.GenerateItem::expr)
                                .anyMatch(
                                        e -> isGroupKey(e) || e instanceof PigExpr.Flatten f && isGroupKey(f.expr())));
        // FLATTEN(f), FLATTEN(f.x) or FLATTEN(f.(x, y)): the fields of f's rows (the projection picks them in expand).
        PigExpr bagRead = flattened.size() == 1
                        && flattened.get(0) instanceof PigExpr.Projection projection
                        && projection.columns().size() > 1
                ? projection.base()
                : flattened.size() == 1 ? flattened.get(0) : null;
        if (!othersAreKey
                || !(bagRead instanceof PigExpr.FieldRef
                        || bagRead instanceof PigExpr.Dereference d && d.base() instanceof PigExpr.FieldRef)) {
            return Optional.empty();
        }
        Value value =
                expressions.translate(bagRead, withNestedAliases(new Scope.Grouped(grouped, this::scalarRelation)));
        if (!(value instanceof Value.Bag bag)
                || bag.lineField() != null
                || bag.filter() == null && !bag.distinct()
                || bag.distinct() && !wholeKey
                || bag.relation().fields().stream().anyMatch(Field::isRest)) {
            return Optional.empty();
        }
        return Optional.of(bag);
    }

    private Relation flattenNarrowBag(
            String alias, PigRelation.Foreach foreach, Relation.Grouped grouped, Value.Bag bag) {
        narrowBag = bag;
        try {
            Projection projection = project(foreach, new Scope.Grouped(grouped, this::scalarRelation));
            Select query = Select.of(
                    projection.items, new SqlQuery.TableRef(grouped.input().sqlName()));
            if (bag.filter() != null) {
                query = query.withWhere(bag.filter());
            }
            if (bag.distinct()) {
                query = query.withDistinct();
            }
            return view(alias, List.of(grouped.span(), foreach.span()), query, projection.fields);
        } finally {
            narrowBag = null;
        }
    }

    /**
     * Pig keeps the order of an ORDERed input through FILTER and FOREACH: the result stays ordered by
     * the same columns when it still has them (else the order is lost, as a reader would expect to fix).
     */
    private Relation keepOrder(String inputAlias, Relation.Named result, Relation.Named input) {
        if (!(aliases.get(inputAlias) instanceof Relation.Ordered ordered) || ordered.limit() != null) {
            return result;
        }
        List<OrderItem> mapped = new ArrayList<>();
        for (OrderItem item : ordered.ordering()) {
            // A column, or a biginteger or bigdecimal column's sort key.
            SqlExpr.ColumnRef ref = BigNumbers.sortedColumn(item.expr()).orElse(null);
            if (ref == null) {
                return result;
            }
            Field kept = null;
            for (Field f : result.fields()) {
                if (f.sqlName().equals(ref.name())
                        && input.fields().stream().anyMatch(i -> i.sqlName().equals(ref.name()))) {
                    kept = f;
                }
            }
            if (kept == null) {
                return result;
            }
            mapped.add(new OrderItem(
                    BigNumbers.sortingBy(item.expr(), SqlExpr.ColumnRef.of(kept.sqlName())),
                    item.descending(),
                    item.nullsFirst()));
        }
        return new Relation.Ordered(result, mapped, null, ordered.spans());
    }

    private Scope.Plain scope(Relation.Named relation) {
        return new Scope.Plain(relation, null, this::scalarRelation);
    }

    /** A relation named inside an expression, for Pig's scalar projection ({@code totals.n}). */
    private Optional<Value> scalarRelation(String alias) {
        if (bagAliases.contains(alias)) {
            return Optional.empty(); // the bag of the FOREACH being translated, not a one-row relation
        }
        Relation relation = aliases.get(alias);
        if (relation instanceof Relation.Named || relation instanceof Relation.Ordered) {
            return Optional.of(new Value.Table(materialize(relation)));
        }
        return Optional.empty();
    }

    private SqlExpr condition(PigExpr expr, Relation.Named input) {
        Value.Scalar condition = expressions.scalar(expr, scope(input));
        if (condition.type() != PigType.BOOLEAN) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    expr.span(),
                    "a condition must be boolean, found " + condition.type().keyword()));
        }
        return condition.sql();
    }

    /** A GROUP seen as a one-input COGROUP, for the FOREACHs that FLATTEN its bag or test it. */
    private static Relation.Cogrouped cogrouped(Relation.Grouped grouped) {
        Relation.Side side = new Relation.Side(
                grouped.bagAlias(), grouped.input(), grouped.keys(), false, null, grouped.bagFilter());
        return new Relation.Cogrouped(List.of(side), grouped.keyFields(), true, List.of(), List.of(grouped.span()));
    }

    /** True when a GENERATE item FLATTENs a bag or asks whether one is empty: rows of the bag, not only aggregates. */
    private static boolean readsBagsAsRows(List<PigRelation.GenerateItem> items) {
        return items.stream()
                .anyMatch(item -> item.expr() instanceof PigExpr.Flatten f && !isGroupKey(f.expr())
                        || mentionsCall(item.expr(), "IsEmpty"));
    }

    private static boolean isGroupKey(PigExpr expr) {
        return expr instanceof PigExpr.FieldRef ref && ref.name().equals("group")
                || expr instanceof PigExpr.PositionalRef p && p.index() == 0;
    }

    private static boolean mentionsCall(PigExpr expr, String function) {
        if (expr instanceof PigExpr.Call call) {
            return call.function().equals(function)
                    || call.arguments().stream().anyMatch(a -> mentionsCall(a, function));
        }
        if (expr instanceof PigExpr.Bincond b) {
            return mentionsCall(b.condition(), function)
                    || mentionsCall(b.whenTrue(), function)
                    || mentionsCall(b.whenFalse(), function);
        }
        if (expr instanceof PigExpr.Not n) {
            return mentionsCall(n.expr(), function);
        }
        if (expr instanceof PigExpr.Binary b) {
            return mentionsCall(b.left(), function) || mentionsCall(b.right(), function);
        }
        return false;
    }

    /** The bags a FOREACH over a COGROUP flattens: FLATTEN(a), FLATTEN(a.x), FLATTEN($1). */
    private java.util.Set<String> flattenedBags(List<PigRelation.GenerateItem> items, Relation.Cogrouped cogroup) {
        java.util.Set<String> bags = new java.util.HashSet<>();
        for (PigRelation.GenerateItem item : items) {
            if (item.expr() instanceof PigExpr.Flatten f) {
                PigExpr inner = orderedInput(
                        f.expr() instanceof PigExpr.Dereference d
                                ? d.base()
                                : f.expr() instanceof PigExpr.Projection p ? p.base() : f.expr());
                if (inner instanceof PigExpr.FieldRef ref && ref.qualifier() == null) {
                    if (bags.contains(ref.name())) {
                        // Pig crosses the two FLATTENs' tuples (n x n rows per group); one join pairs them up.
                        throw ExprTranslator.unsupported(
                                item.span(),
                                "a second FLATTEN of the bag '" + ref.name() + "' (Pig's cross product of its tuples"
                                        + " with themselves) is not translated yet");
                    }
                    bags.add(ref.name());
                    bags.addAll(NestedCross.flattenedInputs(ref.name(), nestedCommands));
                } else if (inner instanceof PigExpr.PositionalRef p
                        && p.index() >= 1
                        && p.index() <= cogroup.sides().size()) {
                    bags.add(cogroup.sides().get(p.index() - 1).bagAlias());
                }
            }
        }
        return bags;
    }

    /** The bag a nested ORDER alias sorts ({@code c1 = ORDER a BY x}: a), through ORDERs of ORDERs; else the expression. */
    private PigExpr orderedInput(PigExpr expr) {
        if (expr instanceof PigExpr.FieldRef ref && ref.qualifier() == null) {
            for (PigRelation.NestedCommand command : nestedCommands) {
                if (command.alias().equals(ref.name()) && command.op() instanceof PigRelation.NestedOp.Order order) {
                    return orderedInput(order.input());
                }
            }
        }
        return expr;
    }

    /** COGROUP a BY x [INNER], b BY y ...: one key, one bag per input; the FOREACH that reads it makes the SQL. */
    private Relation cogroup(String alias, PigRelation.Cogroup cogroup) {
        List<Relation.Named> inputs = new ArrayList<>();
        for (PigRelation.GroupInput input : cogroup.groupInputs()) {
            if (input.all() != cogroup.groupInputs().get(0).all()
                    || keysOf(input).size()
                            != keysOf(cogroup.groupInputs().get(0)).size()) {
                throw new TranslationError(Diagnostic.of(
                        DiagnosticCode.PIG_E013, input.span(), "the COGROUP inputs have different numbers of keys"));
            }
            inputs.add(named(input.alias(), input.span()));
        }
        if (new java.util.HashSet<>(inputs.stream().map(Relation.Named::sqlName).toList()).size() < inputs.size()) {
            throw ExprTranslator.unsupported(
                    cogroup.span(), "a COGROUP of a relation with itself is not translated yet");
        }
        int keyCount = keysOf(cogroup.groupInputs().get(0)).size();
        List<List<Value.Scalar>> keys = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<Value.Scalar> sideKeys = new ArrayList<>();
            for (PigExpr key : keysOf(cogroup.groupInputs().get(i))) {
                sideKeys.add(expressions.scalar(key, scope(inputs.get(i))));
            }
            keys.add(sideKeys);
        }
        List<Field> keyFields = new ArrayList<>();
        Names keyNames = new Names();
        for (int k = 0; k < keyCount; k++) {
            // Pig casts the keys to one type, a bytearray key to the other inputs' type.
            PigType type = keys.get(0).get(k).type();
            for (List<Value.Scalar> sideKeys : keys) {
                type = PigTypes.common(type, sideKeys.get(k).type());
            }
            for (List<Value.Scalar> sideKeys : keys) {
                sideKeys.set(k, expressions.cast(sideKeys.get(k), type, cogroup.span()));
            }
            PigExpr first = keysOf(cogroup.groupInputs().get(0)).get(k);
            String pigName = first instanceof PigExpr.FieldRef ref ? ref.name() : null;
            String sqlName =
                    keyNames.unique(keyCount == 1 ? "group_key" : pigName != null ? pigName : "group_key_" + (k + 1));
            keyFields.add(new Field(pigName, null, sqlName, type));
        }
        List<Relation.Side> sides = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PigRelation.GroupInput input = cogroup.groupInputs().get(i);
            sides.add(new Relation.Side(
                    input.alias(),
                    inputs.get(i),
                    keys.get(i).stream().map(Value.Scalar::sql).toList(),
                    input.inner()));
        }
        return new Relation.Cogrouped(sides, keyFields, false, List.of(), List.of(cogroup.span()));
    }

    /** A COGROUP input's keys: {@code a ALL} groups every row under the chararray 'all', as Pig's group key is. */
    private static List<PigExpr> keysOf(PigRelation.GroupInput input) {
        return input.all() ? List.of(new PigExpr.Literal("all", PigType.CHARARRAY, input.span())) : input.keys();
    }

    /** FOREACH over a COGROUP (or a GROUP whose bag it flattens): see {@link CogroupPlan}. */
    private Relation cogroupForeach(String alias, PigRelation.Foreach given, Relation.Cogrouped over) {
        RepeatedFlattens.Copies copies = RepeatedFlattens.of(given, over);
        PigRelation.Foreach foreach = copies.foreach();
        Relation.Cogrouped cogrouped = copies.cogrouped();
        CogroupPlan plan = new CogroupPlan(cogrouped, flattenedBags(foreach.items(), cogrouped));
        Scope.Cogroup scope = new Scope.Cogroup(plan, this::scalarRelation);
        Projection projection = project(foreach, scope);
        List<SqlExpr> conditions = new ArrayList<>();
        for (PigExpr filter : cogrouped.filters()) {
            Value.Scalar condition = expressions.scalar(filter, scope);
            if (condition.type() != PigType.BOOLEAN) {
                throw new TranslationError(Diagnostic.of(
                        DiagnosticCode.PIG_E013,
                        filter.span(),
                        "a condition must be boolean, found " + condition.type().keyword()));
            }
            conditions.add(condition.sql());
        }
        SqlQuery.From from = plan.from(foreach.span());
        conditions.addAll(plan.innerConditions());
        Select query = Select.of(projection.items, from);
        SqlExpr where = null;
        for (SqlExpr c : conditions) {
            where = where == null ? c : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, where, c);
        }
        if (where != null) {
            query = query.withWhere(where);
        }
        List<SourceSpan> spans = new ArrayList<>(cogrouped.spans());
        spans.add(foreach.span());
        return view(alias, spans, query, projection.fields);
    }

    /** A nested FOREACH block over {@code input}, a GROUP's or COGROUP's result (or the GROUP of {@link RowBags}). */
    private Relation nestedForeach(String alias, PigRelation.NestedForeach block, Relation input) {
        PigRelation.NestedForeach nested =
                NestedProjection.flattenedProjectionsInlined(NestedOrders.limitsSharedOrders(block));
        Optional<Relation> topN = topN(alias, nested, input);
        if (topN.isPresent()) {
            return topN.get();
        }
        Optional<Relation> viewed = nestedBagViews(alias, nested, input);
        if (viewed.isPresent()) {
            return viewed.get();
        }
        // The block's aliases narrow the bags; the GENERATE is translated as a FOREACH that sees them.
        List<PigRelation.NestedCommand> all = nestedCommands;
        nestedCommands = nested.commands();
        try {
            return foreach(alias, new PigRelation.Foreach(nested.input(), nested.items(), nested.span()), input);
        } finally {
            nestedCommands = all;
        }
    }

    /**
     * A nested block whose commands read a bag field of a plain relation: each row a group of its own, whose bag is
     * that row's bag ({@link RowBags}). Empty when the commands read no bag field.
     */
    private Optional<Relation> overBagField(String alias, PigRelation.NestedForeach block) {
        Relation.Named rows = named(block.input(), block.span());
        PigRelation.NestedForeach nested = RowBags.byName(block, rows);
        Optional<Field> bag = RowBags.bagField(nested, rows);
        if (bag.isEmpty()) {
            return Optional.empty();
        }
        RowBags.Plan plan = RowBags.plan(
                nested,
                rows,
                bag.get(),
                (query, columns) -> view(alias + "_" + bag.get().sqlName(), nested.span(), query, columns)
                        .sqlName());
        RowBags.Plan outer = rowBag;
        rowBag = plan;
        try {
            return Optional.of(nestedForeach(alias, nested, plan.grouped()));
        } finally {
            rowBag = outer;
        }
    }

    /**
     * The row's fields where the GENERATE of a nested block over a bag field reads them ({@link RowBags}): each is a
     * key of the group the row is; a nested alias of the same name hides it.
     */
    private Scope withRowFields(Scope scope) {
        if (rowBag == null) {
            return scope;
        }
        Scope base = scope instanceof Scope.Nested n ? n.outer() : scope;
        Value key = base instanceof Scope.Grouped g
                ? g.key()
                : base instanceof Scope.Cogroup c ? c.plan().key() : null;
        if (key == null) {
            return scope;
        }
        List<Value.Scalar> keys = key instanceof Value.KeyTuple tuple ? tuple.keys() : List.of((Value.Scalar) key);
        Map<String, Value> locals =
                scope instanceof Scope.Nested n ? n.locals() : new java.util.LinkedHashMap<String, Value>();
        rowBag.values(keys).forEach(locals::putIfAbsent);
        return scope instanceof Scope.Nested ? scope : new Scope.Nested(scope, locals);
    }

    /**
     * Pig's top-N per group: a nested block that ORDERs a GROUP's bag (FILTERed first, or not) and LIMITs it.
     * The rows kept are a view (ROW_NUMBER() OVER (PARTITION BY the GROUP's keys ORDER BY the nested keys)
     * &lt;= N), grouped by the same keys with the LIMIT's alias as its bag; the GENERATE reads that bag like
     * any GROUP's (aggregates, FLATTEN). Empty when the block has no LIMIT.
     */
    private Optional<Relation> topN(String alias, PigRelation.NestedForeach nested, Relation input) {
        List<PigRelation.NestedCommand> limits = nested.commands().stream()
                .filter(c -> c.op() instanceof PigRelation.NestedOp.Limit)
                .toList();
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        PigRelation.NestedCommand limitCommand = limits.get(limits.size() - 1);
        if (limits.size() == 1 && NestedBagViews.limitsView((PigRelation.NestedOp.Limit) limitCommand.op(), nested)) {
            return Optional.empty(); // a LIMIT of a DISTINCT or a projection: a view (nestedBagViews)
        }
        if (input instanceof Relation.Cogrouped
                || input instanceof Relation.Grouped g
                        && NestedBagViews.othersNeedViews(nested, Set.of(g.bagAlias()))) {
            // Over a COGROUP, or beside other views, a nested LIMIT is a view (nestedBagViews).
            return Optional.empty();
        }
        if (!(input instanceof Relation.Grouped grouped)) {
            throw ExprTranslator.unsupported(
                    limitCommand.span(),
                    "a nested LIMIT over a COGROUP or a non-grouped relation is not translated yet");
        }
        Map<String, PigRelation.NestedCommand> byAlias = new java.util.HashMap<>();
        nested.commands().forEach(c -> byAlias.put(c.alias(), c));
        PigRelation.NestedOp.Limit limit = (PigRelation.NestedOp.Limit) limitCommand.op();
        PigRelation.NestedCommand before = byAlias.get(plainName(limit.input()));
        PigRelation.NestedCommand orderCommand =
                before != null && before.op() instanceof PigRelation.NestedOp.Order ? before : null;
        PigRelation.NestedOp.Order order = orderCommand != null ? (PigRelation.NestedOp.Order) orderCommand.op() : null;
        if (before != null && order == null && !(before.op() instanceof PigRelation.NestedOp.Filter)
                || order != null && order.comparator() != null) {
            throw ExprTranslator.unsupported(
                    limitCommand.span(),
                    "a nested LIMIT of a bag neither ORDERed nor FILTERed just before is not translated yet");
        }
        PigExpr ordered = order != null ? order.input() : limit.input();
        PigRelation.NestedCommand filterCommand = byAlias.get(plainName(ordered));
        PigRelation.NestedOp.Filter filter =
                filterCommand != null && filterCommand.op() instanceof PigRelation.NestedOp.Filter f ? f : null;
        String bag = plainName(filter != null ? filter.input() : ordered);
        java.util.Set<PigRelation.NestedCommand> chain = new java.util.HashSet<>(List.of(limitCommand));
        if (orderCommand != null) {
            chain.add(orderCommand);
        }
        if (filter != null) {
            chain.add(filterCommand);
        }
        if (!grouped.bagAlias().equals(bag)) {
            throw ExprTranslator.unsupported(
                    limitCommand.span(),
                    "a nested LIMIT of another bag than the GROUP's (a projection or DISTINCT of it)"
                            + " is not translated yet");
        }
        // Other commands beside the LIMIT, or the GROUP's bag read beside it: the LIMIT's rows are a view, and the
        // GENERATE reads it and the GROUP's bag as a COGROUP of the two (NestedLimitBeside).
        boolean besideOthers =
                chain.size() != nested.commands().size() || NestedLimitBeside.reads(nested.items(), grouped.bagAlias());
        Relation.Named rows = grouped.input();
        List<OrderItem> ordering = order != null ? ordering(order.keys(), rows) : arbitraryOrder(rows);
        if (order == null) {
            // Pig keeps the bag's first rows in the order it holds them, which no query can name.
            diagnostics.report(
                    DiagnosticCode.PIG_W002,
                    limitCommand.span(),
                    "a nested LIMIT without ORDER keeps arbitrary rows of each group: Pig and Flink may keep"
                            + " different ones",
                    "ORDER the bag in the FOREACH block first if the choice matters");
        }
        SqlExpr passes = filter != null ? condition(filter.condition(), rows) : null;
        if (grouped.bagFilter() != null) {
            // The GROUP's input has rows that are not its bag's (RowBags): the LIMIT keeps rows of the bag only.
            passes = passes == null
                    ? grouped.bagFilter()
                    : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, grouped.bagFilter(), passes);
        }
        // A group whose FILTER keeps no row still has a (empty) bag in Pig: unless only FLATTEN reads the bag (no
        // row for an empty one), the passing rows are numbered first and the bag is those rows among the kept ones.
        boolean keepEmptyGroups = passes != null && !besideOthers && !readsBagsAsRows(nested.items());
        if (passes != null
                && !keepEmptyGroups
                && !besideOthers
                && nested.items().stream().anyMatch(item -> mentionsCall(item.expr(), "IsEmpty"))) {
            throw ExprTranslator.unsupported(
                    limitCommand.span(), "IsEmpty of a nested FILTER then LIMIT is not translated yet");
        }
        List<OrderItem> numberedOrder = new ArrayList<>();
        if (keepEmptyGroups) {
            numberedOrder.add(new OrderItem(
                    new SqlExpr.Case(
                            List.of(new SqlExpr.When(passes, SqlExpr.Literal.number(0))), SqlExpr.Literal.number(1)),
                    false,
                    false));
        }
        numberedOrder.addAll(ordering);
        Names names = new Names();
        rows.fields().forEach(f -> names.unique(f.sqlName()));
        String number = names.unique("row_in_group");
        Select numbered = Select.of(
                List.of(
                        new SelectItem(new SqlExpr.Star(), null),
                        new SelectItem(
                                new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), grouped.keys(), numberedOrder),
                                number)),
                new SqlQuery.TableRef(rows.sqlName()));
        if (passes != null && !keepEmptyGroups) {
            numbered = numbered.withWhere(passes);
        }
        List<SelectItem> columns = new ArrayList<>(rows.fields().stream()
                .map(f -> new SelectItem(SqlExpr.ColumnRef.of(f.sqlName()), null))
                .toList());
        // Keys and the bag's condition that read columns which are not the bag's fields (RowBags) are kept too.
        List<SqlExpr> read = new ArrayList<>(grouped.keys());
        if (grouped.bagFilter() != null) {
            read.add(grouped.bagFilter());
        }
        for (SqlExpr column : read) {
            if (column instanceof SqlExpr.ColumnRef ref
                    && ref.qualifier() == null
                    && columns.stream().noneMatch(c -> c.expr().equals(ref))) {
                columns.add(new SelectItem(ref, null));
            }
        }
        Select kept = Select.of(columns, new SqlQuery.Derived(numbered, "numbered"))
                .withWhere(new SqlExpr.Binary(
                        SqlExpr.BinaryOp.LE,
                        SqlExpr.ColumnRef.of(number),
                        new SqlExpr.Literal(limitCount(limit.count()))));
        List<SourceSpan> spans = new ArrayList<>();
        if (filter != null) {
            spans.add(filterCommand.span());
        }
        if (orderCommand != null) {
            spans.add(orderCommand.span());
        }
        spans.add(limitCommand.span());
        Relation.Named top = view(alias + "_" + limitCommand.alias(), spans, kept, rows.fields());
        // The kept rows' bag keeps the ORDER's order where it is read whole (sorted again by the same keys).
        List<OrderItem> bagOrder = order != null && NestedOrders.sortable(order) ? ordering : null;
        if (besideOthers) {
            Relation.Cogrouped bags = NestedLimitBeside.bags(grouped, limitCommand.alias(), top, bagOrder);
            List<PigRelation.NestedCommand> all = nestedCommands;
            nestedCommands =
                    nested.commands().stream().filter(c -> c != limitCommand).toList();
            try {
                return Optional.of(cogroupForeach(
                        alias, new PigRelation.Foreach(nested.input(), nested.items(), nested.span()), bags));
            } finally {
                nestedCommands = all;
            }
        }
        Relation.Grouped regrouped = new Relation.Grouped(
                top,
                limitCommand.alias(),
                grouped.keys(),
                grouped.keyFields(),
                grouped.span(),
                keepEmptyGroups ? passes : null,
                bagOrder);
        try {
            bagAliases.add(grouped.bagAlias());
            return Optional.of(
                    foreach(alias, new PigRelation.Foreach(nested.input(), nested.items(), nested.span()), regrouped));
        } catch (TranslationError e) {
            if (e.diagnostic()
                    .filter(d -> d.code() == DiagnosticCode.PIG_E011 || d.code() == DiagnosticCode.PIG_E010)
                    .isPresent()) {
                throw ExprTranslator.unsupported(
                        limitCommand.span(),
                        "a GENERATE that reads the whole bag beside its nested LIMIT" + " is not translated yet");
            }
            throw e;
        } finally {
            bagAliases.remove(grouped.bagAlias());
        }
    }

    /**
     * A block over a GROUP whose CROSS, or FOREACH computing values, makes a bag no aggregate of the GROUP's rows
     * stands for: each such bag is a view of its own (the group's key, then the bag's fields, a row per tuple),
     * and the GENERATE reads the GROUP's bag and those views as the bags of one COGROUP ({@link NestedBagViews}).
     * Over a COGROUP the same, each view joined to the input whose groups its rows belong to (a CROSS that the
     * GENERATE only FLATTENs or counts stays a join of the inputs: {@link NestedCross}). Empty when the block has no
     * such command or is not over a GROUP or COGROUP.
     */
    private Optional<Relation> nestedBagViews(String alias, PigRelation.NestedForeach nested, Relation input) {
        List<Relation.Side> sides;
        List<Field> keyFields;
        Set<String> inputBags;
        boolean cogroup = input instanceof Relation.Cogrouped;
        if (input instanceof Relation.Grouped grouped) {
            sides = new ArrayList<>(List.of(NestedLimitBeside.groupSide(grouped)));
            keyFields = NestedLimitBeside.keyFields(grouped);
            inputBags = Set.of(grouped.bagAlias());
        } else if (input instanceof Relation.Cogrouped cogrouped) {
            sides = new ArrayList<>(cogrouped.sides());
            keyFields = cogrouped.keyFields();
            inputBags = new java.util.HashSet<>(
                    sides.stream().map(Relation.Side::bagAlias).toList());
        } else {
            return Optional.empty();
        }
        if (nested.commands().stream().noneMatch(c -> NestedBagViews.needsView(c, nested, inputBags, cogroup))) {
            return Optional.empty();
        }
        List<SourceSpan> spans =
                input instanceof Relation.Cogrouped c ? c.spans() : List.of(((Relation.Grouped) input).span());
        List<PigExpr> filters = input instanceof Relation.Cogrouped c ? c.filters() : List.of();
        List<PigRelation.NestedCommand> kept = new ArrayList<>();
        List<PigRelation.NestedCommand> all = nestedCommands;
        try {
            for (PigRelation.NestedCommand command : nested.commands()) {
                if (!NestedBagViews.needsView(command, nested, inputBags, cogroup)) {
                    kept.add(command);
                    continue;
                }
                Relation.Cogrouped partial = new Relation.Cogrouped(sides, keyFields, !cogroup, List.of(), spans);
                nestedCommands = List.copyOf(kept);
                Scope scope =
                        withNestedAliases(new Scope.Cogroup(new CogroupPlan(partial, Set.of()), this::scalarRelation));
                NestedBagViews.View bag = command.op() instanceof PigRelation.NestedOp.Cross cross
                        ? NestedBagViews.cross(command, cross, scope, sides, keyFields, expressions, !cogroup)
                        : command.op() instanceof PigRelation.NestedOp.Limit limit
                                ? nestedLimitView(command, limit, nested, scope, sides, keyFields)
                                : command.op() instanceof PigRelation.NestedOp.Distinct distinct
                                        ? NestedBagViews.distinct(
                                                command, distinct, scope, sides, keyFields, expressions)
                                        : command.op() instanceof PigRelation.NestedOp.Filter filter
                                                ? NestedBagViews.filter(
                                                        command,
                                                        filter,
                                                        scope,
                                                        sides,
                                                        keyFields,
                                                        expressions,
                                                        filtered -> condition(filter.condition(), filtered.relation()))
                                                : NestedBagViews.foreach(
                                                        command,
                                                        (PigRelation.NestedOp.Foreach) command.op(),
                                                        scope,
                                                        sides,
                                                        keyFields,
                                                        expressions,
                                                        this::scope,
                                                        OrderedForeach.onlyFlattened(command, nested));
                if (OrderedForeach.onlyFlattened(command, nested)) {
                    diagnostics.report(
                            DiagnosticCode.PIG_W003,
                            command.span(),
                            "FLATTEN of a nested FOREACH of a bag ORDERed in the FOREACH block keeps its rows, not their"
                                    + " order within each group",
                            "ORDER the FOREACH's output if the order of the stored rows matters");
                }
                Relation.Named view = view(alias + "_" + command.alias(), command.span(), bag.query(), bag.fields());
                // Over a GROUP every view's rows are the one bag's groups; over a COGROUP, those of an input.
                sides.add(new Relation.Side(
                        command.alias(),
                        view,
                        NestedBagViews.keyColumns(keyFields),
                        false,
                        cogroup ? bag.origin() : null,
                        null,
                        bag.ordering()));
            }
            nestedCommands = List.copyOf(kept);
            return Optional.of(cogroupForeach(
                    alias,
                    new PigRelation.Foreach(nested.input(), nested.items(), nested.span()),
                    new Relation.Cogrouped(sides, keyFields, !cogroup, filters, spans)));
        } finally {
            nestedCommands = all;
        }
    }

    /** A nested LIMIT of a DISTINCT (its smallest rows, as Pig's sorted distinct bag) or of a projection (any rows). */
    private NestedBagViews.View nestedLimitView(
            PigRelation.NestedCommand command,
            PigRelation.NestedOp.Limit limit,
            PigRelation.NestedForeach nested,
            Scope scope,
            List<Relation.Side> sides,
            List<Field> keyFields) {
        // A DISTINCT's bag is sorted, an ORDER's and a projection of one keep the ORDER's order (Value.Bag.ordering).
        boolean sorted = NestedBagViews.limitedCommand(limit, nested)
                        .filter(c -> c.op() instanceof PigRelation.NestedOp.Distinct
                                || c.op() instanceof PigRelation.NestedOp.Order)
                        .isPresent()
                || expressions.translate(limit.input(), scope) instanceof Value.Bag bag && bag.ordering() != null;
        if (!sorted) {
            diagnostics.report(
                    DiagnosticCode.PIG_W002,
                    command.span(),
                    "a nested LIMIT without ORDER keeps arbitrary rows of each group: Pig and Flink may keep"
                            + " different ones",
                    "ORDER the bag in the FOREACH block first if the choice matters");
        }
        return NestedBagViews.limit(
                command, limit, limitCount(limit.count()), sorted, scope, sides, keyFields, expressions);
    }

    private static String plainName(PigExpr expr) {
        return expr instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? ref.name() : null;
    }

    /** FOREACH over a GROUP: Pig's bag form reduces to SELECT keys, aggregates ... GROUP BY keys. */
    private Relation aggregate(String alias, PigRelation.Foreach foreach, Relation.Grouped grouped) {
        Projection projection = project(foreach, new Scope.Grouped(grouped, this::scalarRelation));
        // GROUP ALL is one group, or none over no rows; SQL's GROUP BY () would give one row of zeros.
        List<SqlExpr> groupBy = grouped.all() ? List.of(SqlExpr.Literal.text("all")) : grouped.keys();
        SqlQuery query = Select.of(
                        projection.items, new SqlQuery.TableRef(grouped.input().sqlName()))
                .withGroupBy(groupBy);
        List<SourceSpan> spans = List.of(grouped.span(), foreach.span());
        return view(alias, spans, query, projection.fields);
    }

    private record Projection(List<SelectItem> items, List<Field> fields) {}

    /**
     * A nested block's aliases: {@code x = a.f} and other expressions, {@code FILTER bag BY c} (an
     * aggregate FILTER (WHERE c)), {@code DISTINCT bag.f} (an aggregate over DISTINCT f), {@code ORDER bag BY k}
     * without LIMIT (the same rows, when only order-blind aggregates read them: {@link NestedOrders}).
     */
    private Scope withNestedAliases(Scope scope) {
        Map<String, Value> locals = new java.util.LinkedHashMap<>();
        Scope.Nested nested = new Scope.Nested(scope, locals);
        for (PigRelation.NestedCommand command : nestedCommands) {
            PigRelation.NestedOp op = command.op();
            if (op instanceof PigRelation.NestedOp.Assign assign) {
                locals.put(command.alias(), expressions.translate(assign.expr(), nested));
            } else if (op instanceof PigRelation.NestedOp.Filter filter
                    && expressions.translate(filter.input(), nested) instanceof Value.Bag bag) {
                locals.put(command.alias(), bag.filtered(condition(filter.condition(), bag.relation())));
            } else if (op instanceof PigRelation.NestedOp.Cross cross
                    && NestedCross.of(cross, e -> expressions.translate(e, nested), scope)
                                    .orElse(null)
                            instanceof Value.Crossed crossed) {
                locals.put(command.alias(), crossed);
            } else if (op instanceof PigRelation.NestedOp.Distinct distinct
                    && expressions.translate(distinct.input(), nested) instanceof Value.Bag bag) {
                locals.put(command.alias(), bag.distinctRows());
            } else if (op instanceof PigRelation.NestedOp.Order order
                    && order.comparator() == null
                    && expressions.translate(order.input(), nested) instanceof Value.Bag bag) {
                // The same rows, sorted where the bag is read whole (ExprTranslator.bagValue).
                locals.put(
                        command.alias(),
                        NestedOrders.sortable(order)
                                ? bag.ordered(NestedOrders.positions(order, bag, command.span())
                                        .orElseGet(() -> ordering(order.keys(), bag.relation())))
                                : bag);
            } else if (op instanceof PigRelation.NestedOp.Foreach foreach
                    && NestedProjection.of(foreach, nestedCommands).isPresent()) {
                locals.put(
                        command.alias(),
                        expressions.translate(
                                NestedProjection.of(foreach, nestedCommands).get(), nested));
            } else if (op instanceof PigRelation.NestedOp.Foreach foreach
                    && expressions.translate(foreach.input(), nested) instanceof Value.Bag bag
                    && (OrderedForeach.applies(foreach, nestedCommands) || bag.ordering() != null)) {
                locals.put(
                        command.alias(),
                        OrderedForeach.translate(command, foreach, bag, nested, expressions, this::scope));
            } else {
                throw ExprTranslator.unsupported(
                        command.span(),
                        "nested " + op.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)
                                + " inside FOREACH { } is not translated yet");
            }
        }
        return nested;
    }

    /**
     * Pig's ERROR 1108 comes from the GENERATE's schema, before any expression is looked at: so two items whose names
     * the syntax alone gives (AS, or a field read through any casts, which keep its name) clash here first, even when
     * one of them would not translate.
     */
    private static void rejectDuplicateNames(List<PigRelation.GenerateItem> items) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PigRelation.GenerateItem item : items) {
            PigExpr read = item.expr();
            while (read instanceof PigExpr.Cast cast) {
                read = cast.expr();
            }
            List<String> itemNames = !item.names().isEmpty()
                    ? item.names().stream().map(FieldSchema::name).toList()
                    : read instanceof PigExpr.FieldRef ref && ref.qualifier() == null ? List.of(ref.name()) : List.of();
            for (String name : itemNames) {
                if (!seen.add(name)) {
                    // Pig: "ERROR 1108: Duplicate schema alias"
                    throw new TranslationError(new Diagnostic(
                            DiagnosticCode.PIG_E014,
                            item.span(),
                            "the FOREACH output has two fields named '" + name + "'",
                            "name one of them with AS"));
                }
            }
        }
    }

    private Projection project(PigRelation.Foreach foreach, Scope outerScope) {
        for (PigRelation.GenerateItem flattened : NestedOrders.checkOrderIsNotRead(nestedCommands, foreach.items())) {
            diagnostics.report(
                    DiagnosticCode.PIG_W003,
                    flattened.span(),
                    "FLATTEN of a bag ORDERed in the FOREACH block keeps its rows, not their order within each group",
                    "ORDER the FOREACH's output if the order of the stored rows matters");
        }
        Scope scope = withRowFields(nestedCommands.isEmpty() ? outerScope : withNestedAliases(outerScope));
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Names names = new Names();
        java.util.Set<String> pigNames = new java.util.HashSet<>();
        rejectDuplicateNames(foreach.items());
        if (RowArray.needed(foreach.items())
                || foreach.items().stream()
                        .anyMatch(item -> item.names().isEmpty() && flattenedMap(item.expr(), scope) != null)
                || uses.onlyConsumerIsStore(statementIndex) && RowArray.flattensNullOrTuple(foreach.items())
                || foreach.items().size() > 1
                        && foreach.items().stream().anyMatch(item -> restOfLine(item.expr(), scope) != null)) {
            // $n.. of a line beside other fields: each row has the line's own width after them (or before them).
            return rowArrayProjection(foreach, scope);
        }
        for (PigRelation.GenerateItem item : foreach.items()) {
            List<Value.Scalar> values = new ArrayList<>();
            List<String> defaultNames = new ArrayList<>();
            asWidth = item.names().size();
            expand(item.expr(), scope, values, defaultNames);
            if (!item.names().isEmpty()
                    && item.names().size() != values.size()
                    && item.expr() instanceof PigExpr.Flatten) {
                // Pig takes the AS names when the flattened value's schema is unknown (a tuple of STRSPLIT, say):
                // Ferry does not know that width yet, so this is a TODO, never an error Pig would not give.
                throw ExprTranslator.unsupported(
                        item.span(),
                        "FLATTEN of a value whose width Ferry does not know, named by AS ("
                                + item.names().size() + " field(s)), is not translated yet");
            }
            if (!item.names().isEmpty() && item.names().size() != values.size()) {
                throw new TranslationError(Diagnostic.of(
                        DiagnosticCode.PIG_E013,
                        item.span(),
                        "AS names " + item.names().size() + " field(s) but the expression gives " + values.size()));
            }
            // '*' and a range '$0 .. $7' pass each field on with its name, qualified as it was (a JOIN's a::id
            // stays a::id): Pig's schema of a projected range is the input's fields themselves.
            List<Field> starred = item.names().isEmpty() ? passedFields(item.expr(), scope, values.size()) : null;
            for (int i = 0; i < values.size(); i++) {
                Value.Scalar value = values.get(i);
                String pigName = starred != null
                        ? starred.get(i).pigName()
                        : item.names().isEmpty()
                                ? Optional.ofNullable(pigNameOf(item.expr(), defaultNames.get(i)))
                                        .orElseGet(() -> positionalName(item.expr(), scope))
                                : item.names().get(i).name();
                // Pig keeps a projected field's full name: GENERATE a::city, b::city gives a::city and b::city, and
                // GENERATE n of a JOIN's a::n gives a::n.
                String qualifier = starred != null
                        ? starred.get(i).qualifier()
                        : item.names().isEmpty() && item.expr() instanceof PigExpr.FieldRef ref
                                ? qualifierOf(ref, scope)
                                : null;
                if (pigName != null && pigName.contains("::")) {
                    qualifier = pigName.substring(0, pigName.lastIndexOf("::"));
                    pigName = pigName.substring(pigName.lastIndexOf("::") + 2);
                    defaultNames.set(
                            i, names.isTaken(pigName) ? qualifier.replace("::", "_") + "_" + pigName : pigName);
                }
                if (pigName != null && !pigNames.add((qualifier == null ? "" : qualifier + "::") + pigName)) {
                    // Pig: "ERROR 1108: Duplicate schema alias"
                    throw new TranslationError(new Diagnostic(
                            DiagnosticCode.PIG_E014,
                            item.span(),
                            "the FOREACH output has two fields named '" + pigName + "'",
                            "name one of them with AS"));
                }
                if (!item.names().isEmpty() && item.names().get(i).type() != PigType.BYTEARRAY) {
                    value = expressions.cast(
                            value,
                            item.names().get(i).type(),
                            item.names().get(i).span());
                }
                if (value.sql() instanceof SqlExpr.Literal literal && literal.value() == null) {
                    // A bare NULL has no type in Flink ("Illegal use of 'NULL'"); Pig's is a bytearray (or the AS
                    // type).
                    value = new Value.Scalar(
                            new SqlExpr.Cast(
                                    literal,
                                    columnType(new Field(null, null, "null", value.type()), item.span()),
                                    false),
                            value.type());
                }
                String sqlName = names.unique(
                        qualifier != null ? defaultNames.get(i) : pigName != null ? pigName : defaultNames.get(i));
                boolean sameName = value.sql() instanceof SqlExpr.ColumnRef ref
                        && ref.name().equals(sqlName);
                items.add(new SelectItem(value.sql(), sameName ? null : sqlName));
                String delimiter = restOfLine(item.expr(), scope) != null
                        ? restOfLine(item.expr(), scope).restDelimiter()
                        : restDelimiter(scope, value);
                fields.add(new Field(pigName, qualifier, sqlName, value.type(), delimiter, value.inner()));
            }
        }
        return new Projection(items, fields);
    }

    /** The qualifier of the field {@code ref} names, as written or, unwritten, of the one field it resolves to. */
    private static String qualifierOf(PigExpr.FieldRef ref, Scope scope) {
        if (!(scope instanceof Scope.Plain plain)) {
            return ref.qualifier();
        }
        // The field's whole name, as Pig keeps it: group::s of (c::group::s, ...) is c::group::s.
        Field named = plain.named(ref.qualifier(), ref.name());
        return named == null ? ref.qualifier() : named.qualifier();
    }

    /** A GENERATE that flattens a tuple of unknown width: Pig gives each row its own fields (see {@link RowArray}). */
    private Projection rowArrayProjection(PigRelation.Foreach foreach, Scope scope) {
        if (!(scope instanceof Scope.Plain)) {
            throw ExprTranslator.unsupported(
                    foreach.span(),
                    "FLATTEN of a tuple of unknown width in a FOREACH over a GROUP or with a nested block is not"
                            + " translated yet");
        }
        List<SqlExpr> parts = new ArrayList<>();
        for (PigRelation.GenerateItem item : foreach.items()) {
            Field line = restOfLine(item.expr(), scope);
            if (line != null && item.names().isEmpty()) {
                // $n..: the line's fields from the n-th, none for a line of n fields or fewer.
                PigExpr.ColumnRange range = (PigExpr.ColumnRange) item.expr();
                int from = range.from() == null ? 0 : ExprTranslator.rangeEnd(range.from(), List.of(line));
                parts.add(lineFieldsFrom(((Scope.Plain) scope).scalar(line).sql(), line.restDelimiter(), from));
                continue;
            }
            // An AS type casts nothing here: Pig casts to the AS types only in a FOREACH that has a schema, which
            // this one has not (measured on Pig 0.18: s AS n:int keeps the text 'a,b').
            if (item.expr() instanceof PigExpr.Flatten flatten && TupleFlatten.isTextArray(flatten.expr())) {
                // Without a schema an AS names nothing: the row has the tuple's own fields, one null for a null one.
                parts.add(RowArray.flattenedTextArray(
                        expressions.scalar(flatten.expr(), scope).sql()));
                continue;
            }
            if (item.expr() instanceof PigExpr.Flatten flatten
                            && flatten.expr() instanceof PigExpr.Cast cast
                            && cast.type() == PigType.TUPLE
                    || item.expr() instanceof PigExpr.Flatten ofLine && readsLineFields(ofLine.expr(), scope)
                    || item.expr() instanceof PigExpr.Star
                            && scope instanceof Scope.Plain plain
                            && plain.relation().fields().stream().anyMatch(Field::isRest)) {
                throw ExprTranslator.unsupported(
                        item.span(), "this item beside a FLATTEN of a tuple of unknown width is not translated yet");
            }
            if (item.expr() instanceof PigExpr.Flatten flatten
                    && RowArray.nullOrTupleBranch(flatten.expr()).isPresent()
                    && expressions.translate(
                                    RowArray.nullOrTupleBranch(flatten.expr()).get(), scope)
                            instanceof Value.Scalar tuple
                    && tuple.type() == PigType.TUPLE
                    && tuple.inner() != null) {
                // (c ? null : t): the tuple's fields where the value is the tuple, one null field where it is null
                List<SqlExpr> texts = new ArrayList<>();
                for (int i = 0; i < tuple.inner().tupleTypes().size(); i++) {
                    texts.add(RowArray.text(TupleFlatten.field(tuple, i), expressions, item.span()));
                }
                parts.add(RowArray.flattenedTuple(
                        expressions.scalar(flatten.expr(), scope).sql(), texts));
                continue;
            }
            Value.Scalar map = flattenedMap(item.expr(), scope);
            if (map != null) {
                // A row per key and value, none for an empty map, one null field for a null one (its one entry
                // here a stand-in that only says the map was null).
                String alias = "entry" + (flattened.size() + 1);
                SqlExpr nullMapEntry = new SqlExpr.Cast(
                        new SqlExpr.MapOf(List.of(SqlExpr.Literal.text(""), SqlExpr.Literal.text(""))),
                        PigTypes.LOADED_MAP,
                        false);
                flattened.add(new SqlQuery.Unnest(
                        null,
                        SqlExpr.Call.of("COALESCE", map.sql(), nullMapEntry),
                        alias,
                        List.of("map_key", "map_value")));
                parts.add(RowArray.flattenedTuple(
                        map.sql(),
                        List.of(new SqlExpr.ColumnRef(alias, "map_key"), new SqlExpr.ColumnRef(alias, "map_value"))));
                continue;
            }
            if (item.expr() instanceof PigExpr.Flatten flatten
                    && !(flatten.expr() instanceof PigExpr.Cast)
                    && expressions.translate(flatten.expr(), scope) instanceof Value.Scalar tuple
                    && tuple.type() == PigType.TUPLE
                    && tuple.inner() != null) {
                List<SqlExpr> texts = new ArrayList<>();
                for (int i = 0; i < tuple.inner().tupleTypes().size(); i++) {
                    texts.add(RowArray.text(TupleFlatten.field(tuple, i), expressions, item.span()));
                }
                parts.add(RowArray.flattenedTuple(tuple.sql(), texts));
                continue;
            }
            List<Value.Scalar> values = new ArrayList<>();
            int unnests = flattened.size();
            expand(item.expr(), scope, values, new ArrayList<>());
            if (flattened.size() != unnests) {
                throw ExprTranslator.unsupported(
                        item.span(),
                        "FLATTEN of a bag beside a FLATTEN of a tuple of unknown width is not translated yet");
            }
            parts.add(RowArray.fields(values.stream()
                    .map(value -> RowArray.text(value, expressions, item.span()))
                    .toList()));
        }
        Field field = RowArray.field();
        return new Projection(List.of(new SelectItem(RowArray.row(parts), field.sqlName())), List.of(field));
    }

    /** A loaded map (text values) FLATTENed under one or two AS names: Pig's FOREACH then has a schema. */
    private boolean textMapNamedByAs(Value.Scalar map) {
        return map.type() == PigType.MAP
                && (asWidth == 1 || asWidth == 2)
                && map.inner() != null
                && (map.inner().valueType() == PigType.BYTEARRAY || map.inner().valueType() == PigType.CHARARRAY);
    }

    /**
     * FLATTEN(m) AS (k[, v]) of a loaded map: a row per entry, its key named by the first AS name and its value by
     * the second, none for an empty map, and one row of nulls for a null map (Pig pads a null to the schema's width,
     * as for a null tuple). Pig's schema types the key as the AS says (bytearray without a type), though it is text.
     */
    private void flattenMapNamedByAs(
            PigExpr.Flatten flatten, Value.Scalar map, List<Value.Scalar> values, List<String> names) {
        Names taken = new Names();
        flattened.forEach(u -> {
            taken.unique(u.alias());
            u.columns().forEach(taken::unique);
        });
        String alias = taken.unique("entry");
        String key = taken.unique("map_key");
        String value = taken.unique("map_value");
        // UNNEST gives no row for a null map: a one-entry stand-in keeps the row, and the CASE makes its fields null.
        SqlExpr nullMapEntry = new SqlExpr.Cast(
                new SqlExpr.MapOf(List.of(SqlExpr.Literal.text(""), SqlExpr.Literal.text(""))),
                PigTypes.LOADED_MAP,
                false);
        flattened.add(new SqlQuery.Unnest(
                null, SqlExpr.Call.of("COALESCE", map.sql(), nullMapEntry), alias, List.of(key, value)));
        SqlExpr notNull = new SqlExpr.IsNull(map.sql(), true);
        values.add(new Value.Scalar(
                new SqlExpr.Case(List.of(new SqlExpr.When(notNull, new SqlExpr.ColumnRef(alias, key))), null),
                PigType.BYTEARRAY));
        names.add(key);
        if (asWidth == 2) {
            values.add(new Value.Scalar(
                    new SqlExpr.Case(List.of(new SqlExpr.When(notNull, new SqlExpr.ColumnRef(alias, value))), null),
                    map.inner().valueType()));
            names.add(value);
        } else {
            expressions.warnDiffers(
                    flatten.span(),
                    "FLATTEN",
                    PigFunctionTable.DIFFERS
                            + "of a map under one AS name, each row here has the entry's key only; Pig's rows keep the"
                            + " value after it, outside the schema (a STORE of them writes both)");
        }
    }

    /**
     * The map a GENERATE item flattens, when its values are text (a loaded {@code map[]}); null otherwise. Pig gives
     * such a FOREACH no schema: each row has the entry's key and value, or one null field for a null map.
     */
    private Value.Scalar flattenedMap(PigExpr expr, Scope scope) {
        if (expr instanceof PigExpr.Flatten flatten
                && scope instanceof Scope.Plain
                && !(flatten.expr() instanceof PigExpr.Star)
                && !readsLineFields(flatten.expr(), scope)
                && !bagsLineFields(flatten.expr(), scope)
                && expressions.translate(flatten.expr(), scope) instanceof Value.Scalar map
                && map.type() == PigType.MAP
                && map.inner() != null
                && (map.inner().valueType() == PigType.BYTEARRAY || map.inner().valueType() == PigType.CHARARRAY)) {
            return map;
        }
        return null;
    }

    /**
     * A field range over the lines of a LOAD without AS (Pig 0.18): {@code $1..$3} is three fields, each null past the
     * line's end; {@code $2..} is the rest of each line after its first two fields (Pig's row then has the line's own
     * width), kept as a line of the same delimiter. A named end names nothing there (Pig's ERROR 1025).
     */
    private void lineRange(
            PigExpr.ColumnRange range, Scope.Plain plain, List<Value.Scalar> values, List<String> names) {
        List<Field> fields = plain.relation().fields();
        int from = range.from() == null ? 0 : ExprTranslator.rangeEnd(range.from(), fields);
        if (range.to() != null) {
            int to = ExprTranslator.rangeEnd(range.to(), fields);
            for (int i = from; i <= to; i++) {
                expand(new PigExpr.PositionalRef(i, range.span()), plain, values, names);
            }
            return;
        }
        Field line = fields.get(0);
        if (fields.size() != 1 || line.isRowArray() || asWidth > 0) {
            throw ExprTranslator.unsupported(
                    range.span(),
                    "a field range to the last field over a row of unknown width (or named by AS) is not translated"
                            + " yet");
        }
        values.add(new Value.Scalar(lineFrom(plain.scalar(line).sql(), line.restDelimiter(), from), PigType.BYTEARRAY));
        names.add(line.sqlName());
    }

    /** The fields of a line from its {@code from}-th on, split on {@code delimiter}: the line itself from the 0th. */
    private static SqlExpr lineFieldsFrom(SqlExpr line, String delimiter, int from) {
        SqlExpr fields = SqlExpr.Call.of("SPLIT", line, SqlExpr.Literal.text(delimiter));
        return from == 0 ? fields : SqlExpr.Call.of("ARRAY_SLICE", fields, SqlExpr.Literal.number(from + 1));
    }

    /** The text of a line from its {@code from}-th field on: empty when the line has no more fields. */
    private static SqlExpr lineFrom(SqlExpr line, String delimiter, int from) {
        return from == 0
                ? line
                : SqlExpr.Call.of("ARRAY_JOIN", lineFieldsFrom(line, delimiter, from), SqlExpr.Literal.text(delimiter));
    }

    /**
     * True for {@code TOBAG(*)} or {@code TOBAG($n..)} over a LOAD without AS (its one field the line, split on its
     * delimiter).
     */
    private static boolean bagsLineFields(PigExpr expr, Scope scope) {
        return expr instanceof PigExpr.Call call
                && call.function().equals("TOBAG")
                && call.arguments().size() == 1
                && bagsLineFrom(call.arguments().get(0)) >= 0
                && scope instanceof Scope.Plain plain
                && plain.relation().fields().size() == 1
                && plain.relation().fields().get(0).isRest()
                && !plain.relation().fields().get(0).isRowArray();
    }

    /** The first field {@code *} or {@code $n..} spans; -1 for another argument. */
    private static int bagsLineFrom(PigExpr argument) {
        if (argument instanceof PigExpr.Star) {
            return 0;
        }
        if (argument instanceof PigExpr.ColumnRange range
                && range.to() == null
                && (range.from() == null || range.from() instanceof PigExpr.PositionalRef)) {
            return range.from() == null ? 0 : ((PigExpr.PositionalRef) range.from()).index();
        }
        return -1;
    }

    /** True for {@code TOTUPLE(*)} over a LOAD without AS, whose width Pig knows per line. */
    private static boolean readsLineFields(PigExpr expr, Scope scope) {
        return expr instanceof PigExpr.Call call
                && call.function().equals("TOTUPLE")
                && call.arguments().size() == 1
                && call.arguments().get(0) instanceof PigExpr.Star
                && scope instanceof Scope.Plain plain
                && plain.relation().fields().stream().anyMatch(Field::isRest);
    }

    /** The line a {@code $n..} over the lines of a LOAD without AS passes on the rest of; null for another item. */
    private static Field restOfLine(PigExpr expr, Scope scope) {
        return expr instanceof PigExpr.ColumnRange range
                        && range.to() == null
                        && scope instanceof Scope.Plain plain
                        && plain.relation().fields().size() == 1
                        && plain.relation().fields().get(0).isRest()
                        && !plain.relation().fields().get(0).isRowArray()
                ? plain.relation().fields().get(0)
                : null;
    }

    /** The line of a LOAD without AS stays one when '*' passes it on. */
    private static String restDelimiter(Scope scope, Value.Scalar value) {
        if (scope instanceof Scope.Plain plain && value.sql() instanceof SqlExpr.ColumnRef ref) {
            return plain.relation().fields().stream()
                    .filter(f -> f.isRest() && f.sqlName().equals(ref.name()))
                    .map(Field::restDelimiter)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    /** One GENERATE item gives one field, except {@code *} and {@code FLATTEN(group)}, which give several. */
    private void expand(PigExpr expr, Scope scope, List<Value.Scalar> values, List<String> names) {
        if (expr instanceof PigExpr.Star star) {
            for (Value.Scalar value : scope.star(star.span())) {
                values.add(value);
                names.add(((SqlExpr.ColumnRef) value.sql()).name());
            }

            return;
        }
        if (expr instanceof PigExpr.ColumnRange range && scope instanceof Scope.Plain plain) {
            List<Field> fields = plain.relation().fields();
            if (fields.stream().anyMatch(Field::isRest)) {
                lineRange(range, plain, values, names);
                return;
            }
            int from = range.from() == null ? 0 : fieldIndex(range.from(), plain);
            int to = range.to() == null ? fields.size() - 1 : fieldIndex(range.to(), plain);
            for (int i = from; i <= to; i++) {
                Value.Scalar value = plain.positional(i, range.span());
                values.add(value);
                names.add(fields.get(i).sqlName());
            }
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten && TupleFlatten.castTextArrayWidth(flatten.expr()) > 0) {
            // FLATTEN((tuple(chararray, long))REGEX_EXTRACT_ALL(s, '(a)(b)')): a field per group, each cast as Pig
            // casts a chararray (POCast of the tuple casts field by field: '3.5' to long is 3, 'x' is null).
            PigExpr.Cast cast = (PigExpr.Cast) flatten.expr();
            // A null tuple (a pattern that does not match) gives a null per field, as in Pig: the cast gives the
            // FOREACH a schema, and Pig pads a null flattened where the schema says how many fields it has.
            Value.Scalar array = expressions.scalar(cast.expr(), scope);
            List<Value.Scalar> pieces = new ArrayList<>();
            TupleFlatten.expandByPosition(array, cast.schema().size(), pieces, names);
            for (int i = 0; i < pieces.size(); i++) {
                values.add(expressions.cast(pieces.get(i), cast.schema().get(i).type(), cast.span()));
            }
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten && readsLineFields(flatten.expr(), scope)) {
            // FLATTEN(TOTUPLE(*)) gives the input tuple's own fields: each line's, of a LOAD without AS, as '*' does.
            expand(((PigExpr.Call) flatten.expr()).arguments().get(0), scope, values, names);
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten && bagsLineFields(flatten.expr(), scope)) {
            // FLATTEN(TOBAG(*)) of a LOAD without AS: a row per field of the line (TOBAG makes each field a tuple);
            // FLATTEN(TOBAG($n..)) one per field from the n-th, none for a line of n fields or fewer.
            Scope.Plain plain = (Scope.Plain) scope;
            Field line = plain.relation().fields().get(0);
            Names taken = new Names();
            plain.relation().fields().forEach(f -> taken.unique(f.sqlName()));
            flattened.forEach(u -> {
                taken.unique(u.alias());
                u.columns().forEach(taken::unique);
            });
            String alias = taken.unique("line_fields");
            String column = taken.unique("line_field");
            int from = bagsLineFrom(((PigExpr.Call) flatten.expr()).arguments().get(0));
            flattened.add(new SqlQuery.Unnest(
                    null,
                    lineFieldsFrom(plain.scalar(line).sql(), line.restDelimiter(), from),
                    alias,
                    List.of(column)));
            // an empty field is null, as $n of the line reads it
            values.add(new Value.Scalar(
                    SqlExpr.Call.of("NULLIF", new SqlExpr.ColumnRef(alias, column), SqlExpr.Literal.text("")),
                    PigType.BYTEARRAY));
            names.add(column);
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten
                && flatten.expr() instanceof PigExpr.Projection projection
                && projection.columns().size() > 1
                && expressions.translate(projection.base(), scope) instanceof Value.Bag whole
                && whole.field() == null
                && whole.lineField() == null
                && BagProjection.fields(whole, projection.columns()).isPresent()) {
            // FLATTEN(b.(x, y)) of a GROUP's or nested bag: b's rows flattened, those fields of each.
            List<Value.Scalar> all = new ArrayList<>();
            List<String> allNames = new ArrayList<>();
            expand(new PigExpr.Flatten(projection.base(), flatten.span()), scope, all, allNames);
            for (Field field : BagProjection.fields(whole, projection.columns()).get()) {
                int index = whole.relation().fields().indexOf(field);
                values.add(all.get(index));
                names.add(allNames.get(index));
            }
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten) {
            Value inner = expressions.translate(flatten.expr(), scope);
            if (inner instanceof Value.Crossed crossed) {
                // Pig names the fields x::a::f: the CROSS's alias before each bag's own bag::field names.
                int first = names.size();
                crossed.inputs().forEach(bag -> expand(new PigExpr.Flatten(bag, flatten.span()), scope, values, names));
                String alias = ((PigExpr.FieldRef) flatten.expr()).name();
                for (int i = first; i < names.size(); i++) {
                    names.set(i, alias + "::" + names.get(i));
                }
                return;
            }
            if (inner instanceof Value.KeyTuple tuple) {
                values.addAll(tuple.keys());
                // Pig names a flattened tuple's fields after it: FLATTEN(group) of GROUP BY (a, b) gives group::a and
                // group::b (a later JOIN's x::group::a), which a and b still name where they are unique.
                tuple.fields().forEach(f -> names.add(f.pigName() == null ? f.sqlName() : "group::" + f.pigName()));
                return;
            }
            if (inner instanceof Value.Scalar scalar
                    && scalar.type() == PigType.BAG
                    && scalar.inner() != null
                    && scope instanceof Scope.Plain plain) {
                // A row per tuple of the bag, none for an empty or null one: CROSS JOIN UNNEST.
                // Several FLATTENs give their cross product: one UNNEST each, with names of their own.
                Names taken = new Names();
                plain.relation().fields().forEach(f -> taken.unique(f.sqlName()));
                flattened.forEach(u -> {
                    taken.unique(u.alias());
                    u.columns().forEach(taken::unique);
                });
                // A bincond's bag is named as its left side: (c ? b : {(null)}) gives b::x (Pig 0.18's DESCRIBE).
                PigExpr named = flatten.expr() instanceof PigExpr.Bincond bincond ? bincond.whenTrue() : flatten.expr();
                String alias = taken.unique(
                        named instanceof PigExpr.Call call
                                ? simpleName(call)
                                : named instanceof PigExpr.FieldRef ref ? ref.name() : "flattened");
                List<String> columns = new ArrayList<>();
                List<String> fieldNames = scalar.inner().fieldNames();
                for (int i = 0; i < scalar.inner().tupleTypes().size(); i++) {
                    // Pig names a bag field's flattened fields bag::field (b::x) where the bag's schema names them.
                    String pigName =
                            named instanceof PigExpr.FieldRef ref && i < fieldNames.size() && fieldNames.get(i) != null
                                    ? ref.name() + "::" + fieldNames.get(i)
                                    : null;
                    String column = taken.unique(pigName != null ? fieldNames.get(i) : alias + "_" + i);
                    columns.add(column);
                    values.add(new Value.Scalar(
                            new SqlExpr.ColumnRef(alias, column),
                            scalar.inner().tupleTypes().get(i),
                            scalar.inner().fieldInner(i)));
                    names.add(pigName != null ? pigName : column);
                }
                for (int i = 0; i < scalar.inner().tupleTypes().size(); i++) {
                    // A null bag's one null tuple needs each field's SQL type (nullBagAsOneNullTuple).
                    if (!(scalar.sql() instanceof SqlExpr.ArrayOf)
                            && !PigTypes.hasTupleFieldType(
                                    scalar.inner().tupleTypes().get(i),
                                    scalar.inner().fieldInner(i))) {
                        throw ExprTranslator.unsupported(
                                flatten.span(),
                                "FLATTEN of a bag value whose tuples hold a "
                                        + scalar.inner().tupleTypes().get(i).keyword() + " is not translated yet");
                    }
                }
                flattened.add(new SqlQuery.Unnest(null, nullBagAsOneNullTuple(scalar), alias, columns));
                return;
            }
            if (inner instanceof Value.Scalar scalar
                    && scalar.type() == PigType.TUPLE
                    && scalar.inner() == null
                    && flatten.expr() instanceof PigExpr.Bincond bincond
                    && RowArray.isNull(bincond.whenFalse())
                    && !RowArray.isNull(bincond.whenTrue())
                    && expressions.translate(bincond.whenTrue(), scope) instanceof Value.Scalar tuple
                    && tuple.type() == PigType.TUPLE
                    && tuple.inner() != null) {
                // (c ? t : null): Pig casts the null to t's tuple type, so the FOREACH has a schema and a null is a
                // null per field, as a null tuple is.
                // Each field is t's where the condition holds, else null (a null condition too).
                SqlExpr condition = expressions.bool(bincond.condition(), scope);
                List<Value.Scalar> fields = new ArrayList<>();
                TupleFlatten.expand(bincond.whenTrue(), tuple, fields, names);
                for (Value.Scalar field : fields) {
                    values.add(new Value.Scalar(
                            new SqlExpr.Case(List.of(new SqlExpr.When(condition, field.sql())), null), field.type()));
                }
                return;
            }
            if (inner instanceof Value.Scalar scalar && scalar.type() == PigType.TUPLE && scalar.inner() != null) {
                // A null tuple gives a null per field, as Pig gives in a FOREACH with a schema (LOGenerate's
                // flattenNumFields); one without (RowArray) is translated apart.
                TupleFlatten.expand(flatten.expr(), scalar, values, names);
                return;
            }
            if (inner instanceof Value.Scalar scalar
                    && scalar.type() == PigType.TUPLE
                    && asWidth > 0
                    && TupleFlatten.isTextArray(flatten.expr())) {
                // AS gives the FOREACH a schema: a null tuple is a null per name, as here. A tuple of another width
                // than the AS names (STRSPLIT's depends on the data) shifts the fields after it in Pig.
                if (TupleFlatten.knownWidth(flatten.expr()) != asWidth) {
                    expressions.warnDiffers(
                            flatten.span(),
                            "FLATTEN",
                            PigFunctionTable.DIFFERS
                                    + "a tuple with another number of fields than the AS names gives nulls for the"
                                    + " missing ones here (and drops the extra ones); Pig gives a row of its own width");
                }
                TupleFlatten.expandByPosition(scalar, asWidth, values, names);
                return;
            }
            if (inner instanceof Value.Scalar scalar
                    && (scalar.type() == PigType.BAG || scalar.type() == PigType.TUPLE)) {
                // Pig gives a row per tuple of a bag (none for an empty one) and a field per field of a tuple.
                throw ExprTranslator.unsupported(
                        flatten.span(),
                        "FLATTEN of a " + scalar.type().keyword() + " value (not a GROUP's bag) is not translated yet");
            }
            if (inner instanceof Value.Scalar scalar && scope instanceof Scope.Plain && textMapNamedByAs(scalar)) {
                flattenMapNamedByAs(flatten, scalar, values, names);
                return;
            }
            if (inner instanceof Value.Scalar scalar && scalar.type() == PigType.MAP) {
                throw ExprTranslator.unsupported(
                        flatten.span(),
                        "FLATTEN of a map (Pig gives a row per key and value, none for an empty map) is not translated"
                                + " yet");
            }
            if (inner instanceof Value.Scalar scalar) {
                values.add(scalar);
                // FLATTEN of a scalar is the scalar, and keeps its name: FLATTEN(group) of one key is still group,
                // FLATTEN(group.year) of a GROUP BY (year, site) is year (Pig's LOGenerate keeps the field schema).
                names.add(Optional.ofNullable(pigNameOf(flatten.expr(), null))
                        .orElseGet(() -> defaultName(flatten.expr(), scalar)));
                return;
            }
            if (inner instanceof Value.Bag bag && bag.equals(narrowBag)) {
                // The rows of a nested FILTER or DISTINCT, selected from the GROUP's input (flattenNarrowBag).
                String prefix = flatten.expr() instanceof PigExpr.FieldRef ref ? ref.name() + "::" : "";
                for (Field f : bag.field() != null
                        ? List.of(bag.field())
                        : bag.relation().fields()) {
                    values.add(new Value.Scalar(SqlExpr.ColumnRef.of(f.sqlName()), f.type(), f.inner()));
                    names.add(prefix + f.sqlName());
                }
                return;
            }
            Scope base = scope instanceof Scope.Nested n ? n.outer() : scope;
            if (inner instanceof Value.Bag bag
                    && base instanceof Scope.Cogroup cogroup
                    && bag.lineField() == null
                    && bag.filter() == null
                    && !bag.distinct()
                    && cogroup.plan().isFlattened(cogroup.plan().side(bag.relation()))) {
                Relation.Side side = cogroup.plan().side(bag.relation());
                List<Value.Scalar> flat = cogroup.plan().flatten(side, bag.field());
                List<Field> flatFields = side.input().fields().stream()
                        .filter(f -> bag.field() == null || bag.field() == f)
                        .toList();
                for (int i = 0; i < flat.size(); i++) {
                    values.add(flat.get(i));
                    // Pig names a flattened bag's fields bag::field, keeping a field's own prefix: d::a::name.
                    Field field = flatFields.get(i).prefixedBy(side.bagAlias());
                    names.add(field.qualifier() + "::"
                            + ((SqlExpr.ColumnRef) flat.get(i).sql()).name());
                }
                return;
            }
            throw ExprTranslator.unsupported(
                    flatten.span(), "FLATTEN of a bag is not supported by the Flink SQL translation yet");
        }
        Value whole = expr instanceof PigExpr.Call ? null : expressions.translate(expr, scope);
        if (whole instanceof Value.KeyTuple tuple
                && (expr instanceof PigExpr.FieldRef || expr instanceof PigExpr.PositionalRef)) {
            // GENERATE group (or $0) of several keys: Pig's group is the tuple of the keys, its fields named as the
            // keys (a later group.a, group.$1 or FLATTEN(group) reads them), when they are scalars.
            List<PigType> keyTypes =
                    tuple.keys().stream().map(Value.Scalar::type).toList();
            values.add(new Value.Scalar(
                    new SqlExpr.RowOf(
                            tuple.keys().stream().map(Value.Scalar::sql).toList()),
                    PigType.TUPLE,
                    keyTypes.stream().allMatch(t -> PigTypes.hasTupleFieldType(t, null))
                            ? Inner.tuple(
                                    keyTypes,
                                    tuple.fields().stream().map(Field::pigName).toList())
                            : null));
            names.add("group");
            return;
        }
        if (whole instanceof Value.Bag bag) {
            // GENERATE group, bag: the group's rows as Pig's bag value.
            Value.Scalar value = Scope.cogroupOf(scope) != null
                    ? expressions.cogroupBag(bag, Scope.cogroupOf(scope), expr.span())
                    : expressions.bagValue(bag, scope, expr.span());
            values.add(value);
            names.add(
                    bag.field() != null && bag.field().pigName() != null
                            ? bag.field().pigName()
                            : bag.relation().sqlName());
            return;
        }
        // Translated once: a second translation would collect a COGROUP's aggregate (g.(a, b)) twice.
        Value.Scalar value = whole instanceof Value.Scalar scalar ? scalar : expressions.scalar(expr, scope);
        values.add(value);
        names.add(defaultName(expr, value));
    }

    /**
     * Pig's FLATTEN gives no row for an empty bag but one row of nulls for a null bag (TOKENIZE(null)),
     * where UNNEST gives none: a null bag becomes a one-tuple bag of nulls. Both sides are cast to one
     * ROW type, as Flink's own cast of them cannot be planned. A constructed bag is never null.
     */
    private static SqlExpr nullBagAsOneNullTuple(Value.Scalar bag) {
        if (bag.sql() instanceof SqlExpr.ArrayOf) {
            return bag.sql();
        }
        List<Column> columns = new ArrayList<>();
        List<SqlExpr> nulls = new ArrayList<>();
        for (PigType type : bag.inner().tupleTypes()) {
            SqlType sqlType = PigTypes.tupleFieldType(type, bag.inner().fieldInner(columns.size()));
            columns.add(new Column("f" + columns.size(), sqlType));
            nulls.add(new SqlExpr.Cast(SqlExpr.Literal.NULL, sqlType, false));
        }
        SqlType.Row row = new SqlType.Row(columns);
        SqlExpr oneNullTuple = new SqlExpr.ArrayOf(List.of(new SqlExpr.Cast(new SqlExpr.RowOf(nulls), row, false)));
        return SqlExpr.Call.of("COALESCE", new SqlExpr.Cast(bag.sql(), new SqlType.Array(row), false), oneNullTuple);
    }

    /** The position of a range end ({@code $2} or {@code name}) in the relation. */
    /** The input fields that '*' or a range ({@code $0 .. $7}, {@code a .. c}) passes on; null for any other item. */
    private static List<Field> passedFields(PigExpr expr, Scope scope, int width) {
        if (!(scope instanceof Scope.Plain plain)) {
            return null;
        }
        List<Field> fields = plain.relation().fields();
        if (expr instanceof PigExpr.Star && fields.size() == width) {
            return fields;
        }
        if (expr instanceof PigExpr.ColumnRange range && fields.stream().noneMatch(Field::isRest)) {
            int from = range.from() == null ? 0 : fieldIndex(range.from(), plain);
            int to = range.to() == null ? fields.size() - 1 : fieldIndex(range.to(), plain);
            return to - from + 1 == width ? fields.subList(from, to + 1) : null;
        }
        return null;
    }

    private static int fieldIndex(PigExpr end, Scope.Plain scope) {
        if (end instanceof PigExpr.PositionalRef p) {
            return p.index();
        }
        if (end instanceof PigExpr.FieldRef ref) {
            List<Field> fields = scope.relation().fields();
            for (int i = 0; i < fields.size(); i++) {
                if (ref.name().equals(fields.get(i).pigName())) {
                    return i;
                }
            }
        }
        throw new TranslationError(
                Diagnostic.of(DiagnosticCode.PIG_E011, end.span(), "unknown field in a field range"));
    }

    /** Pig keeps a field's name through a plain projection and names {@code group} so; anything else is unnamed. */
    private static String pigNameOf(PigExpr expr, String fallback) {
        if (expr instanceof PigExpr.FieldRef ref) {
            return ref.name();
        }
        if (expr instanceof PigExpr.Flatten) {
            return fallback;
        }
        if (expr instanceof PigExpr.Cast cast) {
            return pigNameOf(cast.expr(), fallback); // a cast keeps the field's name in Pig's schema
        }
        if (expr instanceof PigExpr.Dereference d && !(d.base() instanceof PigExpr.Call)) {
            return d.field();
        }
        return null;
    }

    /**
     * The name Pig's schema gives a positional projection: the name of the field it reads ({@code $0} of
     * {@code (name, ...)} is {@code name}, {@code t.$1} of {@code t:tuple(n, s)} is {@code s}), so that a duplicate
     * is Pig's ERROR 1108 here too; null when that field has no name.
     */
    private String positionalName(PigExpr expr, Scope scope) {
        if (expr instanceof PigExpr.Cast cast) {
            return positionalName(cast.expr(), scope);
        }
        Scope outer = scope instanceof Scope.Nested nested ? nested.outer() : scope;
        if (expr instanceof PigExpr.PositionalRef position
                && position.index() == 0
                && (outer instanceof Scope.Grouped || outer instanceof Scope.Cogroup)) {
            return "group"; // $0 of a GROUP's or COGROUP's row is its group field
        }
        if (expr instanceof PigExpr.PositionalRef position && scope instanceof Scope.Plain plain) {
            List<Field> fields = plain.relation().fields();
            if (position.index() >= fields.size()
                    || fields.get(position.index()).isRest()) {
                return null;
            }
            Field field = fields.get(position.index());
            return field.pigName() == null || field.qualifier() == null
                    ? field.pigName()
                    : field.qualifier() + "::" + field.pigName();
        }
        if (expr instanceof PigExpr.Projection projection
                && scope instanceof Scope.Plain
                && projection.columns().size() == 1
                && projection.columns().get(0) instanceof PigExpr.PositionalRef position
                && expressions.translate(projection.base(), scope) instanceof Value.Scalar tuple
                && tuple.inner() != null
                && position.index() < tuple.inner().fieldNames().size()) {
            return tuple.inner().fieldNames().get(position.index());
        }
        return null;
    }

    /** The SQL column name for an unnamed Pig field: after the column it reads or the aggregate it computes. */
    private static String defaultName(PigExpr expr, Value.Scalar value) {
        if (expr instanceof PigExpr.FieldRef ref
                && ref.name().equals("group")
                && value.sql() instanceof SqlExpr.ColumnRef col) {
            return col.name();
        }
        if (value.sql() instanceof SqlExpr.ColumnRef col) {
            return col.name();
        }
        if (expr instanceof PigExpr.Call call) {
            String base = simpleName(call);
            if (call.arguments().size() == 1) {
                PigExpr argument = call.arguments().get(0);
                if (argument instanceof PigExpr.Dereference d) {
                    return base + "_" + d.field();
                }
                if (argument instanceof PigExpr.FieldRef f) {
                    return base + "_" + f.name();
                }
            }
            return base;
        }
        return "expr";
    }

    private Relation group(String alias, PigRelation.Group group) {
        Relation.Named input = named(group.input(), group.span());
        Scope scope = scope(input);
        List<SqlExpr> keys = new ArrayList<>();
        List<Field> keyFields = new ArrayList<>();
        for (PigExpr key : group.keys()) {
            Value.Scalar value = expressions.scalar(key, scope);
            keys.add(value.sql());
            if (value.type() == PigType.BIGDECIMAL) {
                expressions.warnDiffers(key.span(), "GROUP BY a bigdecimal", BigNumbers.GROUP_KEY_DIFFERS);
            }
            if (value.type() == PigType.DATETIME) {
                expressions.warnDiffers(key.span(), "GROUP BY a datetime", DateTimes.KEY_DIFFERS);
            }
            String name = key instanceof PigExpr.FieldRef ref ? ref.name() : null;
            String sqlName =
                    value.sql() instanceof SqlExpr.ColumnRef col ? col.name() : "group_key_" + (keyFields.size() + 1);
            keyFields.add(new Field(name, null, sqlName, value.type()));
        }
        if (uses.consumers(statementIndex).isEmpty()) {
            diagnostics.report(DiagnosticCode.PIG_W001, group.span(), "'" + alias + "' is never used");
        }
        return new Relation.Grouped(input, group.input(), keys, keyFields, group.span());
    }

    private Relation join(String alias, PigRelation.Join join) {
        List<PigRelation.JoinInput> inputs = join.joinInputs();
        if (inputs.size() > 2 && join.type() != PigRelation.JoinType.INNER) {
            throw new TranslationError(
                    Diagnostic.of(DiagnosticCode.PIG_E013, join.span(), "an OUTER JOIN takes exactly two relations"));
        }
        List<Relation.Named> sides = new ArrayList<>();
        for (PigRelation.JoinInput input : inputs) {
            Relation.Named side = named(input.alias(), input.span());
            if (input.keys().size() != inputs.get(0).keys().size()) {
                throw new TranslationError(Diagnostic.of(
                        DiagnosticCode.PIG_E013, join.span(), "the JOIN inputs have different numbers of keys"));
            }
            sides.add(side);
        }
        if (new java.util.HashSet<>(sides.stream().map(Relation.Named::sqlName).toList()).size() < sides.size()) {
            throw ExprTranslator.unsupported(
                    join.span(), "a self-JOIN (one relation on both sides) is not translated yet");
        }
        SqlQuery.JoinKind kind = switch (join.type()) {
            case INNER -> SqlQuery.JoinKind.INNER;
            case LEFT -> SqlQuery.JoinKind.LEFT;
            case RIGHT -> SqlQuery.JoinKind.RIGHT;
            case FULL -> SqlQuery.JoinKind.FULL;
        };
        SqlQuery.From from = new SqlQuery.TableRef(sides.get(0).sqlName());
        for (int s = 1; s < sides.size(); s++) {
            SqlExpr condition = null;
            for (int k = 0; k < inputs.get(0).keys().size(); k++) {
                Value.Scalar l = expressions.scalar(
                        inputs.get(0).keys().get(k),
                        new Scope.Plain(sides.get(0), sides.get(0).sqlName()));
                Value.Scalar r = expressions.scalar(
                        inputs.get(s).keys().get(k),
                        new Scope.Plain(sides.get(s), sides.get(s).sqlName()));
                // Pig casts an untyped (bytearray) key to the other side's type; Flink refuses the implicit cast.
                PigType common = PigTypes.common(l.type(), r.type());
                l = expressions.cast(l, common, inputs.get(0).span());
                r = expressions.cast(r, common, inputs.get(s).span());
                // A bigdecimal key joins by its text, as in Pig 0.18 (1.50 does not join 1.5 there, unlike in GROUP);
                // so
                // does a datetime (its instant and offset).
                if (common == PigType.DATETIME) {
                    expressions.warnDiffers(inputs.get(s).span(), "JOIN by a datetime", DateTimes.JOIN_KEY_DIFFERS);
                }
                SqlExpr equal = new SqlExpr.Binary(SqlExpr.BinaryOp.EQ, l.sql(), r.sql());
                condition = condition == null ? equal : new SqlExpr.Binary(SqlExpr.BinaryOp.AND, condition, equal);
            }
            from = new SqlQuery.Join(
                    from, kind, new SqlQuery.TableRef(sides.get(s).sqlName()), condition);
        }
        Select query =
                combined(inputs.stream().map(PigRelation.JoinInput::alias).toList(), sides, from);
        List<String> others = sides.subList(1, sides.size()).stream()
                .map(Relation.Named::sqlName)
                .toList();
        if ("replicated".equals(join.strategy())) {
            // Pig keeps the replicated (right) relations in memory: a broadcast join.
            query = query.withHints(List.of(new SqlQuery.Hint(SqlQuery.HintKind.BROADCAST, others)));
        } else if ("merge".equals(join.strategy()) || "merge-sparse".equals(join.strategy())) {
            query = query.withHints(List.of(new SqlQuery.Hint(
                    SqlQuery.HintKind.SHUFFLE_MERGE,
                    sides.stream().map(Relation.Named::sqlName).toList())));
        }
        return view(
                alias,
                join.span(),
                query,
                combinedFields(inputs.stream().map(PigRelation.JoinInput::alias).toList(), sides));
    }

    /**
     * CROSS: every row of each input with every row of the others. An alias named twice is one input in Pig's plan (its
     * second edge to the CROSS is the first one): {@code CROSS a, a} is a's rows once each, as {@code a::} fields
     * (measured on Pig 0.18), and {@code CROSS a, b, a} is {@code CROSS a, b}.
     */
    private Relation cross(String alias, PigRelation.Cross cross) {
        List<String> inputs = cross.inputs().stream().distinct().toList();
        List<Relation.Named> sides = new ArrayList<>();
        for (String input : inputs) {
            sides.add(named(input, cross.span()));
        }
        if (new java.util.HashSet<>(sides.stream().map(Relation.Named::sqlName).toList()).size() < sides.size()) {
            throw ExprTranslator.unsupported(cross.span(), "a CROSS of a relation with itself is not translated yet");
        }
        SqlQuery.From from = new SqlQuery.TableRef(sides.get(0).sqlName());
        for (int s = 1; s < sides.size(); s++) {
            from = new SqlQuery.Join(
                    from,
                    SqlQuery.JoinKind.CROSS,
                    new SqlQuery.TableRef(sides.get(s).sqlName()),
                    null);
        }
        return view(alias, cross.span(), combined(inputs, sides, from), combinedFields(inputs, sides));
    }

    /** The columns of several inputs side by side; a name two inputs share becomes alias_name (Pig: alias::name). */
    private static Select combined(List<String> pigAliases, List<Relation.Named> sides, SqlQuery.From from) {
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = combinedFields(pigAliases, sides);
        int i = 0;
        for (Relation.Named side : sides) {
            for (Field f : side.fields()) {
                String sqlName = fields.get(i++).sqlName();
                items.add(new SelectItem(
                        new SqlExpr.ColumnRef(side.sqlName(), f.sqlName()),
                        sqlName.equals(f.sqlName()) ? null : sqlName));
            }
        }
        return Select.of(items, from);
    }

    private static List<Field> combinedFields(List<String> pigAliases, List<Relation.Named> sides) {
        Map<String, Integer> counts = new HashMap<>();
        for (Relation.Named side : sides) {
            for (Field f : side.fields()) {
                counts.merge(f.sqlName().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
        List<Field> fields = new ArrayList<>();
        Names names = new Names();
        for (int s = 0; s < sides.size(); s++) {
            for (Field f : sides.get(s).fields()) {
                boolean clash = counts.get(f.sqlName().toLowerCase(java.util.Locale.ROOT)) > 1;
                String sqlName = names.unique(clash ? pigAliases.get(s) + "_" + f.sqlName() : f.sqlName());
                fields.add(new Field(
                        f.pigName(),
                        f.prefixedBy(pigAliases.get(s)).qualifier(),
                        sqlName,
                        f.type(),
                        f.restDelimiter(),
                        f.inner()));
            }
        }
        return fields;
    }

    /**
     * UNION: Pig's UNION keeps duplicates (UNION ALL). Inputs with the same number of fields line up by
     * position, taking the first input's names and the wider of numeric types; ONSCHEMA lines them up
     * by name, a field an input lacks being null there.
     */
    private Relation union(String alias, PigRelation.Union union) {
        List<Relation.Named> inputs = new ArrayList<>();
        for (String input : union.inputs()) {
            inputs.add(named(input, union.span()));
        }
        List<Field> fields = new ArrayList<>();
        List<List<Value.Scalar>> columns = new ArrayList<>();
        if (union.onSchema()) {
            Map<String, PigType> types = new java.util.LinkedHashMap<>();
            for (Relation.Named input : inputs) {
                for (Field f : input.fields()) {
                    if (f.pigName() == null || f.isRest()) {
                        throw new TranslationError(Diagnostic.of(
                                DiagnosticCode.PIG_E013,
                                union.span(),
                                "UNION ONSCHEMA needs every input to have a schema with named fields"));
                    }
                    types.merge(f.pigName(), f.type(), PigToSql::unionType);
                }
            }
            for (Relation.Named input : inputs) {
                List<Value.Scalar> row = new ArrayList<>();
                for (var entry : types.entrySet()) {
                    row.add(input.fields().stream()
                            .filter(f -> f.pigName().equals(entry.getKey()))
                            .findFirst()
                            .map(f -> new Value.Scalar(SqlExpr.ColumnRef.of(f.sqlName()), f.type()))
                            .orElse(new Value.Scalar(
                                    new SqlExpr.Cast(
                                            SqlExpr.Literal.NULL,
                                            columnType(
                                                    new Field(entry.getKey(), null, entry.getKey(), entry.getValue()),
                                                    union.span()),
                                            false),
                                    entry.getValue())));
                }
                columns.add(row);
            }
            Names names = new Names();
            types.forEach((name, type) -> fields.add(new Field(name, null, names.unique(name), type)));
        } else {
            int width = inputs.get(0).fields().size();
            boolean rest = inputs.get(0).fields().stream().anyMatch(Field::isRest);
            if (inputs.stream()
                    .anyMatch(input -> input.fields().size() != width
                            || input.fields().stream().anyMatch(Field::isRest) != rest)) {
                // Schemas that do not merge: Pig gives the union no schema, each row keeping its own fields.
                String delimiter = SchemalessUnion.delimiter(inputs, expressions, union.span());
                List<SqlQuery> lines = new ArrayList<>();
                for (Relation.Named input : inputs) {
                    lines.add(SchemalessUnion.select(input, delimiter, expressions, union.span()));
                }
                return view(
                        alias, union.span(), new SqlQuery.UnionAll(lines), List.of(SchemalessUnion.line(delimiter)));
            }
            for (Relation.Named input : inputs) {
                columns.add(input.fields().stream()
                        .map(f -> new Value.Scalar(SqlExpr.ColumnRef.of(f.sqlName()), f.type()))
                        .toList());
            }
            for (int i = 0; i < width; i++) {
                PigType type = inputs.get(0).fields().get(i).type();
                for (Relation.Named input : inputs) {
                    type = unionType(type, input.fields().get(i).type());
                }
                Field first = inputs.get(0).fields().get(i);
                fields.add(new Field(first.pigName(), null, first.sqlName(), type, first.restDelimiter()));
            }
        }
        List<SqlQuery> selects = new ArrayList<>();
        for (int s = 0; s < inputs.size(); s++) {
            List<SelectItem> items = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                Value.Scalar value =
                        expressions.cast(columns.get(s).get(i), fields.get(i).type(), union.span());
                boolean same = sameColumn(value.sql(), fields.get(i).sqlName());
                items.add(
                        new SelectItem(value.sql(), same ? null : fields.get(i).sqlName()));
            }
            // SELECT * only when it gives the input's own columns in the union's order (ONSCHEMA may reorder them).
            boolean all = items.size() == inputs.get(s).fields().size();
            for (int i = 0; all && i < items.size(); i++) {
                all = items.get(i).alias() == null
                        && sameColumn(
                                items.get(i).expr(),
                                inputs.get(s).fields().get(i).sqlName());
            }
            selects.add(
                    all
                            ? SqlQuery.selectAll(inputs.get(s).sqlName())
                            : Select.of(
                                    items, new SqlQuery.TableRef(inputs.get(s).sqlName())));
        }
        return view(alias, union.span(), new SqlQuery.UnionAll(selects), fields);
    }

    /** Pig's schema merge for UNION: equal types stay, numbers widen, anything else is unsupported here. */
    private static PigType unionType(PigType a, PigType b) {
        if (a == b) {
            return a;
        }
        if (PigTypes.isNumber(a) && PigTypes.isNumber(b)) {
            return PigTypes.wider(a, b);
        }
        if (a == PigType.BYTEARRAY) {
            return b;
        }
        if (b == PigType.BYTEARRAY) {
            return a;
        }
        return PigType.CHARARRAY;
    }

    /** SPLIT: one view per branch; OTHERWISE keeps the rows no branch condition is true for. */
    private void split(PigStatement.Split split) {
        Relation.Named input = named(split.input(), split.span());
        List<SqlExpr> conditions = new ArrayList<>();
        for (PigStatement.SplitBranch branch : split.branches()) {
            SqlExpr condition = condition(branch.condition(), input);
            conditions.add(condition);
            aliases.put(
                    branch.alias(),
                    view(
                            branch.alias(),
                            branch.span(),
                            SqlQuery.selectAll(input.sqlName()).withWhere(condition),
                            input.fields()));
            failedAliases.remove(branch.alias());
        }
        if (split.otherwise() != null) {
            // Pig builds OTHERWISE as NOT (c1 OR c2 ...): a row whose conditions are null goes nowhere.
            SqlExpr any = null;
            for (SqlExpr c : conditions) {
                any = any == null ? c : new SqlExpr.Binary(SqlExpr.BinaryOp.OR, any, c);
            }
            SqlExpr otherwise = new SqlExpr.Unary(SqlExpr.UnaryOp.NOT, any);
            aliases.put(
                    split.otherwise(),
                    view(
                            split.otherwise(),
                            split.span(),
                            SqlQuery.selectAll(input.sqlName()).withWhere(otherwise),
                            input.fields()));
            failedAliases.remove(split.otherwise());
        }
    }

    /** SAMPLE keeps each row with the given probability; Pig and Flink draw different rows. */
    private Relation sample(String alias, PigRelation.Sample sample) {
        Relation.Named input = named(sample.input(), sample.span());
        Value.Scalar fraction =
                expressions.cast(expressions.scalar(sample.fraction(), scope(input)), PigType.DOUBLE, sample.span());
        diagnostics.report(
                DiagnosticCode.PIG_W002, sample.span(), "SAMPLE keeps random rows: Pig and Flink keep different ones");
        SqlExpr keep = new SqlExpr.Binary(SqlExpr.BinaryOp.LT, SqlExpr.Call.of("RAND"), fraction.sql());
        return view(alias, sample.span(), SqlQuery.selectAll(input.sqlName()).withWhere(keep), input.fields());
    }

    /** RANK: a first field rank_alias; BY keys ranks ties equally with gaps (RANK) or without (DENSE). */
    private Relation rank(String alias, PigRelation.Rank rank) {
        if (rank.keys().isEmpty()) {
            return rowNumbers(alias, rank);
        }
        Relation.Named input = named(rank.input(), rank.span());
        List<OrderItem> ordering = ordering(rank.keys(), input);
        SqlExpr number = new SqlExpr.Over(SqlExpr.Call.of(rank.dense() ? "DENSE_RANK" : "RANK"), List.of(), ordering);
        return ranked(alias, rank, input, number);
    }

    /**
     * RANK without BY numbers the rows 1, 2, 3... in the order Pig holds them (POCounter counts each task's
     * rows, PORank adds the counts of the tasks before). Flink keeps an order only where the script ORDERs:
     * the rows of an ORDER (or ORDER ... LIMIT) are numbered by its keys, and the result stays in that order. Rows
     * whose place in the input Flink can know ({@link #positioned}) are numbered in Pig's input order; those of a
     * DISTINCT or a GROUP (by one key or several) in the order Pig's one reduce task writes them.
     */
    private Relation rowNumbers(String alias, PigRelation.Rank rank) {
        Relation input = relationOf(rank.input(), rank.span());
        Optional<Positioned> positioned = input instanceof Relation.Named named
                ? positioned(named.sqlName(), rank.input(), rank.span())
                : Optional.empty();
        if (positioned.isPresent()) {
            return inputNumbers(alias, rank, (Relation.Named) input, positioned.get());
        }
        // A GROUP's own rows (the key and its bag) are those its FOREACH would read: numbered by the key.
        Relation reducedInput = input instanceof Relation.Grouped ? named(rank.input(), rank.span()) : input;
        Optional<ReduceKeys> reduced =
                reducedInput instanceof Relation.Named named ? reduceOrder(named.sqlName()) : Optional.empty();
        if (reduced.isPresent()) {
            Relation.Named named = (Relation.Named) reducedInput;
            ReduceKeys keys = reduced.get();
            return reduceNumbers(
                    alias,
                    rank,
                    named,
                    shuffledKey(named, keys),
                    keys.grouped() && keys.keys().size() == 1);
        }
        PigRelation defined = storeTasks.relation(rank.input());
        if (defined instanceof PigRelation.Join) {
            // Pig 0.18's regular JOIN: the keys in the order of their bytes, but one key's rows as Hadoop's map-side
            // QuickSort (not stable) and the join packager leave them (measured: a01, a30, a29 ... a02 for a01..a30)
            throw ExprTranslator.unsupported(
                    rank.span(),
                    "RANK without BY of a JOIN numbers its rows as Pig's reduce writes them: the keys in the order of"
                            + " their bytes in the shuffle, but the rows of one key in the order Hadoop's sort (not"
                            + " stable) leaves them, which no order of their values or places gives; not translated"
                            + " (RANK it BY the fields that tell its rows apart, or ORDER it first)");
        }
        if (defined instanceof PigRelation.Cogroup cogroup
                && cogroup.groupInputs().size() > 1) {
            throw ExprTranslator.unsupported(
                    rank.span(),
                    "RANK without BY of a COGROUP numbers its rows by the key's bytes in Pig's shuffle, a null key"
                            + " once per input, the inputs in order, last; not translated yet (RANK it BY group, or"
                            + " ORDER it first)");
        }
        if (!(input instanceof Relation.Ordered ordered) || ordered.ordering().isEmpty()) {
            throw ExprTranslator.unsupported(
                    rank.span(),
                    "RANK without BY of a relation that is neither ORDERed nor a LOAD of text files (FILTERed,"
                            + " FOREACHed, FLATTENed or SAMPLEd row by row) numbers rows in Pig's input order, which Flink does not keep;"
                            + " not translated yet (ORDER it first, or RANK it BY a key)");
        }
        // An ORDER ... LIMIT n is numbered before the LIMIT and keeps the numbers up to n (Flink's top-N form).
        SqlExpr number = new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), List.of(), ordered.ordering());
        Select numbered = rankSelect(rank, ordered.input(), number);
        String rankName = numbered.items().get(0).alias();
        SqlQuery query = ordered.limit() == null
                ? numbered
                : Select.of(
                                List.of(new SelectItem(new SqlExpr.Star(), null)),
                                new SqlQuery.Derived(numbered, "numbered"))
                        .withWhere(new SqlExpr.Binary(
                                SqlExpr.BinaryOp.LE,
                                SqlExpr.ColumnRef.of(rankName),
                                SqlExpr.Literal.number(ordered.limit())));
        List<SourceSpan> spans = new ArrayList<>(ordered.spans());
        spans.add(rank.span());
        Relation.Named result = view(alias, spans, query, rankFields(rank, ordered.input(), rankName));
        return new Relation.Ordered(
                result,
                List.of(new OrderItem(SqlExpr.ColumnRef.of(rankName), false, true)),
                null,
                List.of(rank.span()));
    }

    /**
     * A relation's rows beside their place in Pig's input order: {@code path}, {@code size} and {@code record} are the
     * columns of {@code sqlName} holding each row's file, that file's size and the row's record number in it;
     * {@code input} and {@code inputSize}, for the rows of a UNION, the place of the row's LOAD in the script and the
     * size of all its files (null otherwise);
     * {@code elements}, one per FLATTEN of a bag on the way, the row's element's place in its bag.
     */
    private record Positioned(
            String sqlName,
            String path,
            String size,
            String record,
            String input,
            String inputSize,
            List<String> elements) {

        Positioned {
            elements = List.copyOf(elements);
        }

        /**
         * Pig's input order. Pig's split combination (MapRedUtil.getCombinePigSplits) sorts the input's splits by
         * size, largest first, keeping the listing order (a glob's or HDFS's sorted paths) among equal sizes, and a
         * map task reads each file's records in order; a file is one split below the split size (the block size).
         * A FLATTEN gives a row's elements in their bag's order, the last FLATTEN's fastest (POForEach's cross
         * product). A UNION's inputs are one job's inputs, each LOAD's files one combined split: the largest input
         * first (all its files' sizes), the earlier LOAD in the script among equal ones (measured on Pig 0.18).
         */
        List<OrderItem> inputOrder() {
            List<OrderItem> order = new ArrayList<>();
            if (input != null) {
                order.add(new OrderItem(SqlExpr.ColumnRef.of(inputSize), true, false));
                order.add(new OrderItem(SqlExpr.ColumnRef.of(input), false, false));
            }
            order.add(new OrderItem(SqlExpr.ColumnRef.of(size), true, false));
            order.add(new OrderItem(SqlExpr.ColumnRef.of(path), false, false));
            order.add(new OrderItem(SqlExpr.ColumnRef.of(record), false, false));
            elements.forEach(e -> order.add(new OrderItem(SqlExpr.ColumnRef.of(e), false, false)));
            return order;
        }

        /** Every position column: those of the file, the input's, then the elements'. */
        List<String> columns() {
            List<String> columns = new ArrayList<>(List.of(path, size, record));
            if (input != null) {
                columns.add(input);
                columns.add(inputSize);
            }
            columns.addAll(elements);
            return columns;
        }
    }

    /**
     * The rows of a table or view with their place in the input, when Flink can know it: a LOAD of text files
     * (PigStorage, TextLoader, JsonLoader's lines) read again through a table that knows each row's file, the file's size and the row's
     * record number (the runtime's pig-storage-numbered and json-numbered formats), and the views over it that keep or drop rows or
     * compute values row by row (FILTER, a FOREACH), FLATTEN bags (each element's place in its bag from UNNEST WITH
     * ORDINALITY) or SAMPLE them, each built again over the positioned input. The view built again replaces the
     * original for the RANK: {@link #superseded} keeps the original's name, so that it goes when nothing else reads it.
     */
    private Optional<Positioned> positioned(String sqlName, String alias, SourceSpan span) {
        if (positionedCopies.containsKey(sqlName)) {
            return Optional.of(positionedCopies.get(sqlName)); // a RANK before read it again: one copy serves both
        }
        Optional<Positioned> positioned = position(sqlName, alias, span);
        positioned.ifPresent(p -> positionedCopies.put(sqlName, p));
        return positioned;
    }

    private Optional<Positioned> position(String sqlName, String alias, SourceSpan span) {
        Optional<SqlJob.Table> table =
                sources.stream().filter(t -> t.name().equals(sqlName)).findFirst();
        if (table.isPresent()) {
            SqlJob.Table loaded = table.get();
            if (loaded.format() != SqlJob.FileFormat.PIG_STORAGE
                    && loaded.format() != SqlJob.FileFormat.TEXT_LINES
                    && loaded.format() != SqlJob.FileFormat.JSON) {
                return Optional.empty();
            }
            Names columnNames = new Names();
            loaded.columns().forEach(c -> columnNames.unique(c.name()));
            Positioned positioned = new Positioned(
                    tableName(alias + "_numbered"),
                    columnNames.unique("file_path"),
                    columnNames.unique("file_size"),
                    columnNames.unique("record_number"),
                    null,
                    null,
                    List.of());
            List<Column> columns = new ArrayList<>(loaded.columns());
            columns.add(new Column(positioned.path(), SqlType.STRING, Column.Origin.FILE_PATH));
            columns.add(new Column(positioned.size(), SqlType.BIGINT, Column.Origin.FILE_SIZE));
            columns.add(new Column(positioned.record(), SqlType.BIGINT, Column.Origin.RECORD_NUMBER));
            sources.add(SqlJob.Table.source(
                    positioned.sqlName(),
                    columns,
                    loaded.path(),
                    loaded.fieldDelimiter(),
                    // the LOAD's own span: it is that LOAD read again (verify points both tables at its input)
                    loaded.span(),
                    loaded.format(),
                    loaded.fileTag(),
                    null));
            order.add(positioned.sqlName());
            superseded.add(sqlName);
            return Optional.of(positioned);
        }
        Optional<SqlJob.View> view = view(sqlName);
        if (view.isPresent() && view.get().query() instanceof SqlQuery.UnionAll union) {
            return positionedUnion(sqlName, view.get(), union, span);
        }
        if (view.isEmpty()
                || !(view.get().query() instanceof Select select)
                || !(RowWise.is(select) || RowWise.isSample(select))) {
            return Optional.empty();
        }
        List<SqlQuery.Unnest> unnests = new ArrayList<>();
        SqlQuery.From from = select.from();
        while (from instanceof SqlQuery.Unnest unnest && !unnest.ordinality()) {
            unnests.add(0, unnest);
            from = unnest.input();
        }
        if (!(from instanceof SqlQuery.TableRef innermost) || innermost.alias() != null) {
            return Optional.empty();
        }
        Optional<Positioned> input = positioned(innermost.name(), innermost.name(), span);
        if (input.isEmpty()) {
            return Optional.empty();
        }
        Positioned in = input.get();
        Names columnNames = new Names();
        view.get().columns().forEach(c -> columnNames.unique(c.name()));
        unnests.forEach(u -> u.columns().forEach(columnNames::unique));
        List<String> positions = new ArrayList<>();
        in.columns().forEach(c -> positions.add(columnNames.unique(c)));
        // Each FLATTEN of a bag numbers its elements; the view's row is then placed by its input row and them.
        SqlQuery.From numberedFrom = new SqlQuery.TableRef(in.sqlName());
        List<String> elements = new ArrayList<>();
        for (SqlQuery.Unnest unnest : unnests) {
            String element = columnNames.unique(unnest.alias() + "_position");
            List<String> unnestColumns = new ArrayList<>(unnest.columns());
            unnestColumns.add(element);
            numberedFrom =
                    SqlQuery.Unnest.withOrdinality(numberedFrom, unnest.collection(), unnest.alias(), unnestColumns);
            elements.add(element);
        }
        int filePositions = in.input() == null ? 3 : 5;
        List<String> inputPositions = positions.subList(0, filePositions);
        List<String> elementPositions = new ArrayList<>(positions.subList(filePositions, positions.size()));
        elementPositions.addAll(elements);
        Positioned positioned = new Positioned(
                tableName(sqlName + "_numbered"),
                inputPositions.get(0),
                inputPositions.get(1),
                inputPositions.get(2),
                in.input() == null ? null : inputPositions.get(3),
                in.input() == null ? null : inputPositions.get(4),
                elementPositions);
        // Columns by name, never *: the position columns are metadata columns that * may leave out.
        List<SelectItem> items = new ArrayList<>();
        for (SelectItem item : select.items()) {
            if (item.expr() instanceof SqlExpr.Star) {
                view.get().columns().forEach(c -> items.add(new SelectItem(SqlExpr.ColumnRef.of(c.name()), null)));
            } else {
                items.add(item);
            }
        }
        List<String> inColumns = in.columns();
        for (int i = 0; i < inColumns.size(); i++) {
            String name = positions.get(i);
            items.add(new SelectItem(
                    SqlExpr.ColumnRef.of(inColumns.get(i)), inColumns.get(i).equals(name) ? null : name));
        }
        elements.forEach(e -> items.add(new SelectItem(SqlExpr.ColumnRef.of(e), null)));
        List<Column> columns = new ArrayList<>(view.get().columns());
        columns.add(new Column(positioned.path(), SqlType.STRING));
        columns.add(new Column(positioned.size(), SqlType.BIGINT));
        columns.add(new Column(positioned.record(), SqlType.BIGINT));
        if (positioned.input() != null) {
            columns.add(new Column(positioned.input(), SqlType.INT));
            columns.add(new Column(positioned.inputSize(), SqlType.BIGINT));
        }
        positioned.elements().forEach(e -> columns.add(new Column(e, SqlType.BIGINT)));
        Select query = Select.of(items, numberedFrom);
        views.add(new SqlJob.View(
                positioned.sqlName(),
                view.get().spans(),
                select.where() == null ? query : query.withWhere(select.where()),
                columns));
        order.add(positioned.sqlName());
        superseded.add(sqlName);
        if (!RowWise.is(select)) {
            samplesDrawnAgain.put(sqlName, span);
        }
        return Optional.of(positioned);
    }

    /** Drops the tables and views a RANK read again as numbered copies that nothing reads any more. */
    private void dropUnreadSuperseded() {
        boolean dropped = true;
        while (dropped) {
            Set<String> read = new HashSet<>();
            views.forEach(v -> read.addAll(TablesRead.of(v.query())));
            inserts.forEach(i -> read.addAll(TablesRead.of(i.query())));
            Set<String> unread = new HashSet<>(superseded);
            unread.removeAll(read);
            unread.retainAll(order);
            views.removeIf(v -> unread.contains(v.name()));
            sources.removeIf(t -> unread.contains(t.name()));
            order.removeAll(unread);
            dropped = !unread.isEmpty();
        }
        samplesDrawnAgain.forEach((sample, span) -> {
            if (order.contains(sample)) {
                diagnostics.report(
                        DiagnosticCode.PIG_W002,
                        span,
                        "RANK numbers a sample of its own: Flink draws the rows of '" + sample + "' again for the RANK,"
                                + " so they are not the rows its other readers get (Pig draws them once)",
                        "STORE the sample and LOAD it again to rank the same rows");
            }
        });
    }

    /**
     * The rows of a UNION with their place in Pig's input order, when each input's place is known: each input's rows
     * beside their positions and the input's place among the UNION's (one job reads them all, see
     * {@link Positioned#inputOrder}).
     */
    private Optional<Positioned> positionedUnion(
            String sqlName, SqlJob.View view, SqlQuery.UnionAll union, SourceSpan span) {
        List<Positioned> inputs = new ArrayList<>();
        List<Select> branches = new ArrayList<>();
        for (SqlQuery branch : union.inputs()) {
            if (!(branch instanceof Select select)
                    || !RowWise.is(select)
                    || select.where() != null
                    || !(select.from() instanceof SqlQuery.TableRef input)
                    || input.alias() != null) {
                return Optional.empty();
            }
            Optional<Positioned> positioned = positioned(input.name(), input.name(), span);
            if (positioned.isEmpty()
                    || positioned.get().input() != null
                    || positioned.get().elements().size()
                            != (inputs.isEmpty() ? positioned.get() : inputs.get(0))
                                    .elements()
                                    .size()) {
                return Optional.empty(); // a UNION of UNIONs, or inputs FLATTENed a different number of times
            }
            inputs.add(positioned.get());
            branches.add(select);
        }
        Names columnNames = new Names();
        view.columns().forEach(c -> columnNames.unique(c.name()));
        List<String> elements = new ArrayList<>();
        inputs.get(0).elements().forEach(e -> elements.add(columnNames.unique(e)));
        Positioned positioned = new Positioned(
                tableName(sqlName + "_numbered"),
                columnNames.unique("file_path"),
                columnNames.unique("file_size"),
                columnNames.unique("record_number"),
                columnNames.unique("input_number"),
                columnNames.unique("input_size"),
                elements);
        List<SqlQuery> selects = new ArrayList<>();
        for (int s = 0; s < branches.size(); s++) {
            Positioned in = inputs.get(s);
            String input = ((SqlQuery.TableRef) branches.get(s).from()).name();
            List<SelectItem> items = new ArrayList<>();
            for (SelectItem item : branches.get(s).items()) {
                if (item.expr() instanceof SqlExpr.Star) {
                    // Columns by name, never *: the input's numbered copy has its position columns too.
                    columnsOf(input).forEach(c -> items.add(new SelectItem(SqlExpr.ColumnRef.of(c), null)));
                } else {
                    items.add(item);
                }
            }
            items.add(positionItem(in.path(), positioned.path()));
            items.add(positionItem(in.size(), positioned.size()));
            items.add(positionItem(in.record(), positioned.record()));
            items.add(new SelectItem(SqlExpr.Literal.number(loadNumber(input)), positioned.input()));
            items.add(new SelectItem(loadSize(input), positioned.inputSize()));
            for (int e = 0; e < elements.size(); e++) {
                items.add(positionItem(in.elements().get(e), elements.get(e)));
            }
            selects.add(Select.of(items, new SqlQuery.TableRef(in.sqlName())));
        }
        List<Column> columns = new ArrayList<>(view.columns());
        columns.add(new Column(positioned.path(), SqlType.STRING));
        columns.add(new Column(positioned.size(), SqlType.BIGINT));
        columns.add(new Column(positioned.record(), SqlType.BIGINT));
        columns.add(new Column(positioned.input(), SqlType.INT));
        columns.add(new Column(positioned.inputSize(), SqlType.BIGINT));
        elements.forEach(e -> columns.add(new Column(e, SqlType.BIGINT)));
        views.add(new SqlJob.View(positioned.sqlName(), view.spans(), new SqlQuery.UnionAll(selects), columns));
        order.add(positioned.sqlName());
        superseded.add(sqlName);
        return Optional.of(positioned);
    }

    /**
     * The place among the script's LOADs of the one a table or view reads (1 for the first): among splits of one size,
     * Pig's job reads its inputs in the order of their LOADs in the script, whatever the UNION's order (measured on
     * Pig 0.18).
     */
    private int loadNumber(String sqlName) {
        return sources.indexOf(loadOf(sqlName)) + 1;
    }

    /** The size of all the files of the LOAD a table or view reads: its files' sizes added up, each file once. */
    private SqlExpr loadSize(String sqlName) {
        Positioned load = positionedCopies.get(loadOf(sqlName).name());
        Select files = Select.of(
                        List.of(
                                new SelectItem(SqlExpr.ColumnRef.of(load.path()), null),
                                new SelectItem(SqlExpr.ColumnRef.of(load.size()), null)),
                        new SqlQuery.TableRef(load.sqlName()))
                .withDistinct();
        return new SqlExpr.ScalarQuery(Select.of(
                List.of(new SelectItem(SqlExpr.Call.of("SUM", SqlExpr.ColumnRef.of(load.size())), null)),
                new SqlQuery.Derived(files, "files")));
    }

    /** The LOAD's table a table or view reads, through row-by-row views. */
    private SqlJob.Table loadOf(String sqlName) {
        for (SqlJob.Table source : sources) {
            if (source.name().equals(sqlName)) {
                return source;
            }
        }
        SqlQuery.From from = ((Select) view(sqlName).orElseThrow().query()).from();
        while (from instanceof SqlQuery.Unnest unnest) {
            from = unnest.input();
        }
        return loadOf(((SqlQuery.TableRef) from).name());
    }

    private static SelectItem positionItem(String column, String as) {
        return new SelectItem(SqlExpr.ColumnRef.of(column), column.equals(as) ? null : as);
    }

    /** The column names of a table or view of the job. */
    private List<String> columnsOf(String sqlName) {
        return Stream.concat(
                        sources.stream().filter(t -> t.name().equals(sqlName)).map(SqlJob.Table::columns),
                        view(sqlName).map(SqlJob.View::columns).stream())
                .findFirst()
                .orElseThrow()
                .stream()
                .map(Column::name)
                .toList();
    }

    /** A view (or none) of the job by its SQL name. */
    private Optional<SqlJob.View> view(String sqlName) {
        return views.stream().filter(v -> v.name().equals(sqlName)).findFirst();
    }

    /**
     * The keys of Pig's shuffle before a reduce, as columns of a view reading the reduce's rows: a GROUP's keys
     * ({@code grouped}: one key, or the fields of the key tuple of several), or a DISTINCT's every field (the key is the
     * whole row, a tuple).
     */
    private record ReduceKeys(List<OrderItem> keys, boolean grouped) {}

    /**
     * The keys by which Pig's reduce task writes the rows of a DISTINCT (every field), or of a FOREACH over a GROUP
     * (the group's key fields, which the FOREACH must pass on), and of the FILTERs and row-by-row FOREACHs after them,
     * ascending, nulls last (the order of their values; {@link #shuffledKey} makes it that of their bytes). Empty for
     * any other view, or keys that are bags, maps or tuples.
     */
    private Optional<ReduceKeys> reduceOrder(String sqlName) {
        Optional<SqlJob.View> view = view(sqlName);
        if (view.isEmpty()
                || !(view.get().query() instanceof Select select)
                || !(select.from() instanceof SqlQuery.TableRef from)
                || from.alias() != null) {
            return Optional.empty();
        }
        List<SqlExpr> keys = new ArrayList<>();
        boolean grouped;
        if (select.distinct() && select.groupBy().isEmpty() && select.where() == null) {
            view.get().columns().forEach(c -> keys.add(SqlExpr.ColumnRef.of(c.name())));
            grouped = false;
        } else if (!select.groupBy().isEmpty() && select.groupingSets().isEmpty() && select.having() == null) {
            List<SqlExpr> groupBy = select.groupBy().stream()
                    .filter(key -> !(key instanceof SqlExpr.Literal)) // GROUP ALL: one row
                    .toList();
            Optional<List<SqlExpr>> columns = groupKeyColumns(select, groupBy);
            if (columns.isEmpty()) {
                return Optional.empty();
            }
            keys.addAll(columns.get());
            grouped = true;
        } else if (RowWise.is(select)) {
            Optional<ReduceKeys> input = reduceOrder(from.name());
            if (input.isEmpty()) {
                return Optional.empty();
            }
            grouped = input.get().grouped();
            for (OrderItem item : input.get().keys()) {
                // a key column, or a field of the key tuple (a GROUP by several keys passed on as group)
                SqlExpr key = item.expr();
                String name = key instanceof SqlExpr.FieldAccess access
                        ? ((SqlExpr.ColumnRef) access.base()).name()
                        : ((SqlExpr.ColumnRef) key).name();
                Optional<String> column = select.items().stream()
                        .filter(i ->
                                i.expr() instanceof SqlExpr.Star || i.expr().equals(SqlExpr.ColumnRef.of(name)))
                        .map(i -> i.alias() != null ? i.alias() : name)
                        .findFirst();
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                keys.add(
                        key instanceof SqlExpr.FieldAccess access
                                ? new SqlExpr.FieldAccess(SqlExpr.ColumnRef.of(column.get()), access.field())
                                : SqlExpr.ColumnRef.of(column.get()));
            }
        } else {
            return Optional.empty();
        }
        boolean scalar = view.get().columns().stream()
                .filter(c -> keys.stream().anyMatch(k -> keyColumn(k).equals(c.name())))
                .allMatch(c -> c.type() instanceof SqlType.Row row
                        ? row.fields().stream().allMatch(f -> scalar(f.type()))
                        : scalar(c.type()));
        if (!scalar) {
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            // One row (GROUP ALL): any column orders it.
            keys.add(SqlExpr.ColumnRef.of(view.get().columns().get(0).name()));
        }
        return Optional.of(new ReduceKeys(
                keys.stream().map(k -> new OrderItem(k, false, false)).toList(), grouped));
    }

    /**
     * The view's columns holding a GROUP's keys: a column per key, or, for a GROUP by several keys, the fields of the
     * key tuple in key order (Pig's shuffle sorts the tuple field by field). Empty when a key is not selected as such.
     */
    private static Optional<List<SqlExpr>> groupKeyColumns(Select select, List<SqlExpr> groupBy) {
        List<SqlExpr> columns = new ArrayList<>();
        for (SqlExpr key : groupBy) {
            Optional<SqlExpr> column = select.items().stream()
                    .filter(item -> item.expr().equals(key))
                    .map(item -> (SqlExpr) SqlExpr.ColumnRef.of(
                            item.alias() != null ? item.alias() : ((SqlExpr.ColumnRef) key).name()))
                    .findFirst();
            if (column.isEmpty()) {
                Optional<SelectItem> tuple = select.items().stream()
                        .filter(item -> item.alias() != null
                                && item.expr() instanceof SqlExpr.RowOf row
                                && row.fields().equals(groupBy))
                        .findFirst();
                if (tuple.isEmpty()) {
                    return Optional.empty();
                }
                for (int i = 0; i < groupBy.size(); i++) {
                    columns.add(new SqlExpr.FieldAccess(
                            SqlExpr.ColumnRef.of(tuple.get().alias()), "EXPR$" + i));
                }
                return Optional.of(columns);
            }
            columns.add(column.get());
        }
        return Optional.of(columns);
    }

    private static String keyColumn(SqlExpr key) {
        return key instanceof SqlExpr.FieldAccess access
                ? ((SqlExpr.ColumnRef) access.base()).name()
                : ((SqlExpr.ColumnRef) key).name();
    }

    private static boolean scalar(SqlType type) {
        return !(type instanceof SqlType.Array
                || type instanceof SqlType.Map
                || type instanceof SqlType.Row
                || type instanceof SqlType.Multiset);
    }

    /**
     * The order of a reduce's rows by the bytes Pig's shuffle sorts, not by the values (an int's negatives after its
     * positives, a chararray by its length first), as a STORE of them is ordered ({@link #shuffleOrder}): one GROUP key
     * as its Writable (PIG_SHUFFLE_KEY); the key tuple of a GROUP by several keys, or a DISTINCT's row, as Pig's
     * BinInterSedes writes a tuple (PIG_SHUFFLE_TUPLE: 0 before 1 before the other ints, a null field between the
     * types). The keys by their values where a key's type is not one whose bytes the runtime writes.
     */
    private List<OrderItem> shuffledKey(Relation.Named input, ReduceKeys reduce) {
        List<OrderItem> keys = reduce.keys();
        List<PigType> types = keys.stream().map(k -> keyType(input, k.expr())).toList();
        if (keys.isEmpty() || !SHUFFLE_KEY_TYPES.containsAll(types)) {
            return keys;
        }
        List<SqlExpr> fields = keys.stream().map(OrderItem::expr).toList();
        SqlExpr key = reduce.grouped() && keys.size() == 1
                ? SqlExpr.Call.of("PIG_SHUFFLE_KEY", fields.get(0))
                : new SqlExpr.Call("PIG_SHUFFLE_TUPLE", fields);
        return List.of(new OrderItem(key, false, false));
    }

    /**
     * The Pig type of a reduce key of a relation: a field's, or that of a field of a key tuple ({@code
     * group.EXPR$i}); null where not known.
     */
    private static PigType keyType(Relation.Named input, SqlExpr key) {
        String column = keyColumn(key);
        Optional<Field> field =
                input.fields().stream().filter(f -> f.sqlName().equals(column)).findFirst();
        if (field.isEmpty() || !(key instanceof SqlExpr.FieldAccess access)) {
            return field.map(Field::type).orElse(null);
        }
        Inner inner = field.get().inner();
        int index = access.field().startsWith("EXPR$")
                ? Integer.parseInt(access.field().substring("EXPR$".length()))
                : -1;
        return inner == null || index < 0 || index >= inner.tupleTypes().size()
                ? null
                : inner.tupleTypes().get(index);
    }

    /**
     * RANK without BY of a DISTINCT's or GROUP's rows: ROW_NUMBER in the order Pig's one reduce task writes them;
     * {@code oneKey} when that is one GROUP key's order, which Pig's multi-query plan may change.
     */
    private Relation reduceNumbers(
            String alias, PigRelation.Rank rank, Relation.Named input, List<OrderItem> reduceOrder, boolean oneKey) {
        diagnostics.report(
                DiagnosticCode.PIG_W006,
                rank.span(),
                "RANK without BY numbers the rows of '" + rank.input() + "' in the order Pig's reduce task writes them"
                        + " (by their keys' bytes in its shuffle): as Pig does with one reduce task; with PARALLEL or"
                        + " default_parallel above 1 Pig numbers each reduce task's rows in turn"
                        + (oneKey && storeTasks.mayShareShuffle(rank.input())
                                ? "; the GROUP's input is also read by another GROUP, JOIN or DISTINCT, which Pig's"
                                        + " multi-query plan may run in the same job, writing the key as a tuple where"
                                        + " their keys' types differ (another order)"
                                : ""),
                "RANK BY the key fields to make the numbering independent of Pig's plan");
        SqlExpr number = new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), List.of(), reduceOrder);
        Select query = rankSelect(rank, input, number);
        String rankName = query.items().get(0).alias();
        Relation.Named result = view(alias, rank.span(), query, rankFields(rank, input, rankName));
        return new Relation.Ordered(
                result,
                List.of(new OrderItem(SqlExpr.ColumnRef.of(rankName), false, true)),
                null,
                List.of(rank.span()));
    }

    /** RANK without BY of rows whose place in the input is known: ROW_NUMBER in Pig's input order. */
    private Relation inputNumbers(String alias, PigRelation.Rank rank, Relation.Named input, Positioned positioned) {
        SqlExpr number = new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), List.of(), positioned.inputOrder());
        Names names = new Names();
        input.fields().forEach(f -> names.unique(f.sqlName()));
        String rankName = names.unique("rank_" + rank.input());
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem(new SqlExpr.Cast(number, SqlType.BIGINT, false), rankName));
        input.fields().forEach(f -> items.add(new SelectItem(SqlExpr.ColumnRef.of(f.sqlName()), null)));
        Relation.Named result = view(
                alias,
                rank.span(),
                Select.of(items, new SqlQuery.TableRef(positioned.sqlName())),
                rankFields(rank, input, rankName));
        return new Relation.Ordered(
                result,
                List.of(new OrderItem(SqlExpr.ColumnRef.of(rankName), false, true)),
                null,
                List.of(rank.span()));
    }

    /** The input's rows behind a first field rank_input, the given number. */
    private Relation.Named ranked(String alias, PigRelation.Rank rank, Relation.Named input, SqlExpr number) {
        Select query = rankSelect(rank, input, number);
        return view(
                alias,
                rank.span(),
                query,
                rankFields(rank, input, query.items().get(0).alias()));
    }

    private Select rankSelect(PigRelation.Rank rank, Relation.Named input, SqlExpr number) {
        Names names = new Names();
        input.fields().forEach(f -> names.unique(f.sqlName()));
        String rankName = names.unique("rank_" + rank.input());
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem(new SqlExpr.Cast(number, SqlType.BIGINT, false), rankName));
        items.add(new SelectItem(new SqlExpr.Star(), null));
        return Select.of(items, new SqlQuery.TableRef(input.sqlName()));
    }

    private static List<Field> rankFields(PigRelation.Rank rank, Relation.Named input, String rankName) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("rank_" + rank.input(), null, rankName, PigType.LONG));
        fields.addAll(input.fields());
        return fields;
    }

    /** More grouping sets than this (a CUBE of 8 dimensions is 256) is a TODO rather than a wide UNION ALL. */
    private static final int MAX_GROUPING_SETS = 256;

    /**
     * CUBE / ROLLUP as Pig runs it (CubeDimensions, RollupDimensions): every input row once per grouping set,
     * a rolled-up dimension null and a kept one 'unknown' where the row's value is null, then a GROUP of those
     * rows by the dimensions whose bag, {@code cube}, holds the dimensions and then the input's fields (so
     * {@code COUNT(cube)}, which counts non-null first fields, is 0 where the first dimension is rolled up,
     * as in Pig). Dimensions are chararrays: Pig writes 'unknown' in them whatever their declared type.
     */
    private Relation cube(String alias, PigRelation.Cube cube) {
        Relation.Named input = named(cube.input(), cube.span());
        Scope scope = scope(input);
        List<Value.Scalar> dimensions = new ArrayList<>();
        List<String> dimensionNames = new ArrayList<>();
        List<List<Boolean>> sets = List.of(List.of());
        for (PigRelation.CubeDimensions clause : cube.dimensions()) {
            int first = dimensions.size();
            for (PigExpr key : clause.keys()) {
                dimensions.add(expressions.cast(expressions.scalar(key, scope), PigType.CHARARRAY, cube.span()));
                dimensionNames.add(key instanceof PigExpr.FieldRef ref ? ref.name() : null);
            }
            int count = dimensions.size() - first;
            // ROLLUP(a, b): (a, b), (a), (); CUBE(a, b): every subset.
            List<List<Boolean>> kept = new ArrayList<>();
            if (clause.rollup()) {
                for (int n = count; n >= 0; n--) {
                    List<Boolean> set = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        set.add(i < n);
                    }
                    kept.add(set);
                }
            } else {
                for (int mask = (1 << Math.min(count, 16)) - 1; mask >= 0; mask--) {
                    List<Boolean> set = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        set.add((mask & (1 << (count - 1 - i))) != 0);
                    }
                    kept.add(set);
                }
            }
            if ((long) sets.size() * kept.size() > MAX_GROUPING_SETS || count > 16) {
                throw ExprTranslator.unsupported(
                        cube.span(),
                        "a CUBE of more than " + MAX_GROUPING_SETS + " grouping sets is not translated yet");
            }
            List<List<Boolean>> product = new ArrayList<>();
            for (List<Boolean> set : sets) {
                for (List<Boolean> more : kept) {
                    List<Boolean> joined = new ArrayList<>(set);
                    joined.addAll(more);
                    product.add(joined);
                }
            }
            sets = product;
        }
        Names names = new Names();
        List<Field> fields = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            String name = dimensionNames.get(d);
            fields.add(new Field(
                    name, null, names.unique(name != null ? name : "dimension_" + (d + 1)), PigType.CHARARRAY));
        }
        List<Field> dimensionFields = List.copyOf(fields);
        for (Field field : input.fields()) {
            fields.add(new Field(
                    field.pigName(),
                    cube.input(),
                    names.unique(field.sqlName()),
                    field.type(),
                    field.restDelimiter(),
                    field.inner()));
        }
        List<SqlQuery> branches = new ArrayList<>();
        for (List<Boolean> set : sets) {
            List<SelectItem> items = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                SqlExpr value = set.get(d)
                        ? SqlExpr.Call.of("COALESCE", dimensions.get(d).sql(), SqlExpr.Literal.text("unknown"))
                        : new SqlExpr.Cast(SqlExpr.Literal.NULL, SqlType.STRING, false);
                items.add(new SelectItem(value, fields.get(d).sqlName()));
            }
            for (int i = 0; i < input.fields().size(); i++) {
                String from = input.fields().get(i).sqlName();
                String to = fields.get(dimensions.size() + i).sqlName();
                items.add(new SelectItem(SqlExpr.ColumnRef.of(from), from.equals(to) ? null : to));
            }
            branches.add(Select.of(items, new SqlQuery.TableRef(input.sqlName())));
        }
        Relation.Named expanded = view(
                alias, cube.span(), branches.size() == 1 ? branches.get(0) : new SqlQuery.UnionAll(branches), fields);
        List<SqlExpr> keys = dimensionFields.stream()
                .map(f -> (SqlExpr) SqlExpr.ColumnRef.of(f.sqlName()))
                .toList();
        return new Relation.Grouped(expanded, "cube", keys, dimensionFields, cube.span());
    }

    private List<OrderItem> ordering(List<PigRelation.OrderKey> keys, Relation.Named input) {
        Scope scope = scope(input);
        List<OrderItem> ordering = new ArrayList<>();
        for (PigRelation.OrderKey key : keys) {
            if (key.expr() instanceof PigExpr.Star star) {
                // ORDER BY *: every field in order.
                for (Value.Scalar value : scope.star(star.span())) {
                    ordering.add(OrderItem.pig(BigNumbers.sortKey(value), key.descending()));
                }
                continue;
            }
            ordering.add(OrderItem.pig(BigNumbers.sortKey(expressions.scalar(key.expr(), scope)), key.descending()));
        }
        return ordering;
    }

    /** ORDER folds into its reader: Flink keeps no order in a view, only in the INSERT that writes it. */
    private Relation order(String alias, PigRelation.Order order) {
        Relation.Named input = named(order.input(), order.span());
        return new Relation.Ordered(input, ordering(order.keys(), input), null, List.of(order.span()));
    }

    /**
     * A LIMIT count of int and long literals ({@code LIMIT b 1000/10}), folded as Pig computes it: Java
     * arithmetic, in int while both sides are int. Empty for anything else, or a division by zero (Pig's null).
     */
    static OptionalLong constantCount(PigExpr count) {
        if (count instanceof PigExpr.Literal literal && literal.value() instanceof Number n) {
            return OptionalLong.of(n.longValue());
        }
        if (count instanceof PigExpr.Negate negate) {
            OptionalLong inner = constantCount(negate.expr());
            boolean isInt = isIntCount(negate.expr());
            return inner.isEmpty() ? inner : OptionalLong.of(isInt ? -(int) inner.getAsLong() : -inner.getAsLong());
        }
        if (count instanceof PigExpr.Binary binary) {
            OptionalLong left = constantCount(binary.left());
            OptionalLong right = constantCount(binary.right());
            if (left.isEmpty() || right.isEmpty()) {
                return OptionalLong.empty();
            }
            long l = left.getAsLong();
            long r = right.getAsLong();
            if ((binary.op() == PigExpr.BinaryOp.DIVIDE || binary.op() == PigExpr.BinaryOp.MODULO) && r == 0) {
                return OptionalLong.empty();
            }
            boolean isInt = isIntCount(binary.left()) && isIntCount(binary.right());
            OptionalLong folded = switch (binary.op()) {
                case ADD -> OptionalLong.of(isInt ? (int) l + (int) r : l + r);
                case SUBTRACT -> OptionalLong.of(isInt ? (int) l - (int) r : l - r);
                case MULTIPLY -> OptionalLong.of(isInt ? (int) l * (int) r : l * r);
                case DIVIDE -> OptionalLong.of(isInt ? (int) l / (int) r : l / r);
                case MODULO -> OptionalLong.of(isInt ? (int) l % (int) r : l % r);
                default -> OptionalLong.empty();
            };
            return folded;
        }
        return OptionalLong.empty();
    }

    /** True when a folded LIMIT count is an int in Pig (int literals only), so that it wraps as an int. */
    private static boolean isIntCount(PigExpr count) {
        if (count instanceof PigExpr.Literal literal) {
            return literal.value() instanceof Integer;
        }
        if (count instanceof PigExpr.Negate negate) {
            return isIntCount(negate.expr());
        }
        return count instanceof PigExpr.Binary binary && isIntCount(binary.left()) && isIntCount(binary.right());
    }

    /** LIMIT folds into the STORE that reads it; read by anything else, it is a view with ORDER BY ... LIMIT. */
    private Relation limit(String alias, PigRelation.Limit limit) {
        if (constantCount(limit.count()).isEmpty()) {
            return limitByScalar(alias, limit);
        }
        long count = limitCount(limit.count());
        Relation input = relationOf(limit.input(), limit.span());
        Relation.Ordered result;
        if (input instanceof Relation.Ordered ordered && ordered.limit() == null) {
            List<SourceSpan> spans = new ArrayList<>(ordered.spans());
            spans.add(limit.span());
            result = new Relation.Ordered(ordered.input(), ordered.ordering(), count, spans);
        } else {
            Relation.Named named = named(limit.input(), limit.span());
            diagnostics.report(
                    DiagnosticCode.PIG_W002,
                    limit.span(),
                    "LIMIT without ORDER keeps arbitrary rows: Pig and Flink may keep different ones",
                    "ORDER the relation first if the choice matters");
            result = new Relation.Ordered(named, List.of(), count, List.of(limit.span()));
        }
        if (!uses.onlyConsumerIsStore(statementIndex) && !uses.onlyConsumerIsRankWithoutBy(statementIndex)) {
            materialize(alias, result);
        }
        return result;
    }

    /**
     * {@code LIMIT a c.n / 10}: a count Pig computes from scalars (one-row relations) when the job runs.
     * Flink's FETCH takes a literal only, so the rows are numbered in the ORDER's order (any order for an
     * unordered input: Pig keeps arbitrary rows too) and kept while the number is at most the count.
     */
    private Relation limitByScalar(String alias, PigRelation.Limit limit) {
        Relation input = relationOf(limit.input(), limit.span());
        Relation.Named rows;
        List<OrderItem> ordering;
        if (input instanceof Relation.Ordered ordered
                && ordered.limit() == null
                && !ordered.ordering().isEmpty()) {
            rows = ordered.input();
            ordering = ordered.ordering();
        } else {
            rows = named(limit.input(), limit.span());
            ordering = arbitraryOrder(rows);
            diagnostics.report(
                    DiagnosticCode.PIG_W002,
                    limit.span(),
                    "LIMIT without ORDER keeps arbitrary rows: Pig and Flink may keep different ones",
                    "ORDER the relation first if the choice matters");
        }
        Value.Scalar count = expressions.scalar(limit.count(), scope(rows));
        if (limit.count() instanceof PigExpr.Param) {
            // LIMIT a $N: Pig substitutes the parameter's text before parsing, so the count is the number literal the
            // value spells; the runner substitutes the same text into the SQL.
            count = new Value.Scalar(count.sql(), PigType.LONG);
        }
        if (count.type() != PigType.INT && count.type() != PigType.LONG) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    limit.count().span(),
                    "a LIMIT count must be an int or a long, found "
                            + count.type().keyword()));
        }
        Names names = new Names();
        rows.fields().forEach(f -> names.unique(f.sqlName()));
        String number = names.unique("row_number");
        List<SelectItem> numberedItems = new ArrayList<>();
        numberedItems.add(new SelectItem(new SqlExpr.Over(SqlExpr.Call.of("ROW_NUMBER"), List.of(), ordering), number));
        numberedItems.add(new SelectItem(new SqlExpr.Star(), null));
        Select numbered = Select.of(numberedItems, new SqlQuery.TableRef(rows.sqlName()));
        Select query = Select.of(
                        rows.fields().stream()
                                .map(f -> new SelectItem(SqlExpr.ColumnRef.of(f.sqlName()), null))
                                .toList(),
                        new SqlQuery.Derived(numbered, "numbered"))
                .withWhere(new SqlExpr.Binary(SqlExpr.BinaryOp.LE, SqlExpr.ColumnRef.of(number), count.sql()));
        List<SourceSpan> spans =
                input instanceof Relation.Ordered ordered ? new ArrayList<>(ordered.spans()) : new ArrayList<>();
        spans.add(limit.span());
        Relation.Named result = view(alias, spans, query, rows.fields());
        return input instanceof Relation.Ordered
                ? new Relation.Ordered(result, ordering, null, List.of(limit.span()))
                : result;
    }

    /**
     * An order for rows Pig keeps arbitrarily (a LIMIT without ORDER): the first field that SQL can sort, with
     * nulls last, so that the kept rows are deterministic. Empty when no field can be sorted (any order is fine).
     */
    private static List<OrderItem> arbitraryOrder(Relation.Named rows) {
        return rows.fields().stream()
                .filter(f -> PigTypes.columnType(f.type())
                        .filter(t -> t instanceof SqlType.Primitive || t instanceof SqlType.Decimal)
                        .isPresent())
                .limit(1)
                .map(f -> new OrderItem(SqlExpr.ColumnRef.of(f.sqlName()), false, false))
                .toList();
    }

    private static long limitCount(PigExpr count) {
        OptionalLong constant = constantCount(count);
        if (constant.isPresent()) {
            return constant.getAsLong();
        }
        throw ExprTranslator.unsupported(
                count.span(), "LIMIT by an expression (a scalar of another relation) is not translated yet");
    }

    private void store(PigStatement.Store store) {
        FuncSpec function = store.function() == null ? null : loaders.resolved(store.function());
        if (HCatalog.stores(function)) {
            hcatStore(store, function);
            return;
        }
        StorageFunctions.Storage storage;
        try {
            storage = StorageFunctions.store(loaders.resolved(store.function()), store.path());
        } catch (TranslationError noFlinkFormat) {
            // A StoreFunc Flink has no format for: the runtime's adapter runs it, if it is one the adapter runs.
            FuncSpec storer = store.function() == null
                    ? null
                    : loaders.storer(store.function()).orElse(null);
            if (storer == null) {
                throw noFlinkFormat;
            }
            adaptedStore(store, storer);
            return;
        }
        String delimiter = delimiter(storage);
        Written written = written(store.alias(), store.span(), storage, delimiter);
        List<String> notes = new ArrayList<>(storage.notes());
        if (storeTasks.severalReduceTasks(store)) {
            notes.add(PigFunctionTable.DIFFERS
                    + "Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row"
                    + " in the task its partitioner picks by the key's hash; the translation writes Flink's tasks'"
                    + " files, the same rows otherwise spread");
        }
        StoredSchema.Result schema = StorageFunctions.storesSchema(store.function())
                ? StoredSchema.of(written.ordered().input().fields(), written.ordered(), storeTasks.writesOrder(store))
                : new StoredSchema.Result(null, null);
        if (schema.differs() != null) {
            notes.add(PigFunctionTable.DIFFERS + schema.differs());
        }
        notes.forEach(note -> expressions.warnDiffers(
                store.span(),
                store.function() == null ? "PigStorage" : store.function().simpleName(),
                note));
        insert(
                store,
                written.input(),
                written.ordered(),
                written.query(),
                schema.files(),
                (sink, path, sorted) -> SqlJob.Table.sink(
                        sink, written.columns(), path, delimiter, sorted, store.span(), storage.format(), null));
    }

    /**
     * {@code STORE x INTO 'db.table' USING HCatStorer('k=v,...')}: the rows written to the Hive table's files, into
     * the partition the argument names (the INSERT's PARTITION clause) or, for the keys it leaves out, into the
     * partition each row's own key fields name. HCatStorer matches the stored fields to the table's columns by name:
     * they must be its columns, then the partition keys the argument leaves out, in that order.
     */
    private void hcatStore(PigStatement.Store store, FuncSpec storer) {
        HCatalog.Table hcat = HCatalog.table(bindParameters(store.path(), parameters), storer, hiveTables);
        HiveTable table = hcat.table();
        if (table.partitionKeys().isEmpty()) {
            throw ExprTranslator.unsupported(
                    storer.span(),
                    "HCatStorer into the unpartitioned table '" + table.qualifiedName() + "' is not translated yet:"
                            + " HCatStorer adds files to the table's directory, the job refuses an output directory"
                            + " that exists (as Pig's STORE does)");
        }
        List<SqlJob.PartitionValue> partition = HCatalog.partition(withParameters(storer), table);
        Relation input = relationOf(store.alias(), store.span());
        Relation.Ordered ordered = ordered(store.alias(), store.span(), input);
        Relation.Named source = ordered.input();
        Set<String> fixed = new java.util.HashSet<>();
        partition.forEach(p -> fixed.add(p.key()));
        List<HiveTable.Column> written = new ArrayList<>(table.columns());
        table.partitionKeys().stream().filter(k -> !fixed.contains(k.name())).forEach(written::add);
        List<String> names = Field.schemaNames(source.fields());
        List<String> expected = written.stream().map(HiveTable.Column::name).toList();
        boolean matches = names.size() == expected.size();
        for (int i = 0; matches && i < names.size(); i++) {
            matches = names.get(i) != null && names.get(i).equalsIgnoreCase(expected.get(i));
        }
        if (!matches) {
            throw ExprTranslator.unsupported(
                    store.span(),
                    "HCatStorer writes the stored fields by name: '" + store.alias() + "' has ("
                            + names.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                            + "), the table '" + table.qualifiedName() + "' takes (" + String.join(", ", expected)
                            + "): its columns, then the partition keys the argument leaves out; other fields are not"
                            + " translated yet, GENERATE them in that order");
        }
        List<SelectItem> items = new ArrayList<>();
        boolean rewritten = false;
        for (int i = 0; i < written.size(); i++) {
            Field field = source.fields().get(i);
            HiveTable.Column column = written.get(i);
            SqlExpr value = HCatalog.stored(field, column, table, store.span());
            rewritten |= !sameColumn(value, column.name());
            items.add(new SelectItem(value, sameColumn(value, column.name()) ? null : column.name()));
        }
        List<Column> columns = new ArrayList<>();
        for (HiveTable.Column column : table.columns()) {
            columns.add(new Column(column.name(), columnOf(column, table, store.span())));
        }
        for (HiveTable.Column key : table.partitionKeys()) {
            columns.add(new Column(key.name(), columnOf(key, table, store.span())));
        }
        StorageFunctions.Storage storage = hcat.storage();
        storage.notes().forEach(note -> expressions.warnDiffers(store.span(), storer.simpleName(), note));
        String sink = tableName(store.alias() + "_store");
        sinks.add(SqlJob.Table.sink(
                sink,
                columns,
                table.location(),
                delimiter(storage),
                false,
                store.span(),
                storage.format(),
                hcat.layout()
                        .registeredIn(HCatalog.registration(
                                withoutSecrets(hiveTables.source().orElseThrow(), storer.span()), table))));
        order.add(sink);
        Select query = rewritten
                ? Select.of(items, new SqlQuery.TableRef(source.sqlName()))
                : SqlQuery.selectAll(source.sqlName());
        inserts.add(new SqlJob.Insert(
                sink,
                query.withOrder(ordered.ordering(), ordered.limit()),
                store.span(),
                ordered.spans(),
                false,
                partition));
        storedPaths.put(storePath(table.location()), input);
    }

    /** The column type of a Hive column: that of the Pig type HCatLoader gives it. */
    private static SqlType columnOf(HiveTable.Column column, HiveTable table, SourceSpan span) {
        return PigTypes.columnType(HCatalog.pigType(column, table, span)).orElseThrow();
    }

    /**
     * {@code DUMP alias}: the rows Pig prints, one {@code (f1,f2,...)} line each (TupleFormat), go to a sink that
     * prints them so: its fields are those PigStorage(',') writes.
     */
    private void dump(PigStatement.Command dump) {
        String alias = dump.argument();
        StorageFunctions.Storage storage = new StorageFunctions.Storage(
                SqlJob.FileFormat.PIG_STORAGE, ",", SqlJob.FileTag.NONE, List.of(), List.of());
        Written written = written(alias, dump.span(), storage, ",");
        String sink = tableName(alias + "_dump");
        sinks.add(SqlJob.Table.dump(sink, written.columns(), dump.span()));
        order.add(sink);
        Relation.Ordered ordered = written.ordered();
        inserts.add(new SqlJob.Insert(
                sink, written.query().withOrder(ordered.ordering(), ordered.limit()), dump.span(), ordered.spans()));
    }

    /**
     * What a STORE or DUMP writes of a relation: its columns and the query that gives them (the ORDER and LIMIT it
     * ends with not yet applied).
     */
    private record Written(Relation input, Relation.Ordered ordered, List<Column> columns, Select query) {}

    private Written written(String alias, SourceSpan span, StorageFunctions.Storage storage, String delimiter) {
        Relation input = relationOf(alias, span);
        Relation.Ordered ordered = ordered(alias, span, input);
        Relation.Named source = ordered.input();
        List<Column> columns = new ArrayList<>();
        List<SelectItem> items = new ArrayList<>();
        boolean rewritten = false;
        List<String> schemaNames = Field.schemaNames(source.fields());
        for (int i = 0; i < source.fields().size(); i++) {
            Field field = source.fields().get(i);
            SqlExpr value = SqlExpr.ColumnRef.of(field.sqlName());
            if (TypedFileColumns.carriesTypes(storage.format())) {
                // Avro and ORC hold tuples, bags and maps as records, arrays and maps, with Pig's names inside.
                SqlType type = TypedFileColumns.stored(field, span, storage.format());
                columns.add(new Column(field.sqlName(), type));
                SqlExpr stored = TypedFileColumns.storedValue(field, value, type, storage.format());
                items.add(
                        stored != null
                                ? new SelectItem(stored, field.sqlName())
                                : new SelectItem(value, sameColumn(value, field.sqlName()) ? null : field.sqlName()));
                rewritten |= stored != null;
                continue;
            }
            if (storage.format() == SqlJob.FileFormat.JSON && JsonMaps.written(field)) {
                // JsonStorage writes a map as an object of its values' text, in Pig's HashMap order.
                String key = jsonKey(field, schemaNames.get(i), span);
                columns.add(new Column(key, PigTypes.LOADED_MAP));
                items.add(new SelectItem(SqlExpr.Call.of("PIG_JSON_MAP", value), key));
                rewritten = true;
                continue;
            }
            boolean jsonObject = storage.format() == SqlJob.FileFormat.JSON
                    && (field.type() == PigType.TUPLE || field.type() == PigType.BAG);
            if (PigTypes.storedAsText(field.type()) && storage.format() == SqlJob.FileFormat.JSON && !jsonObject) {
                throw ExprTranslator.unsupported(
                        span,
                        "JsonStorage of a " + field.type().keyword() + " field ('" + field.sqlName()
                                + "') is not translated yet");
            }
            if (jsonObject) {
                // JsonStorage writes a tuple as an object and a bag as an array of objects, keyed by Pig's names.
                String key = jsonKey(field, schemaNames.get(i), span);
                SqlType type = TypedFileColumns.stored(field, span, storage.format());
                columns.add(new Column(key, type));
                items.add(new SelectItem(TypedFileColumns.storedValue(field, value, type, storage.format()), key));
                rewritten = true;
                continue;
            }
            if (storage.format() == SqlJob.FileFormat.JSON && !field.sqlName().equals(schemaNames.get(i))) {
                // JsonStorage writes Pig's field names (alias::name after a JOIN) as the keys.
                columns.add(new Column(jsonKey(field, schemaNames.get(i), span), columnType(field, span)));
                items.add(new SelectItem(value, schemaNames.get(i)));
                rewritten = true;
                continue;
            }
            if (PigTypes.storedAsText(field.type())) {
                // Element types of a bag, tuple or map are known to the planner only: the runtime writes Pig's text
                // form.
                columns.add(new Column(field.sqlName(), SqlType.STRING));
                items.add(new SelectItem(SqlExpr.Call.of("PIG_TEXT", value), field.sqlName()));
                rewritten = true;
                continue;
            }
            if (field.isRowArray()) {
                // A row of unknown width: as many fields as it has, joined by the STORE's delimiter.
                columns.add(new Column(field.sqlName(), SqlType.STRING));
                items.add(new SelectItem(RowArray.joined(value, delimiter), field.sqlName()));
                rewritten = true;
                continue;
            }
            columns.add(new Column(field.sqlName(), columnType(field, span)));
            if (field.isRest() && !field.restDelimiter().equals(delimiter)) {
                // The line of a LOAD without AS is written field by field with the STORE's delimiter.
                value = SqlExpr.Call.of(
                        "REPLACE", value, SqlExpr.Literal.text(field.restDelimiter()), SqlExpr.Literal.text(delimiter));
                rewritten = true;
            }
            items.add(new SelectItem(value, sameColumn(value, field.sqlName()) ? null : field.sqlName()));
        }
        Select query = rewritten
                ? Select.of(items, new SqlQuery.TableRef(source.sqlName()))
                : SqlQuery.selectAll(source.sqlName());
        return new Written(input, ordered, columns, query);
    }

    /**
     * {@code STORE alias INTO path USING storer}: a table the runtime's adapter writes by running the StoreFunc, one
     * column per stored field, each with its Pig type.
     */
    private void adaptedStore(PigStatement.Store store, FuncSpec storer) {
        Relation input = relationOf(store.alias(), store.span());
        Relation.Ordered ordered = ordered(store.alias(), store.span(), input);
        Relation.Named source = ordered.input();
        List<Column> columns = new ArrayList<>();
        for (Field field : source.fields()) {
            if (field.isRest()) {
                throw ExprTranslator.unsupported(
                        store.span(),
                        "STORE with the Pig StoreFunc " + storer.name() + " of a LOAD without AS is not translated"
                                + " yet: the adapter passes the StoreFunc typed fields; declare them with AS (...)");
            }
        }
        SqlJob.StoreFunction function = loaders.storeFunction(withParameters(storer), source.fields(), store);
        for (Field field : source.fields()) {
            // a bag, tuple or map (of known fields, no bytearrays: JavaLoaders) in the runtime's form of it
            columns.add(new Column(
                    field.sqlName(),
                    field.type().isComplex()
                            ? PigTypes.tupleFieldType(field.type(), field.inner())
                            : columnType(field, store.span())));
        }
        insert(
                store,
                input,
                ordered,
                SqlQuery.selectAll(source.sqlName()),
                null,
                // The connector writes with one task: an ORDERed result stays in order without a single-writer option.
                (sink, path, sorted) -> SqlJob.Table.storer(sink, columns, path, store.span(), function));
    }

    /** A loader or storer whose arguments name parameters ('$OUT'): the job binds them as it binds its paths. */
    private FuncSpec withParameters(FuncSpec function) {
        return new FuncSpec(
                function.name(),
                function.arguments().stream()
                        .map(argument -> bindParameters(argument, parameters))
                        .toList(),
                function.span());
    }

    /** The relation a STORE or DUMP writes, with the ORDER and LIMIT it ends with (none when a view holds them). */
    private Relation.Ordered ordered(String alias, SourceSpan span, Relation input) {
        return input instanceof Relation.Ordered o && !materialized.containsKey(o)
                ? o
                : new Relation.Ordered(named(alias, span), List.of(), null, List.of());
    }

    /** A STORE's sink table, given its name, its path and whether it holds an ORDERed result. */
    private interface SinkTable {
        SqlJob.Table of(String name, String path, boolean sorted);
    }

    /**
     * The STORE's sink table at its path and the INSERT of {@code query} into it, in the ORDER's order; {@code
     * schemaFiles} are written beside its files (null for none).
     */
    private void insert(
            PigStatement.Store store,
            Relation input,
            Relation.Ordered ordered,
            Select query,
            SqlJob.SchemaFiles schemaFiles,
            SinkTable table) {
        String path = withoutSecrets(bindPathParameters(store.path(), parameters), store.span());
        Paths.checkStore(store.path(), store.span());
        String sink = tableName(store.alias() + "_store");
        List<OrderItem> ordering = ordered.ordering().isEmpty() ? shuffleOrder(store, ordered) : ordered.ordering();
        SqlJob.Table written = table.of(sink, path, !ordering.isEmpty());
        sinks.add(written.withPartFiles(StorageFunctions.partFiles(written.format(), storeTasks.of(store), path)
                .withSchemaFiles(schemaFiles)));
        order.add(sink);
        SourceSpan removal = removedPaths.remove(storePath(store.path()));
        SqlJob.FileCommand removed = removals.remove(storePath(store.path()));
        if (removed != null) {
            fileCommands.removeIf(c -> c.getKey() == removed);
            if (!removed.options().contains(SqlJob.FileOption.FORCE)) {
                diagnostics.report(
                        DiagnosticCode.PIG_W010,
                        removal,
                        "rm fails in Pig when the path does not exist; the job replaces what is at the path either"
                                + " way");
            }
        }
        List<SourceSpan> spans = new ArrayList<>(ordered.spans());
        if (removal != null) {
            spans.add(0, removal);
        }
        inserts.add(new SqlJob.Insert(
                sink, query.withOrder(ordering, ordered.limit()), store.span(), spans, removal != null));
        String stored = storePath(path);
        storedPaths.put(stored, input);
        storedSinks.put(storePath(store.path()), Map.entry(sink, stored));
        ranStores.remove(stored);
        if (schemaFiles != null) {
            storedSchemas.put(stored, schemaFiles);
        } else {
            storedSchemas.remove(stored);
        }
    }

    /** The key types whose bytes in Pig's shuffle the runtime's PIG_SHUFFLE_KEY writes. */
    private static final Set<PigType> SHUFFLE_KEY_TYPES =
            Set.of(PigType.CHARARRAY, PigType.INT, PigType.LONG, PigType.FLOAT, PigType.DOUBLE, PigType.BOOLEAN);

    /**
     * The order Pig's reduce writes a GROUP's rows in, one a key ({@link StoreTasks#groupKeyPosition}): its shuffle
     * sorted the keys' bytes (PIG_SHUFFLE_KEY); none where that order is not known.
     */
    private List<OrderItem> shuffleOrder(PigStatement.Store store, Relation.Ordered ordered) {
        int key = storeTasks.groupKeyPosition(store);
        List<Field> fields = ordered.input().fields();
        if (ordered.limit() != null
                || key < 0
                || key >= fields.size()
                || !SHUFFLE_KEY_TYPES.contains(fields.get(key).type())) {
            return List.of();
        }
        return List.of(new OrderItem(
                SqlExpr.Call.of(
                        "PIG_SHUFFLE_KEY", SqlExpr.ColumnRef.of(fields.get(key).sqlName())),
                false,
                false));
    }

    /** The relation a reader sees: an ORDER alone is its input (order means nothing there), a LIMIT its view. */
    private Relation.Named materialize(Relation relation) {
        if (relation instanceof Relation.Ordered ordered) {
            Relation.Named existing = materialized.get(ordered);
            if (existing != null) {
                return existing;
            }
            if (ordered.limit() == null) {
                return ordered.input();
            }
            return materialize(ordered.input().sqlName() + "_limit", ordered);
        }
        if (relation instanceof Relation.Named named) {
            return named;
        }
        throw new IllegalStateException("not a relation: " + relation);
    }

    /** An ORDER ... LIMIT several statements read: a view of its own (Flink's CREATE VIEW takes no ORDER BY at its top). */
    private Relation.Named materialize(String alias, Relation.Ordered ordered) {
        Select limited = SqlQuery.selectAll(ordered.input().sqlName()).withOrder(ordered.ordering(), ordered.limit());
        Select query =
                Select.of(List.of(new SelectItem(new SqlExpr.Star(), null)), new SqlQuery.Derived(limited, "limited"));
        Relation.Named view =
                view(alias, ordered.spans(), query, ordered.input().fields());
        materialized.put(ordered, view);
        return view;
    }

    private static SqlType columnType(Field field, SourceSpan span) {
        return PigTypes.columnType(field.type())
                .orElseThrow(() -> ExprTranslator.unsupported(
                        span,
                        "a " + field.type().keyword() + " field ('" + field.sqlName()
                                + "') cannot be stored by the Flink SQL translation yet"));
    }

    private Relation relationOf(String alias, SourceSpan span) {
        Relation relation = aliases.get(alias);
        if (relation == null && failedAliases.contains(alias)) {
            throw TranslationError.followOn(alias);
        }
        if (relation == null) {
            String hint = aliases.keySet().stream()
                    .filter(a -> Names.editDistance(a, alias) <= 2)
                    .sorted()
                    .findFirst()
                    .map(a -> " (did you mean '" + a + "'?)")
                    .orElse("");
            throw new TranslationError(
                    Diagnostic.of(DiagnosticCode.PIG_E010, span, "unknown alias '" + alias + "'" + hint));
        }
        return relation;
    }

    private Relation.Named named(String alias, SourceSpan span) {
        Relation relation = relationOf(alias, span);
        if (relation instanceof Relation.Named named) {
            return named;
        }
        if (relation instanceof Relation.Ordered ordered) {
            return materialize(ordered);
        }
        if (relation instanceof Relation.Cogrouped cogrouped) {
            // Read as rows: Pig's (group, bag, bag...) tuples, as FOREACH c GENERATE group, a, b... gives them.
            List<PigRelation.GenerateItem> items = new ArrayList<>();
            items.add(new PigRelation.GenerateItem(new PigExpr.FieldRef(null, "group", span), List.of(), span));
            for (Relation.Side side : cogrouped.sides()) {
                items.add(new PigRelation.GenerateItem(
                        new PigExpr.FieldRef(null, side.bagAlias(), span), List.of(), span));
            }
            Relation.Named rows = cogroupRows.get(cogrouped);
            if (rows == null) {
                rows = (Relation.Named) cogroupForeach(alias, new PigRelation.Foreach(alias, items, span), cogrouped);
                cogroupRows.put(cogrouped, rows);
            }
            return rows;
        }
        if (relation instanceof Relation.Grouped grouped) {
            Relation.Named rows = groupRows.get(grouped);
            if (rows == null) {
                rows = groupRows(alias, grouped, span);
                groupRows.put(grouped, rows);
            }
            return rows;
        }
        throw ExprTranslator.unsupported(
                span,
                "'" + alias + "' is a grouped relation (bags); only FOREACH ... GENERATE with"
                        + " aggregates over it is supported by the Flink SQL translation yet");
    }

    /**
     * A GROUP read as rows (STORE, DISTINCT, a JOIN...): Pig's tuples of {@code group} (the key, a tuple
     * of the keys, or 'all') and the bag of the input rows, collected as ARRAY_AGG(ROW(...)). The bag's
     * tuples come in no particular order, in Pig as here.
     */
    private Relation.Named groupRows(String alias, Relation.Grouped grouped, SourceSpan span) {
        Relation.Named input = grouped.input();
        if (input.fields().stream().anyMatch(Field::isRest)) {
            throw ExprTranslator.unsupported(
                    span,
                    "the bags of a GROUP of a LOAD without AS are not translated yet; declare the fields with AS");
        }
        Names names = new Names();
        SqlExpr key = grouped.all()
                ? SqlExpr.Literal.text("all")
                : grouped.keys().size() == 1 ? grouped.keys().get(0) : new SqlExpr.RowOf(grouped.keys());
        PigType keyType = grouped.all()
                ? PigType.CHARARRAY
                : grouped.keys().size() == 1 ? grouped.keyFields().get(0).type() : PigType.TUPLE;
        String keyName = names.unique("group");
        String bagName = names.unique(grouped.bagAlias());
        SqlExpr tuple = new SqlExpr.RowOf(input.fields().stream()
                .map(f -> (SqlExpr) SqlExpr.ColumnRef.of(f.sqlName()))
                .toList());
        List<SelectItem> items =
                List.of(new SelectItem(key, keyName), new SelectItem(SqlExpr.Call.of("ARRAY_AGG", tuple), bagName));
        // GROUP ALL is one group, or none over no rows (as in aggregate()).
        List<SqlExpr> groupBy = grouped.all() ? List.of(SqlExpr.Literal.text("all")) : grouped.keys();
        SqlQuery query =
                Select.of(items, new SqlQuery.TableRef(input.sqlName())).withGroupBy(groupBy);
        // What is inside is known: the bag's tuples are the input's rows (FLATTEN of the bag after an ORDER ... LIMIT
        // of the GROUP gives its fields back), and a key tuple holds the keys.
        Map<Integer, Inner> fieldInners = new HashMap<>();
        for (int i = 0; i < input.fields().size(); i++) {
            if (input.fields().get(i).inner() != null) {
                fieldInners.put(i, input.fields().get(i).inner());
            }
        }
        Inner bagInner = new Inner(
                null,
                input.fields().stream().map(Field::type).toList(),
                fieldInners,
                input.fields().stream().map(Field::pigName).toList());
        Inner keyInner = keyType == PigType.TUPLE
                ? Inner.tuple(
                        grouped.keyFields().stream().map(Field::type).toList(),
                        grouped.keyFields().stream().map(Field::pigName).toList())
                : null;
        List<Field> fields = List.of(
                new Field("group", null, keyName, keyType, null, keyInner),
                new Field(grouped.bagAlias(), null, bagName, PigType.BAG, null, bagInner));
        return view(alias, List.of(grouped.span()), query, fields);
    }

    private Relation.Named view(String alias, SourceSpan span, SqlQuery query, List<Field> fields) {
        return view(alias, List.of(span), query, fields);
    }

    private Relation.Named view(String alias, List<SourceSpan> spans, SqlQuery query, List<Field> fields) {
        String name = tableName(alias);
        List<Column> columns = new ArrayList<>();
        for (Field field : fields) {
            SqlType type = field.isRowArray()
                    ? RowArray.TYPE
                    : PigTypes.viewColumnType(field.type()).orElseGet(() -> columnType(field, spans.get(0)));
            columns.add(new Column(field.sqlName(), type));
        }
        // A GROUP made here for a nested block (RowBags) has the block's own span: one comment for the line.
        views.add(new SqlJob.View(name, spans.stream().distinct().toList(), query, columns));
        order.add(name);
        // Fields keep the qualifier a JOIN gave them: Pig names them alias::name until a FOREACH renames them.
        return new Relation.Named(name, List.copyOf(fields));
    }

    /** An alias assigned twice in Pig names two views: {@code a}, then {@code a_2}. */
    private String tableName(String alias) {
        int n = viewNames.merge(alias, 1, Integer::sum);
        return tableNames.unique(n == 1 ? alias : alias + "_" + n);
    }

    /**
     * Pig substitutes {@code $NAME} and {@code ${NAME}} everywhere in the script text; in the SQL
     * they become {@code ${NAME}}, which the job runner binds. {@code \$} stays a literal dollar.
     */
    /**
     * A password written into a LOAD or STORE location (a URL's user-info, {@code password=...}) is
     * not copied into the job: it becomes a parameter of the job whose value the caller supplies from
     * a secret store, with a warning naming the parameter, never the value.
     */
    private String withoutSecrets(String path, SourceSpan span) {
        return SecretText.replace(path, key -> {
            String name = SecretText.identifier(key);
            String unique = name;
            for (int n = 2; parameters.contains(unique) && !secretParameters.contains(unique); n++) {
                unique = name + "_" + n;
            }
            if (secretParameters.add(unique)) {
                parameters.add(unique);
                diagnostics.report(
                        DiagnosticCode.OOZ_W002,
                        span,
                        "the location holds a secret ('" + key + "'); it is not written"
                                + " into the job, which takes it as the parameter '" + unique + "' instead",
                        "keep the value in a secret store: a DAG passes it from the Airflow Variable '" + unique + "'");
            }
            return "${" + unique + "}";
        });
    }

    /** A storage function's field delimiter, a parameter in it ({@code PigStorage('$DELIM')}) bound at run time. */
    private String delimiter(StorageFunctions.Storage storage) {
        return storage.delimiter() == null ? null : bindParameters(storage.delimiter(), parameters);
    }

    /**
     * A LOAD or STORE path with its parameters bound. Pig's preprocessor leaves {@code ${user.name}} alone (a dotted
     * name is no parameter), and Hadoop's {@code Configuration} fills it in when the job reads the path from its
     * configuration: a Java system property or a configuration property of the job, such as the name of the user
     * the job runs as. The path keeps it as a parameter of the generated job, given when it runs.
     */
    static String bindPathParameters(String path, java.util.Set<String> parameters) {
        String bound = bindParameters(path, parameters);
        Matcher m = CONFIGURATION_VARIABLE.matcher(bound);
        while (m.find()) {
            parameters.add(m.group(1));
        }
        return bound;
    }

    /** A variable Hadoop's {@code Configuration} substitutes, a dotted name that is no Pig parameter. */
    static final Pattern CONFIGURATION_VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)}");

    static String bindParameters(String text, java.util.Set<String> parameters) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            parameters.add(name);
            m.appendReplacement(out, Matcher.quoteReplacement("${" + name + "}"));
        }
        m.appendTail(out);
        return out.toString().replace("\\$", "$");
    }
}
