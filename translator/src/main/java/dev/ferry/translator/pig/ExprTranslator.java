package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.JavaUdf;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigExpr.BinaryOp;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Translates Pig expressions to SQL expressions with Pig's typing and null semantics. */
final class ExprTranslator {

    private static final Map<BinaryOp, SqlExpr.BinaryOp> SQL_OPERATORS = Map.ofEntries(
            Map.entry(BinaryOp.MULTIPLY, SqlExpr.BinaryOp.MULTIPLY),
                    Map.entry(BinaryOp.DIVIDE, SqlExpr.BinaryOp.DIVIDE),
            Map.entry(BinaryOp.ADD, SqlExpr.BinaryOp.ADD), Map.entry(BinaryOp.SUBTRACT, SqlExpr.BinaryOp.SUBTRACT),
            Map.entry(BinaryOp.EQ, SqlExpr.BinaryOp.EQ), Map.entry(BinaryOp.NE, SqlExpr.BinaryOp.NE),
            Map.entry(BinaryOp.LT, SqlExpr.BinaryOp.LT), Map.entry(BinaryOp.LE, SqlExpr.BinaryOp.LE),
            Map.entry(BinaryOp.GT, SqlExpr.BinaryOp.GT), Map.entry(BinaryOp.GE, SqlExpr.BinaryOp.GE),
            Map.entry(BinaryOp.AND, SqlExpr.BinaryOp.AND), Map.entry(BinaryOp.OR, SqlExpr.BinaryOp.OR));

    /** Runtime functions casting text (a chararray) or bytes (a bytearray) the way Pig casts them to a number. */
    private static final Map<PigType, String> TEXT_TO_NUMBER = Map.of(
            PigType.INT, "PIG_INT", PigType.LONG, "PIG_LONG", PigType.FLOAT, "PIG_FLOAT", PigType.DOUBLE, "PIG_DOUBLE");

    /** Builtins whose bag holds one-chararray tuples (their output schema in Pig), so FLATTEN knows its field. */
    private static final Set<String> BAGS_OF_CHARARRAYS = Set.of("TOKENIZE", "STRSPLITTOBAG", "KEYSET");

    private static final Set<String> DIMENSIONS = Set.of("CubeDimensions", "RollupDimensions");

    /** Builtins whose bag holds one-field tuples of their map argument's values. */
    private static final Set<String> BAGS_OF_MAP_VALUES = Set.of("VALUELIST", "VALUESET");

    private final Set<String> parameters;
    private final Diagnostics diagnostics;
    /** Where a PIG-W010 was reported already: a call translated twice (a retried form) warns once. */
    private final Set<SourceSpan> warned = new HashSet<>();
    /** Casts of loaded bytearrays to maps and bags, by the script's load casters. */
    private final ComplexCasts complexCasts = new ComplexCasts();
    /** The Java UDFs the script DEFINEs. */
    private final JavaUdfCalls javaUdfs;

    /**
     * @param parameters collects every {@code $PARAM} the expressions use
     * @param diagnostics receives the warnings of calls that translate with a known difference
     * @param udfs what the parser learned of the Java UDF classes the script names
     */
    ExprTranslator(Set<String> parameters, Diagnostics diagnostics, Map<String, JavaUdf> udfs) {
        this.parameters = parameters;
        this.diagnostics = diagnostics;
        this.javaUdfs = new JavaUdfCalls(diagnostics, udfs);
    }

    JavaUdfCalls javaUdfs() {
        return javaUdfs;
    }

    ComplexCasts complexCasts() {
        return complexCasts;
    }

    /** {@code DEFINE name Builtin('arg')}: builtins that take constructor arguments, by the name the script gives them. */
    private final Map<String, FuncSpec> defined = new HashMap<>();

    /**
     * Whether {@code DEFINE name function('arg', ...)} is a builtin whose constructor arguments the translation reads
     * (PluckTuple, InvokeForInt..., CubeDimensions' marker): a row of {@link PigFunctionTable#defined}.
     */
    static boolean isDefinableBuiltin(FuncSpec function) {
        String name = PigFunctionTable.builtinName(function.name());
        int count = function.arguments().size();
        return !name.contains(".")
                && PigFunctionTable.defined(name)
                        .filter(row -> count >= row.minArgs() && count <= row.maxArgs())
                        .isPresent();
    }

    void define(String name, FuncSpec function) {
        defined.put(name, function);
    }

    /** {@code DEFINE name Builtin()}: the builtin a DEFINE's name stands for. */
    private final Map<String, String> builtinAliases = new HashMap<>();

    /** Whether {@code DEFINE name function} names a builtin the table translates, without constructor arguments. */
    static boolean isBuiltinAlias(FuncSpec function) {
        return function.arguments().isEmpty()
                && (!function.name().contains(".") || function.name().startsWith(PigFunctionTable.BUILTIN_PACKAGE))
                && PigFunctionTable.translates(PigFunctionTable.builtinName(function.name()));
    }

    void defineBuiltin(String name, FuncSpec function) {
        builtinAliases.put(name, PigFunctionTable.builtinName(function.name()));
    }

    /** PIG-W010 at the call: what a builtin translated with a known difference does otherwise than Pig. */
    void warnDiffers(SourceSpan span, String function, String note) {
        if (warned.add(span)) {
            diagnostics.report(
                    DiagnosticCode.PIG_W010,
                    span,
                    function + " is translated, but differs from Pig: "
                            + note.substring(PigFunctionTable.DIFFERS.length()),
                    "check that the difference cannot occur on your data, or change the script");
        }
    }

    Value translate(PigExpr expr, Scope scope) {
        if (expr instanceof PigExpr.FieldRef ref) {
            return scope.field(ref);
        }
        if (expr instanceof PigExpr.PositionalRef ref) {
            return scope.positional(ref);
        }
        if (expr instanceof PigExpr.Dereference d) {
            return dereference(d, scope);
        }
        if (expr instanceof PigExpr.Call call) {
            return call(call, scope);
        }
        if (expr instanceof PigExpr.Literal literal) {
            return literal(literal);
        }
        if (expr instanceof PigExpr.Param param) {
            parameters.add(param.name());
            // Pig substitutes the text of the parameter before parsing; the runner does the same.
            return new Value.Scalar(new SqlExpr.Param(param.name()), PigType.BYTEARRAY);
        }
        if (expr instanceof PigExpr.Cast cast
                && (cast.type() == PigType.MAP || cast.type() == PigType.BAG || cast.type() == PigType.TUPLE)) {
            Value.Scalar value = scalar(cast.expr(), scope);
            if (cast.type() == PigType.MAP && value.type() == PigType.MAP) {
                return MapCast.cast(cast, value); // a map's values, cast
            }
            return complexCasts.cast(value, cast.type(), cast.schema(), cast.span()); // a loaded bytearray, read
        }
        if (expr instanceof PigExpr.Cast cast) {
            return cast(scalar(cast.expr(), scope), cast.type(), cast.span());
        }
        if (expr instanceof PigExpr.Binary binary) {
            return binary(binary, scope);
        }
        if (expr instanceof PigExpr.Negate negate) {
            Value.Scalar operand = numeric(scalar(negate.expr(), scope), PigType.DOUBLE, negate.span());
            if (PigTypes.isBig(operand.type())) {
                return BigNumbers.negate(operand);
            }
            return new Value.Scalar(new SqlExpr.Unary(SqlExpr.UnaryOp.NEGATE, operand.sql()), operand.type());
        }
        if (expr instanceof PigExpr.Not not) {
            return new Value.Scalar(new SqlExpr.Unary(SqlExpr.UnaryOp.NOT, bool(not.expr(), scope)), PigType.BOOLEAN);
        }
        if (expr instanceof PigExpr.IsNull isNull) {
            return new Value.Scalar(
                    new SqlExpr.IsNull(scalar(isNull.expr(), scope).sql(), isNull.negated()), PigType.BOOLEAN);
        }
        if (expr instanceof PigExpr.Matches matches && matches.regex() == null) {
            throw unsupported(expr.span(), "MATCHES with a pattern that is not a string literal is not translated yet");
        }
        if (expr instanceof PigExpr.Matches matches) {
            Value.Scalar text = scalar(matches.expr(), scope);
            // Pig's MATCHES is String.matches (the whole string); Flink's REGEXP finds a substring.
            return new Value.Scalar(
                    SqlExpr.Call.of("REGEXP", text.sql(), SqlExpr.Literal.text("^(?:" + matches.regex() + ")$")),
                    PigType.BOOLEAN);
        }
        if (expr instanceof PigExpr.Bincond bincond) {
            return bincond(bincond, scope);
        }
        if (expr instanceof PigExpr.Case c) {
            return translate(caseAsBinconds(c), scope);
        }
        if (expr instanceof PigExpr.In in) {
            return in(in, scope);
        }
        if (expr instanceof PigExpr.TupleExpr tuple && !tuple.items().isEmpty()) {
            // Pig builds (a, b) with TOTUPLE.
            return call(new PigExpr.Call("TOTUPLE", tuple.items(), tuple.span()), scope);
        }
        if (expr instanceof PigExpr.BagExpr bag && !bag.items().isEmpty()) {
            return bag(bag, scope);
        }
        if (expr instanceof PigExpr.MapExpr map && !map.keysAndValues().isEmpty()) {
            // Pig builds [k, v, ...] and ['k'#v, ...] with TOMAP.
            return call(new PigExpr.Call("TOMAP", map.keysAndValues(), map.span()), scope);
        }
        if (expr instanceof PigExpr.MapLookup lookup) {
            return mapLookup(lookup, scope);
        }
        if (expr instanceof PigExpr.Projection projection
                && projection.columns().size() == 1
                && projection.columns().get(0) instanceof PigExpr.PositionalRef position) {
            return positionalDereference(projection, position.index(), scope);
        }
        if (expr instanceof PigExpr.Projection projection
                && projection.columns().size() > 1) {
            Value.Scalar tuple = knownTuple(translate(projection.base(), scope));
            Value.Scalar projected = tuple == null ? null : TupleFlatten.project(tuple, projection.columns());
            if (projected != null) {
                return projected; // t.(a, $1): the tuple of those fields
            }
            Value.Scalar bag = BagProjection.knownBag(translate(projection.base(), scope));
            Optional<List<Integer>> indexes =
                    bag == null ? Optional.empty() : BagProjection.indexes(bag, projection.columns());
            if (indexes.isPresent()) {
                return BagProjection.of(bag, indexes.get()); // b.(a, $1): the bag of tuples of those fields
            }
            if (translate(projection.base(), scope) instanceof Value.Bag whole
                    && whole.field() == null
                    && whole.lineField() == null) {
                Optional<List<Field>> fields = BagProjection.fields(whole, projection.columns());
                if (fields.isPresent()) {
                    return bagValue(whole, fields.get(), scope, projection.span()); // g.(a, b) of a GROUP's bag
                }
            }
        }
        if (expr instanceof PigExpr.Projection projection
                && projection.columns().size() == 1
                && projection.columns().get(0) instanceof PigExpr.FieldRef ref) {
            Value base = translate(projection.base(), scope);
            if (base instanceof Value.Bag bag && bag.field() == null) {
                // f.d::x: a bag's field by its full or partial Pig name (a flattened COGROUP's d::x).
                List<Field> matches = bag.relation().fields().stream()
                        .filter(f -> f.answersTo(ref.qualifier(), ref.name()))
                        .toList();
                if (matches.size() == 1) {
                    return bag.withField(matches.get(0));
                }
            }
            // b.r::x of a bag value (GENERATE j.x of a JOIN's r::x, then SUM(b.r::x) or SUM($1.r::x)): its tuples'
            // fields are known by their names after the last '::', so the one field of that name.
            Value.Scalar bag = BagProjection.knownBag(base);
            if (bag != null
                    && ref.qualifier() != null
                    && bag.inner().fieldNames().stream()
                                    .filter(ref.name()::equals)
                                    .count()
                            == 1) {
                return BagProjection.of(bag, bag.inner().fieldNames().indexOf(ref.name()));
            }
        }
        throw unsupported(expr.span(), describe(expr) + " is not supported by the Flink SQL translation yet");
    }

