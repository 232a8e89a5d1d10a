package dev.ferry.translator.workflow;

/**
 * What one FlinkDeployment needs (group flink.apache.org, v1beta1): the runtime image runs the
 * job's SQL script in application mode; the operator's defaults cover the rest.
 */
public record FlinkDeploymentSpec(String name, String image, String flinkVersion, String jarUri, String scriptInImage,
                                  int parallelism, String jobManagerMemory, String taskManagerMemory,
                                  double jobManagerCpu, double taskManagerCpu, int taskSlots, String serviceAccount) {

    /** Defaults for a translated Pig job: small clusters, like the MapReduce containers they replace. */
    public static FlinkDeploymentSpec forJob(String name, String scriptInImage) {
        return new FlinkDeploymentSpec(name, "ferry-runtime:0.1.0", "v2_2", "local:///opt/flink/usrlib/ferry-runtime.jar",
                scriptInImage, 2, "1600m", "2048m", 0.5, 1.0, 2, "flink");
    }
}
