package com.acme.pig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;

/**
 * Comma-separated {@code name,count,score,flag} lines as typed fields: a String, an Integer, a Double and a Boolean
 * (null where a field does not parse); a short line gives a short tuple.
 */
public class TypedCsvLoader extends LineLoader {

    @Override
    public Tuple getNext() throws IOException {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        String[] parts = line.split(",", -1);
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < parts.length && i < 4; i++) {
            fields.add(switch (i) {
                case 0 -> parts[0].isEmpty() ? null : parts[0];
                case 1 -> parseInt(parts[1]);
                case 2 -> parseDouble(parts[2]);
                default -> parts[3].isEmpty() ? null : Boolean.valueOf(parts[3]);
            });
        }
        return TupleFactory.getInstance().newTuple(fields);
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
