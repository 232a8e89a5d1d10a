package dev.ferry.generator.preview;

import dev.ferry.generator.report.Report;
import dev.ferry.generator.report.Report.Finding;
import dev.ferry.generator.text.Templates;
import dev.ferry.translator.repo.Conversion;
import dev.ferry.translator.workflow.TaskNode;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Renders the preview page: through an auto-escaping template (preview.html.ftlh), so every string from the input
 * (names, paths, source text) is HTML-escaped; one constant inline script allowed by its hash in the page's
 * Content-Security-Policy, so even a string that escaped escaping could not run; nothing fetched from the network.
 */
public final class PreviewRenderer {

    private static final String SCRIPT = resource("preview.js");

    private PreviewRenderer() {}

    /**
     * The page: every DAG of the conversion, {@code sources} giving the text of an input file by its path (shown with
     * every secret value replaced, {@link SourceRedaction}).
     */
    public static String html(
            Conversion conversion, Map<String, String> generated, Function<String, Optional<String>> sources) {
        return html(conversion, generated, sources, plan -> true);
    }

    /** As {@link #html(Conversion, Map, Function)}, only the DAGs {@code shown} accepts. */
    public static String html(
            Conversion conversion,
            Map<String, String> generated,
            Function<String, Optional<String>> sources,
            Predicate<WorkflowPlan> shown) {
        Report report = Report.of(conversion);
        Findings findings = new Findings(report.diagnostics());
        Map<String, Optional<String>> texts = new TreeMap<>();
        Function<String, Optional<String>> redacted = SourceRedaction.of(sources);
        Function<String, Optional<String>> source = file -> texts.computeIfAbsent(file, redacted);
        List<DagView> dags = new ArrayList<>();
        for (WorkflowPlan plan : conversion.plans()) {
            if (shown.test(plan)) {
                dags.add(dag(dags.size(), plan, generated, source, findings));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("repository", report.repository());
        model.put("summary", report.summary());
        model.put(
                "errors", report.diagnostics().stream().filter(Finding::isError).toList());
        model.put("dags", dags);
        model.put("script", SCRIPT);
        model.put("scriptHash", sha256Base64(SCRIPT));
        return Templates.render("preview.html.ftlh", model);
    }

    /** One DAG: the graph drawn and one panel per task. */
    public record DagView(
            int index,
            String id,
            String file,
            List<String> sources,
            String schedule,
            int width,
            int height,
            List<NodeView> nodes,
            List<EdgeView> edges,
            List<TaskView> tasks,
            List<Finding> findings) {}

    /** A task in the drawing; {@code kind} as in report.json (flink_job, decision, kill...). */
    public record NodeView(int index, String id, String kind, boolean todo, int x, int y, int width, int height) {}

    /** A transition in the drawing: {@code port} next, ok, error or case; {@code path} SVG path data. */
    public record EdgeView(String from, String to, String port, String path) {}

    /**
     * What clicking a task shows. {@code pigSql} is empty unless the task is a Pig action; {@code carried} are the
     * files of the repository a pod action's container gets (a Hive script, a jar's configuration...).
     */
    public record TaskView(
            int index,
            String id,
            String kind,
            boolean todo,
            String source,
            List<String> outputs,
            CodeView oozie,
            CodeView python,
            CodeView pig,
            CodeView sql,
            List<AlignedRow> pigSql,
            CodeView deployment,
            List<CodeView> carried,
            List<Finding> findings) {}

    /** Lines of one file; {@code file} is where they come from. */
    public record CodeView(String file, List<CodeLine> lines) {}

    /** One line and the diagnostics reported at it (TODOs highlighted there). */
    public record CodeLine(int number, String text, List<Finding> findings) {}

    /** One SQL statement beside the Pig lines it comes from. */
    public record AlignedRow(List<CodeLine> pig, List<CodeLine> sql) {}

    private static DagView dag(
            int index,
            WorkflowPlan plan,
            Map<String, String> generated,
            Function<String, Optional<String>> source,
            Findings findings) {
        String dagFile = "dags/" + plan.dagId() + ".py";
        String dagText = generated.getOrDefault(dagFile, "");
        List<GraphLayout.Box> boxes = new ArrayList<>();
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        for (TaskNode task : plan.tasks()) {
            indexOf.put(task.id(), boxes.size());
            int chars = Math.max(task.id().length(), Report.kind(task).length());
            boxes.add(new GraphLayout.Box(task.id(), Math.min(360, 24 + 7 * chars)));
        }
        List<GraphLayout.Link> links = new ArrayList<>();
        List<WorkflowPlan.Edge> drawn = new ArrayList<>();
        for (WorkflowPlan.Edge edge : plan.edges()) {
            if (indexOf.containsKey(edge.from()) && indexOf.containsKey(edge.to())) {
                links.add(new GraphLayout.Link(indexOf.get(edge.from()), indexOf.get(edge.to())));
                drawn.add(edge);
            }
        }
        GraphLayout.Drawing drawing = GraphLayout.layout(boxes, links);
        List<NodeView> nodes = new ArrayList<>();
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            TaskNode task = plan.tasks().get(i);
            GraphLayout.PlacedBox box = drawing.boxes().get(i);
            boolean todo = Report.todo(task);
            nodes.add(new NodeView(i, task.id(), Report.kind(task), todo, box.x(), box.y(), box.width(), box.height()));
            tasks.add(task(i, task, todo, dagFile, dagText, generated, source, findings));
        }
        List<EdgeView> edges = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            WorkflowPlan.Edge edge = drawn.get(i);
            StringBuilder path = new StringBuilder();
            for (GraphLayout.Point p : drawing.routes().get(i)) {
                path.append(path.length() == 0 ? "M" : " L")
                        .append(p.x())
                        .append(' ')
                        .append(p.y());
            }
            edges.add(
                    new EdgeView(edge.from(), edge.to(), edge.port().name().toLowerCase(Locale.ROOT), path.toString()));
        }
        Set<String> files = new TreeSet<>(plan.sourceFiles());
        plan.tasks().stream()
                .filter(TaskNode.FlinkJob.class::isInstance)
                .forEach(t -> files.add(((TaskNode.FlinkJob) t).job().sourceFile()));
        List<Finding> dagFindings =
                findings.all.stream().filter(f -> files.contains(f.file())).toList();
        return new DagView(
                index,
                plan.dagId(),
                dagFile,
                plan.sourceFiles(),
                plan.schedule() == null ? null : plan.schedule().describe(),
                drawing.width(),
                drawing.height(),
                nodes,
                edges,
                tasks,
                dagFindings);
    }

