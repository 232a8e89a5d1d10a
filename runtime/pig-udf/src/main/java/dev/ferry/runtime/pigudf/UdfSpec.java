package dev.ferry.runtime.pigudf;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A UDF as a DEFINE names it, {@code com.acme.UrlFilter('http', 'it\'s')}: the class and its
 * constructor arguments. In the text each argument is single-quoted, with {@code \'} and {@code \\}
 * standing for a quote and a backslash (Pig's string literal escapes).
 */
record UdfSpec(String className, List<String> arguments) {

    UdfSpec {
        arguments = List.copyOf(arguments);
    }

    /**
     * A new instance of the class, as Pig's {@code PigContext.instantiateFuncFromSpec} makes one: the constructor
     * taking as many Strings as the spec gives arguments, else the {@code String...} one; without arguments the
     * no-argument constructor.
     *
     * @param kind the Pig class the instance must be ({@code EvalFunc}, {@code LoadFunc})
     * @param what the kind in words, for the error
     */
    <T> T instantiate(Class<T> kind, String what) {
        String[] args = arguments.toArray(String[]::new);
        try {
            Class<?> udf = Class.forName(className, true, UdfSpec.class.getClassLoader());
            Object instance;
            try {
                Class<?>[] strings = new Class<?>[args.length];
                Arrays.fill(strings, String.class);
                instance = udf.getConstructor(strings).newInstance((Object[]) args);
            } catch (NoSuchMethodException e) {
                Constructor<?> varargs = udf.getConstructor(String[].class);
                instance = varargs.newInstance((Object) args);
            }
            if (!kind.isInstance(instance)) {
                throw new IllegalStateException(className + " is not " + what);
            }
            return kind.cast(instance);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the Pig class " + className + " is not on the job's classpath (is its jar in the job's"
                            + " USING JAR list?)",
                    e);
        } catch (NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("could not instantiate '" + className + "' with arguments " + arguments, e);
        }
    }

    /** Reads the spec's text; throws IllegalArgumentException naming what is wrong. */
    static UdfSpec parse(String text) {
        int open = text.indexOf('(');
        if (open < 0) {
            return new UdfSpec(checkedClassName(text.strip(), text), List.of());
        }
        String className = checkedClassName(text.substring(0, open).strip(), text);
        List<String> arguments = new ArrayList<>();
        int i = skipSpaces(text, open + 1);
        if (i < text.length() && text.charAt(i) == ')') {
            return new UdfSpec(className, arguments);
        }
        while (true) {
            if (i >= text.length() || text.charAt(i) != '\'') {
                throw bad(text, "a quoted argument expected at " + i);
            }
            StringBuilder argument = new StringBuilder();
            i++;
            while (true) {
                if (i >= text.length()) {
                    throw bad(text, "unterminated argument");
                }
                char c = text.charAt(i++);
                if (c == '\'') {
                    break;
                }
                if (c == '\\' && i < text.length()) {
                    c = text.charAt(i++);
                }
                argument.append(c);
            }
            arguments.add(argument.toString());
            i = skipSpaces(text, i);
            if (i < text.length() && text.charAt(i) == ',') {
                i = skipSpaces(text, i + 1);
                continue;
            }
            if (i == text.length() - 1 && text.charAt(i) == ')') {
                return new UdfSpec(className, arguments);
            }
            throw bad(text, "',' or a final ')' expected at " + i);
        }
    }

    private static String checkedClassName(String name, String text) {
        if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
            throw bad(text, "not a class name: '" + name + "'");
        }
        return name;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("PIG_EVAL: bad UDF spec " + text + ": " + problem);
    }
}
