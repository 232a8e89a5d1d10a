package dev.ferry.generator.sql;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.generator.text.CommentText;
import dev.ferry.generator.text.Templates;
import dev.ferry.translator.sql.Column;
import dev.ferry.translator.sql.SqlJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link SqlJob} as the Flink SQL script a team will own: statements in Pig script order. */
public final class SqlScriptRenderer {

    /** One printed statement with the Pig lines it comes from. */
    public record Statement(List<String> sources, String text, int position) {
        public List<String> getSources() {
            return sources;
        }

        public String getText() {
            return text;
        }
    }

    private SqlScriptRenderer() {}

    public static String render(SqlJob job) {
        // In the job's order: each statement after the tables and views it reads, an INSERT after its sink.
        Map<String, Integer> position = new LinkedHashMap<>();
        job.order().forEach(name -> position.putIfAbsent(name, position.size()));
        List<Statement> statements = new ArrayList<>();
        if (job.javaUdfs().needsAdapter()) {
            for (String statement : javaUdfAdapter(job.javaUdfs())) {
                statements.add(new Statement(List.of(location(job.javaUdfs().span())), statement, -1));
            }
        }
        job.sinks().stream()
                .filter(sink -> sink.hive() != null && sink.hive().registration() != null)
                .findFirst()
                .ifPresent(sink -> statements.add(
                        new Statement(List.of(location(sink.span())), "ADD JAR " + literal(HCATALOG_JAR), -1)));
        for (SqlJob.Table table : job.sources()) {
            statements.add(
                    new Statement(List.of(location(table.span())), table(table, true), 3 * position.get(table.name())));
        }
        for (SqlJob.View view : job.views()) {
            statements.add(new Statement(
                    view.spans().stream().map(SqlScriptRenderer::location).toList(),
                    "CREATE TEMPORARY VIEW " + SqlIdentifiers.quote(view.name()) + " AS\n"
                            + SqlPrinter.query(view.query()),
                    3 * position.get(view.name())));
        }
        for (int i = 0; i < job.sinks().size(); i++) {
            SqlJob.Table sink = job.sinks().get(i);
            SqlJob.Insert insert = job.inserts().get(i);
            statements.add(
                    new Statement(List.of(location(sink.span())), table(sink, false), 3 * position.get(sink.name())));
            statements.add(new Statement(
                    insert.spans().stream().map(SqlScriptRenderer::location).toList(),
                    (insert.replaces() ? "INSERT OVERWRITE " : "INSERT INTO ") + SqlIdentifiers.quote(insert.sink())
                            + partition(insert.partition()) + "\n" + SqlPrinter.query(insert.query()),
                    3 * position.get(sink.name()) + 1));
        }
        for (SqlJob.FileCommand command : job.fileCommands()) {
            // after every statement of the first `after` names, before the next name's
            statements.add(
                    new Statement(List.of(location(command.span())), fileCommand(command), 3 * command.after() - 1));
        }
        statements.sort(Comparator.comparingInt(Statement::position));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("source", CommentText.line(job.sourceFile()));
        model.put(
                "parameters",
                job.parameters().stream()
                        .map(p -> Map.of(
                                "name",
                                CommentText.line(p.name()),
                                "default",
                                p.defaultValue() == null ? "" : CommentText.line(p.defaultValue()),
                                "hasDefault",
                                p.defaultValue() != null,
                                "secret",
                                p.secret()))
                        .toList());
        model.put("statements", statements);
        model.put("fileCommands", !job.fileCommands().isEmpty());
        return Templates.render(Templates.JOB_SQL, model);
    }