    private static TaskView task(
            int index,
            TaskNode task,
            boolean todo,
            String dagFile,
            String dagText,
            Map<String, String> generated,
            Function<String, Optional<String>> source,
            Findings findings) {
        String file = task.span().file();
        CodeView oozie = source.apply(file)
                .map(text -> {
                    SourceExcerpts.Range range = SourceExcerpts.xmlElement(
                            text, task.span().line(), task.span().column());
                    return code(file, text, range.first(), range.last(), findings);
                })
                .orElse(new CodeView(file, List.of()));
        SourceExcerpts.Range pyRange = SourceExcerpts.pythonTask(dagText, task.id());
        CodeView python = pyRange == null
                ? new CodeView(dagFile, List.of())
                : code(dagFile, dagText, pyRange.first(), pyRange.last(), Findings.NONE);
        List<Finding> taskFindings =
                oozie.lines().stream().flatMap(l -> l.findings().stream()).toList();
        List<String> outputs = List.of();
        CodeView pig = null;
        CodeView sql = null;
        CodeView deployment = null;
        List<AlignedRow> rows = List.of();
        List<CodeView> carried = List.of();
        if (task instanceof TaskNode.FlinkJob job) {
            outputs = List.of(job.scriptPath(), job.deploymentPath());
            String pigFile = job.job().sourceFile();
            String sqlText = generated.getOrDefault(job.scriptPath(), "");
            Optional<String> pigText = source.apply(pigFile);
            pig = pigText.map(t -> code(pigFile, t, 1, Integer.MAX_VALUE, findings))
                    .orElse(new CodeView(pigFile, List.of()));
            sql = code(job.scriptPath(), sqlText, 1, Integer.MAX_VALUE, Findings.NONE);
            rows = aligned(pig, sql, SourceExcerpts.sqlBlocks(sqlText, pigFile));
            String yaml = generated.getOrDefault(job.deploymentPath(), "");
            deployment = code(job.deploymentPath(), yaml, 1, Integer.MAX_VALUE, Findings.NONE);
            List<Finding> withPig = new ArrayList<>(taskFindings);
            pig.lines().forEach(l -> withPig.addAll(l.findings()));
            taskFindings = withPig;
        } else if (task instanceof TaskNode.PodJob pod) {
            outputs =
                    pod.container().carried().stream().map(c -> c.outputPath()).toList();
            carried = pod.container().carried().stream()
                    .map(c -> code(
                            c.outputPath(),
                            generated.getOrDefault(c.outputPath(), c.content()),
                            1,
                            Integer.MAX_VALUE,
                            Findings.NONE))
                    .toList();
        }
        return new TaskView(
                index,
                task.id(),
                Report.kind(task),
                todo,
                task.span().toString(),
                outputs,
                oozie,
                python,
                pig,
                sql,
                rows,
                deployment,
                carried,
                List.copyOf(taskFindings));
    }

