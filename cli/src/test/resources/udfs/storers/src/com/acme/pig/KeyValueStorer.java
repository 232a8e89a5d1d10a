package com.acme.pig;

import java.io.IOException;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.pig.ResourceSchema;
import org.apache.pig.StoreFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.impl.util.UDFContext;

/**
 * Writes each tuple as a line of {@code name:type=value} pairs joined by the constructor's separator ({@code ;} by
 * default): the names come from the schema Pig gives {@code checkSchema} on the front end, handed to the task
 * through the UDFContext under the STORE's signature, and each type is the Java class Pig passes the field as
 * ({@code bytearray}, {@code chararray}, {@code int}...). A null field is {@code name:null}.
 */
public class KeyValueStorer extends StoreFunc {

    private final String separator;
    private String signature;
    private String[] names;
    private RecordWriter<NullWritable, Text> writer;

    public KeyValueStorer() {
        this(";");
    }

    public KeyValueStorer(String separator) {
        this.separator = separator;
    }

    @Override
    public OutputFormat<NullWritable, Text> getOutputFormat() {
        return new TextOutputFormat<>();
    }

    @Override
    public void setStoreLocation(String location, Job job) throws IOException {
        FileOutputFormat.setOutputPath(job, new Path(location));
    }

    @Override
    public void setStoreFuncUDFContextSignature(String signature) {
        this.signature = signature;
    }

    private Properties properties() {
        return UDFContext.getUDFContext().getUDFProperties(getClass(), new String[] {signature});
    }

    @Override
    public void checkSchema(ResourceSchema schema) {
        properties().setProperty("names", String.join(",", schema.fieldNames()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void prepareToWrite(RecordWriter writer) {
        this.writer = writer;
        String stored = properties().getProperty("names");
        if (stored == null) {
            throw new IllegalStateException("checkSchema was not called before prepareToWrite");
        }
        names = stored.split(",");
    }

    @Override
    public void putNext(Tuple tuple) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < tuple.size(); i++) {
            Object value = tuple.get(i);
            if (i > 0) {
                line.append(separator);
            }
            line.append(i < names.length ? names[i] : "$" + i).append(':');
            line.append(value == null ? "null" : DataType.findTypeName(value) + "=" + value);
        }
        try {
            writer.write(NullWritable.get(), new Text(line.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
