package dev.ferry.bench;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.generator.RepoGenerator;
import dev.ferry.parser.pig.PigParser;
import dev.ferry.translator.repo.RepoTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ConversionBench ROOT [ITERATIONS]}: warms up, then times Pig parsing of every .pig file
 * under ../shared/corpus, samples/ and the parser's valid test scripts (MB/s, median of five
 * rounds), and converting + rendering samples/clickstream.
 */
public final class ConversionBench {

    private ConversionBench() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> scripts;
        try (Stream<Path> walk = Stream.concat(
                Stream.concat(Files.walk(root.resolve("../shared/corpus")), Files.walk(root.resolve("samples"))),
                Files.walk(root.resolve("parser/src/test/resources/pig/valid")))) {
            scripts = walk.filter(p -> p.toString().endsWith(".pig")).sorted().toList();
        }
        List<String> texts = scripts.stream().map(ConversionBench::read).toList();
        long bytes = texts.stream()
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        int rejected = parseAll(texts);
        // Warm up for two seconds (JIT, ANTLR's DFA cache), then time repeated rounds of the whole set.
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            parseAll(texts);
        }
        int rounds = 5;
        double[] mbPerSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                parseAll(texts);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            mbPerSecond[r] = bytes * (double) iterations / seconds / 1e6;
        }
        java.util.Arrays.sort(mbPerSecond);
        System.out.printf(
                "pig parse: %d scripts (corpus, samples, parser tests), %d bytes, %d rejected;"
                        + " %d rounds x %d iterations after 2 s warm-up: median %.2f MB/s (min %.2f, max %.2f),"
                        + " %.3f ms per script%n",
                scripts.size(),
                bytes,
                rejected,
                rounds,
                iterations,
                mbPerSecond[rounds / 2],
                mbPerSecond[0],
                mbPerSecond[rounds - 1],
                bytes / mbPerSecond[rounds / 2] / 1e3 / scripts.size());

        // One large script (the same texts concatenated to about 1 MB) shows the rate without the
        // per-script start-up cost of lexer, parser and builder objects.
        StringBuilder large = new StringBuilder();
        while (large.length() < 1_000_000) {
            texts.forEach(t -> large.append(t).append('\n'));
        }
        String big = large.toString();
        long bigBytes = big.getBytes(StandardCharsets.UTF_8).length;
        boolean bigParses = PigParser.parse(big, "large.pig", new Diagnostics()).isPresent();
        double[] bigRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            PigParser.parse(big, "large.pig", new Diagnostics());
            bigRates[r] = bigBytes / ((System.nanoTime() - t0) / 1e9) / 1e6;
        }
        java.util.Arrays.sort(bigRates);
        System.out.printf(
                "pig parse, one %d-byte script (%s): median %.2f MB/s (min %.2f, max %.2f)%n",
                bigBytes, bigParses ? "accepted" : "REJECTED", bigRates[rounds / 2], bigRates[0], bigRates[rounds - 1]);

        long start;
        double seconds;
        Path sample = root.resolve("samples/clickstream");
        for (int i = 0; i < 3; i++) {
            RepoGenerator.files(RepoTranslator.translate(sample));
        }
        start = System.nanoTime();
        int files = 0;
        for (int i = 0; i < iterations; i++) {
            files = RepoGenerator.files(RepoTranslator.translate(sample)).size();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "convert samples/clickstream: %d files, %.1f ms per conversion (%d iterations)%n",
                files, seconds * 1000 / iterations, iterations);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after run: %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }

    /** Parses every text; returns how many were rejected (the figure is only meaningful at 0). */
    private static int parseAll(List<String> texts) {
        int rejected = 0;
        for (String text : texts) {
            if (PigParser.parse(text, "bench.pig", new Diagnostics()).isEmpty()) {
                rejected++;
            }
        }
        return rejected;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
