package com.acme.pig;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pig.FilterFunc;
import org.apache.pig.data.Tuple;

/** Pig tutorial style (NonURLDetector): keeps queries that are not blank and start with none of the prefixes. */
public class UrlFilter extends FilterFunc {
    private final List<String> prefixes;

    public UrlFilter(String... prefixes) {
        this.prefixes = Arrays.asList(prefixes);
    }

    @Override
    public Boolean exec(Tuple input) throws IOException {
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return false;
        }
        String query = input.get(0).toString().trim();
        if (query.isEmpty()) {
            return false;
        }
        for (String prefix : prefixes) {
            if (query.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
