package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pig's parameter substitution, for callers that know the values: {@code -param_file}s are read in
 * order (a later file wins), then {@code -param}s override them; in the script {@code %default}
 * sets a parameter only when it has no value yet, while {@code %declare} always sets it (it wins
 * over {@code -param}, as in Pig 0.18). Values may use earlier parameters. {@code $NAME} and
 * {@code ${NAME}} are replaced everywhere except in comments; a backtick shell command is reported
 * (PIG-E003), never run; a macro's own {@code $params} inside its DEFINE body are left for the
 * expansion. Line numbers are kept: preprocessor lines become empty lines.
 */
public final class PigParameters {

    /** {@code DEFINE name(params) RETURNS results {}: a macro's own $names are not parameters. */
    private static final Pattern MACRO_HEADER =
            Pattern.compile("(?i)\\bdefine\\s+\\w+\\s*\\(([^)]*)\\)\\s*returns\\s+([^{]*)\\{");

    private static final Pattern NAME =
            Pattern.compile("\\$\\{(_*[A-Za-z][A-Za-z0-9_]*)}|\\$(_*[A-Za-z][A-Za-z0-9_]*)");

    private final Map<String, String> values;

    private PigParameters(Map<String, String> values) {
        this.values = values;
    }

    /** No parameters given: only the script's own %default / %declare values apply. */
    public static PigParameters none() {
        return new PigParameters(new LinkedHashMap<>());
    }

