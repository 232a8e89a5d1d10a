package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.Tuple;

/** The first character of a chararray, upper-cased: a UDF in the loaders' jar. */
public class Initial extends EvalFunc<String> {
    @Override
    public String exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        String text = (String) input.get(0);
        return text.isEmpty() ? "" : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
