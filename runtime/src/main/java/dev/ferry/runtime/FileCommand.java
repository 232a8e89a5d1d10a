package dev.ferry.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A Pig script's file command, run between the job's statements as Grunt runs it between its STOREs:
 *
 * <pre>
 * CALL ferry.fs('-mkdir', '-p', '${OUT}/tmp');      -- Hadoop's shell (fs -CMD): globs expanded
 * CALL ferry.grunt('-rm', '-r', '-f', '${OUT}');     -- Grunt's own rmf, mkdir, cp...: each path as written
 * </pre>
 *
 * Commands, with Hadoop's shell semantics: {@code -mkdir [-p]}, {@code -rm [-r] [-f]}, {@code -touchz}, {@code -cp
 * [-f]}, {@code -mv}, {@code -put [-f]} (local to the job's file system), {@code -get [-f]} (the reverse). Paths on
 * the job's file system resolve as its LOADs and STOREs do (a scheme-less one on the default file system); a local
 * path must lie in the job's working directory, which it cannot leave ({@code ..}, an absolute path elsewhere, a link
 * out). A glob matches at most {@value #MAX_ENTRIES} paths, and a copy or removal walks at most as many.
 */
public record FileCommand(String command, Set<String> flags, List<String> paths, boolean glob) {

    /** As Oozie's {@code oozie.action.fs.glob.max}: no command touches more paths than this. */
    static final int MAX_ENTRIES = 50_000;

    private static final Pattern CALL =
            Pattern.compile("(?is)\\s*CALL\\s+`?ferry`?\\s*\\.\\s*`?(fs|grunt)`?\\s*\\((.*)\\)\\s*");
    private static final Pattern LITERAL = Pattern.compile("\\s*'((?:[^']|'')*)'\\s*(,|$)");

    private static final Set<String> COMMANDS = Set.of("-mkdir", "-rm", "-touchz", "-cp", "-mv", "-put", "-get");

    public FileCommand {
        flags = Set.copyOf(flags);
        paths = List.copyOf(paths);
    }

    /**
     * The command a {@code CALL ferry.fs(...)} or {@code CALL ferry.grunt(...)} statement runs.
     *
     * @throws IllegalArgumentException for another CALL, an unknown command or flag, or a missing path
     */
    public static FileCommand parse(String sql) {
        Matcher call = CALL.matcher(stripComments(sql));
        if (!call.matches()) {
            throw new IllegalArgumentException(
                    "the only procedures a job script calls are ferry.fs and ferry.grunt (its file commands)");
        }
        List<String> arguments = new ArrayList<>();
        Matcher literal = LITERAL.matcher(call.group(2));
        int at = 0;
        while (at < call.group(2).length() && literal.find(at) && literal.start() == at) {
            arguments.add(literal.group(1).replace("''", "'"));
            at = literal.end();
            if (literal.group(2).isEmpty()) {
                break;
            }
        }
        if (at < call.group(2).strip().length() || arguments.isEmpty()) {
            throw new IllegalArgumentException("ferry." + call.group(1) + " takes string literals only");
        }
        String command = arguments.remove(0);
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("ferry." + call.group(1) + " does not run '" + command + "'");
        }
        Set<String> flags = new java.util.TreeSet<>();
        while (!arguments.isEmpty() && arguments.get(0).matches("-[a-zA-Z]")) {
            String flag = arguments.remove(0);
            if (!allowed(command, flag)) {
                throw new IllegalArgumentException(command + " does not take " + flag);
            }
            flags.add(flag);
        }
        boolean twoSided = Set.of("-cp", "-mv", "-put", "-get").contains(command);
        if (arguments.size() < (twoSided ? 2 : 1)) {
            throw new IllegalArgumentException(command + " needs " + (twoSided ? "a source and a target" : "a path"));
        }
        return new FileCommand(command, flags, arguments, call.group(1).equalsIgnoreCase("fs"));
    }

    private static boolean allowed(String command, String flag) {
        return switch (command) {
            case "-mkdir" -> flag.equals("-p");
            case "-rm" -> Set.of("-r", "-f").contains(flag);
            case "-cp", "-put", "-get" -> flag.equals("-f");
            default -> false;
        };
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?m)^\\s*--.*$", "").strip();
    }

    /** What the job's log says it ran. */
    @Override
    public String toString() {
        return (glob ? "fs " : "") + command + (flags.isEmpty() ? "" : " " + String.join(" ", flags)) + " "
                + String.join(" ", paths);
    }

    /** Runs the command; the first path it cannot act on fails it, and what it did before stays done. */
    public void run() throws IOException {
        switch (command) {
            case "-mkdir" -> {
                for (String path : paths) {
                    mkdir(jobPath(path), flags.contains("-p"));
                }
            }
            case "-rm" -> {
                for (String path : paths) {
                    remove(jobPath(path), flags.contains("-r"), flags.contains("-f"));
                }
            }
            case "-touchz" -> {
                for (String path : paths) {
                    touch(jobPath(path));
                }
            }
            default -> copyOrMove();
        }
    }

    private void copyOrMove() throws IOException {
        boolean fromLocal = command.equals("-put");
        boolean toLocal = command.equals("-get");
        List<Path> sources = new ArrayList<>();
        for (String source : paths.subList(0, paths.size() - 1)) {
            Path path = fromLocal ? localPath(source) : jobPath(source);
            List<Path> matches = matches(path);
            if (matches.isEmpty()) {
                throw new IOException("`" + source + "': No such file or directory");
            }
            sources.addAll(matches);
        }
        String targetText = paths.get(paths.size() - 1);
        Path target = toLocal ? localPath(targetText) : jobPath(targetText);
        FileSystem targetFs = target.getFileSystem();
        boolean intoDirectory =
                targetFs.exists(target) && targetFs.getFileStatus(target).isDir();
        if (sources.size() > 1 && !intoDirectory) {
            throw new IOException("`" + targetText + "': Is not a directory (several sources need one)");
        }
        int[] budget = {MAX_ENTRIES};
        for (Path source : sources) {
            Path destination = intoDirectory ? new Path(target, source.getName()) : target;
            if (targetFs.exists(destination)
                    && !(flags.contains("-f")
                            && !targetFs.getFileStatus(destination).isDir())) {
                throw new IOException("`" + destination + "': File exists");
            }
            Path parent = destination.getParent();
            if (glob && parent != null && !targetFs.exists(parent)) {
                // Hadoop's shell copies and moves into an existing directory only (Grunt's cp makes the parents)
                throw new IOException("`" + destination + "': No such file or directory");
            }
            if (isWithin(destination, source)) {
                throw new IOException("`" + source + "' cannot be copied or moved into itself");
            }
            if (command.equals("-mv")) {
                FileSystem fs = source.getFileSystem();
                if (!fs.getUri().equals(targetFs.getUri())) {
                    throw new IOException("`" + source + "': Does not match target filesystem");
                }
                if (!fs.rename(source, destination)) {
                    throw new IOException("`" + source + "' could not be moved to `" + destination + "'");
                }
            } else {
                copy(source, destination, budget);
            }
        }
    }

    /** Hadoop's {@code -mkdir}: the parents too with {@code -p}, which also accepts an existing directory. */
    static void mkdir(Path path, boolean parents) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (fs.exists(path)) {
            if (!fs.getFileStatus(path).isDir()) {
                throw new IOException("`" + path + "': Is not a directory");
            }
            if (!parents) {
                throw new IOException("`" + path + "': File exists");
            }
            return;
        }
        Path parent = path.getParent();
        if (!parents && parent != null && !fs.exists(parent)) {
            throw new IOException("`" + path + "': No such file or directory");
        }
        if (!fs.mkdirs(path)) {
            throw new IOException("`" + path + "': could not create the directory");
        }
    }

    /** Hadoop's {@code -rm}: a directory only with {@code -r}; a missing path fails unless {@code -f}. */
    private void remove(Path path, boolean recursive, boolean force) throws IOException {
        List<Path> matches = matches(path);
        if (matches.isEmpty() && !force) {
            throw new IOException("`" + path + "': No such file or directory");
        }
        for (Path match : matches) {
            FileSystem fs = match.getFileSystem();
            if (fs.getFileStatus(match).isDir() && !recursive) {
                throw new IOException("`" + match + "': Is a directory");
            }
            count(match, new int[] {MAX_ENTRIES});
            if (!fs.delete(match, true)) {
                throw new IOException("`" + match + "' could not be removed");
            }
        }
    }

    /** Hadoop's {@code -touchz}: an empty file; an existing empty one stays, a longer one fails. */
    private static void touch(Path path) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (fs.exists(path)) {
            FileStatus status = fs.getFileStatus(path);
            if (status.isDir()) {
                throw new IOException("`" + path + "': Is a directory");
            }
            if (status.getLen() != 0) {
                throw new IOException("`" + path + "': Not a zero-length file");
            }
            return;
        }
        if (path.getParent() != null && !fs.exists(path.getParent())) {
            throw new IOException("`" + path + "': No such file or directory");
        }
        fs.create(path, FileSystem.WriteMode.NO_OVERWRITE).close();
    }

    /** Copies a file, or a directory and everything under it, across file systems. */
    private static void copy(Path source, Path destination, int[] budget) throws IOException {
        FileSystem from = source.getFileSystem();
        FileSystem to = destination.getFileSystem();
        spend(budget, source);
        if (from.getFileStatus(source).isDir()) {
            if (!to.exists(destination) && !to.mkdirs(destination)) {
                throw new IOException("`" + destination + "': could not create the directory");
            }
            for (FileStatus child : from.listStatus(source)) {
                copy(child.getPath(), new Path(destination, child.getPath().getName()), budget);
            }
            return;
        }
        try (InputStream in = from.open(source);
                OutputStream out = to.create(destination, FileSystem.WriteMode.OVERWRITE)) {
            in.transferTo(out);
        }
    }

    /** Walks the tree under {@code path} within the budget, so a removal never starts on more than it allows. */
    private static void count(Path path, int[] budget) throws IOException {
        spend(budget, path);
        FileSystem fs = path.getFileSystem();
        if (fs.getFileStatus(path).isDir()) {
            for (FileStatus child : fs.listStatus(path)) {
                count(child.getPath(), budget);
            }
        }
    }

    private static void spend(int[] budget, Path path) throws IOException {
        if (--budget[0] < 0) {
            throw new IOException("`" + path + "': more than " + MAX_ENTRIES + " files and directories in one command");
        }
    }

    /** What a path stands for: itself if it exists, or, an fs command's glob, its matches (none: empty). */
    private List<Path> matches(Path path) throws IOException {
        List<Path> found = glob ? Prepare.expand(path) : path.getFileSystem().exists(path) ? List.of(path) : List.of();
        List<Path> existing = new ArrayList<>();
        for (Path match : found) {
            if (match.getFileSystem().exists(match)) {
                existing.add(match);
            }
        }
        if (existing.size() > MAX_ENTRIES) {
            throw new IOException("`" + path + "' matches more than " + MAX_ENTRIES + " paths");
        }
        return existing;
    }

    /** A path on the job's file system, resolved as its LOADs and STOREs are. */
    private static Path jobPath(String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("a file command's path is empty");
        }
        return new Path(path);
    }

    /**
     * A local path, inside the working directory of the job (the migrated repository in a local run, the container's
     * working directory on a cluster): a relative path, or an absolute one under it; never one that leaves it.
     */
    static Path localPath(String path) throws IOException {
        java.nio.file.Path root = new File("").getAbsoluteFile().toPath().toRealPath();
        String local = path.startsWith("file://") ? java.net.URI.create(path).getPath() : path;
        if (local.isBlank() || local.matches("^[A-Za-z][\\w+.-]*://.*")) {
            throw new IOException("`" + path + "': a local path must be a file of this machine");
        }
        java.nio.file.Path resolved = root.resolve(local).normalize();
        java.nio.file.Path real = resolved;
        // the deepest existing ancestor, links resolved, must stay inside too
        java.nio.file.Path existing = resolved;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            real = existing.toRealPath().resolve(existing.relativize(resolved));
        }
        if (!resolved.startsWith(root) || !real.startsWith(root)) {
            throw new IOException(
                    "`" + path + "': outside the job's working directory " + root + ", where its local files are");
        }
        return new Path(resolved.toUri());
    }

    private static boolean isWithin(Path path, Path ancestor) {
        String a = ancestor.makeQualified(fileSystem(ancestor)).toString();
        String p = path.makeQualified(fileSystem(path)).toString();
        return p.equals(a) || p.startsWith(a.endsWith("/") ? a : a + "/");
    }

    private static FileSystem fileSystem(Path path) {
        try {
            return path.getFileSystem();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
