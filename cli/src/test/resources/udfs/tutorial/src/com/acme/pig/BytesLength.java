package com.acme.pig;

import java.io.IOException;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.Tuple;

/** The number of bytes of a bytearray argument; -1 for anything else (a chararray), null for null. */
public class BytesLength extends EvalFunc<Long> {
    @Override
    public Long exec(Tuple input) throws IOException {
        Object v = input.get(0);
        if (v == null) {
            return null;
        }
        return v instanceof DataByteArray bytes ? (long) bytes.size() : -1L;
    }
}
