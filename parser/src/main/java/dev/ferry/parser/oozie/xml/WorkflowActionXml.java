package dev.ferry.parser.oozie.xml;

/** An {@code <action>} of uri:oozie:workflow 0.1-1.0: the core action elements it may hold. */
public interface WorkflowActionXml {
    PigXml getPig();

    JavaXml getJava();

    MapReduceXml getMapReduce();

    SubWorkflowXml getSubWorkflow();
}
