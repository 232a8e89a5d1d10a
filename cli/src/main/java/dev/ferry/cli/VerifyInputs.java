package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.FuncSpec;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.pig.PigStorageOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The input {@code ferry verify --repo} gives each LOAD: the first lines of the file or directory the
 * path names when it lies in the repository (a sample), else rows generated from the LOAD's schema in
 * PigStorage's text form. Generated rows are deterministic and dirty on purpose: empty fields (null),
 * short lines, values that do not cast, unicode, negatives and zero, and few distinct values so that
 * GROUP and JOIN keys meet (every LOAD draws from the same small vocabularies). A script that loads with
 * PigMix's loader reads PigMix's tables instead ({@link PigMixData}), for every LOAD whose path's last segment
 * names one (its users and power_users are PigStorage files joined with page_views). Which kind each LOAD
 * got is reported, so an agree rate on generated data is never mistaken for one on real data.
 */
final class VerifyInputs {

    /** Where an input came from: named on the command line, sampled from the repository, or generated. */
    enum Kind {
        GIVEN,
        SAMPLED,
        GENERATED
    }

    /**
     * The file Pig and Flink read for one LOAD, and how it was made; {@code storer} is, for a loader of a binary format
     * ({@link #storer}), the storage function real Pig writes the file's text rows with before the script reads them.
     */
    record Input(Path file, Kind kind, Optional<String> storer) {
        Input(Path file, Kind kind) {
            this(file, kind, Optional.empty());
        }
    }

    /**
     * What a script reads of its LOADs' fields, so that generated rows hold values its casts accept: at least
     * {@code width} fields for a LOAD without AS, the type some {@code $n} is cast to ({@code (int)$3}), and the type
     * a named field is cast to ({@code (biginteger)a}, {@code (int)A::b}). Pig fails the job on text that a cast to
     * biginteger or bigdecimal cannot parse (other casts give null), so a field such a cast reads gets numbers where it
     * would get words. Taken from the whole script by name: a wider row, or numbers in a field of another relation
     * of the same name, change nothing Pig defines. {@code shortLines}: whether one generated line in ten is cut short
     * (off for a second try when real Pig failed on the first rows). {@code seeds}: the values the script compares
     * fields with, which one field value in two is drawn from ({@link LiteralSeeds}).
     */
    record Reads(
            int width,
            Map<Integer, PigType> casts,
            Map<String, PigType> namedCasts,
            boolean shortLines,
            LiteralSeeds seeds) {
        static final Reads NONE = new Reads(SCHEMALESS_WIDTH, Map.of(), Map.of());

        Reads(int width, Map<Integer, PigType> casts, Map<String, PigType> namedCasts) {
            this(width, casts, namedCasts, true, LiteralSeeds.NONE);
        }

        /** The same reads, every generated line whole: the same values, no line cut short. */
        Reads withoutShortLines() {
            return new Reads(width, casts, namedCasts, false, seeds);
        }

        /** The same reads, with values drawn from {@code seeds} too. */
        Reads withSeeds(LiteralSeeds seeds) {
            return new Reads(width, casts, namedCasts, shortLines, seeds);
        }

        /** The widest {@code $n} a script names; bounded so that a stray {@code $99999} cannot blow a row up. */
        static final int MAX_WIDTH = 200;

        private static final String TYPES = "(int|long|float|double|biginteger|bigdecimal|boolean|datetime|chararray)";
        private static final Pattern POSITION = Pattern.compile("\\$(\\d{1,6})(?![0-9A-Za-z_])");
        private static final Pattern CAST = Pattern.compile(
                "\\(\\s*" + TYPES + "\\s*\\)\\s*\\$(\\d{1,6})(?![0-9A-Za-z_])", Pattern.CASE_INSENSITIVE);
        /** {@code (type)name}, {@code (type)A::name}: a field, not a call ({@code (int)SIZE(x)}) nor a projection. */
        private static final Pattern NAMED_CAST = Pattern.compile(
                "\\(\\s*" + TYPES + "\\s*\\)\\s*(?:[A-Za-z_][A-Za-z0-9_]*::)*([A-Za-z_][A-Za-z0-9_]*)"
                        + "(?![A-Za-z0-9_.:#(])(?!\\s*\\()",
                Pattern.CASE_INSENSITIVE);

        /** From a script's text (after its parameters' values): every {@code $n}, {@code (type)$n} and {@code (type)name}. */
        static Reads of(String text) {
            int width = SCHEMALESS_WIDTH;
            Matcher position = POSITION.matcher(text);
            while (position.find()) {
                width = Math.max(width, Math.min(MAX_WIDTH, Integer.parseInt(position.group(1)) + 1));
            }
            Map<Integer, PigType> casts = new java.util.TreeMap<>();
            Matcher cast = CAST.matcher(text);
            while (cast.find()) {
                int n = Integer.parseInt(cast.group(2));
                if (n < MAX_WIDTH) {
                    casts.merge(n, PigType.fromKeyword(cast.group(1)), Reads::stricter);
                }
            }
            Map<String, PigType> named = new java.util.TreeMap<>();
            Matcher namedCast = NAMED_CAST.matcher(text);
            while (namedCast.find()) {
                named.merge(namedCast.group(2), PigType.fromKeyword(namedCast.group(1)), Reads::stricter);
            }
            return new Reads(width, Map.copyOf(casts), Map.copyOf(named));
        }

        /**
         * Of two casts of one field, the one whose values serve both: biginteger's integers parse as every number,
         * bigdecimal's and datetime's text must parse (Pig fails the job otherwise), a failed int or double cast is a
         * null, and chararray takes anything.
         */
        static PigType stricter(PigType a, PigType b) {
            return STRICTNESS.indexOf(a) >= STRICTNESS.indexOf(b) ? a : b;
        }

        private static final List<PigType> STRICTNESS = List.of(
                PigType.CHARARRAY,
                PigType.BOOLEAN,
                PigType.FLOAT,
                PigType.DOUBLE,
                PigType.INT,
                PigType.LONG,
                PigType.DATETIME,
                PigType.BIGDECIMAL,
                PigType.BIGINTEGER);

        /** The type to generate a loaded field of {@code declared} type as: its cast's, for untyped text. */
        PigType generated(String name, PigType declared) {
            // A field of an AS without names ((int, chararray)) has none: no cast can name it.
            PigType cast = name == null ? null : namedCasts.get(name);
            return cast != null && (declared == PigType.BYTEARRAY || declared == PigType.CHARARRAY) ? cast : declared;
        }
    }

