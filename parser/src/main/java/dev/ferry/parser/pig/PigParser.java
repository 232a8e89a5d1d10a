package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Parses a Pig script into a {@link PigScript}; every syntax error becomes a PIG-E001 diagnostic. */
public final class PigParser {

    private PigParser() {}

    public static Optional<PigScript> parse(Path file, String displayPath, Diagnostics diagnostics) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.report(DiagnosticCode.IO_E001, SourceSpan.file(displayPath), "cannot read Pig script: " + e.getMessage());
            return Optional.empty();
        }
        return parse(text, displayPath, diagnostics);
    }

    public static Optional<PigScript> parse(String text, String displayPath, Diagnostics diagnostics) {
        SyntaxErrors errors = new SyntaxErrors(displayPath);
        PigLatinLexer lexer = new PigLatinLexer(CharStreams.fromString(text, displayPath));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        PigLatinParser parser = new PigLatinParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        PigLatinParser.ScriptContext tree = parser.script();
        if (errors.diagnostics.size() > 0) {
            diagnostics.addAll(errors.diagnostics);
            return Optional.empty();
        }
        Diagnostics semantic = new Diagnostics();
        PigScript script = new PigAstBuilder(displayPath, semantic).script(tree);
        diagnostics.addAll(semantic);
        return semantic.hasErrors() ? Optional.empty() : Optional.of(script);
    }

    /** Turns ANTLR's messages into compiler-style diagnostics, keeping every error, not just the first. */
    private static final class SyntaxErrors extends BaseErrorListener {
        private final String file;
        private final Diagnostics diagnostics = new Diagnostics();

        SyntaxErrors(String file) {
            this.file = file;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            String text = offending instanceof Token token ? token.getText() : null;
            String what = text == null || "<EOF>".equals(text) ? "end of script" : "'" + text + "'";
            String hint = "<EOF>".equals(text) ? "is a ';' missing at the end of the last statement?" : "";
            diagnostics.report(DiagnosticCode.PIG_E001, SourceSpan.of(file, line, column + 1),
                    "syntax error at " + what + ": " + message, hint);
        }
    }
}
