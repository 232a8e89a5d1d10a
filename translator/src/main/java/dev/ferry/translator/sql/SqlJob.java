package dev.ferry.translator.sql;

import dev.ferry.diagnostics.SourceSpan;
import java.nio.file.Path;
import java.util.List;

/**
 * One Flink SQL batch job translated from one Pig script: source tables, one view per Pig alias in
 * script order, sink tables and the INSERTs that the runtime executes as one statement set.
 *
 * @param parameters the Pig parameters the job binds at run time, with their {@code %default}s
 * @param order      the names of the sources, views and sinks in the order they are created (each one
 *                   after what it reads; a sink's INSERT right after it). Script lines do not give that
 *                   order: a macro's body, where its views come from, may stand above the LOADs it reads.
 * @param javaUdfs   whether the job calls Pig Java UDFs, and the jars that must reach it for them
 */
public record SqlJob(
        String name,
        String sourceFile,
        List<JobParameter> parameters,
        List<Table> sources,
        List<View> views,
        List<Table> sinks,
        List<Insert> inserts,
        List<String> order,
        JavaUdfs javaUdfs) {

    public SqlJob {
        parameters = List.copyOf(parameters);
        sources = List.copyOf(sources);
        views = List.copyOf(views);
        sinks = List.copyOf(sinks);
        inserts = List.copyOf(inserts);
        order = List.copyOf(order);
    }

    /** The same job reading and writing other tables (same names, in the same order). */
    public SqlJob withTables(List<Table> newSources, List<Table> newSinks) {
        return new SqlJob(name, sourceFile, parameters, newSources, views, newSinks, inserts, order, javaUdfs);
    }

    /**
     * The Pig Java UDFs of a job: whether it calls any (so it needs the runtime's adapter), and the jars the script
     * REGISTERs (in REGISTER order) that must be on its classpath with it. The first REGISTER statement is where the
     * generator says so.
     */
    public record JavaUdfs(boolean called, List<Jar> jars, SourceSpan span) {
        public static final JavaUdfs NONE = new JavaUdfs(false, List.of(), null);

        public JavaUdfs {
            jars = List.copyOf(jars);
        }
    }

    /**
     * A REGISTERed jar the job ships: {@code path} relative to the repository root (forward slashes), {@code file}
     * its real path, inside the repository (the parser checked it), which the output gets a byte copy of.
     */
    public record Jar(String path, Path file) {}

    /**
     * A Pig parameter; defaultValue is null when the caller must supply it. A {@code secret} one
     * stands for a secret the script wrote literally (a password in a path): the caller supplies it
     * from a secret store, and it has no default.
     */
    public record JobParameter(String name, String defaultValue, boolean secret) {

        /** A parameter that is not a secret. */
        public JobParameter(String name, String defaultValue) {
            this(name, defaultValue, false);
        }
    }

    /**
     * A file table. {@code path} may contain {@code ${PARAM}} placeholders; {@code singleWriter} keeps
     * an ORDERed result in one file, as Pig's single part file for it; {@code fileTag}: the first column
     * is the file each row comes from, not a field of the line (PigStorage's -tagFile / -tagPath).
     */
    public record Table(
            String name,
            List<Column> columns,
            String path,
            String fieldDelimiter,
            boolean singleWriter,
            SourceSpan span,
            FileFormat format,
            FileTag fileTag) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** A table in Pig's text format (PigStorage) with no file tag. */
        public Table(
                String name,
                List<Column> columns,
                String path,
                String fieldDelimiter,
                boolean singleWriter,
                SourceSpan span) {
            this(name, columns, path, fieldDelimiter, singleWriter, span, FileFormat.PIG_STORAGE, FileTag.NONE);
        }

        /** The same table at another path. */
        public Table withPath(String other) {
            return new Table(name, columns, other, fieldDelimiter, singleWriter, span, format, fileTag);
        }
    }

    /**
     * How a table's files are read or written: Pig's delimited text (PigStorage), each whole line as
     * one field (TextLoader), or one JSON object a line (JsonLoader, JsonStorage).
     */
    public enum FileFormat {
        PIG_STORAGE,
        TEXT_LINES,
        JSON,
        /** Avro container files, uncompressed as Pig's AvroStorage writes them. */
        AVRO
    }

    /** The file a row comes from, as a leading field: none, its name (-tagFile) or its path (-tagPath). */
    public enum FileTag {
        NONE,
        FILE_NAME,
        FILE_PATH
    }

    /** {@code CREATE TEMPORARY VIEW name AS query}; spans are the Pig statements it comes from. */
    public record View(String name, List<SourceSpan> spans, SqlQuery query, List<Column> columns) {
        public View {
            spans = List.copyOf(spans);
            columns = List.copyOf(columns);
        }
    }

    /** {@code INSERT INTO sink query}; spans are the ORDER/LIMIT statements folded into it, if any. */
    public record Insert(String sink, SqlQuery query, SourceSpan span, List<SourceSpan> spans) {
        public Insert {
            spans = List.copyOf(spans);
        }
    }
}
