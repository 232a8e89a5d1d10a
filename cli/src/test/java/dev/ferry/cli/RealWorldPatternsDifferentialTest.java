package dev.ferry.cli;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Idioms that public Pig scripts use often and that Ferry's own script set did not (issue #15: a sample of
 * real-world scripts, each checked with Pig 0.18's parser, measured with {@code ferry verify --repo}). Each row is a
 * script written for this test in the shape of one class of those failures, run in real Pig and in Flink on the same
 * dirty input.
 */
class RealWorldPatternsDifferentialTest extends DifferentialTest {

    /** id, line (an access-log-like text), amount — tab separated; a line that matches no pattern, empty fields. */
    static final String INPUT = String.join(
                    "\n",
                    "1\t10.0.0.1 GET /index.html 200\t2.5",
                    "2\t10.0.0.2 POST /api/items 201\t1.25",
                    "3\tnot a log line\t4.0",
                    "4\t\t",
                    "2\t10.0.0.9 GET /a 404\t0.5",
                    "5\t192.168.1.1 DELETE /x/y 500\tn/a")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (id:int, line:chararray, amount:double);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "GENERATE *, expr keeps the fields' names for the statements after it",
                        LOAD + "p = FOREACH rows GENERATE *, UPPER(line) AS shout;\n"
                                + "r = FOREACH p GENERATE id, amount, shout, $1;\n"),
                Arguments.of(
                        "GENERATE * after a JOIN keeps a::f and b::f, reachable qualified and, when unique, bare",
                        LOAD
                                + "other = LOAD '$INPUT' USING PigStorage('\\t') AS (key:int, text:chararray, cost:double);\n"
                                + "j = JOIN rows BY id, other BY key;\n"
                                + "p = FOREACH j GENERATE *, rows::amount * 2 AS twice;\n"
                                + "r = FOREACH p GENERATE rows::id, other::key, text, twice;\n"),
                Arguments.of(
                        "FLATTEN(REGEX_EXTRACT_ALL(...)) AS typed fields: a field per group, nulls where the line does not match",
                        LOAD
                                + "p = FOREACH rows GENERATE id, FLATTEN(REGEX_EXTRACT_ALL(line, '(\\\\S+) (\\\\w+) (\\\\S+) (\\\\d+)'))"
                                + " AS (ip:chararray, verb:chararray, path:chararray, status:int);\n"
                                + "r = FOREACH p GENERATE id, ip, verb, path, status + 1;\n"),
                Arguments.of(
                        "FLATTEN(REGEX_EXTRACT_ALL(...)) without AS: as many fields as the pattern has groups, by position",
                        LOAD + "p = FILTER rows BY line MATCHES '.* .*';\n"
                                + "q = FOREACH p GENERATE FLATTEN(REGEX_EXTRACT_ALL(line, '(\\\\S+) (\\\\w+) .*')), id;\n"
                                + "r = FOREACH q GENERATE $1, $0, $2;\n"),
                Arguments.of(
                        "FLATTEN of REGEX_EXTRACT_ALL cast to a typed tuple: each group cast as a chararray is ('GET' to long is null)",
                        LOAD
                                + "p = FOREACH rows GENERATE id, FLATTEN((tuple(chararray,long,chararray,long))"
                                + "REGEX_EXTRACT_ALL(line, '(\\\\S+) (\\\\w+) (\\\\S+) (\\\\d+)'))"
                                + " AS (ip:chararray, verb:long, path:chararray, status:long);\n"
                                + "r = FOREACH p GENERATE id, ip, verb, path, status + 1L;\n"),
                Arguments.of(
                        "FLATTEN of REGEX_EXTRACT_ALL cast to a tuple, without AS, of lines that match: read by position",
                        LOAD
                                + "q = FILTER rows BY line MATCHES '.* \\\\S+ \\\\d+';\n"
                                + "p = FOREACH q GENERATE FLATTEN((tuple(chararray,int))REGEX_EXTRACT_ALL(line,"
                                + " '.* (\\\\S+) (\\\\d+)')), amount;\n"
                                + "r = FOREACH p GENERATE $0, $1 * 2, $2;\n"),
                Arguments.of(
                        "the tuple of a GROUP's keys passed on as group: group.name, group.$n and FLATTEN(group) read it later",
                        LOAD + "g = GROUP rows BY (id, amount);\n"
                                + "x = FOREACH g GENERATE group, COUNT(rows) AS n;\n"
                                + "r = FOREACH x GENERATE group.id, group.$1, (group.amount > 1.0 ? 'big' : 'small'), FLATTEN(group), n;\n"),
                Arguments.of(
                        "the bag of a GROUP read after an ORDER ... LIMIT of the GROUP: FLATTEN gives its rows back, COUNT counts them",
                        LOAD + "g = GROUP rows BY id;\n"
                                + "o = ORDER g BY group DESC;\n"
                                + "top = LIMIT o 2;\n"
                                + "r = FOREACH top GENERATE FLATTEN(rows), COUNT(rows) AS n;\n"),
                Arguments.of(
                        "fields named as Flink SQL keywords (percent, pattern, period) go through views and the STORE",
                        "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (id:int, pattern:chararray, percent:double);\n"
                                + "g = GROUP rows BY pattern;\n"
                                + "r = FOREACH g GENERATE group AS pattern, AVG(rows.percent) AS percent, COUNT(rows) AS period;\n"),
                Arguments.of(
                        "a typical log count: FLATTEN of REGEX_EXTRACT_ALL, FILTER on IS NOT NULL, GROUP, COUNT",
                        LOAD
                                + "p = FOREACH rows GENERATE FLATTEN(REGEX_EXTRACT_ALL(line, '(\\\\S+) (\\\\w+) (\\\\S+) (\\\\d+)'))"
                                + " AS (ip:chararray, verb:chararray, path:chararray, status:chararray);\n"
                                + "ok = FILTER p BY verb IS NOT NULL;\n"
                                + "g = GROUP ok BY verb;\n"
                                + "r = FOREACH g GENERATE group, COUNT(ok), MAX(ok.status);\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body) throws Exception {
        assertSameRows(semantic, INPUT, body + STORE_R, false);
    }
}
