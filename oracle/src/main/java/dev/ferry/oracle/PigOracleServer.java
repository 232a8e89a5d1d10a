package dev.ferry.oracle;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.log4j.Level;
import org.apache.log4j.PropertyConfigurator;
import org.apache.pig.ExecType;
import org.apache.pig.PigConfiguration;
import org.apache.pig.PigException;
import org.apache.pig.impl.PigContext;
import org.apache.pig.impl.PigImplConstants;
import org.apache.pig.impl.io.FileLocalizer;
import org.apache.pig.impl.util.LogUtils;
import org.apache.pig.impl.util.ObjectSerializer;
import org.apache.pig.impl.util.PropertiesUtil;
import org.apache.pig.impl.util.UDFContext;
import org.apache.pig.tools.grunt.Grunt;
import org.apache.pig.tools.pigstats.JobStats;
import org.apache.pig.tools.pigstats.PigStats;
import org.apache.pig.tools.pigstats.ScriptState;

/**
 * Long-lived real-Pig process (Pig 0.18, local mode) answering {@link PigOracle}'s requests.
 *
 * <p>Protocol, UTF-8, one request line on stdin, one answer line on stdout:
 * <pre>
 *   (on start-up)                         -&gt; READY
 *   RUN \t scriptFile \t paramFile-or-"-" [\t printedFile] -&gt; OK | ERROR \t escapedMessage   (with printedFile,
 *                                         what Pig prints to stdout, its DUMPs, is written there)
 *   CHECK \t scriptFile \t paramFile-or-"-" -&gt; OK | ERROR \t escapedMessage   (pig -check: parse and
 *                                         validate the whole script, run nothing)
 *   PING                                  -&gt; PONG
 *   QUIT                                  -&gt; BYE   (then exits; EOF on stdin also exits)
 *   anything else                         -&gt; ERROR \t escapedMessage
 * </pre>
 * {@code paramFile} is a {@link Properties} file; its entries are handed to Pig in file order
 * exactly like {@code pig -x local -param k=v ... script} (so {@code %default}, {@code %declare},
 * {@code $PARAM} and parameter values that refer to earlier parameters behave as on the command
 * line). Messages are escaped ({@code \\}, {@code \n}, {@code \r}, {@code \t}) to stay on one line.
 *
 * <p>Every request gets a fresh {@link PigContext} and {@link org.apache.pig.PigServer} (through
 * {@link Grunt}, the same path as {@code org.apache.pig.Main} for a script file), so aliases,
 * {@code DEFINE}s, {@code SET}s and registered jars never leak from one script into the next;
 * the JVM, its loaded classes and JIT state are what is shared. Requests are served one at a
 * time. Nothing but protocol answers is written to the real stdout: {@code System.out} is
 * pointed at stderr before Pig is touched (Pig's {@code DUMP}/{@code DESCRIBE} print there), and
 * log4j logs to stderr at WARN.
 *
 * <p>System properties: {@code ferry.oracle.workDir} (Pig's {@code pig.temp.dir} and Hadoop's
 * {@code hadoop.tmp.dir}; default: a fresh directory under {@code java.io.tmpdir}).
 */
public final class PigOracleServer {

    /** The version of Pig this server embeds (the artifact on its classpath). */
    public static final String PIG_VERSION = "0.18.0";

    private final PrintStream protocol;
    private final Path workDir;

