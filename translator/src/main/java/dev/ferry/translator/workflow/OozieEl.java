package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.parser.oozie.SecretText;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElToJinja;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EL a workflow carries, parsed once per expression and turned into Jinja or a constant. */
final class OozieEl {

    private final Diagnostics diagnostics;

    OozieEl(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Text with {@code ${...}} parts → a Jinja template rendered per run; null stays null. A secret in the text
     * (by shape, {@link SecretText}) becomes a reference to the Airflow Variable named after its key, with an
     * OOZ-W002 warning naming the key: its value is never written.
     */
    String template(String text, SourceSpan span) {
        if (text == null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        String withoutSecrets = SecretText.replace(text, key -> {
            keys.add(key);
            return SECRET_MARK + (keys.size() - 1) + SECRET_MARK;
        });
        String rendered = ElParser.parse(withoutSecrets, span, diagnostics).map(t -> ElToJinja.render(t, diagnostics))
                .orElse(withoutSecrets);
        for (int i = 0; i < keys.size(); i++) {
            diagnostics.report(DiagnosticCode.OOZ_W002, span, "a secret ('" + keys.get(i) + "') is written as a value here;"
                    + " the generated files read it from the Airflow Variable '" + keys.get(i) + "' instead",
                    "create the Variable (or a secrets backend entry) '" + keys.get(i) + "' before the DAG runs");
            rendered = rendered.replace(SECRET_MARK + i + SECRET_MARK, variable(keys.get(i)));
        }
        return rendered;
    }

    private static final String SECRET_MARK = "\u0001ferry-secret\u0001";

    /** The Jinja reference to the Airflow Variable holding a secret. */
    static String variable(String key) {
        return "{{ var.value.get(" + ElToJinja.quote(key) + ") }}";
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
