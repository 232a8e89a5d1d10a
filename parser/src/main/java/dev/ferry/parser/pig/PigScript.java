package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** One parsed Pig script: its statements in order and the parameters it declares defaults for. */
public record PigScript(String file, List<PigStatement> statements, List<ParamDefault> defaults) {

    public PigScript {
        statements = List.copyOf(statements);
        defaults = List.copyOf(defaults);
    }

    /** {@code %default NAME value} or {@code %declare NAME value}: a parameter's value unless the caller sets it. */
    public record ParamDefault(String name, String value, boolean declare, SourceSpan span) {

        /** {@code %declare X `date`}: the value is a shell command's output, known only when Pig runs. */
        public boolean isShellCommand() {
            return value.length() >= 2 && value.startsWith("`") && value.endsWith("`");
        }
    }
}
