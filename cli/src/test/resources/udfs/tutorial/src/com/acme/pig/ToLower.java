package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.Tuple;

/** Pig tutorial style: the query in lower case. */
public class ToLower extends EvalFunc<String> {
    @Override
    public String exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        return ((String) input.get(0)).toLowerCase();
    }
}
