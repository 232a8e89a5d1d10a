package dev.ferry.parser.pig;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ferry.parser.repo.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the Java source of the UDF classes a script DEFINEs (by package path, under the repository;
 * bounded) and reads what Pig calls it as with JavaParser. A class whose source is not there (a
 * jar's class) or does not parse is simply not described.
 */
public final class JavaUdfSources {

    /** At most this many files are looked at in one repository walk. */
    private static final int MAX_FILES = 100_000;

    private JavaUdfSources() {}

    /** The UDF classes of the script's DEFINEs whose source the repository holds, by class name. */
    public static Map<String, JavaUdf> find(RepoRoot root, List<PigStatement> statements) {
        Map<String, String> wanted = new TreeMap<>();
        for (PigStatement statement : statements) {
            if (statement instanceof PigStatement.DefineFunction define
                    && define.function().name().contains(".")) {
                wanted.put(
                        define.function().name(), "/" + define.function().name().replace('.', '/') + ".java");
            }
        }
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
        return new JavaUdf(className, display, kind, result, algebraic, accumulator);
    }
}
