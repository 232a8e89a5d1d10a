package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.JavaAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <java>}: the main class run by a JVM whose classpath is the workflow's lib/ jars, with the action
 * configuration in {@code oozie.action.conf.xml} and, for capture-output, {@code oozie.action.output.properties}
 * set as system properties, the way Oozie's JavaMain launcher passes them.
 */
final class JavaActionCommand implements PodCommand<JavaAction> {

    static final String OUTPUT_PROPERTIES = PodCommandContext.WORKDIR + "/output.properties";

    @Override
    public String imageNeeds(JavaAction action) {
        return "a JRE and the workflow's lib/ jars in " + PodCommandContext.APP_LIB;
    }

    @Override
    public Optional<String> libJarsHint() {
        return Optional.of("");
    }

    @Override
    public void build(PodCommandContext context, JavaAction java) {
        context.command.addAll(jvm(
                context,
                java.javaOpts(),
                java.javaOpt(),
                context.template(java.mainClass()),
                context.templates(java.args())));
        if (java.captureOutput()) {
            context.captureOutput = true;
        }
    }

    /** {@code java <launcher opts> <java-opts> -D... -cp lib main args...}: shared with a custom MapReduce main. */
    static List<Template> jvm(
            PodCommandContext context,
            ElementText javaOpts,
            List<ElementText> javaOpt,
            Template mainClass,
            List<Template> args) {
        List<Template> argv = new ArrayList<>();
        argv.add(Template.text("java"));
        context.launcherJavaOpts.forEach(o -> argv.add(Template.text(o)));
        argv.addAll(TemplateText.splitOptions(context.template(javaOpts)));
        argv.addAll(context.templates(javaOpt));
        argv.add(Template.text("-Doozie.action.conf.xml=" + PodCommandContext.ACTION_XML));
        argv.add(Template.text("-Doozie.action.output.properties=" + OUTPUT_PROPERTIES));
        argv.add(Template.text("-cp"));
        argv.add(Template.text(
                PodCommandContext.APP_LIB + "/*:" + PodCommandContext.WORKDIR + "/*:" + PodCommandContext.WORKDIR));
        argv.add(mainClass);
        argv.addAll(args);
        return argv;
    }
}
