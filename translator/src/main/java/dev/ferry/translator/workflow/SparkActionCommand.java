package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.SparkAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.util.List;
import java.util.Optional;

/**
 * {@code <spark>}: {@code spark-submit} against the Kubernetes API server the pod runs in (YARN has no
 * place here), with Oozie's name, class, spark-opts, files, archives, jar and args in order. The Hadoop
 * configuration reaches Spark as {@code spark.hadoop.*}, as Oozie's SparkMain passes it.
 */
final class SparkActionCommand implements PodCommand<SparkAction> {

    static final String KUBERNETES_MASTER = "k8s://https://kubernetes.default.svc:443";
    /** Set by the runtime from the pod's status.podIP / metadata.name (Kubernetes downward API). */
    static final String POD_IP_ENV = "FERRY_POD_IP";

    static final String POD_NAME_ENV = "FERRY_POD_NAME";

    @Override
    public String imageNeeds(SparkAction action) {
        return "Spark 3+ (spark-submit on PATH) and the application jar or .py";
    }

    @Override
    public void checkFiles(PodCommandContext context, SparkAction spark) {
        if (spark.jar() != null) {
            ActionFiles.checkPresent(
                    context,
                    "<jar>",
                    List.of(context.template(spark.jar())),
                    spark.jar().span());
        }
    }

    @Override
    public void build(PodCommandContext context, SparkAction spark) {
        List<Template> argv = context.command;
        String master = master(context, spark);
        context.add("spark-submit", "--master", master);
        Template mode = context.template(spark.mode());
        // client: the driver runs in this pod, so the task lasts as long as the application.
        Template deployMode = context.resolved(spark.mode())
                .map(Template::text)
                .orElse(mode == null ? Template.text("client") : mode);
        context.add("--deploy-mode");
        argv.add(deployMode);
        if (master.startsWith("k8s://") && TemplateText.isText(deployMode, "client")) {
            // Executors connect back to the driver in this pod, and are owned by it (removed with it).
            context.add(
                    "--conf",
                    "spark.driver.host=$(" + POD_IP_ENV + ")",
                    "--conf",
                    "spark.kubernetes.driver.pod.name=$(" + POD_NAME_ENV + ")");
        }
        if (spark.name() != null) {
            context.add("--name");
            argv.add(context.template(spark.name()));
        }
        if (spark.mainClass() != null) {
            context.add("--class");
            argv.add(context.template(spark.mainClass()));
        }
        context.add("--conf");
        argv.add(TemplateText.concat("spark.kubernetes.container.image=", PodActionTranslator.image("spark")));
        context.configuration.forEach((name, value) -> {
            if (!name.startsWith("oozie.")) {
                context.add("--conf");
                argv.add(TemplateText.concat(
                        name.startsWith("spark.") ? name + "=" : "spark.hadoop." + name + "=", value));
            }
        });
        argv.addAll(TemplateText.splitOptions(context.template(spark.sparkOpts())));
        List<Template> files = context.templates(spark.files());
        if (!files.isEmpty()) {
            context.add("--files");
            argv.add(TemplateText.join(
                    ",", files.stream().map(SparkActionCommand::link).toList()));
        }
        List<Template> archives = context.templates(spark.archives());
        if (!archives.isEmpty()) {
            context.add("--archives");
            argv.add(TemplateText.join(
                    ",", archives.stream().map(SparkActionCommand::link).toList()));
        }
        argv.add(context.template(spark.jar()));
        argv.addAll(context.templates(spark.args()));
    }

    /** The files are fetched into the working directory first; spark-submit ships them from there. */
    private static Template link(Template entry) {
        return TemplateText.concat(PodCommandContext.WORKDIR + "/", ActionFiles.link(entry));
    }

    /** {@code local[...]} stays local; yarn (or anything else) becomes the pod's Kubernetes cluster. */
    private static String master(PodCommandContext context, SparkAction spark) {
        Optional<String> master = context.resolved(spark.master());
        if (master.isPresent() && master.get().startsWith("local")) {
            return master.get();
        }
        context.warn(
                context.span(spark.master()),
                "spark master '"
                        + master.orElse(
                                spark.master() == null ? null : spark.master().text()) + "' of '"
                        + context.node.name()
                        + "' becomes " + KUBERNETES_MASTER,
                "check the executors' resources (--conf spark.executor.*) and the service account");
        return KUBERNETES_MASTER;
    }
}
