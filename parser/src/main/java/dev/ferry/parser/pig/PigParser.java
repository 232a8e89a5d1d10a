package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Parses a Pig script into a {@link PigScript}; every syntax error becomes a PIG-E001 diagnostic. */
public final class PigParser {

    private PigParser() {}

    public static Optional<PigScript> parse(Path file, String displayPath, Diagnostics diagnostics) {
        return read(file, displayPath, diagnostics).flatMap(text -> parse(text, displayPath, diagnostics));
    }

    /** The script's text, or an IO-E001 diagnostic. */
    static Optional<String> read(Path file, String displayPath, Diagnostics diagnostics) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.IO_E001, SourceSpan.file(displayPath), "cannot read Pig script: " + e.getMessage());
            return Optional.empty();
        }
    }

    public static Optional<PigScript> parse(String text, String displayPath, Diagnostics diagnostics) {
        return parse(text, displayPath, true, diagnostics);
    }

    /**
     * Parses a whole script, or a macro body after expansion ({@code checkAliases} false: its inputs
     * are the caller's aliases, which the body alone does not define).
     */
    static Optional<PigScript> parse(String text, String displayPath, boolean checkAliases, Diagnostics diagnostics) {
        SyntaxErrors errors = new SyntaxErrors(displayPath);
        PigLatinLexer lexer = new PigLatinLexer(CharStreams.fromString(text, displayPath));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (!errors.diagnostics.hasErrors() && !withinNesting(tokens.getTokens(), displayPath, diagnostics)) {
            return Optional.empty();
        }
        PigLatinParser parser = new PigLatinParser(tokens);
        // Two-stage parse: the fast SLL mode with bail-out first; only a script it cannot take is
        // parsed again in full LL mode, which also reports the errors.
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PigLatinParser.ScriptContext tree;
        try {
            tree = parser.script();
        } catch (ParseCancellationException sllFailed) {
            errors.diagnostics = new Diagnostics();
            lexer.reset();
            tokens.setTokenSource(lexer);
            parser.reset();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new StatementRecovery());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.script();
        }
        if (errors.diagnostics.size() > 0) {
            diagnostics.addAll(errors.diagnostics);
            return Optional.empty();
        }
        Diagnostics semantic = new Diagnostics();
        PigScript script = new PigAstBuilder(displayPath, semantic, checkAliases).script(tree);
        diagnostics.addAll(semantic);
        return semantic.hasErrors() ? Optional.empty() : Optional.of(script);
    }

    /** Brackets nested deeper than this, or more {@code ?:} in one statement, are refused before parsing. */
    static final int MAX_NESTING = 500;

    /**
     * The nesting limit, checked on the tokens before the parser (whose rules and the AST builder recurse)
     * sees them: ( [ { deeper than {@link #MAX_NESTING}, or more conditional operators than that in one
     * statement (each nests the rest), is an IO-E003 error at the token past the limit.
     */
    private static boolean withinNesting(List<Token> tokens, String displayPath, Diagnostics diagnostics) {
        int depth = 0;
        int conditionals = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case PigLatinLexer.LPAREN, PigLatinLexer.LBRACKET, PigLatinLexer.LCURLY -> depth++;
                case PigLatinLexer.RPAREN, PigLatinLexer.RBRACKET, PigLatinLexer.RCURLY -> depth = Math.max(0, depth - 1);
                case PigLatinLexer.QUESTION -> conditionals++;
                case PigLatinLexer.SEMI -> conditionals = depth == 0 ? 0 : conditionals;
                default -> { }
            }
            if (depth > MAX_NESTING || conditionals > MAX_NESTING) {
                diagnostics.report(DiagnosticCode.IO_E003, SourceSpan.of(displayPath, t.getLine(), t.getCharPositionInLine() + 1),
                        (depth > MAX_NESTING ? "brackets nested more than " : "more conditional operators (?:) in one statement than ")
                                + MAX_NESTING + " deep; Ferry stops here", "split the expression with intermediate FOREACH steps");
                return false;
            }
        }
        return true;
    }

    /**
     * ANTLR's recovery, except that a ';' is never dropped as "extraneous": the statement it ends
     * is abandoned instead, so one mistake does not run on into the next statement's errors.
     */
    private static final class StatementRecovery extends DefaultErrorStrategy {
        @Override
        protected Token singleTokenDeletion(Parser recognizer) {
            return recognizer.getInputStream().LA(1) == PigLatinLexer.SEMI ? null : super.singleTokenDeletion(recognizer);
        }
    }

    /** Turns ANTLR's messages into compiler-style diagnostics, keeping every error, not just the first. */
    private static final class SyntaxErrors extends BaseErrorListener {
        private final String file;
        private Diagnostics diagnostics = new Diagnostics();

        SyntaxErrors(String file) {
            this.file = file;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            Token token = offending instanceof Token t ? t : null;
            if (token != null && token.getType() == PigLatinLexer.MULTILINE_STRING) {
                diagnostics.report(DiagnosticCode.PIG_E001, SourceSpan.of(file, line, column + 1),
                        "string literal is not closed on its line", "close it with ' (a newline in a string is written \\n)");
                return;
            }
            if (token != null && token.getType() == PigLatinLexer.UNEXPECTED) {
                String text = token.getText();
                String hint = text.equals("'") ? "close the string with '"
                        : text.equals("/") ? "is a /* comment not closed?" : "";
                diagnostics.report(DiagnosticCode.PIG_E001, SourceSpan.of(file, line, column + 1),
                        "unexpected character '" + text + "'", hint);
                return;
            }
            String text = token == null ? null : token.getText();
            boolean atEnd = token == null || token.getType() == Token.EOF;
            String what = atEnd ? "end of script" : "'" + firstLine(text) + "'";
            String hint = atEnd ? "is a ';' missing at the end of the last statement?" : "";
            if (message.contains("expecting ';'") || message.contains("expecting {'parallel', ';'}") || message.startsWith("missing ';'")) {
                hint = "is a ';' missing at the end of the previous statement?";
            }
            diagnostics.report(DiagnosticCode.PIG_E001, SourceSpan.of(file, line, column + 1),
                    "syntax error at " + what + ": " + concise(message), hint);
        }

        /** ANTLR's message without a long list of expected tokens, which helps nobody. */
        private static String concise(String message) {
            int expecting = message.indexOf(" expecting {");
            if (expecting >= 0 && message.substring(expecting).split(",").length > 6) {
                return message.substring(0, expecting);
            }
            return message.replace("\n", " ").replace("\r", "");
        }

        private static String firstLine(String text) {
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline) + "...";
        }
    }
}
