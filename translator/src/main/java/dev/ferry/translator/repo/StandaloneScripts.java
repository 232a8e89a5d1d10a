package dev.ferry.translator.repo;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.oozie.PigAction;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.pig.SchemaFiles;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.workflow.NotTranslatedScript;
import dev.ferry.work.InOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Pig scripts that no workflow runs. Teams keep ad-hoc and hand-run scripts beside their Oozie
 * apps; a migration that skipped them would leave them behind unnoticed, so each is translated as a pig action's
 * script is (parameters kept symbolic, bound when the job runs) and listed in the report.
 *
 * <p>A script counts as run by a workflow when a pig action's {@code <script>} resolved to it, or when the last
 * segment of some action's {@code <script>} is its file name (an action whose path only a run resolves, or whose
 * app did not convert). A file of macro definitions only (what {@code IMPORT} reads) is a library, not a script.
 */
final class StandaloneScripts {

    /** Under {@code flink/}: a DAG id never starts with '_', so no DAG's directory can be this one. */
    static final String OUTPUT_DIR = "flink/_standalone/";

    private StandaloneScripts() {}

    /** A script's translation with its own diagnostics (the caller adds them in the scripts' order). */
    private record Translated(StandaloneScript script, List<Diagnostic> diagnostics) {}

    /**
     * @param scripts           the repository's .pig files (inside it), sorted
     * @param translatedScripts the scripts the converted workflows' jobs translated (display paths)
     * @param workflows         the workflows that were read
     * @param unread            the repository's other XML files (one that did not parse may still name a script)
     */
    static List<StandaloneScript> translate(
            Path root,
            List<Path> scripts,
            Collection<String> translatedScripts,
            Collection<WorkflowApp> workflows,
            Collection<Path> unread,
            HiveTables hiveTables,
            Diagnostics all) {
        RepoRoot repo = new RepoRoot(root);
        List<Path> found = scripts.stream()
                .filter(p -> !translatedScripts.contains(repo.display(p)))
                .toList();
        if (found.isEmpty()) {
            return List.of(); // the usual case: every script is a job's, and no XML is read again
        }
        Set<String> runNames = new HashSet<>();
        for (WorkflowApp workflow : workflows) {
            workflow.actions().stream()
                    .filter(a -> a.action() instanceof PigAction)
                    .map(a -> ((PigAction) a.action()).script())
                    .forEach(script -> addName(script, runNames));
        }
        for (Path xml : unread) {
            scriptElements(xml).forEach(script -> addName(script, runNames));
        }
        List<Path> candidates = found.stream()
                .filter(p -> !runNames.contains(p.getFileName().toString()))
                .toList();
        List<StandaloneScript> standalone = new ArrayList<>();
        Set<String> outputs = new HashSet<>();
        InOrder.forEach(candidates, file -> translate(repo, file, hiveTables), translated -> {
            translated.diagnostics().forEach(all::add);
            StandaloneScript s = translated.script();
            if (s == null) {
                return; // a macro library
            }
            if (!s.outputPath().isEmpty()) {
                s = new StandaloneScript(
                        s.source(), unique(s.outputPath(), outputs), s.status(), s.job(), s.parameters(), s.reason());
            }
            standalone.add(s);
        });
        return List.copyOf(standalone);
    }

