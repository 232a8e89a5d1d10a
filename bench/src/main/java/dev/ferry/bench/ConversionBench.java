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
 * under ../shared/corpus and samples/, and converting + rendering samples/clickstream.
 */
public final class ConversionBench {

    private ConversionBench() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> scripts;
        try (Stream<Path> walk = Stream.concat(Files.walk(root.resolve("../shared/corpus")), Files.walk(root.resolve("samples")))) {
            scripts = walk.filter(p -> p.toString().endsWith(".pig")).sorted().toList();
        }
        List<String> texts = scripts.stream().map(ConversionBench::read).toList();
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        for (int i = 0; i < 3; i++) {
            parseAll(texts);
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            parseAll(texts);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("pig parse: %d scripts, %d bytes, %d iterations: %.2f MB/s, %.3f ms per script%n",
                scripts.size(), bytes, iterations, bytes * iterations / seconds / 1e6, seconds * 1000 / iterations / scripts.size());

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
        System.out.printf("convert samples/clickstream: %d files, %.1f ms per conversion (%d iterations)%n",
                files, seconds * 1000 / iterations, iterations);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after run: %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }

    private static void parseAll(List<String> texts) {
        for (String text : texts) {
            PigParser.parse(text, "bench.pig", new Diagnostics());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
