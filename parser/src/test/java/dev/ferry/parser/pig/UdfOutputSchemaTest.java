package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** outputSchema bodies → the result field they spell literally ("none": not a literal, the type argument types). */
class UdfOutputSchemaTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one scalar field          | return new Schema(new Schema.FieldSchema("w", DataType.CHARARRAY));                            | w:chararray
            INTEGER is int            | return new Schema(new FieldSchema(null, DataType.INTEGER));                                      | ?:int
            a map                     | return new Schema(new FieldSchema("m", DataType.MAP));                                           | m:map
            schema text               | return Utils.getSchemaFromString("b:bag{t:(w:chararray, n:long)}");                               | b:bag(t:tuple(w:chararray,n:long))
            a tuple of a filled local | Schema s = new Schema(); s.add(new FieldSchema("a", DataType.INTEGER)); s.add(new FieldSchema("b", DataType.DOUBLE)); return new Schema(new FieldSchema("t", s, DataType.TUPLE)); | t:tuple(a:int,b:double)
            a list of fields          | return new Schema(new FieldSchema("t", new Schema(Arrays.asList(new FieldSchema("a", DataType.LONG), new FieldSchema("b", DataType.BYTEARRAY))), DataType.BAG)); | t:bag(a:long,b:bytearray)
            null in a catch ignored   | try { return new Schema(new FieldSchema("x", DataType.LONG)); } catch (Exception e) { return null; } | x:long
            from the input: none      | return new Schema(new FieldSchema("x", input.getField(0).type));                                 | none
            two literals: none        | if (input == null) return new Schema(new FieldSchema("x", DataType.LONG)); return new Schema(new FieldSchema("x", DataType.INTEGER)); | none
            two fields: none          | return Utils.getSchemaFromString("a:int, b:int");                                                 | none
            other call on local: none | Schema s = new Schema(); s.add(new FieldSchema("a", DataType.INTEGER)); s.merge(input); return new Schema(new FieldSchema("t", s, DataType.TUPLE)); | none
            reassigned local: none    | Schema s = new Schema(); s = input; return new Schema(new FieldSchema("t", s, DataType.TUPLE));   | none
            schema text of two statements: none | return Utils.getSchemaFromString("a:int); STORE x INTO 'y");                       | none
            """)
    void readsWhatTheSourceSpells(String name, String body, String expected) {
        MethodDeclaration method =
                StaticJavaParser.parseMethodDeclaration("public Schema outputSchema(Schema input) { " + body + " }");
        assertEquals(
                expected,
                UdfOutputSchema.of(method).map(UdfOutputSchemaTest::show).orElse("none"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            schema text                | return new ResourceSchema(Utils.getSchemaFromString("a:int, b:chararray"));            | a:int b:chararray
            fields of a Schema         | return new ResourceSchema(new Schema(Arrays.asList(new FieldSchema("x", DataType.LONG), new FieldSchema("y", DataType.DOUBLE)))); | x:long y:double
            null in a catch ignored    | try { return new ResourceSchema(Utils.getSchemaFromString("a:int")); } catch (Exception e) { return null; } | a:int
            a .pig_schema read: none   | return new JsonMetadata().getSchema(location, job);                                     | none
            from a field: none         | return new ResourceSchema(schema);                                                     | none
            no fields: none            | return new ResourceSchema(new Schema());                                               | none
            """)
    void readsTheSchemaALoaderSpells(String name, String body, String expected) {
        MethodDeclaration method = StaticJavaParser.parseMethodDeclaration(
                "public ResourceSchema getSchema(String location, Job job) { " + body + " }");
        assertEquals(
                expected,
                UdfOutputSchema.ofLoader(method)
                        .map(fields ->
                                fields.stream().map(UdfOutputSchemaTest::show).collect(Collectors.joining(" ")))
                        .orElse("none"));
    }

    private static String show(FieldSchema f) {
        String head = (f.name() == null ? "?" : f.name()) + ":" + f.type().keyword();
        return f.fields().isEmpty()
                ? head
                : head + f.fields().stream().map(UdfOutputSchemaTest::show).collect(Collectors.joining(",", "(", ")"));
    }
}
