package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The fields an expression can see: those of one relation, or the key and bag of a GROUP. */
sealed interface Scope {

    Value field(PigExpr.FieldRef ref);

    Value positional(PigExpr.PositionalRef ref);

    /** {@code *}: every field, in order. */
    List<Value.Scalar> star(SourceSpan span);

    /** Where an aggregate of a bag lands: in place (GROUP BY), or in its input's per-key table (COGROUP). */
    default Value.Scalar aggregated(Value.Bag bag, Value.Scalar aggregate, String baseName) {
        return aggregate;
    }

    /** The COGROUP scope this is, or that a nested block's scope is inside; else null. */
    static Cogroup cogroupOf(Scope scope) {
        return scope instanceof Cogroup cogroup
                ? cogroup
                : scope instanceof Nested nested && nested.outer() instanceof Cogroup cogroup ? cogroup : null;
    }

    /** {@code IsEmpty(bag)}. */
    default SqlExpr isEmpty(Value.Bag bag, SourceSpan span) {
        throw ExprTranslator.unsupported(span, "IsEmpty of a bag here is not translated yet");
    }

    /** Fields of a plain relation, referenced unqualified (after a JOIN, {@code alias::name} disambiguates). */
    record Plain(Relation.Named relation, String qualifierForSql, ScalarRelations relations) implements Scope {

        Plain(Relation.Named relation, String qualifierForSql) {
            this(relation, qualifierForSql, null);
        }

        /**
         * The field {@code qualifier::name} names as Pig resolves it ({@code LogicalSchema.getField}): the one whose whole
         * name it is first ({@code n} beside a JOIN's {@code m::n}, {@code m::n} beside {@code x::m::n}), else the one
         * it ends; null for none or several.
         */
        Field named(String qualifier, String name) {
            List<Field> matches = relation.fields().stream()
                    .filter(f -> f.answersTo(qualifier, name))
                    .toList();
            List<Field> exact = matches.stream()
                    .filter(f -> Objects.equals(f.qualifier(), qualifier))
                    .toList();
            return exact.size() == 1 ? exact.get(0) : exact.isEmpty() && matches.size() == 1 ? matches.get(0) : null;
        }

        @Override
        public Value field(PigExpr.FieldRef ref) {
            Field named = named(ref.qualifier(), ref.name());
            if (named != null) {
                return scalar(named);
            }
            List<Field> matches = relation.fields().stream()
                    .filter(f -> f.answersTo(ref.qualifier(), ref.name()))
                    .toList();
            String shown = ref.qualifier() == null ? ref.name() : ref.qualifier() + "::" + ref.name();
            if (matches.isEmpty()
                    && ref.qualifier() == null
                    && relations != null
                    && relations.scalar(ref.name()).isPresent()) {
                return relations.scalar(ref.name()).get();
            }
            if (matches.isEmpty()) {
                throw new TranslationError(new Diagnostic(
                        DiagnosticCode.PIG_E011,
                        ref.span(),
                        "unknown field '" + shown + "'" + suggestion(ref.name()),
                        "fields here: " + fieldList()));
            }
            throw new TranslationError(new Diagnostic(
                    DiagnosticCode.PIG_E012,
                    ref.span(),
                    "field '" + shown + "' is ambiguous",
                    "qualify it: "
                            + String.join(
                                    " or ",
                                    matches.stream()
                                            .map(f -> f.qualifier() + "::" + f.pigName())
                                            .toList())));
        }

        @Override
        public Value positional(PigExpr.PositionalRef ref) {
            return positional(ref.index(), ref.span());
        }

