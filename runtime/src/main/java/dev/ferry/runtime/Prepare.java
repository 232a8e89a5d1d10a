package dev.ferry.runtime;

import dev.ferry.runtime.format.PigLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * An Oozie action's {@code <prepare>} steps, run before the job through Flink's {@link FileSystem}
 * (file://, hdfs://, s3://... as far as the installed plugins go). A path without a scheme uses
 * Flink's default file system, the local one unless {@code fs.default-scheme} says otherwise.
 */
public final class Prepare {

    private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

    private Prepare() {}

    /** One prepare step. */
    public sealed interface Step permits Delete, Mkdir {
        String path();
    }

    /** {@code <delete path="..."/>}: removes the path recursively; a missing path is fine. */
    public record Delete(String path) implements Step {}

    /** {@code <mkdir path="..."/>}: creates the directory and its parents. */
    public record Mkdir(String path) implements Step {}

    /** Runs the steps in order. */
    public static void run(List<Step> steps) throws IOException {
        for (Step step : steps) {
            String verb = step instanceof Delete ? "delete " : "mkdir ";
            try {
                if (step instanceof Delete) {
                    delete(step.path());
                } else {
                    mkdir(step.path());
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(verb + step.path() + ": " + e, e);
            }
        }
    }

    /**
     * Deletes recursively. Like Oozie, a last path component with glob characters ({@code *}, {@code ?},
     * {@code [...]}, {@code {a,b}}) deletes every match in its directory.
     */
    public static void delete(String path) throws IOException {
        for (Path match : expand(new Path(path))) {
            FileSystem fs = match.getFileSystem();
            if (fs.exists(match) && !fs.delete(match, true)) {
                throw new IOException("could not delete " + match);
            }
        }
    }

    /** Creates the directory and any missing parents; like Oozie, an existing path is left alone. */
    public static void mkdir(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem();
        if (!fs.exists(p) && !fs.mkdirs(p)) {
            throw new IOException("could not create directory " + p);
        }
    }

    static List<Path> expand(Path path) throws IOException {
        String name = path.getName();
        if (!GLOB_CHARS.matcher(name).find()) {
            return List.of(path);
        }
        Path parent = path.getParent();
        if (GLOB_CHARS.matcher(parent.toString()).find()) {
            throw new IOException("glob characters are only supported in the last path component: " + path);
        }
        FileSystem fs = parent.getFileSystem();
        List<Path> matches = new ArrayList<>();
        if (fs.exists(parent)) {
            Pattern glob = globToRegex(name);
            for (FileStatus status : fs.listStatus(parent)) {
                if (glob.matcher(status.getPath().getName()).matches()) {
                    matches.add(status.getPath());
                }
            }
        }
        return matches;
    }

    /** Hadoop glob syntax for one path component: * ? [abc] [a-z] [^a] [!a] {x,y}, backslash escapes. */
    static Pattern globToRegex(String glob) {
        return PigLocation.globPattern(glob);
    }
}
