package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigType;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pig builtins and what they become in Flink SQL. One row per builtin; a builtin that is not here
 * is reported as unsupported (PIG-E020), never guessed. A Flink built-in is used only where its
 * semantics match Pig's exactly (nulls, rounding, indexing, regex dialect); everything else calls a
 * {@code PIG_*} function of the ferry-runtime library, which computes what Pig's own class does and
 * is checked against real Pig 0.18 ({@code PigBuiltinsDifferentialTest} in the runtime). A row whose
 * note starts with {@code "differs:"} cannot be exact; the translation warns with that note.
 */
final class PigFunctionTable {

    /** How the result type of a scalar builtin follows from its arguments. */
    enum ResultType {
        CHARARRAY,
        LONG,
        INT,
        DOUBLE,
        BOOLEAN,
        DATETIME,
        TUPLE,
        BAG,
        MAP,
        FIRST_ARGUMENT,
        ROUNDED
    }

    /**
     * How the SQL form is written: a function call, Flink's ROW(...) / MAP[...] constructor, or the number of
     * arguments (known when translating).
     */
    enum Form {
        CALL,
        ROW,
        MAP,
        ARGUMENT_COUNT
    }

    /** A scalar builtin that maps one-to-one onto a SQL function (or constructor) with the same argument order. */
    record Scalar(String pigName, String sqlName, Form form, int minArgs, int maxArgs, ResultType result, String note) {
        /** Whether Ferry knows a case where the result differs from Pig's. */
        boolean differs() {
            return note.startsWith(DIFFERS);
        }
    }

    /** An aggregate over a bag; the SQL form depends on the argument type (see {@link Aggregates}). */
    record Aggregate(String pigName, String note) {}

    /**
     * A typed class a generic builtin dispatches to by its argument's type (its {@code getArgToFuncMapping}): a
     * script may call it by its own name too ({@code LongSum(b.x)}), and it then computes what the generic
     * builtin computes for that type. Pig fails the job when it gets another type (a ClassCastException in
     * its exec), so the translation refuses that.
     *
     * @param accepts the argument types it takes (of the bag's field for an aggregate); empty: any scalar
     * @param overBag whether its argument is a bag (an aggregate)
     */
    record TypedVariant(String pigName, String generic, Set<PigType> accepts, boolean overBag, int args) {}

    /**
     * A builtin whose DEFINE gives it constructor arguments the translation reads ({@code DEFINE f
     * InvokeForInt('java.lang.Integer.parseInt', 'String')}), with how many it takes.
     */
    record Defined(String pigName, int minArgs, int maxArgs, String note) {
        /** Whether Ferry knows a case where the result differs from Pig's. */
        boolean differs() {
            return note.startsWith(DIFFERS);
        }
    }

    static final String DIFFERS = "differs: ";
    private static final String THROWS_ON_NULL =
            "Pig's class throws on a null argument and fails the job; the runtime answers null";

    private static final Map<String, Scalar> SCALARS = new TreeMap<>();
    private static final Map<String, Aggregate> AGGREGATES = new TreeMap<>();
    private static final Map<String, TypedVariant> TYPED_VARIANTS = new TreeMap<>();
    private static final Map<String, Defined> DEFINED = new TreeMap<>();

