package dev.ferry.cli;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rewrites the quoted path of one LOAD or STORE in a Pig script's text, found from its statement's position. */
final class ScriptPaths {

    private ScriptPaths() {}

    /** The LOADs of the script by alias (the last one of an alias assigned twice). */
    static Map<String, PigRelation.Load> loads(PigScript script) {
        Map<String, PigRelation.Load> loads = new LinkedHashMap<>();
        for (PigStatement s : script.statements()) {
            if (s instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Load load) {
                loads.put(a.alias(), load);
            }
        }
        return loads;
    }

    /** {@code text} with the first {@code 'path'} at or after the statement's position replaced by {@code 'replacement'}. */
    static String replace(String text, SourceSpan span, String path, String replacement) {
        int offset = 0;
        for (int line = 1; line < span.line() && offset >= 0; line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        int at = text.indexOf("'" + path + "'", Math.max(0, offset));
        if (at < 0) {
            throw new IllegalArgumentException("cannot find the path '" + path + "' of the statement at line " + span.line());
        }
        String quoted = "'" + replacement.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return text.substring(0, at) + quoted + text.substring(at + path.length() + 2);
    }
}
