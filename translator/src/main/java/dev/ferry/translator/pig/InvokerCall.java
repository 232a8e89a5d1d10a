package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DEFINE f InvokeForInt('java.lang.Integer.parseInt', 'String'[, 'true'])} and its siblings (InvokeForString,
 * InvokeForLong, InvokeForFloat, InvokeForDouble): a call of {@code f} is the runtime's {@code PIG_INVOKE} with the
 * DEFINE's three strings and the arguments, calling the method by reflection as Pig's {@code Invoker} does.
 *
 * <p>Pig resolves the method when it compiles the script and types the result by the method's return type (the
 * class's name does not matter), so the translation resolves it too, the same way, to type the field: this is the one
 * place the translator reflects, on the JDK's own public classes only (the platform class loader). A class of a
 * user's jar is refused, as the Flink job does not carry that jar; so are the calls Pig fails on every row (a value
 * of another type than the declared parameter: Pig's ClassCastException; a result Pig cannot type: its ERROR 2080).
 */
final class InvokerCall {

    private InvokerCall() {}

    /** The runtime's function. */
    static final String FUNCTION = "PIG_INVOKE";

    /** Pig's Invoker.stringToClass, case-insensitive. */
    private static final Map<String, Class<?>> PARAMETERS = Map.of(
            "string", String.class, "int", int.class, "double", double.class, "float", float.class, "long", long.class);

    /** The Pig type of each parameter class and of each return type Pig's DataType.findType types. */
    private static final Map<Class<?>, PigType> TYPES = Map.ofEntries(
            Map.entry(String.class, PigType.CHARARRAY),
            Map.entry(int.class, PigType.INT),
            Map.entry(Integer.class, PigType.INT),
            Map.entry(long.class, PigType.LONG),
            Map.entry(Long.class, PigType.LONG),
            Map.entry(float.class, PigType.FLOAT),
            Map.entry(Float.class, PigType.FLOAT),
            Map.entry(double.class, PigType.DOUBLE),
            Map.entry(Double.class, PigType.DOUBLE),
            Map.entry(Boolean.class, PigType.BOOLEAN));

    static Value.Scalar translate(PigExpr.Call call, FuncSpec function, List<Value.Scalar> arguments) {
        String fullName = function.arguments().get(0);
        String specs = function.arguments().get(1);
        String isStatic = function.arguments().size() > 2 ? function.arguments().get(2) : "true";
        String head = function.simpleName() + "('" + fullName + "', '" + specs + "')";
        int dot = fullName.lastIndexOf('.');
        if (dot < 0) {
            throw invalid(function, head + " names no class and method: Pig fails the script");
        }
        String className = fullName.substring(0, dot);
        List<Class<?>> parameters = new ArrayList<>();
        for (String spec : specs.split(" ")) {
            Class<?> parameter = PARAMETERS.get(spec.toLowerCase(Locale.ROOT));
            if (parameter == null) {
                throw invalid(
                        function,
                        head + ": '" + spec + "' is not a parameter type of Pig's Invoker (String, int, long, float,"
                                + " double; split on single spaces): Pig fails the script");
            }
            parameters.add(parameter);
        }
        boolean statically = "static".equalsIgnoreCase(isStatic) || "true".equals(isStatic);
        Method method = method(function, head, className, fullName.substring(dot + 1), parameters, statically);
        if (arguments.size() != parameters.size()) {
            throw ExprTranslator.unsupported(
                    call.span(),
                    head + " is called with " + arguments.size() + " argument(s) for " + parameters.size()
                            + " declared parameter(s): Pig fails the job (\"unable to match function arguments to"
                            + " declared signature\")");
        }
        if (!statically && parameters.get(0) != String.class) {
            throw ExprTranslator.unsupported(
                    call.span(),
                    head + " calls an instance method on a " + parameters.get(0)
                            + ": Pig fails the job on every value (it casts the object to the primitive class)");
        }
        if (statically && !Modifier.isStatic(method.getModifiers())) {
            throw ExprTranslator.unsupported(
                    call.span(),
                    head + " names an instance method but says it is static: Pig fails the job (it calls the method"
                            + " without an object); give 'false' as the DEFINE's third argument");
        }
        List<SqlExpr> sql = new ArrayList<>(
                List.of(SqlExpr.Literal.text(fullName), SqlExpr.Literal.text(specs), SqlExpr.Literal.text(isStatic)));
        for (int i = 0; i < arguments.size(); i++) {
            PigType declared = TYPES.get(parameters.get(i));
            if (arguments.get(i).type() != declared) {
                throw ExprTranslator.unsupported(
                        call.arguments().size() == arguments.size()
                                ? call.arguments().get(i).span()
                                : call.span(),
                        head + "'s argument " + (i + 1) + " is a "
                                + arguments.get(i).type().keyword()
                                + ", not the declared " + declared.keyword()
                                + ": Pig fails the job with a ClassCastException; cast it in the call");
            }
            sql.add(arguments.get(i).sql());
        }
        PigType result = TYPES.get(method.getReturnType());
        if (result == null) {
            throw ExprTranslator.unsupported(
                    call.span(),
                    head + " returns " + method.getReturnType().getName() + ", which Pig cannot type (it fails the"
                            + " job: \"Foreach currently does not handle type Unknown\")");
        }
        return new Value.Scalar(new SqlExpr.Call(FUNCTION, sql), result);
    }

    /** Pig's klazz.getMethod(name, parameters), an instance method's parameters being Pig 0.18's dropFirstClass. */
    private static Method method(
            FuncSpec function,
            String head,
            String className,
            String methodName,
            List<Class<?>> parameters,
            boolean statically) {
        Class<?> type;
        try {
            type = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            throw ExprTranslator.unsupported(
                    function.span(),
                    head + ": " + className + " is not a class of the JDK; the Flink job does not carry a user's jar"
                            + " for a reflective call: port the call to a Flink function");
        }
        if (!Modifier.isPublic(type.getModifiers()) || !type.getModule().isExported(type.getPackageName())) {
            throw ExprTranslator.unsupported(
                    function.span(), head + ": " + className + " is not a public class of an exported JDK package");
        }
        Class<?>[] declared = parameters.toArray(Class<?>[]::new);
        if (!statically) {
            // Pig 0.18 drops the first and the last entry (Arrays.copyOfRange(original, 1, length - 1))
            declared = declared.length < 2 ? new Class<?>[0] : Arrays.copyOfRange(declared, 1, declared.length - 1);
        }
        try {
            return type.getMethod(methodName, declared);
        } catch (NoSuchMethodException e) {
            throw invalid(
                    function,
                    head + ": " + className + " has no public method " + methodName + "("
                            + String.join(
                                    ", ",
                                    Arrays.stream(declared)
                                            .map(Class::getSimpleName)
                                            .toList())
                            + ")"
                            + (statically
                                    ? ""
                                    : " (an instance method's parameters: the list without its first"
                                            + " and, as Pig 0.18 reads it, its last type)")
                            + ": Pig fails the script");
        }
    }

    private static TranslationError invalid(FuncSpec function, String message) {
        return new TranslationError(Diagnostic.of(DiagnosticCode.PIG_E013, function.span(), message));
    }
}
