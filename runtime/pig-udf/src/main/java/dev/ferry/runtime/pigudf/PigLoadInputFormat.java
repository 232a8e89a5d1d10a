package dev.ferry.runtime.pigudf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.io.DefaultInputSplitAssigner;
import org.apache.flink.api.common.io.RichInputFormat;
import org.apache.flink.api.common.io.statistics.BaseStatistics;
import org.apache.flink.core.io.InputSplitAssigner;
import org.apache.flink.table.connector.RuntimeConverter;
import org.apache.flink.table.connector.source.DynamicTableSource.DataStructureConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.pig.LoadCaster;
import org.apache.pig.LoadFunc;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigSplit;
import org.apache.pig.data.Tuple;
import org.apache.pig.impl.util.UDFContext;

/**
 * Reads a LOAD location with an unchanged Pig {@link LoadFunc}, the calls in the order Pig's MapReduce (and local)
 * engine makes them. Planning the job ({@code PigInputFormat.getSplits}): {@code setUDFContextSignature},
 * {@code relativeToAbsolutePath} against the working directory (Pig's front end), {@code setLocation(location,
 * job)}, {@code getInputFormat().getSplits(job)}. Each split, in a task ({@code PigRecordReader}): a new loader,
 * {@code setUDFContextSignature}, {@code setLocation}, the InputFormat's {@code createRecordReader} and {@code
 * initialize}, {@code prepareToRead(reader, pigSplit)}, then {@code getNext()} until it returns null. Each tuple
 * becomes a row of the declared fields ({@link LoadedTuples}).
 *
 * <p>The location is expanded by the loader's own InputFormat: a loader over Hadoop's {@code FileInputFormat}
 * reads comma lists and globs, skips hidden files, and fails on a missing path ("Input path does not exist") as it
 * does under Pig.
 */
final class PigLoadInputFormat extends RichInputFormat<RowData, PigLoadSplit> {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String loadFunction;
    private final String signature;
    private final byte[] types;
    private final RowType rowType;
    private final DataStructureConverter converter;

    /** The splits, as planning the job found them ({@link #plan}). */
    private PigLoadSplit[] splits;

    private transient LoadFunc loader;
    private transient LoadCaster caster;
    private transient RecordReader<?, ?> reader;
    private transient Tuple next;

    PigLoadInputFormat(
            String location,
            String loadFunction,
            String signature,
            byte[] types,
            RowType rowType,
            DataStructureConverter converter) {
        this.location = location;
        this.loadFunction = loadFunction;
        this.signature = signature;
        this.types = types.clone();
        this.rowType = rowType;
        this.converter = converter;
    }

    @Override
    public void configure(org.apache.flink.configuration.Configuration parameters) {}

    @Override
    public BaseStatistics getStatistics(BaseStatistics cachedStatistics) {
        return cachedStatistics;
    }

    /**
     * Plans the read where the job is submitted, as Pig computes its splits: a location that does not exist fails
     * here, before the job starts, with the InputFormat's message.
     *
     * @throws UncheckedIOException naming the location and the loader
     */
    void plan() {
        try {
            splits = createSplits();
        } catch (IOException e) {
            throw new UncheckedIOException("LOAD '" + location + "' USING " + loadFunction + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PigLoadSplit[] createInputSplits(int minNumSplits) throws IOException {
        return splits != null ? splits.clone() : createSplits();
    }

    private PigLoadSplit[] createSplits() throws IOException {
        return withClassLoader(() -> {
            LoadFunc planner = newLoader();
            Job job = job();
            String absolute = located(planner, job);
            List<InputSplit> splits;
            try {
                InputFormat<?, ?> format = planner.getInputFormat();
                splits = format.getSplits(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            List<PigLoadSplit> result = new ArrayList<>();
            for (InputSplit split : splits) {
                if (!(split instanceof Writable writable)) {
                    throw new IOException("the InputFormat of " + loadFunction + " made a split that is not a Hadoop"
                            + " Writable (" + split.getClass().getName() + "), which the adapter cannot ship; location "
                            + absolute);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    writable.write(out);
                }
                result.add(new PigLoadSplit(result.size(), split.getClass().getName(), bytes.toByteArray()));
            }
            return result.toArray(PigLoadSplit[]::new);
        });
    }

    @Override
    public InputSplitAssigner getInputSplitAssigner(PigLoadSplit[] inputSplits) {
        return new DefaultInputSplitAssigner(inputSplits);
    }

    @Override
    public void open(PigLoadSplit split) throws IOException {
        converter.open(RuntimeConverter.Context.create(PigLoadInputFormat.class.getClassLoader()));
        withClassLoader(() -> {
            loader = newLoader();
            Job job = job();
            located(loader, job);
            Configuration conf = job.getConfiguration();
            UDFContext.getUDFContext().addJobConf(conf);
            InputSplit hadoopSplit = hadoopSplit(split, conf);
            TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
            try {
                InputFormat<?, ?> format = loader.getInputFormat();
                reader = format.createRecordReader(hadoopSplit, context);
                reader.initialize(hadoopSplit, context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            PigSplit pigSplit =
                    new PigSplit(new InputSplit[] {hadoopSplit}, 0, new ArrayList<>(), split.getSplitNumber());
            pigSplit.setConf(conf);
            loader.prepareToRead(reader, pigSplit);
            caster = loader.getLoadCaster();
            next = loader.getNext();
            return null;
        });
    }

    @Override
    public boolean reachedEnd() {
        return next == null;
    }

    @Override
    public RowData nextRecord(RowData reuse) throws IOException {
        Tuple tuple = next;
        RowData row = (RowData) converter.toInternal(LoadedTuples.row(tuple, types, caster, rowType, loadFunction));
        next = withClassLoader(loader::getNext);
        return row;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        loader = null;
        next = null;
    }

    private LoadFunc newLoader() {
        LoadFunc created = UdfSpec.parse(loadFunction).instantiate(LoadFunc.class, "a Pig LoadFunc");
        created.setUDFContextSignature(signature);
        return created;
    }

    /** Pig's front end makes the location absolute with the loader; both sides then give it to setLocation. */
    private String located(LoadFunc function, Job job) throws IOException {
        String absolute = function.relativeToAbsolutePath(
                location, new Path(new File(".").getAbsoluteFile().toURI()));
        function.setLocation(absolute, job);
        return absolute;
    }

    static Job job() throws IOException {
        Configuration conf = new Configuration();
        conf.setClassLoader(PigLoadInputFormat.class.getClassLoader());
        // Hadoop's FileSystem cache would register a JVM shutdown hook holding the job's class loader, which Flink
        // closes when the job ends; the local file system has nothing to pool.
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return Job.getInstance(conf);
    }

    private static InputSplit hadoopSplit(PigLoadSplit split, Configuration conf) throws IOException {
        Class<?> type;
        try {
            type = Class.forName(split.className(), true, PigLoadInputFormat.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot rebuild the split " + split.getSplitNumber() + ": " + e.getMessage(), e);
        }
        Object created = ReflectionUtils.newInstance(type, conf);
        ((Writable) created).readFields(new DataInputStream(new ByteArrayInputStream(split.bytes())));
        return (InputSplit) created;
    }

    /** Hadoop's Configuration and Pig find classes through the thread's context class loader: the job's. */
    static <T> T withClassLoader(IoAction<T> action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PigLoadInputFormat.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }
}
