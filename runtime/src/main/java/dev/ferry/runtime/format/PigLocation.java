package dev.ferry.runtime.format;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A LOAD location as Pig reads it: a comma-separated list (commas inside {@code {}} belong to the glob, as in
 * Pig's {@code LoadFunc.getPathStrings}) of Hadoop globs ({@code org.apache.hadoop.fs.GlobPattern}: {@code ?} and
 * {@code *} within one path component, {@code [abc]}, {@code [^a]} / {@code [!a]}, {@code [a-c]}, {@code {a,b}}
 * nested and across components, {@code \} escaping the next character). Every file under a matched directory is
 * read, however deep, except hidden ones (a name starting with {@code _} or {@code .}, such as {@code _SUCCESS},
 * {@code _logs} or {@code .crc} files), as Pig's input formats list them.
 *
 * <p>Flink's filesystem source reads one directory tree and keeps the files whose path matches a regular
 * expression ({@code source.path.regex-pattern}): {@link #resolve} gives that directory (the deepest one every
 * alternative lies under) and that expression.
 */
public final class PigLocation {

    /** What a location reads: every non-hidden file under {@code root} whose path matches {@code regex} (null: all). */
    public record Resolved(Path root, String regex) {}

    private PigLocation() {}

    /** The location's paths: split on commas outside braces, as Pig does. */
    public static List<String> split(String location) {
        List<String> paths = new ArrayList<>();
        int curlyOpen = 0;
        int start = 0;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '{') {
                curlyOpen++;
            } else if (c == '}') {
                curlyOpen = Math.max(0, curlyOpen - 1);
            } else if (c == ',' && curlyOpen == 0) {
                paths.add(location.substring(start, i));
                start = i + 1;
            }
        }
        paths.add(location.substring(start));
        return paths;
    }

    /** Whether a path holds a glob character, so it reads what it matches rather than itself. */
    public static boolean isGlob(String path) {
        return firstWildcard(path) >= 0;
    }

    private static int firstWildcard(String path) {
        for (int i = 0; i < path.length(); i++) {
            if ("*?[{\\".indexOf(path.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The directory to read and the expression that selects the location's files in it; a location of one path
     * without glob characters reads that path as it is (no expression).
     *
     * @throws IllegalArgumentException for a malformed glob or alternatives on different file systems
     */
    public static Resolved resolve(String location) throws IOException {
        List<String> paths = split(location);
        if (paths.size() == 1 && !isGlob(paths.get(0))) {
            return new Resolved(new Path(paths.get(0)), null);
        }
        Path root = null;
        List<String> alternatives = new ArrayList<>();
        for (String path : paths) {
            Glob glob = Glob.of(path);
            root = root == null ? glob.prefix() : commonAncestor(root, glob.prefix(), location);
            alternatives.add(glob.regex());
        }
        // a matched directory reads every file below it
        return new Resolved(root, "(?:" + String.join("|", alternatives) + ")(?:/.*)?");
    }

    /**
     * Fails as Pig's input format does when a path does not exist or a glob matches nothing (hidden names never
     * match). A glob matching only an empty directory reads no rows, as in Pig.
     *
     * @throws FileNotFoundException naming the first such path
     */
    public static void checkExists(String location) throws IOException {
        for (String path : split(location)) {
            if (!isGlob(path)) {
                Path p = new Path(path);
                FileSystem fs = p.getFileSystem();
                if (!fs.exists(p) || isHidden(p)) {
                    throw new FileNotFoundException("Input path does not exist: " + p.makeQualified(fs));
                }
                continue;
            }
            Glob glob = Glob.of(path);
            FileSystem fs = glob.prefix().getFileSystem();
            if (!fs.exists(glob.prefix()) || !anyMatch(fs, glob.prefix(), Pattern.compile(glob.regex()))) {
                throw new FileNotFoundException("Input Pattern " + path + " matches 0 files");
            }
        }
    }

    /** Walks down from {@code dir} only where a path can still become a match. */
    private static boolean anyMatch(FileSystem fs, Path dir, Pattern glob) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return false;
        }
        for (FileStatus child : children) {
            if (isHidden(child.getPath())) {
                continue;
            }
            Matcher m = glob.matcher(child.getPath().getPath());
            if (m.matches()) {
                return true;
            }
            if (child.isDir() && m.hitEnd() && anyMatch(fs, child.getPath(), glob)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path path) {
        String name = path.getName();
        return name.startsWith("_") || name.startsWith(".");
    }

    private static Path commonAncestor(Path a, Path b, String location) {
        if (!a.toUri().getScheme().equals(b.toUri().getScheme())
                || !String.valueOf(a.toUri().getAuthority())
                        .equals(String.valueOf(b.toUri().getAuthority()))) {
            throw new IllegalArgumentException(
                    "the paths of '" + location + "' are on different file systems; read them with one LOAD each");
        }
        Path ancestor = a;
        while (!isAncestor(ancestor, b)) {
            ancestor = ancestor.getParent();
        }
        return ancestor;
    }

    private static boolean isAncestor(Path dir, Path path) {
        String d = dir.toUri().getPath();
        String p = path.toUri().getPath();
        return p.equals(d) || p.startsWith(d.endsWith("/") ? d : d + "/");
    }

    /** One glob: the qualified directory before its first wildcard, and a regular expression of its full path. */
    record Glob(Path prefix, String regex) {

        static Glob of(String glob) throws IOException {
            int wildcard = firstWildcard(glob);
            if (wildcard < 0) {
                Path path = new Path(glob);
                path = path.makeQualified(path.getFileSystem());
                return new Glob(path, Pattern.quote(path.toUri().getPath()));
            }
            int slash = glob.lastIndexOf('/', wildcard);
            String dir = slash < 0 ? "." : slash == 0 ? "/" : glob.substring(0, slash);
            Path prefix = new Path(dir);
            FileSystem fs = prefix.getFileSystem();
            prefix = prefix.makeQualified(fs);
            String prefixPath = prefix.toUri().getPath();
            String regex = Pattern.quote(prefixPath)
                    + (prefixPath.endsWith("/") ? "" : "/")
                    + toRegex(glob.substring(slash + 1), glob);
            return new Glob(prefix, regex);
        }
    }

    /**
     * Hadoop's GlobPattern as a Java pattern (the glob reading of every path Ferry expands: LOAD locations here, an
     * Oozie {@code <prepare>} delete's last component in {@code Prepare}).
     *
     * @throws IllegalArgumentException for an unclosed set or group, or a trailing escape
     */
    public static Pattern globPattern(String glob) {
        return Pattern.compile(toRegex(glob, glob));
    }

    /**
     * Hadoop's GlobPattern as a Java regular expression over whole paths: what Hadoop matches component by
     * component, a wildcard or character class here never matches a '/'.
     */
    static String toRegex(String glob, String whole) {
        StringBuilder regex = new StringBuilder();
        boolean inSet = false;
        boolean negated = false;
        int curlyOpen = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (++i >= glob.length()) {
                    throw new IllegalArgumentException(
                            "Missing escaped character at the end of the glob '" + whole + "'");
                }
                regex.append(literal(glob.charAt(i)));
                continue;
            }
            if (inSet) {
                if (c == ']') {
                    inSet = false;
                    regex.append(negated ? "]" : "&&[^/]]");
                } else if ((c == '!' || c == '^') && glob.charAt(i - 1) == '[') {
                    negated = true;
                    regex.append("^/");
                } else if (c == '[' || c == '&') {
                    regex.append('\\').append(c);
                } else {
                    regex.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    inSet = true;
                    negated = false;
                    regex.append('[');
                }
                case '{' -> {
                    curlyOpen++;
                    regex.append("(?:");
                }
                case ',' -> regex.append(curlyOpen > 0 ? "|" : ",");
                case '}' -> {
                    if (curlyOpen > 0) {
                        curlyOpen--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                default -> regex.append(literal(c));
            }
        }
        if (inSet) {
            throw new IllegalArgumentException("Unclosed character class in the glob '" + whole + "'");
        }
        if (curlyOpen > 0) {
            throw new IllegalArgumentException("Unclosed group in the glob '" + whole + "'");
        }
        return regex.toString();
    }

    private static String literal(char c) {
        return Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_' || c == ' '
                ? String.valueOf(c)
                : "\\" + c;
    }
}
