package dev.ferry.runtime.pigudf;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.io.CleanupWhenUnsuccessful;
import org.apache.flink.api.common.io.OutputFormat;
import org.apache.flink.table.connector.RuntimeConverter;
import org.apache.flink.table.connector.sink.DynamicTableSink.DataStructureConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.pig.OverwritableStoreFunc;
import org.apache.pig.ResourceSchema;
import org.apache.pig.StoreFuncInterface;
import org.apache.pig.StoreMetadata;
import org.apache.pig.data.DataType;
import org.apache.pig.impl.logicalLayer.schema.Schema;
import org.apache.pig.impl.util.UDFContext;

/**
 * Writes a STORE's rows with an unchanged Pig {@link StoreFuncInterface StoreFunc}, the calls in the order Pig's
 * MapReduce (and local) engine makes them, in one task. Pig's front end ({@code InputOutputFileValidatorVisitor}):
 * {@code setStoreFuncUDFContextSignature}, {@code relToAbsPathForStoreLocation} against the working directory,
 * {@code checkSchema} with the stored fields, {@code setStoreLocation}, the OutputFormat's {@code checkOutputSpecs}
 * (an existing location fails the job, unless the function is an {@link OverwritableStoreFunc} that overwrites).
 * Then the task ({@code PigOutputFormat}, {@code PigOutputCommitter}): a new instance, its signature, {@code
 * setStoreLocation}, the OutputFormat's committer {@code setupJob} and {@code setupTask}, {@code getRecordWriter},
 * {@code prepareToWrite(writer)}, {@code putNext} per row; at the end the writer's {@code close}, {@code commitTask},
 * {@code commitJob}, a {@link StoreMetadata}'s {@code storeSchema}, and {@code cleanupOnSuccess} (Pig's launcher
 * after the job). The task is task 0 of a map or a reduce, as the store's place in Pig's plan: Hadoop's
 * FileOutputFormat names its file {@code part-m-00000} or {@code part-r-00000}.
 *
 * <p>Each row is a tuple of Pig's objects ({@link PigValues#input}); a bytearray column's text is its UTF-8 bytes.
 */
final class PigStoreOutputFormat implements OutputFormat<RowData>, CleanupWhenUnsuccessful {

    private static final long serialVersionUID = 1L;

    /** Pig's local job runner names its jobs {@code job_local..._0001}; nothing the files are named after. */
    private static final JobID JOB_ID = new JobID("local", 1);

    /**
     * What the table stores.
     *
     * @param signature the UDFContext signature, one per STORE (the sink table's name)
     * @param names the stored fields' names, for the schema {@code checkSchema} gets
     * @param reduce whether the rows come out of a reduce (part-r-) rather than a map (part-m-)
     * @param overwrite whether the location is removed first (INSERT OVERWRITE: the script's rmf before the STORE)
     */
    record Store(
            String location,
            String storeFunction,
            String signature,
            List<String> names,
            byte[] types,
            boolean reduce,
            boolean overwrite)
            implements Serializable {

        Store {
            names = List.copyOf(names);
            types = types.clone();
        }

        Store overwriting(boolean replace) {
            return new Store(location, storeFunction, signature, names, types, reduce, replace);
        }

        /** The stored tuples' schema, as Pig gives {@code checkSchema} the STORE's schema. */
        ResourceSchema schema() {
            List<Schema.FieldSchema> fields = new ArrayList<>();
            for (int i = 0; i < types.length; i++) {
                fields.add(new Schema.FieldSchema(names.get(i), types[i]));
            }
            return new ResourceSchema(new Schema(fields));
        }
    }

    private final Store store;
    private final DataStructureConverter converter;

    private transient StoreFuncInterface storer;
    private transient String absolute;
    private transient Job job;
    private transient JobContext jobContext;
    private transient TaskAttemptContext task;
    private transient OutputCommitter committer;
    private transient RecordWriter<?, ?> writer;
    /** Whether a row failed: the task's files are aborted, not committed. */
    private transient boolean failed;

    PigStoreOutputFormat(Store store, DataStructureConverter converter) {
        this.store = store;
        this.converter = converter;
    }

    @Override
    public void configure(org.apache.flink.configuration.Configuration parameters) {}

