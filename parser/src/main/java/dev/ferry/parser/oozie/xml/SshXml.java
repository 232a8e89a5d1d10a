package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <ssh>}, uri:oozie:ssh-action 0.1-0.2. */
public interface SshXml {
    String getHost();

    String getCommand();

    List<String> getArgs();

    /** Since 0.2. */
    default List<String> getArg() {
        return List.of();
    }

    Object getCaptureOutput();
}
