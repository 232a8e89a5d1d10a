package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import dev.ferry.translator.sql.SqlType;
import java.util.List;
import java.util.Optional;

/**
 * A FOREACH whose GENERATE flattens a tuple of unknown width without AS ({@code FLATTEN(STRSPLIT(s, ','))},
 * {@code FLATTEN(REGEX_EXTRACT_ALL(line, p))}): Pig gives it no schema, and each row has its own width — the
 * tuple's fields, or one null field for a null tuple (POForEach appends a null that is no tuple as one field;
 * LOGenerate's flattenNumFields pads it to the schema's width only when the schema is known), zero for an empty
 * one. Ferry holds such a row as one ARRAY of its fields' text (Pig's text form, as a STORE writes them): {@code $n}
 * reads element n+1, null past the row's last field as Pig's projection of an absent field; a STORE joins the
 * elements with its delimiter, writing as many fields as the row has.
 */
final class RowArray {

    /** The SQL type of the row. */
    static final SqlType TYPE = new SqlType.Array(SqlType.STRING);

    /** The relation's one field. */
    static Field field() {
        return new Field(null, null, "fields", PigType.BYTEARRAY, Field.ROW_ARRAY);
    }

    private RowArray() {}

    /** True when the GENERATE flattens a tuple whose width Pig does not know, without AS naming its fields. */
    static boolean needed(List<PigRelation.GenerateItem> items) {
        return items.stream()
                .anyMatch(item -> item.names().isEmpty()
                        && item.expr() instanceof PigExpr.Flatten flatten
                        && TupleFlatten.isTextArray(flatten.expr()));
    }

    /**
     * True when the GENERATE flattens {@code (c ? null : t)} without AS: Pig types a bincond whose first branch is
     * the null bytearray, so a row has the tuple's fields, or one null field where the value is null, whatever the tuple's
     * schema. (The FOREACH's schema is then one bytearray in the tuple's place, which names and positions after it
     * read by position in rows that are wider: translated where a STORE alone reads the rows.)
     */
    static boolean flattensNullOrTuple(List<PigRelation.GenerateItem> items) {
        return items.stream()
                .anyMatch(item -> item.names().isEmpty()
                        && item.expr() instanceof PigExpr.Flatten flatten
                        && nullOrTupleBranch(flatten.expr()).isPresent());
    }

    /**
     * The tuple of {@code (c ? null : t)}, if the FLATTEN is of one. Not of {@code (c ? t : null)}: Pig types that
     * bincond as the tuple (the null is cast to it), so its FOREACH has a schema and a null is a null per field.
     */
    static Optional<PigExpr> nullOrTupleBranch(PigExpr flattened) {
        if (flattened instanceof PigExpr.Bincond bincond
                && isNull(bincond.whenTrue())
                && !isNull(bincond.whenFalse())) {
            return Optional.of(bincond.whenFalse());
        }
        return Optional.empty();
    }

    static boolean isNull(PigExpr expr) {
        return expr instanceof PigExpr.Literal literal && literal.value() == null;
    }

    /** The fields of a text array flattened: its elements, one null element for a null array. */
    static SqlExpr flattenedTextArray(SqlExpr array) {
        return SqlExpr.Call.of("COALESCE", array, new SqlExpr.ArrayOf(List.of(nullText())));
    }

    /**
     * The fields of a tuple whose fields are known, flattened: one element per field, or one null element when the
     * tuple is null.
     */
    static SqlExpr flattenedTuple(SqlExpr tuple, List<SqlExpr> fieldTexts) {
        SqlExpr fields = new SqlExpr.ArrayOf(fieldTexts);
        if (tuple instanceof SqlExpr.RowOf) {
            return fields; // a constructor is never null
        }
        return new SqlExpr.Case(
                List.of(new SqlExpr.When(new SqlExpr.IsNull(tuple, false), new SqlExpr.ArrayOf(List.of(nullText())))),
                fields);
    }

    /** Fields that are always there: one element each. */
    static SqlExpr fields(List<SqlExpr> texts) {
        return new SqlExpr.ArrayOf(texts);
    }

    /** The row: the parts one after the other. */
    static SqlExpr row(List<SqlExpr> parts) {
        return parts.size() == 1 ? parts.get(0) : new SqlExpr.Call("ARRAY_CONCAT", parts);
    }

    /** The row as a line of text: its fields joined by {@code delimiter}, a null field empty. */
    static SqlExpr joined(SqlExpr row, String delimiter) {
        return SqlExpr.Call.of("ARRAY_JOIN", row, SqlExpr.Literal.text(delimiter), SqlExpr.Literal.text(""));
    }

    /** A field's value in Pig's text form; a bag, tuple or map (no text form here) is not translated yet. */
    static SqlExpr text(Value.Scalar value, ExprTranslator expressions, SourceSpan span) {
        if (value.type() == PigType.CHARARRAY || value.type() == PigType.BYTEARRAY) {
            return value.sql();
        }
        if (value.type() == PigType.BAG || value.type() == PigType.TUPLE || value.type() == PigType.MAP) {
            throw ExprTranslator.unsupported(
                    span,
                    "a " + value.type().keyword() + " beside a FLATTEN of a tuple of unknown width is not translated"
                            + " yet");
        }
        return expressions.cast(value, PigType.CHARARRAY, span).sql();
    }

    private static SqlExpr nullText() {
        return new SqlExpr.Cast(SqlExpr.Literal.NULL, SqlType.STRING, false);
    }
}
