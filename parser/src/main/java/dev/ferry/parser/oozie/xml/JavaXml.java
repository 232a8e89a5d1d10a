package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <java>} of uri:oozie:workflow 0.1-1.0. */
public interface JavaXml {
    String getMainClass();

    String getJavaOpts();

    /** Since workflow 0.4. */
    default List<String> getJavaOpt() {
        return List.of();
    }

    List<String> getArg();

    List<String> getFile();

    List<String> getArchive();

    Object getCaptureOutput();
}
