package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <sqoop>}, uri:oozie:sqoop-action 0.2-1.0. */
public interface SqoopXml {
    String getCommand();

    List<String> getArg();

    List<String> getFile();

    List<String> getArchive();
}
