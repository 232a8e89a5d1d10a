package dev.ferry.translator.pig;

import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlJob.FileFormat;
import dev.ferry.translator.sql.SqlJob.FileTag;
import java.util.Arrays;
import java.util.List;

/**
 * elephant-bird's {@code com.twitter.elephantbird.pig.load.JsonLoader}, a declared mapping (its jar is not needed): each
 * line that is a JSON object gives one field, a map of the object's entries, every other line is skipped (the
 * runtime's {@code elephant-bird-json} format reads the lines as the loader does). Its options ({@code
 * JsonLoader('-nestedLoad')}) are read as the loader reads them: its argument split on spaces, through commons-cli's
 * GnuParser, where a word without a dash is ignored; the {@code elephantbird.jsonloader.nestedLoad} property a SET gives
 * turns {@code -nestedLoad} on for every such loader of the script.
 */
final class ElephantBirdJson {

    static final String LOADER = "com.twitter.elephantbird.pig.load.JsonLoader";

    /** The property that turns nested loading on (JsonLoader.NESTED_LOAD_KEY), read when the job runs. */
    static final String NESTED_LOAD_KEY = "elephantbird.jsonloader.nestedLoad";

    /**
     * The map's values are chararrays that Pig's schema calls bytearrays: Pig converts them as a chararray
     * (DataType.toInteger...) or refuses them, not with the load caster's rules; the table holds their text only.
     */
    static final String VALUE_CASTS = PigFunctionTable.DIFFERS
            + "elephant-bird's map values are chararrays that Pig's schema calls bytearrays: Pig fails the job on a cast"
            + " of one to a number whose text is not that number's (1.5 to int, 1e3 to long), on SIZE of one and on a"
            + " lookup (#) in one (ERROR 1081, a value that is no object); here they are read as PigStorage's bytearrays"
            + " (1.5 as int is 1, SIZE counts bytes, the lookup is null)";

    /**
     * With -nestedLoad a nested object is a Map in Pig; the table holds its text, which a lookup reads back (one
     * warning a LOAD: both notes).
     */
    static final String NESTED_TEXT = VALUE_CASTS
            + "; with -nestedLoad a nested object's map is read back from its text ([k#v,...]) by a lookup (#), as"
            + " PigStorage reads a map: a value in it holding ',', '#' or a bracket ends the entry there or makes the"
            + " map null; Pig keeps the object's values whole";

    private ElephantBirdJson() {}

    /** Whether the script sets the property that makes every elephant-bird JsonLoader load nested structures. */
    static boolean nestedBySet(List<PigStatement> statements) {
        boolean nested = false;
        for (PigStatement statement : statements) {
            if (statement instanceof PigStatement.Command command
                    && command.keyword().equals("SET")) {
                String[] words = command.argument().split("\\s+", 2);
                if (words.length == 2 && words[0].equals(NESTED_LOAD_KEY)) {
                    // JsonLoader.getNext: "true".equals(jobConf.get(NESTED_LOAD_KEY)); the last SET is the job's.
                    nested = unquoted(words[1].strip()).equals("true");
                }
            }
        }
        return nested;
    }

    /** Whether a SET is the one this mapping translates (no warning that it is left to Pig's execution). */
    static boolean setsNestedLoad(PigStatement.Command command) {
        return command.keyword().equals("SET") && command.argument().startsWith(NESTED_LOAD_KEY + " ");
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /**
     * What {@code LOAD ... USING JsonLoader('options') [AS (name:map[])]} reads: one map field, named by the AS (Pig
     * has no schema for the LOAD without one: the field is {@code $0}).
     */
    static StorageFunctions.Storage load(FuncSpec function, List<FieldSchema> declared, boolean nestedBySet) {
        boolean nested = nestedBySet;
        List<String> words = function.arguments().isEmpty()
                ? List.of()
                : Arrays.asList(function.arguments().get(0).split(" "));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                continue; // an argument, which JsonLoader ignores
            }
            switch (word.replaceFirst("^--?", "")) {
                case "nestedLoad" -> nested = true;
                case "inputFormat" -> {
                    String format = i + 1 < words.size() ? words.get(++i) : "";
                    if (!format.equals("org.apache.hadoop.mapreduce.lib.input.TextInputFormat")) {
                        throw ExprTranslator.unsupported(
                                function.span(),
                                "elephant-bird's JsonLoader with '-inputFormat " + format
                                        + "' is not translated yet: Ferry reads the files' lines as TextInputFormat"
                                        + " does");
                    }
                }
                default ->
                    throw ExprTranslator.unsupported(
                            function.span(),
                            "'" + word + "' is not an option of elephant-bird's JsonLoader (-nestedLoad,"
                                    + " -inputFormat): Pig fails the script");
            }
        }
        if (declared.size() > 1
                || declared.size() == 1
                        && (declared.get(0).type() != PigType.MAP
                                || !declared.get(0).fields().isEmpty())) {
            throw ExprTranslator.unsupported(
                    declared.isEmpty() ? function.span() : declared.get(0).span(),
                    "elephant-bird's JsonLoader gives one field, an untyped map: declare it AS (name:map[]) or"
                            + " leave AS out (other schemas are not translated yet)");
        }
        return new StorageFunctions.Storage(
                nested ? FileFormat.ELEPHANT_BIRD_JSON_NESTED : FileFormat.ELEPHANT_BIRD_JSON,
                "\t",
                FileTag.NONE,
                List.of(new FieldSchema(null, PigType.MAP, function.span())),
                List.of(nested ? NESTED_TEXT : VALUE_CASTS));
    }
}
