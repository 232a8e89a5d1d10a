package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.runtime.entrypoint.ClusterInformation;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.net.SSLUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS entry point of the Flink image (runtime/docker/flink-tls-entrypoint.sh) run for real,
 * and its configuration read by Flink itself: the copy it writes is what Flink loads, a Flink
 * cluster started from it serves internal TLS (its blob server opens the keystore with the password
 * the script wrote), and a wrong password stops the cluster from starting.
 */
class TlsEntrypointTest {

    /** Quotes, a colon, a hash, a dollar, a backslash: each would break a naive YAML or shell write (PKCS12
     *  passwords are ASCII). */
    private static final String PASSWORD = "it's: #$HOME \"x\" \\n `id`";

    private static final Path SCRIPT =
            Path.of(System.getProperty("ferry.root", "..")).resolve("runtime/docker/flink-tls-entrypoint.sh");

    @TempDir
    static Path work;

    private static Path keystore;

    @BeforeAll
    static void keyPair() throws Exception {
        keystore = work.resolve("keystore.p12");
        run(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "flink",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=flink",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD),
                Map.of());
    }

    @Test
    void flinkReadsThePasswordTheEntrypointWroteAndServesTls() throws Exception {
        Configuration config =
                GlobalConfiguration.loadConfiguration(entrypointCopy(PASSWORD).toString());

        assertEquals(PASSWORD, config.get(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD));
        assertEquals(PASSWORD, config.get(SecurityOptions.SSL_INTERNAL_KEY_PASSWORD));
        assertEquals(PASSWORD, config.get(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD));
        assertEquals(PASSWORD, config.get(SecurityOptions.SSL_REST_KEYSTORE_PASSWORD));
        assertEquals(4, config.get(CoreOptions.DEFAULT_PARALLELISM)); // the ConfigMap's own entries stay
        // A Flink cluster of its own (never a shared one) started from the copy: its blob server speaks TLS with
        // the keystore the password opens, and a client of the same configuration completes the handshake.
        try (MiniCluster cluster = cluster(config)) {
            cluster.start();
            ClusterInformation info = cluster.getClusterInformation();
            try (SSLSocket socket = (SSLSocket) SSLUtils.createSSLClientSocketFactory(config)
                    .createSocket(info.getBlobServerHostname(), info.getBlobServerPort())) {
                socket.startHandshake();
                assertEquals("CN=flink", socket.getSession().getPeerPrincipal().getName());
            }
        }
    }

    @Test
    void aWrongPasswordKeepsTheClusterFromStarting() throws Exception {
        Configuration config = GlobalConfiguration.loadConfiguration(
                entrypointCopy("not-" + PASSWORD).toString());

        try (MiniCluster cluster = cluster(config)) {
            Exception e = assertThrows(Exception.class, cluster::start);
            assertTrue(causes(e).contains("password"), causes(e));
        }
    }

    private static MiniCluster cluster(Configuration config) {
        return new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(1)
                .withRandomPorts()
                .build());
    }

    /** Runs the script on a ConfigMap-like directory; its stand-in entry point prints FLINK_CONF_DIR. */
    private static Path entrypointCopy(String password) throws Exception {
        Path conf = Files.createTempDirectory(work, "conf");
        Files.writeString(
                conf.resolve("config.yaml"),
                String.join(
                        "\n",
                        "parallelism.default: 4",
                        "security.ssl.internal.enabled: true",
                        "security.ssl.internal.keystore: " + keystore,
                        "security.ssl.internal.truststore: " + keystore,
                        "security.ssl.rest.keystore: " + keystore,
                        ""));
        Path entrypoint = work.resolve("print-conf-dir.sh");
        Files.writeString(entrypoint, "#!/bin/sh\nprintf '%s' \"$FLINK_CONF_DIR\"\n");
        entrypoint.toFile().setExecutable(true);
        String out = run(
                List.of("bash", SCRIPT.toString()),
                Map.of(
                        "FERRY_TLS_PASSWORD", password,
                        "FLINK_CONF_DIR", conf.toString(),
                        "TMPDIR", work.toString(),
                        "FERRY_FLINK_ENTRYPOINT", entrypoint.toString()));
        return Path.of(out);
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append(" / ");
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
