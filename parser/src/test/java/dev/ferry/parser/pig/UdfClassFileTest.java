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
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "com/acme/F", signature, superName, interfaces);
        writer.visitEnd();
        return writer.toByteArray();
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
