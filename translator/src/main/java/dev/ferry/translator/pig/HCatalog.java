package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.hive.HiveTable;
import dev.ferry.parser.hive.HiveTables;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlJob.FileFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HCatalog's Pig functions, {@code LOAD 'db.table' USING HCatLoader()} and {@code STORE x INTO 'db.table' USING
 * HCatStorer('ds=...')}: the Hive table the metastore describes becomes a file table of the table's own files, its
 * partitions the {@code k=v/} directories under its location (Flink's filesystem connector reads and writes Hive's
 * layout). Pig asks the metastore for the table when the script starts; Ferry asks it at conversion ({@link
 * HiveTables}), since the SQL must name the columns.
 */
final class HCatalog {

    /** HCatLoader under its Hive 0.12+ name and its older HCatalog name. */
    private static final Set<String> LOADERS =
            Set.of("org.apache.hive.hcatalog.pig.HCatLoader", "org.apache.hcatalog.pig.HCatLoader");

    private static final Set<String> STORERS =
            Set.of("org.apache.hive.hcatalog.pig.HCatStorer", "org.apache.hcatalog.pig.HCatStorer");

    /** The directory Hive names a null partition value's partition (hive.exec.default.partition.name). */
    static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    /** LazySimpleSerDe's null text (serialization.null.format's default). */
    private static final String HIVE_NULL = "\\N";

    /** LazySimpleSerDe's field delimiter when the table names none: ^A. */
    private static final String HIVE_DELIMITER = "\u0001";

    private static final String TEXT_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    private static final String ORC_SERDE = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
    private static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";

    /** What Flink reads of the table's partitions, where Pig reads the metastore's list of them. */
    private static final String PARTITIONS_FROM_DIRECTORIES = PigFunctionTable.DIFFERS
            + "the job reads the partitions it finds under the table's location (k=v/ directories), as Hive lays"
            + " them out; HCatLoader reads those the metastore lists, so a partition registered at another location is"
            + " missed and a directory never registered is read";

    /**
     * When the partition a STORE writes is already in the metastore: HCatStorer fails before writing (a static
     * partition, HCatOutputFormat.setOutput) or before moving the files (dynamic ones); the job fails when it adds it.
     */
    private static final String EXISTING_PARTITION = PigFunctionTable.DIFFERS
            + "a partition the metastore already has fails the job, as HCatStorer fails; the job's run-time check of a"
            + " static partition is that its directory does not exist, and a dynamic partition that exists fails the"
            + " job only after its files were moved into the partition's directory (HCatStorer fails before)";

    private HCatalog() {}

    /**
     * Where the partitions a STORE writes are added once written, as HCatStorer's commit adds them: the metastore the
     * conversion was given (the jobs' hive.metastore.uris), a secret in its URI already a parameter ({@code
     * withoutSecrets}).
     */
    static SqlJob.PartitionRegistration registration(String metastoreUris, HiveTable table) {
        return new SqlJob.PartitionRegistration(metastoreUris, table.database(), table.name());
    }

    /** Whether {@code function} (DEFINEs resolved) is HCatLoader. */
    static boolean loads(FuncSpec function) {
        return function != null && LOADERS.contains(function.name());
    }

    /** Whether {@code function} (DEFINEs resolved) is HCatStorer. */
    static boolean stores(FuncSpec function) {
        return function != null && STORERS.contains(function.name());
    }

    /**
     * Whether the field is a partition key of numbers: its value is its partition's registered text (Hive's directory
     * name), which HCatLoader converts with Hive's converter, null where it is no number (Hive's default partition,
     * {@value #DEFAULT_PARTITION}); a string key keeps that text, as HCatLoader's (HCatBaseInputFormat
     * .getColValsNotInDataColumns).
     */
    static boolean numberKey(HiveTable table, FieldSchema field) {
        return field.type().isNumeric()
                && !PigTypes.isBig(field.type())
                && table.partitionKeys().stream().anyMatch(key -> key.name().equals(field.name()));
    }

    /**
     * A Hive table read or written: the metastore's description, how its files are read ({@code storage}), and how
     * they lie under its location.
     */
    record Table(HiveTable table, StorageFunctions.Storage storage, SqlJob.HiveLayout layout) {

