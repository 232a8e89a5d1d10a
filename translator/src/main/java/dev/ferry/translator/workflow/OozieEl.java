package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.secrets.SecretNames;
import dev.ferry.secrets.SecretText;
import dev.ferry.translator.el.ElConstantFolder;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The EL a workflow carries, parsed once per expression and lowered to a template or folded to a constant. */
final class OozieEl {

    private final Diagnostics diagnostics;

    OozieEl(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Text with {@code ${...}} parts → a template rendered per run; null stays null. A secret in the text (by
     * shape, {@link SecretText}) becomes a reference to the Airflow Variable named after its key, with an OOZ-W002
     * warning naming the key: its value is never written.
     */
    Template template(String text, SourceSpan span) {
        if (text == null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        String withoutSecrets = SecretText.replace(text, key -> {
            keys.add(key);
            return SECRET_MARK + (keys.size() - 1) + SECRET_MARK;
        });
        Template lowered = ElParser.parse(withoutSecrets, span, diagnostics)
                .map(t -> ElLowering.template(t, diagnostics))
                .orElseGet(() -> Template.text(withoutSecrets));
        if (keys.isEmpty()) {
            return lowered;
        }
        for (String key : keys) {
            secretWarning(key, span, diagnostics);
        }
        return withVariables(lowered, keys);
    }

    /** An option that takes its value as the next argument and whose name says it is a secret: {@code --password}. */
    private static final Pattern SECRET_OPTION = Pattern.compile("-{1,2}D?([A-Za-z_][\\w.\\-]*)");

    /**
     * Argument elements ({@code <arg>}, {@code <argument>}...) as templates, in order. Besides the secrets
     * {@link #template} finds inside one text, an argument that follows a secret-named option on its own
     * ({@code <arg>--password</arg><arg>s3cret</arg>}) is a secret: a Variable reference named after the option,
     * with an OOZ-W002 warning. A value that is EL ({@code ${dbPassword}}) is kept: it names no secret text.
     */
    List<Template> arguments(List<ElementText> elements) {
        List<Template> out = new ArrayList<>();
        String secretOption = null;
        for (ElementText e : elements) {
            String text = e.text();
            if (secretOption != null
                    && !text.isEmpty()
                    && !text.startsWith("-")
                    && !text.trim().startsWith("${")) {
                secretWarning(secretOption, e.textSpan(), diagnostics);
                out.add(Template.of(new RuntimeExpr.Variable(secretOption)));
                secretOption = null;
                continue;
            }
            out.add(template(text, e.textSpan()));
            Matcher option = SECRET_OPTION.matcher(text.trim());
            secretOption = option.matches() && SecretNames.isSecret(option.group(1)) ? option.group(1) : null;
        }
        return out;
    }

    /** Warns that the secret {@code key} is read from the Airflow Variable of that name. */
    static void secretWarning(String key, SourceSpan span, Diagnostics diagnostics) {
        diagnostics.report(
                DiagnosticCode.OOZ_W002,
                span,
                "a secret ('" + key + "') is written as a value here;"
                        + " the generated files read it from the Airflow Variable '" + key + "' instead",
                "create the Variable (or a secrets backend entry) '" + key + "' before the DAG runs");
    }

    /** Marks where a secret's value was, in literal text, until it becomes a {@link RuntimeExpr.Variable}. */
    private static final String SECRET_MARK = "\u0001ferry-secret\u0001";

    /**
     * The literal parts' secret marks replaced by Variable references. A mark can only sit in literal text: the
     * secret shapes never start with {@code ${}, and a value is cut before the quotes an EL string would need.
     */
    private static Template withVariables(Template template, List<String> keys) {
        List<Template.Part> parts = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (!(part instanceof Template.Text text)) {
                parts.add(part);
                continue;
            }
            String[] pieces = text.text().split(SECRET_MARK, -1);
            // pieces alternate: text, key index, text, key index, ..., text
            for (int i = 0; i < pieces.length; i++) {
                if (i % 2 == 0) {
                    parts.add(new Template.Text(pieces[i]));
                } else {
                    parts.add(new Template.Value(new RuntimeExpr.Variable(keys.get(Integer.parseInt(pieces[i])))));
                }
            }
        }
        return new Template(parts);
    }

    /** A decision case → a value that is True or False per run. */
    Template predicate(String text, SourceSpan span) {
        return ElParser.parse(text, span, diagnostics)
                .map(t -> ElLowering.predicate(t, diagnostics))
                .orElseGet(() -> Template.text(text));
    }

    /** The value at conversion time, when it only depends on known properties. */
    Optional<String> resolve(String text, SourceSpan span, Map<String, String> known) {
        Optional<ElTemplate> parsed = ElParser.parse(text, span, diagnostics);
        return parsed.flatMap(t -> ElConstantFolder.resolve(t, known));
    }
}
