package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * Any other action (shell, java, map-reduce, hive, hive2, sqoop, spark, ssh, distcp, sub-workflow...):
 * its whole element is kept so later translations can read it.
 */
public record GenericAction(String type, String namespace, SourceSpan span, XmlElement element) implements Action {

    /**
     * True for an action type Oozie ships (core, or an extension in a namespace of its bundled XSDs); false
     * for a custom action executor's element, whatever its name.
     */
    public boolean isOozieAction() {
        return ActionTypes.isKnown(element);
    }

    /**
     * The element bound to the class xjc generated for its namespace (for example
     * {@code dev.ferry.parser.oozie.xml.shell.v1_0.ACTION}); empty for a custom action type.
     */
    public java.util.Optional<Object> bound() {
        return OozieJaxb.bind(element);
    }
}
