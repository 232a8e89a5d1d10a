package dev.ferry.cli;

import dev.ferry.translator.repo.Progress;
import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a long conversion, on standard error. Shown only where a person watches: the launcher
 * ({@code bin/ferry}) sets {@code -Dferry.stderr.tty=true} when standard error is a terminal, and never in CI (the
 * {@code CI} variable set); in a pipe, a file or a test nothing is drawn. It appears once a run has taken
 * {@code ferry.progress.after.ms} (default 1000) so short runs stay quiet, and is closed before diagnostics print.
 */
final class ProgressDisplay implements Progress, AutoCloseable {

    private final PrintStream stream;
    private final long afterMillis;
    private final LongSupplier clock;
    private final long start;
    private ProgressBar bar;

    ProgressDisplay(PrintStream stream, long afterMillis, LongSupplier clock) {
        this.stream = stream;
        this.afterMillis = afterMillis;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A display for this process: a bar on a watched terminal, else nothing. */
    static ProgressDisplay forThisProcess() {
        boolean watched = Boolean.getBoolean("ferry.stderr.tty") && System.getenv("CI") == null;
        return new ProgressDisplay(
                watched ? System.err : null, Long.getLong("ferry.progress.after.ms", 1000), System::currentTimeMillis);
    }

    @Override
    public void advanced(int done, int total) {
        if (stream == null) {
            return;
        }
        if (bar == null && clock.getAsLong() - start >= afterMillis) {
            bar = new ProgressBarBuilder()
                    .setTaskName("converting")
                    .setInitialMax(total)
                    .setUnit(" apps", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .hideEta()
                    .setConsumer(new ConsoleProgressBarConsumer(stream))
                    .build();
        }
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            stream.println(); // the library leaves its last line open; diagnostics start on their own line
            stream.flush();
        }
    }
}
