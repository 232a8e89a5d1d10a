package dev.ferry.parser.oozie;

import java.util.List;

/** The actions whose main Oozie runs in a YARN launcher with the action's {@code <file>}s and {@code <archive>}s. */
public sealed interface PodAction extends BoundAction
        permits JavaAction, MapReduceAction, SparkAction, SqoopAction, DistcpAction, HiveAction {

    List<ElementText> files();

    List<ElementText> archives();
}