    /**
     * Classes of org.apache.pig.builtin that are functions a script can call but are not translated, and why: the
     * call is reported with the reason ({@code BuiltinAuditTest} fails when a class of Pig's package is neither a
     * row of this table, of {@link StorageFunctions}, nor here).
     */
    private static final Map<String, String> NOT_TRANSLATED = new TreeMap<>(Map.ofEntries(
            Map.entry(
                    "Bloom",
                    "Bloom reads the first part file of the filter BuildBloom stored, through Hadoop's distributed cache"
                            + " (linked into the task's directory as the path with '/' made '_'); Pig 0.18 fails on it in"
                            + " local mode (\"partFiles\" is null), so no run of real Pig checks a translation, and a"
                            + " translation needs BuildBloom's file first; not translated yet"),
            Map.entry(
                    "BuildBloom",
                    "the runtime computes Pig's filter (PIG_BUILDBLOOM: Hadoop's BloomFilter.write bytes of the GROUP's"
                            + " bag), but a STORE writes a bytearray column as text, which would re-encode the filter's"
                            + " bytes: not translated until a bytearray can reach a STORE as bytes"),
            Map.entry("HiveUDF", hive("UDF (a GenericUDF, or a UDF through its bridge)")),
            Map.entry("HiveUDAF", hive("UDAF (a GenericUDAFResolver's evaluator in its four modes)")),
            Map.entry("HiveUDTF", hive("UDTF (a GenericUDTF whose forwarded rows Pig collects into a bag)")),
            Map.entry(
                    "InvokerGenerator",
                    "it generates a class per call site (ASM bytecode) whose argument classes and result follow the"
                            + " method's declared classes (boxed types, any class Pig's context resolves, static or"
                            + " not from the method itself); not translated yet: DEFINE the call through"
                            + " InvokeForString, InvokeForInt, InvokeForLong, InvokeForFloat or InvokeForDouble, which"
                            + " are"),
            Map.entry(
                    "FunctionWrapperEvalFunc",
                    "it instantiates the user's Guava Function (or Pig ExceptionalFunction) class its argument names"
                            + " and types the result by that class's generic parameters: a class of the user's jar,"
                            + " which the translation does not read; port it to a Flink function, or wrap it in an"
                            + " EvalFunc the UDF adapter runs"),
            Map.entry(
                    "Assert",
                    "Assert is the ASSERT statement's own function; the ASSERT statement is translated, a direct call"
                            + " is not")));

    /** Why a Hive function is refused. */
    private static String hive(String what) {
        return "a Hive " + what + " runs on hive-exec's classes (Hive's ObjectInspectors, its function registry,"
                + " Pig's HiveUtils converting Pig values both ways), which no Ferry job carries, and Flink's Hive"
                + " module converts values by Flink's rules, not Pig's; port the function to a Flink function";
    }

