package dev.ferry.translator.workflow;

import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;

/** {@code <distcp>}: {@code hadoop distcp -conf action.xml ARGS}, java-opts in the client JVM's options. */
final class DistcpActionCommand implements PodCommand {

    @Override
    public String imageNeeds() {
        return "a Hadoop client configured for the source and target file systems";
    }

    @Override
    public void build(PodCommandContext context) {
        context.add("hadoop", "distcp", "-conf", PodCommandContext.ACTION_XML);
        context.command.addAll(context.texts("arg"));
        Template javaOpts = context.text("java-opts");
        if (javaOpts != null) {
            PodActionTranslator.addClientOpts(context, TemplateText.splitOptions(javaOpts));
        }
    }
}
