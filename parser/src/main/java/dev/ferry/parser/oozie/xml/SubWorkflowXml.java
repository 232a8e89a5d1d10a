package dev.ferry.parser.oozie.xml;

/** {@code <sub-workflow>} of uri:oozie:workflow 0.1-1.0. */
public interface SubWorkflowXml {
    String getAppPath();

    /** The {@code <propagate-configuration/>} flag, null when absent. */
    Object getPropagateConfiguration();
}
