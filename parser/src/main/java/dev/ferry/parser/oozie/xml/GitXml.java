package dev.ferry.parser.oozie.xml;

/** {@code <git>}, uri:oozie:git-action:1.0. */
public interface GitXml {
    String getGitUri();

    String getBranch();

    String getKeyPath();

    String getDestinationUri();
}
