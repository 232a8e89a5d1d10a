package dev.ferry.diagnostics;

/** How bad a diagnostic is: errors stop output from being written, warnings become report TODOs. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
