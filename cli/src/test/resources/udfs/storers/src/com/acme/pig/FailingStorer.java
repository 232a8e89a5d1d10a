package com.acme.pig;

import java.io.IOException;
import org.apache.pig.data.Tuple;

/** A {@link KeyValueStorer} that fails the task at the row whose first field is the constructor's argument. */
public class FailingStorer extends KeyValueStorer {

    private final String failAt;

    public FailingStorer(String failAt) {
        this.failAt = failAt;
    }

    @Override
    public void putNext(Tuple tuple) throws IOException {
        if (failAt.equals(tuple.get(0))) {
            throw new IOException("FailingStorer refuses the row of " + failAt);
        }
        super.putNext(tuple);
    }
}
