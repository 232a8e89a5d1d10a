package com.acme.pig;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.pig.LoadCaster;
import org.apache.pig.builtin.Utf8StorageConverter;

/**
 * A KeyValueLoader whose LoadCaster reads ints and longs in hexadecimal and chararrays in upper case: what a cast of
 * its bytearrays gives depends on the loader, as in Pig.
 */
public class HexKeyValueLoader extends KeyValueLoader {

    public HexKeyValueLoader(String... keys) {
        super(keys);
    }

    @Override
    public LoadCaster getLoadCaster() {
        return new HexCaster();
    }

    /** Utf8StorageConverter but for ints, longs and chararrays. */
    public static class HexCaster extends Utf8StorageConverter {
        @Override
        public Integer bytesToInteger(byte[] b) {
            Long value = bytesToLong(b);
            return value == null ? null : value.intValue();
        }

        @Override
        public Long bytesToLong(byte[] b) {
            if (b == null) {
                return null;
            }
            try {
                return Long.parseLong(new String(b, StandardCharsets.UTF_8).trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String bytesToCharArray(byte[] b) {
            return b == null ? null : new String(b, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        }
    }
}
