package dev.ferry.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what a Pig {@code STORE} (or a Flink filesystem sink) wrote. JDK only.
 */
public final class PigOutput {

    private PigOutput() {}

    /**
     * The lines of an output location.
     *
     * <p>For a directory: every regular file directly inside it whose name does not start with
     * {@code _} or {@code .} (so {@code _SUCCESS}, {@code .part-r-00000.crc} and Flink's
     * in-progress {@code .part-...} files are skipped), in file-name order, concatenated.
     * Sub-directories are not descended into. For a regular file: its lines.
     *
     * <p>Lines are split on {@code \n} only (a {@code \r} stays part of the line, so the
     * comparison stays byte-exact); a final line terminator does not produce an empty last line.
     * Bytes are decoded as UTF-8.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     */
    public static List<String> read(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return lines(path);
        }
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "no Pig/Flink output here");
        }
        List<Path> parts;
        try (Stream<Path> s = Files.list(path)) {
            parts = s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith("_") && !n.startsWith(".");
                    })
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .collect(Collectors.toList());
        }
        List<String> out = new ArrayList<>();
        for (Path p : parts) {
            out.addAll(lines(p));
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