    /**
     * The runtime's Pig UDF adapter, registered with the jars it runs: its own (Pig's classes with it) under the
     * runner's {@code ${FERRY_UDF_DIR}}, and the jars the script REGISTERs under {@code ${FERRY_UDF_JARS}} (the
     * {@code udfs/} directory beside the script unless the run says otherwise) at their repository paths. A job that
     * loads with a Pig loader or stores with a Pig storer adds the jars to its classpath first (the pig-load and
     * pig-store connectors are found there when the job is planned; a function's USING JAR is read only when the function is called), and its function then
     * needs none of its own.
     */
    private static List<String> javaUdfAdapter(SqlJob.JavaUdfs udfs) {
        List<String> jars = new ArrayList<>();
        jars.add(ADAPTER_JAR);
        udfs.jars().forEach(jar -> jars.add(JARS_DIR + "/" + jar.path()));
        String function = "CREATE TEMPORARY SYSTEM FUNCTION " + SqlPrinter.JAVA_UDF_FUNCTION + " AS "
                + literal(ADAPTER_CLASS) + " LANGUAGE JAVA";
        if (!udfs.loaders()) {
            return List.of(function + "\n  USING "
                    + jars.stream().map(jar -> "JAR " + literal(jar)).collect(Collectors.joining(",\n  ")));
        }
        List<String> statements = new ArrayList<>(
                jars.stream().map(jar -> "ADD JAR " + literal(jar)).toList());
        if (udfs.called()) {
            statements.add(function);
        }
        return statements;
    }

    /** Hadoop's shell command of each file operation ({@code hadoop fs -mkdir ...}), which the runner's procedure takes. */
    private static final Map<SqlJob.FileOperation, String> SHELL_COMMANDS = Map.of(
            SqlJob.FileOperation.MAKE_DIRECTORY, "-mkdir",
            SqlJob.FileOperation.REMOVE, "-rm",
            SqlJob.FileOperation.COPY, "-cp",
            SqlJob.FileOperation.MOVE, "-mv",
            SqlJob.FileOperation.COPY_FROM_LOCAL, "-put",
            SqlJob.FileOperation.COPY_TO_LOCAL, "-get",
            SqlJob.FileOperation.TOUCH, "-touchz");

    /** Each option's flag, in the order they are printed. */
    private static final Map<SqlJob.FileOption, String> SHELL_FLAGS = new java.util.EnumMap<>(Map.of(
            SqlJob.FileOption.PARENTS, "-p",
            SqlJob.FileOption.RECURSIVE, "-r",
            SqlJob.FileOption.FORCE, "-f",
            SqlJob.FileOption.OVERWRITE, "-f"));

