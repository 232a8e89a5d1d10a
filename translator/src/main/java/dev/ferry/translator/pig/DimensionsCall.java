package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CubeDimensions and RollupDimensions called by a script (the CUBE statement has its own translation): a bag of
 * tuples of the dimensions, computed by the runtime's {@code PIG_CUBEDIMENSIONS} / {@code PIG_ROLLUPDIMENSIONS}, or
 * their {@code _MARKED} form when a DEFINE gives the "all" marker ({@code DEFINE c CubeDimensions('ALL')}).
 */
final class DimensionsCall {

    private DimensionsCall() {}

    /** The runtime's functions of a DEFINE with a marker. */
    static List<String> functionNames() {
        return List.of("PIG_CUBEDIMENSIONS_MARKED", "PIG_ROLLUPDIMENSIONS_MARKED");
    }

    /**
     * The bag's tuples: the dimensions, named as the arguments. Only chararrays: Pig puts the chararray 'unknown'
     * for a null dimension (and the marker, a chararray) into a field its schema types as the argument's type.
     */
    static Inner inner(PigExpr.Call call, String name, List<PigType> types) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) != PigType.CHARARRAY) {
                throw ExprTranslator.unsupported(
                        call.arguments().size() == types.size()
                                ? call.arguments().get(i).span()
                                : call.span(),
                        name + " of a " + types.get(i).keyword() + " dimension is not translated: Pig puts the"
                                + " chararray 'unknown' for a null one (and the marker) into a field typed "
                                + types.get(i).keyword() + ", which a typed column cannot hold; cast the dimension to"
                                + " chararray");
            }
        }
        return new Inner(null, types, TupleFlatten.argumentNames(call, types.size()));
    }

    private static String markedFunction(String name) {
        return "PIG_" + name.toUpperCase(Locale.ROOT) + "_MARKED";
    }

    /** {@code c(a, b)} of {@code DEFINE c CubeDimensions('marker')}. */
    static Value.Scalar marked(PigExpr.Call call, FuncSpec function, List<Value.Scalar> arguments) {
        String name = PigFunctionTable.builtinName(function.name());
        if (arguments.isEmpty()) {
            throw ExprTranslator.unsupported(
                    call.span(), name + " of no dimension is not translated: Pig fails the job on it");
        }
        List<SqlExpr> sql = new ArrayList<>();
        sql.add(SqlExpr.Literal.text(function.arguments().get(0)));
        arguments.forEach(argument -> sql.add(argument.sql()));
        Inner inner =
                inner(call, name, arguments.stream().map(Value.Scalar::type).toList());
        return new Value.Scalar(new SqlExpr.Call(markedFunction(name), sql), PigType.BAG, inner);
    }
}