    static {
        // strings (org.apache.pig.builtin): Java String methods and java.util.regex
        scalar("UPPER", "UPPER", 1, 1, ResultType.CHARARRAY, "String.toUpperCase() in both");
        scalar("LOWER", "LOWER", 1, 1, ResultType.CHARARRAY, "String.toLowerCase() in both");
        runtime(
                "TRIM",
                1,
                1,
                ResultType.CHARARRAY,
                "String.trim strips every char <= U+0020; Flink's TRIM only spaces");
        runtime("LTRIM", 1, 1, ResultType.CHARARRAY, "leading spaces only (tabs stay)");
        runtime("RTRIM", 1, 1, ResultType.CHARARRAY, "trailing spaces only (tabs stay)");
        scalar("CONCAT", "CONCAT", 2, Integer.MAX_VALUE, ResultType.CHARARRAY, "any null argument gives null in both");
        runtime("SUBSTRING", 3, 3, ResultType.CHARARRAY, "0-based, end exclusive, null when out of range");
        runtime("INDEXOF", 2, 3, ResultType.INT, "0-based String.indexOf, -1 when absent");
        runtime("LAST_INDEX_OF", 2, 2, ResultType.INT, "0-based String.lastIndexOf, -1 when absent");
        runtime(
                "REPLACE",
                3,
                3,
                ResultType.CHARARRAY,
                "String.replaceAll (Java regex, $1 references); a bad pattern gives null");
        runtime("REGEX_EXTRACT", 3, 3, ResultType.CHARARRAY, "Matcher.find, the group or null");
        runtime(
                "REGEX_EXTRACT_ALL",
                2,
                2,
                ResultType.TUPLE,
                "Matcher.matches on the whole string, every group, else null");
        runtime("STRSPLIT", 1, 3, ResultType.TUPLE, "String.split(regex, limit) as a tuple");
        runtime(
                "REGEX_SEARCH",
                2,
                2,
                ResultType.BAG,
                DIFFERS + "Pig fails the job on a bad pattern or one without a group;"
                        + " the runtime answers null (else group 1 of every Matcher.find, null when none)");
        runtime("STRSPLITTOBAG", 1, 3, ResultType.BAG, "String.split(regex, limit) as a bag");
        runtime("TOKENIZE", 1, 2, ResultType.BAG, "StringTokenizer on space, double quote, comma, parentheses, star");
        runtime("UCFIRST", 1, 1, ResultType.CHARARRAY, "Character.toUpperCase of the first char");
        runtime("LCFIRST", 1, 1, ResultType.CHARARRAY, "Character.toLowerCase of the first char");
        runtime("STARTSWITH", 2, 2, ResultType.BOOLEAN, "String.startsWith");
        runtime("ENDSWITH", 2, 2, ResultType.BOOLEAN, "String.endsWith");
        runtime("EqualsIgnoreCase", 2, 2, ResultType.BOOLEAN, DIFFERS + THROWS_ON_NULL);
        runtime("SPRINTF", 1, Integer.MAX_VALUE, ResultType.CHARARRAY, "String.format; a null argument gives null");
        // math: Pig's DoubleBase functions are java.lang.Math over a double
        scalar("ABS", "ABS", 1, 1, ResultType.FIRST_ARGUMENT, DIFFERS + THROWS_ON_NULL);
        runtime("ROUND", 1, 1, ResultType.ROUNDED, "Math.round: halves up, a float gives an int, others a long");
        runtime(
                "ROUND_TO",
                2,
                3,
                ResultType.FIRST_ARGUMENT,
                DIFFERS + "BigDecimal HALF_EVEN by default; " + THROWS_ON_NULL);
        for (String name : List.of(
                "CEIL", "FLOOR", "SQRT", "CBRT", "LOG", "LOG10", "EXP", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN",
                "SINH", "COSH", "TANH")) {
            runtime(name, 1, 1, ResultType.DOUBLE, "java.lang.Math over a double (CEIL of an int is a double)");
        }
        scalar("RANDOM", "RAND", 0, 0, ResultType.DOUBLE, DIFFERS + "a different random sequence (Math.random in Pig)");
        // datetimes: Pig's text of the value, its instant and offset (DateTimes), joda-time as Pig
        runtime(
                "ToDate",
                1,
                3,
                ResultType.DATETIME,
                "millis in the default zone; ISO text keeps its offset (the default zone without one); a pattern parses"
                        + " in the default zone or the named one");
        runtime("ToString", 1, 2, ResultType.CHARARRAY, "joda's DateTime.toString or pattern, in the value's offset");
        runtime("ToUnixTime", 1, 1, ResultType.LONG, "millis / 1000");
        runtime("ToMilliSeconds", 1, 1, ResultType.LONG, "epoch millis");
        for (String field :
                List.of("Year", "Month", "Day", "Hour", "Minute", "Second", "MilliSecond", "Week", "WeekYear")) {
            runtime("Get" + field, 1, 1, ResultType.INT, "joda field in the value's offset");
        }
        for (String unit : List.of("Years", "Months", "Weeks", "Days")) {
            // local calendar units: the value's zone counts
            runtime(unit + "Between", 2, 2, ResultType.LONG, DateTimes.ZONE_RULES_DIFFER);
        }
        for (String unit : List.of("Hours", "Minutes", "Seconds", "MilliSeconds")) {
            runtime(unit + "Between", 2, 2, ResultType.LONG, "joda " + unit + ".between(second, first)");
        }
        runtime("AddDuration", 2, 2, ResultType.DATETIME, DateTimes.ZONE_RULES_DIFFER);
        runtime("SubtractDuration", 2, 2, ResultType.DATETIME, DateTimes.ZONE_RULES_DIFFER);
        runtime("CurrentTime", 0, 0, ResultType.DATETIME, "fixed for the whole batch job in both, in the default zone");
        // tuples, bags and maps
        SCALARS.put(
                "TOTUPLE",
                new Scalar(
                        "TOTUPLE",
                        "ROW",
                        Form.ROW,
                        1,
                        Integer.MAX_VALUE,
                        ResultType.TUPLE,
                        "a tuple of the arguments in both"));
        SCALARS.put(
                "TOMAP",
                new Scalar(
                        "TOMAP",
                        "MAP",
                        Form.MAP,
                        1,
                        Integer.MAX_VALUE,
                        ResultType.MAP,
                        "key, value pairs; a repeated key keeps the last value in both"));
        runtime("TOBAG", 1, Integer.MAX_VALUE, ResultType.BAG, "one tuple per argument; arguments of one type");
        runtime(
                "SIZE",
                1,
                1,
                ResultType.LONG,
                "chars of a chararray, bytes of a bytearray, tuples of a bag, entries of a map, fields of a tuple,"
                        + " 1 for a number");
        runtime("IsEmpty", 1, 1, ResultType.BOOLEAN, DIFFERS + THROWS_ON_NULL);
        runtime("BagToString", 1, 2, ResultType.CHARARRAY, "every field of every tuple joined by the delimiter ('_')");
        runtime("TOP", 3, 3, ResultType.BAG, "the n largest by a field, in the order of Pig's PriorityQueue");
        runtime("KEYSET", 1, 1, ResultType.BAG, "HashMap key order, as Pig");
        runtime("VALUELIST", 1, 1, ResultType.BAG, "HashMap value order, as Pig");
        runtime("VALUESET", 1, 1, ResultType.BAG, "the distinct values in HashMap value order, as Pig");
        runtime(
                "INVERSEMAP",
                1,
                1,
                ResultType.MAP,
                DIFFERS + THROWS_ON_NULL + " value; a stored result lists its entries in another"
                        + " order (Pig sizes the HashMap to the input map); else each value's text to the bag of its keys");
        runtime(
                "SUBTRACT",
                2,
                2,
                ResultType.BAG,
                "the distinct tuples of the first bag the second lacks, in Pig's HashSet order");
        runtime(
                "Distinct",
                1,
                1,
                ResultType.BAG,
                "the distinct tuples, sorted as Pig's DistinctDataBag iterates them (Tuple.compareTo); null gives {}");
        runtime("BagToTuple", 1, 1, ResultType.TUPLE, "every field of every tuple in one tuple (fields of one type)");
        runtime(
                "DIFF",
                2,
                2,
                ResultType.BAG,
                DIFFERS + "Pig's class throws on a null argument and fails the job; the runtime answers null"
                        + " (tuples of each bag missing from the other, in Pig's HashSet order)");
        // COV and COR as Pig's exec computes them, over bag values (a bag built in the FOREACH)
        runtime(
                "COV",
                1,
                Integer.MAX_VALUE,
                ResultType.BAG,
                "a (var<i>, var<j>, covariance) tuple per pair of double bags; null if a value is null or not a double");
        runtime(
                "COR",
                1,
                Integer.MAX_VALUE,
                ResultType.BAG,
                "a (var<i>, var<j>, correlation) tuple per pair of double bags; null if a value is null or not a double");
        // CUBE's functions called by a script (the CUBE statement has its own translation); a DEFINE may give
        // them an "all" marker (DEFINED below). Chararray dimensions: Pig puts the text 'unknown' for a null one.
        runtime(
                "CubeDimensions",
                1,
                Integer.MAX_VALUE,
                ResultType.BAG,
                "every combination of each dimension and the \"all\" marker (null), the last varying fastest; a null"
                        + " dimension is 'unknown' (Pig's convertNullToUnknown)");
        runtime(
                "RollupDimensions",
                1,
                Integer.MAX_VALUE,
                ResultType.BAG,
                "the tuple, then the marker (null) put in from the last dimension to the first; a null dimension is"
                        + " 'unknown'");
        runtime(
                "UniqueID",
                0,
                Integer.MAX_VALUE,
                ResultType.CHARARRAY,
                DIFFERS
                        + "ids are '<task index>-<n>' as in Pig, unique in the job, but the index is the Flink subtask's"
                        + " and which row gets which id follows Flink's split of the input, not Hadoop's (the same"
                        + " for one task reading one file)");
        SCALARS.put(
                "ARITY",
                new Scalar(
                        "ARITY",
                        "ARITY",
                        Form.ARGUMENT_COUNT,
                        0,
                        Integer.MAX_VALUE,
                        ResultType.INT,
                        "the number of arguments (of fields for '*'), the size of Pig's input tuple"));
        defined(
                "PluckTuple",
                1,
                2,
                "the fields of '*' whose name starts with or matches the prefix (the others: 'false')");
        for (String name :
                List.of("InvokeForString", "InvokeForInt", "InvokeForLong", "InvokeForFloat", "InvokeForDouble")) {
            defined(
                    name,
                    2,
                    3,
                    DIFFERS + "where Pig fails the job (the method throws, or gets a null object or a null for a"
                            + " primitive parameter) the runtime answers null, since Flink may evaluate the call on"
                            + " rows an earlier FILTER removed; else the JDK method the DEFINE names, called by"
                            + " reflection as Pig's Invoker calls it, typed by its return type as Pig types it");
        }
        defined("CubeDimensions", 1, 1, "the DEFINE's argument is the \"all\" marker (PIG_CUBEDIMENSIONS_MARKED)");
        defined("RollupDimensions", 1, 1, "the DEFINE's argument is the \"all\" marker (PIG_ROLLUPDIMENSIONS_MARKED)");
        for (String name : List.of("COUNT", "COUNT_STAR", "SUM", "AVG", "MIN", "MAX")) {
            AGGREGATES.put(name, new Aggregate(name, "see Aggregates"));
        }
        addTypedVariants();
    }

