package dev.ferry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RANK without BY numbers the rows in the order Pig reads them: a file's records in order, several files largest
 * first (Pig's split combination sorts the splits by size; equal sizes keep a glob's sorted order). Each row runs in
 * real Pig 0.18 and in Flink on the same files: empty lines, a line that is not a number, unicode, an empty file,
 * a hidden file, a {@code \r} inside a line. RANK without BY of a DISTINCT or of a FOREACH over a GROUP numbers them
 * in the order Pig's one reduce task writes them: by the key's bytes in the shuffle, the null key last (more rows of
 * key tuples in {@link PigRankShuffleOrderDifferentialTest}). The rows of a UNION are one job's
 * input, each LOAD's files one combined split: the largest input first (its files' sizes added up), the earlier
 * LOAD in the script among equal ones, then each input's files by size.
 */
class PigRankDifferentialTest extends DifferentialTest {

    private static final String LOAD = "A = LOAD '$INPUT' AS (name:chararray, n:int);\n";

    /** Files of different sizes (c largest, then b, then the two-line 0z, then a), an empty one and a hidden one. */
    private static final Map<String, String> SIZES = Map.of(
            "b.txt", "bob\t2\nzoë\tx\n\t\n",
            "a.txt", "al\t1\n",
            "c.txt", "cid\t7\nÉva\t5\ndan\t-1\n\t9\neve\t3\n",
            "0z.txt", "zed\t4\nyan\t\n",
            "e.txt", "",
            "_SUCCESS", "hidden\t0\n");

    /** Files of one size: a glob reads them in its sorted order. */
    private static final Map<String, String> SAME_SIZE =
            Map.of("m.txt", "m1\t1\nm2\t2\n", "b.txt", "b1\t3\nb2\t4\n", "z.txt", "z1\t5\nz2\t6\n");

    /** k, x, y: duplicates, nulls in every field, ties on k and on (k, x), accented letters (é after z in Pig). */
    private static final Map<String, String> DUPLICATES = Map.of(
            "in.tsv",
            "1\t\tb\n1\t2\ta\n1\t2\t\n1\t1\tz\n\t\t\n\t1\ta\n2\t3\té\n2\t3\te\n2\t3\tf\n1\t2\ta\n" + "\t\t\n");

    private static final String LOAD_DUPLICATES = "A = LOAD '$INPUT' AS (k:int, x:int, y:chararray);\n";

    /** id, a bag of (x, y), a bag of (z): empty bags, a null bag, a null element field, bags of one and of three. */
    private static final Map<String, String> BAGS = Map.of(
            "in.tsv",
            "1\t{(3,c),(1,a),(2,)}\t{(10),(20)}\n"
                    + "2\t{}\t{(30)}\n"
                    + "\t{(5,é)}\t{}\n"
                    + "4\t\t{(40),(50)}\n"
                    + "5\t{(7,g),(7,g)}\t{(60),(70),(80)}\n");

