package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <spark>}, uri:oozie:spark-action 0.1-1.0. */
public interface SparkXml {
    String getMaster();

    String getMode();

    String getName();

    String getClazz();

    String getJar();

    String getSparkOpts();

    List<String> getArg();

    /** Since 0.2. */
    default List<String> getFile() {
        return List.of();
    }

    /** Since 0.2. */
    default List<String> getArchive() {
        return List.of();
    }
}