    /** A scalar operand; bags and key tuples are reported where a single value is needed. */
    Value.Scalar scalar(PigExpr expr, Scope scope) {
        Value value = translate(expr, scope);
        if (value instanceof Value.Scalar s) {
            return s;
        }
        if (value instanceof Value.Table table) {
            throw unsupported(
                    expr.span(),
                    "a whole relation ('" + table.relation().sqlName() + "') as a value is not translated yet;"
                            + " project one field of it (alias.field) to read it as a scalar");
        }
        if (value instanceof Value.Crossed) {
            throw unsupported(
                    expr.span(),
                    "a nested CROSS used as a whole bag is not translated yet (FLATTEN, COUNT and COUNT_STAR of it are)");
        }
        String what = value instanceof Value.Bag ? "a bag" : "a tuple";
        throw new TranslationError(new Diagnostic(
                DiagnosticCode.PIG_E013,
                expr.span(),
                describe(expr) + " is " + what + " where a single value is needed",
                value instanceof Value.Bag
                        ? "aggregate it, e.g. COUNT(...) or SUM(bag.field)"
                        : "use FLATTEN(group) or group.<key>"));
    }

    SqlExpr bool(PigExpr expr, Scope scope) {
        Value.Scalar value = scalar(expr, scope);
        if (value.type() != PigType.BOOLEAN) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    expr.span(),
                    "expected a boolean condition, found " + value.type().keyword()));
        }
        return value.sql();
    }

    private Value dereference(PigExpr.Dereference d, Scope scope) {
        Value base = translate(d.base(), scope);
        if (base instanceof Value.Bag bag && bag.field() == null) {
            Field field = bag.relation().fields().stream()
                    .filter(f -> d.field().equals(f.pigName()))
                    .findFirst()
                    .orElseThrow(() -> new TranslationError(Diagnostic.of(
                            DiagnosticCode.PIG_E011, d.span(), "the bag has no field '" + d.field() + "'")));
            return bag.withField(field);
        }
        if (base instanceof Value.Bag bag
                && bag.lineField() == null
                && d.field().equals(bag.field().pigName())) {
            // p = b.x (or FOREACH b GENERATE x); p.x: the bag of one-field tuples projected on its only field is
            // itself.
            return bag;
        }
        if (base instanceof Value.KeyTuple tuple) {
            for (int i = 0; i < tuple.fields().size(); i++) {
                if (d.field().equals(tuple.fields().get(i).pigName())) {
                    return tuple.keys().get(i);
                }
            }
            throw new TranslationError(
                    Diagnostic.of(DiagnosticCode.PIG_E011, d.span(), "the group key has no field '" + d.field() + "'"));
        }
        if (base instanceof Value.Table table) {
            Field field = table.relation().fields().stream()
                    .filter(f -> d.field().equals(f.pigName()))
                    .findFirst()
                    .orElseThrow(() -> new TranslationError(Diagnostic.of(
                            DiagnosticCode.PIG_E011,
                            d.span(),
                            "'" + table.relation().sqlName() + "' has no field '" + d.field() + "'")));
            return scalarProjection(table, field);
        }
        Value.Scalar tuple = knownTuple(base);
        if (tuple != null && tuple.inner().fieldNames().contains(d.field())) {
            return TupleFlatten.field(tuple, tuple.inner().fieldNames().indexOf(d.field()));
        }
        Value.Scalar bag = BagProjection.knownBag(base);
        if (bag != null && bag.inner().fieldNames().contains(d.field())) {
            return BagProjection.of(bag, bag.inner().fieldNames().indexOf(d.field()));
        }
        throw unsupported(
                d.span(), "dereferencing '." + d.field() + "' here is not supported by the Flink SQL translation yet");
    }

    /** A tuple value whose fields' types are known (a TOTUPLE, a loaded tuple), else null. */
    private static Value.Scalar knownTuple(Value value) {
        return known(value, PigType.TUPLE);
    }

    /** A tuple or bag value (of this type) whose fields' types are known, else null. */
    static Value.Scalar known(Value value, PigType type) {
        return value instanceof Value.Scalar s
                        && s.type() == type
                        && s.inner() != null
                        && !s.inner().tupleTypes().isEmpty()
                ? s
                : null;
    }

    /** Pig's scalar projection: the field of a relation that has exactly one row (fails in Pig otherwise). */
    private static Value.Scalar scalarProjection(Value.Table table, Field field) {
        SqlQuery one = SqlQuery.Select.of(
                List.of(new SqlQuery.SelectItem(SqlExpr.ColumnRef.of(field.sqlName()), null)),
                new SqlQuery.TableRef(table.relation().sqlName()));
        return new Value.Scalar(new SqlExpr.ScalarQuery(one), field.type(), field.inner());
    }

    /** {@code x.$n}: field n of a one-row relation (a scalar), of a bag's tuples, or of the group's key tuple. */
    private Value positionalDereference(PigExpr.Projection projection, int index, Scope scope) {
        Value base = translate(projection.base(), scope);
        List<Field> fields = base instanceof Value.Table table
                ? table.relation().fields()
                : base instanceof Value.Bag bag && bag.field() == null
                        ? bag.relation().fields()
                        : base instanceof Value.KeyTuple tuple ? tuple.fields() : null;
        Value.Scalar tuple = knownTuple(base);
        if (fields == null
                && tuple != null
                && index < tuple.inner().tupleTypes().size()) {
            return TupleFlatten.field(tuple, index);
        }
        Value.Scalar bagValue = BagProjection.knownBag(base);
        if (fields == null
                && bagValue != null
                && index < bagValue.inner().tupleTypes().size()) {
            return BagProjection.of(bagValue, index);
        }
        if (fields == null
                && TupleFlatten.isTextArray(projection.base())
                && base instanceof Value.Scalar array
                && array.inner() == null) {
            // STRSPLIT(s, '-').$1: field n of a tuple whose width is known per row, null past its last one (Pig's
            // ACCESSING_NON_EXISTENT_FIELD) or of a null tuple; Pig's schema has no type for it: a bytearray.
            return new Value.Scalar(
                    new SqlExpr.Item(array.sql(), SqlExpr.Literal.number(index + 1)), PigType.BYTEARRAY);
        }
        if (fields == null) {
            throw unsupported(
                    projection.span(), "'.$" + index + "' here is not supported by the Flink SQL translation yet");
        }
        if (fields.stream().anyMatch(Field::isRest)) {
            if (base instanceof Value.Bag bag && bag.field() == null) {
                // bag.$n of a LOAD without AS: the n-th field of each line (a named field before the line's ones).
                Value.Scalar nth = new Scope.Plain(bag.relation(), null).positional(index, projection.span());
                Field line = fields.stream().filter(Field::isRest).findFirst().orElseThrow();
                return nth.sql() instanceof SqlExpr.ColumnRef column
                                && !column.name().equals(line.sqlName())
                        ? bag.withField(fields.get(index))
                        : bag.withLineField(line, nth);
            }
            throw unsupported(
                    projection.span(),
                    "'.$" + index + "' of a LOAD without AS is not translated yet; declare the fields with AS");
        }
        if (index >= fields.size()) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E011,
                    projection.span(),
                    "$" + index + " is out of range: there are " + fields.size() + " fields"));
        }
        Field field = fields.get(index);
        if (base instanceof Value.Table table) {
            return scalarProjection(table, field);
        }
        return base instanceof Value.Bag bag
                ? bag.withField(field)
                : ((Value.KeyTuple) base).keys().get(index);
    }

    private Value call(PigExpr.Call asWritten, Scope scope) {
        PigExpr.Call written = rangesExpanded(asWritten, scope);
        if (defined.containsKey(written.function())) {
            FuncSpec function = defined.get(written.function());
            return switch (PigFunctionTable.builtinName(function.name())) {
                case "PluckTuple" -> pluckTuple(written, function, scope);
                case "CubeDimensions", "RollupDimensions" ->
                    DimensionsCall.marked(written, function, scalarArguments(written, scope));
                default -> {
                    Value.Scalar value = InvokerCall.translate(written, function, scalarArguments(written, scope));
                    PigFunctionTable.defined(PigFunctionTable.builtinName(function.name()))
                            .filter(PigFunctionTable.Defined::differs)
                            .ifPresent(row -> warnDiffers(written.span(), written.function(), row.note()));
                    yield value;
                }
            };
        }
        PigExpr.Call call = builtinCall(written, scope);
        String name = call.function();
        Optional<JavaUdfCalls.Defined> javaUdf = javaUdfs.lookup(name, call.span());
        if (javaUdf.isPresent()) {
            return javaUdfCall(call, javaUdf.get(), scope);
        }
        if (NestedCross.isCount(call, e -> translate(e, scope))) {
            return NestedCross.count(
                    call, (Value.Crossed) translate(call.arguments().get(0), scope), e -> translate(e, scope));
        }
        if (PigFunctionTable.isAggregate(name)
                && call.arguments().size() == 1
                && translate(call.arguments().get(0), scope) instanceof Value.Scalar bagValue
                && bagValue.type() == PigType.BAG) {
            return aggregateOfBagValue(call, bagValue);
        }
        if (PigFunctionTable.isAggregate(name)) {
            Value.Scalar aggregate = (Value.Scalar) aggregate(call, scope);
            Value.Bag bag = (Value.Bag) translate(call.arguments().get(0), scope);
            String base = name.toLowerCase(java.util.Locale.ROOT)
                    + (bag.field() != null && bag.field().pigName() != null
                            ? "_" + bag.field().pigName()
                            : "");
            return scope.aggregated(bag, aggregate, base);
        }
        if (name.equals("IsEmpty")
                && call.arguments().size() == 1
                && translate(call.arguments().get(0), scope) instanceof Value.Bag bag) {
            // A bag is empty when its input has no row for the key (COGROUP), never for a GROUP's own bag.
            return new Value.Scalar(scope.isEmpty(bag, call.span()), PigType.BOOLEAN);
        }
        if (name.equals("TOBAG")
                && call.arguments().stream().noneMatch(PigExpr.Star.class::isInstance)
                && call.arguments().stream()
                                .map(argument -> translate(argument, scope) instanceof Value.Scalar value
                                        ? value.type()
                                        : PigType.BAG)
                                .distinct()
                                .count()
                        > 1) {
            // TOBAG(s, i) is {s, i}: values of different types are bytearrays (mixedAsBytearrays).
            return bag(new PigExpr.BagExpr(call.arguments(), call.span()), scope);
        }
        if (PigFunctionTable.scalar(name).isEmpty()
                && PigFunctionTable.defined(name).isPresent()) {
            throw unsupported(
                    call.span(),
                    name + " is translated where a DEFINE gives its constructor arguments (DEFINE f " + name
                            + "(...)); without them Pig's " + name + " has nothing to compute (the Invoke* builtins"
                            + " fail the job: \"exec() attempted on an unitialized invoker\")");
        }
        PigFunctionTable.Scalar function = PigFunctionTable.scalar(name)
                .orElseThrow(() -> unsupported(
                        call.span(),
                        PigFunctionTable.notTranslated(name)
                                .map(reason -> "function '" + name + "' is not translated: " + reason)
                                .orElse("function '" + name + "' is not supported by the Flink SQL translation yet")));
        List<Value.Scalar> starred = star(call, scope);
        int count = starred != null ? starred.size() : call.arguments().size();
        if (count < function.minArgs() || count > function.maxArgs()) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    call.span(),
                    name + " takes " + function.minArgs() + (function.maxArgs() == function.minArgs() ? "" : " or more")
                            + " argument(s), found " + count));
        }
        if (function.form() == PigFunctionTable.Form.ARGUMENT_COUNT) {
            // ARITY: Pig's returns the size of its input tuple, the number of arguments ('*' counting each field),
            // whatever their values: ARITY(t) of a tuple is 1, ARITY(a, b) is 2 also when both are null.
            if (starred == null) {
                call.arguments().forEach(argument -> translate(argument, scope)); // unknown fields are still errors
            }
            return new Value.Scalar(SqlExpr.Literal.number(count), PigType.INT);
        }
        List<SqlExpr> args = new ArrayList<>();
        List<PigType> types = new ArrayList<>();
        List<Inner> inners = new ArrayList<>();
        boolean groupBag = false;
        for (PigExpr argument : starred != null ? List.<PigExpr>of() : call.arguments()) {
            Value.Scalar value;
            if (translate(argument, scope) instanceof Value.Bag bag) {
                value = bagValue(bag, scope, argument.span());
                groupBag = true;
            } else {
                value = scalar(argument, scope);
            }
            args.add(value.sql());
            types.add(value.type());
            inners.add(value.inner());
        }
        if (starred != null) {
            starred.forEach(value -> {
                args.add(value.sql());
                types.add(value.type());
            });
        }
        if (name.equals("SIZE") && types.get(0) == PigType.BYTEARRAY) {
            // SIZE of a DataByteArray is its bytes' count (UTF-8), of a chararray its chars'.
            args.set(0, new SqlExpr.Cast(args.get(0), SqlType.BYTES, false));
        }
        if (groupBag && PigFunctionTable.groupBagDifference(name).isPresent()) {
            warnDiffers(
                    call.span(),
                    written.function(),
                    PigFunctionTable.groupBagDifference(name).get());
        }
        if (function.differs()) {
            warnDiffers(call.span(), written.function(), function.note()); // named as the script calls it
        }
        SqlExpr sql = switch (function.form()) {
            case CALL -> new SqlExpr.Call(function.sqlName(), args);
            case ROW -> new SqlExpr.RowOf(args);
            case MAP -> new SqlExpr.MapOf(args);
            case ARGUMENT_COUNT -> throw new IllegalStateException("counted above");
        };
        Inner inner = function.form() == PigFunctionTable.Form.MAP
                ? builtMap(call, types)
                : function.form() == PigFunctionTable.Form.ROW
                        ? Inner.tuple(types, TupleFlatten.argumentNames(call, types.size()))
                        : BAGS_OF_CHARARRAYS.contains(name)
                                ? Inner.bag(List.of(PigType.CHARARRAY))
                                : BAGS_OF_MAP_VALUES.contains(name)
                                        ? mapValuesBag(inners)
                                        : name.equals("TOBAG")
                                                ? BagValueAggregates.toBagInner(types)
                                                : name.equals("Distinct") && !inners.isEmpty()
                                                        ? inners.get(0)
                                                        // TOP(n, i, bag) is a bag of the bag's own tuples
                                                        : name.equals("TOP") && inners.size() == 3
                                                                ? inners.get(2)
                                                                : DIMENSIONS.contains(name)
                                                                        ? DimensionsCall.inner(call, name, types)
                                                                        : null;
        return new Value.Scalar(sql, PigFunctionTable.resultType(function, types), inner);
    }

    /** VALUELIST(m), VALUESET(m): a bag of one-field tuples of the map's values, when their type is a simple one. */
    private static Inner mapValuesBag(List<Inner> inners) {
        PigType value =
                inners.size() == 1 && inners.get(0) != null ? inners.get(0).valueType() : null;
        return value == null || PigTypes.columnType(value).isEmpty() ? null : Inner.bag(List.of(value));
    }

    /**
     * A Java UDF's call: its arguments are the input tuple, as Pig builds it. A bytearray goes in as BYTES, so
     * the UDF gets Pig's DataByteArray (the runtime keeps a bytearray's text); a GROUP's bag as an ARRAY of ROWs.
     */
    private Value javaUdfCall(PigExpr.Call call, JavaUdfCalls.Defined udf, Scope scope) {
        List<Value.Scalar> starred = star(call, scope);
        List<Value.Scalar> values = new ArrayList<>();
        if (starred != null) {
            values.addAll(starred);
        } else {
            for (PigExpr argument : call.arguments()) {
                values.add(
                        translate(argument, scope) instanceof Value.Bag bag
                                ? bagValue(bag, scope, argument.span())
                                : scalar(argument, scope));
            }
        }
        List<SqlExpr> arguments =
                values.stream().map(ExprTranslator::javaUdfArgument).toList();
        return new Value.Scalar(new SqlExpr.JavaUdfCall(udf.function(), arguments), udf.type(), udf.inner());
    }

    /**
     * A Java UDF's argument as the adapter takes it: a bytearray as BYTES, a datetime as its instant (a TIMESTAMP_LTZ,
     * which the adapter gives the UDF as a DateTime in the default zone: a datetime of another offset reaches it in
     * the default zone).
     */
    private static SqlExpr javaUdfArgument(Value.Scalar value) {
        return switch (value.type()) {
            case BYTEARRAY -> new SqlExpr.Cast(value.sql(), SqlType.BYTES, false);
            case DATETIME ->
                SqlExpr.Call.of("TO_TIMESTAMP_LTZ", DateTimes.millis(value.sql()), SqlExpr.Literal.number(3));
            default -> value.sql();
        };
    }

    /**
     * {@code f(*)}: Pig passes the whole input tuple, so the arguments are the relation's fields in
     * order; null when the call has no {@code *}.
     */
    private static List<Value.Scalar> star(PigExpr.Call call, Scope scope) {
        if (call.arguments().stream().noneMatch(PigExpr.Star.class::isInstance)) {
            return null;
        }
        if (call.arguments().size() != 1 || !(scope instanceof Scope.Plain plain)) {
            throw unsupported(
                    call.span(), "'*' beside other arguments, or over a grouped relation, is not translated yet");
        }
        if (plain.relation().fields().stream().anyMatch(Field::isRest)) {
            throw unsupported(
                    call.span(),
                    "'*' of a LOAD without AS as a function's arguments is not translated yet: Pig passes each line's own fields");
        }
        return plain.star(call.span());
    }

    /**
     * Whether the tuples may differ in SQL type (a NOT NULL literal or aggregate beside a nullable
     * column, say), which Flink's own cast of ARRAY elements cannot plan: unless all are the same.
     */
    private static boolean mayDifferInType(List<List<Value.Scalar>> tuples) {
        return tuples.stream()
                        .map(t -> t.stream().map(Value.Scalar::sql).toList())
                        .distinct()
                        .count()
                > 1;
    }

    /**
     * {@code {a, (b, c)}}: Pig's TOBAG, which adds a tuple argument as it is and wraps any other value
     * in a one-field tuple; here an ARRAY of ROWs, the runtime's form of a bag. Flink needs one row
     * type for the elements: each row is cast to it when they may differ (Flink's own cast of mixed
     * nullabilities fails its planner); scalar items of different Pig types are bytearrays, as in Pig
     * ({@link #mixedAsBytearrays}).
     */
    private Value bag(PigExpr.BagExpr bag, Scope scope) {
        List<List<Value.Scalar>> tuples = new ArrayList<>();
        for (PigExpr item : bag.items()) {
            if (item instanceof PigExpr.TupleExpr tuple && !tuple.items().isEmpty()) {
                tuples.add(tuple.items().stream()
                        .map(field -> scalar(field, scope))
                        .toList());
                continue;
            }
            Value.Scalar value = scalar(item, scope);
            if (value.type() == PigType.TUPLE && bag.items().size() > 1) {
                throw unsupported(
                        item.span(),
                        "a bag constructor of several tuple values whose fields Ferry does not know is not translated yet");
            }
            tuples.add(List.of(value));
        }
        tuples = mixedAsBytearrays(tuples, bag.span());
        List<PigType> types = tuples.get(0).stream().map(Value.Scalar::type).toList();
        for (List<Value.Scalar> tuple : tuples) {
            if (!tuple.stream().map(Value.Scalar::type).toList().equals(types)
                    || tuples.size() > 1 && types.contains(PigType.BAG)) {
                throw unsupported(
                        bag.span(), "a bag constructor whose items have different types is not translated yet");
            }
        }
        SqlType row = null;
        if (mayDifferInType(tuples)) {
            List<dev.ferry.translator.sql.Column> columns = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                PigType type = types.get(i);
                columns.add(new dev.ferry.translator.sql.Column(
                        "f" + i,
                        PigTypes.columnType(type)
                                .orElseThrow(() -> unsupported(
                                        bag.span(),
                                        "a bag constructor of " + type.keyword() + " values is not translated yet"))));
            }
            row = new SqlType.Row(columns);
        }
        List<SqlExpr> elements = new ArrayList<>();
        for (List<Value.Scalar> tuple : tuples) {
            SqlExpr element = tuple.size() == 1 && tuple.get(0).type() == PigType.TUPLE
                    ? tuple.get(0).sql()
                    : new SqlExpr.RowOf(tuple.stream().map(Value.Scalar::sql).toList());
            elements.add(row == null ? element : new SqlExpr.Cast(element, row, false));
        }
        List<PigType> fieldTypes = tuples.get(0).size() == 1 && types.get(0) == PigType.TUPLE ? List.of() : types;
        return new Value.Scalar(
                new SqlExpr.ArrayOf(elements), PigType.BAG, fieldTypes.isEmpty() ? null : Inner.bag(fieldTypes));
    }

    /**
     * Items of different types, {@code {name, age}} or {@code {(a, 'x'), (b, 'y')}} of an int a and a float b: Pig's
     * TOBAG then types the bag's field bytearray, and each value keeps its own, printed as Pig prints it and cast
     * from what it is (a float 3.5 cast to int is 3, as Pig's bytearray cast of the text "3.5" is). So a position
     * whose scalar types differ holds each value's chararray text, typed bytearray; tuples of different sizes and
     * complex values stay a TODO.
     */
    private List<List<Value.Scalar>> mixedAsBytearrays(List<List<Value.Scalar>> tuples, SourceSpan span) {
        int size = tuples.get(0).size();
        boolean constant = tuples.stream().flatMap(List::stream).allMatch(v -> v.sql() instanceof SqlExpr.Literal);
        if (constant || tuples.stream().anyMatch(t -> t.size() != size)) {
            // A constant bag of mixed types, {(1), ('a')}, is Pig's own error 1125 (incompatible schemas).
            return tuples;
        }
        List<List<Value.Scalar>> converted = new ArrayList<>();
        tuples.forEach(t -> converted.add(new ArrayList<>(t)));
        for (int i = 0; i < size; i++) {
            int position = i;
            Set<PigType> types = new HashSet<>();
            tuples.forEach(t -> types.add(t.get(position).type()));
            if (types.size() == 1
                    || types.stream().anyMatch(t -> t == PigType.BAG || t == PigType.TUPLE || t == PigType.MAP)) {
                continue;
            }
            if (types.contains(PigType.FLOAT)) {
                warnDiffers(
                        span,
                        "a bag of values of different types",
                        PigFunctionTable.DIFFERS
                                + "Pig keeps a float as a float, so its cast to double widens the float (1.0E-5 gives"
                                + " 9.999999747378752E-6); here the float's text is cast (1.0E-5)");
            }
            for (List<Value.Scalar> tuple : converted) {
                Value.Scalar text = cast(tuple.get(position), PigType.CHARARRAY, span);
                tuple.set(position, new Value.Scalar(text.sql(), PigType.BYTEARRAY));
            }
        }
        return converted;
    }

    /**
     * {@code m#'k'}: the value of key k, null when the map lacks it (Flink's {@code m['k']} agrees), of
     * the type the map's values have (bytearray for a LOAD's {@code map[]}).
     */
    private Value mapLookup(PigExpr.MapLookup lookup, Scope scope) {
        Value.Scalar map = scalar(lookup.base(), scope);
        if (map.type() == PigType.BYTEARRAY) {
            // Pig casts the bytearray to a map with the loader's caster first (a nested map's value: m#'a'#'b').
            map = complexCasts.cast(map, PigType.MAP, List.of(), lookup.span());
        }
        if (map.type() != PigType.MAP || map.inner() == null) {
            throw unsupported(
                    lookup.span(),
                    "a map lookup (#) on a " + map.type().keyword()
                            + (map.type() == PigType.MAP
                                    ? " whose value type is not known"
                                    : " (Pig casts it to a map)")
                            + " is not translated yet");
        }
        if (lookup.key() == null) {
            throw unsupported(
                    lookup.span(), "a map lookup (#) by a key that is not a string literal is not translated yet");
        }
        return new Value.Scalar(
                new SqlExpr.Item(map.sql(), SqlExpr.Literal.text(lookup.key())),
                map.inner().valueType());
    }

    /**
     * A field range among a call's arguments ({@code TOBAG($1..)}, {@code CONCAT(a..c)}) stands for each field it
     * spans, as in Pig: the open end is the input's last field. Over the lines of a LOAD without AS, {@code $1..$3} is
     * three fields (null past a line's end, as Pig reads them); an open end there has each line's own width.
     */
    private static PigExpr.Call rangesExpanded(PigExpr.Call call, Scope scope) {
        if (call.arguments().stream().noneMatch(PigExpr.ColumnRange.class::isInstance)) {
            return call;
        }
        List<PigExpr> arguments = new ArrayList<>();
        for (PigExpr argument : call.arguments()) {
            if (!(argument instanceof PigExpr.ColumnRange range)) {
                arguments.add(argument);
                continue;
            }
            if (!(scope instanceof Scope.Plain plain)) {
                throw unsupported(range.span(), "a field range as a function's argument here is not translated yet");
            }
            List<Field> fields = plain.relation().fields();
            boolean lines = fields.stream().anyMatch(Field::isRest);
            if (lines && range.to() == null) {
                throw unsupported(
                        range.span(),
                        "a field range to the last field as " + call.function() + "'s argument over a LOAD without"
                                + " AS is not translated yet: Pig knows each line's number of fields only per line"
                                + " (FLATTEN(TOBAG($n..)) is translated); close the range ($1..$3) or declare the"
                                + " fields with AS");
            }
            int from = range.from() == null ? 0 : rangeEnd(range.from(), fields);
            int to = range.to() == null ? fields.size() - 1 : rangeEnd(range.to(), fields);
            for (int i = from; i <= to; i++) {
                arguments.add(new PigExpr.PositionalRef(i, range.span()));
            }
        }
        return new PigExpr.Call(call.function(), arguments, call.span());
    }

    /** The position of a field range's end in the input, by {@code $n} or by name. */
    static int rangeEnd(PigExpr end, List<Field> fields) {
        // Over the lines of a LOAD without AS, $n is the line's n-th field (null past its end), whatever n is.
        if (end instanceof PigExpr.PositionalRef p
                && (p.index() < fields.size() || fields.stream().anyMatch(Field::isRest))) {
            return p.index();
        }
        if (end instanceof PigExpr.FieldRef ref) {
            List<Field> matches = fields.stream()
                    .filter(f -> f.answersTo(ref.qualifier(), ref.name()))
                    .toList();
            if (matches.size() == 1) {
                return fields.indexOf(matches.get(0));
            }
        }
        throw new TranslationError(
                Diagnostic.of(DiagnosticCode.PIG_E011, end.span(), "unknown field in a field range"));
    }

    /**
     * A GROUP's bag passed whole to a builtin (BagToString(g.x), COR(g.x, g.y), TOP(2, 0, g)): the
     * group's rows collected as an ARRAY of ROWs, the runtime's form of a bag. Pig's bag keeps the
     * group's input order, which Flink does not promise; two bags of one group are collected by one
     * aggregation, so their tuples pair up as Pig's projections of one bag do.
     */
    Value.Scalar bagValue(Value.Bag bag, Scope scope, SourceSpan span) {
        return bagValue(
                bag, bag.field() != null ? List.of(bag.field()) : bag.relation().fields(), scope, span);
    }

    /**
     * {@code g.(a, b)}: of a GROUP's or COGROUP's bag, the bag of tuples of those fields. Only those fields are
     * collected, unless a nested ORDER sorts the bag on others: the whole tuples are collected, sorted, then projected.
     */
    private Value.Scalar bagValue(Value.Bag bag, List<Field> projected, Scope scope, SourceSpan span) {
        boolean someFields =
                bag.field() == null && !projected.equals(bag.relation().fields());
        if (someFields && bag.ordering() != null) {
            Value.Scalar whole = bagValue(bag, scope, span);
            if (whole.inner() == null) { // a COGROUP's bag: its tuples' fields are the input's
                whole = new Value.Scalar(
                        whole.sql(), PigType.BAG, bagInner(bag.relation().fields()));
            }
            return BagProjection.of(
                    whole,
                    projected.stream().map(bag.relation().fields()::indexOf).toList());
        }
        boolean grouped = scope instanceof Scope.Grouped
                || scope instanceof Scope.Nested nested && nested.outer() instanceof Scope.Grouped;
        if (!grouped && Scope.cogroupOf(scope) != null) {
            return cogroupBag(bag, projected, Scope.cogroupOf(scope), span);
        }
        if (!grouped) {
            throw unsupported(
                    span, "a bag of a COGROUP passed to a function is not translated yet (only a GROUP's bag is)");
        }
        if (NestedOrders.sortsOutsideProjection(bag)) {
            // Sorted on fields the projection drops: the whole tuples are collected and sorted, then projected.
            return BagProjection.of(
                    bagValue(bag.withField(null), scope, span),
                    bag.relation().fields().indexOf(bag.field()));
        }
        List<Field> fields = projected;
        if (fields.stream().anyMatch(Field::isRest)) {
            throw unsupported(
                    span,
                    "a bag of a LOAD without AS passed to a function is not translated yet; declare the fields with AS");
        }
        SqlExpr tuple = new SqlExpr.RowOf(fields.stream()
                .map(f -> (SqlExpr) SqlExpr.ColumnRef.of(f.sqlName()))
                .toList());
        // A nested FILTER may keep no row of a group: ARRAY_AGG ... FILTER gives null there, Pig's bag is {}.
        SqlType.Row row = bag.filter() != null ? bagRow(fields, span, "a nested FILTER's bag") : null;
        Value.Scalar collected = narrowed(new Value.Scalar(SqlExpr.Call.of("ARRAY_AGG", tuple), PigType.BAG), bag);
        if (row != null) {
            collected = new Value.Scalar(new SqlExpr.Cast(collected.sql(), new SqlType.Array(row), false), PigType.BAG);
        }
        collected = NestedOrders.sorted(collected, bag, fields, span);
        // The tuples' fields stay known, so a later FOREACH can project the bag column (BagProjection).
        collected = new Value.Scalar(collected.sql(), PigType.BAG, bagInner(fields));
        Value.Scalar column = scope.aggregated(bag, collected, "bag" + bagSuffix(bag, fields, someFields));
        return row != null ? emptyWhenNull(column, row) : column;
    }

    /** A collected bag column's name after "bag": its projected fields' names ({@code bag_park_year}), if any. */
    private static String bagSuffix(Value.Bag bag, List<Field> fields, boolean someFields) {
        if (bag.field() != null) {
            return bag.field().pigName() != null ? "_" + bag.field().pigName() : "";
        }
        return someFields
                ? fields.stream()
                        .map(f -> "_" + (f.pigName() == null ? "" : f.pigName()))
                        .collect(Collectors.joining())
                : "";
    }

    /** What a bag of tuples of these fields holds: their types, complex fields' own, and names. */
    private static Inner bagInner(List<Field> fields) {
        Map<Integer, Inner> fieldInners = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).inner() != null) {
                fieldInners.put(i, fields.get(i).inner());
            }
        }
        return new Inner(
                null,
                fields.stream().map(Field::type).toList(),
                fieldInners,
                fields.stream().map(Field::pigName).toList());
    }

    /** The ROW type of a bag's tuples as the runtime holds them (fields f0, f1, ...), for a typed empty bag. */
    private static SqlType.Row bagRow(List<Field> fields, SourceSpan span, String what) {
        List<dev.ferry.translator.sql.Column> columns = new ArrayList<>();
        for (Field field : fields) {
            SqlType type =
                    field.isRest() ? null : PigTypes.columnType(field.type()).orElse(null);
            if (type == null) {
                throw unsupported(
                        span,
                        what + " holding "
                                + (field.isRest()
                                        ? "the fields of a LOAD without AS"
                                        : field.type().keyword() + " values")
                                + " as a value is not translated yet");
            }
            columns.add(new dev.ferry.translator.sql.Column("f" + columns.size(), type));
        }
        return new SqlType.Row(columns);
    }

    /**
     * The bag, or {@code {}} where it is null. Flink has no empty-array literal: an empty slice of a one-element
     * array of the bag's row type stands in.
     */
    private static Value.Scalar emptyWhenNull(Value.Scalar bag, SqlType.Row row) {
        SqlExpr empty = SqlExpr.Call.of(
                "ARRAY_SLICE",
                new SqlExpr.ArrayOf(List.of(new SqlExpr.Cast(SqlExpr.Literal.NULL, row, false))),
                new SqlExpr.Literal(2),
                new SqlExpr.Literal(1));
        return new Value.Scalar(SqlExpr.Call.of("COALESCE", bag.sql(), empty), PigType.BAG, bag.inner());
    }

    /**
     * {@code GENERATE bag} over a COGROUP: the input's rows for the key, collected in that input's
     * per-key table; {@code {}} when the input has none (the FULL JOIN gives null there).
     */
    Value.Scalar cogroupBag(Value.Bag bag, Scope.Cogroup scope, SourceSpan span) {
        return cogroupBag(
                bag, bag.field() != null ? List.of(bag.field()) : bag.relation().fields(), scope, span);
    }

    /** The same of {@code c.(a, b)}: the bag of tuples of those fields of the input's rows for the key. */
    private Value.Scalar cogroupBag(Value.Bag bag, List<Field> fields, Scope.Cogroup scope, SourceSpan span) {
        if (NestedOrders.sortsOutsideProjection(bag)) {
            return BagProjection.of(
                    cogroupBag(bag.withField(null), scope, span),
                    bag.relation().fields().indexOf(bag.field()));
        }
        boolean someFields =
                bag.field() == null && !fields.equals(bag.relation().fields());
        if (fields.stream().anyMatch(Field::isRest)) {
            throw unsupported(
                    span, "a bag of a LOAD without AS as a value is not translated yet; declare the fields with AS");
        }
        if (bag.distinct()) {
            throw unsupported(span, "a nested DISTINCT bag of a COGROUP as a value is not translated yet");
        }
        SqlType.Row row = bagRow(fields, span, "a bag of a COGROUP");
        SqlExpr tuple = new SqlExpr.RowOf(fields.stream()
                .map(f -> (SqlExpr) SqlExpr.ColumnRef.of(f.sqlName()))
                .toList());
        // A nested FILTER's rows: ARRAY_AGG ... FILTER (WHERE ...), null where none passes ({} below).
        Value.Scalar collected = NestedOrders.sorted(
                new Value.Scalar(
                        new SqlExpr.Cast(
                                narrowed(new Value.Scalar(SqlExpr.Call.of("ARRAY_AGG", tuple), PigType.BAG), bag)
                                        .sql(),
                                new SqlType.Array(row),
                                false),
                        PigType.BAG),
                bag,
                fields,
                span);
        Value.Scalar column = scope.aggregated(bag, collected, "bag" + bagSuffix(bag, fields, someFields));
        // The tuples' fields stay known, so a projection of the bag reads them (BagProjection).
        return emptyWhenNull(new Value.Scalar(column.sql(), PigType.BAG, bagInner(fields)), row);
    }

    /**
     * {@code t = FOREACH s GENERATE ts * 2, UPPER(url)} of a nested ORDER's bag {@code s} (or of a FILTER of one):
     * each row's tuple is collected with the values computed beside it, sorted by the ORDER's keys among the tuple's
     * fields, then projected on the values. So the bag has Pig's order: POSort sorts the tuples, the nested FOREACH
     * computes over them in that order. A FILTER that keeps no row of a group gives {@code {}}.
     */
    Value.Scalar computedBag(Value.Bag bag, List<Field> computed, List<SqlExpr> values, Scope scope, SourceSpan span) {
        List<Field> fields = bag.relation().fields();
        if (bag.field() != null
                || bag.distinct()
                || bag.lineField() != null
                || fields.stream().anyMatch(Field::isRest)) {
            throw unsupported(
                    span,
                    "a nested FOREACH computing values of a projected, DISTINCT or schema-less (LOAD without AS) bag"
                            + " of a nested ORDER is not translated yet");
        }
        boolean grouped = scope instanceof Scope.Grouped
                || scope instanceof Scope.Nested nested && nested.outer() instanceof Scope.Grouped;
        boolean cogroup = !grouped && Scope.cogroupOf(scope) != null;
        if (!grouped && !cogroup) {
            throw unsupported(span, "a nested FOREACH computing values of this ORDERed bag is not translated yet");
        }
        List<Field> all = new ArrayList<>(fields);
        all.addAll(computed);
        List<SqlExpr> tuple = new ArrayList<>();
        fields.forEach(f -> tuple.add(SqlExpr.ColumnRef.of(f.sqlName())));
        tuple.addAll(values);
        // A COGROUP's per-key table is outer-joined, and a nested FILTER may keep no row: typed, so {} can stand in.
        SqlType.Row row = bag.filter() != null || cogroup ? bagRow(all, span, "a nested FOREACH's bag") : null;
        Value.Scalar collected =
                narrowed(new Value.Scalar(SqlExpr.Call.of("ARRAY_AGG", new SqlExpr.RowOf(tuple)), PigType.BAG), bag);
        if (row != null) {
            collected = new Value.Scalar(new SqlExpr.Cast(collected.sql(), new SqlType.Array(row), false), PigType.BAG);
        }
        collected = NestedOrders.sorted(collected, bag, fields, span);
        Value.Scalar column = scope.aggregated(
                bag,
                collected,
                "bag" + computed.stream().map(f -> "_" + f.sqlName()).collect(Collectors.joining()));
        column = new Value.Scalar(column.sql(), PigType.BAG, bagInner(all));
        if (row != null) {
            column = emptyWhenNull(column, row);
        }
        List<Integer> projected = new ArrayList<>();
        for (int i = fields.size(); i < all.size(); i++) {
            projected.add(i);
        }
        return BagProjection.of(column, projected);
    }

    /**
     * PluckTuple(prefix[, match]) of {@code *}: a tuple of the input's fields whose Pig name starts with
     * the prefix or matches it as a regex (or, with 'false', of the others), decided from the schema
     * as Pig's class does on its first call. After a JOIN, Pig's names are {@code alias::field}.
     */
    /**
     * The call as the function table knows it: a builtin by its full name ({@code org.apache.pig.builtin.SUM}) or
     * a DEFINE's name for it as the builtin, a typed class ({@code LongSum}, {@code StringConcat}) as its generic
     * builtin once its argument is of the type the class takes.
     */
    private PigExpr.Call builtinCall(PigExpr.Call call, Scope scope) {
        String name = builtinAliases.getOrDefault(call.function(), PigFunctionTable.builtinName(call.function()));
        Optional<PigFunctionTable.TypedVariant> variant = PigFunctionTable.typedVariant(name);
        if (variant.isEmpty()) {
            return new PigExpr.Call(name, call.arguments(), call.span());
        }
        PigFunctionTable.TypedVariant typed = variant.get();
        if (typed.args() > 0 && call.arguments().size() != typed.args()) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    call.span(),
                    name + " takes " + typed.args() + " argument(s), found "
                            + call.arguments().size()));
        }
        if (typed.accepts().isEmpty()) { // StringConcat: String.valueOf of each argument, Pig's cast to chararray
            List<PigExpr> texts = call.arguments().stream()
                    .<PigExpr>map(a -> new PigExpr.Cast(PigType.CHARARRAY, List.of(), a, a.span()))
                    .toList();
            return new PigExpr.Call(typed.generic(), texts, call.span());
        }
        if (!call.arguments().isEmpty()) {
            PigExpr argument = call.arguments().get(0);
            Value value = translate(argument, scope);
            Optional<PigType> type = typed.overBag()
                    ? fieldType(value)
                    : value instanceof Value.Bag
                            ? Optional.of(PigType.BAG)
                            : Optional.of(scalar(argument, scope).type());
            if (type.isPresent() && !typed.accepts().contains(type.get())) {
                throw new TranslationError(new Diagnostic(
                        DiagnosticCode.PIG_E013,
                        argument.span(),
                        name + " takes " + (typed.overBag() ? "a bag of " : "")
                                + typed.accepts().stream()
                                        .map(PigType::keyword)
                                        .sorted()
                                        .collect(java.util.stream.Collectors.joining(" or "))
                                + ", found " + (typed.overBag() ? "a bag of " : "")
                                + type.get().keyword()
                                + ": Pig fails the job (a ClassCastException in " + name + ")",
                        "call " + typed.generic() + ", which picks the class for the argument's type"));
            }
        }
        return new PigExpr.Call(typed.generic(), call.arguments(), call.span());
    }

    /** The type of the first field of a bag argument's tuples, where the translation knows it. */
    private static Optional<PigType> fieldType(Value value) {
        if (value instanceof Value.Bag bag) {
            return bag.field() == null
                    ? Optional.empty()
                    : Optional.of(bag.field().type());
        }
        if (value instanceof Value.Scalar scalar
                && scalar.inner() != null
                && !scalar.inner().tupleTypes().isEmpty()) {
            return Optional.of(scalar.inner().tupleTypes().get(0));
        }
        return Optional.empty();
    }

    /** The arguments of a call as scalar values; {@code f(*)}: the relation's fields. */
    private List<Value.Scalar> scalarArguments(PigExpr.Call call, Scope scope) {
        List<Value.Scalar> starred = star(call, scope);
        return starred != null
                ? starred
                : call.arguments().stream()
                        .map(argument -> scalar(argument, scope))
                        .toList();
    }

    private Value pluckTuple(PigExpr.Call call, FuncSpec function, Scope scope) {
        if (call.arguments().size() != 1
                || !(call.arguments().get(0) instanceof PigExpr.Star)
                || !(scope instanceof Scope.Plain plain)) {
            throw unsupported(
                    call.span(), function.simpleName() + " of anything but '*' of a relation is not translated yet");
        }
        String prefix = function.arguments().get(0);
        boolean match = function.arguments().size() < 2
                || Boolean.parseBoolean(function.arguments().get(1));
        Pattern pattern;
        try {
            pattern = Pattern.compile(prefix);
        } catch (PatternSyntaxException e) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    function.span(),
                    function.simpleName() + "'s argument is not a Java regex: " + e.getDescription()));
        }
        List<Field> fields = plain.relation().fields();
        List<String> names = Field.schemaNames(fields);
        List<SqlExpr> picked = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String alias = names.get(i);
            if (alias == null || field.isRest()) {
                throw unsupported(
                        call.span(), function.simpleName() + " over fields without names is not translated yet");
            }
            if ((alias.startsWith(prefix) || pattern.matcher(alias).matches()) == match) {
                picked.add(plain.scalar(field).sql());
            }
        }
        return new Value.Scalar(new SqlExpr.RowOf(picked), PigType.TUPLE);
    }

    /**
     * TOMAP(k1, v1, ...) and {@code [...]}: Pig's TOMAP casts each key to a String (a ClassCastException
     * for any other type fails the job) and keeps each value as it is; its schema gives the map the
     * values' type when they share one, as here. Flink's MAP[...] needs one value type, so values of
     * different types are a TODO.
     */
    private static Inner builtMap(PigExpr.Call call, List<PigType> types) {
        if (types.size() == 1) {
            throw unsupported(
                    call.span(), "TOMAP of one argument (a bag of key, value tuples, else null) is not translated yet");
        }
        if (types.size() % 2 != 0) {
            throw unsupported(
                    call.span(),
                    "a map of an odd number of arguments (" + types.size() + ") is not translated:"
                            + " Pig's TOMAP fails the job on it (\"Function input must have even number of parameters\")");
        }
        PigType value = null;
        for (int i = 0; i < types.size(); i += 2) {
            if (types.get(i) != PigType.CHARARRAY) {
                throw unsupported(
                        call.arguments().get(i).span(),
                        "a map key that is not a chararray is not translated yet"
                                + " (Pig's TOMAP fails the job on it)");
            }
            PigType v = types.get(i + 1);
            if (value != null && v != value || v == PigType.BAG || v == PigType.TUPLE || v == PigType.MAP) {
                throw unsupported(
                        call.arguments().get(i + 1).span(),
                        "a map whose values have different or complex types is not translated yet");
            }
            value = v;
        }
        return new Inner(value);
    }

    /**
     * COUNT(TOKENIZE(s)), SUM(TOBAG(a, b)), MAX({(x), (y)}): an aggregate of a bag value, computed on
     * the value by the runtime's PIG_BAG_* function. SUM, MIN and MAX need the type of the tuples'
     * first field ({@link BagValueAggregates}).
     */
    private static Value.Scalar aggregateOfBagValue(PigExpr.Call call, Value.Scalar bag) {
        PigType first = bag.inner() == null || bag.inner().tupleTypes().isEmpty()
                ? null
                : bag.inner().tupleTypes().get(0);
        return new Value.Scalar(
                SqlExpr.Call.of("PIG_BAG_" + call.function(), bag.sql()),
                BagValueAggregates.resultType(call.function(), first, call.span()));
    }

    /** COUNT, COUNT_STAR, SUM, AVG, MIN, MAX over a bag of a grouped relation, with Pig's result types. */
    private Value aggregate(PigExpr.Call call, Scope scope) {
        Value argument =
                call.arguments().size() == 1 ? translate(call.arguments().get(0), scope) : null;
        if (argument instanceof Value.Scalar value && value.type() == PigType.BYTEARRAY) {
            // Pig's type checker casts a bytearray argument to a bag (COUNT(r.f) of an untyped field, r a relation
            // read as a scalar); the job then reads the bytes as a bag's text, or fails.
            throw unsupported(
                    call.span(),
                    call.function() + " of a bytearray value (Pig casts it to a bag when the job runs) is not"
                            + " translated yet");
        }
        if (!(argument instanceof Value.Bag bag)) {
            throw new TranslationError(new Diagnostic(
                    DiagnosticCode.PIG_E013,
                    call.span(),
                    call.function() + " needs one bag argument",
                    "inside FOREACH over a GROUP, e.g. " + call.function() + "(clicks)"));
        }
        Field field = bag.field();
        if (bag.lineField() != null && !call.function().equals("COUNT_STAR")) {
            // Pig's bytearray rules: SUM, AVG, MIN and MAX read the field as a double.
            return narrowed(
                    Aggregates.of(
                            call.function(),
                            bag.lineField().sql(),
                            bag.lineField().type(),
                            call.span()),
                    bag);
        }
        if (call.function().equals("COUNT_STAR")) {
            if (bag.distinct()) {
                throw unsupported(call.span(), "COUNT_STAR of a nested DISTINCT bag is not translated yet");
            }
            return narrowed(new Value.Scalar(SqlExpr.Call.of("COUNT", new SqlExpr.Star()), PigType.LONG), bag);
        }
        if (bag.distinct() && field == null && bag.relation().fields().size() != 1) {
            throw unsupported(
                    call.span(),
                    "an aggregate of a nested DISTINCT of whole tuples is not translated yet; DISTINCT one field (x = DISTINCT bag.f)");
        }
        if (field == null) {
            if (call.function().equals("COUNT")) {
                // Pig's COUNT skips tuples whose first field is null; COUNT_STAR counts them all.
                field = bag.relation().fields().get(0);
            } else if (bag.relation().fields().size() == 1) {
                field = bag.relation().fields().get(0);
            } else {
                throw new TranslationError(new Diagnostic(
                        DiagnosticCode.PIG_E013,
                        call.span(),
                        call.function() + " of a bag with several fields",
                        "project one field: " + call.function() + "(bag.field)"));
            }
        }
        if (field.isRest()) {
            // COUNT of a bag from a LOAD without AS counts tuples whose first field is not null.
            Value.Scalar first = new Scope.Plain(bag.relation(), null).positional(0, call.span());
            return narrowed(Aggregates.of(call.function(), first.sql(), first.type(), call.span()), bag);
        }
        SqlExpr column = SqlExpr.ColumnRef.of(field.sqlName());
        return narrowed(Aggregates.of(call.function(), column, field.type(), call.span()), bag);
    }

    /** An aggregate of a nested FILTER or DISTINCT bag: {@code COUNT(DISTINCT x)}, {@code SUM(x) FILTER (WHERE c)}. */
    private static Value.Scalar narrowed(Value.Scalar aggregate, Value.Bag bag) {
        if (bag.filter() == null && !bag.distinct()) {
            return aggregate;
        }
        SqlExpr.Call call = (SqlExpr.Call) aggregate.sql();
        return new Value.Scalar(
                new SqlExpr.Aggregate(call.function(), call.arguments(), bag.distinct(), bag.filter()),
                aggregate.type());
    }

    private Value literal(PigExpr.Literal literal) {
        Object value = literal.value();
        if (value == null) {
            return new Value.Scalar(SqlExpr.Literal.NULL, PigType.BYTEARRAY);
        }
        return switch (literal.type()) {
            case INT -> new Value.Scalar(new SqlExpr.Literal(((Number) value).intValue()), PigType.INT);
            case LONG ->
                new Value.Scalar(
                        new SqlExpr.Cast(new SqlExpr.Literal(((Number) value).longValue()), SqlType.BIGINT, false),
                        PigType.LONG);
            case DOUBLE -> new Value.Scalar(new SqlExpr.Literal(((Number) value).doubleValue()), PigType.DOUBLE);
            case FLOAT -> floatLiteral(((Number) value).floatValue());
            case CHARARRAY ->
                new Value.Scalar(
                        SqlExpr.Literal.text(PigToSql.bindParameters((String) value, parameters)), PigType.CHARARRAY);
            case BOOLEAN ->
                new Value.Scalar((Boolean) value ? SqlExpr.Literal.TRUE : SqlExpr.Literal.FALSE, PigType.BOOLEAN);
            case BIGINTEGER, BIGDECIMAL -> BigNumbers.literal((Number) value, literal.type());
            default -> throw unsupported(literal.span(), literal.type().keyword() + " literals are not supported yet");
        };
    }

    private Value binary(PigExpr.Binary binary, Scope scope) {
        BinaryOp op = binary.op();
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            return new Value.Scalar(
                    new SqlExpr.Binary(SQL_OPERATORS.get(op), bool(binary.left(), scope), bool(binary.right(), scope)),
                    PigType.BOOLEAN);
        }
        Value.Scalar left = scalar(binary.left(), scope);
        Value.Scalar right = scalar(binary.right(), scope);
        if (op.isComparison()) {
            // Numbers compare across widths in SQL as in Pig; only text operands need Pig's casts.
            if (!(left.type().isNumeric() && right.type().isNumeric())) {
                PigType common = PigTypes.common(left.type(), right.type());
                left = cast(left, common, binary.left().span());
                right = cast(right, common, binary.right().span());
            }
            if (PigTypes.isBig(left.type())) {
                return new Value.Scalar(BigNumbers.compare(SQL_OPERATORS.get(op), left, right), PigType.BOOLEAN);
            }
            if (left.type() == PigType.DATETIME) {
                return new Value.Scalar(DateTimes.compare(SQL_OPERATORS.get(op), left, right), PigType.BOOLEAN);
            }
            return new Value.Scalar(
                    new SqlExpr.Binary(SQL_OPERATORS.get(op), left.sql(), right.sql()), PigType.BOOLEAN);
        }
        // Pig casts a bytearray operand to the other operand's type, or to double when both are bytearrays.
        PigType target = left.type() == PigType.BYTEARRAY && right.type() == PigType.BYTEARRAY
                ? PigType.DOUBLE
                : left.type() == PigType.BYTEARRAY
                        ? right.type()
                        : right.type() == PigType.BYTEARRAY ? left.type() : null;
        left = numeric(
                target != null && left.type() == PigType.BYTEARRAY ? cast(left, target, binary.span()) : left,
                null,
                binary.left().span());
        right = numeric(
                target != null && right.type() == PigType.BYTEARRAY ? cast(right, target, binary.span()) : right,
                null,
                binary.right().span());
        PigType type = PigTypes.wider(left.type(), right.type());
        if (PigTypes.isBig(type)) {
            return BigNumbers.arithmetic(
                    op,
                    cast(left, type, binary.left().span()),
                    cast(right, type, binary.right().span()),
                    type,
                    binary.span());
        }
        Optional<Value.Scalar> folded = type == PigType.FLOAT ? floatConstant(op, left, right) : Optional.empty();
        if (folded.isPresent()) {
            return folded.get();
        }
        // Pig's Divide gives null for a zero divisor, where Flink fails the job (integers) or gives Infinity.
        // Pig's Mod has no such check: x % 0 fails Pig's job (ArithmeticException), as Flink's MOD does.
        if (op == BinaryOp.MODULO) {
            return new Value.Scalar(SqlExpr.Call.of("MOD", left.sql(), right.sql()), type);
        }
        if (op == BinaryOp.DIVIDE) {
            return new Value.Scalar(
                    new SqlExpr.Binary(SqlExpr.BinaryOp.DIVIDE, left.sql(), nullIfZero(right.sql())), type);
        }
        return new Value.Scalar(new SqlExpr.Binary(SQL_OPERATORS.get(op), left.sql(), right.sql()), type);
    }

    /**
     * Float arithmetic on constants ({@code 1.0f/3}), computed here in Java's float arithmetic as Pig computes it
     * (its constant folding and its Divide alike): Flink's planner folds such an expression itself into a REAL
     * literal rounded to 7 significant digits (0.3333333 where Pig writes Float.toString's 0.33333334). A zero
     * divisor gives null, as Pig's Divide does.
     */
    private static Optional<Value.Scalar> floatConstant(BinaryOp op, Value.Scalar left, Value.Scalar right) {
        Optional<Float> a = floatValue(left.sql());
        Optional<Float> b = floatValue(right.sql());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        float x = a.get();
        float y = b.get();
        Float result = switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> y == 0 ? null : x / y;
            default -> Float.NaN;
        };
        if (result != null && result.isNaN()) {
            return Optional.empty();
        }
        return Optional.of(
                result == null
                        ? new Value.Scalar(new SqlExpr.Cast(SqlExpr.Literal.NULL, SqlType.FLOAT, false), PigType.FLOAT)
                        : floatLiteral(result));
    }

    /**
     * A float constant: {@code CAST(d AS FLOAT)} when 7 significant digits hold it, else
     * {@code PIG_FLOAT_CONSTANT(d)}, which Flink's planner does not fold: it folds a constant FLOAT into a REAL
     * literal rounded to 7 digits (DECIMAL32), and Pig writes Float.toString's up to 9 (0.33333334).
     */
    /** The runtime function holding a float constant that 7 digits do not hold (see {@link #floatLiteral}). */
    static final String FLOAT_CONSTANT = "PIG_FLOAT_CONSTANT";

    private static Value.Scalar floatLiteral(float value) {
        SqlExpr d = new SqlExpr.Literal((double) value);
        boolean sevenDigits = Float.isFinite(value)
                && new java.math.BigDecimal(value, java.math.MathContext.DECIMAL32).floatValue() == value;
        return new Value.Scalar(
                sevenDigits ? new SqlExpr.Cast(d, SqlType.FLOAT, false) : SqlExpr.Call.of(FLOAT_CONSTANT, d),
                PigType.FLOAT);
    }

    /** The value of a numeric constant: a literal, or a literal cast to a number type (as a float). */
    private static Optional<Float> floatValue(SqlExpr sql) {
        if (sql instanceof SqlExpr.Literal l && l.value() instanceof Number n) {
            return Optional.of(n instanceof Double d ? (float) d.doubleValue() : n.floatValue());
        }
        if (sql instanceof SqlExpr.Call call
                && call.function().equals(FLOAT_CONSTANT)
                && call.arguments().get(0) instanceof SqlExpr.Literal l
                && l.value() instanceof Number n) {
            return Optional.of((float) n.doubleValue());
        }
        if (sql instanceof SqlExpr.Cast c
                && (c.type() == SqlType.FLOAT || c.type() == SqlType.BIGINT || c.type() == SqlType.INT)
                && c.operand() instanceof SqlExpr.Literal l
                && l.value() instanceof Number n) {
            return Optional.of(c.type() == SqlType.FLOAT ? (float) n.doubleValue() : (float) n.longValue());
        }
        return Optional.empty();
    }

    private static SqlExpr nullIfZero(SqlExpr divisor) {
        if (divisor instanceof SqlExpr.Literal l && l.value() instanceof Number n && n.doubleValue() != 0) {
            return divisor;
        }
        return SqlExpr.Call.of("NULLIF", divisor, new SqlExpr.Literal(0));
    }

    private Value.Scalar numeric(Value.Scalar value, PigType bytearrayTarget, SourceSpan span) {
        if (value.type() == PigType.BYTEARRAY && bytearrayTarget != null) {
            return cast(value, bytearrayTarget, span);
        }
        if (!PigTypes.isNumber(value.type())) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E013,
                    span,
                    "arithmetic needs numbers, found " + value.type().keyword()));
        }
        return value;
    }

    /**
     * Pig rewrites CASE into nested binconds, so a null test gives null (SQL's CASE would try the next
     * WHEN); {@code CASE s WHEN v} tests {@code s == v}; without ELSE the result is null.
     */
    private static PigExpr caseAsBinconds(PigExpr.Case c) {
        PigExpr result = c.otherwise() != null ? c.otherwise() : new PigExpr.Literal(null, null, c.span());
        for (int i = c.branches().size() - 1; i >= 0; i--) {
            PigExpr.When when = c.branches().get(i);
            PigExpr test = c.subject() == null
                    ? when.test()
                    : new PigExpr.Binary(BinaryOp.EQ, c.subject(), when.test(), c.span());
            result = new PigExpr.Bincond(test, when.result(), result, c.span());
        }
        return result;
    }

    /** {@code x IN (a, b)}: Pig's {@code x == a OR x == b}, with the same casts and null rule as SQL's IN. */
    private Value in(PigExpr.In in, Scope scope) {
        Value.Scalar operand = scalar(in.expr(), scope);
        List<Value.Scalar> values = new ArrayList<>();
        PigType type = operand.type();
        for (PigExpr v : in.values()) {
            Value.Scalar value = scalar(v, scope);
            values.add(value);
            type = PigTypes.common(type, value.type());
        }
        List<SqlExpr> sqlValues = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            sqlValues.add(cast(values.get(i), type, in.values().get(i).span()).sql());
        }
        if (PigTypes.isBig(type)) {
            // compareTo, as Pig's ==: 1.50 IN (1.5) holds; SQL's IN would compare the texts.
            Value.Scalar subject = cast(operand, type, in.expr().span());
            SqlExpr any = null;
            for (SqlExpr v : sqlValues) {
                SqlExpr test = BigNumbers.compare(SqlExpr.BinaryOp.EQ, subject, new Value.Scalar(v, type));
                any = any == null ? test : new SqlExpr.Binary(SqlExpr.BinaryOp.OR, any, test);
            }
            return new Value.Scalar(any, PigType.BOOLEAN);
        }
        return new Value.Scalar(
                new SqlExpr.In(cast(operand, type, in.expr().span()).sql(), sqlValues, false), PigType.BOOLEAN);
    }

    /** {@code (c ? a : b)}: a null condition gives null in Pig, so there is no ELSE branch. */
    private Value bincond(PigExpr.Bincond bincond, Scope scope) {
        SqlExpr condition = bool(bincond.condition(), scope);
        Value.Scalar whenTrue = scalar(bincond.whenTrue(), scope);
        Value.Scalar whenFalse = scalar(bincond.whenFalse(), scope);
        if (whenTrue.type() == PigType.BAG && whenFalse.type() == PigType.BAG) {
            return bagBincond(bincond, condition, whenTrue, whenFalse);
        }
        PigType type = PigTypes.isNumber(whenTrue.type()) && PigTypes.isNumber(whenFalse.type())
                ? PigTypes.wider(whenTrue.type(), whenFalse.type())
                : whenTrue.type() == PigType.BYTEARRAY ? whenFalse.type() : whenTrue.type();
        whenTrue = cast(whenTrue, type, bincond.whenTrue().span());
        whenFalse = cast(whenFalse, type, bincond.whenFalse().span());
        return new Value.Scalar(
                new SqlExpr.Case(
                        List.of(
                                new SqlExpr.When(condition, whenTrue.sql()),
                                new SqlExpr.When(new SqlExpr.Unary(SqlExpr.UnaryOp.NOT, condition), whenFalse.sql())),
                        null),
                type);
    }

    /**
     * {@code (c ? {(null, null)} : b)}, {@code (IsEmpty(b) ? {(0)} : b)}: a bag whose tuples' fields are known on both
     * sides, of one width, each field of one type on both sides or a null in every tuple of a constructor on one
     * (Pig's type checker takes such schemas as compatible: LogicalFieldSchema.isEqual with bytearray). Both sides are
     * cast to one ARRAY of ROW type, the constructor's nulls typed as the other side's fields. Pig names the fields as
     * the left side does. Anything else stays a TODO.
     */
    private Value bagBincond(
            PigExpr.Bincond bincond, SqlExpr condition, Value.Scalar whenTrue, Value.Scalar whenFalse) {
        Value.Scalar left = known(whenTrue, PigType.BAG);
        Value.Scalar right = known(whenFalse, PigType.BAG);
        if (left == null
                || right == null
                || left.inner().tupleTypes().size()
                        != right.inner().tupleTypes().size()) {
            throw unsupported(
                    bincond.span(),
                    "a bincond of two bags whose tuples are not of the same known width is not translated yet");
        }
        List<PigType> types = new ArrayList<>();
        Map<Integer, Inner> inners = new HashMap<>();
        List<dev.ferry.translator.sql.Column> columns = new ArrayList<>();
        for (int i = 0; i < left.inner().tupleTypes().size(); i++) {
            PigType l = left.inner().tupleTypes().get(i);
            PigType r = right.inner().tupleTypes().get(i);
            Inner inner;
            PigType type;
            if (l == r
                    && java.util.Objects.equals(
                            left.inner().fieldInner(i), right.inner().fieldInner(i))) {
                type = l;
                inner = left.inner().fieldInner(i);
            } else if (nullInEveryTuple(bincond.whenTrue(), i)) {
                type = r;
                inner = right.inner().fieldInner(i);
            } else if (nullInEveryTuple(bincond.whenFalse(), i)) {
                type = l;
                inner = left.inner().fieldInner(i);
            } else {
                throw unsupported(
                        bincond.span(),
                        "a bincond of two bags whose tuples' field " + (i + 1) + " is a " + l.keyword() + " on one"
                                + " side and a " + r.keyword() + " on the other is not translated yet");
            }
            if (!PigTypes.hasTupleFieldType(type, inner)) {
                throw unsupported(
                        bincond.span(),
                        "a bincond of two bags whose tuples hold a " + type.keyword() + " is not translated yet");
            }
            types.add(type);
            if (inner != null) {
                inners.put(i, inner);
            }
            columns.add(new dev.ferry.translator.sql.Column("f" + i, PigTypes.tupleFieldType(type, inner)));
        }
        SqlType.Row row = new SqlType.Row(columns);
        List<String> names = new ArrayList<>(left.inner().fieldNames());
        return new Value.Scalar(
                new SqlExpr.Case(
                        List.of(
                                new SqlExpr.When(condition, asBagOf(whenTrue.sql(), row)),
                                new SqlExpr.When(
                                        new SqlExpr.Unary(SqlExpr.UnaryOp.NOT, condition),
                                        asBagOf(whenFalse.sql(), row))),
                        null),
                PigType.BAG,
                new Inner(null, types, inners, names));
    }

    /** Whether {@code expr} is a bag constructor whose every tuple has a null at {@code position}. */
    private static boolean nullInEveryTuple(PigExpr expr, int position) {
        return expr instanceof PigExpr.BagExpr bag
                && bag.items().stream()
                        .allMatch(item -> item instanceof PigExpr.TupleExpr tuple
                                        && position < tuple.items().size()
                                        && RowArray.isNull(tuple.items().get(position))
                                || position == 0 && RowArray.isNull(item));
    }

    /** A bag value as an ARRAY of {@code row}: a constructor's rows each cast, their nulls typed; else one cast. */
    private static SqlExpr asBagOf(SqlExpr bag, SqlType.Row row) {
        if (!(bag instanceof SqlExpr.ArrayOf array)) {
            return new SqlExpr.Cast(bag, new SqlType.Array(row), false);
        }
        List<SqlExpr> elements = new ArrayList<>();
        for (SqlExpr element : array.elements()) {
            SqlExpr tuple = element instanceof SqlExpr.Cast cast ? cast.operand() : element;
            if (tuple instanceof SqlExpr.RowOf rowOf) {
                List<SqlExpr> typed = new ArrayList<>();
                for (int i = 0; i < rowOf.fields().size(); i++) {
                    SqlExpr field = rowOf.fields().get(i);
                    typed.add(
                            field instanceof SqlExpr.Literal literal && literal.value() == null
                                    ? new SqlExpr.Cast(
                                            field, row.fields().get(i).type(), false)
                                    : field);
                }
                tuple = new SqlExpr.RowOf(typed);
            }
            elements.add(new SqlExpr.Cast(tuple, row, false));
        }
        return new SqlExpr.ArrayOf(elements);
    }

    /** Pig's cast rules (POCast): number to number truncates, text to number is null when unparsable. */
    Value.Scalar cast(Value.Scalar value, PigType to, SourceSpan span) {
        PigType from = value.type();
        if (from == to) {
            return value;
        }
        if (isNullLiteral(value) || value.sql() instanceof SqlExpr.Param) {
            // NULL, and a parameter's text spliced in by the runner, take the type the context needs.
            return new Value.Scalar(value.sql(), to);
        }
        if (PigTypes.isBig(from) || PigTypes.isBig(to)) {
            return BigNumbers.cast(value, to)
                    .orElseThrow(() -> unsupported(
                            span, "casting " + from.keyword() + " to " + to.keyword() + " is not supported yet"));
        }
        SqlType target = PigTypes.columnType(to)
                .orElseThrow(() -> unsupported(span, "casting to " + to.keyword() + " is not supported yet"));
        if (from.isNumeric() && to == PigType.FLOAT) {
            // (float) of a constant: folded here, exact (see floatLiteral).
            Optional<Float> constant = floatValue(value.sql());
            if (constant.isPresent()) {
                return floatLiteral(constant.get());
            }
        }
        if (from.isNumeric() && to.isNumeric()) {
            return new Value.Scalar(new SqlExpr.Cast(value.sql(), target, false), to);
        }
        if (from == PigType.CHARARRAY && to.isNumeric()) {
            return new Value.Scalar(SqlExpr.Call.of(TEXT_TO_NUMBER.get(to), value.sql()), to);
        }
        if (from == PigType.BYTEARRAY && to.isNumeric()) {
            // The loader's caster (Utf8StorageConverter.bytesToInteger...), not POCast's chararray rules: the runtime's
            // functions take the bytes ("2147483648" is null as an int here, Integer.MAX_VALUE from a chararray).
            return new Value.Scalar(
                    SqlExpr.Call.of(TEXT_TO_NUMBER.get(to), new SqlExpr.Cast(value.sql(), SqlType.BYTES, false)), to);
        }
        if (from == PigType.BYTEARRAY && to == PigType.CHARARRAY) {
            return new Value.Scalar(value.sql(), to);
        }
        if ((from == PigType.INT || from == PigType.LONG) && to == PigType.CHARARRAY) {
            return new Value.Scalar(new SqlExpr.Cast(value.sql(), SqlType.STRING, false), to);
        }
        if (from == PigType.BOOLEAN && to == PigType.CHARARRAY) {
            // Pig prints Boolean.toString (true); Flink's CAST prints TRUE.
            return new Value.Scalar(SqlExpr.Call.of("LOWER", new SqlExpr.Cast(value.sql(), SqlType.STRING, false)), to);
        }
        if ((from == PigType.FLOAT || from == PigType.DOUBLE) && to == PigType.CHARARRAY) {
            // Pig prints Double.toString (1.0E7); Flink's CAST prints differently.
            return new Value.Scalar(SqlExpr.Call.of("PIG_CHARARRAY", value.sql()), to);
        }
        if (from == PigType.CHARARRAY && to == PigType.DATETIME) {
            // Pig 0.18's type checker rejects it (ERROR 1052) though POCast has the case; ToDate(text) converts
            throw new TranslationError(new Diagnostic(
                    DiagnosticCode.PIG_E013,
                    span,
                    "cannot cast chararray to datetime (Pig's ERROR 1052)",
                    "use ToDate(text) or ToDate(text, pattern)"));
        }
        if (from == PigType.BYTEARRAY && to == PigType.DATETIME) {
            return new Value.Scalar(SqlExpr.Call.of("PIG_BYTES_TO_DATETIME", value.sql()), to);
        }
        if (from == PigType.DATETIME && to == PigType.CHARARRAY) {
            // Pig 0.18's type checker rejects it (ERROR 1052, measured)
            throw new TranslationError(new Diagnostic(
                    DiagnosticCode.PIG_E013,
                    span,
                    "cannot cast datetime to chararray (Pig's ERROR 1052)",
                    "use ToString(dt) or ToString(dt, pattern)"));
        }
        if ((from == PigType.CHARARRAY || from == PigType.BYTEARRAY) && to == PigType.BOOLEAN) {
            return new Value.Scalar(new SqlExpr.Cast(value.sql(), SqlType.BOOLEAN, true), to);
        }
        throw unsupported(span, "casting " + from.keyword() + " to " + to.keyword() + " is not supported yet");
    }

    private static boolean isNullLiteral(Value.Scalar value) {
        return value.sql() instanceof SqlExpr.Literal l && l.value() == null;
    }

    static TranslationError unsupported(SourceSpan span, String message) {
        return new TranslationError(new Diagnostic(
                DiagnosticCode.PIG_E020,
                span,
                message,
                "the construct is kept out of the output; see the report for the TODO"));
    }

    static String describe(PigExpr expr) {
        String name = expr.getClass().getSimpleName();
        return switch (name) {
            case "FieldRef" -> "field '" + ((PigExpr.FieldRef) expr).name() + "'";
            case "Call" -> "call to " + ((PigExpr.Call) expr).function();
            case "Flatten" -> "FLATTEN";
            case "Star" -> "'*'";
            default -> "expression";
        };
    }
}
