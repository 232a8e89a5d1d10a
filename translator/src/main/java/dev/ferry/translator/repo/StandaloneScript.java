package dev.ferry.translator.repo;

import dev.ferry.translator.sql.SqlJob;
import java.util.List;
import java.util.Optional;

/**
 * A Pig script of the repository that no workflow's pig action runs (an ad-hoc job, a script run by hand or by
 * another scheduler): translated all the same, so it is listed in the report and its Flink SQL is written.
 *
 * @param source     the script, relative to the repository
 * @param outputPath where its SQL goes in the output ({@code flink/_standalone/...sql}), empty when not translated
 * @param status     what became of it
 * @param job        the translated job, when there is one
 * @param parameters the Pig parameters the job needs at run time ({@code $INPUT} without a {@code %default})
 * @param reason     for a TODO or an error, the first reason (its position and message); empty otherwise
 */
public record StandaloneScript(
        String source, String outputPath, Status status, Optional<SqlJob> job, List<String> parameters, String reason) {

    public StandaloneScript {
        parameters = List.copyOf(parameters);
    }

    public enum Status {
        /** Translated: its SQL is written. */
        TRANSLATED,
        /** Real Pig accepts it, but a construct is not translated yet (PIG-W020 at its line). */
        TODO,
        /** Bad input: a syntax, alias or type error (reported as an error). */
        ERROR,
        /** It stores and prints nothing (no STORE, no DUMP): Pig would write no output either. */
        NOTHING_STORED;

        /** The status in report.json: lower case with underscores. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
