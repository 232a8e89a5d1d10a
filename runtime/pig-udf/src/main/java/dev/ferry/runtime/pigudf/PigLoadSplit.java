package dev.ferry.runtime.pigudf;

import org.apache.flink.core.io.InputSplit;

/**
 * One split of a loader's InputFormat, as Flink hands it to a task: the Hadoop split's class and its {@code Writable}
 * bytes (what Pig's {@code PigSplit} ships to a map task).
 */
final class PigLoadSplit implements InputSplit {

    private static final long serialVersionUID = 1L;

    private final int number;
    private final String className;
    private final byte[] bytes;

    PigLoadSplit(int number, String className, byte[] bytes) {
        this.number = number;
        this.className = className;
        this.bytes = bytes.clone();
    }

    @Override
    public int getSplitNumber() {
        return number;
    }

    String className() {
        return className;
    }

    byte[] bytes() {
        return bytes.clone();
    }
}
