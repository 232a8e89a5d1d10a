package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.SqoopAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sqoop>}: {@code sqoop TOOL -conf action.xml ARGS}. The {@code <command>} splits on spaces as
 * Oozie's SqoopActionExecutor does, or the {@code <arg>}s are taken as they are. A literal
 * {@code --password VALUE} never reaches the DAG: the value comes from a Kubernetes Secret.
 */
final class SqoopActionCommand implements PodCommand<SqoopAction> {

    static final String PASSWORD_ENV = "SQOOP_PASSWORD";

    @Override
    public String imageNeeds(SqoopAction action) {
        return "Sqoop 1.4 with the JDBC driver and a Hadoop client configured for the cluster";
    }

    @Override
    public void build(PodCommandContext context, SqoopAction sqoop) {
        List<Template> args = new ArrayList<>();
        ElementText command = sqoop.command();
        if (command != null) {
            for (String part : splitOutsideEl(command.text())) {
                args.add(context.el.template(part, command.textSpan()));
            }
        } else {
            args.addAll(context.templates(sqoop.args()));
        }
        for (int i = 0; i + 1 < args.size(); i++) {
            if (TemplateText.isText(args.get(i), "--password")
                    && !args.get(i + 1).parts().isEmpty()) {
                String secret = PodActionTranslator.secretName(context, "sqoop");
                args.set(i + 1, Template.text("$(" + PASSWORD_ENV + ")"));
                context.secretEnv.add(new PodContainer.SecretEnv(PASSWORD_ENV, secret, "password"));
                context.diagnostics.report(
                        DiagnosticCode.OOZ_W002,
                        sqoop.span(),
                        "the password (--password) of '" + context.node.name()
                                + "' is not written to any generated file",
                        "store it in key 'password' of Kubernetes Secret '" + secret + "' (or use --password-file)");
            }
        }
        context.add("sqoop");
        if (!args.isEmpty()) {
            context.command.add(args.get(0));
        }
        context.add("-conf", PodCommandContext.ACTION_XML);
        context.command.addAll(args.subList(Math.min(1, args.size()), args.size()));
    }

    /**
     * Oozie splits the command on spaces after evaluating its EL; the split here happens before (the EL
     * becomes a template rendered per run), so a space inside {@code ${...}} does not split, and neither does
     * a space an EL value would bring at run time.
     */
    static List<String> splitOutsideEl(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
            if (c == ' ' && depth == 0) {
                if (part.length() > 0) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
            } else {
                part.append(c);
            }
        }
        if (part.length() > 0) {
            parts.add(part.toString());
        }
        return parts;
    }
}
