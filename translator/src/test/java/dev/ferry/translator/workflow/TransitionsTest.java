package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.OozieReader;
import dev.ferry.parser.oozie.WorkflowApp;
import dev.ferry.parser.oozie.WorkflowNode;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transitions that leave each Oozie node (the plan's edges, by port) and what they imply: the actions that have
 * succeeded whenever a run reaches a node. Graphs are written short, start to the first node, and {@code end},
 * {@code kill} always there: {@code a>b/c} an action ok to b, error to c; {@code d?b,c:e} a decision with cases to b
 * and c, default e; {@code f<a,b} a fork of paths a and b; {@code j>b} a join to b.
 */
class TransitionsTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a>end/kill                 | a   | a ok end, a error kill
            a>end/end                  | a   | a ok end, a error end
            d?a,a:end a>end/kill       | d   | d case a, d case end
            d?a,end:a a>end/kill       | d   | d case a, d case end
            f<a,b a>j/kill b>j/kill j>end | f | f next a, f next b
            f<a,b a>j/kill b>j/kill j>end | j | j next end
            a>end/kill                 | end | ''
            a>end/kill                 | kill | ''
            """)
    void edgesLeaveByTheirTransition(String graph, String node, String expected) {
        WorkflowNode found = workflow(graph).nodes().stream()
                .filter(n -> n.name().equals(node))
                .findFirst()
                .orElseThrow();
        assertEquals(
                expected,
                WorkflowTranslator.edges(found).stream()
                        .map(e -> e.from() + " " + e.port().name().toLowerCase(Locale.ROOT) + " " + e.to())
                        .collect(Collectors.joining(", ")));
    }

    @ParameterizedTest(name = "[{index}] {0}: before {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a>b/kill b>end/kill                                | b    | a
            a>c/kill c>b/kill b>end/kill                       | b    | a c
            a>end/b b>end/kill                                 | b    | ''
            a>b/b b>end/kill                                   | b    | ''
            a>b/c c>b/kill b>end/kill                          | b    | ''
            a>b/c c>b/kill b>end/kill                          | c    | ''
            d?a:c a>b/kill c>b/kill b>end/kill                 | b    | ''
            d?a:c a>b/kill c>b/kill b>end/kill                 | a    | ''
            f<a,c a>j/kill c>j/kill j>b b>end/kill             | b    | a c
            f<a,c a>j/kill c>j/kill j>b b>end/kill             | c    | ''
            f<a,c a>j/j c>j/kill j>b b>end/kill                | b    | c
            f<a,c a>e/kill e>j/kill c>j/kill j>b b>end/kill    | b    | a c e
            f<a,c a>e/e e>j/kill c>j/kill j>b b>end/kill       | b    | c e
            """)
    void actionsRunBeforeANode(String graph, String node, String expected) {
        assertEquals(
                expected,
                String.join(
                        " ", new TreeSet<>(ActionsRunBefore.of(workflow(graph)).of(node))));
    }

    /** The workflow the short form describes (see the class comment). */
    private static WorkflowApp workflow(String graph) {
        String[] nodes = graph.trim().split("\\s+");
        StringBuilder xml = new StringBuilder(
                "<workflow-app xmlns=\"uri:oozie:workflow:1.0\" name=\"wf\"><start to=\"" + name(nodes[0]) + "\"/>");
        for (String node : nodes) {
            if (node.contains("?")) {
                String[] parts = node.split("[?:]");
                xml.append("<decision name=\"").append(parts[0]).append("\"><switch>");
                for (String to : parts[1].split(",")) {
                    xml.append("<case to=\"")
                            .append(to)
                            .append("\">${wf:conf('x') eq '")
                            .append(to)
                            .append("'}</case>");
                }
                xml.append("<default to=\"").append(parts[2]).append("\"/></switch></decision>");
            } else if (node.contains("<")) {
                String[] parts = node.split("<");
                xml.append("<fork name=\"").append(parts[0]).append("\">");
                for (String path : parts[1].split(",")) {
                    xml.append("<path start=\"").append(path).append("\"/>");
                }
                xml.append("</fork>");
            } else if (node.contains("/")) {
                String[] parts = node.split("[>/]");
                xml.append("<action name=\"")
                        .append(parts[0])
                        .append("\"><fs><mkdir path=\"/tmp/")
                        .append(parts[0])
                        .append("\"/></fs><ok to=\"")
                        .append(parts[1])
                        .append("\"/><error to=\"")
                        .append(parts[2])
                        .append("\"/></action>");
            } else {
                String[] parts = node.split(">");
                xml.append("<join name=\"")
                        .append(parts[0])
                        .append("\" to=\"")
                        .append(parts[1])
                        .append("\"/>");
            }
        }
        xml.append("<kill name=\"kill\"><message>failed</message></kill><end name=\"end\"/></workflow-app>");
        Diagnostics diagnostics = new Diagnostics();
        return OozieReader.readWorkflow(xml.toString(), "workflow.xml", diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted().toString()));
    }

    private static String name(String node) {
        return node.split("[>?<]")[0];
    }
}
