package dev.ferry.parser.pig;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Apache Pig's piggybank, the contributed functions most Pig installations carry ({@code REGISTER
 * /usr/lib/pig/piggybank.jar}): the runtime's Pig UDF adapter carries piggybank 0.17.0 (the last release; Pig 0.18
 * has none of its own), so a script that uses it needs no copy of the jar in the repository, and Ferry reads the
 * classes' result types from its own copy.
 */
public final class PiggyBank {

    /** The package of piggybank's classes. */
    public static final String PACKAGE = "org.apache.pig.piggybank.";

    /** Where a class's description says it came from. */
    static final String DISPLAY = "piggybank 0.17.0 (carried by the runtime)";

    /** A REGISTERed file that is piggybank's jar: {@code piggybank.jar}, {@code piggybank-0.17.0.jar}. */
    private static final Pattern JAR = Pattern.compile("(?i)(?:.*/)?piggybank(?:-[0-9][\\w.-]*)?\\.jar");

    private PiggyBank() {}

    /** Whether a REGISTERed path names piggybank's jar ({@code /usr/lib/pig/piggybank.jar}, {@code file:...}). */
    public static boolean isJar(String path) {
        return JAR.matcher(path).matches();
    }

    /** The piggybank jar Ferry itself carries (on its classpath), for real Pig to REGISTER; empty without one. */
    public static Optional<Path> carriedJar() {
        URL url = PiggyBank.class.getClassLoader().getResource(PACKAGE.replace('.', '/') + "storage/CSVLoader.class");
        if (url == null || !url.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        String file = url.getPath();
        try {
            return Optional.of(Path.of(new URL(file.substring(0, file.indexOf("!/"))).toURI()));
        } catch (URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
