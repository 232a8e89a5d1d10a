package dev.ferry.parser.pig;

import dev.ferry.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Pig's {@code .pig_schema} file: the JSON {@code JsonMetadata} writes beside the data of a STORE with PigStorage
 * '-schema' or JsonStorage (a {@code ResourceSchema}: fields with a name, a {@code DataType} code and the schema of a
 * tuple's, a bag's or a map's inside), and PigStorage reads again when a LOAD of that directory has no AS. The JSON
 * is read as YAML (JSON is YAML's flow style).
 */
public final class PigSchemaFile {

    /** The file's name, in the directory of the data. */
    public static final String NAME = ".pig_schema";

    /** Pig's {@code DataType} codes and the type each is. */
    private static final Map<Integer, PigType> TYPES = Map.ofEntries(
            Map.entry(5, PigType.BOOLEAN),
            Map.entry(10, PigType.INT),
            Map.entry(15, PigType.LONG),
            Map.entry(20, PigType.FLOAT),
            Map.entry(25, PigType.DOUBLE),
            Map.entry(30, PigType.DATETIME),
            Map.entry(50, PigType.BYTEARRAY),
            Map.entry(55, PigType.CHARARRAY),
            Map.entry(65, PigType.BIGINTEGER),
            Map.entry(70, PigType.BIGDECIMAL),
            Map.entry(100, PigType.MAP),
            Map.entry(110, PigType.TUPLE),
            Map.entry(120, PigType.BAG));

    private PigSchemaFile() {}

    /** What a schema file says: the fields, or why Ferry cannot read them. */
    public sealed interface Result {}

    /** The fields, each at {@code span} (the LOAD that reads them). */
    public record Fields(List<FieldSchema> fields) implements Result {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** Not a schema Ferry reads, and why. */
    public record Unreadable(String why) implements Result {}

    /**
     * The schema file Pig's {@code JsonMetadata.findMetaFile} reads for a LOAD of {@code location}: the directory's own
     * {@code .pig_schema}, or for a file the one of the directory holding it; empty when there is none.
     */
    public static Optional<Path> of(Path location) {
        Path directory = Files.isDirectory(location) ? location : location.getParent();
        if (directory == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(NAME);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The file's fields, each at {@code span}. */
    public static Result read(Path file, SourceSpan span) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return new Unreadable("it cannot be read as UTF-8 text");
        }
        return parse(json, span);
    }

    /** The fields of the JSON text of a schema file, each at {@code span}. */
    public static Result parse(String json, SourceSpan span) {
        Object schema;
        try {
            schema = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        } catch (YAMLException e) {
            return new Unreadable("it is not JSON");
        }
        try {
            return new Fields(fields(schema, span));
        } catch (IllegalArgumentException e) {
            return new Unreadable(e.getMessage());
        }
    }

    private static List<FieldSchema> fields(Object schema, SourceSpan span) {
        if (!(schema instanceof Map<?, ?> map) || !(map.get("fields") instanceof List<?> fields)) {
            throw new IllegalArgumentException("it has no \"fields\" list");
        }
        List<FieldSchema> result = new ArrayList<>();
        for (Object field : fields) {
            if (!(field instanceof Map<?, ?> f) || !(f.get("type") instanceof Integer code)) {
                throw new IllegalArgumentException("a field has no numeric \"type\"");
            }
            PigType type = TYPES.get(code);
            if (type == null) {
                throw new IllegalArgumentException("a field's type " + code + " is not a type a LOAD gives");
            }
            Object name = f.get("name");
            if (name != null && !(name instanceof String)) {
                throw new IllegalArgumentException("a field's \"name\" is not text");
            }
            List<FieldSchema> inner =
                    type.isComplex() && f.get("schema") != null ? fields(f.get("schema"), span) : List.of();
            result.add(new FieldSchema(identifier((String) name), type, inner, span));
        }
        return result;
    }

    /**
     * A name a script can write ({@code a}, {@code a::b}); Pig also names fields it made itself
     * ({@code org.apache.pig.builtin.totuple_x_4}), which no script can name: those are reached by position.
     */
    private static String identifier(String name) {
        return name != null && name.matches("[A-Za-z][A-Za-z0-9_]*(::[A-Za-z][A-Za-z0-9_]*)*") ? name : null;
    }
}
