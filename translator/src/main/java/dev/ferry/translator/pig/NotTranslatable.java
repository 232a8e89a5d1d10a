package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pig constructs that run code outside Pig Latin — a STREAM command, a MAPREDUCE job, a UDF written
 * in Python, JavaScript, Groovy or Ruby — and so have no Flink SQL form: each is reported (PIG-E020,
 * a PIG-W020 TODO inside a workflow) naming the construct and what would replace it.
 */
final class NotTranslatable {

    /** {@code REGISTER 'path' USING language AS namespace}. */
    private static final Pattern SCRIPT_UDF =
            Pattern.compile("(?is)\\s*'?([^'\\s]+)'?\\s+USING\\s+(\\w+)(?:\\s+AS\\s+(\\w+))?\\s*");

    private NotTranslatable() {}

    /** The report of a STREAM or MAPREDUCE relation, if it is one. */
    static Optional<TranslationError> of(PigRelation relation) {
        if (relation instanceof PigRelation.Stream stream) {
            String through = stream.command() != null
                    ? "the command `" + stream.command() + "`"
                    : "the command defined as '" + stream.defined() + "'";
            return Optional.of(ExprTranslator.unsupported(
                    stream.span(),
                    "STREAM is not translated yet, and cannot be as it is: it pipes"
                            + " the rows of '" + stream.input() + "' through " + through
                            + ", which a Flink SQL job does not run;"
                            + " rewrite the command in Pig Latin or as a Java UDF"));
        }
        if (relation instanceof PigRelation.MapReduce mapReduce) {
            return Optional.of(ExprTranslator.unsupported(
                    mapReduce.span(),
                    "MAPREDUCE is not translated yet, and cannot be as it is: it"
                            + " runs the Hadoop job '" + mapReduce.jar()
                            + "' between the script's statements; run it as its own task"
                            + " between two Flink jobs (split the script at this statement)"));
        }
        return Optional.empty();
    }

    /** The report of a DEFINE of a streaming command, or a REGISTER of a script UDF, if the statement is one. */
    static Optional<TranslationError> of(PigStatement statement) {
        if (statement instanceof PigStatement.DefineCommand define) {
            return Optional.of(ExprTranslator.unsupported(
                    define.span(),
                    "DEFINE " + define.name() + " `" + define.command() + "`"
                            + " (a streaming command) is not translated yet, and cannot be as it is: a Flink SQL job does not run"
                            + " external commands"));
        }
        if (statement instanceof PigStatement.Command command
                && command.keyword().equals("REGISTER")) {
            Matcher m = SCRIPT_UDF.matcher(command.argument());
            if (m.matches()) {
                String language = m.group(2).toLowerCase(Locale.ROOT);
                String namespace = m.group(3) != null ? " as '" + m.group(3) + "'" : "";
                return Optional.of(ExprTranslator.unsupported(
                        command.span(),
                        "REGISTER of the " + language + " UDFs in '" + m.group(1)
                                + "'" + namespace
                                + " is not translated yet, and cannot be as it is: Flink SQL runs Java functions only;"
                                + " port the functions to Java (a Flink ScalarFunction) or to Pig Latin"));
            }
        }
        return Optional.empty();
    }
}
