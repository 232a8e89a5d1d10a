package dev.ferry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runner's command line: parameters given as values and, for secrets, through the environment. */
class JobArgumentsTest {

    private static final Map<String, String> ENV = Map.of("FERRY_PARAM_0", "p'w@rd", "EMPTY", "");

    @Test
    void aParameterFromTheEnvironmentIsBoundLikeAValueAndTheLastOneWins() {
        JobArguments args = JobArguments.parse(
                ENV,
                "--script",
                "j.sql",
                "--param",
                "IN=/in",
                "--param-env",
                "etl_password=FERRY_PARAM_0",
                "--param=OUT=/o",
                "--param-env=blank=EMPTY",
                "--param",
                "IN=/in2");
        assertEquals(
                Map.of(
                        "IN", "/in2",
                        "OUT", "/o",
                        "etl_password", "p'w@rd",
                        "blank", "",
                        "FERRY_UDF_DIR", "/opt/ferry/udfs",
                        "FERRY_UDF_JARS", "udfs"),
                args.params());
    }

    @Test
    void theUdfDirectoryIsTheEnvironmentsElseTheImagesUnlessAParameterSetsIt() {
        assertEquals(
                "/opt/ferry/udfs",
                JobArguments.parse(ENV, "--script", "j.sql").params().get("FERRY_UDF_DIR"));
        assertEquals(
                "/home/me/udfs",
                JobArguments.parse(Map.of("FERRY_UDF_DIR", "/home/me/udfs"), "--script", "j.sql")
                        .params()
                        .get("FERRY_UDF_DIR"));
        assertEquals(
                "/tmp/jars",
                JobArguments.parse(ENV, "--script", "j.sql", "--param", "FERRY_UDF_DIR=/tmp/jars")
                        .params()
                        .get("FERRY_UDF_DIR"));
    }

    /** Where each way of shipping a script puts it, and where its REGISTERed jars then are (ferry convert's udfs/). */
    @Test
    void theRegisteredJarsAreBesideTheScriptUnlessAParameterSaysWhere() {
        String[][] cases = {
            {"/opt/ferry/sql/job.sql", "/opt/ferry/sql/udfs"}, // the FlinkDeployment's ConfigMap
            {"/opt/ferry/flink/daily/agg.sql", "/opt/ferry/flink/daily/udfs"}, // baked into the image
            {"flink/daily/agg.sql", "flink/daily/udfs"}, // a local run, from the migrated repository
            {"s3://bucket/flink/daily/agg.sql", "s3://bucket/flink/daily/udfs"},
            {"job.sql", "udfs"},
        };
        for (String[] c : cases) {
            assertEquals(
                    c[1], JobArguments.parse(ENV, "--script", c[0]).params().get("FERRY_UDF_JARS"), c[0]);
        }
        assertEquals(
                "/tmp/jars",
                JobArguments.parse(ENV, "--script", "/opt/ferry/sql/job.sql", "--param", "FERRY_UDF_JARS=/tmp/jars")
                        .params()
                        .get("FERRY_UDF_JARS"));
    }

    @Test
    void anUnsetVariableOrABadFormIsAUsageErrorThatNeverShowsAValue() {
        JobArguments.UsageException unset = assertThrows(
                JobArguments.UsageException.class,
                () -> JobArguments.parse(ENV, "--script", "j.sql", "--param-env", "pw=NOT_SET"));
        assertEquals("--param-env pw=NOT_SET: the environment variable NOT_SET is not set", unset.getMessage());
        for (String bad : new String[] {"pw", "=FERRY_PARAM_0", "pw="}) {
            JobArguments.UsageException e = assertThrows(
                    JobArguments.UsageException.class,
                    () -> JobArguments.parse(ENV, "--script", "j.sql", "--param-env", bad));
            assertFalse(e.getMessage().contains("p'w@rd"), e.getMessage());
        }
    }

    /**
     * --default-fs is read as Hadoop reads fs.defaultFS (FileSystem.getDefaultUri after fixName; its own test,
     * TestFileSystemInitialization, has {@code nn_host} → {@code hdfs://nn_host} and {@code nn_host/} refused).
     */
    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hdfs://nn:8020  | hdfs://nn:8020",
                "nn:8020         | hdfs://nn:8020",
                "nn_host         | hdfs://nn_host",
                "' nn:8020 '     | hdfs://nn:8020",
                "local           | file:///",
                "file:///        | file:///",
                "s3a://bucket    | s3a://bucket",
            })
    void aDefaultFileSystemIsReadAsHadoopReadsFsDefaultFs(String value, String uri) {
        JobArguments args = JobArguments.parse(ENV, "--script", "j.sql", "--default-fs", value);
        assertEquals(URI.create(uri), args.defaultFs().orElseThrow());
    }
}