        /** Field {@code index}; inside the line of a LOAD without AS, the index-th field of the line. */
        Value.Scalar positional(int index, SourceSpan span) {
            List<Field> fields = relation.fields();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                if (field.isRest()) {
                    if (i + 1 < fields.size() && index >= i + 1) {
                        throw ExprTranslator.unsupported(
                                span,
                                "$" + index + " lies after the fields of a LOAD without AS,"
                                        + " whose width Pig knows only per line");
                    }
                    return restField(field, index - i);
                }
                if (i == index) {
                    return scalar(field);
                }
            }
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E011,
                    span,
                    "$" + index + " is out of range: the relation has " + fields.size() + " fields"));
        }

        /** PigStorage: the n-th field of the line, null when the line is shorter or the field empty; of a row array, its n-th. */
        private Value.Scalar restField(Field rest, int n) {
            SqlExpr line = new SqlExpr.ColumnRef(qualifierForSql, rest.sqlName());
            if (rest.isRowArray()) {
                // The n-th field of the row, null past its last one (Pig reads an absent field as null).
                return new Value.Scalar(new SqlExpr.Item(line, SqlExpr.Literal.number(n + 1)), PigType.BYTEARRAY);
            }
            SqlExpr split = SqlExpr.Call.of(
                    "SPLIT_INDEX", line, SqlExpr.Literal.text(rest.restDelimiter()), SqlExpr.Literal.number(n));
            return new Value.Scalar(SqlExpr.Call.of("NULLIF", split, SqlExpr.Literal.text("")), PigType.BYTEARRAY);
        }

        @Override
        public List<Value.Scalar> star(SourceSpan span) {
            return relation.fields().stream().map(this::scalar).toList();
        }

        Value.Scalar scalar(Field field) {
            return new Value.Scalar(
                    new SqlExpr.ColumnRef(qualifierForSql, field.sqlName()), field.type(), field.inner());
        }

        private String fieldList() {
            List<String> names = new ArrayList<>();
            for (Field f : relation.fields()) {
                names.add(f.pigName() == null ? "(unnamed)" : f.pigName());
            }
            return String.join(", ", names);
        }

        private String suggestion(String name) {
            return relation.fields().stream()
                    .map(Field::pigName)
                    .filter(n -> n != null && Names.editDistance(n, name) <= 2)
                    .min(Comparator.comparingInt(n -> Names.editDistance(n, name)))
                    .map(n -> " (did you mean '" + n + "'?)")
                    .orElse("");
        }
    }

    /** Inside {@code FOREACH cogrouped GENERATE}: {@code group}, and one bag per input named after it. */
    record Cogroup(CogroupPlan plan, ScalarRelations relations) implements Scope {

        @Override
        public Value field(PigExpr.FieldRef ref) {
            if (ref.qualifier() == null && ref.name().equals("group")) {
                return plan.key();
            }
            for (Relation.Side side : plan.cogroup().sides()) {
                if (ref.qualifier() == null && ref.name().equals(side.bagAlias())) {
                    return side.bag();
                }
            }
            if (ref.qualifier() == null && relations.scalar(ref.name()).isPresent()) {
                return relations.scalar(ref.name()).get(); // c.total of a one-row relation c
            }
            throw ExprTranslator.unsupported(
                    ref.span(), "field '" + ref.name() + "' of a COGROUP is not translated yet");
        }

        @Override
        public Value positional(PigExpr.PositionalRef ref) {
            if (ref.index() == 0) {
                return plan.key();
            }
            if (ref.index() <= plan.cogroup().sides().size()) {
                Relation.Side side = plan.cogroup().sides().get(ref.index() - 1);
                return side.bag();
            }
            throw new TranslationError(
                    Diagnostic.of(DiagnosticCode.PIG_E011, ref.span(), "$" + ref.index() + " is out of range"));
        }

        @Override
        public List<Value.Scalar> star(SourceSpan span) {
            throw ExprTranslator.unsupported(
                    span, "'*' over a COGROUP keeps its bags, which the SQL translation cannot hold yet");
        }

        @Override
        public Value.Scalar aggregated(Value.Bag bag, Value.Scalar aggregate, String baseName) {
            return plan.aggregate(plan.side(bag.relation()), aggregate, baseName);
        }

        @Override
        public SqlExpr isEmpty(Value.Bag bag, SourceSpan span) {
            if (bag.field() != null) {
                throw ExprTranslator.unsupported(span, "IsEmpty of a projected bag is not translated yet");
            }
            return plan.isEmpty(plan.side(bag.relation()));
        }
    }

    /** Inside a nested FOREACH block: its own aliases (narrowed bags) first, then the enclosing scope. */
    record Nested(Scope outer, java.util.Map<String, Value> locals) implements Scope {

        @Override
        public Value field(PigExpr.FieldRef ref) {
            if (ref.qualifier() == null && locals.containsKey(ref.name())) {
                return locals.get(ref.name());
            }
            return outer.field(ref);
        }

        @Override
        public Value positional(PigExpr.PositionalRef ref) {
            return outer.positional(ref);
        }

        @Override
        public List<Value.Scalar> star(SourceSpan span) {
            return outer.star(span);
        }

        @Override
        public Value.Scalar aggregated(Value.Bag bag, Value.Scalar aggregate, String baseName) {
            return outer.aggregated(bag, aggregate, baseName);
        }

        @Override
        public SqlExpr isEmpty(Value.Bag bag, SourceSpan span) {
            if (bag.filter() != null && !bag.distinct() && bag.lineField() == null) {
                // No row of the group passes the FILTER: its count, 0 where the group has no row at all.
                Value.Scalar count = aggregated(
                        bag,
                        new Value.Scalar(
                                new SqlExpr.Aggregate("COUNT", List.of(new SqlExpr.Star()), false, bag.filter()),
                                PigType.LONG),
                        "count_star");
                return new SqlExpr.Binary(SqlExpr.BinaryOp.EQ, count.sql(), SqlExpr.Literal.number(0));
            }
            if (bag.filter() != null || bag.distinct()) {
                throw ExprTranslator.unsupported(
                        span, "IsEmpty of a nested FILTER or DISTINCT bag is not translated yet");
            }
            return outer.isEmpty(bag, span);
        }
    }

    /** Other aliases an expression may read as scalars: {@code c.total} where c has one row. */
    interface ScalarRelations {
        java.util.Optional<Value> scalar(String alias);
    }

    /** Inside {@code FOREACH grouped GENERATE}: {@code group} is the key, the input alias is the bag. */
    record Grouped(Relation.Grouped grouped, ScalarRelations relations) implements Scope {

        @Override
        public Value field(PigExpr.FieldRef ref) {
            if (ref.qualifier() == null && ref.name().equals("group")) {
                return key();
            }
            if (ref.qualifier() == null && ref.name().equals(grouped.bagAlias())) {
                return grouped.bag();
            }
            if (ref.qualifier() == null && relations.scalar(ref.name()).isPresent()) {
                return relations.scalar(ref.name()).get(); // c.total of a one-row relation c
            }
            throw new TranslationError(new Diagnostic(
                    DiagnosticCode.PIG_E011,
                    ref.span(),
                    "unknown field '" + ref.name() + "' in a grouped relation",
                    "after GROUP the fields are 'group' and the bag '" + grouped.bagAlias() + "'; write "
                            + grouped.bagAlias() + "." + ref.name() + " inside an aggregate"));
        }

        @Override
        public Value positional(PigExpr.PositionalRef ref) {
            return switch (ref.index()) {
                case 0 -> key();
                case 1 -> grouped.bag();
                default ->
                    throw new TranslationError(Diagnostic.of(
                            DiagnosticCode.PIG_E011,
                            ref.span(),
                            "$" + ref.index()
                                    + " is out of range: a grouped relation has 2 fields (group and the bag)"));
            };
        }

        @Override
        public List<Value.Scalar> star(SourceSpan span) {
            throw new TranslationError(Diagnostic.of(
                    DiagnosticCode.PIG_E020,
                    span,
                    "'*' over a grouped relation keeps the bag, which the SQL translation cannot hold yet"));
        }

        Value key() {
            if (grouped.all()) {
                return new Value.Scalar(SqlExpr.Literal.text("all"), PigType.CHARARRAY);
            }
            List<Value.Scalar> keys = new ArrayList<>();
            for (int i = 0; i < grouped.keys().size(); i++) {
                keys.add(new Value.Scalar(
                        grouped.keys().get(i), grouped.keyFields().get(i).type()));
            }
            return keys.size() == 1 ? keys.get(0) : new Value.KeyTuple(keys, grouped.keyFields());
        }
    }
}
