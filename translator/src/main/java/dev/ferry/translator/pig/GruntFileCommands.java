package dev.ferry.translator.pig;

import dev.ferry.parser.pig.PigStatement;
import dev.ferry.translator.sql.SqlJob.FileOperation;
import dev.ferry.translator.sql.SqlJob.FileOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Grunt's file commands as GruntParser runs them (Pig 0.18): {@code rm} / {@code rmf} (processRemove: recursive, a
 * missing path fails {@code rm}), {@code mkdir} (processMkdir: parents too), {@code cp}, {@code mv}, {@code
 * copyFromLocal}, {@code copyToLocal} (processCopy...: Hadoop's FileUtil.copy, over an existing file), each taking its
 * words literally; and {@code fs -CMD} (processFsCommand: Hadoop's FsShell, which expands globs) for the commands that
 * change files. Each becomes one or more operations the job runs between its statements. What only prints ({@code
 * cat}, {@code ls}, {@code fs -ls}), runs a program ({@code sh}) or acts on other jobs ({@code kill}) has no place in
 * a Flink job: a TODO naming the command.
 */
final class GruntFileCommands {

    /** One operation: its paths as the script writes them (sources, then the target), and its options. */
    record Parsed(FileOperation operation, List<String> paths, Set<FileOption> options) {}

    /** The {@code fs} commands that change files: the operation and the flags each takes (others are a TODO). */
    private record Shell(FileOperation operation, Map<String, FileOption> flags, boolean onePathEach) {}

    private static final Map<String, Shell> SHELL = Map.ofEntries(
            Map.entry(
                    "-rm",
                    new Shell(
                            FileOperation.REMOVE,
                            Map.of(
                                    "-r", FileOption.RECURSIVE,
                                    "-R", FileOption.RECURSIVE,
                                    "-f", FileOption.FORCE),
                            true)),
            Map.entry("-rmr", new Shell(FileOperation.REMOVE, Map.of(), true)),
            Map.entry("-mkdir", new Shell(FileOperation.MAKE_DIRECTORY, Map.of("-p", FileOption.PARENTS), true)),
            Map.entry("-touchz", new Shell(FileOperation.TOUCH, Map.of(), true)),
            Map.entry("-cp", new Shell(FileOperation.COPY, Map.of("-f", FileOption.OVERWRITE), false)),
            Map.entry("-mv", new Shell(FileOperation.MOVE, Map.of(), false)),
            Map.entry("-put", new Shell(FileOperation.COPY_FROM_LOCAL, Map.of("-f", FileOption.OVERWRITE), false)),
            Map.entry(
                    "-copyFromLocal",
                    new Shell(FileOperation.COPY_FROM_LOCAL, Map.of("-f", FileOption.OVERWRITE), false)),
            Map.entry("-get", new Shell(FileOperation.COPY_TO_LOCAL, Map.of("-f", FileOption.OVERWRITE), false)),
            Map.entry(
                    "-copyToLocal", new Shell(FileOperation.COPY_TO_LOCAL, Map.of("-f", FileOption.OVERWRITE), false)));

    /** Why each Grunt command that is not a file operation cannot be one step of a Flink job. */
    private static final Map<String, String> NOT_IN_A_JOB = Map.of(
            "SH", "runs a shell command on the machine running Pig, which a Flink SQL job does not do",
            "CAT", "prints files to Pig's console; a Flink job has none to print to",
            "LS", "lists a directory on Pig's console; a Flink job has none to print to",
            "KILL", "kills another Hadoop job, which a Flink job does not reach",
            "CD", "changes Grunt's working directory, against which the job's paths would resolve",
            "PWD", "prints Grunt's working directory; a Flink job has no console to print to");

    private GruntFileCommands() {}

    /** Whether the operation's first path stands for what it matches: a glob of an {@code fs} command. */
    static boolean globbed(Parsed operation) {
        return operation.options().contains(FileOption.GLOB)
                && operation.paths().get(0).chars().anyMatch(c -> "*?[{\\".indexOf(c) >= 0);
    }

    /** The commands read here: Grunt's file commands, {@code fs}, and those that only print or run programs. */
    static final Set<String> KEYWORDS = Set.of(
            "RM",
            "RMF",
            "MKDIR",
            "CP",
            "MV",
            "COPYFROMLOCAL",
            "COPYTOLOCAL",
            "FS",
            "SH",
            "CAT",
            "LS",
            "KILL",
            "CD",
            "PWD");

    /**
     * The operations of a command, in the order Grunt runs them (one per path of {@code rm a b}).
     *
     * @throws TranslationError (a TODO) for a command with no place in a Flink job, or an {@code fs} command or flag
     *     that changes no file or that the runtime does not run
     */
    static List<Parsed> of(PigStatement.Command command) {
        List<String> words = words(command.argument());
        String name = command.keyword().toLowerCase(Locale.ROOT);
        return switch (command.keyword()) {
            case "RM" -> each(FileOperation.REMOVE, words, EnumSet.of(FileOption.RECURSIVE), command);
            case "RMF" ->
                each(FileOperation.REMOVE, words, EnumSet.of(FileOption.RECURSIVE, FileOption.FORCE), command);
            case "MKDIR" ->
                List.of(exactly(FileOperation.MAKE_DIRECTORY, words, 1, EnumSet.of(FileOption.PARENTS), command));
            case "CP" -> List.of(exactly(FileOperation.COPY, words, 2, EnumSet.of(FileOption.OVERWRITE), command));
            case "MV" -> List.of(exactly(FileOperation.MOVE, words, 2, EnumSet.noneOf(FileOption.class), command));
            case "COPYFROMLOCAL" ->
                List.of(exactly(FileOperation.COPY_FROM_LOCAL, words, 2, EnumSet.of(FileOption.OVERWRITE), command));
            case "COPYTOLOCAL" ->
                List.of(exactly(FileOperation.COPY_TO_LOCAL, words, 2, EnumSet.of(FileOption.OVERWRITE), command));
            case "FS" -> shell(words, command);
            default -> throw notInAJob(command, name);
        };
    }

    /** {@code fs -CMD [flags] PATH...}: Hadoop's shell, globs expanded. */
    private static List<Parsed> shell(List<String> words, PigStatement.Command command) {
        String op = words.isEmpty() ? "" : words.remove(0);
        Shell shell = SHELL.get(op);
        if (shell == null) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    "fs " + op + " is not translated: of Hadoop's shell commands the job runs those that change files"
                            + " (-rm, -rmr, -mkdir, -touchz, -cp, -mv, -put, -copyFromLocal, -get, -copyToLocal);"
                            + " fs " + op + (op.isEmpty() ? "" : " only reads or prints, or")
                            + " has no equivalent in a Flink job");
        }
        Set<FileOption> options = EnumSet.of(FileOption.GLOB);
        if (op.equals("-rmr")) {
            options.add(FileOption.RECURSIVE);
        }
        while (!words.isEmpty() && words.get(0).startsWith("-")) {
            String flag = words.remove(0);
            if (flag.equals("-skipTrash") && shell.operation() == FileOperation.REMOVE) {
                continue; // there is no trash: the path goes at once either way
            }
            if (op.equals("-rm") && (flag.equals("-rf") || flag.equals("-fr"))) {
                options.add(FileOption.RECURSIVE);
                options.add(FileOption.FORCE);
            } else if (shell.flags().containsKey(flag)) {
                options.add(shell.flags().get(flag));
            } else {
                throw ExprTranslator.unsupported(
                        command.span(),
                        "fs " + op + " " + flag + " is not translated: the job runs fs " + op
                                + (shell.flags().isEmpty()
                                        ? " without flags"
                                        : " with "
                                                + String.join(
                                                        ", ",
                                                        new java.util.TreeSet<>(
                                                                shell.flags().keySet())) + " only"));
            }
        }
        if (shell.onePathEach()) {
            return each(shell.operation(), words, options, command);
        }
        if (words.size() < 2) {
            throw ExprTranslator.unsupported(
                    command.span(), "fs " + op + " needs a source and a target; Hadoop's shell fails on it");
        }
        return List.of(new Parsed(shell.operation(), words, options));
    }

    private static List<Parsed> each(
            FileOperation operation, List<String> words, Set<FileOption> options, PigStatement.Command command) {
        if (words.isEmpty()) {
            throw ExprTranslator.unsupported(
                    command.span(), command.keyword().toLowerCase(Locale.ROOT) + " without a path is not translated");
        }
        return words.stream()
                .map(w -> new Parsed(operation, List.of(w), options))
                .toList();
    }

    private static Parsed exactly(
            FileOperation operation,
            List<String> words,
            int count,
            Set<FileOption> options,
            PigStatement.Command command) {
        if (words.size() != count) {
            throw ExprTranslator.unsupported(
                    command.span(),
                    command.keyword().toLowerCase(Locale.ROOT) + " takes " + (count == 1 ? "one path" : "two paths")
                            + ", and this one has " + words.size() + ": Grunt does not run it as written");
        }
        return new Parsed(operation, words, options);
    }

    private static TranslationError notInAJob(PigStatement.Command command, String name) {
        String why = NOT_IN_A_JOB.get(command.keyword());
        return ExprTranslator.unsupported(
                command.span(),
                name + " is not translated" + (why == null ? " yet by the Flink SQL translation" : ": it " + why));
    }

    /** The command's words, as Grunt's parser splits them: on blanks, each taken as written (quotes included). */
    private static List<String> words(String argument) {
        List<String> words = new ArrayList<>(List.of(argument.split("\\s+")));
        words.removeIf(String::isEmpty);
        return words;
    }
}