        /** HCatLoader's schema: the data columns, then the partition columns, each with the Pig type HCatLoader gives. */
        List<FieldSchema> schema(SourceSpan span) {
            List<FieldSchema> fields = new ArrayList<>();
            for (HiveTable.Column column : table.columns()) {
                fields.add(new FieldSchema(column.name(), pigType(column, table, span), span));
            }
            for (HiveTable.Column key : table.partitionKeys()) {
                fields.add(new FieldSchema(key.name(), pigType(key, table, span), span));
            }
            return fields;
        }
    }

    /**
     * The table a LOAD or STORE names: {@code db.table}, or {@code table} in the database {@code default}, as
     * HCatUtil.getDbAndTableName reads the location; asked of the metastore now.
     */
    static Table table(String location, FuncSpec function, HiveTables tables) {
        SourceSpan span = function.span();
        String name = function.simpleName();
        if (location.contains("${")) {
            throw ExprTranslator.unsupported(
                    span,
                    name + " of the table '" + location + "', named by parameters the job is given when it runs, is"
                            + " not translated yet: Ferry reads the table's columns from the metastore at conversion;"
                            + " name the table in the script");
        }
        String[] parts = location.split("\\.");
        if (parts.length > 2 || parts.length == 0 || parts[parts.length - 1].isEmpty()) {
            throw ExprTranslator.unsupported(
                    span,
                    name + "'s location '" + location + "' is not <database name>.<table name> or <table name>:"
                            + " Pig fails the script");
        }
        String database = parts.length == 2 ? parts[0] : "default";
        String tableName = parts[parts.length - 1];
        String metastore = tables.source()
                .orElseThrow(() -> ExprTranslator.unsupported(
                        span,
                        name + " reads the columns of the Hive table '" + database + "." + tableName + "' from the"
                                + " metastore when the script starts; give Ferry the metastore at conversion"
                                + " (ferry convert --metastore thrift://HOST:PORT, the jobs' hive.metastore.uris)"
                                + " to translate it"));
        Optional<HiveTable> found;
        try {
            found = tables.table(database, tableName);
        } catch (HiveTables.Unavailable e) {
            throw ExprTranslator.unsupported(
                    span,
                    "the Hive metastore " + metastore + " did not describe the table '" + database + "." + tableName
                            + "' (" + e.getMessage() + "); not translated");
        }
        HiveTable table = found.orElseThrow(() -> ExprTranslator.unsupported(
                span,
                "the Hive metastore " + metastore + " has no table '" + database + "." + tableName
                        + "': Pig fails the script (Table not found)"));
        return new Table(table, storage(table, function), layout(table));
    }

    /** How the table's files are read and written, from its SerDe. */
    private static StorageFunctions.Storage storage(HiveTable table, FuncSpec function) {
        String serde = String.valueOf(table.serializationLib());
        List<String> notes = List.of(stores(function) ? EXISTING_PARTITION : PARTITIONS_FROM_DIRECTORIES);
        if (serde.equals(TEXT_SERDE) && TEXT_INPUT.equals(table.inputFormat())) {
            Map<String, String> parameters = table.serde();
            if (parameters.containsKey("escape.delim")) {
                throw ExprTranslator.unsupported(
                        function.span(),
                        "the text table '" + table.qualifiedName() + "' escapes its delimiters (escape.delim); such"
                                + " a table is not translated yet");
            }
            String delimiter = byteDelimiter(
                    parameters.getOrDefault(
                            "field.delim", parameters.getOrDefault("serialization.format", HIVE_DELIMITER)),
                    table,
                    function.span());
            return new StorageFunctions.Storage(
                    FileFormat.PIG_STORAGE, delimiter, SqlJob.FileTag.NONE, List.of(), notes);
        }
        if (serde.equals(ORC_SERDE)) {
            return new StorageFunctions.Storage(FileFormat.ORC, "\t", SqlJob.FileTag.NONE, List.of(), notes);
        }
        if (serde.equals(PARQUET_SERDE)) {
            return new StorageFunctions.Storage(FileFormat.PARQUET, "\t", SqlJob.FileTag.NONE, List.of(), notes);
        }
        throw ExprTranslator.unsupported(
                function.span(),
                "the Hive table '" + table.qualifiedName() + "' is stored with the SerDe " + serde + " (input format "
                        + table.inputFormat() + "); text (LazySimpleSerDe), ORC and Parquet tables are translated,"
                        + " this one is not yet");
    }

