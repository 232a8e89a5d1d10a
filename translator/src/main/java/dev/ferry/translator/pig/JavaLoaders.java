package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.JavaUdf;
import dev.ferry.parser.pig.JavaUdfSources;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LOAD ... USING com.acme.Loader('a') AS (...)} of a loader Ferry has no Flink format for: the runtime's
 * adapter runs the unchanged Pig {@code LoadFunc} (its {@code pig-load} connector), with the jars the script
 * REGISTERs; {@code STORE ... USING com.acme.Storer('a')} likewise runs the unchanged {@code StoreFunc} (its {@code
 * pig-store} connector). That is a user's class that a source or a REGISTERed jar of the repository holds (one found nowhere
 * stays a TODO: the job could not load it), a DEFINE naming one, or
 * BinStorage, Pig's own binary format, which Pig's jar in the adapter reads. The AS clause (else a literal schema
 * the loader's {@code getSchema} returns in its source) gives the table's columns; the adapter casts the loader's
 * bytearrays to them with the loader's own LoadCaster.
 */
final class JavaLoaders {

    static final String BIN_STORAGE = "org.apache.pig.builtin.BinStorage";

    /** The field types the adapter casts a loader's fields to, as Pig keywords. */
    private static final Set<PigType> SCALARS = Set.of(
            PigType.BYTEARRAY,
            PigType.CHARARRAY,
            PigType.INT,
            PigType.LONG,
            PigType.FLOAT,
            PigType.DOUBLE,
            PigType.BOOLEAN,
            PigType.DATETIME);

    /**
     * Loaders that give Pig no schema (no {@code getSchema}, or PigStorage's without {@code '-schema'}): a LOAD of
     * one without AS has fields {@code $0, $1, ...} of bytearrays only. A loader whose {@code getSchema} may read one
     * from the data (AvroStorage, SequenceFileLoader) is not one of them.
     */
    private static final Set<String> SCHEMALESS = Set.of(
            "org.apache.pig.piggybank.storage.CSVExcelStorage",
            "org.apache.pig.piggybank.storage.CSVLoader",
            "org.apache.pig.piggybank.storage.MyRegExLoader",
            "org.apache.pig.piggybank.storage.RegExLoader",
            "org.apache.pig.piggybank.storage.apachelog.CommonLogLoader",
            "org.apache.pig.piggybank.storage.apachelog.CombinedLogLoader");

    /**
     * The complex types the adapter hands a StoreFunc as Pig's own objects (a ROW as a Tuple, an ARRAY of ROWs as a
     * DataBag, a MAP as a HashMap), whose text is the one Pig's would give.
     */
    private static final Set<PigType> STORED_COMPLEX = Set.of(PigType.BAG, PigType.TUPLE, PigType.MAP);

    private final Map<String, JavaUdf> udfs;
    /** The functions the script's LOADs name in USING: a DEFINE of one of them defines a loader. */
    private final Set<String> loadFunctions;
    /** The functions the script's STOREs name in USING: a DEFINE of one of them defines a storer. */
    private final Set<String> storeFunctions;
    /** DEFINEs of Java classes by alias: a LOAD may name one as its loader. */
    private final Map<String, FuncSpec> defined = new HashMap<>();
    /** The LOADs without AS that the script reads only by position, with the number of fields read. */
    private final Map<PigRelation.Load, Integer> positionalWidths;

    private SourceSpan first;

    JavaLoaders(Map<String, JavaUdf> udfs, List<PigStatement> statements) {
        this.udfs = udfs;
        this.loadFunctions = Set.copyOf(JavaUdfSources.loadFunctions(statements));
        this.storeFunctions = Set.copyOf(JavaUdfSources.storeFunctions(statements));
        this.positionalWidths = PositionalWidth.of(statements);
    }

    /**
     * Records a DEFINE a LOAD or STORE may use; true when it names a loader or storer and nothing else is to be done
     * with it: a LOAD or STORE of the script uses it, or it is a LoadFunc or StoreFunc of the repository's sources or
     * jars, or BinStorage.
     */
    boolean define(PigStatement.DefineFunction define) {
        FuncSpec function = define.function();
        defined.put(define.name(), function);
        JavaUdf udf = udfs.get(function.name());
        return loadFunctions.contains(define.name())
                || storeFunctions.contains(define.name())
                || isBinStorage(function)
                || udf != null && (udf.kind() == JavaUdf.Kind.LOAD_FUNC || udf.kind() == JavaUdf.Kind.STORE_FUNC);
    }

    /**
     * The function {@code USING name} names: a DEFINE's ({@code DEFINE csv PigStorage(',')}, then {@code USING csv}),
     * at the use's position, else the function itself. Null stays null (no USING).
     */
    FuncSpec resolved(FuncSpec function) {
        if (function == null || !defined.containsKey(function.name())) {
            return function;
        }
        FuncSpec definition = defined.get(function.name());
        return new FuncSpec(definition.name(), definition.arguments(), function.span());
    }

    /** The loader the adapter runs for {@code LOAD ... USING function}, if it is one it runs. */
    Optional<FuncSpec> loader(FuncSpec function) {
        return adapted(function);
    }

    /** The storer the adapter runs for {@code STORE ... USING function}, if it is one it runs. */
    Optional<FuncSpec> storer(FuncSpec function) {
        return adapted(function);
    }

    private Optional<FuncSpec> adapted(FuncSpec function) {
        FuncSpec resolved = defined.getOrDefault(function.name(), function);
        if (isBinStorage(resolved)) {
            return Optional.of(new FuncSpec(BIN_STORAGE, resolved.arguments(), function.span()));
        }
        String name = resolved.name();
        // The class must reach the job: a source or a REGISTERed jar of the repository holds it (piggybank's
        // included). Pig's own classes run only where the adapter has what they need (BinStorage).
        if (udfs.containsKey(name)
                && (!name.startsWith("org.apache.pig.") || name.startsWith("org.apache.pig.piggybank."))) {
            return Optional.of(resolved);
        }
        return Optional.empty();
    }

    private static boolean isBinStorage(FuncSpec function) {
        return function.name().equals("BinStorage") || function.name().equals(BIN_STORAGE);
    }

    /**
     * The LOAD's fields: its AS clause, else the schema the loader's {@code getSchema} returns literally in the
     * repository's source (Pig's schema for the LOAD then), else, when the script reads the loaded fields only by
     * position, bytearrays {@code $0} to the highest {@code $n} it reads ({@link PositionalWidth}).
     *
     * @throws TranslationError when none gives the fields
     */
    List<FieldSchema> fields(FuncSpec loader, PigRelation.Load load, SourceSpan span) {
        if (!load.schema().isEmpty()) {
            return load.schema();
        }
        JavaUdf udf = udfs.get(loader.name());
        if (udf != null && udf.loadSchema() != null) {
            return udf.loadSchema();
        }
        Integer width = positionalWidths.get(load);
        if (width != null && SCHEMALESS.contains(loader.name())) {
            List<FieldSchema> fields = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                fields.add(new FieldSchema(null, PigType.BYTEARRAY, span));
            }
            return fields;
        }
        throw ExprTranslator.unsupported(
                span,
                "LOAD with the Pig loader " + loader.name() + " without AS is not translated yet: the runtime's"
                        + " adapter runs the loader, and the table needs the fields' types; declare them with"
                        + " AS (name:type, ...) (a LOAD of a loader that gives Pig no schema, read only as $n by FOREACH and FILTER, needs none)"
                        + (udf == null
                                ? ""
                                : " (" + udf.signature() + ", from " + udf.source()
                                        + ", has no getSchema returning a literal schema)"));
    }

    /**
     * The table's loader: the class, its arguments and each field's Pig type.
     *
     * @throws TranslationError for a field the adapter does not cast (a bag, tuple or map)
     */
    SqlJob.LoadFunction loadFunction(FuncSpec loader, List<FieldSchema> fields, SourceSpan load) {
        List<String> types = new ArrayList<>();
        for (FieldSchema field : fields) {
            if (!SCALARS.contains(field.type())) {
                throw ExprTranslator.unsupported(
                        field.span() != null ? field.span() : load,
                        "a " + field.type().keyword() + " field of a LOAD with the Pig loader " + loader.name()
                                + " is not translated yet: the adapter casts the loader's fields to chararray,"
                                + " bytearray, numbers, boolean and datetime");
            }
            types.add(field.type().keyword());
        }
        if (first == null) {
            first = load;
        }
        return new SqlJob.LoadFunction(loader.name(), loader.arguments(), types);
    }

    /**
     * The table's storer: the class, its arguments and each stored field's Pig type.
     *
     * @throws TranslationError for a field the adapter does not pass (a biginteger or bigdecimal, a bag, tuple or map
     *     holding bytearrays or of unknown inside)
     */
    SqlJob.StoreFunction storeFunction(FuncSpec storer, List<Field> fields, PigStatement.Store store) {
        List<String> keywords = new ArrayList<>();
        for (Field field : fields) {
            PigType type = field.type();
            boolean passed = SCALARS.contains(type)
                    || STORED_COMPLEX.contains(type) && field.inner() != null && withoutBytearrays(field.inner());
            if (!passed) {
                throw ExprTranslator.unsupported(
                        store.span(),
                        "a " + type.keyword()
                                + (type == PigType.MAP
                                        ? " of other values than chararrays"
                                        : STORED_COMPLEX.contains(type)
                                                ? " holding bytearrays or of unknown fields"
                                                : "")
                                + " stored with the Pig StoreFunc " + storer.name()
                                + " is not translated yet: the adapter passes it chararray, bytearray, numbers,"
                                + " boolean and datetime fields, bags and tuples of those but bytearrays, and maps"
                                + " of chararrays (the table holds a nested bytearray as its text, which a StoreFunc"
                                + " would see as a chararray)");
            }
            keywords.add(type.keyword());
        }
        if (first == null) {
            first = store.span();
        }
        return new SqlJob.StoreFunction(storer.name(), storer.arguments(), keywords);
    }

    /** Whether the inside of a bag, tuple or map is known and holds no bytearray, at any depth. */
    private static boolean withoutBytearrays(Inner inner) {
        if (inner.valueType() != null) {
            return inner.valueType() == PigType.CHARARRAY; // a map of chararrays: the table's MAP<STRING, STRING>
        }
        for (int i = 0; i < inner.tupleTypes().size(); i++) {
            PigType type = inner.tupleTypes().get(i);
            if (type == PigType.BYTEARRAY || PigTypes.isBig(type)) {
                return false;
            }
            if (type.isComplex()) {
                Inner nested = inner.fieldInners().get(i);
                if (nested == null || !withoutBytearrays(nested)) {
                    return false;
                }
            }
        }
        return !inner.tupleTypes().isEmpty();
    }

    /** Whether a LOAD or STORE of the job runs a Pig loader or storer; the first such LOAD or STORE. */
    boolean used() {
        return first != null;
    }

    SourceSpan first() {
        return first;
    }
}
