package dev.ferry.translator.pig;

import dev.ferry.parser.pig.JavaUdf;
import dev.ferry.parser.pig.PigStatement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code DEFINE f com.acme.Udf('arg')}: a Java UDF is not translated yet (no runtime adapter runs Pig
 * UDFs inside Flink so far). The TODO names the class, its constructor arguments and, when the
 * repository holds its source, what it is (EvalFunc&lt;String&gt;, Algebraic...) and where.
 */
final class JavaUdfTodo {

    private JavaUdfTodo() {}

    static TranslationError of(PigStatement.DefineFunction define, Map<String, JavaUdf> sources) {
        String className = define.function().name();
        String arguments =
                define.function().arguments().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        String head = "DEFINE " + define.name() + " " + className + "(" + arguments + "): ";
        if (!className.contains(".")) {
            return ExprTranslator.unsupported(
                    define.span(), head + "a builtin with constructor arguments is not translated yet");
        }
        JavaUdf udf = sources.get(className);
        String what = udf != null
                ? "the Java UDF " + className + " (" + udf.signature() + ", source " + udf.source() + ")"
                : "the Java UDF " + className + " (its source is not in the repository: a REGISTERed jar's class)";
        String port = udf != null
                        && udf.kind() == JavaUdf.Kind.EVAL_FUNC
                        && !udf.resultType().isEmpty()
                ? ", or its port to a Flink ScalarFunction returning " + udf.resultType()
                : ", or its port to a Flink function";
        return ExprTranslator.unsupported(
                define.span(),
                head + what + " is not translated yet: it needs the runtime adapter"
                        + " that runs Pig UDFs inside Flink" + port);
    }
}
