package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Parses a Pig script into a {@link PigScript}; every syntax error becomes a PIG-E001 diagnostic. */
public final class PigParser {

    private PigParser() {}

    /**
     * Loads the grammar ahead of the first parse: its ATN is deserialized when the generated lexer and parser classes
     * initialize (a cold conversion does it on a start-up thread while the command line and the repository are read).
     */
    public static void prepare() {
        Objects.requireNonNull(PigLatinLexer._ATN);
        Objects.requireNonNull(PigLatinParser._ATN);
    }

    public static Optional<PigScript> parse(Path file, String displayPath, Diagnostics diagnostics) {
        return read(file, displayPath, diagnostics).flatMap(text -> parse(text, displayPath, diagnostics));
    }

    /** The script's text, or an IO-E001 diagnostic. */
    static Optional<String> read(Path file, String displayPath, Diagnostics diagnostics) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            diagnostics.report(
                    DiagnosticCode.IO_E001, SourceSpan.file(displayPath), "cannot read Pig script: " + e.getMessage());
            return Optional.empty();
        }
    }

    public static Optional<PigScript> parse(String text, String displayPath, Diagnostics diagnostics) {
        return parse(text, displayPath, true, diagnostics);
    }

    /**
     * A Pig schema given as text (JsonLoader's and ParquetLoader's argument, a UDF's {@code getSchemaFromString}),
     * read as a LOAD's AS clause; empty when it is not one schema. The text never reaches past that clause: a quote, a
     * {@code ;} or an unmatched {@code )} make it no schema. Field spans are in {@code displayPath}, line 1.
     */
    public static Optional<List<FieldSchema>> schema(String text, String displayPath) {
        if (text.contains(")") && !balanced(text) || text.contains(";") || text.contains("'")) {
            return Optional.empty();
        }
        Diagnostics ignored = new Diagnostics();
        return parse("j = LOAD 'x' AS (" + text + ");\n", displayPath, ignored)
                .filter(script -> !ignored.hasErrors() && script.statements().size() == 1)
                .map(script -> script.statements().get(0))
                .filter(s -> s instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Load)
                .map(s -> ((PigRelation.Load) ((PigStatement.Assign) s).relation()).schema());
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * Parses a whole script, or a macro body after expansion ({@code checkAliases} false: its inputs
     * are the caller's aliases, which the body alone does not define).
     *
     * <p>In groups of statements, so time and memory stay linear in the script's length: the lexer runs once over
     * the text, its tokens are cut after a {@code ;} outside every bracket once a group holds {@link #GROUP_TOKENS}
     * tokens, and each group is parsed and turned into statements before the next is read; only the statements are
     * kept. A statement never spans a cut (its own {@code ;}s sit inside brackets: nested FOREACH blocks, macro
     * bodies), and tokens keep their own line and column, so every diagnostic points where it did for the whole text.
     */
    static Optional<PigScript> parse(String text, String displayPath, boolean checkAliases, Diagnostics diagnostics) {
        return parse(text, displayPath, checkAliases, diagnostics, GROUP_TOKENS);
    }

    /** {@link #parse(String, String, boolean, Diagnostics)} with groups of at least {@code groupTokens} tokens. */
    static Optional<PigScript> parse(
            String text, String displayPath, boolean checkAliases, Diagnostics diagnostics, int groupTokens) {
        SyntaxErrors lexing = new SyntaxErrors(displayPath);
        PigLatinLexer lexer = new PigLatinLexer(CharStreams.fromString(text, displayPath));
        lexer.removeErrorListeners();
        lexer.addErrorListener(lexing);
        Diagnostics syntax = new Diagnostics();
        Diagnostics semantic = new Diagnostics();
        PigAstBuilder builder = new PigAstBuilder(displayPath, semantic, checkAliases);
        Nesting nesting = new Nesting();
        List<Token> group = new ArrayList<>();
        boolean lexicalErrors = false;
        for (boolean end = false; !end; ) {
            Token token = lexer.nextToken();
            end = token.getType() == Token.EOF;
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue; // comments and white space: the parser never sees them
            }
            group.add(token);
            // The limit guards the parser's recursion: past it, the one error (as when it was checked before parsing
            // anything); a script that does not even lex is reported as such instead.
            lexicalErrors |= lexing.diagnostics.hasErrors();
            if (!nesting.admits(token) && !lexicalErrors) {
                nesting.report(token, displayPath, diagnostics);
                return Optional.empty();
            }
            if (end || token.getType() == PigLatinLexer.SEMI && nesting.depth == 0 && group.size() >= groupTokens) {
                syntax.addAll(lexing.diagnostics);
                lexing.diagnostics = new Diagnostics();
                PigLatinParser.ScriptContext tree = parseGroup(group, displayPath, syntax);
                if (!syntax.hasErrors()) { // after a syntax error, statements are not built (nothing is returned)
                    builder.add(tree);
                }
                group = new ArrayList<>();
                // The next group starts with a copy of the cut ';' (an empty statement): its first statement is then
                // parsed, and an error in it recovered from, as after a statement rather than at a script's start.
                group.add(new CommonToken(token));
            }
        }
        if (syntax.size() > 0) {
            diagnostics.addAll(syntax);
            return Optional.empty();
        }
        diagnostics.addAll(semantic);
        return semantic.hasErrors() ? Optional.empty() : Optional.of(builder.result());
    }

    /** Tokens per group of statements (cut at the next top-level {@code ;} past it). */
    static final int GROUP_TOKENS = 2048;

    /**
     * One group of statements (ending with EOF: the group's own, made by the token source, or the script's). Two
     * stages: the fast SLL mode with bail-out first; only a group it cannot take is parsed again in full LL mode,
     * which also reports the errors into {@code syntax}.
     */
    private static PigLatinParser.ScriptContext parseGroup(List<Token> group, String displayPath, Diagnostics syntax) {
        PigLatinParser parser = new PigLatinParser(new CommonTokenStream(new ListTokenSource(group, displayPath)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.script();
        } catch (ParseCancellationException sllFailed) {
            SyntaxErrors errors = new SyntaxErrors(displayPath);
            parser = new PigLatinParser(new CommonTokenStream(new ListTokenSource(group, displayPath)));
            parser.removeErrorListeners();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new StatementRecovery());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            PigLatinParser.ScriptContext tree = parser.script();
            syntax.addAll(errors.diagnostics);
            return tree;
        }
    }

    /** Brackets nested deeper than this, or more {@code ?:} in one statement, are refused before parsing. */
    static final int MAX_NESTING = 500;

    /**
     * The nesting limit, checked on the tokens before the parser (whose rules and the AST builder recurse)
     * sees them: ( [ { deeper than {@link #MAX_NESTING}, or more conditional operators than that in one
     * statement (each nests the rest), is an IO-E003 error at the token past the limit.
     */
    private static final class Nesting {
        private int depth;
        private int conditionals;

        boolean admits(Token t) {
            switch (t.getType()) {
                case PigLatinLexer.LPAREN, PigLatinLexer.LBRACKET, PigLatinLexer.LCURLY -> depth++;
                case PigLatinLexer.RPAREN, PigLatinLexer.RBRACKET, PigLatinLexer.RCURLY ->
                    depth = Math.max(0, depth - 1);
                case PigLatinLexer.QUESTION -> conditionals++;
                case PigLatinLexer.SEMI -> conditionals = depth == 0 ? 0 : conditionals;
                default -> {}
            }
            return depth <= MAX_NESTING && conditionals <= MAX_NESTING;
        }

        void report(Token t, String displayPath, Diagnostics diagnostics) {
            diagnostics.report(
                    DiagnosticCode.IO_E003,
                    SourceSpan.of(displayPath, t.getLine(), t.getCharPositionInLine() + 1),
                    (depth > MAX_NESTING
                                    ? "brackets nested more than "
                                    : "more conditional operators (?:) in one statement than ")
                            + MAX_NESTING + " deep; Ferry stops here",
                    "split the expression with intermediate FOREACH steps");
        }
    }

    /**
     * ANTLR's recovery, except that a ';' is never dropped as "extraneous": the statement it ends
     * is abandoned instead, so one mistake does not run on into the next statement's errors.
     */
    private static final class StatementRecovery extends DefaultErrorStrategy {
        @Override
        protected Token singleTokenDeletion(Parser recognizer) {
            return recognizer.getInputStream().LA(1) == PigLatinLexer.SEMI
                    ? null
                    : super.singleTokenDeletion(recognizer);
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
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offending,
                int line,
                int column,
                String message,
                RecognitionException e) {
            Token token = offending instanceof Token t ? t : null;
            if (token != null && token.getType() == PigLatinLexer.MULTILINE_STRING) {
                diagnostics.report(
                        DiagnosticCode.PIG_E001,
                        SourceSpan.of(file, line, column + 1),
                        "string literal is not closed on its line",
                        "close it with ' (a newline in a string is written \\n)");
                return;
            }
            if (token != null && token.getType() == PigLatinLexer.UNEXPECTED) {
                String text = token.getText();
                String hint = text.equals("'")
                        ? "close the string with '"
                        : text.equals("/") ? "is a /* comment not closed?" : "";
                diagnostics.report(
                        DiagnosticCode.PIG_E001,
                        SourceSpan.of(file, line, column + 1),
                        "unexpected character '" + text + "'",
                        hint);
                return;
            }
            String text = token == null ? null : token.getText();
            boolean atEnd = token == null || token.getType() == Token.EOF;
            String what = atEnd ? "end of script" : "'" + firstLine(text) + "'";
            String hint = atEnd ? "is a ';' missing at the end of the last statement?" : "";
            if (message.contains("expecting ';'")
                    || message.contains("expecting {'parallel', ';'}")
                    || message.startsWith("missing ';'")) {
                hint = "is a ';' missing at the end of the previous statement?";
            }
            diagnostics.report(
                    DiagnosticCode.PIG_E001,
                    SourceSpan.of(file, line, column + 1),
                    "syntax error at " + what + ": " + concise(message),
                    hint);
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
