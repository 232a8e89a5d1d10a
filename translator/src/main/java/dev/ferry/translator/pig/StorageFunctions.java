package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlJob.FileFormat;
import dev.ferry.translator.sql.SqlJob.FileTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pig load and store functions and the Flink file table each becomes: one row per function. A
 * function that is not here is reported (PIG-E020) with what translating it would need, never
 * guessed. Notes starting with "differs:" become PIG-W010 warnings at the LOAD or STORE.
 */
final class StorageFunctions {

    /**
     * What a LOAD or STORE reads or writes.
     *
     * @param delimiter the field delimiter of Pig's text format (a line per field for TextLoader)
     * @param schema the fields a loader declares itself (JsonLoader's argument), else empty
     * @param notes "differs:" notes the translation warns with
     * @param caster how the loader casts its bytearrays to maps and bags
     * @param schemaFile whether a LOAD without AS reads the .pig_schema file of its directory
     */
    record Storage(
            FileFormat format,
            String delimiter,
            FileTag fileTag,
            List<FieldSchema> schema,
            List<String> notes,
            ComplexCasts.Caster caster,
            SchemaFileUse schemaFile) {
        Storage {
            schema = List.copyOf(schema);
            notes = List.copyOf(notes);
        }

        /** A storage function whose LoadCaster is Utf8StorageConverter. */
        Storage(FileFormat format, String delimiter, FileTag fileTag, List<FieldSchema> schema, List<String> notes) {
            this(format, delimiter, fileTag, schema, notes, ComplexCasts.Caster.UTF8, SchemaFileUse.NONE);
        }
    }

    /**
     * How PigStorage's LOAD without AS uses the .pig_schema file of what it reads ({@code getSchema} through
     * JsonMetadata): by default it types the fields by the file when there is one, '-schema' fails the LOAD without
     * one, '-noschema' never reads it.
     */
    enum SchemaFileUse {
        NONE,
        IF_PRESENT,
        REQUIRED
    }

    /** Storage functions Flink has no format for in the runtime yet, and what translating each needs. */
    /** The storage functions a LOAD or STORE translates by name (the cases of {@link #load} and {@link #store}). */
    private static final java.util.Set<String> TRANSLATED = java.util.Set.of(
            "PigStorage",
            "PigPerformanceLoader",
            "TextLoader",
            "JsonLoader",
            "JsonStorage",
            "AvroStorage",
            "OrcStorage",
            ElephantBirdJson.LOADER);

    /**
     * Pig's storage functions that have no Flink format but run unchanged in the runtime's adapter (a LOAD and a
     * STORE: {@link JavaLoaders}).
     */
    private static final java.util.Set<String> ADAPTED = java.util.Set.of("BinStorage");

    /** Whether the runtime's adapter runs the storage function of Pig's builtins (BinStorage). */
    static boolean adapted(String name) {
        return ADAPTED.contains(name);
    }

    /** Whether a DEFINE names a storage function of the table ({@code DEFINE csv PigStorage(',')}). */
    static boolean isStorage(FuncSpec function) {
        return TRANSLATED.contains(tableName(function));
    }

    private static final Map<String, String> NOT_TRANSLATED = Map.of(
            "PigDump",
            "PigDump prints tuples for people to read; write the data with PigStorage instead",
            "TrevniStorage",
            "TrevniStorage's Trevni columnar files (an Avro side project, retired) have no Flink format; convert the"
                    + " data to Avro or ORC first");

    /**
     * PigMix's loader (org.apache.pig.test.pigmix.udf.PigPerformanceLoader), a declared mapping: it is
     * PigStorage with a ^A field delimiter, and its caster is Utf8StorageConverter's except for a bag,
     * which it reads from PigMix's own ^B / ^C / ^D encoding ({@link #PIGMIX_CASTER}).
     */
    static final String PIGMIX_LOADER = "org.apache.pig.test.pigmix.udf.PigPerformanceLoader";

    /** The runtime function a PigMix loader's bytearray is cast to a bag with. */
    static final String PIGMIX_CASTER = "PIG_PIGMIX_BAG";

    private static final String TAG_FILE = PigStorageOptions.TAG_FILE;
    private static final String TAG_PATH = PigStorageOptions.TAG_PATH;

    private StorageFunctions() {}

