package dev.ferry.translator.sql;

import dev.ferry.diagnostics.SourceSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One Flink SQL batch job translated from one Pig script: source tables, one view per Pig alias in
 * script order, sink tables and the INSERTs that the runtime executes as one statement set.
 *
 * @param parameters the Pig parameters the job binds at run time, with their {@code %default}s
 * @param order      the names of the sources, views and sinks in the order they are created (each one
 *                   after what it reads; a sink's INSERT right after it). Script lines do not give that
 *                   order: a macro's body, where its views come from, may stand above the LOADs it reads.
 * @param javaUdfs   whether the job calls Pig Java UDFs, and the jars that must reach it for them
 * @param fileCommands the Grunt file commands of the script ({@code fs -mkdir}, {@code cp}, {@code rm}...), each
 *                   where the script has it among the job's statements: Pig runs the STOREs before a command first
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
        JavaUdfs javaUdfs,
        List<FileCommand> fileCommands) {

    public SqlJob {
        fileCommands = List.copyOf(fileCommands);
        parameters = List.copyOf(parameters);
        sources = List.copyOf(sources);
        views = List.copyOf(views);
        sinks = List.copyOf(sinks);
        inserts = List.copyOf(inserts);
        order = List.copyOf(order);
    }

    /** A job without file commands. */
    public SqlJob(
            String name,
            String sourceFile,
            List<JobParameter> parameters,
            List<Table> sources,
            List<View> views,
            List<Table> sinks,
            List<Insert> inserts,
            List<String> order,
            JavaUdfs javaUdfs) {
        this(name, sourceFile, parameters, sources, views, sinks, inserts, order, javaUdfs, List.of());
    }

    /** The same job reading and writing other tables (same names, in the same order). */
    public SqlJob withTables(List<Table> newSources, List<Table> newSinks) {
        return new SqlJob(
                name, sourceFile, parameters, newSources, views, newSinks, inserts, order, javaUdfs, fileCommands);
    }

    /**
     * A Grunt file command, run as GruntParser runs it: after the STOREs before it (the INSERTs of the first {@code
     * after} entries of {@link #order}), before those after it. {@code paths}: the paths it acts on, in order (for a
     * copy or a move the sources, then the target); each may contain {@code ${PARAM}} placeholders. The local side of
     * {@link FileOperation#COPY_FROM_LOCAL} (its sources) and {@link FileOperation#COPY_TO_LOCAL} (its target) is the
     * machine running the job; every other path is on the job's file system.
     */
    public record FileCommand(
            FileOperation operation, List<String> paths, Set<FileOption> options, SourceSpan span, int after) {
        public FileCommand {
            paths = List.copyOf(paths);
            options = Set.copyOf(options);
        }

        /** The same command at another place among the job's statements. */
        public FileCommand at(int position) {
            return new FileCommand(operation, paths, options, span, position);
        }
    }

    /** What a file command does, with Hadoop's shell semantics ({@code hadoop fs -mkdir}, {@code -rm}, {@code -cp}...). */
    public enum FileOperation {
        /** Creates a directory; fails if it exists or its parent does not, unless {@link FileOption#PARENTS}. */
        MAKE_DIRECTORY,
        /** Removes a file; a directory only {@link FileOption#RECURSIVE}; a missing path fails unless {@link FileOption#FORCE}. */
        REMOVE,
        /** Copies files and directories; an existing target directory receives them; an existing file fails unless overwritten. */
        COPY,
        /** Renames; an existing target directory receives them; an existing target file fails. */
        MOVE,
        /** Copies from the local file system to the job's. */
        COPY_FROM_LOCAL,
        /** Copies from the job's file system to the local one. */
        COPY_TO_LOCAL,
        /** Creates an empty file; an existing one of length 0 stays, a longer one fails. */
        TOUCH
    }

    /** Options of a file command, as Hadoop's shell flags name them ({@code -p}, {@code -r}, {@code -f}). */
    public enum FileOption {
        PARENTS,
        RECURSIVE,
        FORCE,
        OVERWRITE,
        /**
         * The paths are Hadoop globs, each standing for what it matches ({@code fs} commands expand them); without it
         * a path is the one file it names (Grunt's own rm, rmf, mkdir, cp, mv... take it literally).
         */
        GLOB
    }

    /**
     * The Pig Java UDFs of a job: whether it calls any (so it needs the runtime's adapter), whether it reads a LOAD
     * with a Pig loader or writes a STORE with a Pig storer the adapter runs ({@link LoadFunction}, {@link
     * StoreFunction}), and the jars the script REGISTERs (in REGISTER order)
     * that must be on its classpath with it. {@code span}, the first DEFINE or loader, is where the generator says so.
     */
    public record JavaUdfs(boolean called, List<Jar> jars, SourceSpan span, boolean loaders) {
        public static final JavaUdfs NONE = new JavaUdfs(false, List.of(), null, false);

        public JavaUdfs {
            jars = List.copyOf(jars);
        }

        /** A job that calls Java UDFs and loads with no Pig loader. */
        public JavaUdfs(boolean called, List<Jar> jars, SourceSpan span) {
            this(called, jars, span, false);
        }

        /** Whether the job needs the runtime's Pig adapter and the REGISTERed jars on its classpath. */
        public boolean needsAdapter() {
            return called || loaders;
        }
    }

    /**
     * A REGISTERed jar the job ships: {@code path} relative to the repository root (forward slashes), {@code file}
     * its real path, inside the repository (the parser checked it), which the output gets a byte copy of.
     */
    public record Jar(String path, Path file) {

        /** The directory beside a job's script that holds the jars it REGISTERs (the runner's default FERRY_UDF_JARS). */
        public static final String DIRECTORY = "udfs";

        /**
         * Where this jar goes in the output of a job whose script is at {@code scriptPath}: under {@value #DIRECTORY}/
         * beside the script, at its repository path, so the script finds it wherever the script is (the image, a
         * ConfigMap, a local run).
         */
        public String besideScript(String scriptPath) {
            return scriptPath.substring(0, scriptPath.lastIndexOf('/') + 1) + DIRECTORY + "/" + path;
        }
    }

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
     * A file table, or the sink of a DUMP ({@link FileFormat#DUMP}, path null). {@code path} may contain
     * {@code ${PARAM}} placeholders; {@code singleWriter} keeps
     * an ORDERed result in one file, as Pig's single part file for it; {@code fileTag}: the first column
     * is the file each row comes from, not a field of the line (PigStorage's -tagFile / -tagPath); {@code partFiles}: how a
     * STORE's sink names its files (null for a source and a DUMP); {@code hive}: how the Hive table HCatLoader reads or
     * HCatStorer writes lies in its files (null for any other table).
     */
    public record Table(
            String name,
            List<Column> columns,
            String path,
            String fieldDelimiter,
            boolean singleWriter,
            SourceSpan span,
            FileFormat format,
            FileTag fileTag,
            LoadFunction loadFunction,
            StoreFunction storeFunction,
            PartFiles partFiles,
            HiveLayout hive) {
        public Table {
            columns = List.copyOf(columns);
        }

        /**
         * A table a LOAD reads, in a format Flink reads itself; {@code hive} is the layout of the Hive table
         * HCatLoader reads, null for any other.
         */
        public static Table source(
                String name,
                List<Column> columns,
                String path,
                String fieldDelimiter,
                SourceSpan span,
                FileFormat format,
                FileTag fileTag,
                HiveLayout hive) {
            return new Table(name, columns, path, fieldDelimiter, false, span, format, fileTag, null, null, null, hive);
        }

        /** A table a LOAD reads with a Pig loader the runtime's adapter runs. */
        public static Table loader(
                String name, List<Column> columns, String path, SourceSpan span, LoadFunction loadFunction) {
            return new Table(
                    name,
                    columns,
                    path,
                    "",
                    false,
                    span,
                    FileFormat.PIG_LOADER,
                    FileTag.NONE,
                    loadFunction,
                    null,
                    null,
                    null);
        }

        /**
         * A table a STORE writes, in a format Flink writes itself (its part files named later, {@link
         * #withPartFiles}); {@code hive} is the layout of the Hive table HCatStorer writes, null for any other.
         */
        public static Table sink(
                String name,
                List<Column> columns,
                String path,
                String fieldDelimiter,
                boolean singleWriter,
                SourceSpan span,
                FileFormat format,
                HiveLayout hive) {
            return new Table(
                    name,
                    columns,
                    path,
                    fieldDelimiter,
                    singleWriter,
                    span,
                    format,
                    FileTag.NONE,
                    null,
                    null,
                    null,
                    hive);
        }

        /** A table a STORE writes with a Pig storer the runtime's adapter runs. */
        public static Table storer(
                String name, List<Column> columns, String path, SourceSpan span, StoreFunction storeFunction) {
            return new Table(
                    name,
                    columns,
                    path,
                    "",
                    false,
                    span,
                    FileFormat.PIG_STORER,
                    FileTag.NONE,
                    null,
                    storeFunction,
                    null,
                    null);
        }

        /** The sink of a DUMP: no path, the fields as PigStorage(',') writes them. */
        public static Table dump(String name, List<Column> columns, SourceSpan span) {
            return new Table(
                    name, columns, null, ",", false, span, FileFormat.DUMP, FileTag.NONE, null, null, null, null);
        }

        /** The same table at another path. */
        public Table withPath(String other) {
            return new Table(
                    name,
                    columns,
                    other,
                    fieldDelimiter,
                    singleWriter,
                    span,
                    format,
                    fileTag,
                    loadFunction,
                    storeFunction,
                    partFiles,
                    hive);
        }

        /** The same sink writing its part files as {@code files} says. */
        public Table withPartFiles(PartFiles files) {
            return new Table(
                    name,
                    columns,
                    path,
                    fieldDelimiter,
                    singleWriter,
                    span,
                    format,
                    fileTag,
                    loadFunction,
                    storeFunction,
                    files,
                    hive);
        }
    }

    /**
     * How a Hive table that HCatLoader reads or HCatStorer writes lies in its files: its partition columns (the table's
     * last columns, read from and written to its {@code k=v/} directories), the directory name Hive gives a null
     * partition value, the text a null field is in a text table's lines (null for a table of another format), and,
     * for the table HCatStorer writes, the metastore each partition the job wrote is added to (null for a table read).
     */
    public record HiveLayout(
            List<String> partitionKeys,
            String defaultPartitionName,
            String nullFormat,
            PartitionRegistration registration) {
        public HiveLayout {
            partitionKeys = List.copyOf(partitionKeys);
        }

        /** The same layout, its partitions registered as {@code registration} says. */
        public HiveLayout registeredIn(PartitionRegistration other) {
            return new HiveLayout(partitionKeys, defaultPartitionName, nullFormat, other);
        }
    }

    /**
     * Where the partitions a job writes into a Hive table are added once their files are in place, as HCatStorer's
     * commit adds them: the metastore's URIs ({@code hive.metastore.uris}; a secret in them a {@code ${PARAM}}), the
     * table's database and name.
     */
    public record PartitionRegistration(String metastoreUris, String database, String table) {}

    /** A partition column's value, written by an INSERT into one partition ({@code PARTITION (ds = '...')}). */
    public record PartitionValue(String key, String value) {}

    /**
     * How a STORE's files are named and written, as Hadoop writes them for Pig: after the task that writes them
     * ({@code part-m-00000} from a map, {@code part-r-00000} from a reduce), with the storage function's suffix
     * ({@code .avro}, {@code .parquet}), and, where {@code compressedByExtension}, compressed as PigStorage compresses
     * a STORE whose path ends in {@code .gz} (gzip, {@code part-m-00000.gz}) or {@code .bz2} / {@code .bz} (bzip2,
     * {@code part-m-00000.bz2}): the path is known when the job runs (a parameter may end it), so the runtime applies
     * the rule to it.
     */
    public record PartFiles(PigTask task, String suffix, boolean compressedByExtension, SchemaFiles schemaFiles) {

        /** Files with no schema files beside them. */
        public PartFiles(PigTask task, String suffix, boolean compressedByExtension) {
            this(task, suffix, compressedByExtension, null);
        }

        /** The same files with {@code files} beside them (null for none). */
        public PartFiles withSchemaFiles(SchemaFiles files) {
            return new PartFiles(task, suffix, compressedByExtension, files);
        }
    }

    /**
     * The {@code .pig_schema} (JSON) and {@code .pig_header} files Pig's {@code JsonMetadata.storeSchema} writes beside
     * a STORE's data when the storage function stores its schema (PigStorage '-schema', JsonStorage): the stored
     * fields' names and Pig types, and the ORDER the STORE writes directly, if any ({@code sortKeys}, Pig's {@code
     * SortInfo}).
     */
    public record SchemaFiles(List<SchemaField> fields, List<SortKey> sortKeys) {
        public SchemaFiles {
            fields = List.copyOf(fields);
            sortKeys = List.copyOf(sortKeys);
        }
    }

    /**
     * A stored field as Pig's schema names it ({@code raw::name} after a JOIN; null for a field of a tuple Pig names
     * none), its Pig type's keyword, and, for a tuple or bag, the fields of its schema (a bag's one tuple).
     */
    public record SchemaField(String name, String type, List<SchemaField> inner) {
        public SchemaField {
            inner = List.copyOf(inner);
        }

        /** A scalar field. */
        public SchemaField(String name, String type) {
            this(name, type, List.of());
        }
    }

    /** A field of an ORDER's key, by its position among the stored fields. */
    public record SortKey(int field, boolean descending) {}

    /** The kind of Hadoop task that writes a STORE's files in Pig's plan. */
    public enum PigTask {
        MAP,
        REDUCE
    }

    /**
     * How a table's files are read or written: Pig's delimited text (PigStorage), each whole line as
     * one field (TextLoader), one JSON object a line (JsonLoader, JsonStorage), or by a Pig loader or
     * storer the runtime's adapter runs unchanged (the table's {@link LoadFunction} or {@link StoreFunction}).
     */
    public enum FileFormat {
        PIG_STORAGE,
        TEXT_LINES,
        JSON,
        PIG_LOADER,
        PIG_STORER,
        /** Avro container files, uncompressed as Pig's AvroStorage writes them. */
        AVRO,
        /** ORC files, as Pig's OrcStorage reads and writes them (ORC's default ZLIB compression). */
        ORC,
        /** Parquet files, as parquet-pig's ParquetLoader reads and its ParquetStorer writes them (uncompressed). */
        PARQUET,
        /**
         * Lines read as elephant-bird's JsonLoader reads them: a line that is a JSON object is one map (of its values'
         * text, nested objects and arrays as their JSON), any other line is skipped.
         */
        ELEPHANT_BIRD_JSON,
        /** elephant-bird's JsonLoader with '-nestedLoad': nested objects are maps and arrays bags. */
        ELEPHANT_BIRD_JSON_NESTED,
        /**
         * No file: a sink printing each row to stdout as Pig's DUMP does ({@code (f1,f2,...)}); its columns are those
         * PigStorage(',') would write, and it has no path.
         */
        DUMP
    }

    /**
     * {@code LOAD ... USING com.acme.Loader('a') AS (...)} run by the runtime's adapter: the loader's class, its
     * constructor arguments, and the Pig type of each of the table's columns (a keyword: chararray, int, ...).
     */
    public record LoadFunction(String className, List<String> arguments, List<String> fieldTypes) {
        public LoadFunction {
            arguments = List.copyOf(arguments);
            fieldTypes = List.copyOf(fieldTypes);
        }
    }

    /**
     * {@code STORE ... USING com.acme.Storer('a')} run by the runtime's adapter: the StoreFunc's class, its constructor
     * arguments and the Pig type of each of the table's columns (a keyword); the task it writes in is the table's
     * {@link PartFiles}.
     */
    public record StoreFunction(String className, List<String> arguments, List<String> fieldTypes) {
        public StoreFunction {
            arguments = List.copyOf(arguments);
            fieldTypes = List.copyOf(fieldTypes);
        }
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

    /**
     * {@code INSERT INTO sink query}; spans are the ORDER/LIMIT statements folded into it, if any. {@code replaces}: what
     * is at the sink's path goes first (the script removed the path before storing into it, {@code rmf $OUT} ... {@code
     * STORE x INTO '$OUT'}), else the rows are added to it. {@code partition}: the partition of a Hive table it writes
     * (HCatStorer's {@code 'ds=2010-01-01'}), each key with its value; the query gives the other columns.
     */
    public record Insert(
            String sink,
            SqlQuery query,
            SourceSpan span,
            List<SourceSpan> spans,
            boolean replaces,
            List<PartitionValue> partition) {
        public Insert {
            spans = List.copyOf(spans);
            partition = List.copyOf(partition);
        }

        /** An INSERT into a table of no static partition. */
        public Insert(String sink, SqlQuery query, SourceSpan span, List<SourceSpan> spans, boolean replaces) {
            this(sink, query, span, spans, replaces, List.of());
        }

        /** An INSERT that adds its rows. */
        public Insert(String sink, SqlQuery query, SourceSpan span, List<SourceSpan> spans) {
            this(sink, query, span, spans, false);
        }
    }
}
