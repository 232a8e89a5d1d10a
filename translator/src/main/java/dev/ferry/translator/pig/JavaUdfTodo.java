package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.JavaUdf;
import dev.ferry.parser.pig.PigStatement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code DEFINE f com.acme.Udf('arg')} of a UDF the runtime's adapter does not run (
 * an EvalFunc of a Tuple or Map, whose fields only its outputSchema knows), or of a builtin. The TODO names the class, its constructor arguments and what it is (EvalFunc&lt;Tuple&gt;,
 * Algebraic...) and where.
 */
final class JavaUdfTodo {

    private JavaUdfTodo() {}

    /** The TODO of a builtin's DEFINE, or of a UDF that {@code sources} describes. */
    static TranslationError of(PigStatement.DefineFunction define, Map<String, JavaUdf> sources) {
        String className = define.function().name();
        String arguments =
                define.function().arguments().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        String head = "DEFINE " + define.name() + " " + className + "(" + arguments + "): ";
        JavaUdf udf = sources.get(className);
        if (udf == null) { // a builtin: Bloom('filter'), TOKENIZE(','), org.apache.pig.builtin.PigStorage(',')
            String builtin = PigFunctionTable.builtinName(className);
            return ExprTranslator.unsupported(
                    define.span(),
                    head
                            + PigFunctionTable.notTranslated(builtin)
                                    .or(() -> PigFunctionTable.defined(builtin)
                                            .map(row -> builtin + " takes " + row.minArgs() + " to " + row.maxArgs()
                                                    + " constructor argument(s): Pig has no other constructor"))
                                    .orElse("a DEFINE of this builtin with constructor arguments is not translated"
                                            + " yet"));
        }
        return of(head, udf, define.span());
    }

    /** The TODO of a UDF of a kind the adapter does not run, {@code head} saying where the script names it. */
    static TranslationError of(String head, JavaUdf udf, SourceSpan span) {
        String what = "the Java UDF " + udf.className() + " (" + udf.signature() + ", from " + udf.source() + ")";
        return ExprTranslator.unsupported(
                span,
                head + what + " is not translated yet: the runtime's adapter runs EvalFuncs of a"
                        + " chararray, bytearray, number, boolean, datetime or bag and FilterFuncs;"
                        + " port it to a Flink function");
    }
}
