package com.acme.pig;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.pig.LoadFunc;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigSplit;

/** A loader of text lines over Hadoop's TextInputFormat, as user loaders are commonly written. */
public abstract class LineLoader extends LoadFunc {

    private RecordReader<?, ?> reader;

    @Override
    public void setLocation(String location, Job job) throws IOException {
        FileInputFormat.setInputPaths(job, location);
    }

    @Override
    public InputFormat<?, ?> getInputFormat() {
        return new TextInputFormat();
    }

    @Override
    public void prepareToRead(RecordReader reader, PigSplit split) {
        this.reader = reader;
    }

    /** The next line, or null at the end of the split. */
    protected String nextLine() throws IOException {
        try {
            return reader.nextKeyValue() ? ((Text) reader.getCurrentValue()).toString() : null;
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }
}