    private PigOracleServer(PrintStream protocol, Path workDir) {
        this.protocol = protocol;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws IOException {
        // Claim the real stdout for the protocol before anything (Pig, Hadoop, log4j) can print.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        configureLogging();

        String wd = System.getProperty("ferry.oracle.workDir");
        Path workDir;
        if (wd != null && !wd.isEmpty()) {
            workDir = Files.createDirectories(Paths.get(wd).toAbsolutePath());
        } else {
            Path own = Files.createTempDirectory("ferry-pig-oracle-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(own)));
            workDir = own;
        }
        // Hadoop expands ${hadoop.tmp.dir} from system properties first, so this also reaches the
        // JobConfs that the local job runner builds from scratch (else: /tmp/hadoop-<user>).
        System.setProperty("hadoop.tmp.dir", workDir.resolve("hadoop").toString());

        new PigOracleServer(protocol, workDir).serve(System.in);
        System.exit(0); // Hadoop may leave non-daemon threads behind
    }

    private void serve(InputStream stdin) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        answer("READY");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "RUN", "CHECK":
                    if (f.length < 3
                            || f.length > (f[0].equals("RUN") ? 4 : 3)
                            || f[1].isEmpty()
                            || f[2].isEmpty()
                            || (f.length == 4 && f[3].isEmpty())) {
                        answer("ERROR\t"
                                + escape("malformed " + f[0] + " request, expected " + f[0]
                                        + "\\t<script>\\t<paramFile|->"
                                        + (f[0].equals("RUN") ? "[\\t<printedFile>]" : "")));
                    } else if (f.length == 4) {
                        answer(runPrinting(f[1], f[2], Paths.get(f[3])));
                    } else {
                        answer(run(f[1], f[2], f[0].equals("CHECK")));
                    }
                    break;
                case "PING":
                    answer("PONG");
                    break;
                case "QUIT":
                    answer("BYE");
                    return;
                default:
                    answer("ERROR\t" + escape("unknown request: " + f[0]));
            }
        }
    }

    private void answer(String line) {
        System.err.flush();
        protocol.println(line);
        protocol.flush();
    }

    /**
     * Runs one script with what Pig prints to stdout (its DUMPs, {@code TupleFormat} lines) written to {@code printed}
     * instead of the log; returns the protocol answer. Never throws.
     */
    private String runPrinting(String scriptFile, String paramFile, Path printed) {
        PrintStream log = System.out;
        try (PrintStream out = new PrintStream(new FileOutputStream(printed.toFile()), true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            try {
                return run(scriptFile, paramFile, false);
            } finally {
                System.setOut(log);
            }
        } catch (IOException e) {
            return "ERROR\t" + escape("cannot write the printed output to " + printed + ": " + e.getMessage());
        }
    }

    /** Runs one script; returns the protocol answer. Never throws. */
    private String run(String scriptFile, String paramFile, boolean checkOnly) {
        long t0 = System.nanoTime();
        try {
            List<String> params = paramFile.equals("-") ? List.of() : readParams(Paths.get(paramFile));
            String failure = runScript(new File(scriptFile), params, checkOnly);
            System.err.printf(
                    "[ferry-oracle] %s %s in %d ms%n",
                    failure == null ? "OK" : "FAILED", scriptFile, (System.nanoTime() - t0) / 1_000_000);
            return failure == null ? "OK" : "ERROR\t" + escape(failure);
        } catch (Throwable t) {
            System.err.printf("[ferry-oracle] FAILED %s in %d ms%n", scriptFile, (System.nanoTime() - t0) / 1_000_000);
            t.printStackTrace();
            return "ERROR\t" + escape(describe(t));
        }
    }

    /**
     * Mirrors {@code org.apache.pig.Main.run} for {@code pig -x local -param k=v... -f script}:
     * default properties, optimizer rules, script state, parameter substitution, then
     * {@link Grunt#exec()} (batch mode: parse all, execute all STOREs, wait).
     *
     * @return null on success, otherwise Pig's error message
     */
    private String runScript(File script, List<String> params, boolean checkOnly) throws Throwable {
        if (!script.isFile()) {
            throw new IOException("Pig script not found: " + script);
        }
        Properties props = new Properties();
        PropertiesUtil.loadDefaultProperties(props);
        props.setProperty("exectype", "local");
        props.setProperty("pig.temp.dir", workDir.toString());
        // IMPORT 'x.pig' finds files next to the script, as when Oozie runs Pig in the workflow directory.
        props.setProperty("pig.import.search.path", script.getAbsoluteFile().getParent());
        props.setProperty("hadoop.tmp.dir", workDir.resolve("hadoop").toString());
        // LocalJobRunner's own default is the literal /tmp/hadoop/mapred/staging
        props.setProperty(
                "mapreduce.jobtracker.staging.root.dir",
                workDir.resolve("staging").toString());
        // Application Timeline Server: irrelevant locally, and it warns on every run
        props.setProperty("pig.ats.enabled", "false");
        // The oracle runs scripts of repositories it does not trust: Pig's own command filter refuses the shell
        // (the sh command and a `command` parameter value, also one declared in an IMPORTed file), so no script
        // runs a program on this machine through the oracle.
        props.setProperty(PigConfiguration.PIG_BLACKLIST, "sh");
        // Main: FilterLogicExpressionSimplifier is off unless explicitly enabled.
        Set<String> disabledRules = new HashSet<>();
        if (!Boolean.parseBoolean(props.getProperty("pig.exec.filterLogicExpressionSimplifier", "false"))) {
            disabledRules.add("FilterLogicExpressionSimplifier");
        }
        props.setProperty(
                PigImplConstants.PIG_OPTIMIZER_RULES_KEY, ObjectSerializer.serialize((HashSet<String>) disabledRules));
        props.setProperty(PigContext.JOB_NAME, "PigLatin:" + script.getName());

        UDFContext.getUDFContext().reset();
        UDFContext.getUDFContext().setClientSystemProps(props);

        PigContext ctx = new PigContext(ExecType.LOCAL, props);
        ScriptState state = ctx.getExecutionEngine().instantiateScriptState();
        state.setFileName(script.getPath());
        ScriptState.start(state);

        Properties backendLog = ctx.getLog4jProperties();
        backendLog.setProperty("log4j.logger.org.apache.pig", Level.WARN.toString());
        ctx.setLog4jProperties(backendLog);
        ctx.setDefaultLogLevel(Level.WARN);

        PigContext.setClassLoader(ctx.createCl(null));
        ctx.setParams(new ArrayList<>(params));
        ctx.setParamFiles(new ArrayList<>());

        try {
            String substituted;
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(new FileInputStream(script), StandardCharsets.UTF_8))) {
                substituted = ctx.doParamSubstitution(in);
            }
            if (checkOnly) {
                // What org.apache.pig.Main does for -check: substitute parameters into a file next to
                // the script (IMPORT paths stay relative to it), then let Grunt validate that file.
                Path checked = script.toPath().toAbsolutePath().resolveSibling(".ferry-check-" + script.getName());
                try {
                    Files.writeString(checked, substituted, StandardCharsets.UTF_8);
                    new Grunt(new BufferedReader(new StringReader("")), ctx).checkScript(checked.toString());
                    return null;
                } catch (Throwable t) {
                    return describe(t).replace(checked.toString(), script.getPath());
                } finally {
                    Files.deleteIfExists(checked);
                }
            }
            state.setScript(script);

            Grunt grunt = new Grunt(new BufferedReader(new StringReader(substituted)), ctx);
            int[] result; // {succeeded jobs, failed jobs}
            try {
                result = grunt.exec();
            } catch (Throwable t) {
                return describe(t); // Grunt has already logged it with its stack trace
            }
            if (result[1] == 0) {
                return null;
            }
            return failedJobsMessage(result);
        } finally {
            FileLocalizer.deleteTempFiles();
            FileLocalizer.deleteTempResourceFiles();
        }
    }

    private static String failedJobsMessage(int[] result) {
        List<String> messages = new ArrayList<>();
        PigStats stats = PigStats.get();
        if (stats != null) {
            if (stats.getJobGraph() != null) {
                Iterator<JobStats> it = stats.getJobGraph().iterator();
                while (it.hasNext()) {
                    JobStats js = it.next();
                    if (!js.isSuccessful()) {
                        // Prefer the job's own diagnostic (e.g. "ERROR 2118: Input path does not
                        // exist"): the exception is often only a follow-up ("Job in state DEFINE
                        // instead of RUNNING").
                        String m = withoutStackFrames(js.getErrorMessage());
                        if (m.isEmpty() && js.getException() != null) {
                            m = describe(js.getException());
                        }
                        if (!m.isEmpty() && !messages.contains(m)) {
                            messages.add(m);
                        }
                    }
                }
            }
            if (messages.isEmpty() && stats.getErrorMessage() != null) {
                messages.add(stats.getErrorMessage());
            }
        }
        String head = (result[0] == 0 ? "all " : "") + result[1] + " Pig job(s) failed"
                + (result[0] > 0 ? " (" + result[0] + " succeeded)" : "");
        return messages.isEmpty() ? head : head + ": " + String.join(" | ", messages);
    }

    /** Hadoop puts whole stack traces into job diagnostics; keep the message and "Caused by" lines. */
    static String withoutStackFrames(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\r?\\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("at ") || (t.startsWith("...") && t.endsWith("more"))) {
                continue;
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(t);
        }
        return b.toString();
    }

    /** Same wording as Pig's console ({@link LogUtils#writeLog}): {@code ERROR <code>: <message>}. */
    static String describe(Throwable t) {
        PigException pe = LogUtils.getPigException(t);
        if (pe != null) {
            return "ERROR " + pe.getErrorCode() + ": " + pe.getMessage();
        }
        if (t instanceof org.apache.pig.tools.pigscript.parser.ParseException
                || t instanceof org.apache.pig.tools.pigscript.parser.TokenMgrError
                || t instanceof org.apache.pig.tools.parameters.ParseException) {
            return "ERROR 1000: Error during parsing. " + t.getMessage();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = t.getClass().getName() + ": " + t.getMessage();
        if (root != t) {
            msg += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return msg;
    }

    /** Reads a Properties file keeping the entries' file order (Pig resolves params in order). */
    static List<String> readParams(Path file) throws IOException {
        List<String> keyValues = new ArrayList<>();
        Properties ordered = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                keyValues.removeIf(kv -> kv.startsWith(key + "="));
                keyValues.add(key + "=" + value);
                return super.put(key, value);
            }
        };
        try (InputStream in = Files.newInputStream(file)) {
            ordered.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableList(keyValues);
    }

    private static void deleteQuietly(Path root) {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    private static void configureLogging() {
        Properties p = new Properties();
        p.setProperty("log4j.rootLogger", "WARN, STDERR");
        p.setProperty("log4j.appender.STDERR", "org.apache.log4j.ConsoleAppender");
        p.setProperty("log4j.appender.STDERR.target", "System.err");
        p.setProperty("log4j.appender.STDERR.layout", "org.apache.log4j.PatternLayout");
        p.setProperty("log4j.appender.STDERR.layout.ConversionPattern", "%d{ISO8601} %-5p %c{1} - %m%n");
        // Benign local-mode noise, repeated on every job; Pig's own warnings (e.g. aggregated
        // "Encountered Warning ... N time(s)") stay at WARN.
        for (String quiet : new String[] {
            "org.apache.hadoop.util.NativeCodeLoader",
            "org.apache.hadoop.metrics2",
            "org.apache.hadoop.mapreduce.JobResourceUploader",
            "org.apache.pig.data.SchemaTupleBackend"
        }) {
            p.setProperty("log4j.logger." + quiet, "ERROR");
        }
        PropertyConfigurator.configure(p);
    }
}
