package dev.ferry.runtime.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.CallContext;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Pig's InvokeForString / InvokeForInt / InvokeForLong / InvokeForFloat / InvokeForDouble ({@code
 * org.apache.pig.builtin.Invoker}): {@code PIG_INVOKE('java.lang.Integer.parseInt', 'String', 'true', s)} calls the
 * method the DEFINE names, by reflection, on the remaining arguments, as Pig does. The result is what the method
 * returns whatever the class's name says (Pig types the field by the method's return type too).
 *
 * <p>Pig's rules, kept as they are: the parameter list is split on single spaces into {@code string}, {@code int},
 * {@code long}, {@code float} or {@code double} (any case); the method is static when the third argument is
 * {@code true} or {@code static} (any case), the default; an instance method is called on the first argument, and
 * its parameters are the list without its first <em>and last</em> entries (Pig 0.18's {@code dropFirstClass}
 * copies the range 1..n-1), its arguments likewise. Where Pig fails the job (a null given to a primitive
 * parameter, a null object, an exception of the method), this function answers null: Flink's planner merges
 * filters and may evaluate a call on rows that an earlier FILTER of the script removed (a {@code s IS NOT NULL}
 * before {@code len(s)}), so throwing there would fail jobs Pig runs (the translation warns, PIG-W010).
 *
 * <p>What may be called: the method, its class and the three literal arguments come from the script's own DEFINE
 * (job code, as in Pig), never from data, since the first three arguments must be literals. The class is looked up
 * in the JDK only (the platform class loader, a public class of an exported package, a public method): neither
 * Flink's nor Ferry's own classes, which a Pig job never had, nor a class of a user's jar, which the job does not
 * carry (the translation reports those).
 */
public final class PigInvoke extends ScalarFunction {

    /** The resolved methods, by their three literal arguments. */
    private transient Map<List<String>, Invoker> invokers;