    /**
     * Classes outside Pig's builtin packages that the table reads as the builtin of the same simple name: PigMix's
     * loader (checked again by its case) and piggybank's AvroStorage.
     */
    private static final java.util.Set<String> READ_AS_BUILTIN =
            java.util.Set.of(PIGMIX_LOADER, "org.apache.pig.piggybank.storage.avro.AvroStorage");

    /**
     * The name the table knows a storage function by. Pig resolves a bare name in its builtin packages, and a dotted
     * one is that class itself: {@code org.apache.pig.builtin.JsonLoader} is Pig's JsonLoader, while elephant-bird's
     * {@code com.twitter.elephantbird.pig.load.JsonLoader} (a line as a map) is another loader, its own case of the
     * table.
     */
    static String tableName(FuncSpec function) {
        String name = function.name();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return name;
        }
        String pkg = name.substring(0, dot);
        return pkg.equals("org.apache.pig.builtin")
                        || pkg.equals("org.apache.pig.impl.builtin")
                        || READ_AS_BUILTIN.contains(name)
                ? function.simpleName()
                : name;
    }

    /** What {@code LOAD path USING function AS (declared)} reads, in a script that sets no loader's property. */
    static Storage load(FuncSpec function, String path, List<FieldSchema> declared) {
        return load(function, path, declared, false);
    }

    /**
     * What {@code LOAD path USING function AS (declared)} reads; {@code jsonNestedBySet} when the script sets
     * elephant-bird's {@code elephantbird.jsonloader.nestedLoad} to true.
     */
    static Storage load(FuncSpec function, String path, List<FieldSchema> declared, boolean jsonNestedBySet) {
        if (function == null) {
            return new Storage(
                    FileFormat.PIG_STORAGE,
                    "\t",
                    FileTag.NONE,
                    List.of(),
                    List.of(),
                    ComplexCasts.Caster.UTF8,
                    SchemaFileUse.IF_PRESENT);
        }
        switch (tableName(function)) {
            case "PigStorage" -> {
                FileTag tag = FileTag.NONE;
                SchemaFileUse schemaFile = SchemaFileUse.IF_PRESENT;
                for (String option : PigStorageOptions.of(function)) {
                    switch (option) {
                        case "-schema" -> {
                            if (schemaFile != SchemaFileUse.NONE) {
                                schemaFile = SchemaFileUse.REQUIRED;
                            }
                        }
                        case "-noschema" -> schemaFile = SchemaFileUse.NONE;
                        case "-tagFile", "-tagsource" -> tag = FileTag.FILE_NAME;
                        case TAG_PATH -> tag = FileTag.FILE_PATH;
                        default ->
                            throw ExprTranslator.unsupported(
                                    function.span(), "PigStorage option '" + option + "' is not translated yet");
                    }
                }
                List<String> notes = tag != FileTag.FILE_PATH
                        ? List.of()
                        : List.of(
                                PigFunctionTable.DIFFERS + "'-tagPath' gives the"
                                        + " file's path without scheme and authority ('/data/in/part-0'); Pig gives its URI ('hdfs://nn:8020/data/in/part-0')");
                return new Storage(
                        FileFormat.PIG_STORAGE,
                        delimiter(function),
                        tag,
                        List.of(),
                        notes,
                        ComplexCasts.Caster.UTF8,
                        schemaFile);
            }
            case "PigPerformanceLoader" -> {
                if (!function.name().equals(PIGMIX_LOADER)
                        || !function.arguments().isEmpty()) {
                    throw notTranslated(function, path);
                }
                return new Storage(
                        FileFormat.PIG_STORAGE,
                        "\u0001",
                        FileTag.NONE,
                        List.of(),
                        List.of(),
                        ComplexCasts.Caster.PIGMIX,
                        SchemaFileUse.NONE);
            }
            case "TextLoader" -> {
                // One field per line, never null (an empty line is an empty chararray).
                return new Storage(FileFormat.TEXT_LINES, "\n", FileTag.NONE, List.of(), List.of());
            }
            case "JsonLoader" -> {
                List<FieldSchema> schema = function.arguments().isEmpty() ? List.of() : jsonSchema(function);
                if (schema.isEmpty() && declared.isEmpty()) {
                    throw ExprTranslator.unsupported(
                            function.span(),
                            "JsonLoader without a schema reads the .pig_schema file next to"
                                    + " the data when the job runs; Ferry translates before: give the schema (JsonLoader('a:int, b:chararray'))"
                                    + " or AS (...)");
                }
                return new Storage(FileFormat.JSON, "\t", FileTag.NONE, schema, List.of());
            }
            case "AvroStorage" -> {
                return avroLoad(function, declared);
            }
            case ElephantBirdJson.LOADER -> {
                return ElephantBirdJson.load(function, declared, jsonNestedBySet);
            }
            case "ParquetLoader" -> {
                // parquet-pig's ParquetLoader(requestedSchema[, columnIndexAccess]): the schema is a Pig schema.
                List<FieldSchema> schema = function.arguments().isEmpty() ? List.of() : jsonSchema(function);
                if (schema.isEmpty() && declared.isEmpty()) {
                    throw ExprTranslator.unsupported(
                            function.span(),
                            "ParquetLoader without a schema reads the Parquet schema from the files when the job runs;"
                                    + " Ferry translates before: give the schema (ParquetLoader('a:int, b:chararray')) or"
                                    + " AS (...), named as in the files");
                }
                return new Storage(
                        FileFormat.PARQUET,
                        "\t",
                        FileTag.NONE,
                        schema,
                        List.of(PigFunctionTable.DIFFERS
                                + "Flink's parquet format reads the files' columns by name: the AS names must be the"
                                + " files' own (Pig matches AS to the files' columns by position)"));
            }
            case "OrcStorage" -> {
                orcOptions(function);
                if (declared.isEmpty()) {
                    throw ExprTranslator.unsupported(
                            function.span(),
                            "OrcStorage without AS reads the ORC schema from the files when the job runs; Ferry"
                                    + " translates before: declare the fields with AS (...), named as in the files");
                }
                return new Storage(
                        FileFormat.ORC,
                        "\t",
                        FileTag.NONE,
                        List.of(),
                        List.of(PigFunctionTable.DIFFERS
                                + "Flink's orc format reads the files' columns by name, inside tuples too: the AS names"
                                + " must be the files' own (Pig matches AS to the files' columns by position)"));
            }
            default -> throw notTranslated(function, path);
        }
    }

    /**
     * AvroStorage's LOAD: Pig reads the Avro schema from the files when the job runs and matches AS to it by
     * position; Flink's avro format reads the files' fields by the table's column names. The columns come from AS,
     * or from the Avro schema the first argument gives.
     */
    private static Storage avroLoad(FuncSpec function, List<FieldSchema> declared) {
        if (declared.isEmpty()
                && !function.arguments().isEmpty()
                && function.arguments().get(0).trim().startsWith("{")) {
            // The schema Pig reads the files with: Avro resolves their fields by name, as Flink's format does.
            return new Storage(
                    FileFormat.AVRO,
                    "\t",
                    FileTag.NONE,
                    AvroSchemaFields.of(function.arguments().get(0), function.span()),
                    List.of());
        }
        if (declared.isEmpty()) {
            throw ExprTranslator.unsupported(
                    function.span(),
                    "AvroStorage without AS reads the Avro schema from the files when the job runs; Ferry translates"
                            + " before: declare the fields with AS (...), named as in the files");
        }
        return new Storage(
                FileFormat.AVRO,
                "\t",
                FileTag.NONE,
                List.of(),
                List.of(PigFunctionTable.DIFFERS
                        + "Flink's avro format reads the files' fields by name, inside tuples and bags too: the AS names"
                        + " must be the files' own (Pig matches AS to the files' fields by position)"));
    }

    /** AvroStorage's options (its second argument), each option name with its dash. */
    private static List<String> avroOptions(FuncSpec function) {
        if (function.arguments().size() < 2) {
            return List.of();
        }
        return Arrays.stream(function.arguments().get(1).trim().split("\\s+"))
                .filter(o -> o.startsWith("-"))
                .toList();
    }

    /** What {@code STORE alias INTO path USING function} writes. */
    static Storage store(FuncSpec function, String path) {
        if (function == null) {
            return new Storage(FileFormat.PIG_STORAGE, "\t", FileTag.NONE, List.of(), List.of());
        }
        switch (tableName(function)) {
            case "PigStorage" -> {
                for (String option : PigStorageOptions.of(function)) {
                    if (!List.of("-schema", "-noschema", TAG_FILE, TAG_PATH).contains(option)) {
                        throw ExprTranslator.unsupported(
                                function.span(), "PigStorage option '" + option + "' is not translated yet");
                    }
                }
                return new Storage(FileFormat.PIG_STORAGE, delimiter(function), FileTag.NONE, List.of(), List.of());
            }
            case "JsonStorage" -> {
                return new Storage(FileFormat.JSON, "\t", FileTag.NONE, List.of(), List.of());
            }
            case "AvroStorage" -> {
                if (!function.arguments().isEmpty()
                        && function.arguments().get(0).trim().startsWith("{")) {
                    throw ExprTranslator.unsupported(
                            function.span(),
                            "AvroStorage with an Avro schema to write is not translated yet: Flink's avro format writes"
                                    + " the schema of the stored fields; drop the argument");
                }
                for (String option : avroOptions(function)) {
                    if (option.matches("-(f|schemafile|e|examplefile|c|schemaclass)")) {
                        throw ExprTranslator.unsupported(
                                function.span(),
                                "AvroStorage '" + option + "' (the schema to write, read when the job runs) is not"
                                        + " translated yet: Flink's avro format writes the schema of the stored fields");
                    }
                }
                return new Storage(
                        FileFormat.AVRO,
                        "\t",
                        FileTag.NONE,
                        List.of(),
                        List.of(
                                PigFunctionTable.DIFFERS
                                        + "the files' Avro schema names its records as Flink does"
                                        + " (org.apache.flink.avro.generated.record); Pig names them after the"
                                        + " record name ('pig_output') and the fields; field names, types, nulls and values are Pig's"));
            }
            case "ParquetStorer" -> {
                return new Storage(FileFormat.PARQUET, "\t", FileTag.NONE, List.of(), List.of());
            }
            case "OrcStorage" -> {
                List<String> options = orcOptions(function);
                return new Storage(
                        FileFormat.ORC,
                        "\t",
                        FileTag.NONE,
                        List.of(),
                        options.isEmpty()
                                ? List.of()
                                : List.of(PigFunctionTable.DIFFERS + "OrcStorage's writer options ("
                                        + String.join(" ", options)
                                        + ") are not carried: the files are written with ORC's defaults (ZLIB"
                                        + " compression, 64 MiB stripes); the rows are the same"));
            }
            default -> throw notTranslated(function, path);
        }
    }

    /**
     * OrcStorage's options (its argument, split on spaces as OrcStorage does, read with its commons-cli options): each
     * option as written. An option OrcStorage does not know fails the script in Pig, and here.
     */
    private static List<String> orcOptions(FuncSpec function) {
        if (function.arguments().isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.stream(function.arguments().get(0).split(" "))
                .filter(w -> !w.isEmpty())
                .toList();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-")) {
                continue; // a word that is no option: commons-cli keeps it as an argument, OrcStorage ignores it
            }
            String option = ORC_OPTIONS.get(word.replaceFirst("^--?", ""));
            if (option == null) {
                throw ExprTranslator.unsupported(
                        function.span(),
                        "'" + word + "' is not an OrcStorage option (-s/--stripeSize, -r/--rowIndexStride,"
                                + " -b/--bufferSize, -p/--blockPadding, -c/--compress, -v/--version): Pig fails the"
                                + " script");
            }
            boolean hasValue = !option.equals("p");
            if (hasValue && i + 1 >= words.size()) {
                throw ExprTranslator.unsupported(
                        function.span(), "OrcStorage option '" + word + "' needs a value: Pig fails the script");
            }
            options.add(hasValue ? word + " " + words.get(++i) : word);
        }
        return options;
    }

    /** OrcStorage's options, long and short names, by their short name. */
    private static final Map<String, String> ORC_OPTIONS = Map.ofEntries(
            Map.entry("s", "s"),
            Map.entry("stripeSize", "s"),
            Map.entry("r", "r"),
            Map.entry("rowIndexStride", "r"),
            Map.entry("b", "b"),
            Map.entry("bufferSize", "b"),
            Map.entry("p", "p"),
            Map.entry("blockPadding", "p"),
            Map.entry("c", "c"),
            Map.entry("compress", "c"),
            Map.entry("v", "v"),
            Map.entry("version", "v"));

    /**
     * How a STORE's sink writes its files, as Hadoop writes them for the storage function writing {@code format} in
     * Pig's {@code task}: AvroStorage's files end in .avro and ParquetStorer's in .parquet (their OutputFormats' work
     * files); PigStorage compresses into a path ending in .gz, .bz2 or .bz ({@code PigStorage.setStoreLocation}),
     * decided where the job runs when a parameter may end the path.
     */
    static SqlJob.PartFiles partFiles(FileFormat format, SqlJob.PigTask task, String path) {
        String suffix = switch (format) {
            case AVRO -> ".avro";
            case PARQUET -> ".parquet";
            default -> "";
        };
        String location = path.replaceFirst("/+$", "");
        boolean compressible = location.endsWith(".gz")
                || location.endsWith(".bz2")
                || location.endsWith(".bz")
                || location.endsWith("}"); // a ${PARAM}: its value may end in one
        return new SqlJob.PartFiles(task, suffix, format == FileFormat.PIG_STORAGE && compressible);
    }

    /**
     * Whether the STORE's function writes the .pig_schema and .pig_header files beside the data: JsonStorage always,
     * PigStorage with '-schema' ({@code storeSchema} of each calls {@code JsonMetadata.storeSchema}).
     */
    static boolean storesSchema(FuncSpec function) {
        if (function == null) {
            return false;
        }
        return switch (tableName(function)) {
            case "JsonStorage" -> true;
            case "PigStorage" -> PigStorageOptions.of(function).contains("-schema");
            default -> false;
        };
    }

    /** Why a storage function of Pig's builtins is not translated, if it is one of those. */
    static Optional<String> notTranslated(String name) {
        return Optional.ofNullable(NOT_TRANSLATED.get(name));
    }

    /** The storage functions that are reported, not translated. */
    static java.util.Set<String> notTranslated() {
        return NOT_TRANSLATED.keySet();
    }

    /**
     * PigStorage '-schema' without AS, where the conversion has no .pig_schema for the path: Pig fails the LOAD
     * without one (ERROR 1131), and reads the fields from it when the job starts.
     */
    static TranslationError schemaFileNotFound(FuncSpec function, boolean storedBySameBatch) {
        return ExprTranslator.unsupported(
                function.span(),
                "PigStorage '-schema' reads the fields from the .pig_schema file next to the data when Pig parses the"
                        + " LOAD; "
                        + (storedBySameBatch
                                ? "the script's STORE of the path has not run then (Pig runs it at the next EXEC)"
                                : "Ferry translates before, and the repository has no .pig_schema for the path")
                        + ": declare the fields with AS (...)");
    }

    /** PigStorage '-tagFile' or '-tagPath' without AS and without a .pig_schema the conversion reads. */
    static TranslationError tagWithoutSchema(FuncSpec function, FileTag tag) {
        return ExprTranslator.unsupported(
                function.span(),
                "PigStorage '" + (tag == FileTag.FILE_NAME ? TAG_FILE : TAG_PATH)
                        + "' without AS is not translated yet: declare the fields with AS (file:chararray, ...)");
    }

    private static String delimiter(FuncSpec pigStorage) {
        return pigStorage.arguments().isEmpty() ? "\t" : pigStorage.arguments().get(0);
    }

    /** JsonLoader's argument is a Pig schema ('a:int, b:chararray'), read as an AS clause is. */
    private static List<FieldSchema> jsonSchema(FuncSpec function) {
        return PigParser.schema(function.arguments().get(0), function.span().file())
                .orElseThrow(() -> ExprTranslator.unsupported(
                        function.span(),
                        function.simpleName() + "'s schema argument is not a Pig schema Ferry can read;"
                                + " declare the fields with AS (...)"));
    }

    private static TranslationError notTranslated(FuncSpec function, String path) {
        String name = function.simpleName();
        if (name.equals("HBaseStorage")) {
            return ExprTranslator.unsupported(
                    function.span(),
                    "HBaseStorage of table '" + path.replaceFirst("^hbase://", "")
                            + "' (columns '"
                            + (function.arguments().isEmpty()
                                    ? ""
                                    : function.arguments().get(0)) + "') needs Flink's HBase"
                            + " connector (flink-connector-hbase) with those columns as a ROW per column family; not translated yet");
        }
        String need = NOT_TRANSLATED.get(name);
        return ExprTranslator.unsupported(
                function.span(),
                need != null
                        ? need + "; not translated yet"
                        : "storage function " + function.name()
                                + " (a user or piggybank function) is not translated yet: the runtime's adapter runs"
                                + " a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the"
                                + " repository holds, and none holds this one; REGISTER its jar");
    }
}
