package dev.ferry.parser.repo;

import dev.ferry.diagnostics.SourceSpan;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A repository's {@code ferry.yaml}: what the repository itself does not say. Every entry keeps where it was
 * written, so a name that matches nothing is reported there.
 *
 * @param submissions properties file → the application it submits (both relative to the repository), for files
 *                    that name no {@code oozie.*.application.path}
 * @param sizing      the repository's Flink job sizes, each field overridden per DAG and per task
 */
public record FerryConfig(SortedMap<String, Entry<String>> submissions, Sizing sizing) {

    public static final String FILE_NAME = "ferry.yaml";

    /** No {@code ferry.yaml}: nothing mapped, nothing sized. */
    public static final FerryConfig NONE = new FerryConfig(new TreeMap<>(), Sizing.NONE);

    public FerryConfig {
        submissions = Collections.unmodifiableSortedMap(new TreeMap<>(submissions));
    }

    /** A value and where its key was written. */
    public record Entry<T>(T value, SourceSpan span) {}

    /**
     * Job sizes; a null field is not set here and comes from the level above (repository, then Ferry's default).
     *
     * @param dags per DAG id (empty below the DAG level)
     * @param tasks per task id (only at the DAG level)
     */
    public record Sizing(
            Integer parallelism,
            String jobManagerMemory,
            String taskManagerMemory,
            SortedMap<String, Entry<Sizing>> dags,
            SortedMap<String, Entry<Sizing>> tasks) {

        public static final Sizing NONE = new Sizing(null, null, null, new TreeMap<>(), new TreeMap<>());

        public Sizing {
            dags = Collections.unmodifiableSortedMap(new TreeMap<>(dags));
            tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks));
        }

        /** This level's fields over {@code below}'s (a task's over its DAG's over the repository's). */
        public Sizing over(Sizing below) {
            return new Sizing(
                    parallelism != null ? parallelism : below.parallelism,
                    jobManagerMemory != null ? jobManagerMemory : below.jobManagerMemory,
                    taskManagerMemory != null ? taskManagerMemory : below.taskManagerMemory,
                    new TreeMap<>(),
                    new TreeMap<>());
        }
    }
}
