package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.runtime.functions.PigFunctions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The translator's function table and the runtime's library are one contract: every {@code PIG_*}
 * function a row calls exists in the library the runner registers. (In the translator's package, as
 * the table is package-private; here because only this module sees both sides.)
 */
class PigFunctionTableLibraryTest {

    @Test
    void everyRuntimeFunctionOfTheTableIsInTheLibrary() {
        List<String> missing = PigFunctionTable.scalars().values().stream()
                .map(PigFunctionTable.Scalar::sqlName)
                .filter(name -> name.startsWith("PIG_"))
                .filter(name -> !PigFunctions.LIBRARY.containsKey(name))
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void theLoadCastersTheFloatConstantTheBigNumbersDateTimesInvokeAndMarkedDimensionsCallFunctionsOfTheLibrary() {
        assertEquals(
                List.of(),
                Stream.concat(
                                Stream.of(
                                        ComplexCasts.TEXT_MAP,
                                        StorageFunctions.PIGMIX_CASTER,
                                        ExprTranslator.FLOAT_CONSTANT),
                                Stream.of(
                                                TypedMaps.functionNames(),
                                                BigNumbers.functionNames(),
                                                DateTimes.functionNames(),
                                                DimensionsCall.functionNames(),
                                                List.of(InvokerCall.FUNCTION))
                                        .flatMap(Collection::stream))
                        .filter(name -> !PigFunctions.LIBRARY.containsKey(name))
                        .toList());
    }

    @Test
    void rowsThatCannotBeExactSayHow() {
        Map<String, PigFunctionTable.Scalar> rows = PigFunctionTable.scalars();
        assertEquals(
                List.of(
                        "ABS",
                        "AddDuration",
                        "DIFF",
                        "DaysBetween",
                        "EqualsIgnoreCase",
                        "INVERSEMAP",
                        "IsEmpty",
                        "MonthsBetween",
                        "RANDOM",
                        "REGEX_SEARCH",
                        "ROUND_TO",
                        "SubtractDuration",
                        "UniqueID",
                        "WeeksBetween",
                        "YearsBetween"),
                rows.values().stream()
                        .filter(PigFunctionTable.Scalar::differs)
                        .map(PigFunctionTable.Scalar::pigName)
                        .toList());
    }
}
