package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A function reference with constructor arguments, e.g. {@code PigStorage(',')}. Arguments are unescaped. */
public record FuncSpec(String name, List<String> arguments, SourceSpan span) {

    public FuncSpec {
        arguments = List.copyOf(arguments);
    }

    /** The last segment of a qualified name: {@code org.apache.pig.builtin.PigStorage} → {@code PigStorage}. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
