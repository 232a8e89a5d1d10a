package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The fields of AvroStorage's schema argument ({@code AvroStorage('{"type": "record", ...}')}), as Pig's
 * AvroStorageSchemaConversionUtilities gives them: a record's fields in order, a union with null its other type,
 * string and enum a chararray, bytes and fixed a bytearray, a record a tuple, an array a bag (of a record's fields,
 * or of one unnamed field), a map a map of its values' type. The JSON is read as YAML (JSON is YAML's flow style).
 */
final class AvroSchemaFields {

    private static final Map<String, PigType> PRIMITIVES = Map.of(
            "string", PigType.CHARARRAY,
            "bytes", PigType.BYTEARRAY,
            "int", PigType.INT,
            "long", PigType.LONG,
            "float", PigType.FLOAT,
            "double", PigType.DOUBLE,
            "boolean", PigType.BOOLEAN);

    private AvroSchemaFields() {}

    /** The record's fields; a schema Ferry cannot read is reported at {@code span}. */
    static List<FieldSchema> of(String json, SourceSpan span) {
        Object schema;
        try {
            schema = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        } catch (YAMLException e) {
            throw notRead(span, "it is not JSON");
        }
        if (!(schema instanceof Map<?, ?> record) || !"record".equals(record.get("type"))) {
            throw notRead(span, "it is not a record schema");
        }
        return fields(record, span);
    }

    private static List<FieldSchema> fields(Map<?, ?> record, SourceSpan span) {
        if (!(record.get("fields") instanceof List<?> fields)) {
            throw notRead(span, "a record without its fields");
        }
        List<FieldSchema> result = new ArrayList<>();
        for (Object field : fields) {
            if (!(field instanceof Map<?, ?> f) || !(f.get("name") instanceof String name)) {
                throw notRead(span, "a field without a name");
            }
            result.add(field(name, f.get("type"), span));
        }
        return result;
    }

    private static FieldSchema field(String name, Object type, SourceSpan span) {
        if (type instanceof List<?> union) {
            List<?> types = union.stream().filter(t -> !"null".equals(t)).toList();
            if (types.size() != 1) {
                throw notRead(span, "Pig cannot read the union of " + union + " ('" + name + "')");
            }
            return field(name, types.get(0), span);
        }
        if (type instanceof String primitive) {
            PigType pig = PRIMITIVES.get(primitive);
            if (pig == null) {
                throw notRead(span, "the type '" + primitive + "' of '" + name + "' (a named type's reference)");
            }
            return new FieldSchema(name, pig, span);
        }
        if (!(type instanceof Map<?, ?> complex) || complex.get("type") == null) {
            throw notRead(span, "the type of '" + name + "'");
        }
        Object kind = complex.get("type");
        return switch (String.valueOf(kind)) {
            case "record" -> new FieldSchema(name, PigType.TUPLE, fields(complex, span), span);
            case "enum" -> new FieldSchema(name, PigType.CHARARRAY, span);
            case "fixed" -> new FieldSchema(name, PigType.BYTEARRAY, span);
            case "array" -> {
                Object items = complex.get("items");
                FieldSchema item = field(null, items, span);
                List<FieldSchema> tuple = item.type() == PigType.TUPLE ? item.fields() : List.of(item);
                yield new FieldSchema(
                        name, PigType.BAG, List.of(new FieldSchema(null, PigType.TUPLE, tuple, span)), span);
            }
            case "map" -> new FieldSchema(name, PigType.MAP, List.of(field(null, complex.get("values"), span)), span);
            default -> field(name, kind, span); // {"type": "string"}
        };
    }

    private static TranslationError notRead(SourceSpan span, String what) {
        return ExprTranslator.unsupported(
                span,
                "AvroStorage's schema argument is not one Ferry can read (" + what
                        + "); declare the fields with AS (...), named as in the files");
    }
}