    /**
     * {@code CALL ferry.fs('-mkdir', '-p', '${OUT}')}: the runner's procedure running a file command with Hadoop's
     * shell semantics, globs expanded; {@code ferry.grunt} takes each path as written.
     */
    private static String fileCommand(SqlJob.FileCommand command) {
        List<String> arguments = new ArrayList<>();
        arguments.add(SHELL_COMMANDS.get(command.operation()));
        SHELL_FLAGS.forEach((option, flag) -> {
            if (command.options().contains(option)) {
                arguments.add(flag);
            }
        });
        arguments.addAll(command.paths());
        String procedure = command.options().contains(SqlJob.FileOption.GLOB) ? "fs" : "grunt";
        return "CALL ferry." + procedure + "("
                + arguments.stream().map(SqlScriptRenderer::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** Where the runner finds the adapter's jar (it binds a default: the image's directory). */
    private static final String UDF_DIR = "${FERRY_UDF_DIR}";

    /** Where the runner finds the REGISTERed jars (it binds a default: udfs/ beside the script). */
    private static final String JARS_DIR = "${FERRY_UDF_JARS}";

    private static final String ADAPTER_JAR = UDF_DIR + "/ferry-pig-udf.jar";
    private static final String ADAPTER_CLASS = "dev.ferry.runtime.pigudf.PigEval";

    /** The runtime's jar that adds a Hive table's written partitions to its metastore, beside the adapter's. */
    private static final String HCATALOG_JAR = UDF_DIR + "/ferry-hcatalog.jar";

    /** Its partition commit policy, which Flink's filesystem sink calls once per partition it wrote. */
    private static final String PARTITION_COMMIT_CLASS = "dev.ferry.runtime.hcatalog.MetastorePartitionCommit";

    /** The {@code -- file:line} comment's text: an input-derived file name, kept on its line. */
    private static String location(SourceSpan span) {
        return CommentText.line(span.file()) + ":" + span.line();
    }

    /** The filesystem connector's metadata column for each file tag. */
    private static final Map<SqlJob.FileTag, String> FILE_METADATA =
            Map.of(SqlJob.FileTag.FILE_NAME, "file.name", SqlJob.FileTag.FILE_PATH, "file.path");

    /** The filesystem connector's metadata column for each column origin read from it. */
    private static final Map<Column.Origin, String> ORIGIN_METADATA =
            Map.of(Column.Origin.FILE_PATH, "file.path", Column.Origin.FILE_SIZE, "file.size");

    /**
     * A source reads its location through the runtime's pig-files connector (Hadoop globs, comma lists, hidden
     * files skipped), or its pig-load connector running the Pig loader; a sink writes through the same pig-files
     * connector (Flink's filesystem sink, its files named as Hadoop names Pig's) or the pig-store connector running
     * the Pig storer; a DUMP's sink prints through the pig-dump connector.
     */
    private static String table(SqlJob.Table table, boolean source) {
        StringBuilder out = new StringBuilder("CREATE TEMPORARY TABLE ")
                .append(SqlIdentifiers.quote(table.name()))
                .append(" (\n");
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            out.append("  ").append(SqlIdentifiers.quote(c.name())).append(' ').append(SqlPrinter.type(c.type()));
            if (i == 0 && table.fileTag() != SqlJob.FileTag.NONE) {
                out.append(" METADATA FROM ")
                        .append(literal(FILE_METADATA.get(table.fileTag())))
                        .append(" VIRTUAL");
            } else if (ORIGIN_METADATA.containsKey(c.origin())) {
                out.append(" METADATA FROM ")
                        .append(literal(ORIGIN_METADATA.get(c.origin())))
                        .append(" VIRTUAL");
            }
            out.append(i + 1 < table.columns().size() ? ",\n" : "\n");
        }
        out.append(")");
        if (table.hive() != null && !table.hive().partitionKeys().isEmpty()) {
            out.append(" PARTITIONED BY (")
                    .append(table.hive().partitionKeys().stream()
                            .map(SqlIdentifiers::quote)
                            .collect(Collectors.joining(", ")))
                    .append(")");
        }
        out.append(" WITH (\n");
        if (table.format() == SqlJob.FileFormat.DUMP) {
            // The runtime's pig-dump connector prints the rows as Pig's DUMP does, in one task.
            return out.append("  'connector' = 'pig-dump'\n)").toString();
        }
        out.append(
                switch (table.format()) {
                    case PIG_LOADER -> "  'connector' = 'pig-load',\n";
                    case PIG_STORER -> "  'connector' = 'pig-store',\n";
                    default -> "  'connector' = 'pig-files',\n";
                });
        out.append("  'path' = ").append(literal(table.path())).append(",\n");
        // A RECORD_NUMBER column (last of the physical ones) is filled by the numbered variant of the format.
        boolean numbered = table.columns().stream().anyMatch(c -> c.origin() == Column.Origin.RECORD_NUMBER);
        String text = numbered ? "pig-storage-numbered" : "pig-storage";
        switch (table.format()) {
            case PIG_STORAGE -> {
                out.append("  'format' = '").append(text).append("',\n");
                out.append("  '")
                        .append(text)
                        .append(".field-delimiter' = ")
                        .append(literal(delimiter(table.fieldDelimiter())));
            }
            case TEXT_LINES ->
                out.append("  'format' = '")
                        .append(text)
                        .append("',\n  '")
                        .append(text)
                        .append(".line-as-field' = 'true'");
            case JSON ->
                out.append(
                        numbered
                                ? "  'format' = 'json-numbered'"
                                : source ? "  'format' = 'pig-json'" : "  'format' = 'json'");
            case ELEPHANT_BIRD_JSON -> out.append("  'format' = 'elephant-bird-json'");
            case ELEPHANT_BIRD_JSON_NESTED ->
                out.append("  'format' = 'elephant-bird-json',\n  'elephant-bird-json.nested-load' = 'true'");
            case PIG_LOADER -> loader(out, table.loadFunction());
            case PIG_STORER -> storer(out, table.storeFunction());
            case AVRO ->
                out.append(
                        source ? "  'format' = 'pig-avro'" : "  'format' = 'pig-avro',\n  'pig-avro.codec' = 'null'");
            case ORC -> out.append("  'format' = 'orc'");
            case PARQUET ->
                out.append(
                        source
                                ? "  'format' = 'parquet'"
                                : "  'format' = 'parquet',\n  'parquet.compression' = 'UNCOMPRESSED'");
        }
        if (table.hive() != null) {
            hive(out, table.hive(), text, source);
        }
        if (table.singleWriter()) {
            // An ORDERed result stays in one file, in order, as Pig writes it.
            out.append(",\n  'sink.parallelism' = '1'");
        }
        if (table.partFiles() != null) {
            partFiles(out, table.partFiles());
        }
        return out.append("\n)").toString();
    }

