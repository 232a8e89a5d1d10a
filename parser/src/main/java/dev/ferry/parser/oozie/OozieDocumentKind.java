package dev.ferry.parser.oozie;

/** What an Oozie XML file is, by its root element. */
public enum OozieDocumentKind {
    WORKFLOW("workflow-app"),
    COORDINATOR("coordinator-app"),
    BUNDLE("bundle-app"),
    /** A dataset include file ({@code <datasets>} root) referenced by coordinators. */
    DATASETS("datasets"),
    /** Not Oozie XML, not well-formed, or unreadable. */
    UNKNOWN("");

    private final String rootElement;

    OozieDocumentKind(String rootElement) {
        this.rootElement = rootElement;
    }

    public String rootElement() {
        return rootElement;
    }
}
