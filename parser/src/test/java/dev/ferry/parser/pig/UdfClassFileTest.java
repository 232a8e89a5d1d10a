package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.repo.RepoRoot;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** A REGISTERed jar's UDF class, described from its class file's bytes (written here by ASM, as javac writes them). */
class UdfClassFileTest {

    /** The bytes of {@code class com.acme.F extends superName} with the generic signature javac records. */
    private static byte[] classFile(String superName, String signature, String... interfaces) {
        return namedClass("com/acme/F", superName, signature, interfaces);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            org/apache/pig/EvalFunc   | Lorg/apache/pig/EvalFunc<Ljava/lang/Integer;>;                                | -                     | EvalFunc<Integer>
            org/apache/pig/EvalFunc   | Lorg/apache/pig/EvalFunc<Lorg/apache/pig/data/DataBag;>;                      | -                     | EvalFunc<DataBag>
            org/apache/pig/EvalFunc   | Lorg/apache/pig/EvalFunc<Ljava/util/Map<Ljava/lang/String;Ljava/lang/Object;>;>; | -                  | EvalFunc<Map>
            org/apache/pig/EvalFunc   | Lorg/apache/pig/EvalFunc<Ljava/lang/Long;>;Lorg/apache/pig/Algebraic;         | org/apache/pig/Algebraic | EvalFunc<Long>, Algebraic
            org/apache/pig/EvalFunc   | -                                                                              | -                     | EvalFunc<>
            org/apache/pig/FilterFunc | -                                                                              | org/apache/pig/Accumulator | FilterFunc, Accumulator
            org/apache/pig/LoadFunc   | -                                                                              | -                     | LoadFunc
            com/acme/Base             | Lcom/acme/Base<Ljava/lang/String;>;                                           | -                     | a class that extends no Pig UDF base class directly
            """)
    void describesTheBaseClassAndResultType(String superName, String signature, String iface, String described) {
        byte[] bytes = iface == null ? classFile(superName, signature) : classFile(superName, signature, iface);
        assertEquals(
                described,
                UdfClassFile.describe(bytes, "com.acme.F", "lib/a.jar!com/acme/F.class")
                        .orElseThrow()
                        .signature());
    }

    /** The bytes of {@code class name extends superName} with a generic signature. */
    private static byte[] namedClass(String name, String superName, String signature, String... interfaces) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, signature, superName, interfaces);
        writer.visitEnd();
        return writer.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            com/acme/ViaGeneric | EvalFunc<String>
            com/acme/ViaPlain   | EvalFunc<Double>, Algebraic
            com/acme/ViaMissing | a class that extends no Pig UDF base class directly
            com/acme/Loop       | a class that extends no Pig UDF base class directly
            """)
    void aClassIsDescribedByItsSuperclassesInTheSameJar(String name, String described) {
        Map<String, byte[]> jar = Map.of(
                // class ViaGeneric extends Base<String>; abstract class Base<T> extends EvalFunc<T>
                "com/acme/ViaGeneric", namedClass(name, "com/acme/Base", "Lcom/acme/Base<Ljava/lang/String;>;"),
                "com/acme/Base",
                        namedClass(
                                "com/acme/Base",
                                "org/apache/pig/EvalFunc",
                                "<T:Ljava/lang/Object;>Lorg/apache/pig/EvalFunc<TT;>;"),
                // class ViaPlain extends Mid; class Mid extends Root; class Root extends EvalFunc<Double> implements
                // Algebraic
                "com/acme/ViaPlain", namedClass(name, "com/acme/Mid", null),
                "com/acme/Mid", namedClass("com/acme/Mid", "com/acme/Root", null),
                "com/acme/Root",
                        namedClass(
                                "com/acme/Root",
                                "org/apache/pig/EvalFunc",
                                "Lorg/apache/pig/EvalFunc<Ljava/lang/Double;>;",
                                "org/apache/pig/Algebraic"),
                "com/acme/ViaMissing", namedClass(name, "com/other/NotInTheJar", null),
                "com/acme/Loop", namedClass(name, "com/acme/Loop", null));
        assertEquals(
                described,
                UdfClassFile.describe(
                                jar.get(name),
                                name.replace('/', '.'),
                                "lib/a.jar",
                                internal -> java.util.Optional.ofNullable(jar.get(internal)))
                        .orElseThrow()
                        .signature());
    }

