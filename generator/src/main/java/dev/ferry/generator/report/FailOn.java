package dev.ferry.generator.report;

import java.util.List;

/**
 * The level at which {@code ferry check} fails: {@code error} (the input does not convert), {@code todo} (also an
 * action left as a task that fails with its TODO), {@code warning} (also any warning: every report TODO).
 */
public enum FailOn {
    ERROR,
    TODO,
    WARNING;

    /** Whether findings and TODO tasks of this size fail at this level. */
    public boolean fails(List<Report.Finding> findings, int todoTasks) {
        boolean errors = findings.stream().anyMatch(Report.Finding::isError);
        boolean warnings = findings.stream().anyMatch(f -> f.severity().equals("warning"));
        return switch (this) {
            case ERROR -> errors;
            case TODO -> errors || todoTasks > 0;
            case WARNING -> errors || todoTasks > 0 || warnings;
        };
    }

    public boolean fails(Report.App app) {
        return fails(app.diagnostics(), app.todoTasks());
    }

    public boolean fails(Report report) {
        return fails(report.diagnostics(), report.summary().todoTasks());
    }
}
