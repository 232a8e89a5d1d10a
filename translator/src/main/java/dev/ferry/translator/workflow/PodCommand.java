package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.PodAction;
import java.util.Optional;

/**
 * How one Oozie action type becomes the argv (and env) of its container; one implementation per type, reading the
 * action's record.
 */
interface PodCommand<A extends PodAction> {

    /** The image param's placeholder value tells a person what the image must hold. */
    String imageNeeds(A action);

    void build(PodCommandContext context, A action);

    /**
     * For a main run from the workflow's lib/ jars: what else a person must know when they are missing (empty when
     * nothing); empty for a command that runs no such main.
     */
    default Optional<String> libJarsHint() {
        return Optional.empty();
    }

    /** Reports files the command reads that the repository lacks (after the {@code <file>} / {@code <archive>} checks). */
    default void checkFiles(PodCommandContext context, A action) {}
}
