package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigParser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Load and store functions: what translates (with a warning where the files differ from Pig's), and
 * what is reported at the function with what translating it would need.
 */
class StorageFunctionsTest {

    private static List<String> diagnostics(String script) {
        Diagnostics diagnostics = new Diagnostics();
        PigParser.parse(script, "t.pig", diagnostics).flatMap(s -> PigToSql.translate(s, "t", diagnostics));
        return diagnostics.sorted().stream()
                .map(d -> d.format().lines().findFirst().orElseThrow())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a = LOAD 'in' USING BinStorage() AS (x:int);                       |
            a = LOAD 'in' USING BinStorage() AS (x:int, b:bag{t:(y:int)});     | t.pig:1:45: error PIG-E020: a bag field of a LOAD with the Pig loader org.apache.pig.builtin.BinStorage is not translated yet: the adapter casts the loader's fields to chararray, bytearray, numbers, boolean and datetime
            a = LOAD 'in' USING AvroStorage();                                 | t.pig:1:21: error PIG-E020: AvroStorage without AS reads the Avro schema from the files when the job runs; Ferry translates before: declare the fields with AS (...), named as in the files
            a = LOAD 'in' USING AvroStorage() AS (x:int, t:tuple(y:chararray)); | t.pig:1:21: warning PIG-W010: AvroStorage is translated, but differs from Pig: Flink's avro format reads the files' fields by name, inside tuples and bags too: the AS names must be the files' own (Pig matches AS to the files' fields by position)
            a = LOAD 'in' USING AvroStorage() AS (x:int, d:datetime);          | t.pig:1:46: error PIG-E020: AvroStorage of a datetime field is not translated yet (int, long, float, double, chararray, boolean, and tuples, bags and maps of them are)
            a = LOAD 'in' USING AvroStorage() AS (m:map[]);                    | t.pig:1:39: error PIG-E020: AvroStorage of a map of bytearray values is not translated yet (map[chararray] is)
            a = LOAD 'in' USING AvroStorage('{"type":"record","name":"r","fields":[{"name":"x","type":["null","int"]},{"name":"t","type":{"type":"record","name":"t","fields":[{"name":"s","type":"string"}]}},{"name":"b","type":{"type":"array","items":"string"}},{"name":"m","type":{"type":"map","values":["null","string"]}}]}'); |
            a = LOAD 'in' USING AvroStorage('{"type":"record","name":"r","fields":[{"name":"x","type":["int","string"]}]}'); | t.pig:1:21: error PIG-E020: AvroStorage's schema argument is not one Ferry can read (Pig cannot read the union of [int, string] ('x')); declare the fields with AS (...), named as in the files
            a = LOAD 'in' USING AvroStorage('{"type":"enum","name":"e","symbols":["A"]}'); | t.pig:1:21: error PIG-E020: AvroStorage's schema argument is not one Ferry can read (it is not a record schema); declare the fields with AS (...), named as in the files
            a = LOAD 'in' USING OrcStorage();                                  | t.pig:1:21: error PIG-E020: OrcStorage without AS reads the ORC schema from the files when the job runs; Ferry translates before: declare the fields with AS (...), named as in the files
            a = LOAD 'in' USING OrcStorage() AS (x:int, b:bag{(y:chararray)}); | t.pig:1:21: warning PIG-W010: OrcStorage is translated, but differs from Pig: Flink's orc format reads the files' columns by name, inside tuples too: the AS names must be the files' own (Pig matches AS to the files' columns by position)
            a = LOAD 'in' USING OrcStorage('-c SNAPPY --stripeSize 100 -p') AS (x:int); | t.pig:1:21: warning PIG-W010: OrcStorage is translated, but differs from Pig: Flink's orc format reads the files' columns by name, inside tuples too: the AS names must be the files' own (Pig matches AS to the files' columns by position)
            a = LOAD 'in' USING OrcStorage('-z 1') AS (x:int);                 | t.pig:1:21: error PIG-E020: '-z' is not an OrcStorage option (-s/--stripeSize, -r/--rowIndexStride, -b/--bufferSize, -p/--blockPadding, -c/--compress, -v/--version): Pig fails the script
            a = LOAD 'in' USING OrcStorage() AS (d:datetime);                  | t.pig:1:38: error PIG-E020: OrcStorage of a datetime field is not translated yet (int, long, float, double, chararray, boolean, and tuples, bags and maps of them are)
            a = LOAD 'in' USING OrcStorage() AS (b:bag{});                     | t.pig:1:38: error PIG-E020: an OrcStorage bag without the types of its fields is not translated yet; declare them (b:bag{(x:chararray)})
            a = LOAD 'in' USING ParquetLoader();                               | t.pig:1:21: error PIG-E020: ParquetLoader without a schema reads the Parquet schema from the files when the job runs; Ferry translates before: give the schema (ParquetLoader('a:int, b:chararray')) or AS (...), named as in the files
            a = LOAD 'in' USING ParquetLoader('x:int, y:chararray');           | t.pig:1:21: warning PIG-W010: ParquetLoader is translated, but differs from Pig: Flink's parquet format reads the files' columns by name: the AS names must be the files' own (Pig matches AS to the files' columns by position)
            a = LOAD 'in' USING ParquetLoader() AS (x:int, t:tuple(y:int));    | t.pig:1:48: error PIG-E020: Parquet of a tuple field is not translated yet: parquet-pig writes tuples, bags (a repeated group 't') and maps (MAP_KEY_VALUE) in its own layout, not checked against Flink's parquet format yet (int, long, float, double, chararray and boolean are)
            a = LOAD 'hbase://users' USING org.apache.pig.backend.hadoop.hbase.HBaseStorage('info:name info:age'); | t.pig:1:32: error PIG-E020: HBaseStorage of table 'users' (columns 'info:name info:age') needs Flink's HBase connector (flink-connector-hbase) with those columns as a ROW per column family; not translated yet
            a = LOAD 'in' USING com.acme.LogLoader('x') AS (x, y:int);         | t.pig:1:21: error PIG-E020: storage function com.acme.LogLoader (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            a = LOAD 'in' USING PigStorage(',', '-schema');                    | t.pig:1:21: error PIG-E020: PigStorage '-schema' reads the fields from the .pig_schema file next to the data when Pig parses the LOAD; Ferry translates before, and the repository has no .pig_schema for the path: declare the fields with AS (...)
            a = LOAD 'in' USING PigStorage(',', '-tagPath');                   | t.pig:1:21: error PIG-E020: PigStorage '-tagPath' without AS is not translated yet: declare the fields with AS (file:chararray, ...)
            a = LOAD 'in' USING PigStorage(',', '-bogus') AS (x:int);          | t.pig:1:21: error PIG-E020: PigStorage option '-bogus' is not translated yet
            a = LOAD 'in' USING JsonLoader();                                  | t.pig:1:21: error PIG-E020: JsonLoader without a schema reads the .pig_schema file next to the data when the job runs; Ferry translates before: give the schema (JsonLoader('a:int, b:chararray')) or AS (...)
            a = LOAD 'in' USING PigStorage(',', '-schema') AS (x:int);         |
            a = LOAD 'in' USING PigStorage('\t', 'tagsource') AS (x:int);       |
            a = LOAD 'in' USING PigStorage('\t', 'schema bogus');               |
            a = LOAD 'in' USING PigStorage(',', '-tagsource') AS (f:chararray, x:int); |
            a = LOAD 'in' USING PigStorage(',', '-tagsource -bogus') AS (f:chararray, x:int); | t.pig:1:21: error PIG-E020: PigStorage option '-bogus' is not translated yet
            a = LOAD 'in' USING JsonLoader('x:int, y:chararray');              |
            a = LOAD 'in' USING JsonLoader('x:int, d:datetime');               |
            a = LOAD 'in' USING org.apache.pig.builtin.JsonLoader('x:int, y:chararray'); |
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader(); | t.pig:1:21: warning PIG-W010: JsonLoader is translated, but differs from Pig: elephant-bird's map values are chararrays that Pig's schema calls bytearrays: Pig fails the job on a cast of one to a number whose text is not that number's (1.5 to int, 1e3 to long), on SIZE of one and on a lookup (#) in one (ERROR 1081, a value that is no object); here they are read as PigStorage's bytearrays (1.5 as int is 1, SIZE counts bytes, the lookup is null)
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader('-inputFormat org.apache.hadoop.mapreduce.lib.input.TextInputFormat'); | t.pig:1:21: warning PIG-W010: JsonLoader is translated, but differs from Pig: elephant-bird's map values are chararrays that Pig's schema calls bytearrays: Pig fails the job on a cast of one to a number whose text is not that number's (1.5 to int, 1e3 to long), on SIZE of one and on a lookup (#) in one (ERROR 1081, a value that is no object); here they are read as PigStorage's bytearrays (1.5 as int is 1, SIZE counts bytes, the lookup is null)
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader('-inputFormat com.acme.LzoJsonInput'); | t.pig:1:21: error PIG-E020: elephant-bird's JsonLoader with '-inputFormat com.acme.LzoJsonInput' is not translated yet: Ferry reads the files' lines as TextInputFormat does
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader('-nested'); | t.pig:1:21: error PIG-E020: '-nested' is not an option of elephant-bird's JsonLoader (-nestedLoad, -inputFormat): Pig fails the script
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader() AS (json:map[], n:int); | t.pig:1:72: error PIG-E020: elephant-bird's JsonLoader gives one field, an untyped map: declare it AS (name:map[]) or leave AS out (other schemas are not translated yet)
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader() AS (json:chararray); | t.pig:1:72: error PIG-E020: elephant-bird's JsonLoader gives one field, an untyped map: declare it AS (name:map[]) or leave AS out (other schemas are not translated yet)
            a = LOAD 'in' USING com.acme.TextLoader();                         | t.pig:1:21: error PIG-E020: storage function com.acme.TextLoader (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            a = LOAD 'in' USING TextLoader();                                  |
            a = LOAD 'in' USING org.apache.pig.test.pigmix.udf.PigPerformanceLoader() AS (u, m, b); |
            a = LOAD 'in' USING com.acme.PigPerformanceLoader() AS (u, m, b);  | t.pig:1:21: error PIG-E020: storage function com.acme.PigPerformanceLoader (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            a = LOAD 'in' USING org.apache.pig.test.pigmix.udf.PigPerformanceLoader(','); | t.pig:1:21: error PIG-E020: storage function org.apache.pig.test.pigmix.udf.PigPerformanceLoader (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            a = LOAD 'in' USING PigStorage(',', '-tagPath') AS (p:chararray);  | t.pig:1:21: warning PIG-W010: PigStorage is translated, but differs from Pig: '-tagPath' gives the file's path without scheme and authority ('/data/in/part-0'); Pig gives its URI ('hdfs://nn:8020/data/in/part-0')
            """)
    void loadFunctions(String load, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected), diagnostics(load + "\nSTORE a INTO 'out';\n"));
    }

    /** elephant-bird's JsonLoader nested, by its option or by the property a SET gives (which Pig's run reads). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader('-nestedLoad') AS (json:map[]); | 1:21
            a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader('x -nestedLoad'); | 1:21
            SET elephantbird.jsonloader.nestedLoad 'true'; a = LOAD 'in' USING com.twitter.elephantbird.pig.load.JsonLoader(); | 1:68
            """)
    void elephantBirdNestedLoad(String load, String position) {
        String warning = "t.pig:" + position + ": warning PIG-W010: JsonLoader is translated, but differs from Pig: ";
        assertEquals(
                List.of(warning + ElephantBirdJson.NESTED_TEXT.substring(PigFunctionTable.DIFFERS.length())),
                diagnostics(load + "\nSTORE a INTO 'out';\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            STORE a INTO 'out' USING PigStorage(',', '-schema');   |
            STORE a INTO 'out' USING JsonStorage();                |
            STORE a INTO 'out' USING org.apache.pig.builtin.JsonStorage(); |
            STORE a INTO 'out' USING PigStorage(',', 'schema');    |
            STORE a INTO 'out' USING com.acme.JsonStorage();       | t.pig:2:26: error PIG-E020: storage function com.acme.JsonStorage (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            b = FOREACH a GENERATE x + 1, y; STORE b INTO 'out' USING PigStorage(',', '-schema'); | t.pig:2:34: warning PIG-W010: PigStorage is translated, but differs from Pig: field 1 has no name the translation knows (Pig names some, such as a UDF's result): the .pig_schema and .pig_header files Pig writes beside the data are not written; name it with AS
            b = FOREACH a GENERATE x + 1, y; STORE b INTO 'out' USING PigStorage(','); |
            b = GROUP a BY y; STORE b INTO 'out' USING JsonStorage(); |
            b = GROUP a BY y; STORE b INTO 'out' USING PigStorage('\t', '-schema'); |
            b = FOREACH a GENERATE TOMAP(y, x) AS m, TOTUPLE(x, y) AS t; STORE b INTO 'out' USING JsonStorage(); |
            b = GROUP a BY y; c = GROUP b BY group; STORE c INTO 'out' USING PigStorage('\t', '-schema'); | t.pig:2:41: warning PIG-W010: PigStorage is translated, but differs from Pig: the bag field 2 is stored with a schema of its inside, which the translation does not write (a map's of complex values, or a tuple's or bag's whose fields are not scalars of known types): the .pig_schema and .pig_header files Pig writes beside the data are not written
            STORE a INTO 'out' USING BinStorage();                 |
            STORE a INTO 'out' USING org.apache.pig.builtin.BinStorage(); |
            DEFINE bin BinStorage(); STORE a INTO 'out' USING bin; |
            b = GROUP a BY x; STORE b INTO 'out' USING BinStorage(); |
            b = FOREACH a GENERATE TOMAP(y, x) AS m; STORE b INTO 'out' USING BinStorage(); | t.pig:2:42: error PIG-E020: a map of other values than chararrays stored with the Pig StoreFunc org.apache.pig.builtin.BinStorage is not translated yet: the adapter passes it chararray, bytearray, numbers, boolean and datetime fields, bags and tuples of those but bytearrays, and maps of chararrays (the table holds a nested bytearray as its text, which a StoreFunc would see as a chararray)
            c = LOAD 'm' AS (m:map[]); STORE c INTO 'out' USING BinStorage(); | t.pig:2:28: error PIG-E020: a map of other values than chararrays stored with the Pig StoreFunc org.apache.pig.builtin.BinStorage is not translated yet: the adapter passes it chararray, bytearray, numbers, boolean and datetime fields, bags and tuples of those but bytearrays, and maps of chararrays (the table holds a nested bytearray as its text, which a StoreFunc would see as a chararray)
            STORE a INTO 'out' USING com.acme.pig.LogStorer('x');  | t.pig:2:26: error PIG-E020: storage function com.acme.pig.LogStorer (a user or piggybank function) is not translated yet: the runtime's adapter runs a LoadFunc or StoreFunc whose class a source or a REGISTERed jar of the repository holds, and none holds this one; REGISTER its jar
            STORE a INTO 'out' USING PigStorage(';', '-noschema'); |
            STORE a INTO 'out' USING AvroStorage('rec', '-namespace x.y'); | t.pig:2:1: warning PIG-W010: AvroStorage is translated, but differs from Pig: the files' Avro schema names its records as Flink does (org.apache.flink.avro.generated.record); Pig names them after the record name ('pig_output') and the fields; field names, types, nulls and values are Pig's
            STORE a INTO 'out' USING AvroStorage('{"type":"record","name":"r","fields":[]}'); | t.pig:2:26: error PIG-E020: AvroStorage with an Avro schema to write is not translated yet: Flink's avro format writes the schema of the stored fields; drop the argument
            STORE a INTO 'out.gz';                                 |
            STORE a INTO '/data/out.bz/' USING PigStorage(',');    |
            STORE a INTO 'out.gz/day' USING PigStorage(',');       |
            STORE a INTO 'out.gz' USING JsonStorage();             |
            STORE a INTO 'out' USING ParquetStorer();              |
            b = GROUP a BY y PARALLEL 3; c = FOREACH b GENERATE group, COUNT(a); STORE c INTO 'out'; | t.pig:2:70: warning PIG-W010: PigStorage is translated, but differs from Pig: Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row in the task its partitioner picks by the key's hash; the translation writes Flink's tasks' files, the same rows otherwise spread
            SET default_parallel 4; b = DISTINCT a; STORE b INTO 'out'; | t.pig:2:41: warning PIG-W010: PigStorage is translated, but differs from Pig: Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row in the task its partitioner picks by the key's hash; the translation writes Flink's tasks' files, the same rows otherwise spread
            SET default_parallel 4; STORE a INTO 'out';            |
            b = GROUP a BY y PARALLEL 3; c = FOREACH b GENERATE group, COUNT(a); d = UNION c, a; STORE d INTO 'out'; |
            b = GROUP a BY y PARALLEL 3; b = FOREACH b GENERATE group, COUNT(a); b = FILTER b BY $1 > 1L; STORE b INTO 'out'; | t.pig:2:95: warning PIG-W010: PigStorage is translated, but differs from Pig: Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row in the task its partitioner picks by the key's hash; the translation writes Flink's tasks' files, the same rows otherwise spread
            b = GROUP a BY y; c = FOREACH b GENERATE group, COUNT(a); STORE c INTO 'out'; c = DISTINCT a PARALLEL 2; STORE c INTO 'out2'; | t.pig:2:106: warning PIG-W010: PigStorage is translated, but differs from Pig: Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row in the task its partitioner picks by the key's hash; the translation writes Flink's tasks' files, the same rows otherwise spread
            b = GROUP a BY y PARALLEL 3; c = FOREACH b GENERATE group, COUNT(a); STORE c INTO 'out'; c = FOREACH a GENERATE x; STORE c INTO 'out2'; | t.pig:2:70: warning PIG-W010: PigStorage is translated, but differs from Pig: Pig's PARALLEL / default_parallel reduce tasks each write a part-r file (empty ones too), a row in the task its partitioner picks by the key's hash; the translation writes Flink's tasks' files, the same rows otherwise spread
            STORE a INTO 'out' USING OrcStorage();                 |
            STORE a INTO 'out' USING OrcStorage('-c SNAPPY -s 1000 -p'); | t.pig:2:1: warning PIG-W010: OrcStorage is translated, but differs from Pig: OrcStorage's writer options (-c SNAPPY -s 1000 -p) are not carried: the files are written with ORC's defaults (ZLIB compression, 64 MiB stripes); the rows are the same
            STORE a INTO 'out' USING OrcStorage('-c');             | t.pig:2:26: error PIG-E020: OrcStorage option '-c' needs a value: Pig fails the script
            STORE a INTO 'hbase://users' USING org.apache.pig.backend.hadoop.hbase.HBaseStorage('info:x info:y'); | t.pig:2:36: error PIG-E020: HBaseStorage of table 'users' (columns 'info:x info:y') needs Flink's HBase connector (flink-connector-hbase) with those columns as a ROW per column family; not translated yet
            STORE a INTO 'out' USING AvroStorage('', '-schemafile s.avsc'); | t.pig:2:26: error PIG-E020: AvroStorage '-schemafile' (the schema to write, read when the job runs) is not translated yet: Flink's avro format writes the schema of the stored fields
            """)
    void storeFunctions(String store, String expected) {
        assertEquals(
                expected == null ? List.of() : List.of(expected),
                diagnostics("a = LOAD 'in' USING PigStorage(',') AS (x:int, y:chararray);\n" + store + "\n"));
    }
}
