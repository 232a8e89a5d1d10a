package com.acme.pig;

import java.io.IOException;
import java.util.TreeSet;
import org.apache.pig.Algebraic;
import org.apache.pig.EvalFunc;
import org.apache.pig.data.BagFactory;
import org.apache.pig.data.DataBag;
import org.apache.pig.data.Tuple;
import org.apache.pig.data.TupleFactory;

/**
 * The number of distinct non-null first fields of a bag, as an Algebraic UDF: Pig may run Initial, Intermed and
 * Final (map, combiner, reduce) instead of exec; the answer is the same either way.
 */
public class DistinctQueries extends EvalFunc<Long> implements Algebraic {

    @Override
    public Long exec(Tuple input) throws IOException {
        return (long) distinct((DataBag) input.get(0)).size();
    }

    /** The distinct non-null first fields of the bag's tuples, or of the bags those tuples hold. */
    static TreeSet<String> distinct(DataBag bag) throws IOException {
        TreeSet<String> values = new TreeSet<>();
        if (bag == null) {
            return values;
        }
        for (Tuple t : bag) {
            Object v = t.get(0);
            if (v instanceof DataBag inner) {
                values.addAll(distinct(inner));
            } else if (v != null) {
                values.add(v.toString());
            }
        }
        return values;
    }

    static Tuple asBag(TreeSet<String> values) {
        DataBag bag = BagFactory.getInstance().newDefaultBag();
        for (String v : values) {
            bag.add(TupleFactory.getInstance().newTuple(v));
        }
        return TupleFactory.getInstance().newTuple(bag);
    }

    @Override
    public String getInitial() {
        return Partial.class.getName();
    }

    @Override
    public String getIntermed() {
        return Partial.class.getName();
    }

    @Override
    public String getFinal() {
        return Final.class.getName();
    }

    /** A bag of the distinct values seen so far. */
    public static class Partial extends EvalFunc<Tuple> {
        @Override
        public Tuple exec(Tuple input) throws IOException {
            return asBag(distinct((DataBag) input.get(0)));
        }
    }

    public static class Final extends EvalFunc<Long> {
        @Override
        public Long exec(Tuple input) throws IOException {
            return (long) distinct((DataBag) input.get(0)).size();
        }
    }
}
