package com.acme.pig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;

/**
 * Records of {@code key=value;key=value} lines: the values of the keys the constructor names, in that order, each a
 * bytearray (null where the line lacks the key), so the AS clause's types are cast by the LoadCaster.
 */
public class KeyValueLoader extends LineLoader {

    private final String[] keys;

    public KeyValueLoader(String... keys) {
        this.keys = keys;
    }

    @Override
    public Tuple getNext() throws IOException {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
            }
        }
        List<Object> fields = new ArrayList<>();
        for (String key : keys) {
            String value = values.get(key);
            fields.add(value == null ? null : new DataByteArray(value.getBytes(StandardCharsets.UTF_8)));
        }
        return TupleFactory.getInstance().newTuple(fields);
    }
}
