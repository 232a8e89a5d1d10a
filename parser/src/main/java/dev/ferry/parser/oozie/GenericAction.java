package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * An action element no record of Oozie's schemas reads: a custom action executor's element (or one of Oozie's own
 * that does not bind to its generated class). Its whole element is kept for the report.
 */
public record GenericAction(String type, String namespace, SourceSpan span, XmlElement element) implements Action {

    /**
     * True for an action type Oozie ships (core, or an extension in a namespace of its bundled XSDs); false
     * for a custom action executor's element, whatever its name.
     */
    public boolean isOozieAction() {
        return ActionTypes.isKnown(element);
    }
}
