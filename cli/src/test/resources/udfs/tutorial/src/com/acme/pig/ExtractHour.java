package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.Tuple;

/** Pig tutorial style: the hour of a YYMMDDHHMMSS timestamp; null when it has none. */
public class ExtractHour extends EvalFunc<Integer> {
    @Override
    public Integer exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        String timestamp = input.get(0).toString();
        if (timestamp.length() < 8) {
            return null;
        }
        try {
            return Integer.parseInt(timestamp.substring(6, 8));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