    private static final String LOAD_BAGS =
            "C = LOAD '$INPUT' AS (id:int, b:bag{t:(x:int, y:chararray)}, d:bag{u:(z:int)});\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "one file: its records in order; an empty line and an unparsable int are rows",
                        Map.of("in.tsv", "ann\t3\nbob\t\n\t\nzoë\tx\ncid\t7\nann\t3\n"),
                        "",
                        LOAD + "r = RANK A;\n"),
                Arguments.of(
                        "a directory: the largest file first, then by size; the empty and the hidden file add nothing",
                        SIZES,
                        "",
                        LOAD + "r = RANK A;\n"),
                Arguments.of(
                        "a glob of files of one size: in the glob's sorted order",
                        SAME_SIZE,
                        "/{z,b,m}.txt",
                        LOAD + "r = RANK A;\n"),
                Arguments.of(
                        "a comma list: by size, whatever the list's order",
                        SIZES,
                        "/a.txt,$INPUT/c.txt,$INPUT/b.txt",
                        LOAD + "r = RANK A;\n"),
                Arguments.of(
                        "TextLoader: each whole line numbered, a \\r inside a line ending a record as in Pig",
                        Map.of("in.txt", "first line\nsecond\rthird\n\nlast é\n"),
                        "",
                        "A = LOAD '$INPUT' USING TextLoader() AS (line:chararray);\nr = RANK A;\n"),
                Arguments.of(
                        "a comma-delimited file; the ranked rows filtered and projected keep their numbers",
                        Map.of("in.csv", "x,1\ny,2\nz,3\nx,4\n"),
                        "",
                        "A = LOAD '$INPUT' USING PigStorage(',') AS (name:chararray, n:int);\nB = RANK A;\n"
                                + "C = FILTER B BY name == 'x' OR n > 2;\nr = FOREACH C GENERATE rank_A * 10, name;\n"),
                Arguments.of(
                        "RANK of a FILTER of a FOREACH of a LOAD: the rows kept, numbered in the input's order",
                        SIZES,
                        "",
                        LOAD + "B = FOREACH A GENERATE UPPER(name) AS who, (n IS NULL ? -1 : n * 2) AS twice;\n"
                                + "C = FILTER B BY twice != 4 AND who IS NOT NULL;\nr = RANK C;\n"),
                Arguments.of(
                        "RANK of a FILTER of a LOAD of a glob, the FILTER read elsewhere too",
                        SAME_SIZE,
                        "/{z,b,m}.txt",
                        LOAD + "B = FILTER A BY n % 2 == 0;\nC = RANK B;\nD = FOREACH B GENERATE name;\n"
                                + "r = JOIN C BY name, D BY name;\n"),
                Arguments.of(
                        "a DISTINCT: numbered in the order of its rows, every field ascending, nulls last",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "D = DISTINCT A;\nr = RANK D;\n"),
                Arguments.of(
                        "a DISTINCT of a projection (y before x), FILTERed after: the numbers follow the DISTINCT's order",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "B = FOREACH A GENERATE y, x;\nD = DISTINCT B;\n"
                                + "F = FILTER D BY x IS NULL OR x > 1;\nr = RANK F;\n"),
                Arguments.of(
                        "a FOREACH over a GROUP by a chararray: by the key, the null group last",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY y;\nC = FOREACH G GENERATE COUNT(A) AS n, group AS y;\n"
                                + "r = RANK C;\n"),
                Arguments.of(
                        "a FOREACH over a GROUP by an int, then a row-by-row FOREACH: by the key, null last",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY k;\nC = FOREACH G GENERATE group, SUM(A.x) AS s;\n"
                                + "D = FOREACH C GENERATE s * 2 AS twice, group;\nr = RANK D;\n"),
                Arguments.of(
                        "a FOREACH over a GROUP by an int with negatives and zero: in the order of the key's bytes in"
                                + " Pig's shuffle (the negatives after the positives), the null group last",
                        Map.of("in.tsv", "-4\ta\n0\tb\n3\tc\n-1\td\n\te\n10\tf\n-4\tg\n300\th\n"),
                        "",
                        "A = LOAD '$INPUT' AS (k:int, y:chararray);\nG = GROUP A BY k;\n"
                                + "C = FOREACH G GENERATE group, COUNT(A) AS n;\nr = RANK C;\n"),
                Arguments.of(
                        "a GROUP by a chararray of several lengths (the key and its bag): the shorter keys first, the"
                                + " empty one before them, the null group last",
                        Map.of("in.tsv", "bob\t1\nal\t2\ncid\t3\nzoë\t4\n\t5\nÉva\t6\nal\t7\nannabel\t8\n"),
                        "",
                        "A = LOAD '$INPUT' AS (name:chararray, n:int);\nG = GROUP A BY name;\nr = RANK G;\n"),
                Arguments.of(
                        "a GROUP itself (the key and its bag): by the key, the null group last",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY k;\nr = RANK G;\n"),
                Arguments.of(
                        "GROUP ALL: one row, numbered 1",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES
                                + "G = GROUP A ALL;\nC = FOREACH G GENERATE COUNT(A), MAX(A.y);\nr = RANK C;\n"),
                Arguments.of(
                        "a DISTINCT of an empty file: no rows",
                        Map.of("in.tsv", ""),
                        "",
                        LOAD_DUPLICATES + "D = DISTINCT A;\nr = RANK D;\n"),
                Arguments.of(
                        "a FLATTEN of a loaded bag: each row's elements in their bag's order; an empty bag gives no row",
                        BAGS,
                        "",
                        LOAD_BAGS + "F = FOREACH C GENERATE id, FLATTEN(b);\nr = RANK F;\n"),
                Arguments.of(
                        "two FLATTENs in one FOREACH: the cross product, the second bag's elements fastest",
                        BAGS,
                        "",
                        LOAD_BAGS + "F = FOREACH C GENERATE FLATTEN(b), id, FLATTEN(d);\nr = RANK F;\n"),
                Arguments.of(
                        "a FILTER of a FLATTEN of a glob of files of several sizes, projected after",
                        Map.of(
                                "a.tsv", "1\t{(1,a),(2,b)}\t{}\n",
                                "b.tsv", "2\t{(3,c),(4,d),(5,e)}\t{(1)}\n3\t{(6,f)}\t{}\n"),
                        "/*.tsv",
                        LOAD_BAGS + "F = FOREACH C GENERATE id, FLATTEN(b);\nG = FILTER F BY x != 4;\n"
                                + "H = FOREACH G GENERATE y, x * 2;\nr = RANK H;\n"),
                Arguments.of(
                        "JsonLoader: each line's record as Pig reads the files, largest first; nulls, unicode",
                        Map.of(
                                "a.json", "{\"k\":1,\"x\":\"a\"}\n",
                                "b.json", "{\"k\":2,\"x\":\"é\"}\n{\"k\":null,\"x\":\"b\"}\n{\"k\":6,\"x\":\"c\"}\n",
                                "c.json", "{\"k\":5,\"x\":null}\n{\"k\":3,\"x\":\"d\"}\n"),
                        "",
                        "A = LOAD '$INPUT' USING JsonLoader('k:int, x:chararray');\nr = RANK A;\n"),
                Arguments.of(
                        "a FILTER of a JsonLoader LOAD",
                        Map.of("in.json", "{\"k\":4,\"x\":\"p\"}\n{\"k\":1,\"x\":\"q\"}\n{\"k\":7,\"x\":\"r\"}\n"),
                        "",
                        "A = LOAD '$INPUT' USING JsonLoader('k:int, x:chararray');\nB = FILTER A BY k > 1;\n"
                                + "r = RANK B;\n"),
                Arguments.of(
                        "SAMPLE 1.0 keeps every row: numbered in the input's order",
                        SIZES,
                        "",
                        LOAD + "S = SAMPLE A 1.0;\nr = RANK S;\n"),
                Arguments.of(
                        "a FILTER of a SAMPLE 1.0 of a FILTER",
                        SIZES,
                        "",
                        LOAD
                                + "B = FILTER A BY n IS NOT NULL;\nS = SAMPLE B 1.0;\nT = FILTER S BY n > 1;\nr = RANK T;\n"),
                Arguments.of("SAMPLE 0 keeps no row", SIZES, "", LOAD + "S = SAMPLE A 0.0;\nr = RANK S;\n"),
                Arguments.of(
                        "a GROUP by two keys (the key tuple and its bag): field by field, nulls last in each",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY (k, y);\nr = RANK G;\n"),
                Arguments.of(
                        "a FOREACH over a GROUP by two keys passing the key tuple on, then FILTERed",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY (x, k);\nC = FOREACH G GENERATE group, COUNT(A) AS n;\n"
                                + "D = FILTER C BY n > 0;\nr = RANK D;\n"),
                Arguments.of(
                        "a FOREACH over a GROUP by two keys FLATTENing the key tuple",
                        DUPLICATES,
                        "",
                        LOAD_DUPLICATES + "G = GROUP A BY (y, k);\nC = FOREACH G GENERATE FLATTEN(group), SUM(A.x);\n"
                                + "r = RANK C;\n"),
                Arguments.of(
                        "a UNION of two LOADs: one job reads their files together, the largest first",
                        SIZES,
                        "",
                        "A = LOAD '$INPUT/a.txt' AS (name:chararray, n:int);\n"
                                + "B = LOAD '$INPUT/c.txt' AS (name:chararray, n:int);\nU = UNION A, B;\nr = RANK U;\n"),
                Arguments.of(
                        "a UNION of files of one size: the first LOAD's rows before the second's, whatever their names",
                        SAME_SIZE,
                        "",
                        "A = LOAD '$INPUT/z.txt' AS (name:chararray, n:int);\n"
                                + "B = LOAD '$INPUT/b.txt' AS (name:chararray, n:int);\nU = UNION A, B;\nr = RANK U;\n"),
                Arguments.of(
                        "a UNION of a directory and a FILTERed file of it (int widened to long): the directory's files first"
                                + " (the larger input), whatever the UNION's order",
                        SIZES,
                        "",
                        "A = LOAD '$INPUT' AS (name:chararray, n:int);\n"
                                + "B = LOAD '$INPUT/b.txt' AS (name:chararray, n:long);\nF = FILTER B BY name != 'bob';\n"
                                + "U = UNION F, A;\nr = RANK U;\n"),
                Arguments.of(
                        "the LOAD also read whole elsewhere: a JOIN of the ranked rows with the loaded ones",
                        SIZES,
                        "",
                        LOAD + "B = RANK A;\nr = JOIN B BY n, A BY n;\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkNumbersAsPigDoes(String semantic, Map<String, String> files, String location, String body)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Path input = files.size() == 1 ? dir.resolve(files.keySet().iterator().next()) : dir;
        String script = body.replace("'$INPUT'", "'$INPUT" + location + "'") + STORE_R;
        // A UNION's numbered rows are each in the part file of the map task that read them (its rows numbered
        // after those of the larger files): the numbers are compared, not where Pig wrote them.
        boolean ordered = !body.contains("JOIN") && !body.contains("UNION");
        assertSameRows(semantic, input, script, ordered);
    }
}
