package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How many fields a LOAD without AS needs when the script reads it only by position ({@code LOAD 'x' USING
 * CSVExcelStorage(',')}, then {@code FOREACH x GENERATE (int)$1, (chararray)$17}). Pig gives such a LOAD no schema:
 * each field is a bytearray and {@code $n} of a tuple with n fields or fewer is null. When every use of the relation
 * is a FOREACH (or a FILTER whose rows are used so in turn) that names the loaded fields only as {@code $n} — never
 * {@code *} or a range, never stored, dumped, joined or ordered whole, where the tuple's full width would show — or
 * a GROUP by {@code $n} whose bags are only counted or read as {@code bag.$n}, the highest n read is all the table
 * has to hold: its fields are {@code $0..$n}, bytearrays.
 */
final class PositionalWidth {

    /** Commands that only print about a relation; they change no row. */
    private static final Set<String> PRINTING = Set.of("DESCRIBE", "EXPLAIN", "ILLUSTRATE");

    private PositionalWidth() {}

    /** For each LOAD without AS read only by position: the number of fields its table needs. */
    static Map<PigRelation.Load, Integer> of(List<PigStatement> statements) {
        Map<PigRelation.Load, Integer> widths = new IdentityHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof PigStatement.Assign assign
                    && assign.relation() instanceof PigRelation.Load load
                    && load.schema().isEmpty()) {
                OptionalInt highest = highestRead(statements, i, assign.alias());
                if (highest.isPresent()) {
                    widths.put(load, highest.getAsInt() + 1);
                }
            }
        }
        return widths;
    }

    /**
     * The highest {@code $n} the statements after {@code from} read of {@code alias} (until it is assigned again),
     * empty when a use needs more than the fields read by position, or none reads any.
     */
    private static OptionalInt highestRead(List<PigStatement> statements, int from, String alias) {
        int highest = -1;
        for (int j = from + 1; j < statements.size(); j++) {
            PigStatement statement = statements.get(j);
            if (statement instanceof PigStatement.Assign assign) {
                PigRelation relation = assign.relation();
                if (relation.inputs().contains(alias)) {
                    OptionalInt read = relation instanceof PigRelation.Foreach foreach
                            ? readByGenerate(foreach.items())
                            : relation instanceof PigRelation.Filter filter
                                    ? max(positions(filter.condition()), highestRead(statements, j, assign.alias()))
                                    : relation instanceof PigRelation.Group group && !group.all()
                                            ? max(
                                                    keys(group.keys()),
                                                    readOfGroups(statements, j, assign.alias(), alias))
                                            : OptionalInt.empty();
                    if (read.isEmpty()) {
                        return OptionalInt.empty();
                    }
                    highest = Math.max(highest, read.getAsInt());
                }
                if (assign.alias().equals(alias)) {
                    break;
                }
            } else if (uses(statement, alias)) {
                return OptionalInt.empty();
            }
        }
        return highest < 0 ? OptionalInt.empty() : OptionalInt.of(highest);
    }

    /** The highest {@code $n} GROUP keys read, empty for {@code *} or a range. */
    private static OptionalInt keys(List<PigExpr> keys) {
        OptionalInt highest = OptionalInt.of(-1);
        for (PigExpr key : keys) {
            highest = max(highest, positions(key));
        }
        return highest;
    }

    /**
     * A GROUP of the LOAD by position ({@code GROUP x BY $14}) keeps the width hidden when every use of the groups
     * is a flat FOREACH that reads the bag {@code x} (or {@code $1}) only through {@code COUNT}, {@code COUNT_STAR},
     * {@code SIZE} or {@code IsEmpty} of it, or as {@code x.$n} projections: the highest such n, else empty.
     */
    private static OptionalInt readOfGroups(List<PigStatement> statements, int from, String groups, String bag) {
        int highest = -1;
        for (int j = from + 1; j < statements.size(); j++) {
            PigStatement statement = statements.get(j);
            if (statement instanceof PigStatement.Assign assign) {
                if (assign.relation().inputs().contains(groups)) {
                    if (!(assign.relation() instanceof PigRelation.Foreach foreach)) {
                        return OptionalInt.empty();
                    }
                    for (PigRelation.GenerateItem item : foreach.items()) {
                        OptionalInt read = readOfBag(item.expr(), bag);
                        if (read.isEmpty()) {
                            return read;
                        }
                        highest = Math.max(highest, read.getAsInt());
                    }
                }
                if (assign.alias().equals(groups)) {
                    break;
                }
            } else if (uses(statement, groups)) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(highest);
    }

    /** Functions of a bag that read only how many tuples it has. */
    private static final Set<String> COUNTING = Set.of("COUNT", "COUNT_STAR", "SIZE", "ISEMPTY");

    /** The highest {@code bag.$n} an expression over the groups reads (-1 for none), empty when it reads the bag whole. */
    private static OptionalInt readOfBag(PigExpr expr, String bag) {
        if (expr instanceof PigExpr.Projection projection && isBag(projection.base(), bag)) {
            OptionalInt highest = OptionalInt.of(-1);
            for (PigExpr column : projection.columns()) {
                highest = column instanceof PigExpr.PositionalRef ref
                        ? max(highest, OptionalInt.of(ref.index()))
                        : OptionalInt.empty();
            }
            return highest;
        }
        if (expr instanceof PigExpr.Call call
                && COUNTING.contains(call.function().toUpperCase(Locale.ROOT))
                && call.arguments().size() == 1
                && isBag(call.arguments().get(0), bag)) {
            return OptionalInt.of(-1);
        }
        if (isBag(expr, bag) || expr instanceof PigExpr.Star || expr instanceof PigExpr.ColumnRange) {
            return OptionalInt.empty();
        }
        OptionalInt highest = OptionalInt.of(-1);
        for (PigExpr child : PigExpr.children(expr)) {
            highest = max(highest, readOfBag(child, bag));
        }
        return highest;
    }

    /** The groups' bag: by the LOAD's alias, or as {@code $1}. */
    private static boolean isBag(PigExpr expr, String bag) {
        return expr instanceof PigExpr.FieldRef ref
                        && ref.qualifier() == null
                        && ref.name().equals(bag)
                || expr instanceof PigExpr.PositionalRef position && position.index() == 1;
    }

    private static boolean uses(PigStatement statement, String alias) {
        if (statement instanceof PigStatement.Command command) {
            return !PRINTING.contains(command.keyword()) && command.argument().equals(alias);
        }
        return statement instanceof PigStatement.Store store && store.alias().equals(alias)
                || statement instanceof PigStatement.Split split
                        && split.input().equals(alias)
                || statement instanceof PigStatement.Assert check
                        && check.input().equals(alias)
                || statement instanceof PigStatement.MacroCall call
                        && call.arguments().contains(alias);
    }

    private static OptionalInt readByGenerate(List<PigRelation.GenerateItem> items) {
        int highest = -1;
        for (PigRelation.GenerateItem item : items) {
            OptionalInt read = positions(item.expr());
            if (read.isEmpty()) {
                return read;
            }
            highest = Math.max(highest, read.getAsInt());
        }
        return OptionalInt.of(highest);
    }

    /**
     * The highest {@code $n} of the input an expression reads (-1 for none), empty when it reads the whole tuple
     * ({@code *}, a range). A {@code $n} inside a projection's columns ({@code bag.$1}) is a field of that bag.
     */
    private static OptionalInt positions(PigExpr expr) {
        if (expr == null) {
            return OptionalInt.of(-1);
        }
        if (expr instanceof PigExpr.Star || expr instanceof PigExpr.ColumnRange) {
            return OptionalInt.empty();
        }
        if (expr instanceof PigExpr.PositionalRef ref) {
            return OptionalInt.of(ref.index());
        }
        List<PigExpr> children =
                expr instanceof PigExpr.Projection projection ? List.of(projection.base()) : PigExpr.children(expr);
        OptionalInt highest = OptionalInt.of(-1);
        for (PigExpr child : children) {
            highest = max(highest, positions(child));
            if (highest.isEmpty()) {
                return highest;
            }
        }
        return highest;
    }

    private static OptionalInt max(OptionalInt a, OptionalInt b) {
        return a.isEmpty() || b.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Math.max(a.getAsInt(), b.getAsInt()));
    }
}
