package dev.ferry.metastore;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.metastore.HiveMetaStore;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf.ConfVars;
import org.apache.hadoop.hive.metastore.security.HadoopThriftAuthBridge;

/**
 * A real Apache Hive 3.1.3 standalone metastore for tests: Thrift (binary protocol, no SASL) on
 * {@code port}, backed by embedded Derby under {@code dir}, whose schema DataNucleus creates on
 * first use (schema verification off, as Hive's own tests run it). Blocks while serving; the test
 * that launched it ends the JVM.
 *
 * <p>Usage: {@code java -cp ferry-test-metastore.jar:<metastore-classpath.txt> dev.ferry.metastore.TestMetastore PORT DIR}
 */
public final class TestMetastore {
    private TestMetastore() {}

    public static void main(String[] args) throws Throwable {
        if (args.length != 2) {
            System.err.println("usage: TestMetastore PORT DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        // Derby writes derby.log into the working directory unless told otherwise
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        Configuration conf = MetastoreConf.newMetastoreConf();
        MetastoreConf.setVar(
                conf,
                ConfVars.CONNECT_URL_KEY,
                "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
        MetastoreConf.setVar(conf, ConfVars.CONNECTION_DRIVER, "org.apache.derby.jdbc.EmbeddedDriver");
        MetastoreConf.setBoolVar(conf, ConfVars.SCHEMA_VERIFICATION, false);
        MetastoreConf.setBoolVar(conf, ConfVars.AUTO_CREATE_ALL, true);
        MetastoreConf.setVar(
                conf, ConfVars.WAREHOUSE, dir.resolve("warehouse").toUri().toString());
        MetastoreConf.setVar(
                conf,
                ConfVars.WAREHOUSE_EXTERNAL,
                dir.resolve("external").toUri().toString());
        // Hive's default proxy lives in hive-exec (the query compiler); the metastore's own one
        // evaluates no pushed-down expression, and the tests list partitions by filter string
        MetastoreConf.setVar(
                conf,
                ConfVars.EXPRESSION_PROXY_CLASS,
                "org.apache.hadoop.hive.metastore.DefaultPartitionExpressionProxy");
        // no background housekeeping threads (compactor, stats, events cleaner) in a test server
        // (the default list also names repl.DumpDirCleanerTask, which ships in hive-exec only)
        MetastoreConf.setVar(
                conf,
                ConfVars.TASK_THREADS_ALWAYS,
                "org.apache.hadoop.hive.metastore.events.EventCleanerTask,"
                        + "org.apache.hadoop.hive.metastore.RuntimeStatsCleanerTask");
        MetastoreConf.setBoolVar(conf, ConfVars.COMPACTOR_INITIATOR_ON, false);
        MetastoreConf.setBoolVar(conf, ConfVars.METRICS_ENABLED, false);
        HiveMetaStore.startMetaStore(port, HadoopThriftAuthBridge.getBridge(), conf);
    }
}
