package dev.ferry.parser.el;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Parses text with embedded Oozie EL into an {@link ElTemplate}. Matches commons-el 1.0, which Oozie uses:
 * there is no escape for {@code ${} in template text ({@code $} not followed by {@code {} is plain text,
 * so {@code $${x}} is a "$" followed by the value of x); an expression ends at the first {@code }} outside
 * a string literal. A literal "${" can only be written as an expression: {@code ${'${'}}.
 */
public final class ElParser {

    private ElParser() {}

    /**
     * Loads the grammar ahead of the first parse: its ATN is deserialized when the generated lexer and parser classes
     * initialize (a cold conversion does it on a start-up thread while the command line and the repository are read).
     */
    public static void prepare() {
        Objects.requireNonNull(OozieElLexer._ATN);
        Objects.requireNonNull(OozieElParser._ATN);
    }

    /**
     * Parses {@code text}, which starts at {@code where}; every syntax error becomes an OOZ-E007 at its own
     * line:column (where + offset in the text). Empty when any expression fails to parse.
     */
    public static Optional<ElTemplate> parse(String text, SourceSpan where, Diagnostics diagnostics) {
        Positions positions = new Positions(where, text);
        List<ElPart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean failed = false;
        int i = 0;
        while (i < text.length()) {
            if (!text.startsWith("${", i)) {
                literal.append(text.charAt(i++));
                continue;
            }
            int end = expressionEnd(text, i + 2);
            if (end < 0) {
                diagnostics.report(
                        DiagnosticCode.OOZ_E007,
                        positions.at(i),
                        "EL expression '" + abbreviate(text.substring(i)) + "' is not closed by '}'",
                        "Oozie EL has no escape for '${' in text; write ${'${'} for a literal '${'");
                failed = true;
                break;
            }
            if (literal.length() > 0) {
                parts.add(new ElText(literal.toString()));
                literal.setLength(0);
            }
            Optional<ElExpr> expr = expression(text, i + 2, end, positions, diagnostics);
            if (expr.isPresent()) {
                parts.add(new ElExpression(expr.get(), positions.at(i), text.substring(i, end + 1)));
            } else {
                failed = true;
            }
            i = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new ElText(literal.toString()));
        }
        return failed ? Optional.empty() : Optional.of(new ElTemplate(parts));
    }

    /** The position of the character at {@code offset} of {@code text}, which starts at {@code where}. */
    public static SourceSpan positionAt(SourceSpan where, String text, int offset) {
        return new Positions(where, text).at(offset);
    }

    /** Index of the '}' closing an expression whose body starts at {@code from}, or -1. */
    private static int expressionEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                return i;
            }
            if (c == '\'' || c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= text.length()) {
                    return -1;
                }
            }
            i++;
        }
        return -1;
    }

    private static Optional<ElExpr> expression(
            String text, int start, int end, Positions positions, Diagnostics diagnostics) {
        String body = text.substring(start, end);
        if (isPlainName(body)) {
            return Optional.of(new ElExpr.Identifier(body, positions.at(start)));
        }
        return byGrammar(body, start, positions, diagnostics);
    }

    /** Words the grammar lexes as keywords: a name starting with one is not a plain identifier. */
    private static final Set<String> KEYWORDS = Set.of(
            "true", "false", "null", "not", "empty", "div", "mod", "and", "or", "eq", "ne", "lt", "gt", "le", "ge");

    /**
     * Most expressions of an Oozie file are a property name alone ({@code nameNode}, {@code oozie.wf.application.path}):
     * ASCII words of letters, {@code _}, {@code $} and digits, the first starting with a letter and not a keyword,
     * joined by single dots, no blanks. The grammar reads such a body as one {@link ElExpr.Identifier} at its start
     * (a name with {@code .name} suffixes), which this tells without building a lexer and a parser for it.
     */
    static boolean isPlainName(String body) {
        int wordStart = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '.';
            if (c == '.') {
                if (i == wordStart || !isAsciiLetter(body.charAt(wordStart))) {
                    return false;
                }
                if (wordStart == 0 && KEYWORDS.contains(body.substring(0, i))) {
                    return false;
                }
                wordStart = i + 1;
            } else if (!isAsciiLetter(c) && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    /** The body read by the OozieEl grammar: its AST, or its first syntax error reported. */
    static Optional<ElExpr> byGrammar(String body, int start, Positions positions, Diagnostics diagnostics) {
        FirstError errors = new FirstError();
        OozieElLexer lexer = new OozieElLexer(CharStreams.fromString(body));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        OozieElParser parser = new OozieElParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        OozieElParser.ElExpressionContext tree = parser.elExpression();
        if (errors.message != null) {
            int offset = errors.offset >= 0 ? errors.offset : offsetOf(body, errors.line, errors.column);
            diagnostics.report(
                    DiagnosticCode.OOZ_E007,
                    positions.at(start + Math.min(offset, body.length())),
                    "EL syntax error in '${" + abbreviate(body) + "}': " + errors.message);
            return Optional.empty();
        }
        return Optional.of(new ElAstBuilder(offset -> positions.at(start + offset)).build(tree));
    }

    private static int offsetOf(String body, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < body.length(); offset++) {
            if (body.charAt(offset) == '\n') {
                l++;
            }
        }
        return offset + Math.max(0, column);
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    /** Keeps the first syntax error of an expression (later ones are usually its echoes). */
    private static final class FirstError extends BaseErrorListener {
        String message;
        int offset = -1;
        int line;
        int column;

        @Override
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offending,
                int line,
                int column,
                String message,
                RecognitionException e) {
            if (this.message != null) {
                return;
            }
            this.message = message.replace("<EOF>", "end of expression");
            this.line = line;
            this.column = column;
            if (offending instanceof Token token && token.getStartIndex() >= 0) {
                this.offset = token.getStartIndex();
            }
        }
    }

    /** Maps offsets in a text to line:column, the text starting at {@code where}. */
    static final class Positions {
        private final SourceSpan where;
        private final int[] lineStarts;

        Positions(SourceSpan where, String text) {
            this.where = where;
            int[] starts = new int[8];
            int lines = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
            this.lineStarts = Arrays.copyOf(starts, lines);
        }

        SourceSpan at(int offset) {
            int line = 0;
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
                line++;
            }
            int column = offset - lineStarts[line] + (line == 0 ? where.column() : 1);
            return SourceSpan.of(where.file(), where.line() + line, column);
        }
    }
}
