package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A UNION (without ONSCHEMA) of relations whose schemas do not merge, as of a different number of
 * fields: Pig gives it no schema, and each row keeps its own fields. Ferry holds such rows as it holds
 * the lines of a LOAD without AS: one bytearray column of the row's fields as text, in Pig's text form
 * (a null field empty), joined by the delimiter; {@code $n} splits it and a STORE writes it as it is.
 * A bag, tuple or map field (no text form here) stays a TODO. Left as it is: a chararray value holding the
 * delimiter is one field in Pig and splits in two here (a PigStorage LOAD on that delimiter never gives one).
 */
final class SchemalessUnion {

    /**
     * The delimiter of the rows' text: PigStorage's tab, which no field a tab-delimited LOAD read holds (a comma
     * would split the text fields of a typical typed input); a LOAD without AS on another delimiter is re-joined
     * by tabs, differing from Pig where one of its fields holds a tab (warned).
     */
    static String delimiter(List<Relation.Named> inputs, ExprTranslator expressions, SourceSpan span) {
        if (inputs.stream()
                .flatMap(input -> input.fields().stream())
                .anyMatch(
                        f -> f.isRest() && !f.isRowArray() && !f.restDelimiter().equals(TAB))) {
            expressions.warnDiffers(
                    span,
                    "UNION",
                    PigFunctionTable.DIFFERS
                            + "the union has no schema, so each row is held as its fields' text joined by tabs; a field"
                            + " of an input read on another delimiter that holds a tab is split in two here");
        }
        return TAB;
    }

    private static final String TAB = "\t";

    /** The union's one field: each row's fields as delimited text. */
    static Field line(String delimiter) {
        return new Field(null, null, "line", PigType.BYTEARRAY, delimiter);
    }

    private SchemalessUnion() {}

    /** {@code SELECT CONCAT_WS(delimiter, COALESCE(text of f0, ''), ...) AS line FROM input}. */
    static SqlQuery select(Relation.Named input, String delimiter, ExprTranslator expressions, SourceSpan span) {
        List<SqlExpr> texts = new ArrayList<>();
        for (Field f : input.fields()) {
            SqlExpr column = SqlExpr.ColumnRef.of(f.sqlName());
            if (f.isRowArray()) {
                column = RowArray.joined(column, delimiter);
            } else if (f.isRest() && !f.restDelimiter().equals(delimiter)) {
                column = SqlExpr.Call.of(
                        "REPLACE", column, SqlExpr.Literal.text(f.restDelimiter()), SqlExpr.Literal.text(delimiter));
            }
            SqlExpr text = f.type() == PigType.CHARARRAY || f.type() == PigType.BYTEARRAY
                    ? column
                    : expressions
                            .cast(new Value.Scalar(column, f.type()), PigType.CHARARRAY, span)
                            .sql();
            // CONCAT_WS skips a null argument; Pig writes an empty field in its place.
            texts.add(SqlExpr.Call.of("COALESCE", text, SqlExpr.Literal.text("")));
        }
        List<SqlExpr> arguments = new ArrayList<>();
        arguments.add(SqlExpr.Literal.text(delimiter));
        arguments.addAll(texts);
        return SqlQuery.Select.of(
                List.of(new SqlQuery.SelectItem(new SqlExpr.Call("CONCAT_WS", arguments), "line")),
                new SqlQuery.TableRef(input.sqlName()));
    }
}
