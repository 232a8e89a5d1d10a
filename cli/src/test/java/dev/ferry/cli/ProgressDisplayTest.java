package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bar appears only once a run has lasted its threshold, and never without a watched stream. */
class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(5_000);

    @Test
    void quietUntilTheThresholdThenDrawnToTheEnd() {
        try (ProgressDisplay display = new ProgressDisplay(stream, 1000, now::get)) {
            display.advanced(1, 4);
            now.addAndGet(999);
            display.advanced(2, 4);
            assertEquals("", text(), "a short run draws nothing");
            now.addAndGet(1);
            display.advanced(3, 4);
            display.advanced(4, 4);
        }
        assertTrue(text().contains("converting 100%"), text());
        assertTrue(text().contains("4/4 apps"), text());
        assertTrue(
                text().endsWith(System.lineSeparator()),
                () -> "the line is finished before diagnostics print: [" + text() + "]");
    }

    @Test
    void nothingWithoutAStream() {
        try (ProgressDisplay display = new ProgressDisplay(null, 0, now::get)) {
            display.advanced(1, 1);
        }
        assertEquals("", text());
    }

    @Test
    void notWatchedUnlessTheLauncherSaysSo() {
        // Tests run without -Dferry.stderr.tty: a conversion in a test, a pipe or CI draws nothing.
        PrintStream before = System.err;
        System.setErr(stream);
        try (ProgressDisplay display = ProgressDisplay.forThisProcess()) {
            display.advanced(1, 1);
        } finally {
            System.setErr(before);
        }
        assertEquals("", text());
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