    /**
     * Parameters as {@code pig -param_file f1 -param_file f2 -param k=v} would set them.
     * Param files hold {@code name = value} lines ({@code #} comments, optional quotes).
     */
    public static Optional<PigParameters> of(
            List<Path> paramFiles, Map<String, String> params, Diagnostics diagnostics) {
        PigParameters result = none();
        boolean ok = true;
        for (Path file : paramFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diagnostics.report(
                        DiagnosticCode.IO_E001,
                        SourceSpan.file(file.toString()),
                        "cannot read parameter file: " + e.getMessage());
                ok = false;
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                SourceSpan span = SourceSpan.of(file.toString(), i + 1, 1);
                if (eq <= 0) {
                    diagnostics.report(DiagnosticCode.PIG_E002, span, "expected name=value in parameter file", "");
                    ok = false;
                    continue;
                }
                ok &= result.define(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip(), true, span, diagnostics);
            }
        }
        params.forEach((k, v) -> result.values.put(k, v));
        for (Map.Entry<String, String> e : params.entrySet()) {
            Optional<String> value = result.substituteValue(
                    e.getValue(), e.getKey(), SourceSpan.file("-param " + e.getKey()), diagnostics);
            value.ifPresent(v -> result.values.put(e.getKey(), v));
            ok &= value.isPresent();
        }
        return ok ? Optional.of(result) : Optional.empty();
    }

    /** The parameters' values, in the order they were set. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** The script text with every parameter replaced, or empty (with diagnostics) when one is missing. */
    public Optional<String> substitute(String text, String file, Diagnostics diagnostics) {
        PigParameters scope = new PigParameters(new LinkedHashMap<>(values));
        scope.macroBodies = macroBodies(text);
        StringBuilder out = new StringBuilder(text.length());
        int offset = 0;
        boolean ok = true;
        boolean inBlockComment = false;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.stripLeading().toLowerCase(Locale.ROOT);
            if (!inBlockComment && (trimmed.startsWith("%declare") || trimmed.startsWith("%default"))) {
                ok &= scope.preprocessor(line.strip(), SourceSpan.of(file, n + 1, line.indexOf('%') + 1), diagnostics);
            } else {
                int[] state = {inBlockComment ? 1 : 0};
                Optional<String> replaced = scope.substituteLine(line, offset, file, n + 1, state, diagnostics);
                inBlockComment = state[0] == 1;
                ok &= replaced.isPresent();
                out.append(replaced.orElse(line));
            }
            if (n < lines.length - 1) {
                out.append('\n');
            }
            offset += line.length() + 1;
        }
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    private boolean preprocessor(String line, SourceSpan span, Diagnostics diagnostics) {
        boolean declare = line.regionMatches(true, 0, "%declare", 0, 8);
        String rest = line.substring(8).strip();
        String[] parts = rest.split("\\s+", 2);
        if (parts[0].isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.PIG_E002,
                    span,
                    (declare ? "%declare" : "%default") + " needs a name and a value",
                    "");
            return false;
        }
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (value.endsWith(";")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        return define(parts[0], value, declare, span, diagnostics);
    }

    /** Sets one parameter as Pig does: unquote, refuse shell commands, substitute, respect overwrite. */
    private boolean define(String name, String raw, boolean overwrite, SourceSpan span, Diagnostics diagnostics) {
        if (!overwrite && values.containsKey(name)) {
            return true;
        }
        if (raw.length() >= 2 && raw.startsWith("`") && raw.endsWith("`")) {
            diagnostics.report(
                    DiagnosticCode.PIG_E003,
                    span,
                    "parameter '" + name + "' takes its value from the shell command " + raw
                            + ", which Ferry does not run",
                    "pass the value instead: -param " + name + "=<value>");
            return false;
        }
        String value = raw;
        if (value.length() >= 2
                && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            value = value.substring(1, value.length() - 1);
        }
        Optional<String> substituted = substituteValue(value, name, span, diagnostics);
        substituted.ifPresent(v -> values.put(name, v));
        return substituted.isPresent();
    }

    private Optional<String> substituteValue(String value, String parent, SourceSpan span, Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        Matcher m = NAME.matcher(value);
        int last = 0;
        boolean ok = true;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            out.append(value, last, m.start());
            if (values.containsKey(name)) {
                out.append(values.get(name));
            } else {
                diagnostics.report(
                        DiagnosticCode.PIG_E002,
                        span,
                        "undefined parameter '" + name + "' in the value of '" + parent + "'",
                        "define it earlier with %default or pass -param " + name + "=<value>");
                ok = false;
            }
            last = m.end();
        }
        out.append(value.substring(last));
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Substitutes outside comments; state[0] is 1 while inside a block comment (carried across lines). */
    /** A macro body's extent in the text and the names ($params, $results) that belong to the macro. */
    private record MacroBody(int start, int end, java.util.Set<String> names) {}

    private List<MacroBody> macroBodies = List.of();

    private static List<MacroBody> macroBodies(String text) {
        List<MacroBody> bodies = new java.util.ArrayList<>();
        Matcher m = MACRO_HEADER.matcher(text);
        while (m.find()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (String group : new String[] {m.group(1), m.group(2)}) {
                for (String name : group.split("[,\\s]+")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
            int depth = 0;
            int end = text.length();
            for (int i = m.end() - 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            bodies.add(new MacroBody(m.start(), end, names));
        }
        return bodies;
    }

    private boolean macroOwns(String name, int offset) {
        for (MacroBody body : macroBodies) {
            if (offset >= body.start() && offset <= body.end() && body.names().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> substituteLine(
            String line, int lineOffset, String file, int lineNumber, int[] state, Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder(line.length());
        boolean ok = true;
        boolean inString = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (state[0] == 1) {
                if (line.startsWith("*/", i)) {
                    state[0] = 0;
                    out.append("*/");
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
                continue;
            }
            if (!inString && line.startsWith("--", i)) {
                out.append(line.substring(i));
                break;
            }
            if (!inString && line.startsWith("/*", i)) {
                state[0] = 1;
                out.append("/*");
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\'') {
                inString = !inString;
            }
            if (c == '$') {
                Matcher m = NAME.matcher(line).region(i, line.length());
                if (m.lookingAt()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (macroOwns(name, lineOffset + i)) {
                        out.append(m.group()); // expanded with the macro's arguments later
                    } else if (values.containsKey(name)) {
                        out.append(values.get(name));
                    } else {
                        diagnostics.report(
                                DiagnosticCode.PIG_E002,
                                SourceSpan.of(file, lineNumber, i + 1),
                                "undefined parameter '" + name + "'",
                                "declare it with %default " + name + " <value> or pass -param " + name + "=<value>");
                        ok = false;
                        out.append(m.group());
                    }
                    i = m.end();
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return ok ? Optional.of(out.toString()) : Optional.empty();
    }
}
