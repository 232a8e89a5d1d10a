package dev.ferry.cli;

/** The exit codes of every {@code ferry} subcommand (documented in the README). */
public final class ExitCode {

    /** The input converts cleanly (or the command did what it was asked). */
    public static final int OK = 0;
    /** The input has errors (diagnostics printed), or a check failed (drift, {@code --fail-on}). */
    public static final int INPUT_ERRORS = 1;
    /** The command line is wrong, or a path given on it cannot be used or written (picocli's own usage code). */
    public static final int FAILURE = 2;
    /** A bug in Ferry: an unexpected exception (reported with a request to file an issue). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {}
}
