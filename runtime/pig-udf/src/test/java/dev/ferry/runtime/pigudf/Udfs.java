package dev.ferry.runtime.pigudf;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pig.EvalFunc;
import org.apache.pig.FilterFunc;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.DataByteArray;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;

/** Pig UDFs as users write them, for the adapter's tests. */
public final class Udfs {

    private Udfs() {}

    /** The class of every argument, and the constructor's arguments: what the adapter passed. */
    public static final class Describe extends EvalFunc<String> {
        private final String prefix;

        public Describe() {
            this("");
        }

        public Describe(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String exec(Tuple input) throws IOException {
            StringBuilder out = new StringBuilder(prefix);
            for (Object field : input) {
                out.append(field == null ? "null" : kind(field) + ":" + field).append(';');
            }
            return out.toString();
        }

        private static String kind(Object field) {
            return field instanceof Tuple
                    ? "Tuple"
                    : field instanceof DataBag
                            ? "DataBag"
                            : field instanceof Map ? "Map" : field.getClass().getSimpleName();
        }
    }

    /** Keeps strings that contain none of the constructor's words (String... constructor). */
    public static final class ContainsNone extends FilterFunc {
        private final List<String> words;

        public ContainsNone(String... words) {
            this.words = List.of(words);
        }

        @Override
        public Boolean exec(Tuple input) throws IOException {
            Object s = input.get(0);
            return s == null ? null : words.stream().noneMatch(w -> s.toString().contains(w));
        }
    }

    /** Each word as a (word, length) tuple. */
    public static final class Words extends EvalFunc<DataBag> {
        @Override
        public DataBag exec(Tuple input) throws IOException {
            if (input.get(0) == null) {
                return null;
            }
            DataBag bag = BagFactory.getInstance().newDefaultBag();
            for (String word : ((String) input.get(0)).split(" ")) {
                bag.add(TupleFactory.getInstance().newTuple(List.of(word, word.length())));
            }
            return bag;
        }
    }

    /** The first argument's length under key "n", the text as a bytearray under key "b". */
    public static final class Lengths extends EvalFunc<Map<String, Object>> {
        @Override
        public Map<String, Object> exec(Tuple input) throws IOException {
            Map<String, Object> m = new HashMap<>();
            m.put("n", String.valueOf(input.get(0)).length());
            return m;
        }
    }

    /** The text as a bytearray. */
    public static final class Bytes extends EvalFunc<DataByteArray> {
        @Override
        public DataByteArray exec(Tuple input) throws IOException {
            return input.get(0) == null ? null : new DataByteArray(input.get(0).toString());
        }
    }

    /** The length of the text, as an Integer. */
    public static final class Length extends EvalFunc<Integer> {
        @Override
        public Integer exec(Tuple input) throws IOException {
            return input.get(0) == null ? null : input.get(0).toString().length();
        }
    }

    /** Throws, as a broken UDF does. */
    public static final class Fails extends EvalFunc<Integer> {
        @Override
        public Integer exec(Tuple input) throws IOException {
            throw new IOException("bad input " + input);
        }
    }
}
