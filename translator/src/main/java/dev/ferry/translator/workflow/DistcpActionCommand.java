package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.DistcpAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;

/** {@code <distcp>}: {@code hadoop distcp -conf action.xml ARGS}, java-opts in the client JVM's options. */
final class DistcpActionCommand implements PodCommand<DistcpAction> {

    @Override
    public String imageNeeds(DistcpAction action) {
        return "a Hadoop client configured for the source and target file systems";
    }

    @Override
    public void build(PodCommandContext context, DistcpAction distcp) {
        context.add("hadoop", "distcp", "-conf", PodCommandContext.ACTION_XML);
        context.command.addAll(context.templates(distcp.args()));
        Template javaOpts = context.template(distcp.javaOpts());
        if (javaOpts != null) {
            PodActionTranslator.addClientOpts(context, TemplateText.splitOptions(javaOpts));
        }
    }
}