    private static Translated translate(RepoRoot repo, Path file, HiveTables hiveTables) {
        String display = repo.display(file);
        Diagnostics d = new Diagnostics();
        Optional<PigScript> parsed = PigLoader.load(repo, file, display, Optional.empty(), d);
        if (parsed.isPresent() && parsed.get().statements().stream().noneMatch(StandaloneScripts::storesOrBuilds)) {
            return new Translated(null, d.sorted());
        }
        if (parsed.isPresent()
                && parsed.get().statements().stream()
                        .noneMatch(s -> s instanceof PigStatement.Store
                                || s instanceof PigStatement.Split
                                || (s instanceof PigStatement.Command c
                                        && c.keyword().equals("DUMP")))) {
            return new Translated(
                    new StandaloneScript(
                            display, "", StandaloneScript.Status.NOTHING_STORED, Optional.empty(), List.of(), ""),
                    d.sorted());
        }
        String name = file.getFileName().toString();
        Optional<SqlJob> job = parsed.flatMap(p -> PigToSql.translate(
                p,
                name.substring(0, name.length() - ".pig".length()),
                java.util.Set.of(),
                hiveTables,
                SchemaFiles.inRepository(repo, file.getParent()),
                d));
        if (job.isPresent() && !d.hasErrors()) {
            List<String> parameters = job.get().parameters().stream()
                    .map(SqlJob.JobParameter::name)
                    .toList();
            return new Translated(
                    new StandaloneScript(
                            display, outputPath(display), StandaloneScript.Status.TRANSLATED, job, parameters, ""),
                    d.sorted());
        }
        List<Diagnostic> errors =
                d.sorted().stream().filter(Diagnostic::isError).toList();
        String reason = errors.isEmpty() ? "" : NotTranslatedScript.reason(errors);
        Optional<List<Diagnostic>> todos = NotTranslatedScript.asTodos(
                d, "no workflow runs this script; it is listed in the report as not translated");
        return todos.map(t -> new Translated(
                        new StandaloneScript(
                                display, "", StandaloneScript.Status.TODO, Optional.empty(), List.of(), reason),
                        t))
                .orElseGet(() -> new Translated(
                        new StandaloneScript(
                                display, "", StandaloneScript.Status.ERROR, Optional.empty(), List.of(), reason),
                        d.sorted()));
    }

    /** Whether a statement makes a script more than a macro library: it builds a relation or writes one. */
    private static boolean storesOrBuilds(PigStatement s) {
        return s instanceof PigStatement.Assign || s instanceof PigStatement.Store || s instanceof PigStatement.Split;
    }

    /** The file name a {@code <script>} value ends in, unless only a run resolves it ({@code ${name}.pig}). */
    private static void addName(String script, Set<String> names) {
        String name = script.substring(script.lastIndexOf('/') + 1).strip();
        if (!name.contains("$")) {
            names.add(name);
        }
    }

    /** {@code <script>} (any namespace prefix) in an XML file that did not parse; size bounded like the reader's. */
    private static final Pattern SCRIPT_ELEMENT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?script\\s*>([^<]*)<");

    private static final long MAX_UNREAD_BYTES = 16L << 20;

    private static List<String> scriptElements(Path xml) {
        try {
            if (Files.size(xml) > MAX_UNREAD_BYTES) {
                return List.of();
            }
            Matcher m = SCRIPT_ELEMENT.matcher(Files.readString(xml, StandardCharsets.UTF_8));
            List<String> scripts = new ArrayList<>();
            while (m.find()) {
                scripts.add(m.group(1));
            }
            return scripts;
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // its own read error is reported where the file is read as a workflow
        }
    }

    /**
     * {@code adhoc/clean up.pig} → {@code flink/_standalone/adhoc/clean_up.sql}: the script's path with every
     * character outside {@code [A-Za-z0-9._-]} as '_' and no segment starting with '.'.
     */
    static String outputPath(String display) {
        String withoutExtension = display.substring(0, display.length() - ".pig".length());
        List<String> segments = new ArrayList<>();
        for (String segment : withoutExtension.split("/")) {
            String safe = segment.replaceAll("[^A-Za-z0-9._-]", "_");
            segments.add(safe.startsWith(".") || safe.isEmpty() ? "_" + safe : safe);
        }
        return OUTPUT_DIR + String.join("/", segments) + ".sql";
    }

    /** {@code path}, or {@code path} with {@code -2}, {@code -3}... before {@code .sql} when another script has it. */
    private static String unique(String path, Set<String> taken) {
        String candidate = path;
        for (int n = 2; !taken.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = path.substring(0, path.length() - ".sql".length()) + "-" + n + ".sql";
        }
        return candidate;
    }
}
