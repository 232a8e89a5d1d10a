package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parsed Pig script: its statements in order, the parameters it declares defaults for, the UDF
 * classes it DEFINEs or calls by name whose Java source or class file the repository holds (by class
 * name), the jars it REGISTERs that are files of the repository, and the functions its own text calls
 * by a qualified class name ({@code com.acme.ToLower(x)}, a UDF without DEFINE).
 */
public record PigScript(
        String file,
        List<PigStatement> statements,
        List<ParamDefault> defaults,
        Map<String, JavaUdf> udfs,
        List<RegisteredJar> jars,
        List<String> qualifiedCalls) {

    public PigScript {
        statements = List.copyOf(statements);
        defaults = List.copyOf(defaults);
        udfs = Collections.unmodifiableMap(new TreeMap<>(udfs));
        jars = List.copyOf(jars);
        qualifiedCalls = List.copyOf(qualifiedCalls);
    }

    /** A script read on its own, with no repository to find UDF sources or jars in. */
    public PigScript(String file, List<PigStatement> statements, List<ParamDefault> defaults) {
        this(file, statements, defaults, Map.of(), List.of(), List.of());
    }

    /** {@code %default NAME value} or {@code %declare NAME value}: a parameter's value unless the caller sets it. */
    public record ParamDefault(String name, String value, boolean declare, SourceSpan span) {

        /** {@code %declare X `date`}: the value is a shell command's output, known only when Pig runs. */
        public boolean isShellCommand() {
            return value.length() >= 2 && value.startsWith("`") && value.endsWith("`");
        }
    }
}
