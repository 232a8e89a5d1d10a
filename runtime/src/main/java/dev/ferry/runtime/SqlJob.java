package dev.ferry.runtime;

import dev.ferry.runtime.format.ChecksumFiles;
import dev.ferry.runtime.format.PigFilesTableFactory;
import dev.ferry.runtime.format.PigLocation;
import dev.ferry.runtime.format.PigPartFiles;
import dev.ferry.runtime.functions.PigFunctions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.api.SqlParserException;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.internal.StatementSetImpl;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.UnresolvedIdentifier;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.utils.PartitionPathUtils;
import org.apache.flink.util.ExceptionUtils;

/**
 * One script's statements on a batch {@link TableEnvironment}: every statement but INSERT runs at
 * once (CREATE TEMPORARY TABLE / VIEW / FUNCTION...), every INSERT goes into one statement set, so
 * the whole script is one Flink job, as a Pig script is one Pig run. A file command of the script
 * ({@code CALL ferry.fs(...)}, {@link FileCommand}) ends a statement set: it runs after the INSERTs
 * before it, as Grunt runs the STOREs before a file command first.
 *
 * <p>{@link #validate} does everything that can fail without running anything; {@link #execute}
 * runs the job. The runner does its Oozie prepare steps in between.
 */
public final class SqlJob {

