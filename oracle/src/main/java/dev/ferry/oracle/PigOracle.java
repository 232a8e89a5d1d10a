package dev.ferry.oracle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Client for a {@link PigOracleServer} process: real Apache Pig 0.18 in local mode, in its own
 * JVM, so Pig and its Hadoop 3 jars never share a classpath with Flink.
 *
 * <p><b>Depends on nothing but the JDK.</b> Modules that run Flink put {@code ferry-oracle} on
 * their test classpath with every transitive dependency excluded; the server is launched as
 * {@code java -cp target/ferry-oracle.jar:<target/oracle-classpath.txt> dev.ferry.oracle.PigOracleServer}
 * (the oracle module must have been built: {@code mvn -pl oracle -am install}).
 *
 * <pre>{@code
 * try (PigOracle pig = PigOracle.start(PigOracle.defaultTargetDir())) {
 *     pig.run(script, Map.of("input", in.toString(), "output", out.toString()));
 *     List<String> rows = PigOutput.read(out);
 * }
 * }</pre>
 *
 * <p>Start one oracle per test run, not per case (first script ~2 s, later ones well under a
 * second): {@link #shared()} gives a lazily started per-JVM instance closed at JVM exit.
 *
 * <p><b>Thread safety:</b> all methods are safe to call from several threads, but scripts run
 * one at a time (calls to {@link #run} are serialized). Start several oracles for parallelism.
 *
 * <p>Semantics of {@link #run}: like {@code pig -x local -param k1=v1 -param k2=v2 ... script}
 * (parameters in the map's iteration order; use a {@link java.util.LinkedHashMap} if one refers
 * to another). Each script runs in a fresh Pig context (no aliases, DEFINEs or SETs carried over).
 * Relative paths in scripts resolve against this JVM's working directory (the server inherits it);
 * prefer absolute paths. STORE fails if the output exists, exactly like Pig: delete it first.
 *
 * <p>System properties read here: {@code ferry.oracle.target} (see {@link #defaultTargetDir()}),
 * {@code ferry.oracle.jvmArgs} (extra JVM options for the server, space separated).
 */
public final class PigOracle implements AutoCloseable {

    /** Main class of the server process. */
    public static final String SERVER_CLASS = "dev.ferry.oracle.PigOracleServer";
    /** Jar built by the oracle module, inside its target directory. */
    public static final String JAR_NAME = "ferry-oracle.jar";
    /** Runtime classpath of the server (Pig, Hadoop...), written by the oracle module's build. */
    public static final String CLASSPATH_FILE = "oracle-classpath.txt";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final String EOF = new String("<eof>"); // identity sentinel
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PigOracle shared;

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path logFile;
    private final Path scratchDir;
    private Duration runTimeout = Duration.ofMinutes(10);
    private boolean closed;
    private String deathReason;

    private PigOracle(Process process, Path logFile, Path scratchDir) {
        this.process = process;
        this.logFile = logFile;
        this.scratchDir = scratchDir;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::pumpAnswers, "pig-oracle-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Launches a server and waits until Pig is loaded and ready.
     *
     * @param oracleTargetDir the oracle module's {@code target} directory, holding
     *     {@value #JAR_NAME} (or, before packaging, {@code classes/}) and {@value #CLASSPATH_FILE}.
     *     The server's stderr (Pig's logs, WARN and up) goes to
     *     {@code <oracleTargetDir>/pig-oracle/pig-oracle-<pid>-<n>.log}.
     * @throws IOException if the server cannot be launched or does not become ready
     */
    public static PigOracle start(Path oracleTargetDir) throws IOException {
        Path target = oracleTargetDir.toAbsolutePath().normalize();
        Path cpFile = target.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(cpFile)) {
            throw new IOException("no " + cpFile + ": build the oracle module first (mvn -pl oracle -am install)");
        }
        Path jar = target.resolve(JAR_NAME);
        Path serverClass = target.resolve("classes/dev/ferry/oracle/PigOracleServer.class");
        Path own;
        if (Files.isRegularFile(serverClass)
                && (!Files.isRegularFile(jar)
                        || Files.getLastModifiedTime(serverClass).compareTo(Files.getLastModifiedTime(jar)) > 0)) {
            own = target.resolve("classes"); // the oracle module's own tests run before 'package' (a jar may be stale)
        } else if (Files.isRegularFile(jar)) {
            own = jar;
        } else {
            throw new IOException(
                    "neither " + jar + " nor compiled classes in " + target + ": build the oracle module first");
        }
        String deps = Files.readString(cpFile, StandardCharsets.UTF_8).trim();

        String id = ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path dir = Files.createDirectories(target.resolve("pig-oracle"));
        Path log = dir.resolve("pig-oracle-" + id + ".log");
        Path scratch = dir.resolve("work-" + id);
        deleteRecursively(scratch);
        Files.createDirectories(scratch);

        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // Deterministic decoding of scripts/data whatever the locale (Java 18+ default anyway).
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dferry.oracle.workDir=" + scratch.resolve("tmp"));
        String extra = System.getProperty("ferry.oracle.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(own + java.io.File.pathSeparator + deps);
        cmd.add(SERVER_CLASS);

        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        PigOracle oracle = new PigOracle(p, log, scratch);
        String first = oracle.await(START_TIMEOUT, "start");
        if (!"READY".equals(first)) {
            oracle.kill("unexpected greeting: " + first);
            throw new IOException("Pig oracle did not start (got '" + first + "'); see " + log + oracle.logTail());
        }
        return oracle;
    }

    /**
     * The oracle module's target directory. An explicit system property
     * {@code ferry.oracle.target} wins; otherwise the first of these holding
     * {@value #CLASSPATH_FILE}: {@code <ferry.root>/oracle/target}, {@code <ferry.root>/target}
     * ({@code ferry.root} is set by the parent pom for every module's tests; it is the oracle
     * module itself when that is built alone), {@code oracle/target}, {@code ../oracle/target},
     * {@code target} (relative to the working directory). Falls back to the first candidate.
     */
    public static Path defaultTargetDir() {
        String explicit = System.getProperty("ferry.oracle.target");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("ferry.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Paths.get(root, "oracle", "target"));
            candidates.add(Paths.get(root, "target"));
        }
        candidates.add(Paths.get("oracle", "target"));
        candidates.add(Paths.get("..", "oracle", "target"));
        candidates.add(Paths.get("target"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve(CLASSPATH_FILE))) {
                return p;
            }
        }
        return candidates.get(0);
    }

    /**
     * One oracle per JVM, started on first use from {@link #defaultTargetDir()} and closed by a
     * shutdown hook. Restarted transparently if it died (e.g. after a timeout). Do not close it.
     */
    public static synchronized PigOracle shared() throws IOException {
        if (shared == null || !shared.isAlive()) {
            boolean first = shared == null;
            shared = start(defaultTargetDir());
            if (first) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    synchronized (PigOracle.class) {
                                        if (shared != null) {
                                            shared.close();
                                        }
                                    }
                                },
                                "pig-oracle-shutdown"));
            }
        }
        return shared;
    }

    /**
     * Runs a Pig script to completion (all STOREs written) in local mode.
     *
     * @param script the Pig Latin file
     * @param params Pig parameters ({@code -param} semantics), in iteration order; may be empty
     * @throws PigOracleException Pig's error message if the script fails to parse or any job fails
     * @throws IOException the oracle process died, timed out (it is then killed) or was closed
     */
    public synchronized void run(Path script, Map<String, String> params) throws PigOracleException, IOException {
        request("RUN", script, params, "");
    }

    /**
     * Runs a Pig script like {@link #run(Path, Map)}, writing what Pig prints to stdout (each DUMP's lines, as
     * {@code pig} prints them on the console) to {@code printed} (UTF-8).
     */
    public synchronized void run(Path script, Map<String, String> params, Path printed)
            throws PigOracleException, IOException {
        String printedPath = printed.toAbsolutePath().normalize().toString();
        checkField(printedPath, "printed output path");
        request("RUN", script, params, "\t" + printedPath);
    }

    /**
     * Checks a Pig script the way {@code pig -check} does (parameter substitution, macro expansion,
     * parsing and validation of the whole logical plan) without running any job.
     *
     * @throws PigOracleException Pig's error message when Pig rejects the script
     * @throws IOException the oracle process died, timed out (it is then killed) or was closed
     */
    public synchronized void check(Path script, Map<String, String> params) throws PigOracleException, IOException {
        request("CHECK", script, params, "");
    }

    private void request(String verb, Path script, Map<String, String> params, String extra)
            throws PigOracleException, IOException {
        ensureUsable();
        String scriptPath = script.toAbsolutePath().normalize().toString();
        checkField(scriptPath, "script path");
        Path paramFile = null;
        try {
            String paramArg = "-";
            if (params != null && !params.isEmpty()) {
                paramFile = Files.createTempFile(scratchDir, "params-", ".properties");
                writeParams(paramFile, params);
                paramArg = paramFile.toString();
                checkField(paramArg, "param file path");
            }
            send(verb + "\t" + scriptPath + "\t" + paramArg + extra);
            String answer = await(runTimeout, verb.toLowerCase(java.util.Locale.ROOT) + " " + scriptPath);
            if (answer.equals("OK")) {
                return;
            }
            if (answer.startsWith("ERROR\t")) {
                throw new PigOracleException(unescape(answer.substring("ERROR\t".length())));
            }
            kill("protocol error: " + answer);
            throw new IOException("Pig oracle protocol error, got '" + answer + "'");
        } finally {
            if (paramFile != null) {
                Files.deleteIfExists(paramFile);
            }
        }
    }

    /** Like {@link #run(Path, Map)} without parameters. */
    public void run(Path script) throws PigOracleException, IOException {
        run(script, Map.of());
    }

    /** Maximum time one {@link #run} may take before the server is killed (default 10 min). */
    public synchronized void setRunTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.runTimeout = timeout;
    }

    /** True while the server process runs and has not been closed. */
    public synchronized boolean isAlive() {
        return !closed && deathReason == null && process.isAlive();
    }

    /** The server's stderr: Pig/Hadoop warnings and errors with stack traces, one timing line per run. */
    public Path logFile() {
        return logFile;
    }

    /** Asks the server to quit (waits up to 10 s, then kills it). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                try {
                    send("QUIT");
                } catch (IOException ignored) {
                    // already gone
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            deleteRecursively(scratchDir);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: Pig may leave temp files behind
        }
    }

    // ---------------------------------------------------------------- internals

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IOException("Pig oracle is closed");
        }
        if (deathReason != null) {
            throw new IOException("Pig oracle is dead (" + deathReason + "); see " + logFile);
        }
        if (!process.isAlive()) {
            deathReason = "exited with code " + process.exitValue();
            throw new IOException("Pig oracle " + deathReason + "; see " + logFile + logTail());
        }
    }

    private void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    private String await(Duration timeout, String what) throws IOException {
        String line;
        try {
            line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("interrupted during " + what);
            throw new IOException("interrupted while waiting for the Pig oracle (" + what + "); it was killed", e);
        }
        if (line == null) {
            kill("timed out after " + timeout + " during " + what);
            throw new IOException(
                    "Pig oracle timed out after " + timeout + " (" + what + "); it was killed. See " + logFile);
        }
        if (line == EOF) {
            answers.offer(EOF); // keep reporting EOF to later callers
            String exit = "";
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    exit = " with code " + process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deathReason = "exited" + exit + " during " + what;
            throw new IOException("Pig oracle " + deathReason + "; see " + logFile + logTail());
        }
        return line;
    }

    private void kill(String reason) {
        deathReason = reason;
        process.destroyForcibly();
    }

    private void pumpAnswers() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                answers.offer(line);
            }
        } catch (IOException ignored) {
            // process gone
        } finally {
            answers.offer(EOF);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - 20);
            return lines.isEmpty()
                    ? ""
                    : "\n--- last lines of the oracle log ---\n" + String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void checkField(String value, String what) {
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must not contain tabs or line breaks: " + value);
        }
    }

    /** Writes a java.util.Properties file keeping the map's order (Properties.store would not). */
    static void writeParams(Path file, Map<String, String> params) throws IOException {
        StringBuilder b = new StringBuilder("# Pig parameters for the Ferry oracle, in -param order\n");
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                throw new IllegalArgumentException("bad Pig parameter: " + e.getKey() + "=" + e.getValue());
            }
            escapeProperty(b, e.getKey());
            b.append('=');
            escapeProperty(b, e.getValue());
            b.append('\n');
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private static void escapeProperty(StringBuilder b, String s) {
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
                case '\f':
                    b.append("\\f");
                    break;
                case '=':
                case ':':
                case '#':
                case '!':
                case ' ':
                    b.append('\\').append(c);
                    break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    default:
                        b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
