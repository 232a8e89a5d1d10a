package dev.ferry.translator.workflow;

/**
 * What one FlinkDeployment needs (group flink.apache.org, v1beta1): the runtime image runs the
 * job's SQL script in application mode, on a JobManager and TaskManagers of the given sizes.
 *
 * @param scriptInImage where the script is inside the image ({@link ScriptShipping#IMAGE})
 * @param shipping      how the script reaches the JobManager
 * @param parallelism   the job's default parallelism (Pig's {@code default_parallel} where the script sets it)
 */
public record FlinkDeploymentSpec(
        String name,
        String image,
        String flinkVersion,
        String jarUri,
        String scriptInImage,
        int parallelism,
        String jobManagerMemory,
        String taskManagerMemory,
        double jobManagerCpu,
        double taskManagerCpu,
        int taskSlots,
        String serviceAccount,
        ScriptShipping shipping) {

    /** The defaults every translated Pig job starts from (documented in the README's Kubernetes section). */
    public static final int DEFAULT_PARALLELISM = 2;

    /** Defaults for a translated Pig job: small clusters, like the MapReduce containers they replace. */
    public static FlinkDeploymentSpec forJob(String name, String scriptInImage) {
        return new FlinkDeploymentSpec(
                name,
                "ferry-runtime:0.1.0",
                "v2_2",
                "local:///opt/flink/usrlib/ferry-runtime.jar",
                scriptInImage,
                DEFAULT_PARALLELISM,
                "1600m",
                "2048m",
                0.5,
                1.0,
                2,
                "flink",
                ScriptShipping.CONFIG_MAP);
    }

    /** This spec with another parallelism (Pig PARALLEL / default_parallel, an override). */
    public FlinkDeploymentSpec withParallelism(int value) {
        return new FlinkDeploymentSpec(
                name,
                image,
                flinkVersion,
                jarUri,
                scriptInImage,
                value,
                jobManagerMemory,
                taskManagerMemory,
                jobManagerCpu,
                taskManagerCpu,
                taskSlots,
                serviceAccount,
                shipping);
    }

    /** This spec with other JobManager / TaskManager memory (Flink memory sizes: {@code 2048m}, {@code 4g}). */
    public FlinkDeploymentSpec withMemory(String jobManager, String taskManager) {
        return new FlinkDeploymentSpec(
                name,
                image,
                flinkVersion,
                jarUri,
                scriptInImage,
                parallelism,
                jobManager,
                taskManager,
                jobManagerCpu,
                taskManagerCpu,
                taskSlots,
                serviceAccount,
                shipping);
    }

    /** This spec shipping its script another way. */
    public FlinkDeploymentSpec withShipping(ScriptShipping value) {
        return new FlinkDeploymentSpec(
                name,
                image,
                flinkVersion,
                jarUri,
                scriptInImage,
                parallelism,
                jobManagerMemory,
                taskManagerMemory,
                jobManagerCpu,
                taskManagerCpu,
                taskSlots,
                serviceAccount,
                value);
    }
}
