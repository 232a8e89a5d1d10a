package com.acme.pig;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;

/** Pig tutorial style: the distinct n-grams (1 to n words) of the query, one per tuple. */
public class NGramGenerator extends EvalFunc<DataBag> {
    private final int n;

    public NGramGenerator(String n) {
        this.n = Integer.parseInt(n);
    }

    @Override
    public DataBag exec(Tuple input) throws IOException {
        DataBag output = BagFactory.getInstance().newDefaultBag();
        if (input == null || input.size() == 0 || input.get(0) == null) {
            return output;
        }
        String[] words = input.get(0).toString().trim().split("\\s+");
        Set<String> ngrams = new LinkedHashSet<>();
        for (int size = 1; size <= n; size++) {
            for (int i = 0; i + size <= words.length; i++) {
                if (!words[i].isEmpty()) {
                    ngrams.add(String.join(" ", Arrays.copyOfRange(words, i, i + size)));
                }
            }
        }
        for (String ngram : ngrams) {
            output.add(TupleFactory.getInstance().newTuple(ngram));
        }
        return output;
    }
}
