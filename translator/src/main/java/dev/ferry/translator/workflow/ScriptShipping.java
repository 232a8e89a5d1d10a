package dev.ferry.translator.workflow;

/** How a Flink job's SQL script reaches its JobManager. */
public enum ScriptShipping {
    /** A ConfigMap the runtime creates per run from the migrated repository's script, mounted into the pods (default). */
    CONFIG_MAP,
    /** Baked into the job image under /opt/ferry/flink/ (runtime/Dockerfile): an image tag pins the SQL that ran. */
    IMAGE
}
