package dev.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code ferry} invocation through {@link Ferry#execute} with captured streams (picocli's test style). */
record FerryRun(int exitCode, String out, String err) {

    static FerryRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ferry.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new FerryRun(code, out.toString(), err.toString());
    }
}
