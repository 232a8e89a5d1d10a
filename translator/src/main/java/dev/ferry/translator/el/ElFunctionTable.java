package dev.ferry.translator.el;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Oozie EL function to the Python callable the generated DAGs reach through {@code user_defined_macros}
 * ({@code wf}, {@code coord}, {@code fs}, {@code fn} and {@code empty} from ferry_runtime.el.macros()), with its
 * arity. It mirrors the runtime's EL_FUNCTIONS table: adding a translation is one row here, one row in the
 * tests and one helper (plus its row) in runtime/python/ferry_runtime/el.
 */
public final class ElFunctionTable {

    /** One row: the EL name ({@code prefix:name} or a bare name), the Python callable, the argument count. */
    public record ElFunction(String elName, String python, int arity) {}

    private static final List<ElFunction> ROWS = List.of(
            // Workflow functions (wf: object of the runtime).
            row("wf:id", "wf.id", 0),
            row("wf:name", "wf.name", 0),
            row("wf:appPath", "wf.app_path", 0),
            row("wf:conf", "wf.conf", 1),
            row("wf:user", "wf.user", 0),
            row("wf:group", "wf.group", 0),
            row("wf:lastErrorNode", "wf.last_error_node", 0),
            row("wf:errorCode", "wf.error_code", 1),
            row("wf:errorMessage", "wf.error_message", 1),
            row("wf:transition", "wf.transition", 1),
            row("wf:actionData", "wf.action_data", 1),
            // Coordinator functions (coord: object of the runtime).
            row("coord:nominalTime", "coord.nominal_time", 0),
            row("coord:actualTime", "coord.actual_time", 0),
            row("coord:formatTime", "coord.format_time", 2),
            row("coord:dateOffset", "coord.date_offset", 3),
            row("coord:dateTzOffset", "coord.date_tz_offset", 2),
            row("coord:days", "coord.days", 1),
            row("coord:hours", "coord.hours", 1),
            row("coord:minutes", "coord.minutes", 1),
            row("coord:months", "coord.months", 1),
            // Dataset functions (coord: object of the runtime, ferry_runtime.el.datasets): the coordinator's
            // data-in/data-out instances resolved from the run's nominal time. coord:current/offset/latest/future
            // only appear in <instance> elements, which CoordinatorDatasets reads structurally.
            row("coord:dataIn", "coord.data_in", 1),
            row("coord:dataOut", "coord.data_out", 1),
            row("coord:user", "coord.user", 0),
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
            // HDFS functions (fs: object of the runtime).
            row("fs:exists", "fs.exists", 1),
            row("fs:isDir", "fs.is_dir", 1),
            row("fs:fileSize", "fs.file_size", 1),
            row("fs:dirSize", "fs.dir_size", 1),
            row("fs:blockSize", "fs.block_size", 1),
            // Basic EL functions (fn: object of the runtime).
            row("concat", "fn.concat", 2),
            row("replaceAll", "fn.replace_all", 3),
            row("appendAll", "fn.append_all", 3),
            row("trim", "fn.trim", 1),
            row("urlEncode", "fn.url_encode", 1),
            row("timestamp", "fn.timestamp", 0),
            row("toJsonStr", "fn.to_json_str", 1),
            row("toPropertiesStr", "fn.to_properties_str", 1),
            row("toConfigurationStr", "fn.to_configuration_str", 1),
            row("firstNotNull", "fn.first_not_null", 2));

    /** The EL {@code empty} operator's helper: the runtime's top-level {@code empty} macro. */
    public static final String EMPTY_OPERATOR = "empty";

    /** Oozie's basic EL constants: byte sizes. */
    private static final Map<String, String> CONSTANTS = Map.of(
            "KB", "1024",
            "MB", "1048576",
            "GB", "1073741824",
            "TB", "1099511627776",
            "PB", "1125899906842624");

    private static final Map<String, ElFunction> BY_NAME = index();

    private ElFunctionTable() {}

    public static Optional<ElFunction> function(String qualifiedName) {
        return Optional.ofNullable(BY_NAME.get(qualifiedName));
    }

    /** The Python literal for an EL constant such as {@code KB}. */
    public static Optional<String> constant(String identifier) {
        return Optional.ofNullable(CONSTANTS.get(identifier));
    }

    /** Every row, in table order (the runtime's contract). */
    public static Collection<ElFunction> functions() {
        return ROWS;
    }

    private static ElFunction row(String elName, String python, int arity) {
        return new ElFunction(elName, python, arity);
    }

    private static Map<String, ElFunction> index() {
        Map<String, ElFunction> map = new LinkedHashMap<>();
        ROWS.forEach(r -> map.put(r.elName(), r));
        return Map.copyOf(map);
    }
}
