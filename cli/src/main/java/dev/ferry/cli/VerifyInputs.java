package dev.ferry.cli;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigType;
import dev.ferry.parser.repo.RepoRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The file Pig and Flink read for one LOAD, and how it was made. */
    record Input(Path file, Kind kind) {}

    /**
     * What a script reads of a LOAD without AS by position: at least {@code width} fields, and the type some
     * {@code $n} is cast to ({@code (int)$3}), so that generated rows reach every field read and put castable (and
     * sometimes uncastable) values there. Taken from the whole script: a wider row than one LOAD needs changes nothing.
     */
    record Positional(int width, Map<Integer, PigType> casts) {
        static final Positional NONE = new Positional(SCHEMALESS_WIDTH, Map.of());

        /** The widest {@code $n} a script names; bounded so that a stray {@code $99999} cannot blow a row up. */
        static final int MAX_WIDTH = 200;

        private static final Pattern POSITION = Pattern.compile("\\$(\\d{1,6})(?![0-9A-Za-z_])");
        private static final Pattern CAST = Pattern.compile(
                "\\(\\s*(int|long|float|double|biginteger|bigdecimal|boolean|datetime|chararray)\\s*\\)\\s*\\$(\\d{1,6})"
                        + "(?![0-9A-Za-z_])",
                Pattern.CASE_INSENSITIVE);

        /** From a script's text (after its parameters' values): every {@code $n} and {@code (type)$n} it names. */
        static Positional of(String text) {
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
                    casts.putIfAbsent(n, PigType.valueOf(cast.group(1).toUpperCase(java.util.Locale.ROOT)));
                }
            }
            return new Positional(width, Map.copyOf(casts));
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
            Positional positional,
            Path work)
            throws IOException, NoInput {
        Path file = work.resolve("input-" + index + ".txt");
        Optional<Path> found = inRepository(root, scriptDir, substitute(load.path(), params));
        if (found.isPresent()) {
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
        String delimiter = delimiter(load, params);
        for (int row = 0; row < GENERATED_ROWS; row++) {
            rows.add(row(load.schema(), positional, delimiter, random));
        }
        Files.write(file, rows, StandardCharsets.UTF_8);
        return new Input(file, Kind.GENERATED);
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
        if (name.equals("PigStorage") && args.size() <= 1) {
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
                        + " text, Apache logs and XMLLoader, and PigMix's tables)"));
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

    private static String row(List<FieldSchema> schema, Positional positional, String delimiter, Random random) {
        List<String> fields = new ArrayList<>();
        if (schema.isEmpty()) {
            for (int i = 0; i < positional.width(); i++) {
                fields.add(value(positional.casts().getOrDefault(i, PigType.BYTEARRAY), List.of(), random));
            }
        } else {
            schema.forEach(f -> fields.add(value(f.type(), f.fields(), random)));
        }
        // One line in ten is short: Pig pads it with nulls.
        int keep = random.nextInt(10) == 0 ? random.nextInt(fields.size() + 1) : fields.size();
        return delimiter.equals("\n") ? fields.get(0) : String.join(delimiter, fields.subList(0, Math.max(1, keep)));
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
