package dev.ferry.translator.el;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Oozie EL function to the Python callable the generated DAGs reach through {@code user_defined_macros}
 * ({@code wf}, {@code coord}, {@code fs}, {@code hadoop}, {@code hcat}, {@code fn}, {@code el} and {@code empty} from
 * ferry_runtime.el.macros()), with its arity and result type. The rows are the runtime's own table,
 * runtime/python/ferry_runtime/el/functions.tsv, which both languages read: adding a translation is one row there,
 * one row in the tests and its helper in runtime/python/ferry_runtime/el. The catalog is Oozie 5.2's (oozie-default.xml,
 * {@code oozie.service.ELService.functions.*}); functions Ferry cannot give a meaning are in
 * {@link #UNSUPPORTED} with the reason their OOZ-W004 warning states.
 */
public final class ElFunctionTable {

    /**
     * One row: the EL name ({@code prefix:name} or a bare name), the Python callable, the argument count, the
     * result type, and a caveat: when not null the translation is kept but warned about (OOZ-W008) with it.
     */
    public record ElFunction(String elName, String python, int arity, ElType type, String caveat) {}

    /** The table's file: the runtime's ferry_runtime/el/functions.tsv, bundled into this jar by the build. */
    static final String RESOURCE = "functions.tsv";

    private static final List<ElFunction> ROWS = load();

    /** Oozie functions with no Airflow meaning: name → why (the OOZ-W004 message says it). */
    public static final Map<String, String> UNSUPPORTED = Map.of(
            "wf:callback",
                    "Oozie's callback URL (CallbackService) has no Airflow counterpart: "
                            + "a task reports its state itself",
            "bundle:conf",
                    "it only exists in a bundle's coordinator <configuration> values (bundle-submit EL), "
                            + "which Ferry resolves at conversion; elsewhere read the property with wf:conf");

    /** An EL constant: its value and type. */
    public record ElConstant(RuntimeExpr value, ElType type) {}

    /**
     * Oozie's EL constants: byte sizes (ELConstantsFunctions), Hadoop counter names (HadoopELFunctions), the
     * SLA minute counts (ELConstantsFunctions.SUBMIT_MINUTES/HOURS/DAYS, for wf-sla-submit and coord-sla-*).
     * coord-job-submit-nofuncs' MINUTE...YEAR (CoordELConstants) are not here: they only exist while Oozie
     * submits a coordinator, which Ferry's schedule translation handles itself.
     */
    private static final Map<String, ElConstant> CONSTANTS = constants();

    private static final Map<String, ElFunction> BY_NAME = index();

    private ElFunctionTable() {}

    public static Optional<ElFunction> function(String qualifiedName) {
        return Optional.ofNullable(BY_NAME.get(qualifiedName));
    }

    /** The reason an Oozie function is not translated, when it is one Ferry knows it cannot translate. */
    public static Optional<String> unsupported(String qualifiedName) {
        return Optional.ofNullable(UNSUPPORTED.get(qualifiedName));
    }

    public static Optional<ElConstant> typedConstant(String identifier) {
        return Optional.ofNullable(CONSTANTS.get(identifier));
    }

    /** Every row, in table order (the runtime's contract). */
    public static Collection<ElFunction> functions() {
        return ROWS;
    }

    /**
     * The rows of {@link #RESOURCE}: lines of tab-separated EL name, callable, arity, {@link ElType} name, caveat and
     * the runtime's note, after {@code #} comments and a header line.
     */
    private static List<ElFunction> load() {
        try (InputStream in = ElFunctionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ElFunction> parse(String table) {
        List<ElFunction> rows = new ArrayList<>();
        List<String> lines =
                table.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IllegalStateException(RESOURCE + ": not six tab-separated cells: " + line);
            }
            rows.add(new ElFunction(
                    cells[0],
                    cells[1],
                    Integer.parseInt(cells[2]),
                    ElType.valueOf(cells[3]),
                    cells[4].isEmpty() ? null : cells[4]));
        }
        return List.copyOf(rows);
    }

    private static Map<String, ElConstant> constants() {
        Map<String, ElConstant> map = new LinkedHashMap<>();
        long size = 1;
        for (String unit : List.of("KB", "MB", "GB", "TB", "PB")) {
            size *= 1024;
            map.put(unit, new ElConstant(new RuntimeExpr.LongLiteral(BigInteger.valueOf(size)), ElType.LONG));
        }
        map.put("RECORDS", text("org.apache.hadoop.mapred.Task$Counter"));
        map.put("MAP_IN", text("MAP_INPUT_RECORDS"));
        map.put("MAP_OUT", text("MAP_OUTPUT_RECORDS"));
        map.put("REDUCE_IN", text("REDUCE_INPUT_RECORDS"));
        map.put("REDUCE_OUT", text("REDUCE_OUTPUT_RECORDS"));
        map.put("GROUPS", text("REDUCE_INPUT_GROUPS"));
        map.put("MINUTES", minutes(1));
        map.put("HOURS", minutes(60));
        map.put("DAYS", minutes(1440));
        return Map.copyOf(map);
    }

    private static ElConstant text(String value) {
        return new ElConstant(new RuntimeExpr.StringLiteral(value), ElType.STRING);
    }

    private static ElConstant minutes(long count) {
        return new ElConstant(new RuntimeExpr.LongLiteral(BigInteger.valueOf(count)), ElType.LONG);
    }

    private static Map<String, ElFunction> index() {
        Map<String, ElFunction> map = new LinkedHashMap<>();
        ROWS.forEach(r -> map.put(r.elName(), r));
        return Map.copyOf(map);
    }
}
