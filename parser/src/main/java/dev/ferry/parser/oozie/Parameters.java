package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks declared {@code <parameters>} against the values a run is given (job.properties, config-default.xml),
 * as Oozie does at submission and without evaluating any EL: a supplied value wins, else the declared default
 * is used, and a parameter declared without a default and not supplied is an OOZ-E015 at its declaration.
 */
public final class Parameters {

    private Parameters() {}

    /** The supplied values plus every default not overridden, sorted by name. */
    public static SortedMap<String, String> resolve(
            List<Parameter> declared, Map<String, String> supplied, Diagnostics diagnostics) {
        SortedMap<String, String> values = new TreeMap<>(supplied);
        for (Parameter parameter : declared) {
            if (values.containsKey(parameter.name())) {
                continue;
            }
            if (parameter.value() != null) {
                values.put(parameter.name(), parameter.value());
            } else {
                diagnostics.report(
                        DiagnosticCode.OOZ_E015,
                        parameter.span(),
                        "parameter '" + parameter.name()
                                + "' is required (declared without a <value>) but not supplied",
                        "set " + parameter.name() + " in job.properties or config-default.xml, or give it a <value>");
            }
        }
        return Collections.unmodifiableSortedMap(values);
    }
}