    /** The typed classes of org.apache.pig.builtin, from each generic builtin's getArgToFuncMapping. */
    private static void addTypedVariants() {
        Map<String, PigType> numbers = new java.util.LinkedHashMap<>();
        numbers.put("Int", PigType.INT);
        numbers.put("Long", PigType.LONG);
        numbers.put("Float", PigType.FLOAT);
        numbers.put("Double", PigType.DOUBLE);
        numbers.put("BigDecimal", PigType.BIGDECIMAL);
        numbers.put("BigInteger", PigType.BIGINTEGER);
        numbers.forEach((prefix, type) -> {
            variant(prefix + "Abs", "ABS", Set.of(type), false, 1);
            for (String aggregate : List.of("Sum", "Avg", "Min", "Max")) {
                variant(prefix + aggregate, aggregate.toUpperCase(Locale.ROOT), Set.of(type), true, 1);
            }
        });
        for (String prefix : List.of("String", "DateTime")) {
            PigType type = prefix.equals("String") ? PigType.CHARARRAY : PigType.DATETIME;
            variant(prefix + "Min", "MIN", Set.of(type), true, 1);
            variant(prefix + "Max", "MAX", Set.of(type), true, 1);
        }
        variant("DoubleRound", "ROUND", Set.of(PigType.DOUBLE), false, 1);
        variant("FloatRound", "ROUND", Set.of(PigType.FLOAT), false, 1);
        variant("DoubleRoundTo", "ROUND_TO", Set.of(PigType.DOUBLE), false, 0);
        variant("FloatRoundTo", "ROUND_TO", Set.of(PigType.FLOAT), false, 0);
        variant("StringSize", "SIZE", Set.of(PigType.CHARARRAY), false, 1);
        variant("TupleSize", "SIZE", Set.of(PigType.TUPLE), false, 1);
        variant("BagSize", "SIZE", Set.of(PigType.BAG), false, 1);
        variant("MapSize", "SIZE", Set.of(PigType.MAP), false, 1);
        variant("ConstantSize", "SIZE", Set.of(PigType.INT, PigType.LONG, PigType.FLOAT, PigType.DOUBLE), false, 1);
        variant("StringConcat", "CONCAT", Set.of(), false, 0);
        variant("ToDateISO", "ToDate", Set.of(PigType.CHARARRAY), false, 1);
        variant("ToDate2ARGS", "ToDate", Set.of(PigType.CHARARRAY), false, 2);
        variant("ToDate3ARGS", "ToDate", Set.of(PigType.CHARARRAY), false, 3);
    }

