package dev.ferry.generator.k8s;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Kubernetes objects (maps, lists, strings, numbers, booleans) printed as YAML by SnakeYAML's emitter:
 * every scalar is quoted and escaped as YAML needs (a name like {@code yes}, {@code 1.0} or one holding
 * {@code ": #"} or a line break stays a string), keys in insertion order, block style, two-space indents. A
 * document of plain words only is written by {@link BlockYaml} in the same text, without SnakeYAML's machinery.
 */
final class YamlDocuments {

    /** One per thread: a Yaml instance is not safe to share, and DAGs' files are rendered on several threads. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> new Yaml(options()));

    private YamlDocuments() {}

    /** {@code comment} (constant text, never input) as {@code #} lines, then each document, separated by {@code ---}. */
    static String render(String comment, List<Map<String, Object>> documents) {
        StringBuilder out = new StringBuilder();
        comment.lines()
                .forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            Map<String, Object> document = documents.get(i);
            out.append(BlockYaml.print(document).orElseGet(() -> YAML.get().dump(document)));
        }
        return out.toString();
    }

    static DumperOptions options() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setAllowUnicode(true);
        // A list shared by two objects (the same verbs) is printed twice, never as an anchor and alias:
        // SnakeYAML numbers anchors across dumps, which made the output differ from run to run.
        options.setDereferenceAliases(true);
        return options;
    }
}
