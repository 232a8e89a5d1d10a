package dev.ferry.translator.repo;

/** Told as a repository's applications are translated, for a progress display; it never changes the result. */
@FunctionalInterface
public interface Progress {

    /** Nothing shown. */
    Progress NONE = (done, total) -> {};

    /** {@code done} of the repository's {@code total} applications (DAGs to translate) are translated. */
    void advanced(int done, int total);
}
