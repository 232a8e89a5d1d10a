package dev.ferry.runtime.functions;

import dev.ferry.runtime.pig.LoadCasts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.types.Row;

/**
 * {@code PIG_LOAD_AS(text, shape)}: a LOAD's {@code b:bag{(x:int, y:chararray)}} or
 * {@code t:tuple(x:int, y:chararray)} field, read from its text as Pig 0.18's Utf8StorageConverter
 * (bytesToBag / bytesToTuple) reads it. The shape is a literal: {@code B(i,c)} a bag of tuples,
 * {@code T(i,c)} a tuple, with one letter per field (i int, l long, f float, d double, c chararray,
 * a bytearray).
 *
 * <p>Pig's reading, kept here: anything before the '{' (or '(') is skipped; a tuple's field is the
 * bytes up to the next ',' (')' for the last field), with no regard to nesting, converted as a LOAD
 * converts (an unparsable number is null, an empty chararray stays empty); between tuples, anything
 * up to ',' or '}' is skipped; "{}" is an empty bag; text that ends early makes the whole field null.
 */
public final class PigLoadAs extends ScalarFunction {

    /** Thrown where Pig's parser throws (and Pig then discards the field). */
    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    public Object eval(String text, String shape) {
        if (text == null) {
            return null;
        }
        Cursor in = new Cursor(text);
        try {
            return shape.charAt(0) == 'B' ? bag(in, fields(shape)) : tuple(in, fields(shape));
        } catch (Malformed e) {
            return null;
        }
    }

    private static Row[] bag(Cursor in, String fields) throws Malformed {
        in.skipPast('{');
        List<Row> bag = new ArrayList<>();
        while (true) {
            Row tuple = tupleOrEnd(in, fields);
            if (tuple != null) {
                bag.add(tuple);
            }
            int c;
            do {
                c = in.read();
            } while (c != '}' && c != ',');
            if (c == '}') {
                return bag.toArray(Row[]::new);
            }
        }
    }

    /** A tuple, or null (the '}' left unread) when the bag ends before one starts. */
    private static Row tupleOrEnd(Cursor in, String fields) throws Malformed {
        while (true) {
            int c = in.read();
            if (c == '(') {
                break;
            }
            if (c == '}') {
                in.unread();
                return null;
            }
        }
        return fieldsUntilClose(in, fields);
    }

    private static Row tuple(Cursor in, String fields) throws Malformed {
        in.skipPast('(');
        return fieldsUntilClose(in, fields);
    }

    private static Row fieldsUntilClose(Cursor in, String fields) throws Malformed {
        Row row = new Row(fields.length());
        for (int i = 0; i < fields.length(); i++) {
            char delimiter = i == fields.length() - 1 ? ')' : ',';
            StringBuilder value = new StringBuilder();
            int c;
            while ((c = in.read()) != delimiter) {
                value.append((char) c);
            }
            row.setField(i, convert(value.toString(), fields.charAt(i)));
        }
        return row;
    }

    private static Object convert(String text, char type) {
        return switch (type) {
            case 'i' -> LoadCasts.toInteger(text);
            case 'l' -> LoadCasts.toLong(text);
            case 'f' -> LoadCasts.toFloat(text);
            case 'd' -> LoadCasts.toDouble(text);
            case 'c', 'a' -> text;
            default -> throw new ValidationException("unknown field type '" + type + "' in a PIG_LOAD_AS shape");
        };
    }

    /** {@code B(i,c)} → "ic". */
    private static String fields(String shape) {
        return shape.substring(2, shape.length() - 1).replace(",", "");
    }

    private static DataType type(char field) {
        return switch (field) {
            case 'i' -> DataTypes.INT();
            case 'l' -> DataTypes.BIGINT();
            case 'f' -> DataTypes.FLOAT();
            case 'd' -> DataTypes.DOUBLE();
            case 'c', 'a' -> DataTypes.STRING();
            default -> throw new ValidationException("unknown field type '" + field + "' in a PIG_LOAD_AS shape");
        };
    }

    /**
     * The Flink type of a shape: a tuple is a ROW whose fields are named as Flink names those of a ROW(...)
     * constructor (EXPR$0, EXPR$1...), so that the translation reads a loaded tuple and a built one alike; a
     * bag is an ARRAY of ROWs of fields f0, f1... as the translation's bag constructors cast them.
     */
    static DataType typeOf(String shape) {
        if (shape == null
                || shape.length() < 3
                || (shape.charAt(0) != 'B' && shape.charAt(0) != 'T')
                || shape.charAt(1) != '('
                || !shape.endsWith(")")) {
            throw new ValidationException(
                    "PIG_LOAD_AS needs a literal shape such as 'B(i,c)' or 'T(i,c)', got " + shape);
        }
        String fields = fields(shape);
        List<DataTypes.Field> row = new ArrayList<>();
        for (int i = 0; i < fields.length(); i++) {
            row.add(DataTypes.FIELD((shape.charAt(0) == 'T' ? "EXPR$" : "f") + i, type(fields.charAt(i))));
        }
        DataType tuple = DataTypes.ROW(row.toArray(DataTypes.Field[]::new)).bridgedTo(Row.class);
        return shape.charAt(0) == 'B' ? DataTypes.ARRAY(tuple).bridgedTo(Row[].class) : tuple;
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.sequence(
                        InputTypeStrategies.explicit(DataTypes.STRING()), InputTypeStrategies.LITERAL))
                .outputTypeStrategy(call -> Optional.of(
                        typeOf(call.getArgumentValue(1, String.class).orElse(null))))
                .build();
    }

    /** The text read one character at a time; reading past the end is Pig's "Unexpect end". */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        int read() throws Malformed {
            if (pos >= text.length()) {
                throw new Malformed();
            }
            return text.charAt(pos++);
        }

        void unread() {
            pos--;
        }

        void skipPast(char c) throws Malformed {
            while (read() != c) {
                // Pig skips whatever comes first.
            }
        }
    }
}
