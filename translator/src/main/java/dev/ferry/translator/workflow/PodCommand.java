package dev.ferry.translator.workflow;

/** How one Oozie action type becomes the argv (and env) of its container; one implementation per type. */
interface PodCommand {

    /** The image param's placeholder value tells a person what the image must hold. */
    String imageNeeds();

    void build(PodCommandContext context);
}
