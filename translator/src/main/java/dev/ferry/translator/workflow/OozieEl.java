package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.Template;
import java.util.Map;
import java.util.Optional;

/** The EL a workflow carries, parsed once per expression and lowered to a template or folded to a constant. */
final class OozieEl {

    private final Diagnostics diagnostics;

    OozieEl(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Text with {@code ${...}} parts → a template rendered per run; null stays null. */
    Template template(String text, SourceSpan span) {
        if (text == null) {
            return null;
        }
        return ElParser.parse(text, span, diagnostics).map(t -> ElLowering.template(t, diagnostics))
                .orElseGet(() -> Template.text(text));
    }

    /** A decision case → a value that is True or False per run. */
    Template predicate(String text, SourceSpan span) {
        return ElParser.parse(text, span, diagnostics).map(t -> ElLowering.predicate(t, diagnostics))
                .orElseGet(() -> Template.text(text));
    }

    /** The value at conversion time, when it only depends on known properties. */
    Optional<String> resolve(String text, SourceSpan span, Map<String, String> known) {
        Optional<ElTemplate> parsed = ElParser.parse(text, span, diagnostics);
        return parsed.flatMap(t -> ElConstantFolder.resolve(t, known));
    }
}