    /**
     * A Hive table's layout: its text's null ({@code '\\N'}), the directory name a sink gives a null partition
     * value (Hive's, where Flink's own default differs), and the policy a sink adds each partition it wrote to the
     * metastore with. A source does not map that name back to null: Flink 2.2's
     * filesystem source fails to list a partition whose value is null (the translation warns).
     */
    private static void hive(StringBuilder out, SqlJob.HiveLayout hive, String text, boolean source) {
        if (hive.nullFormat() != null) {
            out.append(",\n  '").append(text).append(".null-format' = ").append(literal(hive.nullFormat()));
        }
        if (!source && !hive.partitionKeys().isEmpty()) {
            out.append(",\n  'partition.default-name' = ").append(literal(hive.defaultPartitionName()));
        }
        if (!source && hive.registration() != null) {
            SqlJob.PartitionRegistration registration = hive.registration();
            out.append(",\n  'sink.partition-commit.policy.kind' = 'custom'");
            out.append(",\n  'sink.partition-commit.policy.class' = ").append(literal(PARTITION_COMMIT_CLASS));
            // the policy's three constructor arguments, an element each of Flink's list option
            out.append(",\n  'sink.partition-commit.policy.class.parameters' = ")
                    .append(literal(flinkList(
                            List.of(registration.metastoreUris(), registration.database(), registration.table()))));
        }
    }

    /**
     * A list option's value as Flink's configuration parses it back into the same elements ({@code
     * StructuredOptionsSplitter}): elements separated by ';', an unquoted one trimmed; one holding ';' or a quote,
     * empty, or with spaces at an end is single-quoted with its single quotes doubled.
     */
    public static String flinkList(List<String> elements) {
        return elements.stream()
                .map(e -> e.isEmpty()
                                || !e.equals(e.strip())
                                || e.indexOf(';') >= 0
                                || e.indexOf('\'') >= 0
                                || e.indexOf('"') >= 0
                        ? "'" + e.replace("'", "''") + "'"
                        : e)
                .collect(Collectors.joining(";"));
    }

