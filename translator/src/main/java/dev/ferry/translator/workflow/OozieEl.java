package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElToJinja;
import java.util.Map;
import java.util.Optional;

/** The EL a workflow carries, parsed once per expression and turned into Jinja or a constant. */
final class OozieEl {

    private final Diagnostics diagnostics;

    OozieEl(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Text with {@code ${...}} parts → a Jinja template rendered per run; null stays null. */
    String template(String text, SourceSpan span) {
        if (text == null) {
            return null;
        }
        return ElParser.parse(text, span, diagnostics).map(t -> ElToJinja.render(t, diagnostics)).orElse(text);
    }

    /** A decision case → {@code {{ python expression }}} that renders True or False. */
    String predicate(String text, SourceSpan span) {
        return ElParser.parse(text, span, diagnostics).map(t -> ElToJinja.predicate(t, diagnostics)).orElse(text);
    }

    /** The value at conversion time, when it only depends on known properties. */
    Optional<String> resolve(String text, SourceSpan span, Map<String, String> known) {
        Optional<ElTemplate> parsed = ElParser.parse(text, span, diagnostics);
        return parsed.flatMap(t -> ElConstantFolder.resolve(t, known));
    }
}
