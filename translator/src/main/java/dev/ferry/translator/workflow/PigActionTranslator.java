package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.oozie.ActionNode;
import dev.ferry.parser.oozie.PigAction;
import dev.ferry.parser.oozie.PigParam;
import dev.ferry.parser.pig.PigLoader;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.secrets.SecretNames;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.pig.PigToSql;
import dev.ferry.translator.pig.SchemaFiles;
import dev.ferry.translator.sql.SqlJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A {@code <pig>} action → a Flink SQL job task: the script translated, its params bound per run. */
final class PigActionTranslator {

    private PigActionTranslator() {}

    static Optional<TaskNode> translate(
            String dagId,
            ActionNode node,
            PigAction pig,
            TriggerRule rule,
            WorkflowSources sources,
            Map<String, String> knownValues,
            OozieEl el,
            List<TaskNode.FlinkJob> jobsRunBefore,
            Diagnostics diagnostics) {
        Optional<String> scriptName = el.resolve(pig.script(), pig.scriptSpan(), knownValues);
        if (scriptName.isEmpty()) {
            return missingScript(
                    node,
                    pig,
                    rule,
                    "the pig script path '" + pig.script() + "' depends on run-time values",
                    "Ferry translates scripts at conversion time; use a path relative to the workflow directory",
                    diagnostics);
        }
        RepoRoot.Located located = sources.root().locate(sources.workflowDir(), stripScheme(scriptName.get()));
        if (located.outside()) {
            sources.root().checked(located, pig.scriptSpan(), diagnostics);
            return Optional.empty();
        }
        Path script = located.path();
        if (!located.inside() || !Files.isRegularFile(script)) {
            return missingScript(
                    node,
                    pig,
                    rule,
                    "pig script '" + scriptName.get() + "' is not in the repository (looked for "
                            + sources.display(script) + ")",
                    "add the script to the workflow directory (Oozie reads it from the application's HDFS directory)",
                    diagnostics);
        }
        // IMPORTs resolved and macros expanded; parameters stay symbolic (bound when the job runs).
        Diagnostics scriptDiagnostics = new Diagnostics();
        Optional<PigScript> parsed =
                PigLoader.load(sources.root(), script, sources.display(script), Optional.empty(), scriptDiagnostics);
        Set<String> given = pig.params().stream().map(PigParam::name).collect(Collectors.toSet());
        SchemaFiles repository = SchemaFiles.inRepository(sources.root(), script.getParent());
        Optional<SqlJob> job = parsed.flatMap(p -> PigToSql.translate(
                p,
                node.name(),
                given,
                sources.hiveTables(),
                jobsRunBefore.isEmpty()
                        ? repository
                        : EarlierStores.of(paramValues(pig, p), jobsRunBefore).orElse(repository),
                scriptDiagnostics));
        if (job.isEmpty()) {
            return NotTranslatedScript.placeholder(node, rule, sources.display(script), scriptDiagnostics, diagnostics);
        }
        diagnostics.addAll(scriptDiagnostics);
        Map<String, Template> actionParams = new LinkedHashMap<>();
        for (PigParam param : pig.params()) {
            actionParams.put(param.name(), el.template(param.value(), param.span()));
            if (SecretNames.isSecret(param.name())) {
                actionParams.put(param.name(), PigParamValues.secret(param.name(), param.span(), diagnostics));
            }
        }
        // The script's %default/%declare values, substituted in order as Pig's preprocessor does.
        Optional<Map<String, Template>> values =
                PigParamValues.resolve(actionParams, parsed.get().defaults(), diagnostics);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<String, Template> params = new TreeMap<>(actionParams);
        boolean missing = false;
        for (SqlJob.JobParameter parameter : job.get().parameters()) {
            if (parameter.secret()) {
                // A password the script wrote into a path: the job reads it from the Variable (warned where the path
                // is).
                params.put(parameter.name(), Template.of(new RuntimeExpr.Variable(parameter.name())));
            } else if (parameter.name().equals("user.name")) {
                // ${user.name} in a path: Hadoop fills in the user Pig runs as, the workflow's user under Oozie (a
                // <param> of that name does not reach it: Pig's preprocessor takes no dotted names).
                params.put(parameter.name(), el.template("${wf:user()}", pig.span()));
            } else if (values.get().containsKey(parameter.name())) {
                params.put(parameter.name(), values.get().get(parameter.name()));
            } else {
                diagnostics.report(
                        DiagnosticCode.PIG_E002,
                        pig.span(),
                        "the script uses $" + parameter.name() + " but the action passes no <param>" + parameter.name()
                                + "=...</param> and the script declares no %default",
                        "add the param to the action or a %default to " + sources.display(script));
                missing = true;
            }
        }
        if (missing) {
            return Optional.empty();
        }
        List<TaskNode.PrepareStep> prepare = PrepareSteps.of(pig.prepare(), el);
        String scriptPath = "flink/" + dagId + "/" + node.name() + ".sql";
        String deploymentPath = "k8s/" + dagId + "/" + node.name() + ".yaml";
        String deploymentName = WorkflowTranslator.DagNames.dns(dagId + "-" + node.name(), 45);
        FlinkDeploymentSpec deployment = FlinkDeploymentSpec.forJob(deploymentName, "/opt/ferry/" + scriptPath);
        OptionalInt parallelism = PigParallelism.of(parsed.get(), values.get(), diagnostics);
        if (parallelism.isPresent()) {
            deployment = deployment.withParallelism(parallelism.getAsInt());
        }
        // Pig resolves a scheme-less LOAD/STORE path on fs.defaultFS, which Oozie sets from <name-node>.
        String nameNode = sources.workflow().settings(node).nameNode();
        Template defaultFs = nameNode == null ? null : el.template(nameNode, pig.span());
        return Optional.of(new TaskNode.FlinkJob(
                node.name(),
                node.span(),
                rule,
                job.get(),
                scriptPath,
                deploymentPath,
                deployment,
                params,
                prepare,
                defaultFs,
                node.okTo(),
                node.errorTo(),
                RetryPolicies.of(node, diagnostics)));
    }

