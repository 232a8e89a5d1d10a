package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;
import org.apache.pig.impl.logicalLayer.schema.Schema;
import org.apache.pig.impl.util.Utils;

/** Each word of the query with its length: a bag whose schema is Pig's schema text. */
public class WordLengths extends EvalFunc<DataBag> {
    @Override
    public DataBag exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        DataBag bag = BagFactory.getInstance().newDefaultBag();
        for (String word : input.get(0).toString().trim().split("\\s+")) {
            bag.add(TupleFactory.getInstance().newTuple(java.util.Arrays.asList(word, (long) word.length())));
        }
        return bag;
    }

    @Override
    public Schema outputSchema(Schema input) {
        try {
            return Utils.getSchemaFromString("lengths:bag{t:(word:chararray, len:long)}");
        } catch (Exception e) {
            return null;
        }
    }
}