    /** {@code args}: the number of arguments it takes, 0 when the generic row's count applies. */
    private static void variant(String name, String generic, Set<PigType> accepts, boolean overBag, int args) {
        TYPED_VARIANTS.put(name, new TypedVariant(name, generic, accepts, overBag, args));
    }

    /** Builtins that differ from Pig only when given a GROUP's bag (where Pig runs their Algebraic form). */
    private static final Map<String, String> GROUP_BAG_DIFFERENCES = Map.of(
            "COV",
            DIFFERS + "Pig 0.18 fails the job when its combiner runs COV on a GROUP's bags (COV.Intermed casts a long"
                    + " count to Double); the translation gives what Pig's exec gives (as with SET pig.exec.nocombiner true)",
            "Distinct",
            DIFFERS + "Pig 0.18 fails the job when its combiner runs Distinct on a GROUP's bag (Distinct.Initial casts"
                    + " the bag to a tuple); the translation gives what Pig's exec gives (as with SET pig.exec.nocombiner"
                    + " true)");

    private PigFunctionTable() {}

    /** The "differs:" note of a builtin given a GROUP's bag, where it differs only then. */
    static Optional<String> groupBagDifference(String name) {
        return Optional.ofNullable(GROUP_BAG_DIFFERENCES.get(name));
    }

