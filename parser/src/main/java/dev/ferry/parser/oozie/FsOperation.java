package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of an fs action with its attributes as written (path, source, target, permissions,
 * dir-files, group, replication-factor, skip-trash...). {@code recursive} is the {@code <recursive/>} child
 * of chmod and chgrp.
 */
public record FsOperation(Kind kind, Map<String, String> attributes, boolean recursive, SourceSpan span) {

    public enum Kind {
        DELETE,
        MKDIR,
        MOVE,
        CHMOD,
        TOUCHZ,
        CHGRP,
        SETREP;

        /** The kind named by an element's local name ("touchz", "chgrp"...). */
        public static Optional<Kind> of(String elementName) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(elementName)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public FsOperation {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}
