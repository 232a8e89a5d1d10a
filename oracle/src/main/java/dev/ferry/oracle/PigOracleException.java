package dev.ferry.oracle;

/**
 * Pig rejected or failed a script (syntax error, unknown alias, missing input, failed job...).
 * The message is Pig's own, as its console prints it, e.g.
 * {@code ERROR 1200: <file x.pig, line 3, column 4>  Syntax error, unexpected symbol at or near 'x'}.
 *
 * <p>Transport problems (the oracle process died, timed out or could not start) are reported as
 * {@link java.io.IOException} instead, so a test can tell "Pig says no" from "no Pig".
 */
public class PigOracleException extends Exception {

    private static final long serialVersionUID = 1L;

    public PigOracleException(String message) {
        super(message);
    }
}
