package dev.ferry.diagnostics;

/**
 * Every diagnostic code Ferry emits, with its severity and what it means: one row per code.
 */
public enum DiagnosticCode {
    // Input files
    IO_E001("IO-E001", Severity.ERROR, "input file cannot be read"),
    IO_E002(
            "IO-E002",
            Severity.ERROR,
            "path leaves the repository (through .., an absolute path or a symbolic link); not read"),
    IO_E003(
            "IO-E003",
            Severity.ERROR,
            "input exceeds a size or depth limit (property/parameter expansion, macros, nesting)"),
    FERRY_E001("FERRY-E001", Severity.ERROR, "internal error: a Ferry bug, not a problem of the input (exit code 3)"),
    FERRY_E010(
            "FERRY-E010",
            Severity.ERROR,
            "ferry.yaml does not follow its schema (unknown key, wrong type, bad value); nothing of it is applied"),
    FERRY_W011("FERRY-W011", Severity.WARNING, "ferry.yaml names a DAG, task or file the repository does not have"),

    // Oozie XML, properties and EL
    OOZ_E001("OOZ-E001", Severity.ERROR, "malformed XML"),
    OOZ_E002("OOZ-E002", Severity.ERROR, "XML declares a DTD or external entity (refused)"),
    OOZ_E003("OOZ-E003", Severity.ERROR, "unknown root element or namespace"),
    OOZ_E004("OOZ-E004", Severity.ERROR, "required element or attribute missing"),
    OOZ_E005("OOZ-E005", Severity.ERROR, "transition to a node that does not exist"),
    OOZ_E006("OOZ-E006", Severity.ERROR, "duplicate node name"),
    OOZ_E007("OOZ-E007", Severity.ERROR, "EL expression does not parse"),
    OOZ_E008("OOZ-E008", Severity.ERROR, "fork without a matching join, or a cycle in the graph"),
    OOZ_E009("OOZ-E009", Severity.ERROR, "sub-workflow referenced by an action is missing"),
    OOZ_E010("OOZ-E010", Severity.ERROR, "coordinator frequency or dates cannot be understood"),
    OOZ_E011(
            "OOZ-E011",
            Severity.ERROR,
            "attribute or element value is not valid (for example a non-numeric retry-max)"),
    OOZ_E012("OOZ-E012", Severity.ERROR, "coordinator data-in/data-out names a dataset that is not defined"),
    OOZ_E013("OOZ-E013", Severity.ERROR, "properties file is malformed (for example a bad unicode escape)"),
    OOZ_E014("OOZ-E014", Severity.ERROR, "document does not follow its Oozie XML schema (XSD)"),
    OOZ_E015("OOZ-E015", Severity.ERROR, "required parameter (declared without a value) is not supplied"),
    OOZ_E016("OOZ-E016", Severity.ERROR, "cycle in the workflow graph"),
    OOZ_E017(
            "OOZ-E017",
            Severity.ERROR,
            "join reached from outside its fork, or a fork path that leaves through another join"),
    OOZ_E018("OOZ-E018", Severity.ERROR, "action names a credential that <credentials> does not declare"),
    OOZ_E019("OOZ-E019", Severity.ERROR, "node reached by two ok paths that no single decision chooses between"),
    OOZ_W001("OOZ-W001", Severity.WARNING, "element carried into the report as a TODO, not translated"),
    OOZ_W002("OOZ-W002", Severity.WARNING, "secret-looking property kept out of generated files"),
    OOZ_W003("OOZ-W003", Severity.WARNING, "unreachable node"),
    OOZ_W004("OOZ-W004", Severity.WARNING, "EL function not translated; resolved to a run-time TODO"),
    OOZ_W005("OOZ-W005", Severity.WARNING, "action type not translated; placeholder task generated"),
    OOZ_W006("OOZ-W006", Severity.WARNING, "custom action type with no Oozie schema; kept as a generic action"),
    OOZ_W007(
            "OOZ-W007",
            Severity.WARNING,
            "schema version not known to the bundled Oozie XSDs, or no namespace (Oozie rejects it); not validated"),
    OOZ_W008(
            "OOZ-W008",
            Severity.WARNING,
            "EL function translated, but its value cannot be Oozie's (for example Hadoop counters of a Flink job)"),
    OOZ_W009(
            "OOZ-W009",
            Severity.WARNING,
            "pig script of an action is not in the repository (or its path is known only at run time); the action becomes a task that fails with the TODO"),
    OOZ_W020("OOZ-W020", Severity.WARNING, "action runs in a container: a person must supply its image (DAG param)"),
    OOZ_W021("OOZ-W021", Severity.WARNING, "HiveQL runs unchanged in Hive; not translated to Flink SQL"),
    OOZ_W022("OOZ-W022", Severity.WARNING, "credential becomes a Kubernetes Secret a person must create"),
    OOZ_W030("OOZ-W030", Severity.WARNING, "two applications share a DAG id; told apart by their paths"),
    OOZ_W031("OOZ-W031", Severity.WARNING, "dataset sensor that Oozie lets wait forever gets a finite timeout"),
    OOZ_W032(
            "OOZ-W032",
            Severity.WARNING,
            "coordinator start, end or frequency is a property given at submission (no file of the repository defines it): the DAG is written paused, its start a placeholder or its schedule None until a person sets it"),
    OOZ_W033(
            "OOZ-W033",
            Severity.WARNING,
            "bundle coordinator app-path names no path of the repository: the one coordinator of that file name is taken"),
    OOZ_W034(
            "OOZ-W034",
            Severity.WARNING,
            "EL expression of an action or decision does not parse: Oozie accepts the workflow and fails the job when a run reaches that node, and so does the DAG's task"),
    OOZ_E030("OOZ-E030", Severity.ERROR, "dataset uri-template variable the runtime cannot fill"),

