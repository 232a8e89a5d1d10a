package com.acme.pig;

import java.io.IOException;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.pig.Expression;
import org.apache.pig.LoadFunc;
import org.apache.pig.LoadMetadata;
import org.apache.pig.ResourceSchema;
import org.apache.pig.ResourceStatistics;
import org.apache.pig.backend.hadoop.executionengine.mapReduceLayer.PigSplit;
import org.apache.pig.data.Tuple;
import org.apache.pig.impl.util.Utils;

/** The TypedCsvLoader's records with the schema it declares itself: a LOAD of it needs no AS. */
public class TypedCsvSchemaLoader extends LoadFunc implements LoadMetadata {

    private final TypedCsvLoader lines = new TypedCsvLoader();

    @Override
    public void setLocation(String location, Job job) throws IOException {
        lines.setLocation(location, job);
    }

    @Override
    public InputFormat<?, ?> getInputFormat() {
        return lines.getInputFormat();
    }

    @Override
    public void prepareToRead(RecordReader reader, PigSplit split) {
        lines.prepareToRead(reader, split);
    }

    @Override
    public Tuple getNext() throws IOException {
        return lines.getNext();
    }

    @Override
    public ResourceSchema getSchema(String location, Job job) throws IOException {
        return new ResourceSchema(Utils.getSchemaFromString("name:chararray, n:int, score:double, flag:boolean"));
    }

    @Override
    public ResourceStatistics getStatistics(String location, Job job) {
        return null;
    }

    @Override
    public String[] getPartitionKeys(String location, Job job) {
        return null;
    }

    @Override
    public void setPartitionFilter(Expression partitionFilter) {}
}
