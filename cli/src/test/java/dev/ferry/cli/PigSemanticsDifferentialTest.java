package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.oracle.PigOracle;
import dev.ferry.oracle.PigOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One Pig semantic per row, proven by running real Pig and the translated SQL on the same input.
 * The input is dirty on purpose: empty fields, a non-number, short lines.
 */
class PigSemanticsDifferentialTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension();

    /** name, clicks, score, city — tab separated. */
    static final String INPUT = String.join(
                    "\n",
                    "ann\t3\t2.5\tParis",
                    "bob\t\t1.25\tParis",
                    "cid\t7\tn/a\tLyon",
                    "\t2\t4.0\tLyon",
                    "dan\t-9\t0.0",
                    "eve\t0\t3.75\tNice",
                    "ann\t5\t1.0\tParis")
            + "\n";

    static final String LOAD =
            "rows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, clicks:int, score:double, city:chararray);\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "COUNT skips null first fields, COUNT_STAR does not",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, COUNT(rows), COUNT_STAR(rows), COUNT(rows.clicks);\n"),
                Arguments.of(
                        "SUM of int is long, AVG is double, MIN/MAX keep the type",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, SUM(rows.clicks), AVG(rows.clicks), MIN(rows.score), MAX(rows.name);\n"),
                Arguments.of(
                        "GROUP ALL", "g = GROUP rows ALL;\nr = FOREACH g GENERATE COUNT(rows), SUM(rows.score);\n"),
                Arguments.of(
                        "GROUP ALL over no rows gives no row (not one row of zero counts)",
                        "none = FILTER rows BY clicks > 1000;\ng = GROUP none ALL;\nr = FOREACH g GENERATE COUNT(none), SUM(none.clicks);\n"),
                Arguments.of(
                        "float constants are written as Pig writes floats (Float.toString, up to 9 digits), at the top"
                                + " level, in a tuple, a bag and a chararray cast; a float divided by zero is null",
                        "r = FOREACH rows GENERATE name, 1.0f/3, (float)clicks / 3, TOTUPLE(1.0f/3, 2.0f/3),"
                                + " TOBAG(1.0f/3), 0.33333334f, (float)1/3 * clicks, 16777217.0f + 1.0f, (float)0.1,"
                                + " (chararray)(1.0f/3), 1.0f/0, -(2.0f/3);\n"),
                Arguments.of(
                        "integer division and modulo truncate like Java",
                        "r = FOREACH rows GENERATE name, clicks / 2, clicks % 4, clicks * 1.5, (double) clicks / 4;\n"),
                Arguments.of(
                        "a bincond with a null condition is null",
                        "r = FOREACH rows GENERATE name, (clicks > 2 ? 'many' : 'few'), (score IS NULL ? -1.0 : score);\n"),
                Arguments.of(
                        "FILTER drops rows whose condition is null",
                        "r = FILTER rows BY clicks >= 0 AND NOT (city == 'Lyon');\n"),
                Arguments.of(
                        "casts between text and numbers",
                        "r = FOREACH rows GENERATE (chararray) clicks, (int) score AS whole, (chararray) score AS text, (long) city;\n"),
                Arguments.of(
                        "string functions",
                        "r = FOREACH rows GENERATE UPPER(name), LOWER(city), CONCAT(name, city), TRIM(CONCAT(' ', name));\n"),
                Arguments.of(
                        "string builtins through the function table (0-based, Java regex, null in null out)",
                        "r = FOREACH rows GENERATE SUBSTRING(name, 1, 3), INDEXOF(city, 'a', 0), LAST_INDEX_OF(city, 'i'),"
                                + " REPLACE(city, '[aeiou]', '_'), REGEX_EXTRACT(city, '([A-Z])(.)', 2), UCFIRST(name),"
                                + " STARTSWITH(city, 'Pa'), SPRINTF('%s:%d', name, clicks);\n"),
                Arguments.of(
                        "math builtins through the function table (Math.* over doubles, ROUND halves up)",
                        "r = FOREACH rows GENERATE name, CEIL(score), FLOOR(clicks), ROUND(score), SQRT(score), LOG10(clicks);\n"),
                Arguments.of(
                        "\\$ in a literal is a dollar sign, not a parameter (Pig's preprocessor unescapes it)",
                        "f = FILTER rows BY name != '\\$HOME';\nr = FOREACH f GENERATE name, CONCAT('\\$', city), 'cost \\$5';\n"),
                Arguments.of("DISTINCT", "p = FOREACH rows GENERATE city;\nr = DISTINCT p;\n"),
                Arguments.of(
                        "inner JOIN drops null keys; both sides keep their fields",
                        "cities = LOAD '$INPUT' USING PigStorage('\\t') AS (who:chararray, n:int, s:double, city:chararray);\nr = JOIN rows BY city, cities BY city;\n"),
                Arguments.of(
                        "GENERATE a::city, b::city after a JOIN: each keeps its full name, then read by suffix",
                        "a = FOREACH rows GENERATE name, city;\nb = FOREACH rows GENERATE city, clicks;\nj = JOIN a BY city, b BY city;\n"
                                + "p = FOREACH j GENERATE a::city, b::city, clicks;\nr = FOREACH p GENERATE b::city, a::city, clicks;\n"),
                Arguments.of(
                        "LEFT OUTER JOIN keeps unmatched rows with nulls",
                        "big = FILTER rows BY clicks > 2;\nr = JOIN rows BY name LEFT OUTER, big BY name;\n"),
                Arguments.of(
                        "ORDER then LIMIT keeps the order, nulls first ascending",
                        "o = ORDER rows BY clicks ASC, name DESC;\nr = LIMIT o 4;\n"),
                Arguments.of(
                        "LOAD without a schema: fields by position are bytearrays, short lines give nulls",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\nr = FOREACH raw GENERATE $3 AS city, $0, $1 + 1, CONCAT($0, $3);\n"),
                Arguments.of(
                        "LOAD without a schema passes each line's own fields through FILTER and STORE",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\nr = FILTER raw BY $1 > 0;\n"),
                Arguments.of(
                        "LOAD without a schema: DISTINCT and GROUP by position, COUNT skips null first fields",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\ng = GROUP raw BY $3;\nr = FOREACH g GENERATE group, COUNT(raw), COUNT_STAR(raw);\n"),
                Arguments.of(
                        "LOAD without a schema joined by a typed key: Pig casts the bytearray side",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\nrows = LOAD '$INPUT' USING PigStorage('\\t') AS (name:chararray, clicks:int, score:double, city:chararray);\n"
                                + "r = JOIN rows BY clicks, raw BY $1;\n"),
                Arguments.of(
                        "integer and double division by zero is null",
                        "r = FOREACH rows GENERATE name, clicks / (clicks - clicks), score / 0.0, clicks / 0, (long) clicks / 0L;\n"),
                Arguments.of(
                        "int arithmetic overflows as Java int",
                        "r = FOREACH rows GENERATE name, clicks * 1000000000, (long) clicks * 1000000000;\n"),
                Arguments.of("UNION keeps duplicates", "a = FILTER rows BY clicks > 2;\nr = UNION rows, a;\n"),
                Arguments.of(
                        "UNION ONSCHEMA lines fields up by name, missing ones null",
                        "a = FOREACH rows GENERATE name, clicks;\nb = FOREACH rows GENERATE city, name;\nr = UNION ONSCHEMA a, b;\n"),
                Arguments.of(
                        "UNION ONSCHEMA of the same fields in another order",
                        "a = FOREACH rows GENERATE name, clicks;\nb = FOREACH rows GENERATE clicks, name;\nr = UNION ONSCHEMA a, b;\n"),
                Arguments.of(
                        "SPLIT branches overlap",
                        "SPLIT rows INTO big IF clicks > 2, small IF clicks < 5;\nr = UNION big, small;\n"),
                Arguments.of(
                        "SPLIT OTHERWISE keeps rows no condition is true for, nulls included",
                        "SPLIT rows INTO big IF clicks > 2, other OTHERWISE;\nr = FOREACH other GENERATE name, clicks;\n"),
                Arguments.of(
                        "CROSS pairs every row with every row",
                        "c = FOREACH rows GENERATE city;\nd = DISTINCT c;\nr = CROSS d, rows;\n"),
                Arguments.of(
                        "ORDER BY * sorts by every field, nulls first",
                        "p = FOREACH rows GENERATE city, name;\nr = ORDER p BY *;\n"),
                Arguments.of(
                        "RANK BY gives ties one rank, with gaps; DENSE without",
                        "p = FOREACH rows GENERATE city, name;\nk = RANK p BY city;\nr = RANK k BY city DENSE;\n"),
                Arguments.of(
                        "RANK BY several keys, one DESC: ties on every key share a rank; null keys rank first ascending, last descending",
                        "p = FOREACH rows GENERATE city, name, clicks;\nk = RANK p BY city DESC, name;\nr = RANK k BY name DESC, city DENSE;\n"),
                Arguments.of(
                        "RANK without BY numbers an ORDER's rows in its order (nulls last descending) and keeps that order",
                        "o = ORDER rows BY clicks DESC;\nr = RANK o;\n"),
                Arguments.of(
                        "RANK without BY of an ORDER ... LIMIT numbers the rows kept",
                        "f = FILTER rows BY clicks IS NULL OR clicks < 6;\no = ORDER f BY name DESC, clicks;\nt = LIMIT o 4;\nr = RANK t;\n"),
                Arguments.of(
                        "a LIMIT read by two statements, and a scalar projection",
                        "o = ORDER rows BY score DESC;\ntop = LIMIT o 1;\nr = FOREACH rows GENERATE name, score - top.score;\n"),
                Arguments.of(
                        "positional scalar projection (t.$1 of a one-row relation), group.$0 and bag.$1",
                        "g = GROUP rows ALL;\nt = FOREACH g GENERATE COUNT(rows) AS n, MAX(rows.clicks);\n"
                                + "k = GROUP rows BY (city, name);\nc = FOREACH k GENERATE group.$0 AS city, SUM(rows.$1) AS clicks;\n"
                                + "r = FOREACH c GENERATE city, clicks, t.$1, (double) clicks / t.$0;\n"),
                Arguments.of(
                        "JOIN USING 'replicated' is a broadcast hint; three-way JOIN",
                        "c = FOREACH rows GENERATE city, clicks AS n;\nd = FOREACH rows GENERATE city AS town;\nr = JOIN rows BY city, c BY city, d BY town USING 'replicated';\n"),
                Arguments.of(
                        "ORDER then FOREACH keeps the order",
                        "o = ORDER rows BY clicks DESC;\nr = FOREACH o GENERATE clicks, name;\n"),
                Arguments.of(
                        "COGROUP counts per side: 0 for an empty bag, null SUM; null keys of each input stay apart",
                        "other = FOREACH rows GENERATE city, clicks AS n;\nsome = FILTER other BY n > 2;\nc = COGROUP rows BY city, some BY city;\n"
                                + "r = FOREACH c GENERATE group, COUNT(rows), COUNT(some), SUM(some.n), MAX(rows.score);\n"),
                Arguments.of(
                        "COGROUP INNER drops keys whose bag is empty",
                        "some = FILTER rows BY clicks > 2;\nc = COGROUP rows BY city INNER, some BY city;\nr = FOREACH c GENERATE group, COUNT(rows), COUNT(some);\n"),
                Arguments.of(
                        "COGROUP anti-join: FILTER BY IsEmpty then FLATTEN",
                        "big = FILTER rows BY clicks > 2;\nc = COGROUP rows BY name, big BY name;\nd = FILTER c BY IsEmpty(big);\nr = FOREACH d GENERATE FLATTEN(rows);\n"),
                Arguments.of(
                        "COGROUP semi-join: FILTER BY NOT IsEmpty then FLATTEN",
                        "big = FILTER rows BY clicks > 2;\nc = COGROUP rows BY name, big BY name;\nd = FILTER c BY NOT IsEmpty(big);\nr = FOREACH d GENERATE FLATTEN(rows);\n"),
                Arguments.of(
                        "COGROUP FLATTEN of both bags is the cross product per key (a join)",
                        "p = FOREACH rows GENERATE city, name;\nq = FOREACH rows GENERATE city, clicks;\nc = COGROUP p BY city, q BY city;\nr = FOREACH c GENERATE group, FLATTEN(p), FLATTEN(q.clicks);\n"),
                Arguments.of(
                        "COGROUP by a bytearray key and a typed key: Pig casts the bytearray",
                        "raw = LOAD '$INPUT' USING PigStorage('\\t');\n" + LOAD
                                + "c = COGROUP rows BY clicks, raw BY $1;\nr = FOREACH c GENERATE group, COUNT(rows), COUNT(raw);\n"),
                Arguments.of(
                        "GROUP then FLATTEN of the bag with the group's COUNT, null keys one group",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE FLATTEN(rows), COUNT(rows) AS n;\n"),
                Arguments.of(
                        "CASE is Pig's nested bincond: a null test gives null, not the next WHEN",
                        "r = FOREACH rows GENERATE name, (CASE WHEN clicks > 4 THEN 'high' WHEN score > 2.0 THEN 'mid' ELSE 'low' END),"
                                + " (CASE city WHEN 'Paris' THEN 1 WHEN 'Lyon' THEN 2 END);\n"),
                Arguments.of(
                        "IN with a null operand is null (the row is filtered out)",
                        "r = FILTER rows BY clicks IN (3, 7, 0) OR city IN ('Nice');\n"),
                Arguments.of("field ranges", "r = FOREACH rows GENERATE score.., ..$1;\n"),
                Arguments.of(
                        "nested FOREACH: FILTER and DISTINCT of the bag become FILTER (WHERE) and DISTINCT aggregates",
                        "g = GROUP rows BY city;\nr = FOREACH g {\n  big = FILTER rows BY clicks > 2;\n  names = rows.name;\n  u = DISTINCT names;\n"
                                + "  GENERATE group, COUNT(big), COUNT(u), SUM(big.score), COUNT_STAR(big);\n};\n"),
                Arguments.of(
                        "nested FOREACH over a COGROUP",
                        "some = FILTER rows BY clicks > 2;\nc = COGROUP rows BY city, some BY city;\n"
                                + "r = FOREACH c {\n  paris = FILTER some BY city == 'Paris';\n  GENERATE group, COUNT(rows), COUNT(paris);\n};\n"),
                Arguments.of(
                        "nested CROSS of a COGROUP's bags: FLATTEN gives the pairs of each key (null keys apart), named x::a::f;"
                                + " COUNT skips pairs whose first field is null",
                        "a = FOREACH rows GENERATE clicks, city;\nb = FOREACH rows GENERATE city, name;\ng = COGROUP a BY city, b BY city;\n"
                                + "y = FOREACH g { x = CROSS a, b; GENERATE group, FLATTEN(x), COUNT(x), COUNT_STAR(x); };\n"
                                + "r = FOREACH y GENERATE group, x::a::clicks, b::name, a::city, $5, $6;\n"),
                Arguments.of(
                        "nested CROSS counted without FLATTEN: 0 pairs where a side has no row for the key",
                        "a = FOREACH rows GENERATE clicks, city;\nb = FOREACH rows GENERATE city, name;\ng = COGROUP a BY city, b BY city;\n"
                                + "r = FOREACH g { x = CROSS a, b; GENERATE group, COUNT(x) AS pairs, COUNT_STAR(x), COUNT(a); };\n"),
                Arguments.of(
                        "nested ORDER then LIMIT is the top N of each group (nulls last descending), aggregated",
                        "g = GROUP rows BY city;\nr = FOREACH g {\n  o = ORDER rows BY clicks DESC;\n  top = LIMIT o 2;\n"
                                + "  GENERATE group, SUM(top.clicks), COUNT(top), MAX(top.name);\n};\n"),
                Arguments.of(
                        "nested FILTER, ORDER and LIMIT, then FLATTEN: the first row of each group's filtered bag",
                        "g = GROUP rows BY city;\nr = FOREACH g {\n  f = FILTER rows BY score IS NOT NULL;\n  o = ORDER f BY score ASC;\n"
                                + "  first = LIMIT o 1;\n  GENERATE group, FLATTEN(first);\n};\n"),
                Arguments.of(
                        "nested ORDER without LIMIT read by aggregates, through a projection and a FILTER of it (nulls, empty bags)",
                        "g = GROUP rows BY city;\nr = FOREACH g {\n  o = ORDER rows BY score DESC;\n  s = o.score;\n  big = FILTER o BY clicks > 2;\n"
                                + "  u = DISTINCT s;\n  GENERATE group, SUM(s), MIN(o.name), MAX(s), AVG(o.clicks), COUNT(big),"
                                + " COUNT(u);\n};\n"),
                Arguments.of(
                        "nested ORDER then LIMIT under GROUP ALL: the top N overall",
                        "g = GROUP rows ALL;\nr = FOREACH g {\n  o = ORDER rows BY score DESC, name ASC;\n  top = LIMIT o 3;\n"
                                + "  GENERATE FLATTEN(top);\n};\n"),
                Arguments.of(
                        "CUBE: every subset of the dimensions, rolled up as null, a null value as 'unknown'; COUNT counts the first dimension",
                        "c = CUBE rows BY CUBE(city, name);\nr = FOREACH c GENERATE FLATTEN(group), COUNT(cube), SUM(cube.clicks), COUNT_STAR(cube);\n"),
                Arguments.of(
                        "ROLLUP of an int dimension (written 'unknown' where null) beside a CUBE",
                        "c = CUBE rows BY ROLLUP(city, clicks), CUBE(name);\nr = FOREACH c GENERATE FLATTEN(group) AS (city, clicks, name),"
                                + " COUNT_STAR(cube), MAX(cube.score);\n"),
                Arguments.of(
                        "STORE of a GROUP writes the group and its bag (any order); null keys are one group",
                        "r = GROUP rows BY city;\n"),
                Arguments.of(
                        "STORE of a GROUP BY two keys: the group is a tuple",
                        "p = FOREACH rows GENERATE city, name, clicks;\nr = GROUP p BY (city, clicks);\n"),
                Arguments.of(
                        "STORE of a GROUP ALL: one row keyed 'all'",
                        "p = FOREACH rows GENERATE name, score;\nr = GROUP p ALL;\n"),
                Arguments.of(
                        "STORE of a GROUP ALL of no rows writes nothing",
                        "none = FILTER rows BY clicks > 1000;\nr = GROUP none ALL;\n"),
                Arguments.of(
                        "GENERATE group with the whole bag and a projected bag",
                        "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, rows.name, COUNT(rows), rows;\n"),
                Arguments.of(
                        "STORE of a COGROUP: a bag per input, {} where an input has no row for the key, each input's null keys apart",
                        "a = FOREACH rows GENERATE city, name;\nb = FILTER rows BY clicks > 2;\nc = FOREACH b GENERATE city, clicks;\n"
                                + "r = COGROUP a BY city, c BY city;\n"),
                Arguments.of(
                        "STORE of a COGROUP with an INNER input drops the keys that input lacks",
                        "a = FOREACH rows GENERATE city, name;\nb = FILTER rows BY clicks > 2;\nc = FOREACH b GENERATE city, clicks;\n"
                                + "r = COGROUP a BY city, c BY city INNER;\n"),
                Arguments.of(
                        "GENERATE group of two keys is the tuple of the keys",
                        "g = GROUP rows BY (city, name);\nr = FOREACH g GENERATE group, COUNT(rows);\n"),
                Arguments.of(
                        "ASSERT that holds for every row passes them on",
                        "ASSERT rows BY name IS NULL OR name != 'zzz', 'no zzz';\nr = FOREACH rows GENERATE name, clicks;\n"),
                Arguments.of(
                        "a null literal in GENERATE is an empty field",
                        "r = FOREACH rows GENERATE name, null, clicks;\n"),
                Arguments.of(
                        "a macro defined above the LOAD it is called on (its views come after the table they read)",
                        "DEFINE per_city(X) RETURNS Y {\n  g = GROUP $X BY city;\n  $Y = FOREACH g GENERATE group, COUNT($X);\n};\n"
                                + LOAD + "r = per_city(rows);\n"),
                Arguments.of(
                        "a flattened bag's fields keep their own prefix: d::rows::name, rows::name and name name one field",
                        "g = GROUP rows BY city;\nc = FOREACH g GENERATE FLATTEN(rows);\nd = FILTER c BY name != 'bob';\n"
                                + "e = GROUP d BY name;\nf = FOREACH e GENERATE FLATTEN(d);\n"
                                + "r = FOREACH f GENERATE name, d::rows::name AS dname, rows::clicks AS clicks, d::rows::city;\n"),
                Arguments.of(
                        "FLATTEN(group) of one key is still named group",
                        "g = GROUP rows BY city;\nc = FOREACH g GENERATE FLATTEN(group), COUNT(rows) AS n;\n"
                                + "r = FOREACH c GENERATE group, n;\n"),
                Arguments.of(
                        "EXEC runs the STOREs so far; a LOAD of the stored path reads their rows",
                        "s = FILTER rows BY clicks > 0;\nSTORE s INTO '$OUTPUT.mid';\nEXEC;\n"
                                + "m = LOAD '$OUTPUT.mid' AS (name:chararray, clicks:int, score:double, city:chararray);\n"
                                + "r = FOREACH m GENERATE name, clicks * 2, CONCAT(city, '→é');\n"),
                Arguments.of(
                        "LIMIT by a constant expression: int arithmetic (7/2 is 3)",
                        "o = ORDER rows BY name, clicks;\nr = LIMIT o 7 / 2;\n"),
                Arguments.of(
                        "LIMIT by a constant expression of a long",
                        "o = ORDER rows BY score DESC, name;\nr = LIMIT o 10L - 2 * 4;\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER's bag gives the bag's rows (nulls, ties, a one-row group)",
                        "g = GROUP rows BY city;\nr = FOREACH g { o = ORDER rows BY clicks DESC; GENERATE group, FLATTEN(o); };\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER of a positional bag, ordered by every field",
                        "g = GROUP rows BY name;\nr = FOREACH g { o = ORDER $1 BY *; GENERATE FLATTEN(o); };\n"),
                Arguments.of(
                        "FLATTEN of a nested ORDER over no rows gives no row",
                        "none = FILTER rows BY clicks > 1000;\ng = GROUP none BY city;\n"
                                + "r = FOREACH g { o = ORDER none BY score; GENERATE FLATTEN(o); };\n"),
                Arguments.of(
                        "LIMIT of an ORDER by a scalar's expression (7 rows / 3 is 2, long arithmetic)",
                        "g = GROUP rows ALL;\nc = FOREACH g GENERATE COUNT_STAR(rows) AS n;\n"
                                + "o = ORDER rows BY name DESC, clicks;\nr = LIMIT o c.n / 3;\n"),
                Arguments.of(
                        "LIMIT by a scalar at least the row count keeps every row, with nulls and unicode",
                        "g = GROUP rows ALL;\nc = FOREACH g GENERATE COUNT_STAR(rows) AS n;\n"
                                + "u = FOREACH rows GENERATE CONCAT(name, 'é→'), clicks;\nr = LIMIT u c.n;\n"),
                Arguments.of(
                        "LIMIT by a scalar of zero keeps no row",
                        "g = GROUP rows ALL;\nc = FOREACH g GENERATE COUNT_STAR(rows) AS n;\nr = LIMIT rows c.n - 7;\n"),
                Arguments.of(
                        "a nested LIMIT without ORDER: COUNT and COUNT_STAR of the kept rows (groups of 1 to 3 rows)",
                        "g = GROUP rows BY city;\nr = FOREACH g { t = LIMIT rows 2; GENERATE group, COUNT(t), COUNT_STAR(t); };\n"),
                Arguments.of(
                        "a nested LIMIT of a nested FILTER without ORDER",
                        "g = GROUP rows BY city;\nr = FOREACH g { f = FILTER rows BY clicks > 0; t = LIMIT f 5; "
                                + "GENERATE group, COUNT_STAR(t), SUM(t.clicks); };\n"),
                Arguments.of(
                        "a scalar (one-row relation) read in a FOREACH over a GROUP",
                        "a = GROUP rows ALL;\nc = FOREACH a GENERATE COUNT(rows) AS n, MAX(rows.score) AS top;\n"
                                + "g = GROUP rows BY city;\nr = FOREACH g GENERATE group, COUNT(rows), c.n, c.top - MAX(rows.score);\n"),
                Arguments.of(
                        "fields of a tuple value by name and by position",
                        "t = FOREACH rows GENERATE TOTUPLE(name, clicks) AS t, city;\n"
                                + "r = FOREACH t GENERATE t.name, t.$1, t.clicks + 1, city;\n"),
                Arguments.of(
                        "bag.$n of a LOAD without AS: a field of each line (short lines, empty fields)",
                        "raw = LOAD '$INPUT';\ng = GROUP raw BY $3;\n"
                                + "r = FOREACH g GENERATE group, COUNT(raw.$2), SUM(raw.$1), MAX(raw.$1), AVG(raw.$1), COUNT(raw);\n"),
                Arguments.of(
                        "bag.$n of a LOAD without AS through a nested FILTER and DISTINCT",
                        "raw = LOAD '$INPUT';\ng = GROUP raw BY $3;\n"
                                + "r = FOREACH g { f = FILTER raw BY $1 > 0; d = DISTINCT raw.$0; "
                                + "GENERATE group, COUNT(f.$1), MIN(f.$1), COUNT(d); };\n"),
                Arguments.of(
                        "a bag's field by its prefixed name after a COGROUP's FLATTENs: f.b::score",
                        "a = FOREACH rows GENERATE name, clicks;\nb = FOREACH rows GENERATE name, score;\n"
                                + "c = COGROUP a BY name, b BY name;\nf = FOREACH c GENERATE FLATTEN(a), FLATTEN(b);\n"
                                + "g = GROUP f BY a::name;\nr = FOREACH g GENERATE group, SUM(f.b::score), COUNT(f.a::clicks);\n"),
                Arguments.of(
                        "top-N of a nested FILTER keeps the groups the FILTER empties (COUNT 0, MAX null)",
                        "g = GROUP rows BY city;\nr = FOREACH g { f = FILTER rows BY clicks > 0; o = ORDER f BY clicks DESC; "
                                + "t = LIMIT o 1; GENERATE group, COUNT_STAR(t), MAX(t.clicks); };\n"),
                Arguments.of(
                        "top-N of a nested FILTER, FLATTENed: no row for the groups the FILTER empties",
                        "g = GROUP rows BY city;\nr = FOREACH g { f = FILTER rows BY clicks > 0; o = ORDER f BY clicks DESC; "
                                + "t = LIMIT o 1; GENERATE group, FLATTEN(t); };\n"),
                Arguments.of(
                        "FLATTEN of a nested FILTER: the passing rows with their group's key",
                        "g = GROUP rows BY city;\nr = FOREACH g { f = FILTER rows BY clicks > 0; GENERATE group, FLATTEN(f); };\n"),
                Arguments.of(
                        "FLATTEN of an ORDERed DISTINCT projection of a nested FILTER (ties, nulls)",
                        "g = GROUP rows BY city;\nr = FOREACH g { f = FILTER rows BY score < 3.0; p = f.name; d = DISTINCT p; "
                                + "o = ORDER d BY $0; GENERATE group, FLATTEN(o); };\n"),
                Arguments.of(
                        "FLATTEN of a nested DISTINCT projection beside FLATTEN(group)",
                        "g = GROUP rows BY city;\nr = FOREACH g { d = DISTINCT rows.name; GENERATE FLATTEN(group), FLATTEN(d); };\n"),
                Arguments.of(
                        "unicode text survives",
                        "u = FOREACH rows GENERATE CONCAT(name, '→é'), LOWER('ÉŞ');\nr = DISTINCT u;\n"));
    }

    /** Scripts whose job fails in Pig: the Flink job must fail too, for the same reason (what Pig's log and Flink's error say). */
    static Stream<Arguments> failures() {
        return Stream.of(
                // Pig's Mod, unlike its Divide, does not check for zero.
                Arguments.of(
                        "modulo by zero",
                        "r = FOREACH rows GENERATE name, clicks % (clicks - clicks);\n",
                        "java.lang.ArithmeticException: / by zero",
                        "/ by zero"),
                Arguments.of(
                        "ASSERT with a false condition",
                        "ASSERT rows BY name IS NULL OR name != 'cid', 'no cid';\nr = FOREACH rows GENERATE name;\n",
                        "Assertion violated: no cid",
                        "Assertion violated: no cid"),
                // bob's clicks are null: Pig's Assert unboxes the null condition.
                Arguments.of(
                        "ASSERT with a null condition",
                        "ASSERT rows BY clicks > -100, 'known clicks';\nr = FOREACH rows GENERATE name;\n",
                        "java.lang.NullPointerException",
                        "Assertion violated (the condition is null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void theJobFailsInPigAndOnFlink(String semantic, String body, String pigSays, String flinkSays, @TempDir Path tmp)
            throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        Path script = Files.writeString(tmp.resolve("case.pig"), LOAD + body + "STORE r INTO '$OUTPUT';\n");
        PigVsFlink.Failure failure = PigVsFlink.failure(tmp, script, Map.of("INPUT", input.toString()));
        assertTrue(failure.pigLog().contains(pigSays), semantic + ": Pig's log does not say " + pigSays);
        assertTrue(
                failure.flinkSays(flinkSays),
                semantic + ": the Flink job fails on the row, not elsewhere (" + failure.flink() + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flinkAgreesWithPig(String semantic, String body, @TempDir Path tmp) throws Exception {
        Path input = Files.writeString(tmp.resolve("input.tsv"), INPUT);
        // In order where the script ORDERs a relation (a nested ORDER, indented in its block, orders a bag).
        boolean ordered = java.util.regex.Pattern.compile("(?m)^\\w+ = ORDER ")
                .matcher(body)
                .find();
        // A case that loads 'raw' reads the input its own way instead of through 'rows'; one that DEFINEs a macro loads
        // after it.
        String load = body.startsWith("raw = LOAD ") || body.startsWith("DEFINE ") ? "" : LOAD;
        Path script = Files.writeString(tmp.resolve("case.pig"), load + body + "STORE r INTO '$OUTPUT';\n");

        PigOracle.shared()
                .run(
                        script,
                        Map.of(
                                "INPUT",
                                input.toString(),
                                "OUTPUT",
                                tmp.resolve("pig").toString()));
        EmbeddedFlink.run(
                EmbeddedFlink.translate(script, "case.pig"),
                Map.of("INPUT", input.toString(), "OUTPUT", tmp.resolve("flink").toString()));

        List<String> pig = PigOutput.read(tmp.resolve("pig"));
        List<String> flink = PigOutput.read(tmp.resolve("flink"));
        assertEquals("", OutputComparison.differences(pig, flink, ordered, "\t"), semantic);
    }
}
