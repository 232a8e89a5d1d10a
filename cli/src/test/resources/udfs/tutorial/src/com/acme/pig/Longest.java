package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.Tuple;

/** The longest first field of a bag's tuples (the first of equal ones in bag order is not relied on: ties break by text). */
public class Longest extends EvalFunc<String> {
    @Override
    public String exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return null;
        }
        String longest = null;
        for (Tuple t : (DataBag) input.get(0)) {
            Object v = t.get(0);
            if (v == null) {
                continue;
            }
            String s = v.toString();
            if (longest == null || s.length() > longest.length()
                    || s.length() == longest.length() && s.compareTo(longest) > 0) {
                longest = s;
            }
        }
        return longest;
    }
}