    @Override
    public void open(InitializationContext context) throws IOException {
        converter.open(RuntimeConverter.Context.create(PigStoreOutputFormat.class.getClassLoader()));
        PigLoadInputFormat.withClassLoader(() -> {
            frontEnd();
            storer = newStorer();
            job = PigLoadInputFormat.job();
            storer.setStoreLocation(absolute, job);
            Configuration conf = job.getConfiguration();
            UDFContext.getUDFContext().addJobConf(conf);
            TaskID taskId =
                    new TaskID(JOB_ID, store.reduce() ? TaskType.REDUCE : TaskType.MAP, context.getTaskNumber());
            task = new TaskAttemptContextImpl(conf, new TaskAttemptID(taskId, context.getAttemptNumber()));
            jobContext = new JobContextImpl(conf, JOB_ID);
            try {
                org.apache.hadoop.mapreduce.OutputFormat<?, ?> format = storer.getOutputFormat();
                committer = format.getOutputCommitter(task);
                committer.setupJob(jobContext);
                committer.setupTask(task);
                writer = format.getRecordWriter(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            storer.prepareToWrite(writer);
            return null;
        });
    }

    /** What Pig checks before it runs the job: the schema, the location, the OutputFormat's output specs. */
    private void frontEnd() throws IOException {
        StoreFuncInterface checker = newStorer();
        absolute = checker.relToAbsPathForStoreLocation(
                store.location(), new Path(new File(".").getAbsoluteFile().toURI()));
        Job check = PigLoadInputFormat.job();
        if (store.overwrite()) {
            Path path = new Path(absolute);
            path.getFileSystem(check.getConfiguration()).delete(path, true);
        }
        checker.checkSchema(store.schema());
        checker.setStoreLocation(absolute, check);
        try {
            checker.getOutputFormat().checkOutputSpecs(new JobContextImpl(check.getConfiguration(), JOB_ID));
        } catch (FileAlreadyExistsException | org.apache.hadoop.mapred.FileAlreadyExistsException e) {
            if (!(checker instanceof OverwritableStoreFunc overwritable && overwritable.shouldOverwrite())) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void writeRecord(RowData record) throws IOException {
        Row row = (Row) converter.toExternal(record);
        Object[] fields = new Object[row.getArity()];
        for (int i = 0; i < fields.length; i++) {
            Object value = row.getField(i);
            fields[i] = store.types()[i] == DataType.BYTEARRAY && value instanceof String text
                    ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : value;
        }
        try {
            PigLoadInputFormat.withClassLoader(() -> {
                storer.putNext(PigValues.input(fields, 0));
                return null;
            });
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * The end of the task: the commit, unless a row failed. Flink also closes the format when another operator of the
     * job failed, without saying so: that the format cannot tell.
     */
    @Override
    public void close() throws IOException {
        if (writer == null) {
            return;
        }
        if (failed) {
            tryCleanupOnError();
            return;
        }
        PigLoadInputFormat.withClassLoader(() -> {
            try {
                writer.close(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            writer = null;
            if (committer.needsTaskCommit(task)) {
                committer.commitTask(task);
            }
            committer.commitJob(jobContext);
            if (storer instanceof StoreMetadata metadata) {
                metadata.storeSchema(store.schema(), absolute, job);
            }
            storer.cleanupOnSuccess(absolute, job);
            return null;
        });
    }

    /** A failed task: what it wrote goes, as Pig's committer aborts the task and the job. */
    @Override
    public void tryCleanupOnError() throws IOException {
        if (committer == null) {
            return;
        }
        PigLoadInputFormat.withClassLoader(() -> {
            if (writer != null) {
                try {
                    writer.close(task);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            committer.abortTask(task);
            committer.abortJob(jobContext, JobStatus.State.FAILED);
            storer.cleanupOnFailure(absolute, job);
            return null;
        });
        writer = null;
    }

    private StoreFuncInterface newStorer() {
        StoreFuncInterface created =
                UdfSpec.parse(store.storeFunction()).instantiate(StoreFuncInterface.class, "a Pig StoreFunc");
        created.setStoreFuncUDFContextSignature(store.signature());
        return created;
    }
}