    /**
     * The field delimiter as LazySimpleSerDe reads its parameter (LazySerDeParameters.getByte): a number is the byte's
     * value ('1' is ^A, '9' a tab), anything else its first character.
     */
    private static String byteDelimiter(String delimiter, HiveTable table, SourceSpan span) {
        if (delimiter.isEmpty()) {
            return HIVE_DELIMITER;
        }
        int value;
        try {
            value = Byte.parseByte(delimiter);
        } catch (NumberFormatException e) {
            value = delimiter.charAt(0);
        }
        if (value < 0 || value >= 128) {
            throw ExprTranslator.unsupported(
                    span,
                    "the text table '" + table.qualifiedName() + "' has the field delimiter '" + delimiter
                            + "', which is not translated yet");
        }
        return String.valueOf((char) value);
    }

    private static SqlJob.HiveLayout layout(HiveTable table) {
        String nullFormat = null;
        if (TEXT_SERDE.equals(table.serializationLib())) {
            nullFormat = table.serde().getOrDefault("serialization.null.format", HIVE_NULL);
        }
        return new SqlJob.HiveLayout(
                table.partitionKeys().stream().map(HiveTable.Column::name).toList(),
                DEFAULT_PARTITION,
                nullFormat,
                null);
    }

    /**
     * The Pig type HCatLoader gives a Hive column (PigHCatUtil.getPigType); a type Pig has none for fails the script in
     * Pig, and a complex, date or binary column of a text table is not translated yet.
     */
    static PigType pigType(HiveTable.Column column, HiveTable table, SourceSpan span) {
        String type = column.type().trim().toLowerCase(Locale.ROOT);
        String base = type.replaceFirst("[(<].*", "").trim();
        PigType pig = switch (base) {
            case "string", "varchar" -> PigType.CHARARRAY;
            case "tinyint", "smallint", "int" -> PigType.INT;
            case "bigint" -> PigType.LONG;
            case "float" -> PigType.FLOAT;
            case "double" -> PigType.DOUBLE;
            case "boolean" -> PigType.BOOLEAN;
            case "decimal" -> PigType.BIGDECIMAL;
            // char(n): Hive pads it to n when HCatStorer writes it; how HCatLoader strips it is not checked yet
            case "char", "binary", "date", "timestamp", "array", "map", "struct" -> null;
            default ->
                throw ExprTranslator.unsupported(
                        span,
                        "the column '" + column.name() + "' of the Hive table '" + table.qualifiedName() + "' is of the"
                                + " type " + column.type() + ", which HCatLoader has no Pig type for: Pig fails the"
                                + " script");
        };
        if (pig == null) {
            throw ExprTranslator.unsupported(
                    span,
                    "the " + base + " column '" + column.name() + "' of the Hive table '" + table.qualifiedName()
                            + "' is not translated yet (Hive's text and Pig's differ for it)");
        }
        return pig;
    }