    private static void scalar(String pig, String sql, int min, int max, ResultType result, String note) {
        SCALARS.put(pig, new Scalar(pig, sql, Form.CALL, min, max, result, note));
    }

    /** A builtin computed by the runtime's {@code PIG_<NAME>} function. */
    private static void runtime(String pig, int min, int max, ResultType result, String note) {
        scalar(pig, "PIG_" + pig.toUpperCase(Locale.ROOT), min, max, result, note);
    }

    private static void defined(String pig, int min, int max, String note) {
        DEFINED.put(pig, new Defined(pig, min, max, note));
    }

    /** The builtin {@code name} as a DEFINE with constructor arguments names it, if the translation reads those. */
    static Optional<Defined> defined(String name) {
        return Optional.ofNullable(DEFINED.get(name));
    }

    /** Pig builtin names are case-sensitive; user UDFs are looked up elsewhere. */
    static Optional<Scalar> scalar(String name) {
        return Optional.ofNullable(SCALARS.get(name));
    }

    /** Every scalar row, by Pig name. */
    static Map<String, Scalar> scalars() {
        return Collections.unmodifiableMap(SCALARS);
    }

    static boolean isAggregate(String name) {
        return AGGREGATES.containsKey(name);
    }

    /** Every aggregate, by Pig name. */
    static Set<String> aggregates() {
        return Collections.unmodifiableSet(AGGREGATES.keySet());
    }

    /** The typed class {@code name} of a generic builtin, if it is one. */
    static Optional<TypedVariant> typedVariant(String name) {
        return Optional.ofNullable(TYPED_VARIANTS.get(name));
    }

    /** Every typed class, by Pig name. */
    static Map<String, TypedVariant> typedVariants() {
        return Collections.unmodifiableMap(TYPED_VARIANTS);
    }

    /** Why a builtin function is not translated, if it is one of those. */
    static Optional<String> notTranslated(String name) {
        return Optional.ofNullable(NOT_TRANSLATED.get(name));
    }

    /** Every builtin function that is reported, not translated, with its reason. */
    static Map<String, String> notTranslated() {
        return Collections.unmodifiableMap(NOT_TRANSLATED);
    }

    /** Whether the translation computes {@code name}, a builtin's name without its package. */
    static boolean translates(String name) {
        return SCALARS.containsKey(name)
                || AGGREGATES.containsKey(name)
                || TYPED_VARIANTS.containsKey(name)
                || DEFINED.containsKey(name);
    }

    /**
     * The builtin a call names: Pig resolves a function name against the package org.apache.pig.builtin too, so
     * {@code org.apache.pig.builtin.SUM} is {@code SUM}. Other qualified names are user classes, kept as written.
     */
    static String builtinName(String name) {
        return name.startsWith(BUILTIN_PACKAGE) ? name.substring(BUILTIN_PACKAGE.length()) : name;
    }

    static final String BUILTIN_PACKAGE = "org.apache.pig.builtin.";

    static PigType resultType(Scalar function, List<PigType> argumentTypes) {
        return switch (function.result()) {
            case CHARARRAY -> PigType.CHARARRAY;
            case LONG -> PigType.LONG;
            case INT -> PigType.INT;
            case DOUBLE -> PigType.DOUBLE;
            case BOOLEAN -> PigType.BOOLEAN;
            case DATETIME -> PigType.DATETIME;
            case TUPLE -> PigType.TUPLE;
            case BAG -> PigType.BAG;
            case MAP -> PigType.MAP;
            case FIRST_ARGUMENT -> argumentTypes.get(0);
            case ROUNDED -> argumentTypes.get(0) == PigType.FLOAT ? PigType.INT : PigType.LONG;
        };
    }
}
