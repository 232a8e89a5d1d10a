package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Inlines macro calls as Pig does: parameters and return names are replaced by the call's
 * arguments and output aliases, every other alias the body defines is renamed
 * {@code macro_<macro>_<alias>_<n>} (n counts the expansions in the script, from 0), and macros
 * called inside a body are expanded in turn. The expanded statements keep the macro body's lines.
 */
final class PigMacros {

    private static final int MAX_DEPTH = 32;
    /** Expansions in one script; a macro that calls another twice per level doubles at each level. */
    static final int MAX_EXPANSIONS = 10_000;

    private final Map<String, PigStatement.MacroDefinition> definitions = new LinkedHashMap<>();
    private final Diagnostics diagnostics;
    private int expansions;

    PigMacros(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void define(PigStatement.MacroDefinition macro) {
        definitions.put(macro.name(), macro);
    }

    /** The statements with every macro definition collected and every call replaced by its body. */
    Optional<List<PigStatement>> expand(List<PigStatement> statements) {
        return expand(statements, 0);
    }

    private Optional<List<PigStatement>> expand(List<PigStatement> statements, int depth) {
        List<PigStatement> out = new ArrayList<>();
        boolean ok = true;
        for (PigStatement s : statements) {
            if (s instanceof PigStatement.MacroDefinition m) {
                define(m);
            } else if (s instanceof PigStatement.MacroCall call) {
                Optional<List<PigStatement>> body = inline(call, depth);
                body.ifPresent(out::addAll);
                ok &= body.isPresent();
            } else {
                out.add(s);
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private Optional<List<PigStatement>> inline(PigStatement.MacroCall call, int depth) {
        PigStatement.MacroDefinition macro = definitions.get(call.name());
        if (macro == null) {
            String hint = dev.ferry.diagnostics.DidYouMean.hint(call.name(), definitions.keySet());
            diagnostics.report(
                    DiagnosticCode.PIG_E004,
                    call.span(),
                    "unknown macro '" + call.name() + "'",
                    hint.isEmpty()
                            ? "define it with DEFINE " + call.name() + "(...) RETURNS ... { ... }; or IMPORT its file"
                            : hint);
            return Optional.empty();
        }
        if (expansions >= MAX_EXPANSIONS) {
            if (expansions++ == MAX_EXPANSIONS) {
                diagnostics.report(
                        DiagnosticCode.IO_E003,
                        call.span(),
                        "macro calls expand more than " + MAX_EXPANSIONS + " times in this script; Ferry stops here",
                        "a macro that calls macros several times grows"
                                + " exponentially; call it from a loop of statements instead");
            }
            return Optional.empty();
        }
        if (depth >= MAX_DEPTH) {
            diagnostics.report(
                    DiagnosticCode.PIG_E004, call.span(), "macro '" + call.name() + "' expands itself without end", "");
            return Optional.empty();
        }
        if (macro.params().size() != call.arguments().size()
                || macro.returns().size() != call.outputs().size()) {
            diagnostics.report(
                    DiagnosticCode.PIG_E004,
                    call.span(),
                    "macro '" + macro.name() + "' takes " + macro.params().size()
                            + " argument(s) and returns " + macro.returns().size() + " alias(es); the call has "
                            + call.arguments().size() + " and " + call.outputs().size(),
                    "see its definition at " + macro.span());
            return Optional.empty();
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        for (int i = 0; i < macro.params().size(); i++) {
            replacements.put(macro.params().get(i), call.arguments().get(i));
        }
        for (int i = 0; i < macro.returns().size(); i++) {
            replacements.put(macro.returns().get(i), call.outputs().get(i));
        }
        String text = rewrite(macro, replacements, expansions++);
        SourceSpan at = macro.bodySpan();
        // Pad so the body's statements keep the lines (and first-line column) of the definition.
        String padded = "\n".repeat(at.line() - 1) + " ".repeat(at.column()) + text;
        Diagnostics bodyDiagnostics = new Diagnostics();
        Optional<PigScript> parsed = PigParser.parse(padded, at.file(), false, bodyDiagnostics);
        diagnostics.addAll(bodyDiagnostics);
        if (parsed.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.PIG_E004,
                    call.span(),
                    "macro '" + macro.name() + "' does not expand to valid Pig Latin",
                    "see the errors reported in its body");
            return Optional.empty();
        }
        return expand(parsed.get().statements(), depth + 1);
    }

    /** The body with $params and $returns replaced and its own aliases renamed, token by token. */
    private static String rewrite(PigStatement.MacroDefinition macro, Map<String, String> replacements, int index) {
        PigLatinLexer lexer = new PigLatinLexer(CharStreams.fromString(macro.body()));
        lexer.removeErrorListeners(); // the body was lexed once already; its errors were reported then
        List<? extends Token> tokens = lexer.getAllTokens();
        Set<String> locals = localAliases(tokens);
        locals.removeAll(macro.returns());
        StringBuilder out = new StringBuilder(macro.body().length() + 64);
        for (Token t : tokens) {
            String text = t.getText();
            if (t.getType() == PigLatinLexer.PARAM) {
                String name = PigAstBuilder.paramName(text);
                out.append(replacements.getOrDefault(name, text));
            } else if (t.getType() == PigLatinLexer.STRING
                    || t.getType() == PigLatinLexer.MULTILINE_STRING
                    || t.getType() == PigLatinLexer.EXECCOMMAND) {
                out.append(inText(text, replacements));
            } else if (t.getType() == PigLatinLexer.IDENTIFIER) {
                out.append(renamed(text, locals, macro.name(), index));
            } else {
                out.append(text);
            }
        }
        return out.toString();
    }

    /** Parameters used inside a quoted string or a command: {@code '$path'}. */
    private static String inText(String text, Map<String, String> replacements) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)").matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(
                    b, java.util.regex.Matcher.quoteReplacement(replacements.getOrDefault(name, m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String renamed(String identifier, Set<String> locals, String macro, int index) {
        String[] parts = identifier.split("::", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append("::");
            }
            boolean alias = i < parts.length - 1 || parts.length == 1;
            b.append(alias && locals.contains(parts[i]) ? "macro_" + macro + "_" + parts[i] + "_" + index : parts[i]);
        }
        return b.toString();
    }

    /** Aliases assigned in the body: `X =` where a statement starts, and SPLIT's branch names. */
    private static Set<String> localAliases(List<? extends Token> tokens) {
        Set<String> locals = new HashSet<>();
        List<Token> visible = tokens.stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL)
                .map(t -> (Token) t)
                .toList();
        boolean statementStart = true;
        int depth = 0;
        for (int i = 0; i < visible.size(); i++) {
            Token t = visible.get(i);
            int type = t.getType();
            if (statementStart
                    && depth == 0
                    && type == PigLatinLexer.IDENTIFIER
                    && i + 1 < visible.size()
                    && visible.get(i + 1).getType() == PigLatinLexer.EQUALS) {
                locals.add(t.getText());
            }
            if (type == PigLatinLexer.IDENTIFIER
                    && i + 1 < visible.size()
                    && (visible.get(i + 1).getType() == PigLatinLexer.IF
                            || visible.get(i + 1).getType() == PigLatinLexer.OTHERWISE)) {
                locals.add(t.getText());
            }
            if (type == PigLatinLexer.LCURLY) {
                depth++;
            } else if (type == PigLatinLexer.RCURLY) {
                depth = Math.max(0, depth - 1);
            }
            statementStart = type == PigLatinLexer.SEMI || type == PigLatinLexer.RCURLY && depth == 0;
        }
        return locals;
    }
}