    /**
     * HCatStorer's argument, the partition it writes ({@code 'ds=2010-01-01,region=usa'}), as its constructor reads
     * it: pairs split on ',' then '=', trimmed; each key must be one of the table's partition keys.
     */
    static List<SqlJob.PartitionValue> partition(FuncSpec storer, HiveTable table) {
        Map<String, String> values = new LinkedHashMap<>();
        String spec = storer.arguments().isEmpty() ? "" : storer.arguments().get(0);
        if (!spec.trim().isEmpty()) {
            for (String pair : spec.split(",")) {
                String[] keyValue = pair.split("=");
                if (keyValue.length != 2 || keyValue[0].contains("${")) {
                    throw ExprTranslator.unsupported(
                            storer.span(),
                            spec.contains("${")
                                    ? "HCatStorer's partition '" + spec + "' is given by parameters the job is given"
                                            + " when it runs, so its keys are not known at conversion: not translated"
                                            + " yet; write the keys in the script ('ds=$DATE')"
                                    : "HCatStorer's partition '" + spec + "' is not key=value,...: Pig fails the"
                                            + " script (Invalid partition column specification)");
                }
                values.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        List<String> keys =
                table.partitionKeys().stream().map(HiveTable.Column::name).toList();
        List<SqlJob.PartitionValue> partition = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = keys.stream()
                    .filter(k -> k.equalsIgnoreCase(entry.getKey()))
                    .findFirst()
                    .orElseThrow(() -> ExprTranslator.unsupported(
                            storer.span(),
                            "'" + entry.getKey() + "' is not a partition key of the Hive table '"
                                    + table.qualifiedName() + "' (" + String.join(", ", keys)
                                    + "): HCatStorer fails the job"));
            partition.add(new SqlJob.PartitionValue(key, entry.getValue()));
        }
        return partition;
    }

    /**
     * The value HCatStorer writes of {@code field} into {@code column} (HCatBaseStorer.getJavaObj): a chararray into a
     * string or varchar(n) column (longer than n: null, HCatStorer's default onOutOfRangeValue), an int into an int,
     * smallint or tinyint column (out of its range: null), a long, float, double or boolean into a column of that
     * type. Other pairs are not translated yet.
     */
    static SqlExpr stored(Field field, HiveTable.Column column, HiveTable table, SourceSpan span) {
        SqlExpr value = SqlExpr.ColumnRef.of(field.sqlName());
        String type = column.type().trim().toLowerCase(Locale.ROOT).replace(" ", "");
        PigType pig = field.type();
        Optional<SqlExpr> stored = Optional.empty();
        if (pig == PigType.CHARARRAY && type.equals("string")) {
            stored = Optional.of(value);
        } else if (pig == PigType.CHARARRAY && type.matches("varchar\\(\\d+\\)")) {
            long length = Long.parseLong(type.replaceAll("\\D", ""));
            stored = Optional.of(nullWhen(
                    new SqlExpr.Binary(
                            SqlExpr.BinaryOp.GT, SqlExpr.Call.of("CHAR_LENGTH", value), SqlExpr.Literal.number(length)),
                    value));
        } else if (pig == PigType.INT && type.equals("int")) {
            stored = Optional.of(value);
        } else if (pig == PigType.INT && (type.equals("smallint") || type.equals("tinyint"))) {
            long max = type.equals("smallint") ? Short.MAX_VALUE : Byte.MAX_VALUE;
            long min = type.equals("smallint") ? Short.MIN_VALUE : Byte.MIN_VALUE;
            stored = Optional.of(nullWhen(
                    new SqlExpr.Binary(
                            SqlExpr.BinaryOp.OR,
                            new SqlExpr.Binary(SqlExpr.BinaryOp.LT, value, SqlExpr.Literal.number(min)),
                            new SqlExpr.Binary(SqlExpr.BinaryOp.GT, value, SqlExpr.Literal.number(max))),
                    value));
        } else if ((pig == PigType.LONG && type.equals("bigint"))
                || (pig == PigType.FLOAT && type.equals("float"))
                || (pig == PigType.DOUBLE && type.equals("double"))
                || (pig == PigType.BOOLEAN && type.equals("boolean"))) {
            stored = Optional.of(value);
        }
        return stored.orElseThrow(() -> ExprTranslator.unsupported(
                span,
                "HCatStorer of the " + pig.keyword() + " field '" + field.sqlName() + "' into the " + column.type()
                        + " column '" + column.name() + "' of '" + table.qualifiedName() + "' is not translated yet"));
    }

    /** The n of a varchar(n) data column {@code name} of the table, as its reader truncates to it. */
    static java.util.OptionalInt varcharLength(HiveTable table, String name) {
        return table.columns().stream()
                .filter(c -> c.name().equals(name))
                .map(c -> c.type().trim().toLowerCase(Locale.ROOT).replace(" ", ""))
                .filter(type -> type.matches("varchar\\(\\d+\\)"))
                .mapToInt(type -> Integer.parseInt(type.replaceAll("\\D", "")))
                .findFirst();
    }

    /** {@code CASE WHEN condition THEN NULL ELSE value END}. */
    private static SqlExpr nullWhen(SqlExpr condition, SqlExpr value) {
        return new SqlExpr.Case(List.of(new SqlExpr.When(condition, SqlExpr.Literal.NULL)), value);
    }
}
