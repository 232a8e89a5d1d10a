package dev.ferry.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The runner's command line:
 * {@code --script FILE [--param NAME=VALUE]... [--param-env NAME=ENV_VAR]... [--prepare-delete PATH]...
 * [--prepare-mkdir PATH]... [--parallelism N] [--default-fs URI]}. Each option also takes the
 * {@code --option=value} form. Prepare steps keep their command-line order; a repeated parameter keeps
 * its last value. {@code --default-fs} is the file system scheme-less paths resolve on (the Oozie action's
 * {@code <name-node>}, Hadoop's {@code fs.defaultFS}).
 * {@code --param-env} takes a parameter's value from an environment variable: how a secret reaches
 * the job (from a Kubernetes Secret) without being written into its command line.
 * {@code FERRY_UDF_DIR}, where a script that calls Pig Java UDFs finds the adapter's jar and the jars the Pig
 * script REGISTERed (at their repository paths), is the environment variable of that name (a local run's), else
 * {@value #DEFAULT_UDF_DIR} (the image's), unless a {@code --param} sets it. {@code FERRY_UDF_JARS}, where it finds
 * the jars the Pig script REGISTERed (at their repository paths), is the {@code udfs} directory beside the script
 * (where {@code ferry convert} puts them, and the FlinkDeployment's ConfigMap mounts them) unless a {@code --param}
 * sets it.
 */
public record JobArguments(
        String script,
        Map<String, String> params,
        List<Prepare.Step> prepare,
        OptionalInt parallelism,
        Optional<URI> defaultFs) {

    public static final String USAGE =
            "usage: ferry-runtime --script FILE [--param NAME=VALUE]... [--param-env NAME=ENV_VAR]..."
                    + " [--prepare-delete PATH]..."
                    + " [--prepare-mkdir PATH]... [--parallelism N] [--default-fs URI]";

    /** Where the image keeps ferry-pig-udf.jar and a repository's REGISTERed jars; outside usrlib/, so only the jobs that name them load them. */
    public static final String DEFAULT_UDF_DIR = "/opt/ferry/udfs";

    /** The parameter (and environment variable) naming the directory of the Pig UDF jars. */
    public static final String UDF_DIR = "FERRY_UDF_DIR";

    /** The parameter naming the directory of the jars the Pig script REGISTERed. */
    public static final String UDF_JARS = "FERRY_UDF_JARS";

    public JobArguments {
        params = Map.copyOf(params);
        prepare = List.copyOf(prepare);
    }

    /** A command line the runner cannot use. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses the command line, with this process's environment for {@code --param-env}. */
    public static JobArguments parse(String... args) {
        return parse(System.getenv(), args);
    }

    /** Parses the command line; {@code --param-env} reads {@code environment}. */
    public static JobArguments parse(Map<String, String> environment, String... args) {
        String script = null;
        Map<String, String> params = new LinkedHashMap<>();
        List<Prepare.Step> prepare = new ArrayList<>();
        OptionalInt parallelism = OptionalInt.empty();
        Optional<URI> defaultFs = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            if (!List.of(
                            "--script",
                            "--param",
                            "--param-env",
                            "--prepare-delete",
                            "--prepare-mkdir",
                            "--parallelism",
                            "--default-fs")
                    .contains(option)) {
                throw new UsageException("unknown argument '" + args[i] + "'; " + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(option + " needs a value");
                }
                value = args[++i];
            }
            switch (option) {
                case "--script" -> script = value; // a path or a URI (see ScriptSource)
                case "--param" -> {
                    int sep = value.indexOf('=');
                    if (sep <= 0) {
                        throw new UsageException("--param wants NAME=VALUE, got '" + value + "'");
                    }
                    params.put(value.substring(0, sep), value.substring(sep + 1));
                }
                case "--param-env" -> {
                    int sep = value.indexOf('=');
                    if (sep <= 0 || sep == value.length() - 1) {
                        throw new UsageException("--param-env wants NAME=ENV_VAR, got '" + value + "'");
                    }
                    String variable = value.substring(sep + 1);
                    String fromEnvironment = environment.get(variable);
                    if (fromEnvironment == null) {
                        throw new UsageException(
                                "--param-env " + value + ": the environment variable " + variable + " is not set");
                    }
                    params.put(value.substring(0, sep), fromEnvironment);
                }
                case "--prepare-delete" -> prepare.add(new Prepare.Delete(nonEmpty(option, value)));
                case "--prepare-mkdir" -> prepare.add(new Prepare.Mkdir(nonEmpty(option, value)));
                case "--default-fs" -> defaultFs = Optional.of(fileSystemUri(value));
                default -> parallelism = OptionalInt.of(positive(value));
            }
        }
        if (script == null) {
            throw new UsageException("--script is required; " + USAGE);
        }
        params.putIfAbsent(UDF_DIR, environment.getOrDefault(UDF_DIR, DEFAULT_UDF_DIR));
        params.putIfAbsent(UDF_JARS, besideScript(script, "udfs"));
        return new JobArguments(script, params, prepare, parallelism, defaultFs);
    }

    /** {@code name} in the script's directory: a path or a URI, as the script is named (no directory: the working one). */
    static String besideScript(String script, String name) {
        int slash = script.lastIndexOf('/');
        return slash < 0 ? name : script.substring(0, slash + 1) + name;
    }

    /**
     * A file system's URI: a scheme, and an authority or none ({@code hdfs://nn:8020}, {@code file:///}), read as
     * Hadoop's {@code FileSystem.getDefaultUri} reads {@code fs.defaultFS}, which Oozie sets to the action's
     * {@code <name-node>}: its {@code fixName} makes {@code local} {@code file:///} and a name without {@code /} (the
     * old {@code host:port} form, {@code nn:8020}) {@code hdfs://nn:8020}; what is left must have a scheme.
     */
    private static URI fileSystemUri(String value) {
        String name = value.strip();
        if (name.equals("local")) {
            name = "file:///";
        } else if (name.indexOf('/') == -1) {
            name = "hdfs://" + name;
        }
        try {
            URI uri = new URI(name);
            if (uri.getScheme() != null && !uri.isOpaque()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException(
                "--default-fs wants a file system URI such as hdfs://namenode:8020, got '" + value + "'");
    }

    private static String nonEmpty(String option, String value) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a path");
        }
        return value;
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--parallelism wants a positive integer, got '" + value + "'");
    }
}
