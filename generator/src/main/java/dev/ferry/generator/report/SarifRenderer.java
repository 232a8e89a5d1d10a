package dev.ferry.generator.report;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diagnostics as SARIF 2.1.0 (what GitHub code scanning uploads): one rule per diagnostic code used, one result
 * per diagnostic, located by artifact URI (relative to the checked-out repository) and line/column.
 */
public final class SarifRenderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifRenderer() {}

    /**
     * @param uriPrefix    where the legacy repository sits relative to the root the CI checks out ("" when it is
     *                     that root, else e.g. {@code legacy/}), so file URIs resolve in code scanning
     * @param ferryVersion the tool version reported
     */
    public static String sarif(List<Diagnostic> diagnostics, String uriPrefix, String ferryVersion) {
        TreeMap<String, DiagnosticCode> used = new TreeMap<>();
        diagnostics.forEach(d -> used.put(d.code().id(), d.code()));
        List<String> ruleIds = List.copyOf(used.keySet());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (DiagnosticCode code : used.values()) {
            rules.add(map(
                    "id",
                    code.id(),
                    "shortDescription",
                    map("text", code.description()),
                    "defaultConfiguration",
                    map("level", level(code.severity()))));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String text = d.hint().isEmpty() ? d.message() : d.message() + " (hint: " + d.hint() + ")";
            Map<String, Object> region =
                    map("startLine", d.span().line(), "startColumn", d.span().column());
            Map<String, Object> location = map(
                    "physicalLocation",
                    map("artifactLocation", map("uri", uriPrefix + d.span().file()), "region", region));
            results.add(map(
                    "ruleId",
                    d.code().id(),
                    "ruleIndex",
                    ruleIds.indexOf(d.code().id()),
                    "level",
                    level(d.severity()),
                    "message",
                    map("text", text),
                    "locations",
                    List.of(location)));
        }
        Map<String, Object> driver = map("name", "ferry", "version", ferryVersion, "rules", rules);
        Map<String, Object> run = map("tool", map("driver", driver), "results", results);
        return Json.write(map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run)));
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** An ordered map from alternating keys and values (SARIF's field order as in the spec's examples). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
