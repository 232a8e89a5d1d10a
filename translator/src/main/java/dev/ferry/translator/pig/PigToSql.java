package dev.ferry.translator.pig;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.oozie.SecretNames;
import dev.ferry.parser.pig.PigScript;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.sql.SqlQuery;
import dev.ferry.translator.sql.SqlQuery.OrderItem;
import dev.ferry.translator.sql.SqlQuery.SelectItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates one Pig script into one Flink SQL batch job: every alias becomes a view named after
 * it, in script order; LOAD and STORE become file tables in Pig's text format.
 */
public final class PigToSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!\\\\)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final PigScript script;
    private final Diagnostics diagnostics;
    private final TreeSet<String> parameters = new TreeSet<>();
    private final ExprTranslator expressions = new ExprTranslator(parameters);
    private final Map<String, Relation> aliases = new HashMap<>();
    /** Aliases whose statement failed: reading one again is a follow-on error, reported once. */
    private final java.util.Set<String> failedAliases = new java.util.HashSet<>();
    private final Map<String, Integer> viewNames = new HashMap<>();
    private final List<SqlJob.Table> sources = new ArrayList<>();
    private final List<SqlJob.View> views = new ArrayList<>();
    private final List<SqlJob.Table> sinks = new ArrayList<>();
    private final List<SqlJob.Insert> inserts = new ArrayList<>();
    private final Names tableNames = new Names();
    private final AliasUses uses;
    private int statementIndex;

    private PigToSql(PigScript script, Diagnostics diagnostics) {
        this.script = script;
        this.diagnostics = diagnostics;
        this.uses = AliasUses.of(script.statements());
    }

    /** The job, or empty when any statement could not be translated (the diagnostics say why). */
    public static Optional<SqlJob> translate(PigScript script, String jobName, Diagnostics diagnostics) {
        return new PigToSql(script, diagnostics).run(jobName);
    }

    private Optional<SqlJob> run(String jobName) {
        boolean failed = false;
        for (statementIndex = 0; statementIndex < script.statements().size(); statementIndex++) {
            PigStatement statement = script.statements().get(statementIndex);
            try {
                translate(statement);
            } catch (TranslationError error) {
                error.diagnostic().ifPresent(diagnostics::add);
                failed = true;
                if (statement instanceof PigStatement.Assign assign) {
                    aliases.remove(assign.alias());
                    failedAliases.add(assign.alias());
                }
            }
        }
        for (PigScript.ParamDefault d : script.defaults()) {
            if (d.isShellCommand()) {
                diagnostics.report(DiagnosticCode.PIG_E003, d.span(), "parameter '" + d.name() + "' takes its value from the shell command "
                        + d.value() + ", which Ferry does not run", "pass the value from the workflow instead (<param>" + d.name() + "=...</param>)");
                failed = true;
            }
        }
        if (inserts.isEmpty() && !failed) {
            diagnostics.report(DiagnosticCode.PIG_E020, SourceSpan.file(script.file()),
                    "the script has no STORE, so it has no effect as a batch job",
                    "DUMP prints to the console in Pig; store the result to translate it");
            failed = true;
        }
        if (failed) {
            return Optional.empty();
        }
        Map<String, String> defaults = new TreeMap<>();
        // A secret's %default/%declare value is not printed in the script's header (the DAG passes a reference).
        script.defaults().forEach(d -> defaults.putIfAbsent(d.name(), SecretNames.isSecret(d.name())
                ? "a secret, read from the Airflow Variable '" + d.name() + "'" : d.value()));
        parameters.addAll(defaults.keySet());
        List<SqlJob.JobParameter> jobParameters = parameters.stream()
                .map(name -> new SqlJob.JobParameter(name, defaults.get(name)))
                .toList();
        return Optional.of(new SqlJob(jobName, script.file(), jobParameters, sources, views, sinks, inserts));
    }

    private void translate(PigStatement statement) {
        if (statement instanceof PigStatement.Assign assign) {
            aliases.put(assign.alias(), relation(assign.alias(), assign.relation()));
            failedAliases.remove(assign.alias());
        } else if (statement instanceof PigStatement.Store store) {
            store(store);
        } else if (statement instanceof PigStatement.Command command) {
            command(command);
        } else {
            throw ExprTranslator.unsupported(statement.span(),
                    describe(statement) + " is not translated yet by the Flink SQL translation");
        }
    }

    private void command(PigStatement.Command command) {
        switch (command.keyword()) {
            case "DUMP", "DESCRIBE", "EXPLAIN", "ILLUSTRATE" -> diagnostics.report(DiagnosticCode.PIG_W001, command.span(),
                    command.keyword() + " only prints in Pig; it is not part of the batch job");
            case "SET" -> diagnostics.report(DiagnosticCode.PIG_W001, command.span(),
                    "SET tunes Pig's MapReduce execution; Flink settings belong to the FlinkDeployment",
                    "carry the intent into flinkConfiguration by hand if it matters: " + command.text());
            default -> throw ExprTranslator.unsupported(command.span(),
                    command.keyword() + " is not translated yet by the Flink SQL translation");
        }
    }

    /** What a statement the translation does not handle is called in its diagnostic. */
    private static String describe(PigStatement statement) {
        return switch (statement.getClass().getSimpleName()) {
            case "Split" -> "SPLIT";
            case "Assert" -> "ASSERT";
            case "DefineFunction" -> "DEFINE (user-defined function)";
            case "DefineCommand" -> "DEFINE (streaming command)";
            case "MacroDefinition" -> "a macro definition";
            case "MacroCall" -> "a macro call";
            case "Import" -> "IMPORT";
            default -> statement.getClass().getSimpleName();
        };
    }

    private Relation relation(String alias, PigRelation relation) {
        if (relation instanceof PigRelation.Join join && join.partitioner() != null
                || relation instanceof PigRelation.Distinct distinct && distinct.partitioner() != null) {
            throw ExprTranslator.unsupported(relation.span(), "PARTITION BY (a custom Hadoop partitioner) is not translated yet");
        }
        if (relation instanceof PigRelation.Order order && order.comparator() != null) {
            throw ExprTranslator.unsupported(relation.span(), "ORDER ... USING a comparator UDF is not translated yet");
        }
        if (relation instanceof PigRelation.Load load) {
            return load(alias, load);
        }
        if (relation instanceof PigRelation.Filter filter) {
            Relation.Named input = named(filter.input(), filter.span());
            Scope scope = new Scope.Plain(input, null);
            Value.Scalar condition = expressions.scalar(filter.condition(), scope);
            if (condition.type() != PigType.BOOLEAN) {
                throw new TranslationError(Diagnostic.of(DiagnosticCode.PIG_E013, filter.condition().span(),
                        "FILTER needs a boolean condition, found " + condition.type().keyword()));
            }
            SqlQuery query = withWhere(SqlQuery.selectAll(input.sqlName()), condition.sql());
            return view(alias, filter.span(), query, input.fields());
        }
        if (relation instanceof PigRelation.Foreach foreach) {
            return foreach(alias, foreach);
        }
        if (relation instanceof PigRelation.Group group) {
            return group(alias, group);
        }
        if (relation instanceof PigRelation.Join join) {
            return join(alias, join);
        }
        if (relation instanceof PigRelation.Order order) {
            return order(alias, order);
        }
        if (relation instanceof PigRelation.Limit limit) {
            return limit(alias, limit);
        }
        if (relation instanceof PigRelation.Distinct distinct) {
            Relation.Named input = named(distinct.input(), distinct.span());
            SqlQuery all = SqlQuery.selectAll(input.sqlName());
            SqlQuery query = new SqlQuery(true, all.items(), all.from(), null, List.of(), List.of(), null);
            return view(alias, distinct.span(), query, input.fields());
        }
        throw ExprTranslator.unsupported(relation.span(), relation.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT)
                + " is not translated yet by the Flink SQL translation");
    }

    private Relation load(String alias, PigRelation.Load load) {
        String delimiter = storageDelimiter(load.function(), load.span());
        List<Field> fields = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Names names = new Names();
        if (load.schema().isEmpty()) {
            // Fields known only by position: bytearrays $0..$n-1, unnamed as in Pig.
            int width = SchemalessLoad.width(script.statements(), statementIndex, uses.consumers(statementIndex), load);
            for (int i = 0; i < width; i++) {
                String sqlName = names.unique("f" + i);
                fields.add(new Field(null, alias, sqlName, PigType.BYTEARRAY));
                columns.add(new Column(sqlName, PigTypes.columnType(PigType.BYTEARRAY).orElseThrow()));
            }
        }
        for (var fieldSchema : load.schema()) {
            var type = PigTypes.columnType(fieldSchema.type()).orElseThrow(() -> ExprTranslator.unsupported(fieldSchema.span(),
                    fieldSchema.type().keyword() + " fields are not supported by the Flink SQL translation yet"));
            String sqlName = names.unique(fieldSchema.name());
            fields.add(new Field(fieldSchema.name(), alias, sqlName, fieldSchema.type()));
            columns.add(new Column(sqlName, type));
        }
        String table = tableName(alias);
        sources.add(new SqlJob.Table(table, columns, bindParameters(load.path(), parameters), delimiter, false, load.span()));
        return new Relation.Named(table, fields);
    }

    /** PigStorage is the only storage function the translation knows; its argument is the delimiter. */
    private static String storageDelimiter(FuncSpec function, SourceSpan span) {
        if (function == null) {
            return "\t";
        }
        if (!function.simpleName().equals("PigStorage")) {
            throw ExprTranslator.unsupported(function.span(),
                    "storage function " + function.name() + " is not supported by the Flink SQL translation yet");
        }
        if (function.arguments().size() > 1) {
            throw ExprTranslator.unsupported(function.span(), "PigStorage options ('-schema', '-tagFile'...) are not supported yet");
        }
        return function.arguments().isEmpty() ? "\t" : function.arguments().get(0);
    }

    private Relation foreach(String alias, PigRelation.Foreach foreach) {
        Relation input = relationOf(foreach.input(), foreach.span());
        if (input instanceof Relation.Grouped grouped) {
            return aggregate(alias, foreach, grouped);
        }
        Relation.Named named = named(foreach.input(), foreach.span());
        Projection projection = project(foreach, new Scope.Plain(named, null));
        SqlQuery query = new SqlQuery(false, projection.items, new SqlQuery.TableRef(named.sqlName()), null, List.of(), List.of(), null);
        return view(alias, foreach.span(), query, projection.fields);
    }

    /** FOREACH over a GROUP: Pig's bag form reduces to SELECT keys, aggregates ... GROUP BY keys. */
    private Relation aggregate(String alias, PigRelation.Foreach foreach, Relation.Grouped grouped) {
        Projection projection = project(foreach, new Scope.Grouped(grouped));
        // GROUP ALL is one group, or none over no rows; SQL's GROUP BY () would give one row of zeros.
        List<SqlExpr> groupBy = grouped.all() ? List.of(new SqlExpr.Literal("'all'")) : grouped.keys();
        SqlQuery query = new SqlQuery(false, projection.items, new SqlQuery.TableRef(grouped.input().sqlName()), null,
                groupBy, List.of(), null);
        List<SourceSpan> spans = List.of(grouped.span(), foreach.span());
        return view(alias, spans, query, projection.fields);
    }

    private record Projection(List<SelectItem> items, List<Field> fields) {}

    private Projection project(PigRelation.Foreach foreach, Scope scope) {
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Names names = new Names();
        java.util.Set<String> pigNames = new java.util.HashSet<>();
        for (PigRelation.GenerateItem item : foreach.items()) {
            List<Value.Scalar> values = new ArrayList<>();
            List<String> defaultNames = new ArrayList<>();
            expand(item.expr(), scope, values, defaultNames);
            if (!item.names().isEmpty() && item.names().size() != values.size()) {
                throw new TranslationError(Diagnostic.of(DiagnosticCode.PIG_E013, item.span(),
                        "AS names " + item.names().size() + " field(s) but the expression gives " + values.size()));
            }
            for (int i = 0; i < values.size(); i++) {
                Value.Scalar value = values.get(i);
                String pigName = item.names().isEmpty() ? pigNameOf(item.expr(), defaultNames.get(i)) : item.names().get(i).name();
                if (pigName != null && !pigNames.add(pigName)) {
                    // Pig: "ERROR 1108: Duplicate schema alias"
                    throw new TranslationError(new Diagnostic(DiagnosticCode.PIG_E014, item.span(),
                            "the FOREACH output has two fields named '" + pigName + "'",
                            "name one of them with AS"));
                }
                if (!item.names().isEmpty() && item.names().get(i).type() != PigType.BYTEARRAY) {
                    value = expressions.cast(value, item.names().get(i).type(), item.names().get(i).span());
                }
                String sqlName = names.unique(pigName != null ? pigName : defaultNames.get(i));
                boolean sameName = value.sql() instanceof SqlExpr.ColumnRef ref && ref.name().equals(sqlName);
                items.add(new SelectItem(value.sql(), sameName ? null : sqlName));
                fields.add(new Field(pigName, null, sqlName, value.type()));
            }
        }
        return new Projection(items, fields);
    }

    /** One GENERATE item gives one field, except {@code *} and {@code FLATTEN(group)}, which give several. */
    private void expand(PigExpr expr, Scope scope, List<Value.Scalar> values, List<String> names) {
        if (expr instanceof PigExpr.Star star) {
            for (Value.Scalar value : scope.star(star.span())) {
                values.add(value);
                names.add(((SqlExpr.ColumnRef) value.sql()).name());
            }
            return;
        }
        if (expr instanceof PigExpr.Flatten flatten) {
            Value inner = expressions.translate(flatten.expr(), scope);
            if (inner instanceof Value.KeyTuple tuple) {
                values.addAll(tuple.keys());
                tuple.fields().forEach(f -> names.add(f.sqlName()));
                return;
            }
            if (inner instanceof Value.Scalar scalar) {
                values.add(scalar);
                names.add(defaultName(flatten.expr(), scalar));
                return;
            }
            throw ExprTranslator.unsupported(flatten.span(), "FLATTEN of a bag is not supported by the Flink SQL translation yet");
        }
        Value.Scalar value = expressions.scalar(expr, scope);
        values.add(value);
        names.add(defaultName(expr, value));
    }

    /** Pig keeps a field's name through a plain projection and names {@code group} so; anything else is unnamed. */
    private static String pigNameOf(PigExpr expr, String fallback) {
        if (expr instanceof PigExpr.FieldRef ref) {
            return ref.name();
        }
        if (expr instanceof PigExpr.Flatten) {
            return fallback;
        }
        if (expr instanceof PigExpr.Cast cast) {
            return pigNameOf(cast.expr(), fallback); // a cast keeps the field's name in Pig's schema
        }
        if (expr instanceof PigExpr.Dereference d && !(d.base() instanceof PigExpr.Call)) {
            return d.field();
        }
        return null;
    }

    /** The SQL column name for an unnamed Pig field: after the column it reads or the aggregate it computes. */
    private static String defaultName(PigExpr expr, Value.Scalar value) {
        if (expr instanceof PigExpr.FieldRef ref && ref.name().equals("group") && value.sql() instanceof SqlExpr.ColumnRef col) {
            return col.name();
        }
        if (value.sql() instanceof SqlExpr.ColumnRef col) {
            return col.name();
        }
        if (expr instanceof PigExpr.Call call) {
            String base = call.function().toLowerCase(java.util.Locale.ROOT);
            if (call.arguments().size() == 1) {
                PigExpr argument = call.arguments().get(0);
                if (argument instanceof PigExpr.Dereference d) {
                    return base + "_" + d.field();
                }
                if (argument instanceof PigExpr.FieldRef f) {
                    return base + "_" + f.name();
                }
            }
            return base;
        }
        return "expr";
    }

    private Relation group(String alias, PigRelation.Group group) {
        Relation.Named input = named(group.input(), group.span());
        Scope scope = new Scope.Plain(input, null);
        List<SqlExpr> keys = new ArrayList<>();
        List<Field> keyFields = new ArrayList<>();
        for (PigExpr key : group.keys()) {
            Value.Scalar value = expressions.scalar(key, scope);
            keys.add(value.sql());
            String name = key instanceof PigExpr.FieldRef ref ? ref.name() : null;
            String sqlName = value.sql() instanceof SqlExpr.ColumnRef col ? col.name() : "group_key_" + (keyFields.size() + 1);
            keyFields.add(new Field(name, null, sqlName, value.type()));
        }
        if (uses.consumers(statementIndex).isEmpty()) {
            diagnostics.report(DiagnosticCode.PIG_W001, group.span(), "'" + alias + "' is never used");
        }
        return new Relation.Grouped(input, group.input(), keys, keyFields, group.span());
    }

    private Relation join(String alias, PigRelation.Join join) {
        if (join.joinInputs().size() != 2) {
            throw ExprTranslator.unsupported(join.span(), "a JOIN of more than two relations is not supported by the Flink SQL translation yet");
        }
        PigRelation.JoinInput leftInput = join.joinInputs().get(0);
        PigRelation.JoinInput rightInput = join.joinInputs().get(1);
        if (leftInput.keys().size() != rightInput.keys().size()) {
            throw new TranslationError(Diagnostic.of(DiagnosticCode.PIG_E013, join.span(), "the JOIN inputs have different numbers of keys"));
        }
        Relation.Named left = named(leftInput.alias(), leftInput.span());
        Relation.Named right = named(rightInput.alias(), rightInput.span());
        SqlExpr condition = null;
        for (int i = 0; i < leftInput.keys().size(); i++) {
            Value.Scalar l = expressions.scalar(leftInput.keys().get(i), new Scope.Plain(left, left.sqlName()));
            Value.Scalar r = expressions.scalar(rightInput.keys().get(i), new Scope.Plain(right, right.sqlName()));
            SqlExpr equal = new SqlExpr.Binary("=", l.sql(), r.sql());
            condition = condition == null ? equal : new SqlExpr.Binary("AND", condition, equal);
        }
        // A name both sides have becomes alias_name in SQL; Pig scripts reach it as alias::name.
        Map<String, Integer> counts = new HashMap<>();
        for (Field f : left.fields()) {
            counts.merge(f.sqlName().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        for (Field f : right.fields()) {
            counts.merge(f.sqlName().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        List<SelectItem> items = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        Names names = new Names();
        joinSide(leftInput.alias(), left, counts, names, items, fields);
        joinSide(rightInput.alias(), right, counts, names, items, fields);
        String type = switch (join.type()) {
            case INNER -> "JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL JOIN";
        };
        SqlQuery query = new SqlQuery(false, items, new SqlQuery.JoinRef(left.sqlName(), type, right.sqlName(), condition),
                null, List.of(), List.of(), null);
        return view(alias, join.span(), query, fields);
    }

    private static void joinSide(String pigAlias, Relation.Named side, Map<String, Integer> counts, Names names,
                                 List<SelectItem> items, List<Field> fields) {
        for (Field f : side.fields()) {
            boolean clash = counts.get(f.sqlName().toLowerCase(java.util.Locale.ROOT)) > 1;
            String sqlName = names.unique(clash ? pigAlias + "_" + f.sqlName() : f.sqlName());
            SqlExpr column = new SqlExpr.ColumnRef(side.sqlName(), f.sqlName());
            items.add(new SelectItem(column, sqlName.equals(f.sqlName()) ? null : sqlName));
            fields.add(new Field(f.pigName(), pigAlias, sqlName, f.type()));
        }
    }

    private Relation order(String alias, PigRelation.Order order) {
        Relation.Named input = named(order.input(), order.span());
        Scope scope = new Scope.Plain(input, null);
        List<OrderItem> ordering = new ArrayList<>();
        for (PigRelation.OrderKey key : order.keys()) {
            if (key.expr() instanceof PigExpr.Star) {
                throw ExprTranslator.unsupported(key.expr().span(), "ORDER BY * is not supported by the Flink SQL translation yet");
            }
            ordering.add(new OrderItem(expressions.scalar(key.expr(), scope).sql(), key.descending()));
        }
        if (!uses.onlyConsumerIsLimitOrStore(statementIndex)) {
            throw ExprTranslator.unsupported(order.span(), "an ORDER read by anything but one LIMIT or STORE is not"
                    + " supported by the Flink SQL translation yet (Flink cannot expand a view with ORDER BY)");
        }
        return new Relation.Ordered(input, ordering, null, List.of(order.span()));
    }

    /** LIMIT folds into the STORE that reads it: Flink cannot expand a view that has LIMIT. */
    private Relation limit(String alias, PigRelation.Limit limit) {
        long count = limitCount(limit.count());
        if (!uses.onlyConsumerIsStore(statementIndex)) {
            throw ExprTranslator.unsupported(limit.span(), "a LIMIT read by anything but one STORE is not supported by"
                    + " the Flink SQL translation yet (Flink cannot expand a view with LIMIT)");
        }
        Relation input = relationOf(limit.input(), limit.span());
        if (input instanceof Relation.Ordered ordered && ordered.limit() == null) {
            List<SourceSpan> spans = new ArrayList<>(ordered.spans());
            spans.add(limit.span());
            return new Relation.Ordered(ordered.input(), ordered.ordering(), count, spans);
        }
        Relation.Named named = named(limit.input(), limit.span());
        diagnostics.report(DiagnosticCode.PIG_W002, limit.span(),
                "LIMIT without ORDER keeps arbitrary rows: Pig and Flink may keep different ones",
                "ORDER the relation first if the choice matters");
        return new Relation.Ordered(named, List.of(), count, List.of(limit.span()));
    }

    private static long limitCount(PigExpr count) {
        if (count instanceof PigExpr.Literal literal && literal.value() instanceof Number n) {
            return n.longValue();
        }
        throw ExprTranslator.unsupported(count.span(), "LIMIT with an expression is not supported by the Flink SQL translation yet");
    }

    private void store(PigStatement.Store store) {
        String delimiter = storageDelimiter(store.function(), store.span());
        Relation input = relationOf(store.alias(), store.span());
        Relation.Ordered ordered = input instanceof Relation.Ordered o ? o
                : new Relation.Ordered(named(store.alias(), store.span()), List.of(), null, List.of());
        Relation.Named source = ordered.input();
        List<Column> columns = new ArrayList<>();
        for (Field field : source.fields()) {
            columns.add(new Column(field.sqlName(), PigTypes.columnType(field.type()).orElseThrow()));
        }
        String sink = tableName(store.alias() + "_store");
        boolean sorted = !ordered.ordering().isEmpty();
        sinks.add(new SqlJob.Table(sink, columns, bindParameters(store.path(), parameters), delimiter, sorted, store.span()));
        SqlQuery query = withOrder(SqlQuery.selectAll(source.sqlName()), ordered.ordering(), ordered.limit());
        inserts.add(new SqlJob.Insert(sink, query, store.span(), ordered.spans()));
    }

    private Relation relationOf(String alias, SourceSpan span) {
        Relation relation = aliases.get(alias);
        if (relation == null && failedAliases.contains(alias)) {
            throw TranslationError.followOn(alias);
        }
        if (relation == null) {
            String hint = aliases.keySet().stream()
                    .filter(a -> Names.editDistance(a, alias) <= 2)
                    .sorted()
                    .findFirst()
                    .map(a -> " (did you mean '" + a + "'?)")
                    .orElse("");
            throw new TranslationError(Diagnostic.of(DiagnosticCode.PIG_E010, span, "unknown alias '" + alias + "'" + hint));
        }
        return relation;
    }

    private Relation.Named named(String alias, SourceSpan span) {
        Relation relation = relationOf(alias, span);
        if (relation instanceof Relation.Named named) {
            return named;
        }
        if (relation instanceof Relation.Ordered ordered) {
            return ordered.input();
        }
        throw ExprTranslator.unsupported(span, "'" + alias + "' is a grouped relation (bags); only FOREACH ... GENERATE with"
                + " aggregates over it is supported by the Flink SQL translation yet");
    }

    private Relation.Named view(String alias, SourceSpan span, SqlQuery query, List<Field> fields) {
        return view(alias, List.of(span), query, fields);
    }

    private Relation.Named view(String alias, List<SourceSpan> spans, SqlQuery query, List<Field> fields) {
        String name = tableName(alias);
        List<Column> columns = new ArrayList<>();
        for (Field field : fields) {
            columns.add(new Column(field.sqlName(), PigTypes.columnType(field.type()).orElseThrow()));
        }
        views.add(new SqlJob.View(name, spans, query, columns));
        // Fields keep the qualifier a JOIN gave them: Pig names them alias::name until a FOREACH renames them.
        return new Relation.Named(name, List.copyOf(fields));
    }

    /** An alias assigned twice in Pig names two views: {@code a}, then {@code a_2}. */
    private String tableName(String alias) {
        int n = viewNames.merge(alias, 1, Integer::sum);
        return tableNames.unique(n == 1 ? alias : alias + "_" + n);
    }

    private static SqlQuery withWhere(SqlQuery q, SqlExpr where) {
        return new SqlQuery(q.distinct(), q.items(), q.from(), where, q.groupBy(), q.orderBy(), q.limit());
    }

    private static SqlQuery withOrder(SqlQuery q, List<OrderItem> ordering, Long limit) {
        return new SqlQuery(q.distinct(), q.items(), q.from(), q.where(), q.groupBy(), ordering, limit);
    }

    /**
     * Pig substitutes {@code $NAME} and {@code ${NAME}} everywhere in the script text; in the SQL
     * they become {@code ${NAME}}, which the job runner binds. {@code \$} stays a literal dollar.
     */
    static String bindParameters(String text, java.util.Set<String> parameters) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            parameters.add(name);
            m.appendReplacement(out, Matcher.quoteReplacement("${" + name + "}"));
        }
        m.appendTail(out);
        return out.toString().replace("\\$", "$");
    }
}
