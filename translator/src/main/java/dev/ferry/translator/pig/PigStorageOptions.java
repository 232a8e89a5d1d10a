package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FuncSpec;
import java.util.Arrays;
import java.util.List;

/**
 * PigStorage's options (its second argument) as Pig 0.18 reads them: the words of the argument, through commons-cli's
 * GnuParser, where a word without a leading '-' is an argument PigStorage ignores ('schema' or 'tagsource' does
 * nothing) and '-tagsource' is the deprecated spelling of '-tagFile'. One reading for the translation and for the rows
 * {@code ferry verify} generates.
 */
public final class PigStorageOptions {

    /** The option that prepends the name of the file a line was read from to its fields. */
    public static final String TAG_FILE = "-tagFile";
    /** The option that prepends the path of the file a line was read from to its fields. */
    public static final String TAG_PATH = "-tagPath";

    private PigStorageOptions() {}

    /** The options of {@code PigStorage(delimiter, options)}, each with its dash; empty without a second argument. */
    public static List<String> of(FuncSpec pigStorage) {
        if (pigStorage.arguments().size() < 2) {
            return List.of();
        }
        return Arrays.stream(pigStorage.arguments().get(1).trim().split("\\s+"))
                .filter(o -> o.startsWith("-"))
                .map(o -> o.equals("-tagsource") ? TAG_FILE : o)
                .toList();
    }

    /** Whether the loader prepends the file's name or path to each line's fields (the AS's first field is it). */
    public static boolean tagsSource(FuncSpec pigStorage) {
        List<String> options = of(pigStorage);
        return options.contains(TAG_FILE) || options.contains(TAG_PATH);
    }
}
