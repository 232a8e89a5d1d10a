package dev.ferry.parser.pig;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the Java source of the UDF classes a script DEFINEs (by package path, under the repository;
 * bounded) and reads what Pig calls it as with JavaParser; a class without source is read from the
 * class file in a jar the script REGISTERs ({@link UdfClassFile}, never loaded). A class found in
 * neither is simply not described.
 */
public final class JavaUdfSources {

    /** At most this many files are looked at in one repository walk. */
    private static final int MAX_FILES = 100_000;

    private JavaUdfSources() {}

    /** At most this many bytes are read of one class file in a jar. */
    private static final long MAX_CLASS_BYTES = 4L << 20;

    /**
     * The UDF classes of the script's DEFINEs and of its calls by a qualified class name whose source the
     * repository holds, else whose class file a REGISTERed jar holds (the first jar in REGISTER order), by class
     * name.
     */
    public static Map<String, JavaUdf> find(
            RepoRoot root, List<PigStatement> statements, List<String> qualifiedCalls, List<RegisteredJar> jars) {
        List<String> classes = new ArrayList<>(definedClasses(statements));
        qualifiedCalls.stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        Map<String, JavaUdf> found = fromSources(root, classes);
        for (String className : classes) {
            if (found.containsKey(className)) {
                continue;
            }
            for (RegisteredJar jar : jars) {
                Optional<JavaUdf> udf = fromJar(root.path().resolve(jar.path()), className, jar.path());
                if (udf.isPresent()) {
                    found.put(className, udf.get());
                    break;
                }
            }
            if (!found.containsKey(className)) {
                provided(className).ifPresent(udf -> found.put(className, udf));
            }
        }
        return found;
    }

    /** The functions the LOADs of the statements name in USING (a class, a DEFINE's name, a builtin), in order. */
    public static List<String> loadFunctions(List<PigStatement> statements) {
        return statements.stream()
                .filter(PigStatement.Assign.class::isInstance)
                .map(s -> ((PigStatement.Assign) s).relation())
                .filter(r -> r instanceof PigRelation.Load load && load.function() != null)
                .map(r -> ((PigRelation.Load) r).function().name())
                .toList();
    }

    /** The functions the STOREs of the statements name in USING (a class, a DEFINE's name, a builtin), in order. */
    public static List<String> storeFunctions(List<PigStatement> statements) {
        return statements.stream()
                .filter(s -> s instanceof PigStatement.Store store && store.function() != null)
                .map(s -> ((PigStatement.Store) s).function().name())
                .toList();
    }

    /** The classes DEFINEs name, then those LOADs and STOREs name in USING (a loader's or a storer's class). */
    private static List<String> definedClasses(List<PigStatement> statements) {
        Stream<String> defined = statements.stream()
                .filter(PigStatement.DefineFunction.class::isInstance)
                .map(s -> ((PigStatement.DefineFunction) s).function().name());
        return Stream.of(defined, loadFunctions(statements).stream(), storeFunctions(statements).stream())
                .flatMap(names -> names)
                .filter(name -> name.contains("."))
                .distinct()
                .toList();
    }

