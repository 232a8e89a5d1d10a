package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <distcp>}, uri:oozie:distcp-action 0.1-1.0. */
public interface DistcpXml {
    String getJavaOpts();

    List<String> getArg();
}
