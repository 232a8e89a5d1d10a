package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import dev.ferry.parser.repo.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input verify --repo gives a LOAD: a sample of the repository's file, else generated rows; never outside the repository. */
class VerifyInputsTest {

    private static final SourceSpan AT = SourceSpan.of("job.pig", 1, 5);
    private static final VerifyInputs.Reads NONE = VerifyInputs.Reads.NONE;

    private static PigRelation.Load load(String path, FuncSpec function, List<FieldSchema> schema) {
        return new PigRelation.Load(path, function, schema, AT);
    }

    @Test
    void aFileInTheRepositoryIsSampledAfterParameterValues(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("data/day=1"));
        Files.writeString(repo.resolve("data/day=1/part-0"), "a,1\nb,2\n");
        Files.writeString(repo.resolve("data/day=1/_SUCCESS"), "");
        Path work = Files.createDirectories(tmp.resolve("work"));
        VerifyInputs.Input input = VerifyInputs.of(
                RepoRoot.of(repo),
                repo,
                load("data/day=$DAY", null, List.of()),
                0,
                Map.of("DAY", "1"),
                false,
                NONE,
                work);
        assertEquals(VerifyInputs.Kind.SAMPLED, input.kind());
        assertEquals("a,1\nb,2\n", Files.readString(input.file()));
    }

    @Test
    void elsewhereRowsAreGeneratedDeterministicallyWithTheLoadsDelimiterAndWidth(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("secret.txt"), "not to be read\n");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema = List.of(
                new FieldSchema("name", PigType.CHARARRAY, AT),
                new FieldSchema("n", PigType.INT, AT),
                new FieldSchema("d", PigType.DOUBLE, AT));
        // '../secret.txt' leaves the repository: it is not read, rows are generated instead.
        PigRelation.Load load = load("../secret.txt", new FuncSpec("PigStorage", List.of(","), AT), schema);
        VerifyInputs.Input first = VerifyInputs.of(
                RepoRoot.of(repo), repo, load, 0, Map.of(), false, NONE, Files.createDirectories(tmp.resolve("w1")));
        VerifyInputs.Input again = VerifyInputs.of(
                RepoRoot.of(repo), repo, load, 0, Map.of(), false, NONE, Files.createDirectories(tmp.resolve("w2")));
        assertEquals(VerifyInputs.Kind.GENERATED, first.kind());
        List<String> rows = Files.readAllLines(first.file());
        assertEquals(rows, Files.readAllLines(again.file()));
        assertEquals(VerifyInputs.GENERATED_ROWS, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.split(",", -1).length <= 3), rows.toString());
        assertTrue(
                rows.stream().anyMatch(r -> r.split(",", -1).length == 3 && r.split(",", -1)[1].isEmpty()),
                "some null ints: " + rows);
        assertTrue(rows.stream().noneMatch(r -> r.contains("not to be read")));
    }

    /**
     * The second try after real Pig failed on generated rows: the same values, every line whole (a LOAD with AS and
     * one without: the first rows have short lines in both).
     */
    @Test
    void withoutShortLinesTheSameValuesComeWhole(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema = List.of(
                new FieldSchema("name", PigType.CHARARRAY, AT),
                new FieldSchema("n", PigType.INT, AT),
                new FieldSchema("d", PigType.DOUBLE, AT));
        for (List<FieldSchema> fields : List.of(schema, List.<FieldSchema>of())) {
            PigRelation.Load load = load("in", null, fields);
            int width = fields.isEmpty() ? VerifyInputs.SCHEMALESS_WIDTH : 3;
            List<String> cut = Files.readAllLines(VerifyInputs.of(
                            RepoRoot.of(repo),
                            repo,
                            load,
                            0,
                            Map.of(),
                            false,
                            NONE,
                            Files.createTempDirectory(tmp, "w"))
                    .file());
            List<String> whole = Files.readAllLines(VerifyInputs.of(
                            RepoRoot.of(repo),
                            repo,
                            load,
                            0,
                            Map.of(),
                            false,
                            NONE.withoutShortLines(),
                            Files.createTempDirectory(tmp, "w"))
                    .file());
            assertTrue(cut.stream().anyMatch(r -> r.split("\t", -1).length < width), "some short lines: " + cut);
            assertTrue(whole.stream().allMatch(r -> r.split("\t", -1).length == width), whole.toString());
            assertEquals(cut.size(), whole.size());
            for (int i = 0; i < cut.size(); i++) {
                assertTrue(whole.get(i).startsWith(cut.get(i)), cut.get(i) + " is a prefix of " + whole.get(i));
            }
        }
    }

    /** An AS without field names ({@code (int, chararray)}) generates its types (verify --repo stopped on a null name). */
    @Test
    void anUnnamedFieldIsGeneratedAsItsType() {
        VerifyInputs.Reads reads = VerifyInputs.Reads.of("b = FOREACH a GENERATE (int)x;");
        assertEquals(PigType.CHARARRAY, reads.generated(null, PigType.CHARARRAY));
        assertEquals(PigType.INT, reads.generated("x", PigType.CHARARRAY));
    }

    /**
     * PigStorage's options read as the translation reads them ({@code PigStorageOptions}): a tag ('-tagFile',
     * '-tagPath', '-tagsource') is the AS's first field, which Pig prepends, so the file's lines hold the others; a word
     * without '-' is no option (Pig ignores 'tagsource'); '-schema' and '-noschema' change no line.
     */
    @Test
    void pigStoragesOptionsAreReadAsTheTranslationReadsThem(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema = List.of(
                new FieldSchema("file", PigType.CHARARRAY, AT),
                new FieldSchema("id", PigType.INT, AT),
                new FieldSchema("text", PigType.CHARARRAY, AT));
        record Row(List<String> arguments, String delimiter, int fieldsInFile) {}
        List<Row> rows = List.of(
                new Row(List.of("\\t"), "\t", 3),
                new Row(List.of("\\t", "tagsource"), "\t", 3),
                new Row(List.of("\\t", "schema"), "\t", 3),
                new Row(List.of("\\t", "-tagsource"), "\t", 2),
                new Row(List.of(",", "-tagFile"), ",", 2),
                new Row(List.of(",", " -noschema  -tagPath "), ",", 2),
                new Row(List.of("|", "-schema"), "|", 3),
                new Row(List.of("|", "$OPTS"), "|", 2));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            List<String> lines = Files.readAllLines(VerifyInputs.of(
                            RepoRoot.of(repo),
                            repo,
                            load("in", new FuncSpec("PigStorage", row.arguments(), AT), schema),
                            0,
                            Map.of("OPTS", "-tagFile"),
                            false,
                            NONE.withoutShortLines(),
                            Files.createDirectories(tmp.resolve("w" + i)))
                    .file());
            assertTrue(
                    lines.stream()
                            .allMatch(l -> l.split(java.util.regex.Pattern.quote(row.delimiter()), -1).length
                                    == row.fieldsInFile()),
                    row + ": " + lines);
        }
    }

    /**
     * Generated rows hold the values the script compares fields with, so they pass its conditions where the script
     * allows it: before (no seeds) no row passes, after some do. The conditions of the test set's scripts that agreed on
     * empty outputs only; a JOIN whose one side is filtered on its key meets rows of the other side.
     */
    @Test
    void generatedRowsPassTheConditionsTheScriptCompares(@TempDir Path tmp) throws Exception {
        record Row(String script, int load, Predicate<String[]> passes) {}
        List<Row> table = List.of(
                // filter_conditions.pig
                new Row(
                        """
                        A = load 'x' as (a:int, b:chararray, c:double);
                        B = filter A by (a > 1 and b is not null) or not (c <= 2.5);
                        C = filter B by b matches '.*abc.*' and a != 3;
                        D = filter C by b is null or a >= 10;
                        store D into 'y';
                        """,
                        0,
                        f -> f.length == 3
                                && f[1].matches(".*abc.*")
                                && f[0].matches("[0-9]+")
                                && Integer.parseInt(f[0]) >= 10),
                // filter_in.pig
                new Row("""
                        A = load 'x' as (a:int, b:chararray);
                        B = filter A by a IN (1, 2, 3);
                        C = filter B by b in ('x', 'y');
                        store C into 'y';
                        """, 0, f -> f.length == 2 && f[0].matches("[123]") && f[1].matches("[xy]")),
                // macro_without_semicolon.pig, its macro expanded
                new Row("""
                        people = load 'p' as (name:chararray, age:int);
                        adults = filter people by age >= 18;
                        store adults into 'y';
                        """, 0, f -> f.length == 2 && f[1].matches("[0-9]+") && Integer.parseInt(f[1]) >= 18),
                // The other side of a JOIN gets the key the first side is filtered on.
                new Row("""
                        u = load 'u' as (id:int, name:chararray);
                        v = load 'v' as (uid:int, n:int);
                        f = filter u by id == 77;
                        j = join f by id, v by uid;
                        store j into 'y';
                        """, 1, f -> f[0].equals("77")));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            List<PigStatement> statements = PigParser.parse(row.script(), "t.pig", new Diagnostics())
                    .orElseThrow()
                    .statements();
            List<PigRelation.Load> loads = statements.stream()
                    .filter(st -> st instanceof PigStatement.Assign a && a.relation() instanceof PigRelation.Load)
                    .map(st -> (PigRelation.Load) ((PigStatement.Assign) st).relation())
                    .toList();
            VerifyInputs.Reads before = VerifyInputs.Reads.of(row.script());
            VerifyInputs.Reads after = before.withSeeds(LiteralSeeds.of(statements, Map.of()));
            long[] passing = new long[2];
            for (VerifyInputs.Reads reads : List.of(before, after)) {
                List<String> lines = Files.readAllLines(VerifyInputs.of(
                                RepoRoot.of(repo),
                                repo,
                                loads.get(row.load()),
                                row.load(),
                                Map.of(),
                                false,
                                reads,
                                Files.createTempDirectory(tmp, "w"))
                        .file());
                passing[reads == before ? 0 : 1] = lines.stream()
                        .map(l -> l.split("\t", -1))
                        .filter(row.passes())
                        .count();
            }
            assertEquals(0, passing[0], "before: " + row.script());
            assertTrue(passing[1] > 0, "after: " + row.script());
        }
    }

    @Test
    void aLoaderWithoutATextFormIsVerE002(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        PigRelation.Load load = load("in", new FuncSpec("org.example.AvroLoader", List.of(), AT), List.of());
        VerifyInputs.NoInput none = assertThrows(
                VerifyInputs.NoInput.class,
                () -> VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of(), false, NONE, tmp));
        assertEquals("VER-E002 job.pig:1:5", none.diagnostic.code().id() + " " + none.diagnostic.span());
    }

    @Test
    void piggybanksCsvLoadersGetCommaSeparatedRowsOrTheirDelimiters(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema =
                List.of(new FieldSchema("a", PigType.CHARARRAY, AT), new FieldSchema("b", PigType.INT, AT));
        record Row(FuncSpec loader, String delimiter) {}
        List<Row> rows = List.of(
                new Row(new FuncSpec("org.apache.pig.piggybank.storage.CSVLoader", List.of(), AT), ","),
                new Row(new FuncSpec("CSVExcelStorage", List.of(), AT), ","),
                new Row(
                        new FuncSpec(
                                "org.apache.pig.piggybank.storage.CSVExcelStorage",
                                List.of(";", "NO_MULTILINE", "UNIX", "SKIP_INPUT_HEADER"),
                                AT),
                        ";"));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            VerifyInputs.Input input = VerifyInputs.of(
                    RepoRoot.of(repo),
                    repo,
                    load("in", row.loader(), schema),
                    0,
                    Map.of(),
                    false,
                    NONE,
                    Files.createDirectories(tmp.resolve("w" + i)));
            List<String> lines = Files.readAllLines(input.file());
            assertEquals(VerifyInputs.Kind.GENERATED, input.kind());
            assertTrue(lines.stream().anyMatch(l -> l.split(row.delimiter(), -1).length == 2), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("\"")), "no quote to read as CSV does: " + lines);
        }
        // A delimiter of more than one character is none CSVExcelStorage takes: no rows to give.
        PigRelation.Load odd =
                load("in", new FuncSpec("org.apache.pig.piggybank.storage.CSVExcelStorage", List.of("::"), AT), schema);
        assertThrows(
                VerifyInputs.NoInput.class,
                () -> VerifyInputs.of(RepoRoot.of(repo), repo, odd, 0, Map.of(), false, NONE, tmp));
    }

    @Test
    void aPigMixScriptReadsPigMixsTablesByName(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        FuncSpec pigmix = new FuncSpec(VerifyInputs.PIGMIX_LOADER, List.of(), AT);
        PigRelation.Load views = load("$HDFS_ROOT/page_views", pigmix, List.of());
        PigRelation.Load users =
                load("$HDFS_ROOT/users", new FuncSpec("PigStorage", List.of("\\u0001"), AT), List.of());
        assertTrue(VerifyInputs.usesPigMix(List.of(users, views)));
        assertTrue(!VerifyInputs.usesPigMix(List.of(users)));
        VerifyInputs.Input viewRows = VerifyInputs.of(
                RepoRoot.of(repo), repo, views, 0, Map.of(), true, NONE, Files.createDirectories(tmp.resolve("w1")));
        VerifyInputs.Input userRows = VerifyInputs.of(
                RepoRoot.of(repo), repo, users, 1, Map.of(), true, NONE, Files.createDirectories(tmp.resolve("w2")));
        assertEquals(VerifyInputs.Kind.GENERATED, viewRows.kind());
        List<String> pageViews = Files.readAllLines(viewRows.file());
        assertEquals(PigMixData.PAGE_VIEWS, pageViews.size());
        // Nine ^A-separated fields, the map column with PigMix's ^C / ^D encoding.
        assertTrue(pageViews.stream().allMatch(r -> r.split("\u0001", -1).length == 9), pageViews.get(0));
        assertTrue(pageViews.stream().allMatch(r -> r.split("\u0001", -1)[7].contains("\u0004")));
        // Users and page views share names, so that PigMix's joins meet.
        List<String> userNames = Files.readAllLines(userRows.file()).stream()
                .map(r -> r.split("\u0001", -1)[0])
                .toList();
        assertTrue(pageViews.stream().map(r -> r.split("\u0001", -1)[0]).anyMatch(userNames::contains));
        // Outside a PigMix script, the same users LOAD gets rows generated from its schema.
        VerifyInputs.Input plain = VerifyInputs.of(
                RepoRoot.of(repo), repo, users, 1, Map.of(), false, NONE, Files.createDirectories(tmp.resolve("w3")));
        assertEquals(
                VerifyInputs.GENERATED_ROWS, Files.readAllLines(plain.file()).size());
    }

    @Test
    void aLoadersArgumentsTakeTheParametersValues(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> schema =
                List.of(new FieldSchema("a", PigType.INT, AT), new FieldSchema("b", PigType.INT, AT));
        PigRelation.Load load = load("in", new FuncSpec("PigStorage", List.of("$DELIM"), AT), schema);
        List<String> rows = Files.readAllLines(
                VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of("DELIM", ";"), false, NONE, tmp)
                        .file());
        assertTrue(rows.stream().anyMatch(r -> r.split(";", -1).length == 2), rows.toString());
    }

    @Test
    void aLoadWithoutAsGetsAsManyFieldsAsTheScriptReadsWithValuesForItsCasts(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        String script = "a = LOAD 'in' USING PigStorage(',');\n"
                + "b = FOREACH a GENERATE (int)$14, (double) $9, $7, REPLACE($0, 'x', '\\\\$1');\n";
        VerifyInputs.Reads reads = VerifyInputs.Reads.of(script);
        assertEquals(new VerifyInputs.Reads(15, Map.of(14, PigType.INT, 9, PigType.DOUBLE), Map.of()), reads);
        // A script naming no field past $4 keeps the five fields; a stray huge $n is bounded.
        assertEquals(
                VerifyInputs.SCHEMALESS_WIDTH,
                VerifyInputs.Reads.of("b = FOREACH a GENERATE $2;").width());
        assertEquals(
                VerifyInputs.Reads.MAX_WIDTH,
                VerifyInputs.Reads.of("b = FOREACH a GENERATE $99999;").width());
        PigRelation.Load load = load("in", new FuncSpec("PigStorage", List.of(","), AT), List.of());
        List<String> rows =
                Files.readAllLines(VerifyInputs.of(RepoRoot.of(repo), repo, load, 0, Map.of(), false, reads, tmp)
                        .file());
        List<String[]> full = rows.stream()
                .map(r -> r.split(",", -1))
                .filter(f -> f.length == 15)
                .toList();
        assertTrue(full.size() > VerifyInputs.GENERATED_ROWS / 2, rows.toString());
        // $14 is read as an int: numbers there (and now and then a value that does not cast, or a null).
        assertTrue(full.stream().filter(f -> f[14].matches("-?[0-9]+")).count() > full.size() / 2, rows.toString());
        assertTrue(full.stream().allMatch(f -> f[14].matches("-?[0-9]+|n/a|")), rows.toString());
        assertTrue(full.stream().anyMatch(f -> f[9].matches("-?[0-9]+\\.[0-9]+")), rows.toString());
    }

    /** A script's casts of named fields, as Reads finds them: field name to the type generated rows give it. */
    @Test
    void namedCastsAreFoundByFieldNameKeepingTheStrictestType() {
        record Row(String script, Map<String, PigType> casts) {}
        List<Row> table = List.of(
                new Row(
                        "b = FOREACH a GENERATE (int)x, (biginteger) y;",
                        Map.of("x", PigType.INT, "y", PigType.BIGINTEGER)),
                // A disambiguated field is its own name; a call, a projection and a map lookup are no field's cast.
                new Row(
                        "c = FOREACH j GENERATE (long)A::k, (int)SIZE(s), (int) COUNT (s), (int)t.f, (int)m#'k';",
                        Map.of("k", PigType.LONG)),
                // Of several casts of one field, the one whose values serve all: integers parse as every number.
                new Row(
                        "b = FOREACH a GENERATE (int)x, (chararray)x, (BigInteger)x, (double)y, (bigdecimal)y,"
                                + " (datetime)z, (int)z;",
                        Map.of("x", PigType.BIGINTEGER, "y", PigType.BIGDECIMAL, "z", PigType.DATETIME)),
                // $n casts are positional, not named.
                new Row("b = FOREACH a GENERATE (int)$1;", Map.of()));
        for (Row row : table) {
            assertEquals(row.casts(), VerifyInputs.Reads.of(row.script()).namedCasts(), row.script());
        }
        assertEquals(
                PigType.BIGINTEGER,
                VerifyInputs.Reads.of("(int)$0 (biginteger)$0 (chararray)$0")
                        .casts()
                        .get(0));
    }

    /**
     * A bytearray or chararray field cast to biginteger or bigdecimal gets numbers only (Pig fails the job on text
     * they cannot parse); one cast to int gets numbers and now and then a value that does not cast; a typed field
     * keeps its type's values.
     */
    @Test
    void generatedRowsHoldValuesTheScriptsCastsOfNamedFieldsAccept(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        VerifyInputs.Reads reads = VerifyInputs.Reads.of(
                "B = FOREACH A GENERATE (int)a, (chararray)a, (biginteger)a, (bigdecimal)b, (boolean)c, (datetime)d,"
                        + " (int)e, (biginteger)w;");
        List<FieldSchema> schema = List.of(
                new FieldSchema("a", PigType.BYTEARRAY, AT),
                new FieldSchema("b", PigType.BYTEARRAY, AT),
                new FieldSchema("c", PigType.BYTEARRAY, AT),
                new FieldSchema("d", PigType.BYTEARRAY, AT),
                new FieldSchema("e", PigType.CHARARRAY, AT),
                new FieldSchema("w", PigType.DOUBLE, AT));
        List<String[]> rows = Files.readAllLines(VerifyInputs.of(
                                RepoRoot.of(repo), repo, load("in", null, schema), 0, Map.of(), false, reads, tmp)
                        .file())
                .stream()
                .map(r -> r.split("\t", -1))
                .toList();
        record Column(int index, String values) {}
        List<Column> columns = List.of(
                new Column(0, "-?[0-9]+|"),
                new Column(1, "-?[0-9]+\\.[0-9]+|"),
                new Column(2, "true|false|"),
                new Column(3, "2026-[0-9-]+T[0-9:.]+Z|"),
                new Column(4, "-?[0-9]+|n/a|"),
                new Column(5, "-?[0-9]+\\.[0-9]+|n/a|"));
        for (Column column : columns) {
            List<String> values = rows.stream()
                    .filter(r -> r.length > column.index())
                    .map(r -> r[column.index()])
                    .toList();
            assertTrue(values.stream().allMatch(v -> v.matches(column.values())), column + ": " + values);
            assertTrue(values.stream().anyMatch(v -> !v.isEmpty()), column + ": " + values);
        }
    }

    /**
     * A binary loader's rows are generated as tab-separated text and stored by real Pig with the loader's storer, in
     * the loader's package, read with the LOAD's AS; without an AS naming every field there is nothing to generate.
     */
    @Test
    void binaryLoadersGetTextRowsThatPigStoresWithTheirStorer(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        FieldSchema inner = new FieldSchema("x", PigType.INT, AT);
        List<FieldSchema> schema = List.of(
                new FieldSchema("name", PigType.CHARARRAY, AT),
                new FieldSchema("t", PigType.TUPLE, List.of(inner, new FieldSchema("y", PigType.CHARARRAY, AT)), AT),
                new FieldSchema(
                        "b", PigType.BAG, List.of(new FieldSchema(null, PigType.TUPLE, List.of(inner), AT)), AT),
                new FieldSchema("m", PigType.MAP, List.of(new FieldSchema(null, PigType.INT, AT)), AT),
                new FieldSchema("u", PigType.MAP, AT));
        assertEquals(
                "name:chararray, t:tuple(x:int, y:chararray), b:bag{tuple(x:int)}, m:map[int], u:map[]",
                VerifyInputs.schemaText(schema));
        record Row(String loader, String storer) {}
        List<Row> table = List.of(
                new Row("AvroStorage", "AvroStorage()"),
                new Row("org.apache.pig.builtin.AvroStorage", "org.apache.pig.builtin.AvroStorage()"),
                new Row("OrcStorage", "OrcStorage()"),
                new Row("ParquetLoader", "ParquetStorer()"),
                new Row("parquet.pig.ParquetLoader", "parquet.pig.ParquetStorer()"),
                new Row("BinStorage", "BinStorage()"));
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            VerifyInputs.Input input = VerifyInputs.of(
                    RepoRoot.of(repo),
                    repo,
                    load("in", new FuncSpec(row.loader(), List.of("-c SNAPPY"), AT), schema),
                    0,
                    Map.of(),
                    false,
                    NONE,
                    Files.createDirectories(tmp.resolve("w" + i)));
            assertEquals(java.util.Optional.of(row.storer()), input.storer(), row.loader());
            List<String> lines = Files.readAllLines(input.file());
            assertTrue(lines.stream().anyMatch(l -> l.split("\t", -1).length == 5), lines.toString());
        }
        assertEquals(
                "rows = LOAD '/w/in.txt' USING PigStorage('\\t') AS (name:chararray);\n"
                        + "STORE rows INTO '/w/in-stored' USING OrcStorage();\n",
                VerifyInputs.storingScript(
                        Path.of("/w/in.txt"), schema.subList(0, 1), "OrcStorage()", Path.of("/w/in-stored")));
        // Text loaders get no storer; a binary loader without AS gets no rows.
        assertEquals(
                java.util.Optional.empty(),
                VerifyInputs.of(RepoRoot.of(repo), repo, load("in", null, schema), 0, Map.of(), false, NONE, tmp)
                        .storer());
        assertThrows(
                VerifyInputs.NoInput.class,
                () -> VerifyInputs.of(
                        RepoRoot.of(repo),
                        repo,
                        load("in", new FuncSpec("AvroStorage", List.of(), AT), List.of()),
                        0,
                        Map.of(),
                        false,
                        NONE,
                        tmp));
    }

    @Test
    void jsonApacheLogAndXmlLoadersGetLinesInTheirInputFormat(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        List<FieldSchema> asClause =
                List.of(new FieldSchema("id", PigType.LONG, AT), new FieldSchema("ok", PigType.BOOLEAN, AT));
        String host = "\\S+ \\S+ \\S+ \\[[^]]+\\] \"[A-Z]+ \\S+ HTTP/1\\.0\" [0-9]{3} ([0-9]+|-)";
        record Row(FuncSpec loader, List<FieldSchema> schema, String line) {}
        List<Row> table = List.of(
                new Row(
                        new FuncSpec("JsonLoader", List.of("a:int, b:chararray"), AT),
                        List.of(),
                        "\\{\"a\":(-?[0-9]+|null),\"b\":(\"[^\"]*\"|null)}"),
                new Row(
                        new FuncSpec("org.apache.pig.builtin.JsonLoader", List.of(), AT),
                        asClause,
                        "\\{\"id\":(-?[0-9]+|null),\"ok\":(true|false|null)}"),
                new Row(
                        new FuncSpec("org.apache.pig.piggybank.storage.apachelog.CommonLogLoader", List.of(), AT),
                        List.of(),
                        host),
                new Row(
                        new FuncSpec("org.apache.pig.piggybank.storage.apachelog.CombinedLogLoader", List.of(), AT),
                        List.of(),
                        host + " \"[^\"]*\" \"[^\"]*\""),
                new Row(
                        new FuncSpec("org.apache.pig.piggybank.storage.XMLLoader", List.of("Property"), AT),
                        List.of(new FieldSchema("doc", PigType.CHARARRAY, AT)),
                        "<Property( [^>]*)?>.*</Property>"));
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            VerifyInputs.Input input = VerifyInputs.of(
                    RepoRoot.of(repo),
                    repo,
                    load("in", row.loader(), row.schema()),
                    0,
                    Map.of(),
                    false,
                    NONE,
                    Files.createDirectories(tmp.resolve("w" + i)));
            List<String> lines = Files.readAllLines(input.file());
            assertEquals(VerifyInputs.GENERATED_ROWS, lines.size(), row.loader().name());
            assertTrue(
                    lines.stream().allMatch(l -> l.matches(row.line())),
                    row.loader().name() + ": " + lines);
        }
        // JsonLoader with no schema reads .pig_schema beside the data when it runs: none to generate rows from.
        PigRelation.Load schemaless = load("in", new FuncSpec("JsonLoader", List.of(), AT), List.of());
        assertThrows(
                VerifyInputs.NoInput.class,
                () -> VerifyInputs.of(RepoRoot.of(repo), repo, schemaless, 0, Map.of(), false, NONE, tmp));
    }
}
