package com.acme.pig;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataType;
import org.apache.pig.data.Tuple;
import org.apache.pig.impl.logicalLayer.schema.Schema;

/** A map of the query's first word under 'first': its schema a map of unknown values. */
public class FirstWordMap extends EvalFunc<Map<String, Object>> {
    @Override
    public Map<String, Object> exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        Map<String, Object> map = new HashMap<>();
        map.put("first", input.get(0).toString().trim().split("\\s+")[0]);
        return map;
    }

    @Override
    public Schema outputSchema(Schema input) {
        return new Schema(new Schema.FieldSchema("m", DataType.MAP));
    }
}
