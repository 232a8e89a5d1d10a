package dev.ferry.cli;

import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.k8s.ClusterFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that change the generated files, shared by {@code convert} (which writes them) and
 * {@code check --against} (which must generate the same files to compare).
 */
final class GenerationOptions {

    @Option(
            names = "--no-janitor",
            description = "leave out dags/ferry_janitor.py (the DAG deleting leftover FlinkDeployments)")
    boolean noJanitor;

    @Option(
            names = "--airflow-worker",
            paramLabel = "NAMESPACE/SERVICE_ACCOUNT",
            converter = ServiceAccountConverter.class,
            description = "the service account the Airflow workers run as: k8s/rbac.yaml binds the worker's Role to it"
                    + " (without it, the Role is written unbound)")
    ClusterFiles.ServiceAccount airflowWorker;

    RepoGenerator.Options options() {
        return new RepoGenerator.Options(!noJanitor, airflowWorker);
    }

    /** NAMESPACE/NAME, each checked as Kubernetes names them. */
    static final class ServiceAccountConverter implements CommandLine.ITypeConverter<ClusterFiles.ServiceAccount> {
        @Override
        public ClusterFiles.ServiceAccount convert(String value) {
            try {
                return ClusterFiles.ServiceAccount.parse(value);
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.TypeConversionException(bad.getMessage());
            }
        }
    }
}
