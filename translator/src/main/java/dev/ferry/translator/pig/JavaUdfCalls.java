package dev.ferry.translator.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.JavaUdf;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.JavaFunction;
import dev.ferry.translator.sql.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DEFINE f com.acme.Udf('arg')}: a Pig Java UDF the job runs unchanged through the runtime's adapter.
 * Its result type is the one Pig gives a UDF without an output schema, the type argument of
 * {@code EvalFunc<T>} ({@code EvalFunc.getReturnType}), read from the UDF's source or class file in the
 * repository; a FilterFunc is a boolean. A class that is found nowhere is Pig's default, bytearray (PIG-W040).
 * Nothing of the UDF is run to learn this.
 */
final class JavaUdfCalls {

    /** EvalFunc's type argument (its simple name) → the Pig type of the result. */
    private static final Map<String, PigType> RESULT_TYPES = Map.of(
            "String", PigType.CHARARRAY,
            "Integer", PigType.INT,
            "Long", PigType.LONG,
            "Float", PigType.FLOAT,
            "Double", PigType.DOUBLE,
            "Boolean", PigType.BOOLEAN,
            "DataByteArray", PigType.BYTEARRAY,
            "DateTime", PigType.DATETIME,
            "DataBag", PigType.BAG);

    /** A bag result's tuples, without an output schema: one bytearray field each. */
    private static final SqlType BAG_OF_ONE_FIELD =
            new SqlType.Array(new SqlType.Row(List.of(new Column("f0", SqlType.STRING))));

    /** A defined UDF: how the job calls it, and the Pig type (and bag shape) of what it returns. */
    record Defined(JavaFunction function, PigType type, Inner inner) {}

    private final Diagnostics diagnostics;
    /** What the parser learned of each UDF class from its source or class file, by class name. */
    private final Map<String, JavaUdf> udfs;

    private final Map<String, Defined> defined = new HashMap<>();
    private SourceSpan firstDefine;
    private boolean called;

    JavaUdfCalls(Diagnostics diagnostics, Map<String, JavaUdf> udfs) {
        this.diagnostics = diagnostics;
        this.udfs = udfs;
    }

    /**
     * Whether {@code DEFINE name ...} names a user's Java class: a UDF of the repository or of a jar. Pig's own
     * builtins by their full name are not: the translation has them in its function table, not the adapter.
     */
    static boolean isJavaClass(PigStatement.DefineFunction define) {
        return isJavaClass(define.function().name());
    }

    private static boolean isJavaClass(String name) {
        return name.contains(".") && !name.startsWith("org.apache.pig.builtin.");
    }

    /** Records the DEFINE; a UDF of a kind the adapter does not run is a TODO that says what it is. */
    void define(PigStatement.DefineFunction define) {
        String className = define.function().name();
        JavaUdf udf = udfs.get(className);
        Optional<Defined> declared = udf == null
                ? Optional.empty()
                : declared(className, define.function().arguments(), udf, define.span());
        if (declared.isPresent()) {
            defined.put(define.name(), declared.get());
            return;
        }
        PigType type = udf == null
                ? unknown(className, define.span())
                : resultType(udf).orElseThrow(() -> JavaUdfTodo.of(define, udfs));
        defined.put(define.name(), defined(className, define.function().arguments(), type, define.span()));
    }

    /** A call by the class's own name, without DEFINE ({@code com.acme.ToLower(x)}): Pig's no-argument instance. */
    private Defined implicit(String className, SourceSpan call) {
        JavaUdf udf = udfs.get(className);
        Optional<Defined> declared = udf == null ? Optional.empty() : declared(className, List.of(), udf, call);
        if (declared.isPresent()) {
            defined.put(className, declared.get());
            return declared.get();
        }
        PigType type = udf == null
                ? unknown(className, call)
                : resultType(udf).orElseThrow(() -> JavaUdfTodo.of("the call of " + className + ": ", udf, call));
        Defined definition = defined(className, List.of(), type, call);
        defined.put(className, definition);
        return definition;
    }

    /** PIG-W040: the class is in neither a source nor a jar of the repository; Pig's default, bytearray. */
    private PigType unknown(String className, SourceSpan span) {
        diagnostics.report(
                DiagnosticCode.PIG_W040,
                span,
                "the result type of the Java UDF " + className
                        + " is not known: neither its source nor a REGISTERed jar of the repository holds it;"
                        + " its result is read as a bytearray, Pig's default",
                "put the UDF's source or jar in the repository, or cast the call's result to its type");
        return PigType.BYTEARRAY;
    }

