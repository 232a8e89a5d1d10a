package dev.ferry.cli;

import dev.ferry.generator.RepoGenerator;
import dev.ferry.generator.k8s.ClusterFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options that change the generated files, shared by {@code convert} (which writes them) and
 * {@code check --against} (which must generate the same files to compare).
 */
final class GenerationOptions {

    private static final String NO_JANITOR = "--no-janitor";
    private static final String NO_JANITOR_DESCRIPTION =
            "leave out dags/ferry_janitor.py (the DAG deleting leftover FlinkDeployments)";
    private static final String AIRFLOW_WORKER = "--airflow-worker";
    private static final String AIRFLOW_WORKER_LABEL = "NAMESPACE/SERVICE_ACCOUNT";
    private static final String AIRFLOW_WORKER_DESCRIPTION =
            "the service account the Airflow workers run as: k8s/rbac.yaml binds the worker's Role to it"
                    + " (without it, the Role is written unbound)";

    @Option(names = NO_JANITOR, description = NO_JANITOR_DESCRIPTION)
    boolean noJanitor;

    @Option(
            names = AIRFLOW_WORKER,
            paramLabel = AIRFLOW_WORKER_LABEL,
            converter = ServiceAccountConverter.class,
            description = AIRFLOW_WORKER_DESCRIPTION)
    ClusterFiles.ServiceAccount airflowWorker;

    /** Adds these options to a command built in code (convert), as the mixin adds them. */
    static void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder(NO_JANITOR)
                .description(NO_JANITOR_DESCRIPTION)
                .build());
        spec.addOption(OptionSpec.builder(AIRFLOW_WORKER)
                .paramLabel(AIRFLOW_WORKER_LABEL)
                .type(ClusterFiles.ServiceAccount.class)
                .converters(new ServiceAccountConverter())
                .description(AIRFLOW_WORKER_DESCRIPTION)
                .build());
    }

    /** The values a command built by {@link #addTo} parsed. */
    static GenerationOptions of(CommandSpec spec) {
        GenerationOptions options = new GenerationOptions();
        options.noJanitor = CodedCommands.flag(spec, NO_JANITOR);
        options.airflowWorker = spec.findOption(AIRFLOW_WORKER).getValue();
        return options;
    }

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
