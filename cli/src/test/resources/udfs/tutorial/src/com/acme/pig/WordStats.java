package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;
import org.apache.pig.impl.logicalLayer.schema.Schema.FieldSchema;

/** The query's first word and the number of its words, as a tuple whose schema outputSchema spells out. */
public class WordStats extends EvalFunc<Tuple> {
    @Override
    public Tuple exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        String[] words = input.get(0).toString().trim().split("\\s+");
        return TupleFactory.getInstance().newTuple(java.util.Arrays.asList(words[0], words.length));
    }

    @Override
    public Schema outputSchema(Schema input) {
        try {
            Schema fields = new Schema();
            fields.add(new FieldSchema("first", DataType.CHARARRAY));
            fields.add(new FieldSchema("words", DataType.INTEGER));
            return new Schema(new FieldSchema("stats", fields, DataType.TUPLE));
        } catch (Exception e) {
            return null;
        }
    }
}
