package dev.ferry.parser.oozie;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which namespaces each Oozie document kind accepts: its family at any version (workflow 0.1-1.0,
 * coordinator 0.1-0.5, bundle 0.1-0.2), or no namespace at all.
 */
final class OozieNamespaces {

    private static final Pattern OOZIE = Pattern.compile("uri:oozie:([a-z-]+):(\\d+(?:\\.\\d+)*)");

    private OozieNamespaces() {}

    /** True for "" and for {@code uri:oozie:<family>:<version>}. */
    static boolean accepts(String family, String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return true;
        }
        Matcher m = OOZIE.matcher(namespace);
        return m.matches() && m.group(1).equals(family);
    }

    /** "0.2" for uri:oozie:workflow:0.2, "" when there is no (Oozie) namespace. */
    static String version(String namespace) {
        Matcher m = OOZIE.matcher(namespace == null ? "" : namespace);
        return m.matches() ? m.group(2) : "";
    }
}