    private Defined defined(String className, List<String> arguments, PigType type, SourceSpan span) {
        if (PigTypes.isBig(type)) {
            throw ExprTranslator.unsupported(
                    span, "a Java UDF giving a " + type.keyword() + " (" + className + ") is not translated yet");
        }
        SqlType sqlType = type == PigType.BAG
                ? BAG_OF_ONE_FIELD
                : PigTypes.columnType(type).orElseThrow();
        Inner inner = type == PigType.BAG ? Inner.bag(List.of(PigType.BYTEARRAY)) : null;
        if (firstDefine == null) {
            firstDefine = span;
        }
        return new Defined(new JavaFunction(className, arguments, sqlType), type, inner);
    }

    /**
     * A UDF whose source's {@code outputSchema} spells its result literally: typed by that schema, as Pig types the
     * call (the schema wins over {@code EvalFunc<T>}). A scalar, a tuple or a bag of scalar fields, or a map of
     * bytearray or chararray values; anything else is left to the type argument.
     */
    private Optional<Defined> declared(String className, List<String> arguments, JavaUdf udf, SourceSpan span) {
        FieldSchema schema = udf.outputSchema();
        if (schema == null) {
            return Optional.empty();
        }
        Optional<SqlType> scalar =
                PigTypes.isBig(schema.type()) ? Optional.empty() : PigTypes.columnType(schema.type());
        SqlType sqlType;
        Inner inner = null;
        if (scalar.isPresent()) {
            sqlType = scalar.get();
        } else if (schema.type() == PigType.MAP) {
            PigType value = schema.fields().isEmpty()
                    ? PigType.BYTEARRAY
                    : schema.fields().get(0).type();
            if (value != PigType.BYTEARRAY && value != PigType.CHARARRAY) {
                return Optional.empty();
            }
            sqlType = PigTypes.LOADED_MAP;
            inner = new Inner(value);
        } else {
            List<FieldSchema> fields = schema.type() == PigType.BAG
                            && schema.fields().size() == 1
                            && schema.fields().get(0).type() == PigType.TUPLE
                    ? schema.fields().get(0).fields()
                    : schema.fields();
            if (fields.isEmpty()
                    || fields.stream()
                            .anyMatch(f -> PigTypes.columnType(f.type()).isEmpty())) {
                return Optional.empty();
            }
            List<PigType> types = fields.stream().map(FieldSchema::type).toList();
            List<Column> columns = new java.util.ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                // A tuple's fields as Flink names ROW(...)'s (TupleFlatten), a bag's as the runtime's f0, f1...
                String name = schema.type() == PigType.TUPLE ? "EXPR$" + i : "f" + i;
                columns.add(new Column(name, PigTypes.columnType(types.get(i)).orElseThrow()));
            }
            SqlType row = new SqlType.Row(columns);
            sqlType = schema.type() == PigType.TUPLE ? row : new SqlType.Array(row);
            inner = schema.type() == PigType.TUPLE
                    ? Inner.tuple(types, fields.stream().map(FieldSchema::name).toList())
                    : Inner.bag(types);
        }
        if (firstDefine == null) {
            firstDefine = span;
        }
        return Optional.of(new Defined(new JavaFunction(className, arguments, sqlType), schema.type(), inner));
    }

    /** The Pig type a UDF returns, when the adapter runs it: an EvalFunc of a supported type or a FilterFunc. */
    private static Optional<PigType> resultType(JavaUdf udf) {
        return switch (udf.kind()) {
            case FILTER_FUNC -> Optional.of(PigType.BOOLEAN);
            case EVAL_FUNC -> {
                String name = udf.resultType().replaceAll("<.*", "");
                yield Optional.ofNullable(RESULT_TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            }
            default -> Optional.empty();
        };
    }

    /** The UDF a call names: a DEFINE's name, or a user's class by its qualified name. */
    Optional<Defined> lookup(String name, SourceSpan call) {
        Defined udf = defined.get(name);
        if (udf == null && isJavaClass(name)) {
            udf = implicit(name, call);
        }
        if (udf != null) {
            called = true;
        }
        return Optional.ofNullable(udf);
    }

    /** Whether the job calls a Java UDF; where the first one was defined. */
    boolean called() {
        return called;
    }

    SourceSpan firstDefine() {
        return firstDefine;
    }
}
