package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.secrets.SecretNames;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a Pig action's parameters have when Pig runs the script, as templates: the action's
 * {@code <param>}s first (Pig loads {@code -param}s before the script), then the script's {@code %default}
 * and {@code %declare} lines in order, each value substituted with the parameters defined before it
 * (PreprocessorContext.processOrdLine): {@code %default} only sets a name not set yet, {@code %declare}
 * always does, and a reference to a name not defined yet (a cycle included) is Pig's error
 * "Undefined parameter : b found when trying to find the value of a". A value that is a shell command's output is
 * read from the Airflow Variable of the parameter's name.
 */
final class PigParamValues {

    /** Pig's parameter references, {@code ${name}} and {@code $name}, unless escaped as {@code \$}. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?<!\\\\)\\$(?:\\{(_*[A-Za-z][A-Za-z0-9_]*)}|(_*[A-Za-z][A-Za-z0-9_]*))");
    /** A value past this many characters stops the expansion (each may repeat the ones before). */
    static final int MAX_LENGTH = 1_000_000;

    private PigParamValues() {}

    /**
     * @param actionParams the action's params as templates, in order
     * @return every parameter's value as a template, or empty after a diagnostic
     */
    static Optional<Map<String, Template>> resolve(
            Map<String, Template> actionParams, List<PigScript.ParamDefault> defaults, Diagnostics diagnostics) {
        Map<String, Template> values = new LinkedHashMap<>(actionParams);
        boolean ok = true;
        for (PigScript.ParamDefault d : defaults) {
            if (!d.declare() && values.containsKey(d.name())) {
                continue;
            }
            if (d.isShellCommand()) {
                // Ferry never runs it (PIG-W005 where the script is translated): a person supplies its output.
                values.put(d.name(), Template.of(new RuntimeExpr.Variable(d.name())));
                continue;
            }
            if (SecretNames.isSecret(d.name())) {
                values.put(d.name(), secret(d.name(), d.span(), diagnostics));
                continue;
            }
            List<Template.Part> out = new ArrayList<>();
            int length = 0;
            Matcher m = REFERENCE.matcher(d.value());
            int last = 0;
            boolean defined = true;
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String before = literal(d.value().substring(last, m.start()));
                out.add(new Template.Text(before));
                length += before.length();
                last = m.end();
                Template value = values.get(name);
                if (value == null) {
                    diagnostics.report(
                            DiagnosticCode.PIG_E002,
                            d.span(),
                            "Undefined parameter : " + name + " found when trying to find the value of " + d.name()
                                    + ".",
                            "Pig substitutes a %default or" + " %declare value when it reads the line: define '" + name
                                    + "' before it, or pass it as a <param>");
                    defined = false;
                    break;
                }
                length += length(value);
                if (length > MAX_LENGTH) {
                    diagnostics.report(
                            DiagnosticCode.IO_E003,
                            d.span(),
                            "the value of parameter '" + d.name() + "' expands to more than " + MAX_LENGTH
                                    + " characters; Ferry stops here",
                            "");
                    defined = false;
                    break;
                }
                out.addAll(value.parts());
            }
            if (!defined) {
                ok = false;
                continue;
            }
            out.add(new Template.Text(literal(d.value().substring(last))));
            values.put(d.name(), new Template(out));
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /** A parameter whose name says it is a secret: a reference to the Airflow Variable of that name, and a warning. */
    static Template secret(String name, SourceSpan span, Diagnostics diagnostics) {
        diagnostics.report(
                DiagnosticCode.OOZ_W002,
                span,
                "Pig parameter '" + name + "' looks like a secret; its value is not"
                        + " written: the job reads it from the Airflow Variable '" + name + "'",
                "create the Variable '" + name + "' (or a secrets backend entry) before the DAG runs");
        return Template.of(new RuntimeExpr.Variable(name));
    }

    /** The characters a template's literal parts hold (its values count as one each): what bounds the expansion. */
    private static int length(Template template) {
        int length = 0;
        for (Template.Part part : template.parts()) {
            length += part instanceof Template.Text text ? text.text().length() : 1;
        }
        return length;
    }

    /** Literal value text: Pig's {@code \$} escape unescaped. */
    private static String literal(String text) {
        return text.replace("\\$", "$");
    }
}