    private static Optional<JavaUdf> fromJar(Path jar, String className, String display) {
        String entryName = className.replace('.', '/') + ".class";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return describe(className, display + "!" + entryName, internalName -> {
                ZipEntry entry = zip.getEntry(internalName + ".class");
                return entry == null ? null : zip.getInputStream(entry);
            });
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable jar: the class is not described
        }
    }

    /**
     * A class of Apache Pig's piggybank, which the runtime's UDF adapter carries (so does Ferry, to read it): read
     * from Ferry's own classpath, never from the repository.
     */
    private static Optional<JavaUdf> provided(String className) {
        if (!className.startsWith(PiggyBank.PACKAGE)) {
            return Optional.empty();
        }
        return describe(
                className,
                PiggyBank.DISPLAY,
                internalName -> internalName.startsWith(PiggyBank.PACKAGE.replace('.', '/'))
                        ? JavaUdfSources.class.getClassLoader().getResourceAsStream(internalName + ".class")
                        : null);
    }

    /** Opens a class file by its internal name ({@code a/b/C}); null when there is none. */
    @FunctionalInterface
    private interface ClassFiles {
        InputStream open(String internalName) throws IOException;
    }

    /** The UDF {@code className} as its class file (and its superclasses' files, from the same place) describe it. */
    private static Optional<JavaUdf> describe(String className, String display, ClassFiles files) {
        Function<String, Optional<byte[]>> classes = internalName -> {
            try (InputStream in = files.open(internalName)) {
                return in == null ? Optional.empty() : bounded(in);
            } catch (IOException e) {
                return Optional.empty();
            }
        };
        return classes.apply(className.replace('.', '/'))
                .flatMap(bytes -> UdfClassFile.describe(bytes, className, display, classes));
    }

    /** The stream's bytes, or empty when it holds more than {@link #MAX_CLASS_BYTES}. */
    private static Optional<byte[]> bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_CLASS_BYTES + 1);
        return bytes.length > MAX_CLASS_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    private static Map<String, JavaUdf> fromSources(RepoRoot root, List<String> classes) {
        Map<String, String> wanted = new TreeMap<>();
        classes.forEach(name -> wanted.put(name, "/" + name.replace('.', '/') + ".java"));
        Map<String, JavaUdf> found = new TreeMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        // Every match, in path order: the first that parses describes the class, whatever order the walk took.
        Map<String, TreeSet<Path>> candidates = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.path())) {
            files.limit(MAX_FILES).filter(Files::isRegularFile).forEach(file -> {
                String path = file.toString().replace('\\', '/');
                wanted.forEach((className, suffix) -> {
                    if (path.endsWith(suffix)) {
                        candidates
                                .computeIfAbsent(className, c -> new TreeSet<>())
                                .add(file);
                    }
                });
            });
        } catch (IOException | RuntimeException e) {
            // An unreadable tree only means no source is described; the DEFINE is still reported.
        }
        candidates.forEach((className, files) -> files.stream()
                .map(file -> read(file, className, root.display(file)))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(udf -> found.put(className, udf)));
        return found;
    }

    private static Optional<JavaUdf> read(Path file, String className, String display) {
        try {
            ParseResult<CompilationUnit> parsed = new JavaParser().parse(file);
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            return parsed.getResult()
                    .flatMap(unit -> unit.findFirst(
                            ClassOrInterfaceDeclaration.class,
                            c -> c.getNameAsString().equals(simpleName)))
                    .map(c -> describe(c, className, display));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static JavaUdf describe(ClassOrInterfaceDeclaration c, String className, String display) {
        JavaUdf.Kind kind = JavaUdf.Kind.OTHER;
        String result = "";
        for (ClassOrInterfaceType base : c.getExtendedTypes()) {
            switch (base.getNameAsString()) {
                case "EvalFunc" -> {
                    kind = JavaUdf.Kind.EVAL_FUNC;
                    result = base.getTypeArguments()
                            .map(args -> args.isEmpty() ? "" : args.get(0).asString())
                            .orElse("");
                }
                case "FilterFunc" -> kind = JavaUdf.Kind.FILTER_FUNC;
                case "LoadFunc", "FileInputLoadFunc" -> kind = JavaUdf.Kind.LOAD_FUNC;
                case "StoreFunc" -> kind = JavaUdf.Kind.STORE_FUNC;
                default -> {}
            }
        }
        boolean algebraic = c.getImplementedTypes().stream()
                .anyMatch(t -> t.getNameAsString().equals("Algebraic"));
        boolean accumulator = c.getImplementedTypes().stream()
                .anyMatch(t -> t.getNameAsString().equals("Accumulator"));
        FieldSchema outputSchema = kind != JavaUdf.Kind.EVAL_FUNC
                ? null
                : c.getMethodsByName("outputSchema").stream()
                        .filter(m -> m.getParameters().size() == 1)
                        .findFirst()
                        .flatMap(UdfOutputSchema::of)
                        .orElse(null);
        List<FieldSchema> loadSchema = kind != JavaUdf.Kind.LOAD_FUNC
                ? null
                : c.getMethodsByName("getSchema").stream()
                        .filter(m -> m.getParameters().size() == 2)
                        .findFirst()
                        .flatMap(UdfOutputSchema::ofLoader)
                        .orElse(null);
        return new JavaUdf(className, display, kind, result, algebraic, accumulator, outputSchema, loadSchema);
    }
}
