package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <map-reduce>} of uri:oozie:workflow 0.1-1.0. */
public interface MapReduceXml {
    StreamingXml getStreaming();

    PipesXml getPipes();

    /** Since workflow 0.5. */
    default String getConfigClass() {
        return null;
    }

    List<String> getFile();

    List<String> getArchive();
}