    // Pig Latin
    PIG_E001("PIG-E001", Severity.ERROR, "syntax error"),
    PIG_E002("PIG-E002", Severity.ERROR, "undefined parameter"),
    PIG_E003("PIG-E003", Severity.ERROR, "parameter value comes from a shell command, which Ferry does not run"),
    PIG_E004("PIG-E004", Severity.ERROR, "macro cannot be expanded (unknown macro, wrong arguments, recursion)"),
    PIG_E005("PIG-E005", Severity.ERROR, "imported file cannot be read"),
    PIG_E010("PIG-E010", Severity.ERROR, "unknown alias"),
    PIG_E011("PIG-E011", Severity.ERROR, "unknown field"),
    PIG_E012("PIG-E012", Severity.ERROR, "ambiguous field reference"),
    PIG_E013("PIG-E013", Severity.ERROR, "type error"),
    PIG_E014("PIG-E014", Severity.ERROR, "duplicate field name"),
    PIG_E020("PIG-E020", Severity.ERROR, "construct not supported by the Flink SQL translation yet"),
    PIG_W001("PIG-W001", Severity.WARNING, "statement has no effect on any STORE and is not translated"),
    PIG_W002("PIG-W002", Severity.WARNING, "LIMIT without ORDER: Pig and Flink may keep different rows"),
    PIG_W003(
            "PIG-W003",
            Severity.WARNING,
            "FLATTEN of a nested ORDER's bag: the rows are kept, not their order within each group"),
    PIG_W004(
            "PIG-W004",
            Severity.WARNING,
            "PARTITION BY (a custom Hadoop partitioner) is dropped: it chooses reducers, not rows"),
    PIG_W005(
            "PIG-W005",
            Severity.WARNING,
            "a parameter's value is a shell command's output, which Ferry never runs: it must be given at run time"),
    PIG_W006(
            "PIG-W006",
            Severity.WARNING,
            "RANK without BY numbers the rows in the order Pig's reduce task writes them: exact where Pig runs one"),
    PIG_W010(
            "PIG-W010",
            Severity.WARNING,
            "builtin or storage function translated, but its result differs from Pig's in the case the message names"),
    PIG_W020(
            "PIG-W020",
            Severity.WARNING,
            "Pig construct not translated yet in a workflow's script; the action becomes a task that fails with the TODO"),
    PIG_W030(
            "PIG-W030",
            Severity.WARNING,
            "PARALLEL or default_parallel is not a constant (a parameter known only at run time); the job keeps its default parallelism"),
    PIG_W040(
            "PIG-W040",
            Severity.WARNING,
            "a Java UDF's result type is not known from its source or class file; Pig's default, bytearray, is assumed"),
    PIG_W041(
            "PIG-W041",
            Severity.WARNING,
            "a REGISTERed jar is not a file of the repository (a URI, a glob or missing); the job does not get it"),

    // ferry verify (running a script in real Pig and on Flink)
    VER_E001(
            "VER-E001",
            Severity.ERROR,
            "ferry verify cannot redirect a LOAD or STORE path: it is not written literally in the script (a macro's, or built by an expression)"),
    VER_E002(
            "VER-E002",
            Severity.ERROR,
            "ferry verify has no input for a LOAD: none in the repository, and its loader's format cannot be generated"),
    VER_E003(
            "VER-E003",
            Severity.ERROR,
            "the script failed in real Pig, or its translation failed on Flink, on the verification input"),

    // Output
    GEN_E001("GEN-E001", Severity.ERROR, "output cannot be written");

    private final String id;
    private final Severity severity;
    private final String description;

    DiagnosticCode(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