    public Object eval(String fullName, String parameters, String isStatic, Object... args) {
        if (invokers == null) {
            invokers = new HashMap<>();
        }
        Invoker invoker = invokers.computeIfAbsent(List.of(fullName, parameters, isStatic), key -> {
            try {
                return Invoker.resolve(fullName, parameters, isStatic);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        return invoker.invoke(args);
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.WILDCARD)
                .outputTypeStrategy(call -> Optional.of(resultType(call)))
                .build();
    }

    /** The method's return type as Flink's; a call that Pig would refuse or fail on is a validation error. */
    private static DataType resultType(CallContext call) {
        List<DataType> types = call.getArgumentDataTypes();
        if (types.size() < 3) {
            throw new ValidationException(
                    "PIG_INVOKE takes the method, its parameter types, whether it is static, and" + " the arguments");
        }
        String[] literals = new String[3];
        for (int i = 0; i < 3; i++) {
            if (!call.isArgumentLiteral(i) || call.isArgumentNull(i)) {
                throw new ValidationException("PIG_INVOKE's argument " + (i + 1) + " must be a string literal (the"
                        + " DEFINE's), never a value of the data");
            }
            literals[i] = call.getArgumentValue(i, String.class).orElseThrow();
        }
        Invoker invoker;
        try {
            invoker = Invoker.resolve(literals[0], literals[1], literals[2]);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new ValidationException("PIG_INVOKE('" + literals[0] + "', '" + literals[1] + "'): " + e, e);
        }
        if (types.size() - 3 != invoker.parameters.length) {
            throw new ValidationException("PIG_INVOKE('" + literals[0] + "', '" + literals[1] + "') is given "
                    + (types.size() - 3) + " argument(s) for " + invoker.parameters.length + " declared parameter(s)");
        }
        for (int i = 0; i < invoker.parameters.length; i++) {
            LogicalType given = types.get(i + 3).getLogicalType();
            if (!accepts(invoker.parameters[i], given)) {
                throw new ValidationException("PIG_INVOKE('" + literals[0] + "', '" + literals[1] + "'): argument "
                        + (i + 1) + " is " + given + ", not the declared " + invoker.parameters[i].getSimpleName()
                        + " (Pig fails the job with a ClassCastException)");
            }
        }
        return flinkType(invoker.method.getReturnType())
                .orElseThrow(() -> new ValidationException("PIG_INVOKE('" + literals[0] + "'): the method returns "
                        + invoker.method.getReturnType().getName() + ", which Pig cannot type"));
    }

    private static boolean accepts(Class<?> parameter, LogicalType given) {
        if (given.is(LogicalTypeRoot.NULL)) {
            return true;
        }
        if (parameter == String.class) {
            return given.is(LogicalTypeFamily.CHARACTER_STRING);
        }
        return given.is(
                parameter == int.class
                        ? LogicalTypeRoot.INTEGER
                        : parameter == long.class
                                ? LogicalTypeRoot.BIGINT
                                : parameter == float.class ? LogicalTypeRoot.FLOAT : LogicalTypeRoot.DOUBLE);
    }

    /** Pig's DataType.findType of the return type, for the types its Invoker can hand back. */
    static Optional<DataType> flinkType(Class<?> type) {
        if (type == String.class) {
            return Optional.of(DataTypes.STRING());
        } else if (type == int.class || type == Integer.class) {
            return Optional.of(DataTypes.INT());
        } else if (type == long.class || type == Long.class) {
            return Optional.of(DataTypes.BIGINT());
        } else if (type == float.class || type == Float.class) {
            return Optional.of(DataTypes.FLOAT());
        } else if (type == double.class || type == Double.class) {
            return Optional.of(DataTypes.DOUBLE());
        } else if (type == Boolean.class) {
            return Optional.of(DataTypes.BOOLEAN());
        }
        return Optional.empty();
    }

    /** Pig's org.apache.pig.builtin.Invoker, over the JDK's classes. */
    static final class Invoker {
        final Method method;
        final Class<?>[] parameters;
        final boolean isStatic;

        private Invoker(Method method, Class<?>[] parameters, boolean isStatic) {
            this.method = method;
            this.parameters = parameters;
            this.isStatic = isStatic;
        }

        static Invoker resolve(String fullName, String parameterSpecs, String isStatic)
                throws ReflectiveOperationException {
            int dot = fullName.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("'" + fullName + "' names no class and method");
            }
            Class<?> type = jdkClass(fullName.substring(0, dot));
            String[] specs = parameterSpecs.split(" ");
            Class<?>[] parameters = new Class<?>[specs.length];
            for (int i = 0; i < specs.length; i++) {
                parameters[i] = parameterClass(specs[i]);
            }
            boolean statically = "static".equalsIgnoreCase(isStatic) || "true".equals(isStatic);
            Method method =
                    type.getMethod(fullName.substring(dot + 1), statically ? parameters : dropFirst(parameters));
            return new Invoker(method, parameters, statically);
        }

        /** A public class of a package its JDK module exports; any other is refused. */
        static Class<?> jdkClass(String name) throws ClassNotFoundException {
            Class<?> type = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            if (!Modifier.isPublic(type.getModifiers()) || !type.getModule().isExported(type.getPackageName())) {
                throw new ClassNotFoundException(name + " is not a public class of an exported JDK package");
            }
            return type;
        }

        /** Pig's Invoker.stringToClass. */
        private static Class<?> parameterClass(String spec) {
            return switch (spec.toLowerCase(Locale.ROOT)) {
                case "string" -> String.class;
                case "int" -> int.class;
                case "double" -> double.class;
                case "float" -> float.class;
                case "long" -> long.class;
                default -> throw new IllegalArgumentException("unable to find mathing class for " + spec);
            };
        }

        /** Pig 0.18's dropFirstClass and dropFirstObject: the range 1..n-1 (the last entry goes too). */
        private static <T> T[] dropFirst(T[] original) {
            return original.length < 2
                    ? Arrays.copyOf(original, 0)
                    : Arrays.copyOfRange(original, 1, original.length - 1);
        }

        /** The method's result; null where Pig's Invoker throws (see the class comment). */
        Object invoke(Object[] args) {
            if (args.length != parameters.length) {
                return null; // Pig: "unable to match function arguments to declared signature." (planning refuses it)
            }
            try {
                if (isStatic) {
                    return method.invoke(null, args);
                }
                // Pig casts the object to the declared class itself: int.class.cast fails on any value
                return method.invoke(parameters[0].cast(args[0]), dropFirst(args));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // a null object or primitive argument, a ClassCastException, the method's exception
            }
        }
    }
}