    /** A failure to provide an input: a coded diagnostic for the LOAD. */
    static final class NoInput extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;

        NoInput(Diagnostic diagnostic) {
            super(diagnostic.message());
            this.diagnostic = diagnostic;
        }
    }

    static final int SAMPLE_LINES = 1000;
    /** The schema file JsonStorage and PigStorage '-schema' write beside their data, which PigStorage reads back. */
    static final String SCHEMA_FILE = ".pig_schema";

    static final int GENERATED_ROWS = 40;
    /** Width of the rows generated for a LOAD without a schema (Pig reads whatever each line has). */
    static final int SCHEMALESS_WIDTH = 5;

    private static final Pattern PARAMETER =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    static final String[] WORDS = {"ann", "bob", "cid", "Éva", "東京", "dan", "ann", "x y"};
    static final String[] NUMBERS = {"0", "1", "2", "3", "3", "7", "-4", "12"};
    static final String[] DECIMALS = {"0.0", "2.5", "-1.25", "3.75", "2.5", "10.0", "0.5"};

    private VerifyInputs() {}

    /**
     * The input for {@code load} (the {@code index}-th LOAD of the script), written under {@code work}.
     *
     * @param params the values of the script's parameters (given ones and {@code %default}s) for its path
     */
    static Input of(
            RepoRoot root,
            Path scriptDir,
            PigRelation.Load load,
            int index,
            Map<String, String> params,
            boolean pigmix,
            Reads reads,
            Path work)
            throws IOException, NoInput {
        Path file = work.resolve("input-" + index + ".txt");
        Optional<Path> found = inRepository(root, scriptDir, substitute(load.path(), params));
        if (found.isPresent()
                && load.function() != null
                && STORERS.containsKey(load.function().simpleName())) {
            // Binary files are read whole, where they are: lines of them are no sample.
            return new Input(found.get(), Kind.SAMPLED);
        }
        if (found.isPresent()) {
            Optional<Path> schemaFile = schemaFile(found.get());
            if (schemaFile.isPresent()) {
                // PigStorage (by default) and JsonLoader type the fields by the .pig_schema of the file's directory:
                // the
                // sample gets a directory of its own with a copy of it.
                Path dir = Files.createDirectories(work.resolve("input-" + index));
                Files.copy(schemaFile.get(), dir.resolve(SCHEMA_FILE), StandardCopyOption.REPLACE_EXISTING);
                file = dir.resolve(file.getFileName());
            }
            Files.write(file, sample(found.get()), StandardCharsets.UTF_8);
            return new Input(file, Kind.SAMPLED);
        }
        Optional<List<String>> pigmixTable = pigmix ? PigMixData.table(load.path()) : Optional.empty();
        if (pigmixTable.isPresent()) {
            Files.write(file, pigmixTable.get(), StandardCharsets.UTF_8);
            return new Input(file, Kind.GENERATED);
        }
        Random random = new Random(1_000_003L * (index + 1));
        List<String> rows = new ArrayList<>();
        Optional<TextFormats.Format> format = TextFormats.of(load, params);
        if (format.isPresent()) {
            for (int row = 0; row < GENERATED_ROWS; row++) {
                rows.add(format.get().row(random));
            }
            Files.write(file, rows, StandardCharsets.UTF_8);
            return new Input(file, Kind.GENERATED);
        }
        Optional<String> storer = storer(load, params);
        String delimiter = storer.isPresent() ? "\t" : delimiter(load, params);
        int tags = tagged(load, params) ? 1 : 0;
        List<FieldSchema> inFile = load.schema().subList(tags, load.schema().size());
        for (int row = 0; row < GENERATED_ROWS; row++) {
            rows.add(row(inFile, tags, reads, delimiter, random));
        }
        Files.write(file, rows, StandardCharsets.UTF_8);
        return new Input(file, Kind.GENERATED, storer);
    }

    /**
     * The loaders of binary formats, by class name, and the storer of Pig's that writes files they read: verify
     * generates text rows from the LOAD's AS, and real Pig stores them with the storer ({@link #storingScript}).
     */
    private static final Map<String, String> STORERS = Map.of(
            "AvroStorage", "AvroStorage",
            "OrcStorage", "OrcStorage",
            "ParquetLoader", "ParquetStorer",
            "BinStorage", "BinStorage");

    /**
     * The storer real Pig writes a binary loader's input with (the loader's package kept: parquet-pig's own
     * {@code parquet.pig.ParquetLoader} gets its {@code ParquetStorer}), with no argument: a loader's arguments name
     * what to read (an Avro reader schema, ORC options), and Pig writes every field of the AS. Empty for text loaders;
     * refused for a binary loader without AS (its fields are in the files, which verify would make).
     */
    static Optional<String> storer(PigRelation.Load load, Map<String, String> params) throws NoInput {
        if (load.function() == null || !STORERS.containsKey(load.function().simpleName())) {
            return Optional.empty();
        }
        String name = load.function().name();
        String storer =
                name.substring(0, name.length() - load.function().simpleName().length())
                        + STORERS.get(load.function().simpleName());
        if (load.schema().isEmpty() || load.schema().stream().anyMatch(f -> f.name() == null)) {
            throw new NoInput(Diagnostic.of(
                    DiagnosticCode.VER_E002,
                    load.function().span(),
                    "no data in the repository for '" + substitute(load.path(), params) + "', and rows for "
                            + load.function().name() + " are generated only from an AS clause naming every field"
                            + " (real Pig writes them with " + storer + "())"));
        }
        return Optional.of(storer + "()");
    }

    /**
     * The Pig script that writes {@code text} (rows generated in PigStorage's tab-separated form) into {@code dir}
     * with {@code storer}, read with the LOAD's AS so that every field has its type in the files.
     */
    static String storingScript(Path text, List<FieldSchema> schema, String storer, Path dir) {
        return "rows = LOAD " + ScriptPaths.quote(text.toString()) + " USING PigStorage('\\t') AS ("
                + schemaText(schema) + ");\nSTORE rows INTO " + ScriptPaths.quote(dir.toString()) + " USING " + storer
                + ";\n";
    }

    /** A schema as Pig writes it in an AS clause: {@code a:int, t:tuple(x:chararray), b:bag{tuple(y:int)}, m:map[]}. */
    static String schemaText(List<FieldSchema> fields) {
        return String.join(", ", fields.stream().map(VerifyInputs::fieldText).toList());
    }

    private static String fieldText(FieldSchema field) {
        String type = switch (field.type()) {
            case TUPLE -> "tuple(" + schemaText(field.fields()) + ")";
            case BAG ->
                "bag{"
                        + (field.fields().isEmpty()
                                ? ""
                                : fieldText(field.fields().get(0)))
                        + "}";
            case MAP ->
                "map["
                        + (field.fields().isEmpty()
                                ? ""
                                : fieldText(new FieldSchema(
                                        null,
                                        field.fields().get(0).type(),
                                        field.fields().get(0).fields(),
                                        field.span())))
                        + "]";
            default -> field.type().keyword();
        };
        return field.name() == null ? type : field.name() + ":" + type;
    }

    /** PigMix's loader: a script that LOADs with it reads PigMix's tables ({@link PigMixData}) by their names. */
    static final String PIGMIX_LOADER = "org.apache.pig.test.pigmix.udf.PigPerformanceLoader";

    /** Whether the script LOADs with PigMix's loader. */
    static boolean usesPigMix(List<PigRelation.Load> loads) {
        return loads.stream()
                .anyMatch(l -> l.function() != null && l.function().name().equals(PIGMIX_LOADER));
    }

    /**
     * PigStorage's field delimiter (piggybank's CSVLoader's and CSVExcelStorage's), or one field per line for
     * TextLoader; other loaders have no known text form.
     */
    private static String delimiter(PigRelation.Load load, Map<String, String> params) throws NoInput {
        if (load.function() == null) {
            return "\t";
        }
        String name = load.function().simpleName();
        // PigStorage('$DELIM'): Pig substitutes parameters in the whole script before parsing it.
        List<String> args = load.function().arguments().stream()
                .map(a -> substitute(a, params))
                .toList();
        if (name.equals("TextLoader") && args.isEmpty()) {
            return "\n";
        }
        // Piggybank's CSV loaders read the same lines as PigStorage(',') when no field holds a quote or the
        // delimiter (no generated value does): CSVExcelStorage's first argument is its delimiter.
        if (name.equals("CSVLoader") && args.isEmpty()) {
            return ",";
        }
        if (name.equals("CSVExcelStorage") && (args.isEmpty() || args.get(0).length() == 1)) {
            return args.isEmpty() ? "," : args.get(0);
        }
        // Its options (a second argument) change no line of the file: a tag is a field Pig prepends ({@link #row}).
        if (name.equals("PigStorage") && args.size() <= 2) {
            String d = args.isEmpty() ? "\t" : args.get(0);
            // PigStorage's own parsing of the argument (StorageUtil.parseFieldDel): one character, or an escape.
            if (d.length() == 1) {
                return d;
            }
            if (d.equals("\\t")) {
                return "\t";
            }
            if (d.matches("\\\\u[0-9a-fA-F]{4}")) {
                return String.valueOf((char) Integer.parseInt(d.substring(2), 16));
            }
        }
        throw new NoInput(Diagnostic.of(
                DiagnosticCode.VER_E002,
                load.function().span(),
                "no data in the repository for '" + load.path() + "', and rows for "
                        + load.function().name()
                        + (args.isEmpty()
                                ? ""
                                : "("
                                        + String.join(
                                                ", ",
                                                args.stream()
                                                        .map(ScriptPaths::quote)
                                                        .toList()) + ")")
                        + " cannot be generated (only PigStorage, TextLoader, JsonLoader with a schema, piggybank's CSV"
                        + " text, Apache logs and XMLLoader, PigMix's tables, and the Avro, ORC, Parquet and BinStorage"
                        + " files real Pig writes)"));
    }

    /**
     * Whether PigStorage prepends the file's name or path to each line's fields ('-tagFile', '-tagPath'; a word
     * without '-' is no option), as the translation reads its options: the AS's first field is not in the file.
     */
    static boolean tagged(PigRelation.Load load, Map<String, String> params) {
        FuncSpec function = load.function();
        return function != null
                && function.simpleName().equals("PigStorage")
                && !load.schema().isEmpty()
                && PigStorageOptions.tagsSource(new FuncSpec(
                        function.name(),
                        function.arguments().stream()
                                .map(a -> substitute(a, params))
                                .toList(),
                        function.span()));
    }

    static String substitute(String path, Map<String, String> params) {
        Matcher m = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(name, m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** The file or directory the path names, relative to the script or the repository root, when it is inside the repository. */
    private static Optional<Path> inRepository(RepoRoot root, Path scriptDir, String path) {
        try {
            if (path.contains("$") || path.contains("://") || Path.of(path).isAbsolute()) {
                return Optional.empty();
            }
            for (Path base : List.of(scriptDir, root.path())) {
                RepoRoot.Located located = root.locate(base, path);
                if (located.inside()) {
                    return Optional.of(located.path());
                }
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            // Not a local path (a NUL, say): no sample, rows are generated.
        }
        return Optional.empty();
    }

    /**
     * The {@code .pig_schema} Pig's loaders read for a path of the repository ({@code JsonMetadata.findMetaFile}): in
     * the directory itself, or in a file's directory.
     */
    private static Optional<Path> schemaFile(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        Path schema = dir == null ? null : dir.resolve(SCHEMA_FILE);
        return schema != null && Files.isRegularFile(schema) ? Optional.of(schema) : Optional.empty();
    }

    /** The first lines of a file, or of a directory's visible files in name order (Hadoop skips {@code _} and {@code .} files). */
    private static List<String> sample(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("_")
                                && !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine();
                        line != null && lines.size() < SAMPLE_LINES;
                        line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IOException(path.getFileName() + " is not UTF-8 text: " + e.getMessage(), e);
            }
        }
        return lines;
    }

    /**
     * One generated line; {@code offset}: the position in the AS of the line's first field (1 behind a tag Pig
     * prepends).
     */
    private static String row(List<FieldSchema> schema, int offset, Reads reads, String delimiter, Random random) {
        List<String> fields = new ArrayList<>();
        if (schema.isEmpty()) {
            for (int i = 0; i < reads.width(); i++) {
                fields.add(value(
                        null,
                        i,
                        reads.casts().getOrDefault(i, PigType.BYTEARRAY),
                        List.of(),
                        reads,
                        delimiter,
                        random));
            }
        } else {
            for (int i = 0; i < schema.size(); i++) {
                FieldSchema f = schema.get(i);
                fields.add(value(
                        f.name(),
                        offset + i,
                        reads.generated(f.name(), f.type()),
                        f.fields(),
                        reads,
                        delimiter,
                        random));
            }
        }
        // One line in ten is short: Pig pads it with nulls (the same random draws without short lines: the same
        // values).
        int keep = random.nextInt(10) == 0 ? random.nextInt(fields.size() + 1) : fields.size();
        if (!reads.shortLines()) {
            keep = fields.size();
        }
        return delimiter.equals("\n") ? fields.get(0) : String.join(delimiter, fields.subList(0, Math.max(1, keep)));
    }

    /**
     * A loaded field's value: one time in two a value the script compares the field with, when it compares it with
     * some ({@link LiteralSeeds}; no draw for a field it compares with none, whose values stay as they were).
     */
    private static String value(
            String name,
            int position,
            PigType type,
            List<FieldSchema> inner,
            Reads reads,
            String delimiter,
            Random random) {
        List<String> seeds = reads.seeds().of(name, position, type, delimiter);
        if (!seeds.isEmpty() && random.nextBoolean()) {
            return seeds.get(random.nextInt(seeds.size()));
        }
        return value(type, inner, random);
    }

    /** One field in PigStorage's text form; empty (null) one time in eight. */
    static String value(PigType type, List<FieldSchema> inner, Random random) {
        if (random.nextInt(8) == 0) {
            return "";
        }
        return switch (type) {
            case INT, LONG -> random.nextInt(20) == 0 ? "n/a" : pick(NUMBERS, random);
            case FLOAT, DOUBLE -> random.nextInt(20) == 0 ? "n/a" : pick(DECIMALS, random);
            // Pig's caster fails the job on text BigInteger and BigDecimal cannot parse: no "n/a" for them.
            case BIGINTEGER -> pick(NUMBERS, random);
            case BIGDECIMAL -> pick(DECIMALS, random);
            case CHARARRAY -> pick(WORDS, random);
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case DATETIME ->
                "2026-0" + (1 + random.nextInt(3)) + "-1" + random.nextInt(3) + "T0" + random.nextInt(3)
                        + ":30:00.000Z";
            case BYTEARRAY -> random.nextBoolean() ? pick(WORDS, random) : pick(NUMBERS, random);
            case TUPLE ->
                "("
                        + String.join(
                                ",",
                                inner.stream()
                                        .map(f -> value(f.type(), f.fields(), random))
                                        .toList()) + ")";
            case BAG -> {
                List<String> tuples = new ArrayList<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    tuples.add(
                            inner.isEmpty()
                                    ? "(" + pick(WORDS, random) + ")"
                                    : value(PigType.TUPLE, inner.get(0).fields(), random));
                }
                yield "{" + String.join(",", tuples) + "}";
            }
            case MAP ->
                "[k#" + value(inner.isEmpty() ? PigType.CHARARRAY : inner.get(0).type(), List.of(), random) + "]";
        };
    }

    static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
