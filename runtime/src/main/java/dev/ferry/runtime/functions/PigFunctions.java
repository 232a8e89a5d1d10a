package dev.ferry.runtime.functions;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.UserDefinedFunction;

/**
 * The Pig function library: SQL name → implementation, one row per Pig builtin or operator whose
 * Pig semantics Flink's own function does not match. Generated SQL calls these names; the runner
 * registers them as temporary system functions before the script runs.
 *
 * <p>Not listed because Flink already agrees with Pig (checked on Flink 2.2.0): integer {@code /}
 * truncates, {@code %} follows Java's sign rule and fails on zero in both, INT/BIGINT overflow
 * wraps, and CAST between numeric types narrows like Java (clamping doubles, wrapping longs).
 */
public final class PigFunctions {

    /** SQL name → function, in a fixed order. */
    public static final Map<String, UserDefinedFunction> LIBRARY = library();

    private PigFunctions() {}

    private static Map<String, UserDefinedFunction> library() {
        Map<String, UserDefinedFunction> m = new LinkedHashMap<>();
        // casts: Pig turns what it cannot convert into null; Flink's CAST fails the job
        m.put("PIG_CHARARRAY", new PigChararray()); // (chararray)x; booleans print as true/false
        m.put("PIG_INT", new PigInt()); // (int)s: "3.7" -> 3, "abc" -> null
        m.put("PIG_LONG", new PigLong()); // (long)s
        m.put("PIG_FLOAT", new PigFloat()); // (float)s
        m.put("PIG_FLOAT_CONSTANT", new PigFloatConstant()); // a float constant of more than 7 digits, not folded
        m.put("PIG_DOUBLE", new PigDouble()); // (double)s
        m.put("PIG_BOOLEAN", new PigBoolean()); // (boolean)s: only true/false, any case
        m.put("PIG_TEXT", new PigToText()); // a bag, tuple, map or datetime as PigStorage writes it
        m.put("PIG_SHUFFLE_KEY", new PigShuffleKey()); // a GROUP key's bytes, which Pig's shuffle sorts its rows by
        m.put("PIG_SHUFFLE_TUPLE", new PigShuffleTuple()); // a key tuple's bytes (GROUP by several keys, DISTINCT)
        m.put("PIG_TEXT_MAP", new PigLoadCasters.TextToMap()); // (map[])bytearray: Utf8StorageConverter's map text
        // map[int], map[long], map[float], map[double] of a map of bytearray values: each value as the caster reads it
        m.put("PIG_MAP_INT", new PigLoadCasters.MapOfInt());
        m.put("PIG_MAP_LONG", new PigLoadCasters.MapOfLong());
        m.put("PIG_MAP_FLOAT", new PigLoadCasters.MapOfFloat());
        m.put("PIG_MAP_DOUBLE", new PigLoadCasters.MapOfDouble());
        m.put(
                "PIG_PIGMIX_BAG",
                new PigLoadCasters.PigMixBagOfMaps()); // (bag{tuple(map[])})bytearray of PigMix's loader
        // biginteger and bigdecimal: the text Pig prints for the value, computed on as BigInteger and BigDecimal
        for (PigBigNumbers.Kind kind : PigBigNumbers.Kind.values()) {
            m.put("PIG_" + kind.name(), new PigBigNumbers.Cast(kind)); // (biginteger)x, (bigdecimal)x, a LOAD's field
            for (PigBigNumbers.Operator operator : PigBigNumbers.Operator.values()) {
                if (operator.appliesTo(kind)) {
                    m.put("PIG_" + kind.name() + "_" + operator.name(), new PigBigNumbers.Arithmetic(kind, operator));
                }
            }
        }
        m.put("PIG_BIGDECIMAL_TO_BIGINTEGER", new PigBigNumbers.DecimalToInteger()); // toBigInteger()
        m.put("PIG_BIG_TO_INT", new PigBigNumbers.ToInt()); // intValue(): the low bits, as Java narrows
        m.put("PIG_BIG_TO_LONG", new PigBigNumbers.ToLong());
        m.put("PIG_BIG_TO_FLOAT", new PigBigNumbers.ToFloat());
        m.put("PIG_BIG_TO_DOUBLE", new PigBigNumbers.ToDouble());
        m.put("PIG_BIG_NEGATE", new PigBigNumbers.Negate());
        m.put("PIG_BIG_COMPARE", new PigBigNumbers.Compare()); // compareTo: 1.5 == 1.50
        m.put("PIG_BIG_SORT_KEY", new PigBigNumbers.SortKey()); // text sorting as the numbers (ORDER BY)
        m.put("PIG_BIG_SUM", new PigBigNumbers.Sum()); // aggregates: SUM, MIN, MAX, AVG (DECIMAL128)
        m.put("PIG_BIG_MIN", new PigBigNumbers.Min());
        m.put("PIG_BIG_MAX", new PigBigNumbers.Max());
        m.put("PIG_BIG_AVG", new PigBigNumbers.Avg());
        m.put("PIG_LOAD_AS", new PigLoadAs()); // a LOAD's bag{(...)} or tuple(...) field, read from Pig's text
        // arithmetic and math
        m.put("PIG_DIVIDE", new PigDivide()); // a / b: null when b is zero, for every type
        m.put("PIG_ASSERT", new PigAssert()); // ASSERT a BY c: fails the job when c is false or null
        m.put("PIG_ROUND", new PigRound()); // ROUND: Math.round, halves up, BIGINT result
        m.put("PIG_ROUND_TO", new PigMath.RoundTo()); // ROUND_TO: BigDecimal HALF_UP of the shortest decimal
        for (PigMath.Unary unary : PigMath.Unary.values()) {
            m.put("PIG_" + unary.name(), unary.function()); // CEIL, LOG, SQRT...: Math.* over double
        }
        // strings: Pig counts from 0 and answers null (or -1) where Flink counts from 1
        m.put("PIG_SUBSTRING", new PigSubstring()); // SUBSTRING(s, begin, end), end exclusive
        m.put("PIG_INDEXOF", new PigIndexOf()); // INDEXOF(s, search[, from]), -1 if absent
        m.put("PIG_LAST_INDEX_OF", new PigStrings.LastIndexOf());
        m.put("PIG_REPLACE", new PigStrings.Replace()); // Java regex replaceAll
        m.put("PIG_REGEX_EXTRACT", new PigStrings.RegexExtract()); // find(), group n, null if absent
        m.put("PIG_REGEX_EXTRACT_ALL", new PigStrings.RegexExtractAll()); // matches(), all groups
        m.put("PIG_STRSPLIT", new PigStrings.StrSplit()); // String.split as a tuple
        m.put("PIG_STRSPLITTOBAG", new PigStrings.StrSplitToBag());
        m.put("PIG_REGEX_SEARCH", new PigStrings.RegexSearch()); // group 1 of every find()
        m.put("PIG_TOKENIZE", new PigStrings.Tokenize()); // StringTokenizer, a bag of tokens
        m.put("PIG_UCFIRST", new PigStrings.UcFirst());
        m.put("PIG_LCFIRST", new PigStrings.LcFirst());
        m.put("PIG_STARTSWITH", new PigStrings.StartsWith());
        m.put("PIG_ENDSWITH", new PigStrings.EndsWith());
        m.put("PIG_EQUALSIGNORECASE", new PigStrings.EqualsIgnoreCase());
        m.put("PIG_TRIM", new PigStrings.Trim()); // String.trim: every char <= U+0020
        m.put("PIG_LTRIM", new PigStrings.LTrim());
        m.put("PIG_RTRIM", new PigStrings.RTrim());
        m.put("PIG_UPPER", new PigStrings.Upper());
        m.put("PIG_LOWER", new PigStrings.Lower());
        m.put("PIG_SPRINTF", new PigStrings.Sprintf()); // String.format
        // a JDK method a DEFINE of InvokeForString/Int/Long/Float/Double names, called by reflection as Pig does
        m.put("PIG_INVOKE", new PigInvoke());
        m.put("PIG_UNIQUEID", new PigUniqueId()); // <subtask index>-<n>, Pig's form
        // BuildBloom of a GROUP's bag: Hadoop's BloomFilter serialization, as Pig stores it
        m.put("PIG_BUILDBLOOM", new PigBuildBloom.Sized());
        m.put("PIG_BUILDBLOOM_FIXED", new PigBuildBloom.Fixed());
        // bags, tuples, maps (TOTUPLE and TOMAP are Flink's ROW and MAP constructors)
        m.put("PIG_SIZE", new PigCollections.Size());
        m.put("PIG_ISEMPTY", new PigCollections.IsEmpty());
        m.put("PIG_BAGTOSTRING", new PigCollections.BagToString());
        m.put("PIG_KEYSET", new PigCollections.KeySet()); // HashMap order, as Pig's maps
        m.put("PIG_JSON_MAP", new PigCollections.JsonMap()); // JsonStorage's map: text values, HashMap order
        m.put("PIG_VALUELIST", new PigCollections.ValueList());
        m.put("PIG_VALUESET", new PigCollections.ValueSet()); // distinct values, HashMap order
        m.put("PIG_DIFF", new PigCollections.Diff()); // Pig's HashSet order
        m.put("PIG_BAGTOTUPLE", new PigCollections.BagToTuple());
        m.put("PIG_DISTINCT", new PigCollections.Distinct()); // Pig's DistinctDataBag order
        m.put("PIG_BAG_PROJECT", new PigCollections.BagProject()); // bag.field of a bag value
        m.put("PIG_SUBTRACT", new PigCollections.Subtract()); // Pig's HashSet order
        m.put("PIG_INVERSEMAP", new PigCollections.InverseMap());
        m.put("PIG_COV", new PigCovariance.Cov()); // bags of doubles, every pair of arguments
        m.put("PIG_COR", new PigCovariance.Cor());
        m.put("PIG_TOBAG", new PigCollections.ToBag());
        m.put("PIG_ARRAY_TO_BAG", new PigCollections.ArrayToBag()); // an ORC array of values as a bag
        m.put("PIG_TOP", new PigCollections.Top()); // Pig's PriorityQueue order
        // CubeDimensions and RollupDimensions called as functions, with a DEFINE's "all" marker or null
        for (PigDimensions.Shape shape : PigDimensions.Shape.values()) {
            m.put("PIG_" + shape.name() + "DIMENSIONS", new PigDimensions.Unmarked(shape));
            m.put("PIG_" + shape.name() + "DIMENSIONS_MARKED", new PigDimensions.Marked(shape));
        }
        m.put("PIG_BAG_SORT", new PigBagSort()); // a nested ORDER's bag, sorted as Pig's POSort sorts it
        for (PigBagAggregates.Kind kind : PigBagAggregates.Kind.values()) {
            m.put("PIG_BAG_" + kind.name(), kind.function()); // COUNT(bag) ... MAX(bag) on a bag value
        }
        // datetimes: Pig's text of the value (instant and offset), joda-time as Pig (pig.datetime.default.tz)
        m.put("PIG_TODATE", new PigDateTimes.ToDate());
        m.put("PIG_CURRENTTIME", new PigDateTimes.CurrentTime());
        m.put("PIG_DATETIME_MIN", new PigDateTimes.Min());
        m.put("PIG_DATETIME_MAX", new PigDateTimes.Max());
        m.put("PIG_BYTES_TO_DATETIME", new PigDateTimes.BytesToDateTime()); // (datetime) of a bytearray
        m.put("PIG_TOSTRING", new PigDateTimes.ToString());
        m.put("PIG_TOUNIXTIME", new PigDateTimes.ToUnixTime());
        m.put("PIG_TOMILLISECONDS", new PigDateTimes.ToMilliSeconds());
        for (PigDateTimes.Field field : PigDateTimes.Field.values()) {
            m.put("PIG_GET" + field.name(), field.function()); // GetYear ... GetWeekYear
        }
        for (PigDateTimes.Between unit : PigDateTimes.Between.values()) {
            m.put("PIG_" + unit.name() + "BETWEEN", unit.function()); // YearsBetween ... MilliSecondsBetween
        }
        m.put("PIG_ADDDURATION", new PigDateTimes.AddDuration());
        m.put("PIG_SUBTRACTDURATION", new PigDateTimes.SubtractDuration());
        return Collections.unmodifiableMap(m);
    }

    /** Registers every function of the library that {@code env} does not have yet. */
    public static void registerAll(TableEnvironment env) {
        Set<String> existing = Arrays.stream(env.listUserDefinedFunctions())
                .map(name -> name.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        LIBRARY.forEach((name, function) -> {
            if (!existing.contains(name)) {
                env.createTemporarySystemFunction(name, function);
            }
        });
    }
}
