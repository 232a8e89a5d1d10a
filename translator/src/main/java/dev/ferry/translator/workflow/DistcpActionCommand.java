package dev.ferry.translator.workflow;

/** {@code <distcp>}: {@code hadoop distcp -conf action.xml ARGS}, java-opts in the client JVM's options. */
final class DistcpActionCommand implements PodCommand {

    @Override
    public String imageNeeds() {
        return "a Hadoop client configured for the source and target file systems";
    }

    @Override
    public void build(PodCommandContext context) {
        context.command.add("hadoop");
        context.command.add("distcp");
        context.command.add("-conf");
        context.command.add(PodCommandContext.ACTION_XML);
        context.command.addAll(context.texts("arg"));
        String javaOpts = context.text("java-opts");
        if (javaOpts != null) {
            PodActionTranslator.addClientOpts(context, PodCommandContext.splitOptions(javaOpts));
        }
    }
}
