package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts that call Apache Pig's piggybank as most installations have it ({@code REGISTER
 * /usr/lib/pig/piggybank.jar}, a path outside the repository): Ferry types the calls from its own copy of
 * piggybank 0.17.0 and the job runs them through the Pig UDF adapter, which carries the same jar. Real Pig 0.18 runs
 * the script with that jar REGISTERed; both must write the same rows.
 */
class PiggyBankDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    private static final Path ADAPTER_JAR =
            Path.of(System.getProperty("ferry.root", "..")).resolve("runtime/pig-udf/target/ferry-pig-udf.jar");

    /** name, ISO datetime, a number: with a null in each column, unicode, an empty string. */
    private static final String INPUT = String.join(
            "\n",
            "alice\t2026-03-01T10:15:30.000Z\t0.5",
            "Ölçü ğüş\t1970-01-01T00:00:00.000Z\t-1.25",
            "\t2000-02-29T23:59:59.999+02:00\t",
            "bob\t\t3.0",
            "\t\t0",
            "");

    /** CSV as Excel writes it: a header, quoted fields with commas and doubled quotes, an empty field, unicode. */
    private static final String CSV =
            String.join("\n", "name,city,n", "ann,\"Paris, France\",1", "\"Bob \"\"B\"\"\",Köln,", ",\"\",3", "");

    /**
     * Apache common log lines: a GET and a POST, a '-' user and size, unicode in the path, a line that is no log line
     * (the loader skips it).
     */
    private static final String ACCESS_LOG = String.join(
            "\n",
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
            "10.0.0.2 - - [11/Oct/2000:01:02:03 +0000] \"POST /søk?q=ü HTTP/1.1\" 404 -",
            "not a log line",
            "10.0.0.3 ident bob [12/Oct/2000:23:59:59 +0200] \"GET /index.html HTTP/1.1\" 304 0",
            "");

    @TempDir
    Path tmp;

    record Case(String name, String script) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("string: Reverse (DEFINEd), UPPER and LENGTH by class name", """
                        %s
                        DEFINE Reverse org.apache.pig.piggybank.evaluation.string.Reverse();
                        rows = LOAD '$INPUT' AS (name:chararray, iso:chararray, x:double);
                        r = FOREACH rows GENERATE Reverse(name),
                                org.apache.pig.piggybank.evaluation.string.UPPER(name),
                                org.apache.pig.piggybank.evaluation.string.LENGTH(name);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("datetime: ISOToUnix and ISOToDay of ISO strings", """
                        %s
                        DEFINE ISOToUnix org.apache.pig.piggybank.evaluation.datetime.convert.ISOToUnix();
                        DEFINE ISOToDay org.apache.pig.piggybank.evaluation.datetime.truncate.ISOToDay();
                        rows = LOAD '$INPUT' AS (name:chararray, iso:chararray, x:double);
                        r = FOREACH rows GENERATE name, ISOToUnix(iso) + 1L, ISOToDay(iso);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("math through a base class chain (SIN extends DoubleBase extends Base): SIN, ROUND", """
                        %s
                        rows = LOAD '$INPUT' AS (name:chararray, iso:chararray, x:double);
                        r = FOREACH rows GENERATE x, org.apache.pig.piggybank.evaluation.math.SIN(x),
                                org.apache.pig.piggybank.evaluation.math.ROUND(x);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("a loader: CSVExcelStorage run by the adapter (quoted commas, doubled quotes, header)", """
                        %s
                        DEFINE CSV org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'NO_MULTILINE', 'UNIX', 'SKIP_INPUT_HEADER');
                        rows = LOAD '$INPUT.csv' USING CSV AS (name:chararray, city:chararray, n:int);
                        r = FOREACH rows GENERATE name, city, n * 2;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("CSVExcelStorage without AS, read as $n: a field past a short line's end is null", """
                        %s
                        rows = LOAD '$INPUT.csv' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'NO_MULTILINE', 'UNIX', 'SKIP_INPUT_HEADER');
                        kept = FILTER rows BY $0 IS NOT NULL;
                        r = FOREACH kept GENERATE (chararray)$1 AS city, (int)$2 * 2, $3;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case(
                        "CSVExcelStorage without AS, GROUPed by $n: the groups counted, a field of the bag by position",
                        """
                        %s
                        rows = LOAD '$INPUT.csv' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'NO_MULTILINE', 'UNIX', 'SKIP_INPUT_HEADER');
                        g = GROUP rows BY $1;
                        r = FOREACH g GENERATE group, COUNT($1), COUNT_STAR(rows), rows.($2), IsEmpty(rows);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("CSVExcelStorage without AS, GROUPed by two positions, a bag projected by position", """
                        %s
                        rows = LOAD '$INPUT.csv' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'NO_MULTILINE', 'UNIX', 'SKIP_INPUT_HEADER');
                        g = GROUP rows BY ($0, $2);
                        c = FOREACH g GENERATE FLATTEN(group), rows.($1), SIZE(rows);
                        r = FILTER c BY $3 > 0;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("CSVLoader (DEFINEd) without AS, read as $n, grouped after the FOREACH", """
                        %s
                        DEFINE CSVLoader org.apache.pig.piggybank.storage.CSVLoader();
                        rows = LOAD '$INPUT.csv' USING CSVLoader();
                        r = FOREACH rows GENERATE (chararray)$0 AS name, (int)$2 AS n;
                        g = GROUP r BY name;
                        c = FOREACH g GENERATE group, COUNT(r), SUM(r.n);
                        STORE c INTO '$OUTPUT';
                        """),
                new Case(
                        "CommonLogLoader with an AS of names only: bytearray fields compared, passed to chararray"
                                + " functions, cast and stored",
                        """
                        %s
                        logs = LOAD '$INPUT.log' USING org.apache.pig.piggybank.storage.apachelog.CommonLogLoader()
                            AS (addr, logname, user, time, method, uri, proto, status, bytes);
                        gets = FILTER logs BY method == 'GET' OR user == '-';
                        r = FOREACH gets GENERATE addr, UPPER(uri), SIZE(user), CONCAT(method, proto),
                                (int)status + 1, bytes, time;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case(
                        "CommonLogLoader with an AS of names only: bytearray fields passed to piggybank functions that take"
                                + " chararrays (Pig casts them: their getArgToFuncMapping)",
                        """
                        %s
                        logs = LOAD '$INPUT.log' USING org.apache.pig.piggybank.storage.apachelog.CommonLogLoader()
                            AS (addr, logname, user, time, method, uri, proto, status, bytes);
                        r = FOREACH logs GENERATE org.apache.pig.piggybank.evaluation.string.UPPER(method),
                                org.apache.pig.piggybank.evaluation.string.UPPER(proto), addr;
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("CommonLogLoader with an AS of names only, grouped by a bytearray field", """
                        %s
                        logs = LOAD '$INPUT.log' USING org.apache.pig.piggybank.storage.apachelog.CommonLogLoader()
                            AS (addr, logname, user, time, method, uri, proto, status, bytes);
                        g = GROUP logs BY method;
                        r = FOREACH g GENERATE group, COUNT(logs), MAX(logs.status);
                        STORE r INTO '$OUTPUT';
                        """),
                new Case("a FilterFunc-like boolean in a FILTER: IsDouble", """
                        %s
                        DEFINE IsDouble org.apache.pig.piggybank.evaluation.IsDouble();
                        rows = LOAD '$INPUT' AS (name:chararray, iso:chararray, x:chararray);
                        kept = FILTER rows BY IsDouble(x);
                        r = FOREACH kept GENERATE name, x;
                        STORE r INTO '$OUTPUT';
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void piggybankCallsAgreeWithPig(Case c) throws Exception {
        assertTrue(Files.isRegularFile(ADAPTER_JAR), "build runtime/pig-udf first: " + ADAPTER_JAR);
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Files.writeString(tmp.resolve("input.tsv.csv"), CSV);
        Files.writeString(tmp.resolve("input.tsv.log"), ACCESS_LOG);
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path ferryScript = Files.writeString(
                repo.resolve("case.pig"), c.script().formatted("REGISTER /usr/lib/pig/piggybank.jar;"));
        Path adapter = Files.createDirectories(tmp.resolve("adapter"));
        Files.copy(ADAPTER_JAR, adapter.resolve("ferry-pig-udf.jar"));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(ferryScript, "case.pig"),
                Map.of(
                        "INPUT", input.toString(),
                        "OUTPUT", tmp.resolve("flink").toString(),
                        "FERRY_UDF_DIR", adapter.toString(),
                        "FERRY_UDF_JARS", repo.toString()));

        Path pigScript =
                Files.writeString(tmp.resolve("pig.pig"), c.script().formatted("REGISTER '" + piggybankJar() + "';"));
        assertEquals("", PigVsFlink.againstFlinkOutput(tmp, pigScript, input));
    }

    /** The piggybank jar on this test's classpath (Ferry's parser reads it), for Pig's REGISTER. */
    static Path piggybankJar() throws URISyntaxException {
        URL reverse = PiggyBankDifferentialTest.class
                .getClassLoader()
                .getResource("org/apache/pig/piggybank/evaluation/string/Reverse.class");
        String url = reverse.toString();
        return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
    }
}