    /** An INSERT's static partition, {@code  PARTITION (ds = '2010-01-01')}; nothing for none. */
    private static String partition(List<SqlJob.PartitionValue> partition) {
        if (partition.isEmpty()) {
            return "";
        }
        return " PARTITION ("
                + partition.stream()
                        .map(p -> SqlIdentifiers.quote(p.key()) + " = " + literal(p.value()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * How the pig-files and pig-store connectors name a STORE's files: the task (a map's part-m-NNNNN is their
     * default), the storage function's suffix, and PigStorage's compression by the path's extension.
     */
    private static void partFiles(StringBuilder out, SqlJob.PartFiles files) {
        if (files.task() == SqlJob.PigTask.REDUCE) {
            out.append(",\n  'task' = 'reduce'");
        }
        if (!files.suffix().isEmpty()) {
            out.append(",\n  'part-suffix' = ").append(literal(files.suffix()));
        }
        if (files.compressedByExtension()) {
            out.append(",\n  'compression' = 'by-extension'");
        }
        if (files.schemaFiles() != null) {
            schemaFiles(out, files.schemaFiles());
        }
    }

    /**
     * The schema the connector writes into .pig_schema and .pig_header beside the files, in Pig's schema syntax ({@code
     * name:chararray, n:int}), and the fields of the ORDER it was sorted by ({@code n DESC, name ASC}).
     */
    private static void schemaFiles(StringBuilder out, SqlJob.SchemaFiles files) {
        out.append(",\n  'pig-schema' = ")
                .append(literal(files.fields().stream()
                        .map(SqlScriptRenderer::schemaField)
                        .collect(Collectors.joining(", "))));
        if (!files.sortKeys().isEmpty()) {
            out.append(",\n  'pig-schema.sort-keys' = ")
                    .append(literal(files.sortKeys().stream()
                            .map(key -> files.fields().get(key.field()).name() + (key.descending() ? " DESC" : " ASC"))
                            .collect(Collectors.joining(", "))));
        }
    }

    /**
     * A field in Pig's schema syntax: {@code name:type}, a tuple's fields in parentheses, a bag's tuple in braces
     * ({@code b:bag{:tuple(x:int, y:chararray)}}), a map's value type in brackets ({@code m:map[int]}, {@code
     * m:map[]}); a field Pig names none has an empty name.
     */
    private static String schemaField(SqlJob.SchemaField field) {
        String name = (field.name() == null ? "" : field.name()) + ":" + field.type();
        if (field.type().equals("map")) {
            return name + "["
                    + (field.inner().isEmpty() ? "" : field.inner().get(0).type()) + "]";
        }
        if (field.inner().isEmpty()) {
            return name;
        }
        String inner =
                field.inner().stream().map(SqlScriptRenderer::schemaField).collect(Collectors.joining(", "));
        return field.type().equals("bag") ? name + "{" + inner + "}" : name + "(" + inner + ")";
    }

    /** The pig-load connector's options: the loader as the script's USING clause names it, its fields' Pig types. */
    private static void loader(StringBuilder out, SqlJob.LoadFunction loader) {
        out.append("  'load-function' = ")
                .append(literal(functionSpec(loader.className(), loader.arguments())))
                .append(",\n  'field-types' = ")
                .append(literal(String.join(",", loader.fieldTypes())));
    }

    /** The pig-store connector's options: the StoreFunc as the script's USING clause names it, its fields' Pig types. */
    private static void storer(StringBuilder out, SqlJob.StoreFunction storer) {
        out.append("  'store-function' = ")
                .append(literal(functionSpec(storer.className(), storer.arguments())))
                .append(",\n  'field-types' = ")
                .append(literal(String.join(",", storer.fieldTypes())));
    }

    /** {@code com.acme.Storer('a', 'it\'s')}: each argument quoted, a quote and a backslash escaped as Pig escapes them. */
    private static String functionSpec(String className, List<String> arguments) {
        return className + "("
                + arguments.stream()
                        .map(a -> "'" + a.replace("\\", "\\\\").replace("'", "\\'") + "'")
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /** Control characters are spelled as Pig scripts spell them ('\t', '\u0001'); the format reads that form. */
    private static String delimiter(String delimiter) {
        if (delimiter.equals("\t")) {
            return "\\t";
        }
        if (delimiter.length() == 1 && delimiter.charAt(0) < 0x20) {
            // The format reads '\\x' as hexadecimal (and '\\u' as decimal, as Pig does).
            return String.format("\\x%02x", (int) delimiter.charAt(0));
        }
        return delimiter;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
