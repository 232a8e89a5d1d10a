package dev.ferry.runtime;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;

/**
 * The file system scheme-less paths resolve on: Flink's {@code fs.default-scheme}, set from the Oozie action's
 * {@code <name-node>} as Hadoop's {@code fs.defaultFS} is, so {@code /user/x} in a LOAD, a STORE or a prepare
 * step means the same file it meant to Pig. Flink keeps it in process-wide state: on Kubernetes the deployment's
 * {@code flinkConfiguration} sets it for the JobManager and TaskManagers alike; a local run (one JVM) sets it here.
 */
final class DefaultFileSystem {

    private DefaultFileSystem() {}

    /** Makes {@code uri} the default file system of this process, keeping the rest of Flink's configuration. */
    static void use(URI uri) {
        if (uri.equals(FileSystem.getDefaultFsUri())) {
            return; // already the cluster's (set in the FlinkDeployment)
        }
        Configuration config = GlobalConfiguration.loadConfiguration();
        config.set(CoreOptions.DEFAULT_FILESYSTEM_SCHEME, uri.toString());
        FileSystem.initialize(config, PluginUtils.createPluginManagerFromRootFolder(config));
    }
}
