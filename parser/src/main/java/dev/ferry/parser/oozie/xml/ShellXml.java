package dev.ferry.parser.oozie.xml;

import java.util.List;

/** {@code <shell>}, uri:oozie:shell-action 0.1-1.0: every version has the same elements. */
public interface ShellXml {
    String getExec();

    List<String> getArgument();

    List<String> getEnvVar();

    List<String> getFile();

    List<String> getArchive();

    /** The {@code <capture-output/>} flag, null when absent. */
    Object getCaptureOutput();
}
