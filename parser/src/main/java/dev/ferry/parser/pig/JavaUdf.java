package dev.ferry.parser.pig;

import java.util.List;

/**
 * A Pig UDF class as its Java source in the repository declares it.
 *
 * @param className the fully qualified name the script uses
 * @param source the source file, as shown to users (relative to the repository)
 * @param kind what Pig calls the class as
 * @param resultType the type argument of EvalFunc (e.g. {@code String}, {@code DataBag}), else empty
 * @param algebraic whether it implements {@code Algebraic}
 * @param accumulator whether it implements {@code Accumulator}
 * @param outputSchema the result's field as its {@code outputSchema(Schema)} spells it literally in the source
 *     ({@link UdfOutputSchema}), else null (a class file's method is not read)
 * @param loadSchema a LoadFunc's fields as its {@code getSchema(String, Job)} spells them literally in the source
 *     ({@code new ResourceSchema(Utils.getSchemaFromString("a:int"))}), else null
 */
public record JavaUdf(
        String className,
        String source,
        Kind kind,
        String resultType,
        boolean algebraic,
        boolean accumulator,
        FieldSchema outputSchema,
        List<FieldSchema> loadSchema) {

    public JavaUdf {
        loadSchema = loadSchema == null ? null : List.copyOf(loadSchema);
    }

    /** A UDF that is no loader with a literal schema. */
    public JavaUdf(
            String className,
            String source,
            Kind kind,
            String resultType,
            boolean algebraic,
            boolean accumulator,
            FieldSchema outputSchema) {
        this(className, source, kind, resultType, algebraic, accumulator, outputSchema, null);
    }

    public JavaUdf(
            String className, String source, Kind kind, String resultType, boolean algebraic, boolean accumulator) {
        this(className, source, kind, resultType, algebraic, accumulator, null);
    }

    /** The Pig base class the UDF extends. */
    public enum Kind {
        EVAL_FUNC,
        FILTER_FUNC,
        LOAD_FUNC,
        STORE_FUNC,
        OTHER
    }

    /** {@code EvalFunc<String>, Algebraic} as a person would say it. */
    public String signature() {
        String base = switch (kind) {
            case EVAL_FUNC -> "EvalFunc<" + resultType + ">";
            case FILTER_FUNC -> "FilterFunc";
            case LOAD_FUNC -> "LoadFunc";
            case STORE_FUNC -> "StoreFunc";
            case OTHER -> "a class that extends no Pig UDF base class directly";
        };
        return base + (algebraic ? ", Algebraic" : "") + (accumulator ? ", Accumulator" : "");
    }
}