    /**
     * Each SQL statement beside the Pig statement(s) it comes from: from the first Pig line not shown yet to the line
     * before the next statement a later SQL statement names (a Pig statement spans lines), so reading down both
     * columns follows the script; the last statement takes the rest of the script.
     */
    private static List<AlignedRow> aligned(CodeView pig, CodeView sql, List<SourceExcerpts.SqlBlock> blocks) {
        List<AlignedRow> rows = new ArrayList<>();
        int shown = 0;
        for (int k = 0; k < blocks.size(); k++) {
            SourceExcerpts.SqlBlock block = blocks.get(k);
            int named =
                    block.pigLines().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<CodeLine> left = List.of();
            if (named > shown) {
                int next = pig.lines().size() + 1;
                for (SourceExcerpts.SqlBlock later : blocks.subList(k + 1, blocks.size())) {
                    for (int line : later.pigLines()) {
                        if (line > named) {
                            next = Math.min(next, line);
                        }
                    }
                }
                left = lines(pig, shown + 1, next - 1);
                shown = next - 1;
            }
            rows.add(new AlignedRow(left, lines(sql, block.first(), block.last())));
        }
        if (shown < pig.lines().size()) {
            rows.add(new AlignedRow(lines(pig, shown + 1, pig.lines().size()), List.of()));
        }
        return rows;
    }

    private static List<CodeLine> lines(CodeView view, int first, int last) {
        return view.lines().stream()
                .filter(l -> l.number() >= first && l.number() <= last)
                .toList();
    }

    private static CodeView code(String file, String text, int first, int last, Findings findings) {
        String[] all = text.split("\n", -1);
        int count = text.endsWith("\n") ? all.length - 1 : all.length;
        List<CodeLine> lines = new ArrayList<>();
        for (int n = Math.max(1, first); n <= Math.min(count, last); n++) {
            lines.add(new CodeLine(n, all[n - 1].replace("\r", ""), findings.at(file, n)));
        }
        return new CodeView(file, List.copyOf(lines));
    }

    /** Diagnostics by file and line. */
    private record Findings(List<Finding> all, Map<String, Map<Integer, List<Finding>>> byLine) {

        static final Findings NONE = new Findings(List.of());

        Findings(List<Finding> all) {
            this(all, index(all));
        }

        private static Map<String, Map<Integer, List<Finding>>> index(List<Finding> all) {
            Map<String, Map<Integer, List<Finding>>> map = new TreeMap<>();
            for (Finding f : all) {
                map.computeIfAbsent(f.file(), k -> new TreeMap<>())
                        .computeIfAbsent(f.line(), k -> new ArrayList<>())
                        .add(f);
            }
            return map;
        }

        List<Finding> at(String file, int line) {
            return List.copyOf(byLine.getOrDefault(file, Map.of()).getOrDefault(line, List.of()));
        }
    }

    private static String resource(String name) {
        try (InputStream in = PreviewRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
