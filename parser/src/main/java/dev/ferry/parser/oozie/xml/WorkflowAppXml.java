package dev.ferry.parser.oozie.xml;

import java.util.List;

/** A {@code <workflow-app>} of uri:oozie:workflow 0.1-1.0: its nodes, actions among them. */
public interface WorkflowAppXml {
    List<Object> getDecisionOrForkOrJoin();
}