    /** Piggybank's classes, as javap shows them in piggybank-0.17.0.jar, read from Ferry's own copy of the jar. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            org.apache.pig.piggybank.evaluation.string.Reverse                  | EvalFunc<String>
            org.apache.pig.piggybank.evaluation.datetime.convert.ISOToUnix      | EvalFunc<Long>
            org.apache.pig.piggybank.evaluation.math.SIN                        | EvalFunc<Double>
            org.apache.pig.piggybank.evaluation.string.RegexMatch               | EvalFunc<Integer>
            org.apache.pig.piggybank.evaluation.util.Top                        | EvalFunc<DataBag>, Algebraic
            """)
    void piggybankNeedsNoJarInTheRepository(String className, String described) throws Exception {
        List<PigStatement> statements = PigParser.parse(
                        "REGISTER /usr/lib/pig/piggybank.jar;\nDEFINE f " + className + "();\n",
                        "t.pig",
                        new Diagnostics())
                .orElseThrow()
                .statements();
        JavaUdf udf = JavaUdfSources.find(RepoRoot.of(repo), statements, List.of(), List.of())
                .get(className);
        assertEquals(described + " " + PiggyBank.DISPLAY, udf.signature() + " " + udf.source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            /usr/lib/pig/piggybank.jar, true
            piggybank.jar, true
            lib/piggybank-0.17.0.jar, true
            /opt/pig/contrib/piggybank/java/Piggybank.JAR, true
            my-piggybank-fork.jar, false
            piggybank.jar.bak, false
            """)
    void piggybankJarNames(String path, boolean piggybank) {
        assertEquals(piggybank, PiggyBank.isJar(path));
    }

    @Test
    void bytesThatAreNoClassFileDescribeNothing() {
        assertEquals(
                false,
                UdfClassFile.describe(new byte[] {1, 2, 3}, "com.acme.F", "x").isPresent());
    }

    @TempDir
    Path repo;

    @Test
    void aDefinedClassWithoutSourceIsReadFromTheFirstRegisteredJarThatHoldsIt() throws Exception {
        Path lib = Files.createDirectories(repo.resolve("lib"));
        jar(lib.resolve("other.jar"), Map.of("com/acme/G.class", classFile("org/apache/pig/FilterFunc", null)));
        jar(
                lib.resolve("udfs.jar"),
                Map.of(
                        "com/acme/F.class",
                        classFile("org/apache/pig/EvalFunc", "Lorg/apache/pig/EvalFunc<Ljava/lang/String;>;")));
        List<PigStatement> statements = PigParser.parse(
                        "DEFINE f com.acme.F(); DEFINE g com.acme.G(); DEFINE h com.acme.H();\n",
                        "t.pig",
                        new Diagnostics())
                .orElseThrow()
                .statements();
        Map<String, JavaUdf> udfs = JavaUdfSources.find(
                RepoRoot.of(repo),
                statements,
                List.of(),
                List.of(
                        new RegisteredJar("lib/other.jar", repo.resolve("lib/other.jar"), null),
                        new RegisteredJar("lib/udfs.jar", repo.resolve("lib/udfs.jar"), null)));
        assertEquals(
                Map.of(
                        "com.acme.F", "EvalFunc<String> lib/udfs.jar!com/acme/F.class",
                        "com.acme.G", "FilterFunc lib/other.jar!com/acme/G.class"),
                udfs.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getValue().signature() + " "
                                        + e.getValue().source())));
    }

    private static void jar(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream os = Files.newOutputStream(file);
                JarOutputStream out = new JarOutputStream(os)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }
}
