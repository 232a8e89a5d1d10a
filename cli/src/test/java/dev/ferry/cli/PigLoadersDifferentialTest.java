package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load and store functions other than plain PigStorage, translated by Ferry and run in real Pig and
 * in Flink on the same files: TextLoader, PigStorage's options, compressed inputs, JsonLoader and
 * JsonStorage.
 */
class PigLoadersDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** Lines with tabs, commas, quotes, unicode, a blank line and a Windows line end. */
    static final String TEXT = "ann,3,2.5\nbob\t,,1.25\n\"cid\",x,\n\nzoë,-9,1.0E7\r\nlast";

    @TempDir
    Path tmp;

    @Test
    void textLoaderReadsEachLineAsOneField() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        TEXT,
                        "lines = LOAD '$INPUT' USING TextLoader() AS (line:chararray);\n"
                                + "r = FOREACH lines GENERATE line, SIZE(line), UPPER(line);\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void aDefinedStorageFunctionServesTheLoadsAndStoresThatNameIt() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "a,1\nÄb,\n,3\n",
                        "DEFINE csv PigStorage(',');\nDEFINE out org.apache.pig.builtin.PigStorage('|');\n"
                                + "rows = LOAD '$INPUT' USING csv AS (k:chararray, n:int);\n"
                                + "r = FOREACH rows GENERATE k, n * 2;\nSTORE r INTO '$OUTPUT' USING out;\n",
                        false));
    }

    @Test
    void textLoaderWithoutASGivesTheLineAsABytearray() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        TEXT,
                        "lines = LOAD '$INPUT' USING TextLoader();\nr = FOREACH lines GENERATE $0, (chararray) $0;\n"
                                + "STORE r INTO '$OUTPUT' USING PigStorage('|');\n",
                        false));
    }

    @Test
    void gzipAndBzip2InputsAreReadByExtension() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("part-1.gz")))) {
            out.write("ann,3,2.5\nbob,,1.25\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(in.resolve("part-2.bz2")))) {
            out.write("zoë,-9,1.0E7\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("part-3"), "eve,0,0.5\n");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "r = LOAD '$INPUT' USING PigStorage(',') AS (name:chararray, n:int, d:double);\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void tagFileAndNoschemaOptions() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "ann,3\nbob,\n");
        Files.writeString(in.resolve("b.csv"), "cid,7\n");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "r = LOAD '$INPUT' USING PigStorage(',', '-tagFile -noschema') AS (file:chararray, name:chararray, n:int);\n"
                                + "STORE r INTO '$OUTPUT';\n",
                        false));
    }

    /**
     * PigStorage's options go through commons-cli: a word without '-' ('tagsource', 'schema') is an argument Pig
     * ignores, and '-tagsource' is the old '-tagFile'; a STORE with 'schema' writes the data alone.
     */
    @Test
    void optionWordsWithoutADashAreIgnoredAndTagsourceIsTagFile() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.tsv"), "d1\thello world\nd2\t\n");
        Files.writeString(in.resolve("b.tsv"), "d3\tbyé\n");
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "a = LOAD '$INPUT' USING PigStorage('\\t', 'tagsource') AS (doc:chararray, text:chararray);\n"
                                + "b = LOAD '$INPUT' USING PigStorage('\\t', '-tagsource') AS (f:chararray, doc:chararray, text:chararray);\n"
                                + "j = JOIN a BY doc, b BY doc;\n"
                                + "r = FOREACH j GENERATE f, a::doc, UPPER(a::text);\n"
                                + "STORE r INTO '$OUTPUT' USING PigStorage(',', 'schema');\n",
                        false));
    }

    /** The difference PIG-W010 names: Flink's file.path has no scheme, Pig's path is a URI. */
    @Test
    void tagPathGivesThePathWithoutTheScheme() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "ann,3\n");
        String file = in.resolve("a.csv").toString();
        assertEquals(
                "line 1 differs\nPig:   file:" + file + "\tann\t3\nFlink: " + file + "\tann\t3",
                PigVsFlink.differences(
                        tmp,
                        in,
                        "r = LOAD '$INPUT' USING PigStorage(',', '-tagPath') AS (path:chararray, name:chararray, n:int);\n"
                                + "STORE r INTO '$OUTPUT';\n",
                        false));
    }

    /**
     * (datetime) of a loaded bytearray, as Utf8StorageConverter reads it: a date, a time with a 'T' or a space, UTC,
     * an offset kept, and text that is no datetime (null), with empty and unicode fields.
     */
    @Test
    void bytearrayCastToDatetimeAsPigsLoadCaster() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "2026-03-01\n2026-03-01T10:15:30.250Z\n2026-03-01 10:15:30\n2026-03-01T10:15\n2026-03-01T10:15+05:30\nnot a date\n\nΩ\n",
                        "r = LOAD '$INPUT' AS (d);\ns = FOREACH r GENERATE d, (datetime) d AS dt;\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    /** Datetimes without an offset, in UTC and with one, each kept for STORE, GetHour and ToString as Pig keeps it. */
    @Test
    void datetimeFieldsLoadAndStoreAsInPig() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "a\t2009-01-07T01:07:01.000Z\nb\t2016-02-29\nc\tnot a date\nd\t\ne\t1969-12-31T23:59:59.5Z\nf\t2012-03-25T02:30\n"
                                + "g\t2012-12-31T23:30-09:30\n",
                        "r = LOAD '$INPUT' AS (k:chararray, t:datetime);\n"
                                + "s = FOREACH r GENERATE k, t, GetYear(t), GetHour(t), ToString(t, 'yyyy-MM-dd HH:mm:ss.SSS');\n"
                                + "STORE s INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void jsonStorageWritesWhatPigWrites() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "ann\t3\t2.5\ttrue\nb\"o\\b\t\t1.0E7\t\nzoë\t-9\t0.1\tfalse\n\t\t\t\n",
                        "r = LOAD '$INPUT' AS (name:chararray, n:int, d:double, b:boolean);\nSTORE r INTO '$OUTPUT' USING JsonStorage();\n",
                        false));
    }

    /** After a JOIN, Pig's field names are alias::name, and JsonStorage writes them as the keys. */
    @Test
    void jsonStorageOfAJoinWritesPigsQualifiedNames() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "ann\t3\nbob\t\n",
                        "a = LOAD '$INPUT' AS (name:chararray, n:int);\nb = LOAD '$INPUT' AS (name:chararray, m:int);\n"
                                + "r = JOIN a BY name, b BY name;\nSTORE r INTO '$OUTPUT' USING JsonStorage();\n",
                        false));
    }

    @Test
    void jsonLoaderReadsWhatJsonStorageWrites() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "{\"name\":\"ann\",\"n\":3,\"d\":2.5}\n{\"name\":\"b\\\"o\",\"n\":null,\"d\":1.0E7}\n{\"name\":null,\"n\":-9,\"d\":null}\n",
                        "r = LOAD '$INPUT' USING JsonLoader('name:chararray, n:int, d:double');\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }
    /**
     * PigMix's loader: ^A fields; page_info cast to map[] is Utf8StorageConverter's (null unless in
     * Pig's [k#v] text form); page_links cast to a bag of maps is PigMix's ^B / ^C / ^D encoding
     * with its quirks (a value loses its first byte and gains a NUL). Null and one-character values,
     * a one-entry map, several maps in a bag, unicode.
     */
    @Test
    void pigmixLoaderCastsMapsAndBagsOfMaps() throws Exception {
        String a = "\u0001";
        String pageLinks1 = "ma\u0004xyz\u0003b\u0004qrs\u0002mb\u0004v\u0003c\u0004zoë";
        String pageLinks2 = "ma\u0004ü";
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        String.join(
                                        "\n",
                                        "ann" + a + "1" + a + "[a#x,b#y]" + a + pageLinks1,
                                        "bob" + a + "0" + a + "a\u0004x\u0003b\u0004y" + a + pageLinks2,
                                        "cid" + a + a + a,
                                        a + "1" + a + "[a#]" + a + pageLinks1)
                                + "\n",
                        "A = LOAD '$INPUT' USING org.apache.pig.test.pigmix.udf.PigPerformanceLoader() AS (user, action, page_info, page_links);\n"
                                + "B = FOREACH A GENERATE user, (int) action AS action, (map[]) page_info AS info,"
                                + " FLATTEN((bag{tuple(map[])}) page_links) AS links;\n"
                                + "C = FOREACH B GENERATE user, (action == 1 ? info#'a' : links#'b') AS header, info#'b', links#'a', links#'c',"
                                + " links#'z', SIZE(links), info;\nSTORE C INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void bytearrayCastToMapIsReadAsPigStoragesMapText() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "ann\t[city#Paris,age#31]\nbob\tnot a map\ncid\t\ndan\t[]\neve\t[k#(1,2),j#]\n",
                        "r = LOAD '$INPUT' AS (name:chararray, m);\nt = FOREACH r GENERATE name, (map[]) m AS m;\n"
                                + "s = FOREACH t GENERATE name, m#'city', m#'k', m#'j', m;\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }
    /**
     * Typed bag and tuple fields of a LOAD, read as Pig's Utf8StorageConverter reads them: an empty
     * bag, a null field, text around the bag, an unparsable int (null), an empty chararray, a tuple
     * that ends early (the whole field null), unicode.
     */
    static final String BAGS_AND_TUPLES = "ann\t{(1,a),(2,b)}\t(3,x)\nbob\t{}\t(,)\ncid\t\t\ndan\t{(x,),(4,zoë)}\t(5)\n"
            + "eve\tjunk{(7,q)}tail\tz(6,w\nfay\t{(8,a)\t(9,b))\n";

    static final String LOAD_BAGS_AND_TUPLES =
            "r = LOAD '$INPUT' AS (name:chararray, b:bag{t:(n:int, s:chararray)}, t:tuple(n:int, s:chararray));\n";

    @Test
    void typedBagAndTupleFieldsAreReadAsPigReadsThem() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        BAGS_AND_TUPLES,
                        LOAD_BAGS_AND_TUPLES
                                + "s = FOREACH r GENERATE name, b, t, COUNT(b), SIZE(b);\nSTORE s INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void aLoadedBagFlattensAsInPig() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        BAGS_AND_TUPLES,
                        LOAD_BAGS_AND_TUPLES + "f = FOREACH r GENERATE name, FLATTEN(b);\nSTORE f INTO '$OUTPUT';\n",
                        false));
    }

    @Test
    void loadedTupleFieldsOfEveryNumberTypeAndBytearray() throws Exception {
        assertEquals(
                "",
                PigVsFlink.differences(
                        tmp,
                        "(1,2.5,0.25,raw)\n(9223372036854775807L,1e3,7f,)\n(x,y,z,w)\n( 4 , 5 ,6,(a))\n\n",
                        "r = LOAD '$INPUT' AS (t:tuple(l:long, d:double, f:float, a:bytearray));\nSTORE r INTO '$OUTPUT';\n",
                        false));
    }
}
