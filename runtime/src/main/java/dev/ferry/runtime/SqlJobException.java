package dev.ferry.runtime;

/** Why a script did not run to the end: its SQL is invalid, or the Flink job failed. */
public final class SqlJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where it went wrong. */
    public enum Kind {
        /** Parsing, validation or planning rejected a statement; nothing ran. */
        INVALID_SQL,
        /** The job was submitted and did not finish. */
        JOB_FAILED
    }

    private final Kind kind;
    private final int statement;

    SqlJobException(Kind kind, int statement, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.statement = statement;
    }

    public Kind kind() {
        return kind;
    }

    /** The 0-based index of the offending statement, or -1 when it is not one statement's fault. */
    public int statement() {
        return statement;
    }
}
