package dev.ferry.parser.repo;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.repo.FerryConfig.Entry;
import dev.ferry.parser.repo.FerryConfig.Sizing;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code ferry.yaml} at the repository's root against its schema, strictly: composed (not constructed), so
 * every key and value has its line and column; an unknown key, a repeated key, a value of the wrong type or out of
 * range is FERRY-E010 at it, and then nothing of the file is applied. The schema:
 *
 * <pre>
 * submissions:                       # properties file → application (file or directory), relative to the root
 *   conf/daily.properties: apps/daily
 * sizing:                            # every field optional at every level; the nearest level wins, field by field
 *   parallelism: 4
 *   jobManagerMemory: 1600m
 *   taskManagerMemory: 4g
 *   dags:
 *     DAG_ID:
 *       parallelism: 8
 *       tasks:
 *         TASK_ID: {taskManagerMemory: 8g}
 * </pre>
 */
public final class FerryConfigReader {

    /** Flink's largest parallelism (its max-parallelism bound). */
    static final int MAX_PARALLELISM = 32768;
    /** Characters read at most: a ferry.yaml is a few lines. */
    static final int MAX_CHARS = 1 << 20;

    /** Flink's MemorySize text: a number and an optional unit. */
    private static final Pattern MEMORY = Pattern.compile(
            "[0-9]+\\s*(b|bytes|k|kb|kibibytes|m|mb|mebibytes|g|gb|gibibytes|t|tb|tebibytes)?",
            Pattern.CASE_INSENSITIVE);

    private final String display;
    private final Diagnostics diagnostics;
    private boolean failed;

    private FerryConfigReader(String display, Diagnostics diagnostics) {
        this.display = display;
        this.diagnostics = diagnostics;
    }

    /** The repository's ferry.yaml, {@link FerryConfig#NONE} when there is none or it has a problem (reported). */
    public static FerryConfig read(Path root, Diagnostics diagnostics) {
        Path file = root.resolve(FerryConfig.FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return FerryConfig.NONE;
        }
        Optional<Path> inside = new RepoRoot(root).file(file, SourceSpan.file(FerryConfig.FILE_NAME), diagnostics);
        if (inside.isEmpty()) {
            return FerryConfig.NONE;
        }
        try (Reader reader = Files.newBufferedReader(inside.get(), StandardCharsets.UTF_8)) {
            return parse(reader, FerryConfig.FILE_NAME, diagnostics);
        } catch (IOException e) {
            diagnostics.report(
                    DiagnosticCode.IO_E001,
                    SourceSpan.file(FerryConfig.FILE_NAME),
                    "cannot read " + FerryConfig.FILE_NAME + ": " + e.getMessage());
            return FerryConfig.NONE;
        }
    }

