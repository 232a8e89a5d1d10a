package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** A top-level Pig statement. */
public sealed interface PigStatement {

    SourceSpan span();

    /**
     * {@code alias = relation;} (an unnamed operator gets a generated alias starting with "__"); {@code parallel} is
     * its {@code PARALLEL n} clause, or null.
     */
    record Assign(String alias, PigRelation relation, SourceSpan span, Parallel parallel) implements PigStatement {

        public Assign(String alias, PigRelation relation, SourceSpan span) {
            this(alias, relation, span, null);
        }
    }

    /** A {@code PARALLEL} clause: {@code value} as written, a number or a parameter ({@code $N}, {@code ${N}}). */
    record Parallel(String value, SourceSpan span) {}

    /**
     * {@code STORE alias INTO 'path' USING func PARALLEL n;} (func is null when omitted: PigStorage with tab;
     * parallel null without a PARALLEL clause, which Pig's grammar allows after a store as after any operator).
     */
    record Store(String alias, String path, FuncSpec function, SourceSpan span, Parallel parallel)
            implements PigStatement {

        public Store(String alias, String path, FuncSpec function, SourceSpan span) {
            this(alias, path, function, span, null);
        }
    }

    /** {@code SPLIT input INTO a IF cond, b IF cond, c OTHERWISE;} (otherwise null when absent). */
    record Split(String input, List<SplitBranch> branches, String otherwise, SourceSpan span) implements PigStatement {
        public Split {
            branches = List.copyOf(branches);
        }
    }

    record SplitBranch(String alias, PigExpr condition, SourceSpan span) {}

    /** {@code ASSERT input BY cond, 'message';} (message null when absent). */
    record Assert(String input, PigExpr condition, String message, SourceSpan span) implements PigStatement {}

    /** {@code DEFINE name func(args);}: a UDF with constructor arguments. */
    record DefineFunction(String name, FuncSpec function, SourceSpan span) implements PigStatement {}

    /** {@code DEFINE name `command` SHIP(...) CACHE(...) INPUT(...) OUTPUT(...) STDERROR(...);} */
    record DefineCommand(
            String name,
            String command,
            List<String> ship,
            List<String> cache,
            List<StreamSpec> input,
            List<StreamSpec> output,
            String stderrDir,
            Integer stderrLimit,
            SourceSpan span)
            implements PigStatement {
        public DefineCommand {
            ship = List.copyOf(ship);
            cache = List.copyOf(cache);
            input = List.copyOf(input);
            output = List.copyOf(output);
        }
    }

    /** One stream of a streaming command: 'stdin', 'stdout' or a file name, with its (de)serializer. */
    record StreamSpec(String target, FuncSpec serializer) {}

    /** {@code DEFINE name(params) RETURNS results { body };} as written (before expansion). */
    record MacroDefinition(
            String name, List<String> params, List<String> returns, String body, SourceSpan bodySpan, SourceSpan span)
            implements PigStatement {
        public MacroDefinition {
            params = List.copyOf(params);
            returns = List.copyOf(returns);
        }
    }

    /** {@code a, b = name(args);} when macros are not expanded. */
    record MacroCall(List<String> outputs, String name, List<String> arguments, SourceSpan span)
            implements PigStatement {
        public MacroCall {
            outputs = List.copyOf(outputs);
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code IMPORT 'path';} when imports are not resolved. */
    record Import(String path, SourceSpan span) implements PigStatement {}

    /**
     * Grunt commands (DUMP, DESCRIBE, EXPLAIN, ILLUSTRATE, REGISTER, SET, FS, SH, EXEC, RUN, ...):
     * keyword upper-cased, text as written; kept so the translator can report them.
     */
    record Command(String keyword, String text, SourceSpan span) implements PigStatement {

        /** The words after the keyword, e.g. the alias of {@code DUMP A}. */
        public String argument() {
            String rest = text.length() > keyword.length()
                    ? text.substring(keyword.length()).strip()
                    : "";
            return rest.endsWith(";") ? rest.substring(0, rest.length() - 1).strip() : rest;
        }
    }
}