    /**
     * The values the action's parameters take in a run, its {@code <param>}s over the script's {@code %default}s (their
     * problems are reported where the job is built).
     */
    private static Map<String, Template> paramValues(PigAction pig, PigScript script) {
        Diagnostics ignored = new Diagnostics();
        OozieEl el = new OozieEl(ignored);
        Map<String, Template> actionParams = new LinkedHashMap<>();
        for (PigParam param : pig.params()) {
            actionParams.put(param.name(), el.template(param.value(), param.span()));
        }
        return PigParamValues.resolve(actionParams, script.defaults(), ignored).orElse(Map.of());
    }

    /**
     * A script Ferry cannot read is not bad Oozie input (Oozie reads it from HDFS only when the action starts): the
     * action becomes a task that fails with the TODO and takes its error transition, and the rest of the workflow
     * converts.
     */
    private static Optional<TaskNode> missingScript(
            ActionNode node, PigAction pig, TriggerRule rule, String why, String hint, Diagnostics diagnostics) {
        diagnostics.report(
                DiagnosticCode.OOZ_W009,
                pig.scriptSpan(),
                why + "; action '" + node.name() + "' becomes a task that fails with this TODO",
                hint);
        return Optional.of(new TaskNode.Placeholder(
                node.name(),
                node.span(),
                rule,
                "pig",
                "Pig action not translated: " + why + " (" + pig.scriptSpan() + ")",
                node.okTo(),
                node.errorTo()));
    }

    /** A script given as an HDFS URI keeps only its path part, resolved in the workflow directory. */
    private static String stripScheme(String path) {
        int scheme = path.indexOf("://");
        if (scheme < 0) {
            return path;
        }
        int slash = path.indexOf('/', scheme + 3);
        String name = slash < 0 ? path : path.substring(slash);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    static SourceSpan spanOf(PigAction pig) {
        return pig.span();
    }
}
