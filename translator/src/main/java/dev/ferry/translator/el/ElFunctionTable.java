package dev.ferry.translator.el;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Oozie EL function to the Python callable the generated DAGs reach through {@code user_defined_macros}
 * ({@code wf}, {@code coord}, {@code fs}, {@code hadoop}, {@code hcat}, {@code fn}, {@code el} and {@code empty} from
 * ferry_runtime.el.macros()), with its arity and result type. It mirrors the runtime's EL_FUNCTIONS table:
 * adding a translation is one row here, one row in the tests and one helper (plus its row) in
 * runtime/python/ferry_runtime/el. The catalog is Oozie 5.2's (oozie-default.xml,
 * {@code oozie.service.ELService.functions.*}); functions Ferry cannot give a meaning are in
 * {@link #UNSUPPORTED} with the reason their OOZ-W004 warning states.
 */
public final class ElFunctionTable {

    /**
     * One row: the EL name ({@code prefix:name} or a bare name), the Python callable, the argument count, the
     * result type, and a caveat: when not null the translation is kept but warned about (OOZ-W008) with it.
     */
    public record ElFunction(String elName, String python, int arity, ElType type, String caveat) {}

    private static final List<ElFunction> ROWS = List.of(
            // Workflow functions (DagELFunctions; wf: object of the runtime).
            row("wf:id", "wf.id", 0),
            row("wf:name", "wf.name", 0),
            row("wf:appPath", "wf.app_path", 0),
            row("wf:conf", "wf.conf", 1),
            row("wf:user", "wf.user", 0),
            row("wf:group", "wf.group", 0),
            row("wf:run", "wf.run", 0, ElType.LONG),
            row("wf:lastErrorNode", "wf.last_error_node", 0),
            row("wf:errorCode", "wf.error_code", 1),
            row("wf:errorMessage", "wf.error_message", 1),
            row("wf:transition", "wf.transition", 1),
            row("wf:actionData", "wf.action_data", 1, ElType.STRING_MAP),
            row("wf:actionExternalId", "wf.action_external_id", 1),
            row("wf:actionTrackerUri", "wf.action_tracker_uri", 1),
            row("wf:actionExternalStatus", "wf.action_external_status", 1),
            // Hadoop functions (HadoopELFunctions; hadoop: object of the runtime).
            caveat(
                    "hadoop:counters",
                    "hadoop.counters",
                    1,
                    ElType.COUNTER_GROUPS,
                    "a Flink job has no Hadoop counters: hadoop:counters gives an empty map (every counter null)"
                            + " unless the action pushes XCom 'ferry_hadoop_counters'"),
            row("hadoop:conf", "hadoop.conf", 2),
            // Coordinator functions that do not depend on a dataset (CoordELFunctions; coord: object).
            row("coord:nominalTime", "coord.nominal_time", 0),
            row("coord:actualTime", "coord.actual_time", 0),
            row("coord:formatTime", "coord.format_time", 2),
            row("coord:epochTime", "coord.epoch_time", 2),
            row("coord:dateOffset", "coord.date_offset", 3),
            row("coord:dateTzOffset", "coord.date_tz_offset", 2),
            row("coord:name", "coord.name", 0),
            row("coord:actionId", "coord.action_id", 0),
            row("coord:conf", "coord.conf", 1),
            row("coord:user", "coord.user", 0),
            row("coord:days", "coord.days", 1, ElType.LONG),
            row("coord:hours", "coord.hours", 1, ElType.LONG),
            row("coord:minutes", "coord.minutes", 1, ElType.LONG),
            row("coord:months", "coord.months", 1, ElType.LONG),
            row("coord:endOfDays", "coord.end_of_days", 1, ElType.LONG),
            row("coord:endOfWeeks", "coord.end_of_weeks", 1, ElType.LONG),
            row("coord:endOfMonths", "coord.end_of_months", 1, ElType.LONG),
            // Dataset functions (coord: object of the runtime, ferry_runtime.el.datasets): the coordinator's
            // data-in/data-out instances resolved from the run's nominal time. coord:current/offset/latest/future
            // only appear in <instance> elements, which CoordinatorDatasets reads structurally.
            row("coord:dataIn", "coord.data_in", 1),
            row("coord:dataOut", "coord.data_out", 1),
            row("coord:dataInPartitions", "coord.data_in_partitions", 2),
            row("coord:dataInPartitionFilter", "coord.data_in_partition_filter", 2),
            row("coord:dataInPartitionMin", "coord.data_in_partition_min", 2),
            row("coord:dataInPartitionMax", "coord.data_in_partition_max", 2),
            row("coord:dataOutPartitions", "coord.data_out_partitions", 1),
            row("coord:dataOutPartitionValue", "coord.data_out_partition_value", 2),
            row("coord:databaseIn", "coord.database_in", 1),
            row("coord:databaseOut", "coord.database_out", 1),
            row("coord:tableIn", "coord.table_in", 1),
            row("coord:tableOut", "coord.table_out", 1),
            // HDFS functions (FsELFunctions; fs: object of the runtime).
            row("fs:exists", "fs.exists", 1, ElType.BOOLEAN),
            row("fs:isDir", "fs.is_dir", 1, ElType.BOOLEAN),
            row("fs:fileSize", "fs.file_size", 1, ElType.LONG),
            row("fs:dirSize", "fs.dir_size", 1, ElType.LONG),
            row("fs:blockSize", "fs.block_size", 1, ElType.LONG),
            // HCatalog (HCatELFunctions.hcat_exists; hcat: object of the runtime, ferry_runtime.hcat): whether
            // the URI's partition exists, asked of the Hive metastore the URI names.
            row("hcat:exists", "hcat.exists", 1, ElType.BOOLEAN),
            // Basic EL functions (ELConstantsFunctions; fn: object of the runtime).
            row("firstNotNull", "fn.first_not_null", 2, ElType.ANY),
            row("concat", "fn.concat", 2),
            row("replaceAll", "fn.replace_all", 3),
            row("appendAll", "fn.append_all", 3),
            row("trim", "fn.trim", 1),
            row("urlEncode", "fn.url_encode", 1),
            row("timestamp", "fn.timestamp", 0),
            row("toJsonStr", "fn.to_json_str", 1),
            row("toPropertiesStr", "fn.to_properties_str", 1),
            row("toConfigurationStr", "fn.to_configuration_str", 1));

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

    private static ElFunction row(String elName, String python, int arity) {
        return row(elName, python, arity, ElType.STRING);
    }

    private static ElFunction row(String elName, String python, int arity, ElType type) {
        return new ElFunction(elName, python, arity, type, null);
    }

    private static ElFunction caveat(String elName, String python, int arity, ElType type, String caveat) {
        return new ElFunction(elName, python, arity, type, caveat);
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
