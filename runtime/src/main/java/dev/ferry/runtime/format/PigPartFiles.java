package dev.ferry.runtime.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * The files of a STORE named and written as Hadoop writes them for Pig, from those Flink's filesystem sink wrote
 * ({@code part-<uuid>-task-0-file-0}): {@code part-m-00000} from a map task, {@code part-r-00000} from a reduce, one a
 * file in the order of the tasks, with the storage function's suffix ({@code .avro}); compressed as PigStorage
 * compresses into a path ending in .gz (gzip, {@code part-m-00000.gz}) or .bz2 / .bz (bzip2, {@code
 * part-m-00000.bz2}), with Hadoop's own codecs, so the bytes are those Pig writes. A job that stored no row still
 * leaves its one empty part file of text, as Pig's task does.
 *
 * <p>The job runner applies it once the job has succeeded: the files are whole then, and the path is the one the job
 * wrote (a parameter may end it in .gz).
 *
 * @param reduce whether a reduce task writes the files in Pig's plan
 * @param suffix the storage function's file suffix, or empty
 * @param compressedByExtension whether the files are compressed when the path ends in .gz, .bz2 or .bz
 * @param text whether an empty file is a valid empty output of the format (Pig's text formats)
 * @param schema the .pig_schema and .pig_header files written beside the parts, or null
 */
public record PigPartFiles(
        boolean reduce, String suffix, boolean compressedByExtension, boolean text, PigSchemaFiles schema) {

    /** Files with no schema files beside them. */
    public PigPartFiles(boolean reduce, String suffix, boolean compressedByExtension, boolean text) {
        this(reduce, suffix, compressedByExtension, text, null);
    }

    /** {@code 'task' = 'reduce'}: Pig writes the files in a reduce task; a map task is the default. */
    public static final ConfigOption<String> TASK =
            ConfigOptions.key("task").stringType().defaultValue("map");

    /** {@code 'part-suffix' = '.avro'}: what the storage function's files end in. */
    public static final ConfigOption<String> PART_SUFFIX =
            ConfigOptions.key("part-suffix").stringType().defaultValue("");

    /** {@code 'compression' = 'by-extension'}: PigStorage's compression by the path's extension; else none. */
    public static final ConfigOption<String> COMPRESSION =
            ConfigOptions.key("compression").stringType().defaultValue("none");

    /** The formats whose empty output is an empty file. */
    private static final List<String> TEXT_FORMATS = List.of(PigStorageFormatFactory.IDENTIFIER, "json");

    /** A file Flink's filesystem sink writes: the number of its task and its number in the task. */
    private static final Pattern FLINK_PART = Pattern.compile("part-.*-task-(\\d+)-file-(\\d+)(\\..*)?");

    /**
     * What the options of a pig-files sink say.
     *
     * @throws IllegalArgumentException for an option value the connector does not know
     */
    public static PigPartFiles of(Map<String, String> options) {
        String task = options.getOrDefault(TASK.key(), TASK.defaultValue());
        if (!task.equals("map") && !task.equals("reduce")) {
            throw new IllegalArgumentException("'" + TASK.key() + "' is 'map' or 'reduce', not '" + task + "'");
        }
        String compression = options.getOrDefault(COMPRESSION.key(), COMPRESSION.defaultValue());
        if (!compression.equals("none") && !compression.equals("by-extension")) {
            throw new IllegalArgumentException(
                    "'" + COMPRESSION.key() + "' is 'none' or 'by-extension', not '" + compression + "'");
        }
        String suffix = options.getOrDefault(PART_SUFFIX.key(), PART_SUFFIX.defaultValue());
        if (suffix.contains("/")) {
            throw new IllegalArgumentException("'" + PART_SUFFIX.key() + "' names no directory: '" + suffix + "'");
        }
        return new PigPartFiles(
                task.equals("reduce"),
                suffix,
                compression.equals("by-extension"),
                TEXT_FORMATS.contains(options.get("format")),
                PigSchemaFiles.of(options));
    }

    /** The codec Pig's PigStorage compresses the files of {@code location} with, if any. */
    static Optional<Class<? extends CompressionCodec>> codec(String location) {
        String path = location.replaceFirst("/+$", "");
        if (path.endsWith(".bz2") || path.endsWith(".bz")) {
            return Optional.of(BZip2Codec.class);
        }
        return path.endsWith(".gz") ? Optional.of(GzipCodec.class) : Optional.empty();
    }

    /**
     * Renames (and compresses) the files Flink's sink wrote into {@code directory} as Hadoop names Pig's; writes the
     * empty part file of a text output the job wrote no row to, and the schema files.
     */
    public void name(String directory) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem();
        List<FlinkPart> parts = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus status : fs.listStatus(dir)) {
                Matcher m = FLINK_PART.matcher(status.getPath().getName());
                if (!status.isDir() && m.matches()) {
                    parts.add(new FlinkPart(
                            status.getPath(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                }
            }
        }
        parts.sort(Comparator.comparingInt(FlinkPart::task).thenComparingInt(FlinkPart::file));
        Optional<CompressionCodec> codec = compressedByExtension
                ? codec(directory).map(c -> ReflectionUtils.newInstance(c, new Configuration()))
                : Optional.empty();
        String extension = codec.map(CompressionCodec::getDefaultExtension).orElse("") + suffix;
        for (int i = 0; i < parts.size(); i++) {
            Path target = new Path(dir, partName(i) + extension);
            if (codec.isPresent()) {
                try (InputStream in = fs.open(parts.get(i).path());
                        OutputStream out =
                                codec.get().createOutputStream(fs.create(target, FileSystem.WriteMode.NO_OVERWRITE))) {
                    in.transferTo(out);
                }
                fs.delete(parts.get(i).path(), false);
            } else if (!fs.rename(parts.get(i).path(), target)) {
                throw new IOException("cannot rename " + parts.get(i).path() + " to " + target);
            }
        }
        if (parts.isEmpty() && text) {
            Path target = new Path(dir, partName(0) + extension);
            OutputStream file = fs.create(target, FileSystem.WriteMode.NO_OVERWRITE);
            (codec.isPresent() ? codec.get().createOutputStream(file) : file).close();
        }
        if (schema != null) {
            schema.write(directory);
        }
    }

    private String partName(int number) {
        return String.format(Locale.ROOT, "part-%s-%05d", reduce ? "r" : "m", number);
    }

    private record FlinkPart(Path path, int task, int file) {}
}