    /** Statements that would start a job of their own or print results: not part of a batch script. */
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "EXECUTE", "TABLE");

    /** The file a job that succeeded leaves in each output directory, as Hadoop's output committer does. */
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private final StatementSet inserts;
    private final int insertCount;
    /** The {@code path} of every table the job reads through the pig-files connector. */
    private final List<String> locations;
    /** The directory every INSERT writes, in the order of the INSERTs; a sink without a path (blackhole) has none. */
    private final List<Sink> sinks;
    /**
     * The file commands of the script ({@code CALL ferry.fs(...)}), each after the statement set of the INSERTs before
     * it ({@link #inserts} is the first; the rest are in {@link #later}), as Grunt runs the STOREs before a command.
     */
    private final List<FileCommand> commands;
    /** The statement sets after each file command, one per command: the INSERTs between it and the next. */
    private final List<SqlJob> later;

    /**
     * Where an INSERT writes, whether it replaces what is there ({@code INSERT OVERWRITE}), and how the runner names
     * the files Flink wrote there (a pig-files sink's; null for another connector's, which names its own).
     */
    private record Sink(String location, boolean overwrite, PigPartFiles files) {}

    private SqlJob(
            StatementSet inserts,
            int insertCount,
            List<String> locations,
            List<Sink> sinks,
            List<FileCommand> commands,
            List<SqlJob> later) {
        this.inserts = inserts;
        this.insertCount = insertCount;
        this.locations = List.copyOf(locations);
        this.sinks = List.copyOf(sinks);
        this.commands = List.copyOf(commands);
        this.later = List.copyOf(later);
    }

    /** Validates and runs the statements, waiting for the job to end. */
    public static Duration run(TableEnvironment env, List<String> statements) {
        return validate(env, statements).execute();
    }

    /**
     * Registers the Pig function library, runs the DDL and adds each INSERT to the statement set (which
     * parses and validates it).
     *
     * @throws SqlJobException of kind INVALID_SQL
     */
    public static SqlJob validate(TableEnvironment env, List<String> statements) {
        PigFunctions.registerAll(env);
        List<StatementSet> sets = new ArrayList<>(List.of(env.createStatementSet()));
        List<Integer> counts = new ArrayList<>(List.of(0));
        List<FileCommand> commands = new ArrayList<>();
        // The tables created before each statement set ends: its INSERTs read no table created after it.
        List<Set<String>> tablesBefore = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            String keyword = new SqlScript.Statement(sql, 0).keyword();
            try {
                if (keyword.equals("INSERT")) {
                    sets.get(sets.size() - 1).addInsertSql(sql);
                    counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
                } else if (keyword.equals("CALL")) {
                    commands.add(FileCommand.parse(sql));
                    tablesBefore.add(Set.of(env.listTemporaryTables()));
                    sets.add(env.createStatementSet());
                    counts.add(0);
                } else if (QUERY_KEYWORDS.contains(keyword) || keyword.isEmpty()) {
                    throw new SqlJobException(
                            SqlJobException.Kind.INVALID_SQL,
                            i,
                            (keyword.isEmpty() ? "queries" : keyword + " statements")
                                    + " are not allowed in a job script; write INSERT INTO a sink table",
                            null);
                } else {
                    env.executeSql(sql);
                }
            } catch (SqlJobException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SqlJobException(SqlJobException.Kind.INVALID_SQL, i, message(e), e);
            }
        }
        tablesBefore.add(Set.of(env.listTemporaryTables()));
        // Each statement set checks the inputs created since the last one that ran INSERTs: Pig checks a LOAD's
        // input when a STORE reading it runs, which may be after a file command made it.
        List<SqlJob> jobs = new ArrayList<>();
        Set<String> checked = new java.util.HashSet<>();
        Set<ObjectIdentifier> written = new java.util.HashSet<>();
        sets.forEach(set -> written.addAll(sinkTables(set)));
        for (int s = 0; s < sets.size(); s++) {
            List<String> reads = new ArrayList<>();
            if (counts.get(s) > 0) {
                for (String location : locations(env, tablesBefore.get(s), written)) {
                    if (checked.add(location)) {
                        reads.add(location);
                    }
                }
            }
            jobs.add(new SqlJob(sets.get(s), counts.get(s), reads, sinks(sets.get(s)), List.of(), List.of()));
        }
        SqlJob first = jobs.get(0);
        return new SqlJob(
                first.inserts, first.insertCount, first.locations, first.sinks, commands, jobs.subList(1, jobs.size()));
    }

    /** The tables the INSERTs write. */
    private static Set<ObjectIdentifier> sinkTables(StatementSet inserts) {
        if (!(inserts instanceof StatementSetImpl<?> set)) {
            return Set.of();
        }
        return set.getOperations().stream()
                .filter(SinkModifyOperation.class::isInstance)
                .map(o -> ((SinkModifyOperation) o).getContextResolvedTable().getIdentifier())
                .collect(Collectors.toSet());
    }

    /** The distinct directories the INSERTs write. */
    private static List<Sink> sinks(StatementSet inserts) {
        if (!(inserts instanceof StatementSetImpl<?> set)) {
            return List.of();
        }
        return set.getOperations().stream()
                .filter(SinkModifyOperation.class::isInstance)
                .map(SinkModifyOperation.class::cast)
                .filter(o -> o.getContextResolvedTable()
                        .getResolvedTable()
                        .getOptions()
                        .containsKey("path"))
                .map(SqlJob::sink)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .toList();
    }

    /**
     * The directory an INSERT writes as Pig's STORE writes one: its table's path; for a partitioned table (a Hive
     * table HCatStorer writes) the partition directory its static partition names, as HCatStorer writes one partition;
     * none when the rows' own values name the partitions.
     */
    private static java.util.Optional<Sink> sink(SinkModifyOperation insert) {
        ResolvedCatalogBaseTable<?> table = insert.getContextResolvedTable().getResolvedTable();
        Map<String, String> options = table.getOptions();
        boolean pigFiles = PigFilesTableFactory.IDENTIFIER.equals(options.get(FactoryUtil.CONNECTOR.key()));
        String location = options.get("path");
        List<String> keys = table instanceof ResolvedCatalogTable t ? t.getPartitionKeys() : List.of();
        if (!keys.isEmpty()) {
            Map<String, String> values = insert.getStaticPartitions();
            if (!values.keySet().containsAll(keys)) {
                return java.util.Optional.empty();
            }
            java.util.LinkedHashMap<String, String> partition = new java.util.LinkedHashMap<>();
            keys.forEach(key -> partition.put(key, values.get(key)));
            location = location.replaceFirst("/+$", "") + "/"
                    + PartitionPathUtils.generatePartitionPath(partition).replaceFirst("/+$", "");
        }
        // the options were validated when the INSERT was added
        return java.util.Optional.of(
                new Sink(location, insert.isOverwrite(), pigFiles ? PigPartFiles.of(options) : null));
    }

    /** The locations of the pig-files tables among {@code tables} that the job reads (not those it writes). */
    private static List<String> locations(TableEnvironment env, Set<String> tables, Set<ObjectIdentifier> sinkTables) {
        CatalogManager catalogs = ((TableEnvironmentInternal) env).getCatalogManager();
        List<String> locations = new ArrayList<>();
        for (String table : new java.util.TreeSet<>(tables)) {
            ObjectIdentifier identifier = catalogs.qualifyIdentifier(UnresolvedIdentifier.of(table));
            if (sinkTables.contains(identifier)) {
                continue;
            }
            catalogs.getTable(identifier)
                    .map(t -> t.<ResolvedCatalogBaseTable<?>>getResolvedTable().getOptions())
                    .filter(o -> PigFilesTableFactory.IDENTIFIER.equals(o.get(FactoryUtil.CONNECTOR.key())))
                    .map(o -> o.get("path"))
                    .ifPresent(locations::add);
        }
        return locations;
    }

    /**
     * Plans the statement set without running it: catches what validation alone does not (a plan
     * Flink cannot build, such as a view it cannot expand).
     *
     * @throws SqlJobException INVALID_SQL when planning fails
     */
    public String explain() {
        StringBuilder plans = new StringBuilder();
        for (SqlJob set : statementSets()) {
            try {
                plans.append(set.insertCount == 0 ? "" : set.inserts.explain());
            } catch (RuntimeException e) {
                throw new SqlJobException(SqlJobException.Kind.INVALID_SQL, -1, message(e), e);
            }
        }
        return plans.toString();
    }

    /** The number of INSERT statements, each a sink of the job (of one of its statement sets). */
    public int insertCount() {
        return statementSets().stream().mapToInt(set -> set.insertCount).sum();
    }

    /** The file commands the job runs between its statement sets. */
    public List<FileCommand> fileCommands() {
        return commands;
    }

    private List<SqlJob> statementSets() {
        List<SqlJob> sets = new ArrayList<>(List.of(this));
        sets.addAll(later);
        return sets;
    }

    /**
     * Runs the statement sets in order, each as one Flink job, waiting for each, with the script's file commands between
     * them; a script without INSERT runs nothing.
     *
     * @return how long the job took from submission to its end
     * @throws SqlJobException INVALID_SQL when planning fails, JOB_FAILED when the job does
     */
    public Duration execute() {
        long start = System.nanoTime();
        runStatementSet();
        for (int i = 0; i < commands.size(); i++) {
            try {
                commands.get(i).run();
            } catch (IOException | RuntimeException e) {
                throw new SqlJobException(
                        SqlJobException.Kind.JOB_FAILED, -1, commands.get(i) + " failed: " + e.getMessage(), e);
            }
            later.get(i).runStatementSet();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Runs this statement set as one Flink job and waits for it; one without INSERT runs nothing. */
    private void runStatementSet() {
        if (insertCount == 0) {
            return;
        }
        for (String location : locations) {
            try {
                // Pig fails a job whose input does not exist before running it; Flink would read nothing
                PigLocation.checkExists(location);
            } catch (IOException e) {
                throw new SqlJobException(SqlJobException.Kind.JOB_FAILED, -1, e.getMessage(), e);
            }
        }
        for (Sink sink : sinks) {
            checkOutputAbsent(sink);
        }
        TableResult result;
        try {
            result = inserts.execute();
        } catch (RuntimeException e) {
            boolean invalid = ExceptionUtils.findThrowable(e, ValidationException.class)
                            .isPresent()
                    || ExceptionUtils.findThrowable(e, SqlParserException.class).isPresent();
            throw new SqlJobException(
                    invalid ? SqlJobException.Kind.INVALID_SQL : SqlJobException.Kind.JOB_FAILED,
                    -1,
                    invalid ? message(e) : "job could not start: " + rootCause(e),
                    e);
        }
        try {
            result.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.getJobClient().ifPresent(client -> client.cancel());
            throw new SqlJobException(SqlJobException.Kind.JOB_FAILED, -1, "interrupted; job cancelled", e);
        } catch (ExecutionException e) {
            throw new SqlJobException(SqlJobException.Kind.JOB_FAILED, -1, "job failed: " + rootCause(e), e);
        }
        nameFiles();
        markSucceeded();
        writeChecksums();
    }

    /**
     * Pig fails a job whose STORE directory is already there before running anything (Hadoop's FileOutputFormat
     * check, Pig's ERROR 6000), where Flink would add its files beside what an earlier run left: the rows of both runs.
     * An {@code INSERT OVERWRITE} (a script that removes its output first) replaces it instead.
     */
    private static void checkOutputAbsent(Sink sink) {
        if (sink.overwrite()) {
            return;
        }
        Path directory = new Path(sink.location());
        Path qualified;
        boolean exists;
        try {
            FileSystem fs = directory.getFileSystem();
            qualified = directory.makeQualified(fs);
            exists = fs.exists(directory);
        } catch (IOException e) {
            throw new SqlJobException(SqlJobException.Kind.JOB_FAILED, -1, e.getMessage(), e);
        }
        if (exists) {
            // Hadoop's words (FileOutputFormat.checkOutputSpecs), the directory qualified as it prints it
            throw new SqlJobException(
                    SqlJobException.Kind.JOB_FAILED,
                    -1,
                    "Output directory " + qualified + " already exists (Pig does not run over an earlier"
                            + " run's output: delete it first, as an Oozie <prepare><delete> or the script's rmf"
                            + " does)",
                    null);
        }
    }

    /**
     * Writes an empty {@value #SUCCESS_MARKER} into every directory the job wrote, as Hadoop's
     * FileOutputCommitter does when a Pig job succeeds ({@code mapreduce.fileoutputcommitter.marksuccessfuljobs},
     * on by default): a coordinator's input event waits for it (a dataset's done-flag, {@code _SUCCESS} unless it
     * says otherwise), and a directory the job wrote no row to exists all the same, as Pig's does.
     */
    private void markSucceeded() {
        for (Sink sink : sinks) {
            String location = sink.location();
            Path marker = new Path(location, SUCCESS_MARKER);
            try {
                marker.getFileSystem()
                        .create(marker, FileSystem.WriteMode.OVERWRITE)
                        .close();
            } catch (IOException e) {
                throw new SqlJobException(
                        SqlJobException.Kind.JOB_FAILED,
                        -1,
                        "job finished but its " + SUCCESS_MARKER + " marker could not be written to " + location + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /** Names (and compresses) the files of each pig-files sink as Hadoop names Pig's ({@code part-m-00000}). */
    private void nameFiles() {
        forEachPigFilesSink(
                "its files in %s could not be named as Pig's",
                sink -> sink.files().name(sink.location()));
    }

    /**
     * Writes the checksum files Hadoop's local file system leaves beside each file of a pig-files sink's local
     * directory, {@value #SUCCESS_MARKER} included (the pig-store connector writes through Hadoop, which writes them).
     */
    private void writeChecksums() {
        forEachPigFilesSink(
                "the checksum files of %s could not be written", sink -> ChecksumFiles.write(sink.location()));
    }

    /** What is done to a sink's directory once the job finished. */
    private interface SinkStep {
        void run(Sink sink) throws IOException;
    }

    /** Runs {@code step} on each pig-files sink; a failure fails the job, saying what {@code failed} (of the path). */
    private void forEachPigFilesSink(String failed, SinkStep step) {
        for (Sink sink : sinks) {
            if (sink.files() == null) {
                continue;
            }
            try {
                step.run(sink);
            } catch (IOException e) {
                throw new SqlJobException(
                        SqlJobException.Kind.JOB_FAILED,
                        -1,
                        "job finished but " + String.format(failed, sink.location()) + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** Flink's message, plus the innermost cause when the message does not already say it. */
    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return rootCause(e);
        }
        Throwable root = ExceptionUtils.stripExecutionException(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage();
        return root == e || cause == null || m.contains(cause) ? m : m.strip() + ": " + cause;
    }

    /** The innermost cause, as "Type: message"; that is what explains a failed Flink job. */
    private static String rootCause(Throwable e) {
        Throwable root = ExceptionUtils.stripExecutionException(e);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
