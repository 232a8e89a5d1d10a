package dev.ferry.runtime.functions;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import dev.ferry.runtime.SharedMiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;

/**
 * Runs a table of builtin calls in real Pig 0.18 and, through the runtime's library, in embedded
 * Flink SQL over the same file, and lists every value on which they disagree. One Pig script and one
 * Flink job per table (a FOREACH with one column per case), so a family costs one run of each.
 *
 * <p>Both sides read and write PigStorage with the \u0001 delimiter, so values may hold tabs and
 * commas; the first column of every row is its id, so rows pair up whatever order they come in.
 */
final class BuiltinDifferential {

    /**
     * One builtin call: the Pig expression and the Flink SQL expression that translates it.
     * {@code pigFailsOnNull}: Pig's builtin throws on a null argument, failing the whole job (the
     * library answers null instead).
     */
    record Case(String pig, String flink, boolean pigFailsOnNull) {
        Case(String pig, String flink) {
            this(pig, flink, false);
        }

        static Case failing(String pig, String flink) {
            return new Case(pig, flink, true);
        }
    }

    /** What one table gave: the number of values compared and every disagreement, described. */
    record Outcome(int compared, List<String> disagreements) {
        Outcome plus(Outcome other) {
            List<String> all = new ArrayList<>(disagreements);
            all.addAll(other.disagreements);
            return new Outcome(compared + other.compared, all);
        }

        String summary(String family, int cases) {
            return family + ": " + cases + " cases, " + (compared - disagreements.size()) + "/" + compared
                    + " values agree";
        }
    }

    static final String DELIMITER = "\\u0001";

    private BuiltinDifferential() {}

    /**
     * @param schema the Pig schema of the input, {@code id:int} first
     * @param flinkColumns the same columns as Flink SQL column definitions
     * @param rows the input lines, fields separated by \u0001
     */
    static Outcome run(Path dir, String schema, String flinkColumns, List<String> rows, List<Case> cases)
            throws Exception {
        Files.createDirectories(dir);
        Path input = Files.writeString(dir.resolve("input.txt"), String.join("\n", rows) + "\n");
        Path pigOut = dir.resolve("pig");
        Path flinkOut = dir.resolve("flink");

        String pigScript = "rows = LOAD '$INPUT' USING PigStorage('" + DELIMITER + "') AS (" + schema + ");\n"
                + "r = FOREACH rows GENERATE id, "
                + pigColumns(cases) + ";\n"
                + "STORE r INTO '$OUTPUT' USING PigStorage('" + DELIMITER + "');\n";
        Path script = Files.writeString(dir.resolve("case.pig"), pigScript);
        PigOracle.shared().run(script, Map.of("INPUT", input.toString(), "OUTPUT", pigOut.toString()));

        TableEnvironment env = SharedMiniCluster.batchEnvironment();
        PigFunctions.registerAll(env);
        env.executeSql("CREATE TEMPORARY TABLE `rows` (" + flinkColumns + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + input.toUri() + "', 'format' = 'pig-storage',"
                + " 'pig-storage.field-delimiter' = '" + DELIMITER + "')");
        StringBuilder select = new StringBuilder("SELECT id");
        for (int i = 0; i < cases.size(); i++) {
            select.append(",\n  ").append(cases.get(i).flink()).append(" AS c").append(i);
        }
        select.append("\nFROM `rows`");
        ResolvedSchema result = env.sqlQuery(select.toString()).getResolvedSchema();
        String sinkColumns = result.getColumns().stream()
                .map(c -> "`" + c.getName() + "` "
                        + c.getDataType().getLogicalType().asSerializableString())
                .collect(Collectors.joining(", "));
        env.executeSql("CREATE TEMPORARY TABLE `out` (" + sinkColumns + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + flinkOut.toUri() + "', 'format' = 'pig-storage',"
                + " 'pig-storage.field-delimiter' = '" + DELIMITER + "')");
        env.executeSql("INSERT INTO `out` " + select).await();

        Map<String, String[]> pig = byId(PigOutput.read(pigOut));
        Map<String, String[]> flink = byId(PigOutput.read(flinkOut));
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        if (!pig.keySet().equals(flink.keySet())) {
            disagreements.add("row ids differ: pig " + pig.keySet() + ", flink " + flink.keySet());
        }
        for (Map.Entry<String, String[]> row : pig.entrySet()) {
            String[] theirs = flink.get(row.getKey());
            if (theirs == null) {
                continue;
            }
            for (int i = 0; i < cases.size(); i++) {
                compared++;
                String p = field(row.getValue(), i + 1);
                String f = field(theirs, i + 1);
                if (!p.equals(f)) {
                    disagreements.add(
                            "row " + row.getKey() + ", " + cases.get(i).pig() + ": pig [" + p
                                    + "], flink [" + f + "] (" + cases.get(i).flink() + " : "
                                    + result.getColumns().get(i + 1).getDataType() + ")");
                }
            }
        }
        return new Outcome(compared, disagreements);
    }

    /** Each Pig call aliased, as two calls of one builtin would otherwise clash on the name Pig gives. */
    private static String pigColumns(List<Case> cases) {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            columns.append(i > 0 ? ",\n    " : "")
                    .append(cases.get(i).pig())
                    .append(" AS c")
                    .append(i);
        }
        return columns.toString();
    }

    private static Map<String, String[]> byId(List<String> lines) {
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : lines) {
            String[] fields = line.split("\u0001", -1);
            rows.put(fields[0], fields);
        }
        return rows;
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i] : "";
    }
}
