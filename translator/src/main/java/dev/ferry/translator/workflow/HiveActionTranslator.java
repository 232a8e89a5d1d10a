package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.HiveAction;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.el.ElFunctionTable;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code <hive>} (0.2-1.0) and {@code <hive2>} (0.1-1.0): the HiveQL is not translated (Flink 2.2 has no Hive
 * dialect here) but run as it is by the Hive CLI or beeline, in the order Oozie's HiveMain / Hive2Main build
 * their arguments: connection (hive2), {@code -f script} or {@code -e query}, {@code --hivevar} per param,
 * the {@code <argument>}s; the configuration as {@code --hiveconf} (hive: all of it, as HiveMain's
 * hive-site.xml; hive2: the {@code oozie.*} properties, as Hive2Main). The script is carried into the output;
 * a hive2 {@code <password>} becomes a Kubernetes Secret reference.
 */
final class HiveActionTranslator implements PodCommand<HiveAction> {

    static final String PASSWORD_ENV = "HIVE2_PASSWORD";

    @Override
    public String imageNeeds(HiveAction hive) {
        return hive.beeline()
                ? "beeline (Hive 2+ client) able to reach the HiveServer2 JDBC URL"
                : "the Hive CLI with a hive-site.xml for the metastore";
    }

    @Override
    public void build(PodCommandContext context, HiveAction hive) {
        boolean beeline = hive.beeline();
        List<Template> argv = context.command;
        String type = beeline ? "hive2" : "hive";
        if (beeline) {
            context.add("beeline", "-u");
            argv.add(context.template(hive.jdbcUrl()));
            context.add("-n");
            argv.add(Template.of(new RuntimeExpr.FunctionCall(
                    ElFunctionTable.function("wf:user").orElseThrow(), List.of())));
            context.add("-p");
            if (hive.password() != null) {
                String secret = PodActionTranslator.secretName(context, "hive2");
                context.add("$(" + PASSWORD_ENV + ")");
                context.secretEnv.add(new PodContainer.SecretEnv(PASSWORD_ENV, secret, "password"));
                context.diagnostics.report(
                        DiagnosticCode.OOZ_W002,
                        hive.password().span(),
                        "the <password> of '" + context.node.name() + "' is not written to any generated file",
                        "store it in key 'password' of Kubernetes Secret '" + secret + "'");
            } else {
                context.add("DUMMY"); // Hive2Main: something, or beeline prompts for it
            }
            context.add("-d", "org.apache.hive.jdbc.HiveDriver");
        } else {
            context.add("hive");
            // HiveMain writes the action configuration as hive-site.xml; --hiveconf carries the same.
            context.configuration.forEach((name, value) -> {
                context.add("--hiveconf");
                argv.add(TemplateText.concat(name + "=", value));
            });
        }
        if (hive.script() != null) {
            context.add("-f");
            argv.add(script(context, hive.script()));
        } else if (hive.query() != null) {
            context.add("-e");
            argv.add(context.template(hive.query()));
        }
        for (Template param : context.templates(hive.params())) {
            context.add("--hivevar");
            argv.add(param);
        }
        // Hive2Main's "-a delegationToken" is left out: no Oozie credential step obtains a token here.
        argv.addAll(context.templates(hive.arguments()));
        if (beeline) {
            // Hive2Main passes only oozie.* properties (not oozie.launcher.*, oozie.hive2.*) to beeline.
            context.configuration.forEach((name, value) -> {
                if (name.matches("^oozie\\.(?!launcher|hive2).+")) {
                    context.add("--hiveconf");
                    argv.add(TemplateText.concat(name + "=", value));
                }
            });
        }
        context.diagnostics.report(
                DiagnosticCode.OOZ_W021,
                hive.span(),
                "the HiveQL of <" + type + "> action '" + context.node.name()
                        + "' is not translated to Flink SQL; it runs unchanged in "
                        + (beeline ? "beeline" : "the Hive CLI"),
                "port it to Flink SQL by hand when the Hive cluster goes away");
    }

    /**
     * The script's path in the pod. A script in the workflow directory is copied to the output and placed in
     * the working directory; one that is not there (or named by a run-time value) is fetched from the
     * workflow's application path like a {@code <file>}, with a warning: it is run, not translated, so its
     * absence here is no error.
     */
    private static Template script(PodCommandContext context, ElementText script) {
        Optional<String> resolved = context.el.resolve(script.text(), script.textSpan(), context.knownValues);
        SourceSpan span = script.span();
        if (resolved.isPresent()
                && !resolved.get().contains("://")
                && !resolved.get().startsWith("/")) {
            RepoRoot.Located located = context.sources.root().locate(context.sources.workflowDir(), resolved.get());
            if (located.outside()) {
                context.sources.root().checked(located, script.textSpan(), context.diagnostics);
                return Template.text(resolved.get());
            }
            Path file = located.path();
            if (located.inside() && Files.isRegularFile(file)) {
                return carry(context, file, span, resolved.get());
            }
            Optional<Path> elsewhere = elsewhere(context, resolved.get());
            if (elsewhere.isPresent()) {
                return carry(context, elsewhere.get(), span, resolved.get());
            }
            context.warn(
                    span,
                    "hive script '" + resolved.get() + "' of '" + context.node.name()
                            + "' is not in the repository (looked for " + context.sources.display(file)
                            + "); the pod fetches it from the workflow's application path",
                    "add the script to the repository");
        } else {
            Optional<Path> elsewhere = elsewhere(context, resolved.orElse(script.text()));
            if (elsewhere.isPresent()) {
                return carry(context, elsewhere.get(), span, resolved.orElse(script.text()));
            }
            context.warn(
                    span,
                    "hive script '" + script.text() + "' of '" + context.node.name()
                            + "' is not a file of the workflow directory; the pod fetches it at run time",
                    "use a path relative to the workflow directory so Ferry carries it");
        }
        Template path = context.template(script);
        context.fetchedFiles.add(path);
        return TemplateText.concat(PodCommandContext.WORKDIR + "/", ActionFiles.link(path));
    }

    /** The script found elsewhere in the repository (a shared folder above the workflow, an HDFS path's tail). */
    private static Optional<Path> elsewhere(PodCommandContext context, String script) {
        return AppPaths.actionFile(
                script, context.knownValues, context.sources.repoRoot(), context.sources.workflowDir());
    }

    /** The script copied to the output and placed in the pod's working directory. */
    private static Template carry(PodCommandContext context, Path file, SourceSpan span, String named) {
        try {
            String link = file.getFileName().toString();
            context.carried.add(new PodContainer.CarriedFile(
                    "scripts/" + context.dagId + "/" + context.node.name() + "/" + link,
                    link,
                    Files.readString(file, StandardCharsets.UTF_8)));
            return Template.text(PodCommandContext.WORKDIR + "/" + link);
        } catch (IOException e) {
            context.diagnostics.report(
                    DiagnosticCode.IO_E001,
                    span,
                    "cannot read " + context.sources.display(file) + ": " + e.getMessage());
            return Template.text(named);
        }
    }
}
