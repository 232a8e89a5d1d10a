package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <streaming>} of a map-reduce action. */
public interface StreamingXml {
    String getMapper();

    String getReducer();

    String getRecordReader();

    List<String> getRecordReaderMapping();

    List<String> getEnv();
}
