package dev.ferry.runtime.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * Pig's UniqueID: {@code <task index>-<n>}, n counting the rows this instance has numbered from 0. Pig's task index
 * is the Hadoop task's; here it is the index of the Flink subtask that evaluates the call, so the ids are unique
 * within the job and of Pig's form, but which row gets which id follows Flink's split of the work (the same as
 * Pig's for one task reading one file in order). Arguments are ignored, as Pig ignores them.
 */
public final class PigUniqueId extends ScalarFunction {

    private transient String prefix;
    private transient long sequence;

    @Override
    public void open(FunctionContext context) {
        prefix = context.getTaskInfo().getIndexOfThisSubtask() + "-";
        sequence = 0;
    }

    public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object... ignored) {
        return prefix + sequence++;
    }

    @Override
    public boolean isDeterministic() {
        return false; // a new value on every call: never folded to a constant, never merged with another call
    }
}
