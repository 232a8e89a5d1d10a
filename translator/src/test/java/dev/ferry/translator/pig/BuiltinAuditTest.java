package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.oracle.PigOracle;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigType;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class of org.apache.pig.builtin in the Pig 0.18 jar the oracle runs is accounted for: each function
 * (EvalFunc, FilterFunc) is a row of {@link PigFunctionTable} (a builtin, an aggregate or a typed class of one)
 * or reported with its reason; each LoadFunc / StoreFunc translates in {@link StorageFunctions} or is reported
 * with its reason. The classes are read from Pig's jar, so a class the table forgets fails here; a reported row
 * that names no class of Pig's, or one that translates, fails too.
 */
class BuiltinAuditTest {

    private static final String PACKAGE = "org/apache/pig/builtin/";
    private static final TreeMap<String, Kind> CLASSES = new TreeMap<>();

    enum Kind {
        FUNCTION,
        STORAGE
    }

    @BeforeAll
    static void readPigsBuiltins() throws Exception {
        Path target = PigOracle.defaultTargetDir();
        List<URL> jars = new ArrayList<>();
        Path pigJar = null;
        for (String entry : Files.readString(target.resolve(PigOracle.CLASSPATH_FILE), StandardCharsets.UTF_8)
                .trim()
                .split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            jars.add(jar.toUri().toURL());
            if (jar.getFileName().toString().matches("pig-0\\.18\\.0\\.jar")) {
                pigJar = jar;
            }
        }
        assertTrue(pigJar != null, "Pig 0.18.0's jar is on the oracle's classpath");
        try (URLClassLoader pig = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
                JarFile jar = new JarFile(pigJar.toFile())) {
            Class<?> evalFunc = pig.loadClass("org.apache.pig.EvalFunc");
            Class<?> loadFunc = pig.loadClass("org.apache.pig.LoadFunc");
            Class<?> storeFunc = pig.loadClass("org.apache.pig.StoreFuncInterface");
            for (String name : jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith(PACKAGE) && n.endsWith(".class") && !n.contains("$"))
                    .filter(n -> n.indexOf('/', PACKAGE.length()) < 0)
                    .toList()) {
                Class<?> type = Class.forName(
                        name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, pig);
                if (!Modifier.isPublic(type.getModifiers())
                        || Modifier.isAbstract(type.getModifiers())
                        || type.isInterface()) {
                    continue;
                }
                if (evalFunc.isAssignableFrom(type)) {
                    CLASSES.put(type.getSimpleName(), Kind.FUNCTION);
                } else if (loadFunc.isAssignableFrom(type) || storeFunc.isAssignableFrom(type)) {
                    CLASSES.put(type.getSimpleName(), Kind.STORAGE);
                }
            }
        } catch (IOException e) {
            throw new IOException("build the oracle module first (mvn -pl oracle install)", e);
        }
    }

    @Test
    void everyFunctionOfPigsBuiltinsIsTranslatedOrReportedWithItsReason() {
        List<String> unaccounted = new ArrayList<>();
        int translated = 0;
        int reported = 0;
        for (var entry : CLASSES.entrySet()) {
            String name = entry.getKey();
            boolean translates =
                    entry.getValue() == Kind.FUNCTION ? PigFunctionTable.translates(name) : storageTranslates(name);
            boolean isReported = entry.getValue() == Kind.FUNCTION
                    ? PigFunctionTable.notTranslated(name).isPresent()
                    : StorageFunctions.notTranslated(name).isPresent();
            if (translates && isReported) {
                unaccounted.add(name + " is translated and also reported as not translated");
            } else if (translates) {
                translated++;
            } else if (isReported) {
                reported++;
            } else {
                unaccounted.add(name + " (" + entry.getValue() + ") is neither translated nor reported with a reason");
            }
        }
        System.out.println("org.apache.pig.builtin audit: " + CLASSES.size() + " classes, " + translated
                + " translated, " + reported + " reported not translated");
        assertEquals(List.of(), unaccounted);
    }

    @Test
    void everyReportedRowNamesAClassOfPigsBuiltins() {
        Set<String> stale = new TreeSet<>(PigFunctionTable.notTranslated().keySet());
        stale.removeAll(CLASSES.keySet());
        Set<String> storage = new TreeSet<>(StorageFunctions.notTranslated());
        storage.remove("PigDump"); // older Pigs' class, gone from 0.18: its row stays for scripts written for them
        storage.removeAll(CLASSES.keySet());
        stale.addAll(storage);
        assertEquals(Set.of(), stale);
    }

    @Test
    void everyTypedRowIsAClassOfPigsBuiltinsAndEveryGenericRowATranslatedBuiltin() {
        List<String> wrong = new ArrayList<>();
        PigFunctionTable.typedVariants().values().forEach(variant -> {
            if (CLASSES.get(variant.pigName()) != Kind.FUNCTION) {
                wrong.add(variant.pigName() + " is no function of Pig's builtins");
            }
            if (PigFunctionTable.scalar(variant.generic()).isEmpty()
                    && !PigFunctionTable.isAggregate(variant.generic())) {
                wrong.add(variant.pigName() + "'s generic " + variant.generic() + " is no row");
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** Whether a LOAD with AS, or a STORE, of the function translates. */
    private static boolean storageTranslates(String name) {
        FuncSpec function = new FuncSpec(name, List.of(), SourceSpan.of("t.pig", 1, 1));
        List<FieldSchema> declared = List.of(new FieldSchema("a", PigType.CHARARRAY, SourceSpan.of("t.pig", 1, 1)));
        return StorageFunctions.adapted(name)
                || translates(() -> StorageFunctions.load(function, "in", declared))
                || translates(() -> StorageFunctions.store(function, "out"));
    }

    private static boolean translates(Runnable translation) {
        try {
            translation.run();
            return true;
        } catch (TranslationError e) {
            return false;
        }
    }
}
