package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.translator.el.ElConstantFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Oozie application's name as people read it in a DAG's description. Oozie resolves a name's EL with the job's
 * configuration ({@code name="loop-${loop_name}-wf"}): each expression the submission's properties make constant is
 * printed resolved, as Oozie would name the job; one only a run knows (a property the parent passes) is printed as
 * {@code <loop_name>} and listed, so the description can say it is resolved at run time instead of showing raw EL.
 */
public final class ReadableNames {

    private ReadableNames() {}

    /** A name: its text with each run-time expression as {@code <expression>}, and those expressions in order. */
    public record Name(String text, List<String> atRunTime) {
        public Name {
            atRunTime = List.copyOf(atRunTime);
        }
    }

    public static Name of(String name, Map<String, String> known) {
        Optional<ElTemplate> parsed = ElParser.parse(name, SourceSpan.file("name"), new Diagnostics());
        if (parsed.isEmpty()) {
            return new Name(name, List.of()); // not EL: its parse error is reported where the name is read
        }
        StringBuilder text = new StringBuilder();
        List<String> atRunTime = new ArrayList<>();
        for (ElPart part : parsed.get().parts()) {
            if (part instanceof ElExpression e) {
                Optional<String> value = ElConstantFolder.resolve(new ElTemplate(List.of(part)), known);
                if (value.isPresent()) {
                    text.append(value.get());
                } else {
                    String inner = "<"
                            + e.source().substring(2, e.source().length() - 1).trim() + ">";
                    text.append(inner);
                    if (!atRunTime.contains(inner)) {
                        atRunTime.add(inner);
                    }
                }
            } else {
                text.append(((ElPart.ElText) part).text());
            }
        }
        return new Name(text.toString(), atRunTime);
    }

    /**
     * A DAG's description: the workflow's name, the coordinator's when one schedules it, and which parts of them
     * only a run resolves.
     */
    public static String description(String workflow, String coordinator, Map<String, String> known) {
        Name w = of(workflow, known);
        List<String> atRunTime = new ArrayList<>(w.atRunTime());
        StringBuilder text = new StringBuilder("Oozie workflow " + w.text());
        if (coordinator != null) {
            Name c = of(coordinator, known);
            text.append(", scheduled by coordinator ").append(c.text());
            c.atRunTime().stream().filter(x -> !atRunTime.contains(x)).forEach(atRunTime::add);
        }
        if (!atRunTime.isEmpty()) {
            text.append(" (").append(String.join(", ", atRunTime)).append(": resolved at run time)");
        }
        return text.toString();
    }
}
