package dev.ferry.runtime.pigudf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pig.EvalFunc;
import org.apache.pig.FuncSpec;
import org.apache.pig.builtin.Utf8StorageConverter;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.FrontendException;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/**
 * The casts Pig puts before a UDF's bytearray arguments (TypeCheckingExpVisitor's visit of a UserFuncExpression):
 * when the UDF lists the input schemas it takes ({@code getArgToFuncMapping}) and none is the call's exactly, the one
 * schema whose other fields are the call's exactly gives each bytearray argument its type, and Pig casts it with the
 * loader's caster (Utf8StorageConverter for the text loaders: PigStorage, TextLoader, piggybank's RegExLoaders). So a
 * piggybank function taking a chararray gets a String where a LOAD without types gave a DataByteArray. A UDF that
 * lists no schemas gets the DataByteArray, as in Pig.
 */
final class ArgumentCasts {

    private static final Utf8StorageConverter CASTER = new Utf8StorageConverter();

    private final List<Schema> schemas;

    private ArgumentCasts(List<Schema> schemas) {
        this.schemas = schemas;
    }

    /** The casts for calls of {@code function}: none when it lists no input schemas. */
    static ArgumentCasts of(EvalFunc<?> function) {
        List<FuncSpec> specs;
        try {
            specs = function.getArgToFuncMapping();
        } catch (FrontendException e) {
            throw new IllegalStateException(
                    "the Pig UDF " + function.getClass().getName() + " failed to list its input schemas", e);
        }
        List<Schema> schemas = new ArrayList<>();
        if (specs != null) {
            specs.stream()
                    .map(FuncSpec::getInputArgsSchema)
                    .filter(s -> s != null)
                    .forEach(schemas::add);
        }
        return new ArgumentCasts(schemas);
    }

    /** The input tuple with its bytearray fields cast as Pig casts them for this UDF. */
    Tuple apply(Tuple input) throws IOException {
        if (schemas.isEmpty() || !hasBytes(input)) {
            return input;
        }
        Schema target = null;
        for (Schema schema : schemas) {
            if (matches(schema, input, false)) {
                return input; // a schema of the call's types as they are: no cast
            }
        }
        for (Schema schema : schemas) {
            if (matches(schema, input, true)) {
                if (target != null) {
                    return input; // several fit: Pig refuses the script (ERROR 1046), which cannot reach here
                }
                target = schema;
            }
        }
        if (target == null) {
            return input;
        }
        List<Object> fields = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            Object value = input.get(i);
            byte type = target.getField(i).type;
            fields.add(
                    value instanceof DataByteArray && DataType.isAtomic(type)
                            ? LoadedTuples.cast(value, type, CASTER, "the LOAD")
                            : value);
        }
        return TupleFactory.getInstance().newTuple(fields);
    }

    private static boolean hasBytes(Tuple input) throws IOException {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) instanceof DataByteArray) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether each field of the call is of the schema's type; {@code skipBytes}: a bytearray field fits any. A null
     * fits any type (its declared type is not in the value; it needs no cast).
     */
    private static boolean matches(Schema schema, Tuple input, boolean skipBytes) throws IOException {
        if (schema.size() != input.size()) {
            return false;
        }
        for (int i = 0; i < input.size(); i++) {
            Object value = input.get(i);
            if (value == null || skipBytes && value instanceof DataByteArray) {
                continue;
            }
            if (DataType.findType(value) != schema.getField(i).type) {
                return false;
            }
        }
        return true;
    }
}
