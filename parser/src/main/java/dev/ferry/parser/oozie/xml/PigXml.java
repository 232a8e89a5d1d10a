package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <pig>} of uri:oozie:workflow 0.1-1.0. */
public interface PigXml {
    String getScript();

    List<String> getParam();

    /** Since workflow 0.2. */
    default List<String> getArgument() {
        return List.of();
    }

    List<String> getFile();

    List<String> getArchive();
}
