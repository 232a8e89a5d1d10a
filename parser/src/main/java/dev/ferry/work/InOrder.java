package dev.ferry.work;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent work items run on as many threads as the machine has cores, and their results handed back on the
 * calling thread in the items' order: what a conversion writes never depends on which thread finished first. Each
 * worker has the deep stack of the thread that converts ({@link #STACK_BYTES}), so an input converts or fails the
 * same way whichever thread takes it. At most a few items per thread are ahead of the one handed back, so results
 * are not all held at once.
 */
public final class InOrder {

    /**
     * The stack of every thread that converts: deep but legal inputs (long expressions, nested macros) convert
     * whatever the JVM's default stack, and deeper ones reach the parser's limits (IO-E003) first.
     */
    public static final long STACK_BYTES = 256L << 20;

    /** Items in flight per thread beyond the one handed back: enough to keep every core busy. */
    private static final int AHEAD_PER_THREAD = 4;

    private InOrder() {}

    /** What is done with each result, on the calling thread, in the items' order. */
    @FunctionalInterface
    public interface Then<R, E extends Exception> {
        void accept(R result) throws E;
    }

    /**
     * Applies {@code work} to every item, on up to {@link Runtime#availableProcessors()} threads, and gives each
     * result to {@code then} in the items' order. An exception of {@code work} is thrown here, as it was thrown
     * there, once the results before it are handed back; the items after it are not handed back.
     */
    public static <T, R, E extends Exception> void forEach(
            List<T> items, Function<? super T, ? extends R> work, Then<? super R, E> then) throws E {
        forEach(items, work, then, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #forEach(List, Function, Then)} on at most {@code cores} threads. */
    static <T, R, E extends Exception> void forEach(
            List<T> items, Function<? super T, ? extends R> work, Then<? super R, E> then, int cores) throws E {
        int threads = Math.min(cores, items.size());
        if (threads <= 1) {
            for (T item : items) {
                then.accept(work.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(null, task, "ferry-worker", STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<R>> inFlight = new ArrayDeque<>();
            int next = 0;
            int limit = threads * (AHEAD_PER_THREAD + 1);
            while (next < items.size() || !inFlight.isEmpty()) {
                while (next < items.size() && inFlight.size() < limit) {
                    T item = items.get(next++);
                    inFlight.add(pool.submit(() -> work.apply(item)));
                }
                then.accept(result(inFlight.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting", e);
        }
    }
}
