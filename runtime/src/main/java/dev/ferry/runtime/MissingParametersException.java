package dev.ferry.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** A script uses {@code ${NAME}} placeholders that were given no value. */
public final class MissingParametersException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    public MissingParametersException(List<String> missing) {
        super("no value for parameter"
                + (missing.size() == 1 ? " " : "s ")
                + missing.stream().map(n -> "${" + n + "}").collect(Collectors.joining(", ")));
        this.missing = List.copyOf(missing);
    }

    /** The names without a value, in order of first use. */
    public List<String> missing() {
        return missing;
    }
}