    /** Parses a ferry.yaml's text; {@code display} names it in diagnostics. */
    public static FerryConfig parse(Reader reader, String display, Diagnostics diagnostics) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(16);
        Node document;
        try {
            document = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.report(
                    DiagnosticCode.FERRY_E010,
                    mark == null
                            ? SourceSpan.file(display)
                            : SourceSpan.of(display, mark.getLine() + 1, mark.getColumn() + 1),
                    "not valid YAML: " + e.getProblem());
            return FerryConfig.NONE;
        } catch (YAMLException e) {
            diagnostics.report(
                    DiagnosticCode.FERRY_E010, SourceSpan.file(display), "not valid YAML: " + e.getMessage());
            return FerryConfig.NONE;
        }
        if (document == null) {
            return FerryConfig.NONE; // an empty file
        }
        FerryConfigReader read = new FerryConfigReader(display, diagnostics);
        FerryConfig config = read.config(document);
        return read.failed ? FerryConfig.NONE : config;
    }

    private FerryConfig config(Node document) {
        SortedMap<String, Entry<String>> submissions = new TreeMap<>();
        Sizing sizing = Sizing.NONE;
        for (NodeTuple field : fields(document, "the file", Set.of("submissions", "sizing"))) {
            String key = scalar(field.getKeyNode());
            if (key.equals("submissions")) {
                for (NodeTuple entry : fields(field.getValueNode(), "submissions", null)) {
                    String app = text(entry.getValueNode(), "the application of " + scalar(entry.getKeyNode()));
                    if (app != null) {
                        submissions.put(scalar(entry.getKeyNode()), new Entry<>(app, span(entry.getKeyNode())));
                    }
                }
            } else {
                sizing = sizing(field.getValueNode(), "sizing", Level.REPOSITORY);
            }
        }
        return new FerryConfig(submissions, sizing);
    }

    private enum Level {
        REPOSITORY,
        DAG,
        TASK
    }

    private Sizing sizing(Node node, String where, Level level) {
        Set<String> allowed = new HashSet<>(List.of("parallelism", "jobManagerMemory", "taskManagerMemory"));
        if (level == Level.REPOSITORY) {
            allowed.add("dags");
        } else if (level == Level.DAG) {
            allowed.add("tasks");
        }
        Integer parallelism = null;
        String jobManagerMemory = null;
        String taskManagerMemory = null;
        SortedMap<String, Entry<Sizing>> children = new TreeMap<>();
        for (NodeTuple field : fields(node, where, allowed)) {
            String key = scalar(field.getKeyNode());
            Node value = field.getValueNode();
            switch (key) {
                case "parallelism" -> parallelism = parallelism(value, where);
                case "jobManagerMemory" -> jobManagerMemory = memory(value, where + ".jobManagerMemory");
                case "taskManagerMemory" -> taskManagerMemory = memory(value, where + ".taskManagerMemory");
                default -> {
                    for (NodeTuple child : fields(value, where + "." + key, null)) {
                        String id = scalar(child.getKeyNode());
                        children.put(
                                id,
                                new Entry<>(
                                        sizing(
                                                child.getValueNode(),
                                                where + "." + key + "." + id,
                                                level == Level.REPOSITORY ? Level.DAG : Level.TASK),
                                        span(child.getKeyNode())));
                    }
                }
            }
        }
        return level == Level.REPOSITORY
                ? new Sizing(parallelism, jobManagerMemory, taskManagerMemory, children, new TreeMap<>())
                : new Sizing(parallelism, jobManagerMemory, taskManagerMemory, new TreeMap<>(), children);
    }

    private Integer parallelism(Node node, String where) {
        String text = text(node, where + ".parallelism");
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_PARALLELISM) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(
                node,
                where + ".parallelism must be a whole number from 1 to " + MAX_PARALLELISM + ", not '" + text + "'");
        return null;
    }

    private String memory(Node node, String where) {
        String text = text(node, where);
        if (text != null && !MEMORY.matcher(text.strip()).matches()) {
            problem(node, where + " must be a memory size such as 2048m or 4g, not '" + text + "'");
            return null;
        }
        return text == null ? null : text.strip();
    }

    /** A mapping's entries, each key a plain scalar once; {@code allowed} null allows any key. */
    private List<NodeTuple> fields(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where + " must be a mapping (key: value lines)");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<NodeTuple> good = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                problem(tuple.getKeyNode(), "a key of " + where + " must be plain text");
                continue;
            }
            String key = scalar(tuple.getKeyNode());
            if (!seen.add(key)) {
                problem(tuple.getKeyNode(), "'" + key + "' is given twice in " + where);
            } else if (allowed != null && !allowed.contains(key)) {
                problem(
                        tuple.getKeyNode(),
                        "unknown key '" + key + "' in " + where + " (expected one of "
                                + allowed.stream().sorted().toList() + ")");
            } else {
                good.add(tuple);
            }
        }
        return good;
    }

    private String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue();
        }
        problem(node, what + " must be a single value");
        return null;
    }

    private static String scalar(Node node) {
        return ((ScalarNode) node).getValue();
    }

    private SourceSpan span(Node node) {
        Mark mark = node.getStartMark();
        return SourceSpan.of(display, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private void problem(Node node, String message) {
        failed = true;
        diagnostics.report(
                DiagnosticCode.FERRY_E010,
                span(node),
                message,
                "see the ferry.yaml section of the README; nothing of " + display + " is applied until it is fixed");
    }
}
