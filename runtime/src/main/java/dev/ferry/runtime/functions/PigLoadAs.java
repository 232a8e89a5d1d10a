package dev.ferry.runtime.functions;

import dev.ferry.runtime.pig.LoadCasts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code T(i,c)} a tuple, with one letter per simple field (i int, l long, f float, d double, c chararray,
 * a bytearray), {@code M} per map field and a nested {@code B(...)} or {@code T(...)} per bag or tuple field.
 *
 * <p>Pig's reading, kept here: anything before the '{' (or '(') is skipped; a tuple's field is the
 * bytes up to the next ',' (')' for the last field), with no regard to nesting, converted as a LOAD
 * converts (an unparsable number is null, an empty chararray stays empty); a bag, tuple or map field is
 * read by its own rules, then anything up to the delimiter skipped; between tuples, anything up to ',' or
 * '}' is skipped; "{}" is an empty bag; text that ends early makes the whole field null.
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
            return complex(in, Shape.parse(shape));
        } catch (Malformed e) {
            return null;
        }
    }

    /**
     * A field's shape: a letter for a simple type (i, l, f, d, c, a), {@code M} for a map (of text values),
     * {@code B(...)} a bag of tuples of those fields, {@code T(...)} a tuple of them.
     */
    record Shape(char kind, List<Shape> fields) {

        static Shape parse(String text) {
            if (text == null || text.isEmpty()) {
                throw invalid(text);
            }
            int[] pos = {0};
            Shape shape = parse(text, pos);
            if (pos[0] != text.length()) {
                throw invalid(text);
            }
            return shape;
        }

        private static Shape parse(String text, int[] pos) {
            if (pos[0] >= text.length()) {
                throw invalid(text);
            }
            char kind = text.charAt(pos[0]++);
            if (kind != 'B' && kind != 'T') {
                if ("ilfdcaM".indexOf(kind) < 0) {
                    throw invalid(text);
                }
                return new Shape(kind, List.of());
            }
            if (pos[0] >= text.length() || text.charAt(pos[0]++) != '(') {
                throw invalid(text);
            }
            List<Shape> fields = new ArrayList<>();
            while (true) {
                fields.add(parse(text, pos));
                if (pos[0] >= text.length()) {
                    throw invalid(text);
                }
                char next = text.charAt(pos[0]++);
                if (next == ')') {
                    return new Shape(kind, List.copyOf(fields));
                }
                if (next != ',') {
                    throw invalid(text);
                }
            }
        }

        private static ValidationException invalid(String text) {
            return new ValidationException(
                    "PIG_LOAD_AS needs a literal shape such as 'B(i,c)', 'T(i,B(c),M)', got " + text);
        }

        boolean isComplex() {
            return kind == 'B' || kind == 'T' || kind == 'M';
        }
    }

    /** Utf8StorageConverter.consumeComplexType. */
    private static Object complex(Cursor in, Shape shape) throws Malformed {
        return switch (shape.kind()) {
            case 'B' -> bag(in, shape);
            case 'T' -> tupleOrEnd(in, shape);
            default -> map(in);
        };
    }

    private static Row[] bag(Cursor in, Shape shape) throws Malformed {
        in.skipPast('{');
        List<Row> bag = new ArrayList<>();
        while (true) {
            Row tuple = tupleOrEnd(in, shape);
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

    /** A tuple, or null (the '}' left unread) when a bag ends before one starts. */
    private static Row tupleOrEnd(Cursor in, Shape shape) throws Malformed {
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
        List<Shape> fields = shape.fields();
        Row row = new Row(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            char delimiter = i == fields.size() - 1 ? ')' : ',';
            Shape field = fields.get(i);
            if (field.isComplex()) {
                // A bag, tuple or map field is read by its own rules, then anything up to the delimiter skipped.
                row.setField(i, complex(in, field));
                in.skipPast(delimiter);
                continue;
            }
            StringBuilder value = new StringBuilder();
            int c;
            while ((c = in.read()) != delimiter) {
                value.append((char) c);
            }
            row.setField(i, convert(value.toString(), field.kind()));
        }
        return row;
    }

    /**
     * Utf8StorageConverter.consumeMap of Pig 0.18: {@code [k#v,k2#v2]} ({@code []} empty), a value's text kept
     * whole (brackets nested in it), an empty value null; an empty key, a closing bracket nothing opened or an
     * early end make the field null.
     */
    private static Map<String, String> map(Cursor in) throws Malformed {
        in.skipPast('[');
        Map<String, String> map = new HashMap<>();
        boolean first = true;
        while (true) {
            StringBuilder key = new StringBuilder();
            int c;
            while ((c = in.read()) != '#') {
                if (first && c == ']') {
                    return map; // "[]": Pig 0.18 reads an empty map
                }
                first = false;
                key.append((char) c);
            }
            if (key.length() == 0) {
                throw new Malformed();
            }
            StringBuilder value = new StringBuilder();
            Deque<Character> level = new ArrayDeque<>();
            while (true) {
                c = in.read();
                if (c == '[' || c == '{' || c == '(') {
                    level.push((char) c);
                } else if (c == ']' && level.isEmpty()) {
                    break;
                } else if (c == ']' || c == '}' || c == ')') {
                    if (level.isEmpty()) {
                        throw new Malformed();
                    }
                    if (level.peek() == opening((char) c)) {
                        level.pop(); // a closing bracket of another kind is kept as text, as Pig 0.18 keeps it
                    }
                } else if (c == ',' && level.isEmpty()) {
                    break;
                }
                value.append((char) c);
            }
            map.put(key.toString(), value.length() == 0 ? null : value.toString());
            if (c == ']') {
                return map;
            }
        }
    }

    private static char opening(char closing) {
        return closing == ']' ? '[' : closing == '}' ? '{' : '(';
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

    /**
     * The Flink type of a shape: a tuple is a ROW whose fields are named as Flink names those of a ROW(...)
     * constructor (EXPR$0, EXPR$1...), so that the translation reads a loaded tuple and a built one alike; a
     * bag is an ARRAY of ROWs of fields f0, f1... as the translation's bag constructors cast them; a map's
     * values are text.
     */
    static DataType typeOf(String shape) {
        Shape parsed = Shape.parse(shape);
        if (!parsed.isComplex() || parsed.kind() == 'M') {
            throw Shape.invalid(shape);
        }
        return typeOf(parsed);
    }

    private static DataType typeOf(Shape shape) {
        return switch (shape.kind()) {
            case 'i' -> DataTypes.INT();
            case 'l' -> DataTypes.BIGINT();
            case 'f' -> DataTypes.FLOAT();
            case 'd' -> DataTypes.DOUBLE();
            case 'c', 'a' -> DataTypes.STRING();
            case 'M' -> DataTypes.MAP(DataTypes.STRING(), DataTypes.STRING());
            default -> {
                List<DataTypes.Field> row = new ArrayList<>();
                for (int i = 0; i < shape.fields().size(); i++) {
                    row.add(DataTypes.FIELD(
                            (shape.kind() == 'T' ? "EXPR$" : "f") + i,
                            typeOf(shape.fields().get(i))));
                }
                DataType tuple =
                        DataTypes.ROW(row.toArray(DataTypes.Field[]::new)).bridgedTo(Row.class);
                yield shape.kind() == 'B' ? DataTypes.ARRAY(tuple).bridgedTo(Row[].class) : tuple;
            }
        };
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
