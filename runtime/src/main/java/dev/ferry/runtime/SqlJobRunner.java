package dev.ferry.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;

/**
 * Runs one translated Flink SQL script as a BATCH job:
 *
 * <pre>
 * java -jar ferry-runtime.jar --script FILE [--param NAME=VALUE]... [--prepare-delete PATH]...
 *     [--prepare-mkdir PATH]... [--parallelism N] [--default-fs URI]
 * </pre>
 *
 * Order: read and bind the script, validate every statement, run the prepare steps, run the job. So
 * a bad script fails before the prepare steps delete anything. Exit codes: {@value #EXIT_OK} success,
 * {@value #EXIT_JOB_FAILED} the job failed (or a prepare step did), {@value #EXIT_INVALID} bad usage,
 * unbound parameters or invalid SQL. Errors go to stderr as one line {@code ferry-runtime: error: ...};
 * {@code FERRY_DEBUG=1} adds the stack trace.
 */
public final class SqlJobRunner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_JOB_FAILED = 1;
    public static final int EXIT_INVALID = 2;

    private static final String PREFIX = "ferry-runtime: ";
    /** Our log4j2 setup for {@code java -jar}; Flink's own images pass their configuration instead. */
    private static final String LOG_CONFIG = "ferry-runtime-log4j2.properties";

    private SqlJobRunner() {}

    /**
     * {@code java -jar}: exits with the code. Inside a Flink cluster (application mode, where this main
     * runs in the JobManager) exiting would take the JobManager down with the job's result, so there
     * it returns on success and throws on failure, which fails the application.
     */
    public static void main(String[] args) {
        // before any Flink class logs; Flink's own launch scripts set one of these
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        boolean insideFlink = !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
        if (!insideFlink) {
            // The local cluster's temporary files live in a directory of this process's own, gone when it ends.
            Outcome outcome;
            try (TemporaryFiles temporary = TemporaryFiles.create()) {
                outcome = execute(args, System.err, temporary.configuration());
            }
            System.exit(outcome.code());
        }
        Outcome outcome = execute(args, System.err);
        if (outcome.code() != EXIT_OK) {
            throw new IllegalStateException(outcome.message());
        }
    }

    /** How a run ended: the exit code and, unless it succeeded, the error line's message. */
    record Outcome(int code, String message) {}

    /**
     * Runs the command line and returns the exit code instead of exiting. The job runs wherever
     * {@code TableEnvironment.create} puts it: a local mini cluster, the cluster an application is
     * deployed to, or a shared MiniCluster that a test set as the context environment.
     */
    public static int run(String[] args, PrintStream err) {
        return execute(args, err).code();
    }

    static Outcome execute(String[] args, PrintStream err) {
        return execute(args, err, new Configuration());
    }

    /** As above, the job's environment created with {@code base} (options the command line does not set). */
    static Outcome execute(String[] args, PrintStream err, Configuration base) {
        boolean debug = "1".equals(System.getenv("FERRY_DEBUG"));
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            err.println(JobArguments.USAGE);
            return new Outcome(EXIT_OK, null);
        }
        JobArguments arguments;
        List<SqlScript.Statement> statements;
        try {
            arguments = JobArguments.parse(args);
            String text = ScriptSource.read(arguments.script());
            statements = SqlScript.statements(SqlScript.bind(text, arguments.params()));
        } catch (JobArguments.UsageException | MissingParametersException e) {
            return fail(err, EXIT_INVALID, e.getMessage(), e, debug);
        } catch (IOException | UncheckedIOException e) {
            return fail(err, EXIT_INVALID, "cannot read script: " + e, e, debug);
        }

        try {
            arguments.defaultFs().ifPresent(DefaultFileSystem::use);
            SqlJob job = SqlJob.validate(
                    createEnvironment(arguments, base),
                    statements.stream().map(SqlScript.Statement::sql).toList());
            Prepare.run(arguments.prepare());
            if (job.insertCount() == 0) {
                err.println(PREFIX + "no INSERT statements; nothing to run");
            } else {
                err.println(PREFIX + "job finished in " + job.execute().toMillis() + " ms");
            }
            return new Outcome(EXIT_OK, null);
        } catch (SqlJobException e) {
            String where = e.statement() < 0
                    ? ""
                    : "statement " + (e.statement() + 1) + " (" + ScriptSource.fileName(arguments.script()) + " line "
                            + statements.get(e.statement()).line() + "): ";
            int code = e.kind() == SqlJobException.Kind.INVALID_SQL ? EXIT_INVALID : EXIT_JOB_FAILED;
            return fail(err, code, where + e.getMessage(), e, debug);
        } catch (IOException e) {
            return fail(err, EXIT_JOB_FAILED, "prepare step failed: " + e.getMessage(), e, debug);
        } catch (RuntimeException e) {
            return fail(err, EXIT_JOB_FAILED, e.toString(), e, debug);
        }
    }

    private static TableEnvironment createEnvironment(JobArguments arguments, Configuration base) {
        Configuration config = new Configuration(base);
        arguments.parallelism().ifPresent(p -> {
            config.set(CoreOptions.DEFAULT_PARALLELISM, p);
            config.set(ExecutionConfigOptions.TABLE_EXEC_RESOURCE_DEFAULT_PARALLELISM, p);
        });
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(config)
                .build());
    }

    private static Outcome fail(PrintStream err, int code, String message, Throwable e, boolean debug) {
        String line = PREFIX + "error: " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
        err.println(line);
        if (debug) {
            e.printStackTrace(err);
        }
        return new Outcome(code, line);
    }
}
