package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <hive>}, uri:oozie:hive-action 0.2-1.0 (and what {@code <hive2>} shares with it). */
public interface HiveXml {
    String getScript();

    /** Since hive-action 0.6 and hive2-action 0.2. */
    default String getQuery() {
        return null;
    }

    List<String> getParam();

    /** Since hive-action 0.5. */
    default List<String> getArgument() {
        return List.of();
    }

    List<String> getFile();

    List<String> getArchive();
}
