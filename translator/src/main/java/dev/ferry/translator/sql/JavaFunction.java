package dev.ferry.translator.sql;

import java.util.List;

/**
 * A Pig Java UDF (an EvalFunc or FilterFunc) as a job calls it: the class, the constructor arguments of its
 * DEFINE, and the SQL type its result is converted to (decided from the UDF's declared type). The runtime's
 * Pig UDF adapter instantiates the class as Pig does and runs it unchanged.
 */
public record JavaFunction(String className, List<String> constructorArguments, SqlType resultType) {

    public JavaFunction {
        constructorArguments = List.copyOf(constructorArguments);
    }
}
